"""A page to read: a short text in Markdown. The record says it was seen."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from tutor.kinds.base import Kind, Step
from tutor.progress.model import StepRecord

if TYPE_CHECKING:
    from tutor.packs.fields import Fields


@dataclass(frozen=True)
class ReadStep(Step):
    kind: ClassVar[str] = "read"
    title: str
    body: str


@dataclass
class ReadRecord(StepRecord):
    kind: ClassVar[str] = "read"


class ReadKind(Kind[ReadStep, ReadRecord]):
    name = "read"
    step_type = ReadStep
    record_type = ReadRecord
    fields = ("title", "body")

    def parse(self, fields: Fields, key: str) -> ReadStep:
        return ReadStep(key, title=fields.line("title", required=False), body=fields.text("body"))

    def texts(self, step: ReadStep) -> Iterator[str]:
        if step.title:
            yield step.title
        yield step.body

    def leave(self, step: ReadStep, record: ReadRecord) -> None:
        record.seen = True


KIND = ReadKind()
