"""A lesson page's Markdown on screen: drawn as one piece of text, in the theme's own colours.

Textual's Markdown widget builds a widget per paragraph and list item, which made turning to a
read page the slowest step change; Rich draws the same page as one renderable, in a fraction of
the time. Its colours are set to plain bold and italic here, so every letter keeps the theme's
contrast. A page with a link keeps Textual's widget: only there is a click caught and turned
into the question "open this address?" rather than followed.
"""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING

from rich.theme import Theme

from tutor.text import clean

if TYPE_CHECKING:
    from textual.widget import Widget

# Every style Rich's Markdown uses, without colour: emphasis by weight, slant and underline.
PLAIN_MARKDOWN = Theme({
    "markdown.code": "bold", "markdown.code_block": "none", "markdown.block_quote": "italic",
    "markdown.list": "none", "markdown.item.bullet": "bold", "markdown.item.number": "bold",
    "markdown.hr": "none", "markdown.h1": "bold underline", "markdown.h2": "bold",
    "markdown.h3": "bold", "markdown.h4": "bold", "markdown.h5": "italic",
    "markdown.h6": "italic", "markdown.h7": "italic", "markdown.link": "underline",
    "markdown.link_url": "underline", "markdown.table.border": "none",
    "markdown.table.header": "bold", "markdown.kbd": "bold",
})

# An inline link, an autolink or a reference definition: the page then keeps the widget that
# asks before opening anything.
_LINK = re.compile(r"\]\s*[(\[]|<[a-z][a-z0-9+.-]*:|^\s*\[[^\]]+\]:", re.IGNORECASE | re.MULTILINE)


def page(body: str, *, classes: str = "") -> Widget:
    from rich.markdown import Markdown as RichMarkdown
    from textual.widgets import Markdown, Static

    text = clean(body)
    if _LINK.search(text):
        return Markdown(text, open_links=False, classes=classes)
    return Static(RichMarkdown(text, hyperlinks=False, code_theme="ansi_dark"), classes=classes)


def load_in_background() -> None:
    """Rich's Markdown brings a syntax highlighter that takes a while to import: it is loaded
    while the learner looks at the home screen, not before it is painted."""

    def load() -> None:
        import rich.markdown  # noqa: F401
        import textual.widgets._markdown  # noqa: F401

    threading.Thread(target=load, name="netsteps-markdown", daemon=True).start()
