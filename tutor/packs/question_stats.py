"""Warnings for a course leader about questions that give their answer away.

These follow the classic item-writing rules (Haladyna, Downing and Rodriguez): a learner who has
not understood should be able to get a question wrong. None of them stops a pack from loading:
they are warnings that ``netsteps pack check --stats`` prints under its table.

How each pattern is measured (the numbers are module constants so tests and docs agree):

- length is counted in letters and digits, so quotes, dashes and spaces do not tip the balance;
- *longest right*: in a one-answer question the right option is longer than every wrong one; in
  a choose-all question every right option is longer than every wrong one. Warned when that
  holds in more than 40% of a pack's questions (needs at least 5 questions);
- *uneven lengths*: the longest option is more than twice the shortest, and at least 25 letters
  longer (so "Yes" against "Not yet" is left alone);
- *no plausible wrong option*: every wrong option is under a third of the right one's length.
  This is a length heuristic only: it cannot tell that a wrong option is a joke;
- *all/none of the above*, in English or Norwegian, anywhere in an option;
- *absolutes*: a wrong option says "always", "never", "nothing can be done" (or "alltid",
  "aldri" …) while no right option in the same question does;
- *hedges*: the right option is the only one that says "usually", "often" (or "vanligvis" …);
- *position*: in one-answer questions, one position holds the right answer in more than half of
  them, or the first or the last position never does (needs at least 6 questions); in
  choose-all questions, the right options come before the wrong ones in every one (needs 2).
  Options may be shuffled for the learner, but the author's order still shows in a preview and
  wherever shuffling is off.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from tutor.packs.errors import Problem
from tutor.packs.model import ChoiceStep, Lesson, Option

LONGEST_SHARE = 0.40
LONGEST_MIN_QUESTIONS = 5
SPREAD_RATIO = 2.0
SPREAD_MIN_LETTERS = 25
IMPLAUSIBLE_RATIO = 1 / 3
POSITION_SHARE = 0.5
POSITION_MIN_QUESTIONS = 6
ALL_FIRST_MIN_QUESTIONS = 2
PACK_WIDE = "all lessons"

_ABOVE = re.compile(
    r"\b(?:all|none|both)\s+(?:of\s+)?the\s+above\b"
    r"|\b(?:alle|ingen)\s+(?:av\s+)?(?:de\s+)?(?:ovennevnte|ovenstående)\b",
    re.IGNORECASE,
)
_ABSOLUTE = re.compile(
    r"\b(?:always|never|nobody|no\s+one|everyone|everybody|nothing\s+can\s+be\s+done"
    r"|alltid|aldri|ingen\s+kan|alle\s+vet|ingenting\s+(?:kan|å)\s+gjøre)\b",
    re.IGNORECASE,
)
_HEDGE = re.compile(
    r"\b(?:usually|often|generally|typically|sometimes|in\s+most\s+cases"
    r"|vanligvis|ofte|som\s+regel|noen\s+ganger)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Question:
    file: str
    number: int
    step: ChoiceStep

    @property
    def where(self) -> str:
        return f"steps[{self.number}] ({self.step.key})"

    @property
    def name(self) -> str:
        return f"{self.file} {self.step.key}"


def size(option: Option) -> int:
    """An option's length in letters and digits."""
    return sum(ch.isalnum() for ch in option.text)


def question_warnings(lessons: Iterable[Lesson]) -> list[Problem]:
    """Every warning about the questions in ``lessons``: each question's own, then pack-wide."""
    questions = list(_questions(lessons))
    warnings: list[Problem] = []
    for question in questions:
        warnings.extend(_one_question(question))
    warnings.extend(_longest(questions))
    warnings.extend(_positions(questions))
    return warnings


def _questions(lessons: Iterable[Lesson]) -> Iterator[_Question]:
    for lesson in lessons:
        for number, step in enumerate(lesson.steps, start=1):
            if isinstance(step, ChoiceStep) and len(step.options) >= 2:
                yield _Question(lesson.file, number, step)


def _one_question(question: _Question) -> Iterator[Problem]:
    options = question.step.options
    right = [option for option in options if option.correct]
    wrong = [option for option in options if not option.correct]
    where = question.where
    for index, option in enumerate(options, start=1):
        if _ABOVE.search(option.text):
            yield Problem(question.file, f"{where} option {index}",
                          "“all/none of the above” rewards guessing and test-taking habits",
                          "write one more real option instead")
    sizes = [size(option) for option in options]
    if min(sizes) and max(sizes) > SPREAD_RATIO * min(sizes) \
            and max(sizes) - min(sizes) >= SPREAD_MIN_LETTERS:
        yield Problem(question.file, where,
                      f"the options differ a lot in length ({min(sizes)} to {max(sizes)} "
                      "letters); a learner can guess from the length",
                      f"keep the longest within {SPREAD_RATIO:g} times the shortest")
    if not right or not wrong:
        return
    shortest_right = min(size(option) for option in right)
    if all(size(option) < IMPLAUSIBLE_RATIO * shortest_right for option in wrong):
        yield Problem(question.file, where,
                      "every wrong option is under a third of the right one's length, so "
                      "none of them looks like a real choice",
                      "write wrong options a beginner might pick, as full as the right one")
    if not any(_ABSOLUTE.search(option.text) for option in right):
        for index, option in enumerate(options, start=1):
            match = _ABSOLUTE.search(option.text) if not option.correct else None
            if match:
                yield Problem(question.file, f"{where} option {index}",
                              f"a wrong option says “{match.group(0)}”, which marks it as "
                              "wrong for a learner who guesses",
                              "say the mistake as a beginner would think it, without absolutes")
    hedge = _HEDGE.search(right[0].text) if len(right) == 1 and len(options) >= 3 else None
    if hedge and not any(_HEDGE.search(option.text) for option in wrong):
        yield Problem(question.file, where,
                      f"only the right option is hedged (“{hedge.group(0)}”), which gives "
                      "it away", "hedge a wrong option too, or none")


def _right_is_longest(question: ChoiceStep) -> bool:
    right = [size(option) for option in question.options if option.correct]
    wrong = [size(option) for option in question.options if not option.correct]
    return bool(right and wrong) and min(right) > max(wrong)


def _longest(questions: list[_Question]) -> Iterator[Problem]:
    longest = [question for question in questions if _right_is_longest(question.step)]
    if len(questions) >= LONGEST_MIN_QUESTIONS and len(longest) > LONGEST_SHARE * len(questions):
        yield Problem(PACK_WIDE, "questions",
                      f"the right option is the longest in {len(longest)} of {len(questions)} "
                      f"questions (more than {LONGEST_SHARE:.0%}), so guessing the longest "
                      f"pays: {_names(longest)}",
                      "make some wrong options as full as the right one")


def _positions(questions: list[_Question]) -> Iterator[Problem]:
    single = [question for question in questions if not question.step.multiple
              and len(question.step.correct_indices) == 1]
    if len(single) >= POSITION_MIN_QUESTIONS:
        spots = Counter(_position(question.step) for question in single)
        spot, times = spots.most_common(1)[0]
        if times > POSITION_SHARE * len(single):
            yield Problem(PACK_WIDE, "questions",
                          f"the right answer is option {spot} in {times} of {len(single)} "
                          "one-answer questions", "move it around, so its place says nothing")
        firsts = sum(1 for question in single if 0 in question.step.correct_indices)
        lasts = sum(1 for question in single
                    if len(question.step.options) - 1 in question.step.correct_indices)
        for count, place in ((firsts, "first"), (lasts, "last")):
            if count == 0:
                yield Problem(PACK_WIDE, "questions",
                              f"the right answer is never the {place} option in "
                              f"{len(single)} one-answer questions",
                              "put it first or last in some of them")
    several = [question for question in questions
               if question.step.multiple and 0 < len(question.step.correct_indices)
               < len(question.step.options)]
    if len(several) >= ALL_FIRST_MIN_QUESTIONS and all(_right_first(q.step) for q in several):
        yield Problem(PACK_WIDE, "questions",
                      f"in all {len(several)} choose-all questions the right options come "
                      "before the wrong ones", "mix them")


def _position(question: ChoiceStep) -> int:
    return min(question.correct_indices) + 1


def _right_first(question: ChoiceStep) -> bool:
    count = len(question.correct_indices)
    return question.correct_indices == frozenset(range(count))


def _names(questions: list[_Question], shown: int = 4) -> str:
    names = ", ".join(question.name for question in questions[:shown])
    more = len(questions) - shown
    return names + (f" and {more} more" if more > 0 else "")
