"""Cleaning of untrusted text (from a pack or from the learner) before it is kept or shown.

Rich passes terminal control characters straight through and Textual parses markup, so
everything that reaches a screen is cleaned here first and then shown as plain content.
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls except tab and newline, DEL, C1 controls.
_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f"
# Bidirectional embeddings, overrides and isolates; the marks LRM/RLM/ALM are harmless and kept.
_BIDI = "\u202a-\u202e\u2066-\u2069"
# Unicode tag characters, used to hide text from readers.
_TAGS = "\U000e0000-\U000e007f"
# Line and paragraph separators confuse terminals; they become plain newlines.
_SEPARATORS = re.compile("[\u2028\u2029]|\r\n?")
_UNSAFE = re.compile(f"[{_CONTROL}{_BIDI}{_TAGS}]")


def clean(text: str) -> str:
    """Return ``text`` with nothing in it that a terminal could act on.

    Carriage returns become newlines, so text written on Windows keeps its lines. Tabs become
    four spaces: a tab's width depends on the terminal and breaks layout.
    """
    text = _SEPARATORS.sub("\n", text)
    text = _UNSAFE.sub("", text)
    text = text.replace("\t", "    ")
    return unicodedata.normalize("NFC", text)


def clean_line(text: str) -> str:
    """Like :func:`clean`, for text that must stay on one line (titles, ids, options)."""
    return " ".join(clean(text).split())


def is_clean(text: str) -> bool:
    return clean(text) == text


# What can start markup anywhere in a Markdown line (emphasis, code, links, HTML, entities,
# tables, strikethrough), and what can only at a line's start (headings, quotes, lists, rules).
_MD_INLINE = re.compile(r"([\\`*_\[\]<>&|~])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))")


def markdown_literal(text: str) -> str:
    """Learner or pack text for a Markdown file: it reads the same, and renders as exactly its
    characters (no heading, emphasis, link or HTML can come from it)."""
    lines = []
    for line in clean(text).split("\n"):
        line = _MD_INLINE.sub(r"\\\1", line)
        line = _MD_LINE_START.sub(lambda m: m[1] + "\\" + m[2] if not m[2][0].isdigit()
                                  else m[1] + m[2] + "\\", line)
        lines.append(line)
    return "\n".join(lines)
