"""The end of a lesson: what the learner did and wrote, and the way on."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Static

from tutor.messages import t
from tutor.packs.model import Lesson, Pack
from tutor.session import LessonSummary
from tutor.ui.literal import bold, literal, say
from tutor.ui.screens.base import TutorScreen
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
            with Vertical(id="end-actions"):
                if self.following is not None:
                    yield Button(say("end.next", lesson=self.following.title), id="next-lesson",
                                 variant="primary")
                yield Button(say("end.plan"), id="plan",
                             variant="default" if self.following else "primary")
                yield Button(say("end.home"), id="home")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#next-lesson" if self.following else "#plan", Button).focus()

    def what_you_did(self) -> Content:
        s = self.summary
        parts: list[Content] = []
        if questions := s.describe_questions():
            parts.append(literal(questions))
        parts.extend(literal(words) for change in s.confidence if (words := change.describe()))
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
