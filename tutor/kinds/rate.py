"""How sure the learner feels about a statement, from 1 to 5; asked before and after a lesson."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from tutor.kinds.base import Kind, Step, Tally
from tutor.progress.model import StepRecord, now, read_datetime

if TYPE_CHECKING:
    from tutor.packs.fields import Fields


@dataclass(frozen=True)
class RateStep(Step):
    kind: ClassVar[str] = "rate"
    statement: str


@dataclass
class RateRecord(StepRecord):
    kind: ClassVar[str] = "rate"
    rating: int | None = None
    rated_at: datetime | None = None

    def _fields(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if self.rating is not None:
            data["rating"] = self.rating
        if self.rated_at is not None:
            data["rated_at"] = self.rated_at
        return data

    def _read(self, data: dict[str, Any]) -> None:
        rating = data.get("rating")
        ok = isinstance(rating, int) and not isinstance(rating, bool) and 1 <= rating <= 5
        self.rating = rating if ok else None
        self.rated_at = read_datetime(data.get("rated_at"))


class RateKind(Kind[RateStep, RateRecord]):
    name = "rate"
    step_type = RateStep
    record_type = RateRecord
    fields = ("statement",)

    def parse(self, fields: Fields, key: str) -> RateStep:
        return RateStep(key, statement=fields.text("statement"))

    def texts(self, step: RateStep) -> Iterator[str]:
        yield step.statement

    def tally(self, step: RateStep, record: RateRecord | None, tally: Tally) -> None:
        tally.ratings.setdefault(step.statement, []).append(record.rating if record else None)

    def rate(self, record: RateRecord, rating: int) -> bool:
        if not 1 <= rating <= 5:
            return False
        record.rating = rating
        record.rated_at = now()
        return True


KIND = RateKind()
