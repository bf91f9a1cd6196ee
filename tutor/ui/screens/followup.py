"""A gentle look back: for each planned step whose date has passed, done, not yet (with a new
date), or drop it; or "ask me another day". Offered on start, at most once a day."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Static

from tutor import followup
from tutor.dates import input_date, parse_date
from tutor.messages import format_date, t
from tutor.plan import PlanAction, sentence, small_print
from tutor.progress.store import StoreError
from tutor.ui.literal import literal, say
from tutor.ui.screens.base import TutorScreen
from tutor.ui.widgets.footer import KeyFooter


class FollowUpScreen(TutorScreen[None]):
    CSS_PATH = "followup.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "later", "followup.another_day"),
    ]

    def __init__(self, actions: list[PlanAction]) -> None:
        super().__init__()
        self.actions = actions
        self.index = 0

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="followup"):
            yield Static(say("followup.title"), id="followup-title")
            yield Static(say("followup.intro", count=len(self.actions)), id="followup-intro")
            yield Static(id="followup-which", classes="muted")
            yield Static(id="followup-action")
            with Horizontal(id="followup-answers"):
                yield Button(say("followup.done"), id="fu-done", variant="primary")
                yield Button(say("followup.not_yet"), id="fu-not-yet")
                yield Button(say("followup.drop"), id="fu-drop")
            with Vertical(id="followup-date"):
                yield Static(say("followup.new_date"))
                with Horizontal():
                    yield Input(id="fu-date", placeholder=t("commit.by_placeholder"),
                                tooltip=t("commit.by_tooltip"))
                    yield Button(say("followup.keep_date"), id="fu-keep-date")
                yield Static(id="fu-date-problem", classes="muted")
            yield Static(id="followup-said")
            yield Button(say("followup.another_day"), id="fu-later")
            yield Static(say("followup.switch_note"), classes="muted")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#followup-said").display = False
        self.show_action()

    def show_action(self) -> None:
        action = self.actions[self.index]
        self.query_one("#followup-which", Static).update(
            say("followup.which", number=self.index + 1, count=len(self.actions)))
        self.query_one("#followup-which").display = len(self.actions) > 1
        self.query_one("#followup-action", Static).update(
            say("followup.planned", sentence=sentence(action))
            + literal("\n" + small_print(action)).stylize("italic"))
        self.query_one("#followup-date").display = False
        self.query_one("#fu-done", Button).focus()

    def answered(self, said: str) -> None:
        """Say what happened, then the next step, or back home when all are answered."""
        self.query_one("#followup-said", Static).update(literal(said))
        self.query_one("#followup-said").display = True
        self.index += 1
        if self.index < len(self.actions):
            self.show_action()
        else:
            self.notify(said, markup=False, timeout=8)
            self.dismiss()

    def keep(self, change: str) -> bool:
        """Do one change of the store; False (said once) when it could not be saved."""
        action = self.actions[self.index]
        try:
            if change == "done":
                followup.done(self.tutor.store, action)
            elif change == "drop":
                followup.drop(self.tutor.store, action)
        except StoreError as error:
            self.notify(str(error), markup=False, severity="error", timeout=15)
            return False
        return True

    @on(Button.Pressed, "#fu-done")
    def done(self) -> None:
        if self.keep("done"):
            self.answered(t("followup.thanks_done"))

    @on(Button.Pressed, "#fu-drop")
    def drop(self) -> None:
        if self.keep("drop"):
            self.answered(t("followup.thanks_drop"))

    @on(Button.Pressed, "#fu-not-yet")
    def not_yet(self) -> None:
        box = self.query_one("#fu-date", Input)
        box.value = input_date(followup.later())
        self.query_one("#fu-date-problem", Static).update("")
        self.query_one("#followup-date").display = True
        box.focus()
        box.cursor_position = len(box.value)  # so Backspace and Ctrl+U work on the date shown

    @on(Input.Submitted, "#fu-date")
    @on(Button.Pressed, "#fu-keep-date")
    def keep_date(self) -> None:
        text = self.query_one("#fu-date", Input).value
        problem = self.query_one("#fu-date-problem", Static)
        try:
            new = parse_date(text, followup.today())
        except ValueError:
            problem.update(say("followup.bad_date", text=text))
            return
        if new is None:
            new = followup.later()
        if new < followup.today():
            problem.update(say("followup.past_date"))
            return
        try:
            followup.put_off(self.tutor.store, self.actions[self.index], new)
        except StoreError as error:
            self.notify(str(error), markup=False, severity="error", timeout=15)
            return
        self.answered(t("followup.thanks_later", date=format_date(new)))

    @on(Button.Pressed, "#fu-later")
    def action_later(self) -> None:
        self.dismiss()
