"""Choosing actions for the plan (suggested or the learner's own), each with an optional date."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from tutor.kinds.base import Kind, PlanItem, Step, Tally
from tutor.progress.model import Commitment, StepRecord
from tutor.text import clean_line

if TYPE_CHECKING:
    from tutor.packs.fields import Fields

MAX_ACTION = 300


@dataclass(frozen=True)
class CommitStep(Step):
    kind: ClassVar[str] = "commit"
    prompt: str
    actions: tuple[str, ...]


@dataclass
class CommitRecord(StepRecord):
    kind: ClassVar[str] = "commit"
    actions: list[Commitment] = field(default_factory=list)

    def _fields(self) -> dict[str, Any]:
        return {"actions": [a.to_dict() for a in self.actions]} if self.actions else {}

    def _read(self, data: dict[str, Any]) -> None:
        items = data.get("actions", [])
        self.actions = [Commitment.from_dict(item) for item in
                        (items if isinstance(items, list) else []) if isinstance(item, dict)]


class CommitKind(Kind[CommitStep, CommitRecord]):
    name = "commit"
    step_type = CommitStep
    record_type = CommitRecord
    fields = ("prompt", "actions")

    def parse(self, fields: Fields, key: str) -> CommitStep:
        return CommitStep(key, prompt=fields.text("prompt"), actions=fields.lines("actions", 1, 20))

    def texts(self, step: CommitStep) -> Iterator[str]:
        yield step.prompt
        yield from step.actions

    def tally(self, step: CommitStep, record: CommitRecord | None, tally: Tally) -> None:
        if record:
            tally.commitments.extend(record.actions)

    def plan_items(self, step: CommitStep, record: CommitRecord) -> Iterator[PlanItem]:
        for action in record.actions:
            yield PlanItem(action.text, action.by)

    def commit(self, record: CommitRecord, actions: Iterable[Commitment]) -> None:
        """Keep these actions, cleaned, each once (the same words in other case are the same)."""
        kept: list[Commitment] = []
        seen: set[str] = set()
        for action in actions:
            text = clean_line(action.text)[:MAX_ACTION]
            if text and text.casefold() not in seen:
                seen.add(text.casefold())
                kept.append(Commitment(text=text, by=action.by, suggested=action.suggested))
        record.actions = kept


KIND = CommitKind()
