"""The one way plain mode writes: cleaned lines, broken between words, in letters the
terminal can show."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
import textwrap
from typing import TextIO

from tutor.plain.encoding import isatty, limited_charset, stand_in
from tutor.text import clean

# The start of a list item, so that its broken lines line up after it.
_BULLET = re.compile(r"(?:[-*+]|\d+[.)]|\[ \]) ")


class Writer:
    """Plain lines to the output; nothing in them a terminal could act on.

    On a terminal, long lines are broken between words to fit its width (the terminal itself
    would break them in the middle of a word); elsewhere each line is written whole. On a
    terminal that cannot show every letter, quotes, dashes and arrows become plain ASCII.
    """

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.width = 0
        if isatty(out):
            self.width = max(20, shutil.get_terminal_size().columns - 1)
        self.charset = limited_charset(out)

    def raw(self, text: str) -> None:
        text = clean(text)
        if self.charset is not None:
            text = stand_in(text, self.charset)
        try:
            self.out.write(text)
        except UnicodeEncodeError:  # a console that cannot show some letter after all
            encoding = getattr(self.out, "encoding", None) or "ascii"
            self.out.write(text.encode(encoding, "replace").decode(encoding, "replace"))

    def line(self, text: str = "", *, hang: int = 0) -> None:
        """Write ``text`` and a newline; ``hang`` indents the lines a long one is broken into."""
        for part in text.split("\n"):
            self.raw(self.fit(part, hang) + "\n")

    def fit(self, line: str, hang: int = 0) -> str:
        if not self.width or len(line) <= self.width:
            return line
        body = line.lstrip(" ")
        indent = " " * (len(line) - len(body))
        if not hang:
            bullet = _BULLET.match(body)
            hang = bullet.end() if bullet else 0
        return textwrap.fill(body, self.width, initial_indent=indent,
                             subsequent_indent=indent + " " * hang,
                             break_long_words=False, break_on_hyphens=False)

    def lines(self, text: str, indent: str = "") -> None:
        for line in text.splitlines() or [""]:
            self.line(f"{indent}{line}" if line else "")

    def flush(self) -> None:
        self.out.flush()

    def newline_quietly(self) -> None:
        with contextlib.suppress(Exception):
            self.raw("\n")
            self.flush()


def detach_stdout(out: TextIO) -> None:
    """After a closed pipe, point stdout at nothing so Python's exit does not complain."""
    if out is not sys.stdout:
        return
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
