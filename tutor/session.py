"""One lesson being taken: where the learner is, what they answered, and what comes next.

The TUI and the plain mode only draw what a :class:`LessonSession` says, so both behave the
same. Every change goes straight into the learner's record and is handed to ``save``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from tutor.checks import Finding
from tutor.kinds import Tally, kind_of
from tutor.kinds.base import Kind, Missed, Step
from tutor.kinds.checklist import KIND as CHECKLIST
from tutor.kinds.choice import KIND as CHOICE
from tutor.kinds.choice import ChoiceResult, ChoiceStep, Feedback
from tutor.kinds.commit import KIND as COMMIT
from tutor.kinds.commit import MAX_ACTION
from tutor.kinds.practice import KIND as PRACTICE
from tutor.kinds.practice import PracticeRecord
from tutor.kinds.rate import KIND as RATE
from tutor.kinds.reflect import KIND as REFLECT
from tutor.kinds.reflect import MAX_REFLECTION
from tutor.messages import t
from tutor.packs.model import Lesson
from tutor.progress.model import Commitment, LessonRecord, StepRecord, now

__all__ = ["MAX_ACTION", "MAX_REFLECTION", "ChoiceResult", "Confidence", "Feedback",
           "LessonSession", "LessonSummary", "summarize"]

R = TypeVar("R", bound=StepRecord)


@dataclass(frozen=True)
class Confidence:
    statement: str
    before: int | None
    after: int | None

    def describe(self) -> str:
        """How the learner's confidence moved, in kind words; empty if either rating is missing."""
        if not (self.before and self.after):
            return ""
        key = ("end.confidence_up" if self.after > self.before else
               "end.confidence_same" if self.after == self.before else "end.confidence_down")
        return t(key, before=self.before, after=self.after)


@dataclass(frozen=True)
class LessonSummary:
    """What the learner did and wrote, shown at the end of a lesson."""

    answered: int
    right: int
    """Questions answered right on the first try: the score tells the truth."""
    questions: int
    reflections: tuple[tuple[str, str], ...]
    ticked: int
    commitments: tuple[Commitment, ...]
    confidence: tuple[Confidence, ...] = field(default=())
    missed: tuple[Missed, ...] = field(default=())
    """Questions missed on the first try, to offer them again."""

    def describe_questions(self) -> str:
        """How the questions went, said kindly; empty when the lesson has none."""
        if not self.questions:
            return ""
        key = ("end.questions_skipped" if not self.answered else
               "end.questions_all" if self.right == self.answered else
               "end.questions_none" if not self.right else "end.questions")
        return t(key, answered=self.answered, right=self.right, questions=self.questions,
                 count=self.questions)


def tally(lesson: Lesson, record: LessonRecord) -> Tally:
    """Every step's part of the lesson's tally, asked of its kind."""
    total = Tally()
    for step in lesson.steps:
        kind = kind_of(step)
        kind.tally(step, kind.record_of(record.steps.get(step.key)), total)
    return total


def summarize(lesson: Lesson, record: LessonRecord) -> LessonSummary:
    """What the learner did and wrote in ``lesson``, read from their record without changing it."""
    total = tally(lesson, record)
    confidence = tuple(
        Confidence(statement, values[0], values[-1])
        for statement, values in total.ratings.items()
        if len(values) > 1
    )
    return LessonSummary(
        answered=total.answered,
        right=total.right_first,
        questions=total.questions,
        reflections=tuple(total.reflections),
        ticked=total.ticked,
        commitments=tuple(total.commitments),
        confidence=confidence,
        missed=tuple(total.missed),
    )


class LessonSession:
    """Drives one lesson for one learner; never raises on a learner's input.

    Opening a lesson changes nothing: it counts as started only when the learner takes a step
    (moves on, or answers), so a lesson opened by mistake stays as it was.
    """

    def __init__(
        self,
        lesson: Lesson,
        record: LessonRecord,
        save: Callable[[], None] = lambda: None,
        *,
        seed: str = "",
    ) -> None:
        self.lesson = lesson
        self.record = record
        self.seed = seed
        self._save = save
        if record.status == "done":
            self.index = 0
        else:
            self.index = max(0, min(record.step, len(lesson.steps) - 1))

    # Where we are

    @property
    def step(self) -> Step:
        return self.lesson.steps[self.index]

    @property
    def total(self) -> int:
        return len(self.lesson.steps)

    @property
    def number(self) -> int:
        """The current step counted from 1, as the learner sees it."""
        return self.index + 1

    @property
    def is_first(self) -> bool:
        return self.index == 0

    @property
    def is_last(self) -> bool:
        return self.index == self.total - 1

    @property
    def is_complete(self) -> bool:
        return self.record.status == "done"

    @property
    def kind(self) -> Kind[Any, Any]:
        return kind_of(self.step)

    def record_for(self, step: Step) -> Any:
        """The learner's record of ``step`` in its kind's shape (a ``ChoiceRecord``, a
        ``ReflectRecord``, …), or None when there is none yet."""
        return kind_of(step).record_of(self.record.steps.get(step.key))

    @property
    def answer(self) -> Any:
        """The current step's record in its kind's shape, made when first needed."""
        return self._answer(self.kind)

    def _answer(self, kind: Kind[Any, R]) -> R:
        """The current step's record, made when first needed; the step must be of ``kind``."""
        if self.step.kind != kind.name:
            raise TypeError(f"the current step is a {self.step.kind} step, not {kind.name}")
        record = kind.record_of(self.record.steps.get(self.step.key)) or kind.new_record()
        self.record.steps[self.step.key] = record
        return record

    def option_order(self) -> list[int]:
        """The order in which to show the current question's options (see ChoiceKind.order)."""
        step = self.step
        return CHOICE.order(step, self.seed) if isinstance(step, ChoiceStep) else []

    # Moving

    def next(self) -> bool:
        """Go to the next step; at the last step, complete the lesson. False when complete."""
        kind = self.kind
        kind.leave(self.step, self._answer(kind))
        if self.is_last:
            self.complete()
            return False
        self.index += 1
        self.record.step = self.index
        self._changed()
        return True

    def back(self) -> bool:
        if self.is_first:
            return False
        self.index -= 1
        self.record.step = self.index
        self._changed()
        return True

    def go_to(self, index: int) -> None:
        self.index = max(0, min(index, self.total - 1))
        self.record.step = self.index
        self._changed()

    def complete(self) -> None:
        if self.record.status != "done":
            self.record.status = "done"
            self.record.completed = now()
        self.record.step = 0
        self._changed()

    # Answers

    def choose(self, picked: Iterable[int]) -> ChoiceResult:
        """Check the learner's pick on a question; they may try again as often as they like."""
        record = self._answer(CHOICE)
        result = CHOICE.choose(self.step, record, picked)  # type: ignore[arg-type]
        self._changed()
        return result

    def last_result(self) -> ChoiceResult | None:
        """The result of the learner's last pick on this step, to show it again on return."""
        step = self.step
        if not isinstance(step, ChoiceStep):
            return None
        return CHOICE.last_result(step, CHOICE.record_of(self.record.steps.get(step.key)))

    def write(self, text: str) -> bool:
        """Keep the learner's reflection as it is typed. False when it was cut to the most kept."""
        changed, cut = REFLECT.write(self._answer(REFLECT), text)
        if changed:
            self._changed()
        return not cut

    def tick(self, item: int, ticked: bool) -> None:
        if self.step.kind != CHECKLIST.name:
            return
        ticks = set(self._answer(CHECKLIST).ticked)
        self.set_ticks(ticks | {item} if ticked else ticks - {item})

    def set_ticks(self, ticked: Iterable[int]) -> None:
        """Keep exactly these items of a checklist ticked; others are ignored."""
        if self.step.kind != CHECKLIST.name:
            return
        CHECKLIST.set_ticks(self.step, self._answer(CHECKLIST), ticked)  # type: ignore[arg-type]
        self._changed()

    def commit(self, actions: Iterable[Commitment]) -> None:
        """Replace the learner's chosen actions on a commit step."""
        COMMIT.commit(self._answer(COMMIT), actions)
        self._changed()

    def set_action(self, text: str, chosen: bool, by: date | None = None,
                   suggested: bool = True) -> None:
        """Choose or drop one action, keeping the others and their dates."""
        current = self._answer(COMMIT).actions
        actions = [a for a in current if a.text.casefold() != text.casefold()]
        if chosen:
            existing = next((a for a in current if a.text.casefold() == text.casefold()), None)
            position = current.index(existing) if existing else len(actions)
            actions.insert(position, Commitment(text=text, by=by, suggested=suggested))
        self.commit(actions)

    def rate(self, rating: int) -> None:
        if self.step.kind != RATE.name:
            return
        if RATE.rate(self._answer(RATE), rating):
            self._changed()

    def practice(self) -> PracticeRecord:
        """The practice step's record, its draft started from the pack's example on a first
        visit (nothing is saved until the learner writes or checks)."""
        record = self._answer(PRACTICE)
        PRACTICE.start(self.step, record)  # type: ignore[arg-type]
        return record

    def draft(self, text: str | None = None, headline: str | None = None) -> None:
        """Keep the practice draft as it is typed."""
        if PRACTICE.write(self.practice(), text, headline):
            self._changed()

    def set_audience(self, audience: str) -> None:
        if PRACTICE.set_audience(self.practice(), audience):
            self._changed()

    def keep_draft_in_plan(self, keep: bool) -> None:
        """The learner's own choice to keep their draft in the action plan."""
        if PRACTICE.keep_in_plan(self.step, self.practice(), keep):  # type: ignore[arg-type]
            self._changed()

    def check_draft(self) -> list[Finding]:
        """Check the draft as it is now; the learner may mend it and check again at will."""
        findings = PRACTICE.check(self.step, self.practice())  # type: ignore[arg-type]
        self._changed()
        return findings

    # The end

    def summary(self) -> LessonSummary:
        return summarize(self.lesson, self.record)

    def _changed(self) -> None:
        if self.record.status == "new":
            self.record.status = "in_progress"
        self.record.touch()
        self._save()

