"""The shape of a lesson pack once loaded: plain, frozen dataclasses with cleaned text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tutor.kinds import KINDS
from tutor.kinds.base import Step
from tutor.kinds.checklist import ChecklistStep
from tutor.kinds.choice import ChoiceStep, Option
from tutor.kinds.commit import CommitStep
from tutor.kinds.rate import RateStep
from tutor.kinds.read import ReadStep
from tutor.kinds.reflect import ReflectStep

STEP_KINDS = tuple(KINDS)

FORMAT_VERSION = 1
RESERVED_KINDS: tuple[str, ...] = ()
"""Kind names kept for a later format: a pack using one is told so, not that it is unknown."""


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    summary: str
    minutes: int
    objectives: tuple[str, ...]
    steps: tuple[Step, ...]
    file: str

    @property
    def questions(self) -> int:
        return sum(1 for step in self.steps if KINDS[step.kind].is_question)


@dataclass(frozen=True)
class Term:
    term: str
    meaning: str
    also: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pack:
    id: str
    title: str
    language: str
    version: str
    authors: tuple[str, ...]
    description: str
    lessons: tuple[Lesson, ...]
    glossary: tuple[Term, ...] = ()
    min_netsteps: str = ""
    source: Path | None = None
    builtin: bool = False

    def lesson(self, lesson_id: str) -> Lesson | None:
        return next((lesson for lesson in self.lessons if lesson.id == lesson_id), None)

    def next_lesson(self, lesson_id: str) -> Lesson | None:
        ids = [lesson.id for lesson in self.lessons]
        if lesson_id not in ids:
            return None
        index = ids.index(lesson_id) + 1
        return self.lessons[index] if index < len(self.lessons) else None


__all__ = [
    "FORMAT_VERSION", "RESERVED_KINDS", "STEP_KINDS", "ChecklistStep", "ChoiceStep",
    "CommitStep", "Lesson", "Option", "Pack", "RateStep", "ReadStep", "ReflectStep", "Step",
    "Term",
]
