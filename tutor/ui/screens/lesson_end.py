"""The end of a lesson: what the learner did and wrote, and the way on."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from tutor.confidence import Change, chart_row, course_change, course_changes
from tutor.messages import t
from tutor.packs.model import Lesson, Pack
from tutor.session import LessonSummary
from tutor.text import clean_line
from tutor.ui.literal import bold, hanging, literal, say
from tutor.ui.screens.base import TutorScreen
from tutor.ui.widgets.footer import KeyFooter
from tutor.wording import action_line


class LessonEndScreen(TutorScreen[None]):
    CSS_PATH = "lesson_end.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "home", "key.lessons"),
        Binding("p", "plan", "key.plan"),
    ]

    def __init__(self, pack: Pack, lesson: Lesson, summary: LessonSummary) -> None:
        super().__init__()
        self.pack = pack
        self.lesson = lesson
        self.summary = summary
        self.following = pack.next_lesson(lesson.id)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="end"):
            yield Static(say("end.well_done", lesson=self.lesson.title), id="end-title")
            yield Static(self.what_you_did(), id="end-summary")
            if self.summary.missed:
                with Vertical(id="end-missed"):
                    yield Static(bold(t("review.missed_title")))
                    for missed in self.summary.missed:  # wrapped lines stay under their words
                        yield Static(hanging("•", clean_line(missed.prompt)), classes="missed")
            with Vertical(id="end-actions"):
                if self.summary.missed:
                    yield Button(say("review.try_again"), id="try-again")
                if self.following is not None:
                    yield Button(say("end.next", lesson=self.following.title), id="next-lesson",
                                 variant="primary")
                yield Button(say("end.plan"), id="plan",
                             variant="default" if self.following else "primary")
                yield Button(say("end.home"), id="home")
        yield KeyFooter()

    def on_mount(self) -> None:
        # The screen opens at its top ("Well done" first), with the keyboard on the next step.
        self.query_one("#next-lesson" if self.following else "#plan", Button).focus(
            scroll_visible=False)
        self.call_after_refresh(self.query_one("#end", VerticalScroll).scroll_home,
                                animate=False)
        self.take_in_missed()

    def take_in_missed(self) -> None:
        """The misses come back later on their schedule, from now on."""
        from tutor import review
        from tutor.progress.store import StoreError

        try:
            review.take_in(self.tutor.store, [self.pack], review.now())
        except StoreError as error:
            self.notify(str(error), markup=False, severity="error", timeout=15)

    @on(Button.Pressed, "#try-again")
    def try_again(self) -> None:
        from tutor import review
        from tutor.ui.screens.review import ReviewScreen

        questions = review.questions_of(self.pack, self.lesson,
                                        [m.key for m in self.summary.missed], review.now())
        self.app.push_screen(ReviewScreen(questions, again=True))

    def what_you_did(self) -> Content:
        s = self.summary
        parts: list[Content] = []
        if questions := s.describe_questions():
            parts.append(literal(questions))
        for change in s.confidence:  # the picture first: people would rather look than read
            if change.before and change.after:
                picture, word = chart_row(Change(change.statement, change.before, change.after))
                parts.append(bold(t("confidence.title")) + literal(
                    f"\n{picture}  {word}\n{change.describe()}{self.course_line()}"))
                break
        if s.ticked:
            parts.append(say("end.ticked_one" if s.ticked == 1 else "end.ticked", count=s.ticked))
        if s.reflections:
            parts.append(bold(t("end.you_wrote")))
            for prompt, text in s.reflections:
                parts.append(literal(prompt).stylize("italic") + literal("\n" + text))
        if s.commitments:
            parts.append(bold(t("end.you_chose")))
            parts.append(literal("\n".join(
                f"• {action_line(c.text, c.by)}"
                for c in s.commitments)))
        if not parts:
            parts.append(say("end.nothing"))
        return Content("\n\n").join(parts)

    def course_line(self) -> str:
        """The whole course so far, under this lesson's picture, once two lessons are rated."""
        course = course_change(course_changes(self.tutor.packs, self.tutor.store))
        if course is None:
            return ""
        picture, word = chart_row(course)
        return f"\n\n{course.lesson}\n{picture}  {word}"

    @on(Button.Pressed, "#next-lesson")
    def next_lesson(self) -> None:
        from tutor.ui.screens.lesson import LessonScreen

        if self.following is not None:
            self.app.switch_screen(LessonScreen(self.pack, self.following))

    @on(Button.Pressed, "#plan")
    def action_plan(self) -> None:
        from tutor.ui.screens.plan import PlanScreen

        self.app.switch_screen(PlanScreen())

    @on(Button.Pressed, "#home")
    def action_home(self) -> None:
        self.app.pop_screen()
