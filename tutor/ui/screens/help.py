"""Help: the keys, where the learner's data lives, and how to leave."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Button, Static

from tutor.ui.literal import say
from tutor.ui.screens.base import TutorModal


class HelpScreen(TutorModal[None]):
    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,question_mark,q", "close", "key.close"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(say("help.title"), id="help-title")
            with VerticalScroll(id="help-text"):
                yield Static(say("help.keys"))
                yield Static(say("help.data", path=self.tutor.store.path.parent))
                yield Static(say("help.leave"))
            yield Button(say("help.close"), id="close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss()
