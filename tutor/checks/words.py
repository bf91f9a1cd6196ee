"""Word lists matched against the words of a draft, not as regular expressions.

Lists from the data files are matched word by word, so a list of a hundred words costs one
dictionary look-up per word of the draft, and nothing a learner types can make it slow.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

WORD = re.compile(r"\w+")

# One part of a phrase: ("w", word) exact, ("p", start) any ending, ("s", end) any beginning,
# ("n", "") a number in digits or as a number word.
Part = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    low: str


def tokenize(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group(), m.group().casefold())
            for m in WORD.finditer(text)]


def _parts(entry: str) -> tuple[Part, ...]:
    parts: list[Part] = []
    for word in entry.casefold().split():
        if word == "#":
            parts.append(("n", ""))
            continue
        pieces = WORD.findall(word)
        if not pieces:
            continue
        kinds = ["w"] * len(pieces)
        if word.endswith("*"):
            kinds[-1] = "p"
        if word.startswith("*"):
            kinds[0] = "s"
        parts.extend(zip(kinds, pieces, strict=True))
    return tuple(parts)


class Phrases:
    """A word list: finds its phrases among tokens, longest first, never overlapping."""

    def __init__(self, entries: Iterable[str], numbers: Iterable[str] = ()) -> None:
        self.entries = tuple(p for p in (_parts(e) for e in entries) if p)
        self._numbers = frozenset(n.casefold() for n in numbers)
        self._exact: dict[str, list[tuple[Part, ...]]] = {}
        self._prefix: list[tuple[Part, ...]] = []
        self._suffix: list[tuple[Part, ...]] = []
        self._number: list[tuple[Part, ...]] = []
        for parts in self.entries:
            kind, value = parts[0]
            if kind == "w":
                self._exact.setdefault(value, []).append(parts)
            else:
                {"p": self._prefix, "s": self._suffix, "n": self._number}[kind].append(parts)
        self._starts = tuple(p[0][1] for p in self._prefix)
        self._ends = tuple(p[0][1] for p in self._suffix)

    def __bool__(self) -> bool:
        return bool(self.entries)

    def _is_number(self, low: str) -> bool:
        return low.isdigit() or low in self._numbers

    def _part_matches(self, part: Part, low: str) -> bool:
        kind, value = part
        if kind == "w":
            return low == value
        if kind == "p":
            return low.startswith(value)
        if kind == "s":
            return low.endswith(value)
        return self._is_number(low)

    def _matches(self, parts: Sequence[Part], tokens: Sequence[Token], i: int, hi: int) -> bool:
        if i + len(parts) > hi:
            return False
        return all(self._part_matches(part, tokens[i + k].low) for k, part in enumerate(parts))

    def _candidates(self, low: str) -> list[tuple[Part, ...]]:
        found = list(self._exact.get(low, ()))
        if self._starts and low.startswith(self._starts):
            found += self._prefix
        if self._ends and low.endswith(self._ends):
            found += self._suffix
        if self._number and self._is_number(low):
            found += self._number
        return found

    def match_at(self, tokens: Sequence[Token], i: int, hi: int | None = None) -> int:
        """How many tokens from ``i`` on make up the longest phrase; 0 for none."""
        hi = len(tokens) if hi is None else hi
        if i >= hi:
            return 0
        best = 0
        for parts in self._candidates(tokens[i].low):
            if len(parts) > best and self._matches(parts, tokens, i, hi):
                best = len(parts)
        return best

    def match_ending(self, tokens: Sequence[Token], k: int, lo: int = 0) -> int:
        """How many tokens before ``k`` make up the longest phrase ending there; 0 for none."""
        best = 0
        for parts in self.entries:
            n = len(parts)
            if n > best and k - n >= lo and self._matches(parts, tokens, k - n, k):
                best = n
        return best

    def find(self, tokens: Sequence[Token], lo: int = 0,
             hi: int | None = None) -> list[tuple[int, int]]:
        """Every phrase between ``lo`` and ``hi`` as token ranges [i, j), left to right."""
        hi = len(tokens) if hi is None else hi
        spans: list[tuple[int, int]] = []
        i = lo
        while i < hi:
            n = self.match_at(tokens, i, hi)
            if n:
                spans.append((i, i + n))
                i += n
            else:
                i += 1
        return spans
