"""Text for the screen, always literal: pack and learner text is never parsed as markup."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.content import Content
from textual.widgets import Button

from tutor.messages import t
from tutor.text import clean


def literal(text: str) -> Content:
    """Untrusted or translated text as Content that shows exactly its characters."""
    return Content(clean(text))


def say(key: str, /, **params: object) -> Content:
    """A catalog message as literal Content; parameters may hold pack or learner text."""
    return literal(t(key, **params))


def bold(text: str) -> Content:
    return literal(text).stylize("bold")


def hanging(mark: str, text: str) -> Table:
    """A list line whose wrapped lines stay under the text, not under its mark."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(Text(clean(mark)), Text(clean(text)))
    return grid


def relabel(button: Button, label: Content) -> None:
    """Give a button new words and the room they need: Textual keeps a button's old width when
    only its label changes, which cut "Finish the lesson" and long lesson titles short."""
    button.label = label
    button.refresh(layout=True)
