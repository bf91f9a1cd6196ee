"""How sure the learner feels, 1 to 5: buttons, or the number keys anywhere on the step."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.widgets import Button, Static

from tutor.ui.literal import bold, say
from tutor.ui.widgets.steps.base import StepView


class RateView(StepView):
    def compose(self) -> ComposeResult:
        rating = self.record.rating if self.record else None
        yield Static(say("rate.how_sure"), classes="muted")
        yield Static(bold(self.step.statement), classes="step-title")
        with HorizontalGroup(id="scale"):
            for value in range(1, 6):
                button = Button(say(f"rate.{value}"), id=f"rate-{value}", classes="rate")
                button.set_class(rating == value, "-picked")
                yield button
        yield Static(say("rate.keys"), classes="muted")
        yield Static(id="rated", classes="muted")

    def on_mount(self) -> None:
        if self.record and self.record.rating:
            self.show_rating(self.record.rating)

    def focus_first(self) -> None:
        rating = self.record.rating if self.record else None
        self.query_one(f"#rate-{rating or 3}").focus(scroll_visible=False)

    @on(Button.Pressed, ".rate")
    def pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.pick(int((event.button.id or "rate-3").rsplit("-", 1)[1]))

    def pick(self, value: int) -> None:
        self.session.rate(value)
        self.show_rating(value)
        self.post_message(self.Done())

    def show_rating(self, value: int) -> None:
        for button in self.query(".rate"):
            button.set_class(button.id == f"rate-{value}", "-picked")
        self.query_one("#rated", Static).update(say("rate.thanks", rating=value))
