"""A question with one or several right options, and feedback on every option picked."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from tutor.kinds.base import Kind, Missed, Step, Tally
from tutor.packs.errors import Problem
from tutor.progress.model import StepRecord, read_int, read_ints

if TYPE_CHECKING:
    from tutor.packs.fields import Fields


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class ChoiceStep(Step):
    kind: ClassVar[str] = "choice"
    prompt: str
    options: tuple[Option, ...]
    multiple: bool
    shuffle: bool = True

    @property
    def correct_indices(self) -> frozenset[int]:
        return frozenset(i for i, option in enumerate(self.options) if option.correct)


@dataclass
class ChoiceRecord(StepRecord):
    kind: ClassVar[str] = "choice"
    picked: list[int] = field(default_factory=list)
    correct: bool | None = None
    attempts: int = 0
    first_correct: bool | None = None
    """Whether the first try was right: the lesson's score counts that, not the last try."""

    def _fields(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if self.picked:
            data["picked"] = list(self.picked)
        if self.correct is not None:
            data["correct"] = self.correct
        if self.attempts:
            data["attempts"] = self.attempts
        if self.first_correct is not None:
            data["first_correct"] = self.first_correct
        return data

    def _read(self, data: dict[str, Any]) -> None:
        correct = data.get("correct")
        first = data.get("first_correct")
        self.picked = read_ints(data.get("picked"))
        self.correct = correct if isinstance(correct, bool) else None
        self.attempts = max(0, read_int(data.get("attempts"), 0))
        if isinstance(first, bool):
            self.first_correct = first
        elif self.attempts == 1:  # saved before first tries were kept: one try tells it
            self.first_correct = self.correct


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


class ChoiceKind(Kind[ChoiceStep, ChoiceRecord]):
    name = "choice"
    step_type = ChoiceStep
    record_type = ChoiceRecord
    is_question = True
    fields = ("prompt", "options", "multiple", "shuffle")

    def parse(self, fields: Fields, key: str) -> ChoiceStep:
        prompt = fields.text("prompt")
        multiple = fields.boolean("multiple")
        shuffle = fields.boolean("shuffle", default=True)
        raw = fields.get("options", list, True, "a list of { text, correct, feedback } options")
        options = tuple(fields.each("options", raw, 2, 10,
                                    lambda where, value: _option(fields, where, value))
                        ) if raw is not None else ()
        if len(options) == len(raw or ()) and options:
            right = sum(option.correct for option in options)
            if right == 0:
                fields.problem("options", "no option is marked correct = true",
                               "mark the right answer with correct = true")
            elif right > 1 and not multiple:
                fields.problem("options", f"{right} options are correct but multiple is not "
                               "true", "add multiple = true, or mark only one option correct")
        return ChoiceStep(key, prompt=prompt, options=options, multiple=multiple, shuffle=shuffle)

    def texts(self, step: ChoiceStep) -> Iterator[str]:
        yield step.prompt
        for option in step.options:
            yield option.text
            yield option.feedback

    def tally(self, step: ChoiceStep, record: ChoiceRecord | None, tally: Tally) -> None:
        tally.questions += 1
        if record and record.attempts:
            tally.answered += 1
            if record.first_correct:
                tally.right_first += 1
            else:
                tally.missed.append(Missed(step.key, step.prompt))

    def choose(self, step: ChoiceStep, record: ChoiceRecord,
               picked: Iterable[int]) -> ChoiceResult:
        """Check a pick; the learner may try again as often as they like."""
        chosen = sorted({i for i in picked if 0 <= i < len(step.options)})
        if not step.multiple:
            chosen = chosen[:1]
        result = self.result(step, chosen)
        record.attempts += 1
        record.picked = chosen
        record.correct = result.correct
        if record.first_correct is None:
            record.first_correct = result.correct
        return result

    def result(self, step: ChoiceStep, chosen: list[int]) -> ChoiceResult:
        right = step.correct_indices
        return ChoiceResult(
            correct=bool(chosen) and set(chosen) == right,
            feedback=tuple(
                Feedback(i, step.options[i].feedback, step.options[i].correct) for i in chosen
            ),
            missed=len(right - set(chosen)),
        )

    def last_result(self, step: ChoiceStep, record: ChoiceRecord | None) -> ChoiceResult | None:
        """The result of the last pick, to show it again when the learner comes back."""
        if record is None or not record.picked:
            return None
        return self.result(step, [i for i in record.picked if 0 <= i < len(step.options)])

    def order(self, step: ChoiceStep, seed: str) -> list[int]:
        """The order to show the options in: shuffled per learner and question, the same every
        time for that learner, so a resumed lesson looks as it did; the author's with shuffle off.
        """
        order = list(range(len(step.options)))
        if step.shuffle and seed:
            import hashlib  # only when options are shown, not to start netsteps
            import random

            digest = hashlib.sha256(f"{seed}\0{step.key}\0{step.prompt}".encode()).digest()
            random.Random(digest).shuffle(order)
        return order


def _option(fields: Fields, where: str, data: object) -> Option | None:
    if not isinstance(data, dict):
        fields.problems.append(Problem(fields.file, where, "an option should be "
                                       "{ text = \"…\", correct = true/false, feedback = \"…\" }"))
        return None
    before = len(fields.problems)
    option = fields.child(where, data)
    text = option.line("text")
    correct = option.get("correct", bool, True, "true or false")
    if "feedback" not in data:
        option.used.add("feedback")
        option.problem("feedback", "this option has no feedback",
                       "say in a sentence why it is right or wrong; the learner reads it "
                       "after picking this option")
        feedback = ""
    else:
        feedback = option.text("feedback")
    option.finish()
    if len(fields.problems) > before:
        return None
    return Option(text=text, correct=bool(correct), feedback=feedback)


KIND = ChoiceKind()
