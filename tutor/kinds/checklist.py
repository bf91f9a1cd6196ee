"""Ticking what already holds for the learner."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from tutor.kinds.base import Kind, Step, Tally
from tutor.progress.model import StepRecord, read_ints

if TYPE_CHECKING:
    from tutor.packs.fields import Fields


@dataclass(frozen=True)
class ChecklistStep(Step):
    kind: ClassVar[str] = "checklist"
    prompt: str
    items: tuple[str, ...]


@dataclass
class ChecklistRecord(StepRecord):
    kind: ClassVar[str] = "checklist"
    ticked: list[int] = field(default_factory=list)

    def _fields(self) -> dict[str, Any]:
        return {"ticked": list(self.ticked)} if self.ticked else {}

    def _read(self, data: dict[str, Any]) -> None:
        self.ticked = read_ints(data.get("ticked"))


class ChecklistKind(Kind[ChecklistStep, ChecklistRecord]):
    name = "checklist"
    step_type = ChecklistStep
    record_type = ChecklistRecord
    fields = ("prompt", "items")

    def parse(self, fields: Fields, key: str) -> ChecklistStep:
        return ChecklistStep(key, prompt=fields.text("prompt"),
                             items=fields.lines("items", 1, 30))

    def texts(self, step: ChecklistStep) -> Iterator[str]:
        yield step.prompt
        yield from step.items

    def tally(self, step: ChecklistStep, record: ChecklistRecord | None, tally: Tally) -> None:
        if record:
            tally.ticked += len(record.ticked)

    def set_ticks(self, step: ChecklistStep, record: ChecklistRecord,
                  ticked: Iterable[int]) -> None:
        record.ticked = sorted({i for i in ticked if 0 <= i < len(step.items)})


KIND = ChecklistKind()
