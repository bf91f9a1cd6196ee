"""Numbers a course leader wants about a lesson: size, questions and how easy it is to read.

Readability is LIX (Björnsson): words per sentence plus the percentage of words longer than six
letters, over every text a learner reads in the lesson. Below 40 is easy; over 50 is hard.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tutor.kinds import kind_of
from tutor.packs.model import Lesson

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# One mark right before a space or the end: a run such as "?!" counts once, in linear time.
_SENTENCE_END = re.compile(r"[.!?:](?=\s|$)")
_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|#+\s|>\s?)")
_MARKUP = re.compile(r"[*_`#>]|\]\([^)]*\)|\[")


@dataclass(frozen=True)
class LessonStats:
    lesson_id: str
    steps: int
    questions: int
    minutes: int
    words: int
    sentences: int
    lix: float


def learner_texts(lesson: Lesson) -> Iterator[str]:
    """Every text the learner reads in ``lesson``, one field at a time."""
    yield lesson.title
    yield lesson.summary
    yield from lesson.objectives
    for step in lesson.steps:
        yield from kind_of(step).texts(step)


def _segments(text: str) -> Iterator[str]:
    """Split a field into sentence-bearing blocks: paragraphs, list items and headings."""
    block: list[str] = []
    for line in text.splitlines():
        if not line.strip() or _BLOCK_START.match(line):
            if block:
                yield " ".join(block)
            block = [line] if line.strip() else []
        else:
            block.append(line)
    if block:
        yield " ".join(block)


def count(texts: Iterator[str] | list[str]) -> tuple[int, int, int]:
    """Words, sentences and long words over ``texts``."""
    words = sentences = long_words = 0
    for text in texts:
        for segment in _segments(_MARKUP.sub(" ", text)):
            found = _WORD.findall(segment)
            if not found:
                continue
            words += len(found)
            long_words += sum(1 for word in found if sum(ch.isalpha() for ch in word) > 6)
            ends = len(_SENTENCE_END.findall(segment))
            trailing = not _SENTENCE_END.search(segment.rstrip()[-3:] + " ")
            sentences += max(1, ends + (1 if trailing else 0))
    return words, sentences, long_words


def lix(texts: Iterator[str] | list[str]) -> float:
    return _lix(*count(texts))


def _lix(words: int, sentences: int, long_words: int) -> float:
    return words / sentences + 100 * long_words / words if words else 0.0


def lesson_stats(lesson: Lesson) -> LessonStats:
    words, sentences, long_words = count(learner_texts(lesson))
    return LessonStats(
        lesson_id=lesson.id,
        steps=len(lesson.steps),
        questions=lesson.questions,
        minutes=lesson.minutes,
        words=words,
        sentences=sentences,
        lix=round(_lix(words, sentences, long_words), 1),
    )
