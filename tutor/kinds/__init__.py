"""The step kinds, found by name. See ``docs/adding-a-step-kind.md`` for adding one."""

from __future__ import annotations

from typing import Any

from tutor.kinds import checklist, choice, commit, practice, rate, read, reflect
from tutor.kinds.base import Kind, PlanItem, Step, Tally
from tutor.kinds.checklist import ChecklistRecord
from tutor.kinds.choice import ChoiceRecord
from tutor.kinds.commit import CommitRecord
from tutor.kinds.practice import PracticeRecord
from tutor.kinds.rate import RateRecord
from tutor.kinds.read import ReadRecord
from tutor.kinds.reflect import ReflectRecord
from tutor.progress.model import StepRecord

KINDS: dict[str, Kind[Any, Any]] = {
    module.KIND.name: module.KIND
    for module in (read, choice, reflect, checklist, commit, rate, practice)
}
"""Every step kind by the name a pack gives in ``kind = "…"``, in the order the docs list them."""

# What a record saved before kinds were named holds, to tell its kind (first match wins).
_TELLTALES = (
    ("choice", ("picked", "correct", "attempts", "first_correct")),
    ("reflect", ("text",)),
    ("checklist", ("ticked",)),
    ("commit", ("actions",)),
    ("rate", ("rating", "rated_at")),
    ("practice", ("draft", "headline", "audience", "checked")),
)


def kind_of(step: Step) -> Kind[Any, Any]:
    return KINDS[step.kind]


def record_type_for(data: dict[str, Any]) -> type[StepRecord]:
    """The record class for a stored table: by its ``kind``, else by the fields it holds."""
    name = data.get("kind")
    if isinstance(name, str) and name in KINDS:
        return KINDS[name].record_type
    for kind, names in _TELLTALES:
        if any(key in data for key in names):
            return KINDS[kind].record_type
    return StepRecord


__all__ = ["KINDS", "ChecklistRecord", "ChoiceRecord", "CommitRecord", "Kind", "PlanItem",
           "PracticeRecord", "RateRecord", "ReadRecord", "ReflectRecord", "Step", "Tally",
           "kind_of", "record_type_for"]
