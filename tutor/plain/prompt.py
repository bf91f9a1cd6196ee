"""Reading what the learner types: a line at a prompt, and the letters that work at every one.

At every prompt the learner may type ``b`` (back a step), ``r`` (read the step again), ``w``
(words used in the lesson), ``m`` (the list of lessons), ``q`` (quit; everything is saved) or
``?`` (help).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from tutor.messages import catalog, t
from tutor.packs.model import Lesson, Pack
from tutor.plain.writer import Writer
from tutor.session import LessonSession
from tutor.text import clean

InputFn = Callable[[str], str]

# What the learner may type instead of an answer. The one-letter forms are the ones we teach;
# the words are there for people who type what they mean.
COMMANDS = {
    "q": "quit", "quit": "quit", "exit": "quit",
    "b": "back", "back": "back",
    "?": "help", "h": "help", "help": "help",
    "r": "repeat",
    "w": "words",
    "m": "menu",
}
_SEPARATORS = re.compile(r"[\s,;]+")


def means(text: str, name: str) -> bool:
    """Whether ``text`` is one of the letters for ``name``: the learner's language's, or English."""
    word = text.casefold()
    key = f"plain.letters.{name}"
    return word in t(key).casefold().split() or word in str(catalog("en")[key]).split()


def command(text: str) -> str | None:
    """The command the learner typed (quit, back, help, repeat, words, menu), if any."""
    for name in ("quit", "back", "help", "repeat", "words", "menu"):
        if means(text, name):
            return name
    return COMMANDS.get(text.casefold())


class Quit(Exception):
    """The learner typed q: save and leave."""


class Move(Exception):
    """The learner asked to go somewhere else from inside a step: back, again, or the menu."""

    def __init__(self, where: str) -> None:
        super().__init__(where)
        self.where = where


@dataclass
class Where:
    """Where the learner is, so that help can say how to get back and b, r, m know a lesson."""

    lesson: tuple[Pack, Lesson] | None = None
    session: LessonSession | None = None
    in_menu: bool = False


class Prompter:
    """Asks, reads one line, and acts on the letters that work at every prompt."""

    def __init__(self, writer: Writer, input_fn: InputFn, where: Where, *, echo: bool,
                 on_help: Callable[[], None], on_words: Callable[[Pack, Lesson], None]) -> None:
        self.w = writer
        self.input_fn = input_fn
        self.where = where
        # A terminal shows what the learner types; piped answers and test doubles do not, so
        # they are written out to keep the transcript readable.
        self.echo = echo
        self.on_help = on_help
        self.on_words = on_words

    def read(self, prompt: str) -> str:
        """One line from the learner. Raises EOFError at the end of input."""
        while True:
            self.w.raw(prompt)
            self.w.flush()
            try:
                text = self.input_fn("")
            except UnicodeDecodeError:
                self.w.line()
                self.w.line(t("plain.unreadable"))
                continue
            if self.echo:
                self.w.line(text)
            return clean(text).rstrip("\n")

    def ask(self, prompt: str, *, moves: bool = True) -> str:
        """An answer, stripped; handles q, ? and w, and raises Move for b, r and m in a lesson."""
        while True:
            text = self.read(prompt).strip()
            said = command(text)
            if said == "quit":
                raise Quit
            if said == "help":
                self.on_help()
                continue
            if said == "words" and self.where.lesson is not None:
                self.on_words(*self.where.lesson)
                continue
            if said is not None and moves and self.where.lesson is not None:
                raise Move(said)
            return text


def numbers(text: str, count: int) -> list[int] | None:
    """The options the learner typed ("2", "1 3", "1, 3"), counted from 0; None if any is off."""
    picked: list[int] = []
    for part in _SEPARATORS.split(text.strip()):
        part = part.rstrip(".")
        if not part:
            continue
        if not part.isascii() or not part.isdecimal() or not 1 <= int(part) <= count:
            return None
        if int(part) - 1 not in picked:
            picked.append(int(part) - 1)
    return picked or None


def listed(indices: set[int] | list[int]) -> str:
    """Indices counted from 0, said as the numbers the learner typed: "1, 3"."""
    return ", ".join(str(index + 1) for index in sorted(indices))
