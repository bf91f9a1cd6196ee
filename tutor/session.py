"""One lesson being taken: where the learner is, what they answered, and what comes next.

The TUI and the plain mode only draw what a :class:`LessonSession` says, so both behave the
same. Every change goes straight into the learner's record and is handed to ``save``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from tutor.messages import t
from tutor.packs.model import (
    ChecklistStep,
    ChoiceStep,
    CommitStep,
    Lesson,
    RateStep,
    ReadStep,
    ReflectStep,
    Step,
)
from tutor.progress.model import Commitment, LessonRecord, StepRecord, now
from tutor.text import clean, clean_line

MAX_REFLECTION = 10_000
MAX_ACTION = 300


@dataclass(frozen=True)
class Feedback:
    """What to tell the learner about one option they picked."""

    option: int
    text: str
    correct: bool


@dataclass(frozen=True)
class ChoiceResult:
    correct: bool
    feedback: tuple[Feedback, ...]
    missed: int = 0
    """How many right options were not picked (for a question with several right answers)."""


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
    questions: int
    reflections: tuple[tuple[str, str], ...]
    ticked: int
    commitments: tuple[Commitment, ...]
    confidence: tuple[Confidence, ...] = field(default=())

    def describe_questions(self) -> str:
        """How the questions went, said kindly; empty when the lesson has none."""
        if not self.questions:
            return ""
        key = ("end.questions_all" if self.answered and self.right == self.answered else
               "end.questions_none" if not self.right else "end.questions")
        return t(key, answered=self.answered, right=self.right, questions=self.questions)


def summarize(lesson: Lesson, record: LessonRecord) -> LessonSummary:
    """What the learner did and wrote in ``lesson``, read from their record without changing it."""
    answered = right = questions = ticked = 0
    reflections: list[tuple[str, str]] = []
    commitments: list[Commitment] = []
    ratings: dict[str, list[int | None]] = {}
    for step in lesson.steps:
        answer = record.steps.get(step.key)
        if isinstance(step, ChoiceStep):
            questions += 1
            if answer and answer.attempts:
                answered += 1
                if answer.correct:
                    right += 1
        elif isinstance(step, ReflectStep) and answer and answer.text.strip():
            reflections.append((step.prompt, answer.text.strip()))
        elif isinstance(step, ChecklistStep) and answer:
            ticked += len(answer.ticked)
        elif isinstance(step, CommitStep) and answer:
            commitments.extend(answer.actions)
        elif isinstance(step, RateStep):
            ratings.setdefault(step.statement, []).append(answer.rating if answer else None)
    confidence = tuple(
        Confidence(statement, values[0], values[-1])
        for statement, values in ratings.items()
        if len(values) > 1
    )
    return LessonSummary(
        answered=answered,
        right=right,
        questions=questions,
        reflections=tuple(reflections),
        ticked=ticked,
        commitments=tuple(commitments),
        confidence=confidence,
    )


def _result(step: ChoiceStep, chosen: list[int]) -> ChoiceResult:
    right = step.correct_indices
    return ChoiceResult(
        correct=bool(chosen) and set(chosen) == right,
        feedback=tuple(
            Feedback(i, step.options[i].feedback, step.options[i].correct) for i in chosen
        ),
        missed=len(right - set(chosen)),
    )


class LessonSession:
    """Drives one lesson for one learner; never raises on a learner's input."""

    def __init__(
        self,
        lesson: Lesson,
        record: LessonRecord,
        save: Callable[[], None] = lambda: None,
    ) -> None:
        self.lesson = lesson
        self.record = record
        self._save = save
        if record.status == "done":
            self.index = 0
        else:
            self.index = min(record.step, len(lesson.steps) - 1)
        if record.status == "new":
            record.status = "in_progress"
            record.step = self.index
            self._changed()

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
    def answer(self) -> StepRecord:
        """The learner's record for the current step."""
        return self.record.step_record(self.step.key)

    def record_for(self, step: Step) -> StepRecord | None:
        return self.record.steps.get(step.key)

    # Moving

    def next(self) -> bool:
        """Go to the next step; at the last step, complete the lesson. False when complete."""
        if isinstance(self.step, ReadStep):
            self.answer.seen = True
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
        """Check the learner's pick on a choice step; they may try again as often as they like."""
        step = self.step
        if not isinstance(step, ChoiceStep):
            raise TypeError("the current step is not a question")
        chosen = sorted({i for i in picked if 0 <= i < len(step.options)})
        if not step.multiple:
            chosen = chosen[:1]
        right = step.correct_indices
        correct = bool(chosen) and set(chosen) == right
        record = self.answer
        record.attempts += 1
        record.picked = chosen
        record.correct = correct
        self._changed()
        return _result(step, chosen)

    def last_result(self) -> ChoiceResult | None:
        """The result of the learner's last pick on this step, to show it again on return."""
        step = self.step
        record = self.record_for(step)
        if not isinstance(step, ChoiceStep) or record is None or not record.picked:
            return None
        return _result(step, [i for i in record.picked if 0 <= i < len(step.options)])

    def write(self, text: str) -> None:
        """Keep the learner's reflection as it is typed."""
        if not isinstance(self.step, ReflectStep):
            raise TypeError("the current step does not take writing")
        cleaned = clean(text)[:MAX_REFLECTION]
        if cleaned != self.answer.text:
            self.answer.text = cleaned
            self._changed()

    def tick(self, item: int, ticked: bool) -> None:
        ticks = set(self.answer.ticked) if isinstance(self.step, ChecklistStep) else set()
        self.set_ticks(ticks | {item} if ticked else ticks - {item})

    def set_ticks(self, ticked: Iterable[int]) -> None:
        """Keep exactly these items of a checklist ticked; others are ignored."""
        step = self.step
        if not isinstance(step, ChecklistStep):
            return
        self.answer.ticked = sorted({i for i in ticked if 0 <= i < len(step.items)})
        self._changed()

    def commit(self, actions: Iterable[Commitment]) -> None:
        """Replace the learner's chosen actions on a commit step."""
        if not isinstance(self.step, CommitStep):
            raise TypeError("the current step does not take actions")
        kept: list[Commitment] = []
        seen: set[str] = set()
        for action in actions:
            text = clean_line(action.text)[:MAX_ACTION]
            if text and text.casefold() not in seen:
                seen.add(text.casefold())
                kept.append(Commitment(text=text, by=action.by, suggested=action.suggested))
        self.answer.actions = kept
        self._changed()

    def set_action(self, text: str, chosen: bool, by: date | None = None,
                   suggested: bool = True) -> None:
        """Choose or drop one action, keeping the others and their dates."""
        actions = [a for a in self.answer.actions if a.text.casefold() != text.casefold()]
        if chosen:
            existing = next((a for a in self.answer.actions
                             if a.text.casefold() == text.casefold()), None)
            position = self.answer.actions.index(existing) if existing else len(actions)
            actions.insert(position, Commitment(text=text, by=by, suggested=suggested))
        self.commit(actions)

    def rate(self, rating: int) -> None:
        if not isinstance(self.step, RateStep) or not 1 <= rating <= 5:
            return
        self.answer.rating = rating
        self.answer.rated_at = now()
        self._changed()

    # The end

    def summary(self) -> LessonSummary:
        return summarize(self.lesson, self.record)

    def _changed(self) -> None:
        self.record.touch()
        self._save()
