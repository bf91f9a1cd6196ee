"""Text for the screen, always literal: pack and learner text is never parsed as markup."""

from __future__ import annotations

from textual.content import Content

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
