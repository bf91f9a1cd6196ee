"""The learner's record in memory: what they did in each lesson, as plain dataclasses.

The store turns these into TOML and back; the session reads and changes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Protocol

SCHEMA_VERSION = 1
STATUSES = ("new", "in_progress", "done")


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class Records(Protocol):
    """Anything that can look up a learner's record of a lesson (the store, or a test's dict)."""

    def find(self, pack_id: str, lesson_id: str) -> LessonRecord | None: ...


@dataclass
class Commitment:
    text: str
    by: date | None = None
    suggested: bool = True

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"text": self.text, "suggested": self.suggested}
        if self.by is not None:
            data["by"] = self.by
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Commitment:
        by = data.get("by")
        return cls(
            text=str(data.get("text", "")),
            by=by if isinstance(by, date) and not isinstance(by, datetime) else None,
            suggested=bool(data.get("suggested", True)),
        )


@dataclass
class StepRecord:
    """What the learner did on one step. Only the fields of the step's kind are used."""

    seen: bool = False
    picked: list[int] = field(default_factory=list)
    correct: bool | None = None
    attempts: int = 0
    text: str = ""
    ticked: list[int] = field(default_factory=list)
    actions: list[Commitment] = field(default_factory=list)
    rating: int | None = None
    rated_at: datetime | None = None
    updated: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if self.seen:
            data["seen"] = True
        if self.picked:
            data["picked"] = list(self.picked)
        if self.correct is not None:
            data["correct"] = self.correct
        if self.attempts:
            data["attempts"] = self.attempts
        if self.text:
            data["text"] = self.text
        if self.ticked:
            data["ticked"] = list(self.ticked)
        if self.actions:
            data["actions"] = [action.to_dict() for action in self.actions]
        if self.rating is not None:
            data["rating"] = self.rating
        if self.rated_at is not None:
            data["rated_at"] = self.rated_at
        if self.updated is not None:
            data["updated"] = self.updated
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StepRecord:
        rating = data.get("rating")
        correct = data.get("correct")
        return cls(
            seen=bool(data.get("seen", False)),
            picked=_ints(data.get("picked")),
            correct=correct if isinstance(correct, bool) else None,
            attempts=_int(data.get("attempts"), 0),
            text=str(data.get("text", "")),
            ticked=_ints(data.get("ticked")),
            actions=[
                Commitment.from_dict(item)
                for item in data.get("actions", [])
                if isinstance(item, dict)
            ],
            rating=rating if isinstance(rating, int) and 1 <= rating <= 5 else None,
            rated_at=_datetime(data.get("rated_at")),
            updated=_datetime(data.get("updated")),
        )


@dataclass
class LessonRecord:
    status: str = "new"
    step: int = 0
    started: datetime | None = None
    updated: datetime | None = None
    completed: datetime | None = None
    steps: dict[str, StepRecord] = field(default_factory=dict)

    def step_record(self, key: str) -> StepRecord:
        return self.steps.setdefault(key, StepRecord())

    def touch(self) -> None:
        self.updated = now()
        if self.started is None:
            self.started = self.updated

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"status": self.status, "step": self.step}
        for name in ("started", "updated", "completed"):
            value = getattr(self, name)
            if value is not None:
                data[name] = value
        steps = {key: record.to_dict() for key, record in self.steps.items()}
        data["steps"] = {key: value for key, value in steps.items() if value}
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LessonRecord:
        status = data.get("status", "new")
        steps = data.get("steps", {})
        return cls(
            status=status if status in STATUSES else "new",
            step=max(0, _int(data.get("step"), 0)),
            started=_datetime(data.get("started")),
            updated=_datetime(data.get("updated")),
            completed=_datetime(data.get("completed")),
            steps={
                str(key): StepRecord.from_dict(value)
                for key, value in (steps.items() if isinstance(steps, dict) else [])
                if isinstance(value, dict)
            },
        )


def _int(value: object, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _ints(value: object) -> list[int]:
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, int) and not isinstance(item, bool)]


def _datetime(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return None


def step_from_dict(data: dict[str, Any]) -> StepRecord:
    """A step's record from the table ``to_dict`` made (what the store keeps per step)."""
    return StepRecord.from_dict(data)
