"""Looking again at questions missed the first time: one at a time, with the lesson's own
question view and feedback. Always optional: Esc leaves at any question, and nothing is lost."""

from __future__ import annotations

from pathlib import PurePath
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from tutor import review
from tutor.review import Question, ReviewRound
from tutor.ui.literal import relabel, say
from tutor.ui.screens.stepping import SteppingScreen
from tutor.ui.widgets.footer import KeyFooter
from tutor.ui.widgets.steps import ChoiceView


class ReviewScreen(SteppingScreen):
    """A round of questions: the due ones from the home screen, or a lesson's missed ones from
    its end (``again``), whose answers are kept but do not move the schedule."""

    CSS_PATH: ClassVar[list[str | PurePath]] = ["lesson.tcss", "review.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "review.key_stop"),
        Binding("right", "next", "key.next"),
        Binding("pageup", "scroll_step(-1)", show=False),
        Binding("pagedown", "scroll_step(1)", show=False),
    ]

    def __init__(self, questions: list[Question], *, again: bool = False) -> None:
        super().__init__()
        self.questions = questions
        self.again = again
        self.round: ReviewRound | None = None
        self.finished = False

    def compose(self) -> ComposeResult:
        with Horizontal(id="lesson-top"):
            yield Static(say("review.title"), id="lesson-title")
            yield Static(id="step-count")
        yield Static(id="review-from")
        yield VerticalScroll(id="step-area", can_focus=False)
        with Horizontal(id="nav"):
            yield Button(say("review.next"), id="next", variant="primary")
        yield KeyFooter()

    async def on_mount(self) -> None:
        app = self.tutor
        self.round = ReviewRound(app.store, self.questions, seed=app.learner_seed,
                                 again=self.again, clock=review.now, on_problem=self.problem)
        if not self.round.total:
            await self.show_end()
            return
        await self.show_question()

    @property
    def current(self) -> ReviewRound:
        assert self.round is not None
        return self.round

    def problem(self, message: str) -> None:
        self.notify(message, markup=False, severity="error", timeout=15)

    async def show_question(self) -> None:
        current = self.current
        question = current.question
        self.query_one("#step-count", Static).update(
            say("review.question_of", number=current.number, total=current.total))
        self.query_one("#review-from", Static).update(
            say("review.from_lesson", lesson=question.lesson.title))
        relabel(self.query_one("#next", Button),
                say("review.finish" if current.is_last else "review.next"))
        intro = Static(say("review.again_intro" if self.again else "review.intro"),
                       id="review-intro") if current.number == 1 else None
        view = ChoiceView(question.step, current.session)
        await self.replace_step(*(w for w in (intro, view) if w is not None))
        view.focus_first()

    async def show_end(self) -> None:
        """What the round did, said calmly, and the way back."""
        self.finished = True
        current = self.current
        parts = [say("review.done_title").stylize("bold")]
        looked = len(current.results)
        if looked:
            parts.append(say("review.looked", count=looked))
            if current.right:
                parts.append(say("review.right", count=current.right))
            parts.append(say("review.again_later" if self.again else "review.later"))
        elif current.total:
            parts.append(say("review.nothing_looked"))
        else:
            parts.append(say("review.none"))
        self.query_one("#step-count", Static).update("")
        self.query_one("#review-from", Static).update("")
        await self.replace_step(Static(Content("\n\n").join(parts), id="review-end"))
        button = self.query_one("#next", Button)
        relabel(button, say("review.done"))
        button.focus()

    async def action_next(self) -> None:
        if self.finished:
            self.action_leave()
        elif self.current.next():
            await self.show_question()
        else:
            await self.show_end()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The question list's ← goes back a step in a lesson; a round has no step before.
        return action != "back"

    def action_leave(self) -> None:
        self.app.pop_screen()



__all__ = ["ReviewScreen"]
