"""Word lists matched against the words of a draft, not as regular expressions.

A draft is split into words once, with an index from each word to where it stands. A word list
then looks up only its own first words in that index, so a long list or a long draft costs a
few dictionary look-ups, and nothing a learner types can make it slow.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence

WORD = re.compile(r"\w+")

# One part of a phrase: ("w", word) exact, ("p", start) any ending, ("s", end) any beginning,
# ("n", "") a number in digits or as a number word.
Part = tuple[str, str]


class Words:
    """The words of a text: where each stands, as written, and in lower case."""

    def __init__(self, text: str, sentence_end: re.Pattern[str] | None = None) -> None:
        self.text = text
        spans = [m.span() for m in WORD.finditer(text)]
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]
        self.texts = WORD.findall(text)
        self.lows = [w.casefold() for w in self.texts]
        self._sentence_end = sentence_end
        self._found: dict[int, list[int]] = {}

    def __len__(self) -> int:
        return len(self.lows)

    @functools.cached_property
    def index(self) -> dict[str, list[int]]:
        where: dict[str, list[int]] = {}
        for i, low in enumerate(self.lows):
            where.setdefault(low, []).append(i)
        return where

    @functools.cached_property
    def digit_words(self) -> list[str]:
        return [w for w in self.index if w.isdigit()]

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Character offsets of words [i, j)."""
        return self.starts[i], self.ends[j - 1]

    @functools.cached_property
    def _sentence_ends(self) -> list[int]:
        if self._sentence_end is None:
            return []
        return [m.end() for m in self._sentence_end.finditer(self.text)]

    def sentence(self, i: int) -> tuple[int, int]:
        """The words [lo, hi) of the sentence that word ``i`` stands in."""
        ends = self._sentence_ends
        k = bisect.bisect_right(ends, self.starts[i])
        first = ends[k - 1] if k else 0
        last = ends[k] if k < len(ends) else len(self.text)
        return (bisect.bisect_left(self.starts, first, 0, i + 1),
                bisect.bisect_left(self.starts, last, i))

    def sentence_chars(self, i: int) -> tuple[int, int]:
        lo, hi = self.sentence(i)
        return self.starts[lo], self.ends[hi - 1]

    def candidates(self, phrases: Phrases) -> list[int]:
        """Where a phrase of ``phrases`` may start, in order (worked out once per list)."""
        key = id(phrases)
        if key not in self._found:
            self._found[key] = phrases.starts_in(self)
        return self._found[key]


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
    """A word list: finds its phrases among a text's words, longest first, never overlapping."""

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

    def starts_in(self, words: Words) -> list[int]:
        index = words.index
        firsts = [w for w in self._exact if w in index]
        if self._starts:
            firsts += [w for w in index if w.startswith(self._starts)]
        if self._ends:
            firsts += [w for w in index if w.endswith(self._ends)]
        if self._number:
            firsts += words.digit_words + [w for w in self._numbers if w in index]
        found: list[int] = []
        for word in set(firsts):
            found += index[word]
        return sorted(found)

    def _part_matches(self, part: Part, low: str) -> bool:
        kind, value = part
        if kind == "w":
            return low == value
        if kind == "p":
            return low.startswith(value)
        if kind == "s":
            return low.endswith(value)
        return self._is_number(low)

    def _matches(self, parts: Sequence[Part], lows: Sequence[str], i: int, hi: int) -> bool:
        if i < 0 or i + len(parts) > hi:
            return False
        return all(self._part_matches(part, lows[i + k]) for k, part in enumerate(parts))

    def _candidates(self, low: str) -> list[tuple[Part, ...]]:
        found = list(self._exact.get(low, ()))
        if self._starts and low.startswith(self._starts):
            found += self._prefix
        if self._ends and low.endswith(self._ends):
            found += self._suffix
        if self._number and self._is_number(low):
            found += self._number
        return found

    def match_at(self, words: Words, i: int, hi: int | None = None) -> int:
        """How many words from ``i`` on make up the longest phrase; 0 for none."""
        hi = len(words) if hi is None else hi
        if i < 0 or i >= hi:
            return 0
        best = 0
        for parts in self._candidates(words.lows[i]):
            if len(parts) > best and self._matches(parts, words.lows, i, hi):
                best = len(parts)
        return best

    def match_ending(self, words: Words, k: int, lo: int = 0) -> int:
        """How many words before ``k`` make up the longest phrase ending there; 0 for none."""
        best = 0
        for parts in self.entries:
            n = len(parts)
            if n > best and k - n >= lo and self._matches(parts, words.lows, k - n, k):
                best = n
        return best

    def find(self, words: Words, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
        """Every phrase between words ``lo`` and ``hi`` as ranges [i, j), left to right."""
        hi = len(words) if hi is None else hi
        places = words.candidates(self)
        spans: list[tuple[int, int]] = []
        cursor = lo
        for i in places[bisect.bisect_left(places, lo):bisect.bisect_left(places, hi)]:
            if i < cursor:
                continue
            n = self.match_at(words, i, hi)
            if n:
                spans.append((i, i + n))
                cursor = i + n
        return spans
