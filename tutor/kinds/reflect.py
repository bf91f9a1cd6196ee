"""Writing a few lines in one's own words; a reflection may go into the action plan."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from tutor.kinds.base import Kind, PlanItem, Step, Tally
from tutor.progress.model import StepRecord
from tutor.text import clean

if TYPE_CHECKING:
    from tutor.packs.fields import Fields

MAX_REFLECTION = 10_000


@dataclass(frozen=True)
class ReflectStep(Step):
    kind: ClassVar[str] = "reflect"
    prompt: str
    plan: bool
    hint: str = ""


@dataclass
class ReflectRecord(StepRecord):
    kind: ClassVar[str] = "reflect"
    text: str = ""

    def _fields(self) -> dict[str, Any]:
        return {"text": self.text} if self.text else {}

    def _read(self, data: dict[str, Any]) -> None:
        text = data.get("text", "")
        self.text = clean(text) if isinstance(text, str) else ""


class ReflectKind(Kind[ReflectStep, ReflectRecord]):
    name = "reflect"
    step_type = ReflectStep
    record_type = ReflectRecord
    fields = ("prompt", "hint", "plan")

    def parse(self, fields: Fields, key: str) -> ReflectStep:
        return ReflectStep(key, prompt=fields.text("prompt"), plan=fields.boolean("plan"),
                           hint=fields.text("hint", required=False))

    def texts(self, step: ReflectStep) -> Iterator[str]:
        yield step.prompt
        if step.hint:
            yield step.hint

    def tally(self, step: ReflectStep, record: ReflectRecord | None, tally: Tally) -> None:
        if record and record.text.strip():
            tally.reflections.append((step.prompt, record.text.strip()))

    def plan_items(self, step: ReflectStep, record: ReflectRecord) -> Iterator[PlanItem]:
        if step.plan and record.text.strip():
            yield PlanItem(record.text.strip(), prompt=step.prompt)

    def write(self, record: ReflectRecord, text: str) -> tuple[bool, bool]:
        """Keep the text as typed. Returns (changed, cut): cut when it was longer than we keep."""
        cleaned = clean(text)
        cut = len(cleaned) > MAX_REFLECTION
        cleaned = cleaned[:MAX_REFLECTION]
        if cleaned == record.text:
            return False, cut
        record.text = cleaned
        return True, cut


KIND = ReflectKind()
