"""The learner's record in memory: what they did in each lesson, as plain dataclasses.

The store turns these into TOML and back; the session reads and changes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, ClassVar, Protocol, Self

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
    """What the learner did on one step. Each step kind keeps its own fields in a subclass
    (``tutor.kinds``); this base holds only what every step has."""

    kind: ClassVar[str] = ""
    seen: bool = False

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind} if self.kind else {}
        if self.seen:
            data["seen"] = True
        data.update(self._fields())
        return data if set(data) != {"kind"} else {}

    def _fields(self) -> dict[str, Any]:
        """The kind's own fields, without empty ones."""
        return {}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        record = cls(seen=bool(data.get("seen", False)))
        record._read(data)
        return record

    def _read(self, data: dict[str, Any]) -> None:
        """Take the kind's own fields from ``data``; odd values fall back to defaults."""


@dataclass
class LessonRecord:
    status: str = "new"
    step: int = 0
    started: datetime | None = None
    updated: datetime | None = None
    completed: datetime | None = None
    steps: dict[str, StepRecord] = field(default_factory=dict)


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
            step=max(0, read_int(data.get("step"), 0)),
            started=read_datetime(data.get("started")),
            updated=read_datetime(data.get("updated")),
            completed=read_datetime(data.get("completed")),
            steps={
                str(key): step_from_dict(value)
                for key, value in (steps.items() if isinstance(steps, dict) else [])
                if isinstance(value, dict)
            },
        )


def read_int(value: object, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def read_ints(value: object) -> list[int]:
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, int) and not isinstance(item, bool)]


def read_datetime(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return None


def step_from_dict(data: dict[str, Any]) -> StepRecord:
    """A step's record from the table ``to_dict`` made (what the store keeps per step).

    A file saved by 0.1 has no ``kind``; it is told by the fields the record holds.
    """
    from tutor.kinds import record_type_for

    return record_type_for(data).from_dict(data)
