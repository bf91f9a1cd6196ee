"""What every step kind declares, in one place: its page, its record and what an answer does.

A kind is one small module in this package. The loader, the session, the stats, the lesson
summary and the plan ask the kind through :data:`tutor.kinds.KINDS`, and each face finds the
kind's view in its own table keyed by the same name, so adding a kind never means hunting
through ``isinstance`` chains.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar

from tutor.progress.model import Commitment, StepRecord

if TYPE_CHECKING:
    from tutor.packs.fields import Fields


@dataclass(frozen=True)
class Step:
    """One page of a lesson. ``key`` names the step in the learner's record."""

    kind: ClassVar[str] = ""
    key: str


@dataclass(frozen=True)
class PlanItem:
    """One line of the action plan: an action (with its date) or a reflection under its prompt."""

    text: str
    by: date | None = None
    prompt: str = ""

    @property
    def is_reflection(self) -> bool:
        return bool(self.prompt)


@dataclass(frozen=True)
class Missed:
    """A question the learner got wrong on the first try, to offer it again."""

    key: str
    prompt: str


@dataclass
class Tally:
    """What a lesson's steps add up to; each kind adds its part (see :meth:`Kind.tally`)."""

    questions: int = 0
    answered: int = 0
    right_first: int = 0
    missed: list[Missed] = field(default_factory=list)
    reflections: list[tuple[str, str]] = field(default_factory=list)
    ticked: int = 0
    commitments: list[Commitment] = field(default_factory=list)
    ratings: dict[str, list[int | None]] = field(default_factory=dict)


S = TypeVar("S", bound=Step)
R = TypeVar("R", bound=StepRecord)


class Kind(Generic[S, R]):
    """A step kind. Subclasses set the class attributes and override what applies to them."""

    name: ClassVar[str]
    step_type: type[S]
    record_type: type[R]
    is_question: ClassVar[bool] = False
    fields: ClassVar[tuple[str, ...]] = ()
    """The TOML fields a step of this kind may have besides ``kind`` and ``id`` (for the docs)."""

    def parse(self, fields: Fields, key: str) -> S:
        """Read the step's fields from TOML; problems go to ``fields``, never raised."""
        raise NotImplementedError

    def texts(self, step: S) -> Iterator[str]:
        """Every text a learner reads on this step (for readability figures and the glossary)."""
        return iter(())

    def tally(self, step: S, record: R | None, tally: Tally) -> None:
        """Add what the learner did here to the lesson's tally."""

    def plan_items(self, step: S, record: R) -> Iterator[PlanItem]:
        """What this step puts in the learner's action plan."""
        return iter(())

    def leave(self, step: S, record: R) -> None:
        """What moving on from the step means for its record (a read page is then seen)."""

    # The learner's record of a step --------------------------------------------------------------

    def record_of(self, record: StepRecord | None) -> R | None:
        """The record as this kind's type: a record of another shape (a step whose kind an author
        changed, or one read from an old file) is carried over field by field."""
        if record is None or isinstance(record, self.record_type):
            return record
        return self.record_type.from_dict(record.to_dict())

    def new_record(self) -> R:
        return self.record_type()
