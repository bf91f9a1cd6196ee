"""Asking before a link in a lesson is opened: nothing in a pack opens by itself."""

from __future__ import annotations

from typing import ClassVar
from urllib.parse import urlsplit

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from tutor.text import clean_line
from tutor.ui.literal import literal, say
from tutor.ui.screens.base import TutorModal


def openable(href: str) -> bool:
    """Only a plain https address may be opened, and only after the learner says yes."""
    try:
        parts = urlsplit(href)
        return parts.scheme == "https" and bool(parts.hostname) and href == clean_line(href)
    except ValueError:  # an address Python cannot even take apart
        return False


class ConfirmLinkScreen(TutorModal[bool]):
    CSS_PATH = "confirm_link.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "no", "key.close")]

    def __init__(self, href: str) -> None:
        super().__init__()
        self.href = href
        self.can_open = openable(href)

    def compose(self) -> ComposeResult:
        with Vertical(id="link-box"):
            yield Static(say("link.ask" if self.can_open else "link.cannot"), id="link-question")
            yield Static(literal(self.href), id="link-address")
            with Horizontal(id="link-actions"):
                if self.can_open:
                    yield Button(say("link.open"), id="yes", variant="warning")
                yield Button(say("link.stay"), id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed, "#yes")
    def yes(self) -> None:
        if self.can_open:
            self.app.open_url(self.href)
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def action_no(self) -> None:
        self.dismiss(False)
