"""The shape of a lesson pack once loaded: plain, frozen dataclasses with cleaned text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

FORMAT_VERSION = 1
STEP_KINDS = ("read", "choice", "reflect", "checklist", "commit", "rate")
RESERVED_KINDS = ("practice",)

StepKind = Literal["read", "choice", "reflect", "checklist", "commit", "rate"]


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class Step:
    """One page of a lesson. ``key`` names the step in the learner's record."""

    kind: StepKind
    key: str


@dataclass(frozen=True)
class ReadStep(Step):
    title: str
    body: str


@dataclass(frozen=True)
class ChoiceStep(Step):
    prompt: str
    options: tuple[Option, ...]
    multiple: bool

    @property
    def correct_indices(self) -> frozenset[int]:
        return frozenset(i for i, option in enumerate(self.options) if option.correct)


@dataclass(frozen=True)
class ReflectStep(Step):
    prompt: str
    plan: bool
    hint: str = ""


@dataclass(frozen=True)
class ChecklistStep(Step):
    prompt: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class CommitStep(Step):
    prompt: str
    actions: tuple[str, ...]


@dataclass(frozen=True)
class RateStep(Step):
    statement: str


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
        return sum(1 for step in self.steps if isinstance(step, ChoiceStep))


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
