"""Questions missed on the first try come back later, on a spaced schedule, until they stick.

The schedule is FSRS (the Free Spaced Repetition Scheduler Anki adopted; see the README for why
not Leitner boxes): a right answer in a review is Good, a wrong one Again. A missed question is
taken in with its miss (Again) and comes back a day later; each review's answer sets when it
comes back next. The scheduler is imported only when a review is answered, never at start-up:
taking a miss in needs no scheduler, since FSRS's answer to a first Again is always one day, and
the miss is replayed into FSRS at the first review.

Nothing here nags: there are no streaks and nothing is ever overdue in a way the learner is
told about; a question is simply ready to look at again, from its day on. The faces ask
:func:`due` how many are waiting and run a :class:`ReviewRound` with the lesson's own question
view, so a review looks and answers exactly as the lesson did.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from tutor.kinds.choice import ChoiceRecord, ChoiceStep
from tutor.packs.model import Lesson, Pack
from tutor.progress.model import LessonRecord, Records

if TYPE_CHECKING:
    from fsrs import Card, Scheduler

    from tutor.session import LessonSession

ROUND_SIZE = 10
"""The most questions one review round asks: a short round, and the rest wait calmly."""
FIRST_INTERVAL = timedelta(days=1)
"""When a missed question first comes back: FSRS's interval after a first Again (checked by a
test against the scheduler itself)."""
MAXIMUM_INTERVAL = 365
DESIRED_RETENTION = 0.8
"""Fewer reviews than FSRS's usual 0.9 for more kept than Leitner boxes: the figures are in
``benchmarks/review_schedulers.py`` and the README."""
SCHEDULER = "fsrs"

Clock = Callable[[], datetime]


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class ReviewStore(Records, Protocol):
    """What review needs of the progress store (``ProgressStore``; a test may hand in its own)."""

    def review_rows(self) -> list[tuple[str, str, str, str, str]]: ...

    def review(self, pack: str, lesson: str, key: str,
               change: Callable[[str | None], tuple[str, str] | None],
               answer: tuple[str, str, bool] | None = None) -> None: ...


@dataclass(frozen=True)
class Question:
    """A question to look at again, with the pack and lesson it comes from."""

    pack: Pack
    lesson: Lesson
    step: ChoiceStep
    due: datetime

    @property
    def key(self) -> tuple[str, str, str]:
        return self.pack.id, self.lesson.id, self.step.key


def is_due(when: datetime, at: datetime) -> bool:
    """Due from its day on, in the learner's own time zone: "a day later" means tomorrow, not
    the same minute tomorrow."""
    return when.astimezone().date() <= at.astimezone().date()


# Taking misses in ------------------------------------------------------------------------------


def missed_keys(lesson: Lesson, record: LessonRecord | None) -> list[str]:
    """The questions of ``lesson`` the learner got wrong on the first try."""
    if record is None:
        return []
    found = []
    for step in lesson.steps:
        saved = record.steps.get(step.key)
        if isinstance(step, ChoiceStep) and isinstance(saved, ChoiceRecord) \
                and saved.first_correct is False:
            found.append(step.key)
    return found


def take_in(store: ReviewStore, packs: Iterable[Pack], at: datetime,
            scheduled: set[tuple[str, str, str]] | None = None) -> int:
    """Give every question missed on the first try, and not yet in review, its first day back.

    Cheap enough to run whenever the home screen is drawn: it reads records already in memory
    and writes only what is new. Returns how many were taken in. StoreError if saving fails.
    """
    if scheduled is None:
        scheduled = {(p, lesson, k) for p, lesson, k, _, _ in store.review_rows()}
    taken = 0
    for pack in packs:
        for lesson in pack.lessons:
            for key in missed_keys(lesson, store.find(pack.id, lesson.id)):
                if (pack.id, lesson.id, key) in scheduled:
                    continue
                store.review(pack.id, lesson.id, key, _first_miss(at),
                             (_text(at), "lesson", False))
                scheduled.add((pack.id, lesson.id, key))
                taken += 1
    return taken


def _first_miss(at: datetime) -> Callable[[str | None], tuple[str, str] | None]:
    def change(state: str | None) -> tuple[str, str] | None:
        if state is not None:  # another window took it in first
            return None
        return _text(at + FIRST_INTERVAL), json.dumps({"scheduler": SCHEDULER,
                                                       "missed": _text(at)})
    return change


# What is waiting -------------------------------------------------------------------------------


def due(store: ReviewStore, packs: Sequence[Pack], at: datetime) -> list[Question]:
    """The questions ready to look at again, earliest first; questions whose lesson or step is
    no longer in an installed pack, or is no longer a question, are left out quietly."""
    steps: dict[tuple[str, str, str], tuple[Pack, Lesson, ChoiceStep]] = {}
    order: dict[tuple[str, str, str], int] = {}
    for pack in packs:
        for lesson in pack.lessons:
            for step in lesson.steps:
                if isinstance(step, ChoiceStep):
                    key = (pack.id, lesson.id, step.key)
                    steps.setdefault(key, (pack, lesson, step))
                    order.setdefault(key, len(order))
    found = []
    for pack_id, lesson_id, step_key, when_text, _ in store.review_rows():
        item = steps.get((pack_id, lesson_id, step_key))
        when = _parse(when_text)
        if item is None or when is None or not is_due(when, at):
            continue
        found.append(Question(*item, due=when))
    found.sort(key=lambda q: (q.due.date(), order[q.key]))
    return found


def questions_of(pack: Pack, lesson: Lesson, keys: Iterable[str], at: datetime) -> list[Question]:
    """The lesson's questions named by ``keys`` (the ones missed at its end), in its order."""
    wanted = set(keys)
    return [Question(pack, lesson, step, at) for step in lesson.steps
            if isinstance(step, ChoiceStep) and step.key in wanted]


# Answering -------------------------------------------------------------------------------------


def _scheduler() -> Scheduler:
    """FSRS with its default weights, day-sized steps only: netsteps is opened on days, not
    minutes, so there are no same-day learning steps; no fuzz, so a test's clock tells."""
    from fsrs import Scheduler

    return Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False,
                     maximum_interval=MAXIMUM_INTERVAL, desired_retention=DESIRED_RETENTION)


def next_review(state: str | None, right: bool, at: datetime) -> tuple[str, str]:
    """(due, state) after a review answered ``right`` or not at ``at``."""
    from fsrs import Card, Rating

    at = at.astimezone(UTC)  # FSRS takes UTC only
    scheduler = _scheduler()
    card: Card | None = None
    data = _load(state)
    if isinstance(data.get("card"), dict):
        try:
            card = Card.from_dict(data["card"])
        except (KeyError, TypeError, ValueError):
            card = None
    if card is None:  # taken in from a miss: the miss is replayed first
        missed = (_parse(data.get("missed")) or at).astimezone(UTC)
        card, _ = scheduler.review_card(Card(card_id=1), Rating.Again, min(missed, at))
    card, _ = scheduler.review_card(card, Rating.Good if right else Rating.Again, at)
    return _text(card.due), json.dumps({"scheduler": SCHEDULER, "card": card.to_dict()})


def answer(store: ReviewStore, question: Question, right: bool, at: datetime,
           *, again: bool = False) -> None:
    """Keep a review's first answer: it sets when the question comes back next. ``again`` is
    the try at a lesson's end, just after its feedback: that says little about memory, so it is
    kept in the history but leaves the schedule as it is."""
    def change(state: str | None) -> tuple[str, str] | None:
        return None if again else next_review(state, right, at)

    store.review(*question.key, change, (_text(at), "again" if again else "review", right))


# One round -------------------------------------------------------------------------------------


@dataclass
class ReviewRound:
    """A short round of questions, one at a time, each shown by the lesson's own question view
    through a :class:`LessonSession` of one step. Its record is a scratch one, so the lesson's
    own answers stay as they were; the first pick of each question is the review's answer."""

    store: ReviewStore
    questions: list[Question]
    seed: str = ""
    again: bool = False
    clock: Clock = now
    on_problem: Callable[[str], None] = lambda message: None
    index: int = 0
    results: dict[int, bool] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.questions = self.questions[:ROUND_SIZE]
        self.session = self._session()

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def number(self) -> int:
        return self.index + 1

    @property
    def question(self) -> Question:
        return self.questions[self.index]

    @property
    def is_last(self) -> bool:
        return self.index >= self.total - 1

    @property
    def right(self) -> int:
        return sum(self.results.values())

    def next(self) -> bool:
        """On to the next question; False after the last."""
        if self.is_last:
            self.index = self.total
            return False
        self.index += 1
        self.session = self._session()
        return True

    def _session(self) -> LessonSession:
        from tutor.session import LessonSession  # the lesson's machinery, when a round starts

        if not self.questions or self.index >= self.total:
            return LessonSession(Lesson("", "", "", 0, (), (), ""), LessonRecord())
        question = self.question
        lesson = Lesson(question.lesson.id, question.lesson.title, "", 0, (), (question.step,),
                        question.lesson.file)
        return LessonSession(lesson, LessonRecord(), self._answered, seed=self.seed)

    def _answered(self) -> None:
        """The session saved a change: the first pick of this question is the review's."""
        record = self.session.record_for(self.question.step)
        if self.index in self.results or not isinstance(record, ChoiceRecord) \
                or record.first_correct is None:
            return
        self.results[self.index] = record.first_correct
        from tutor.progress.store import StoreError

        try:
            answer(self.store, self.question, record.first_correct, self.clock(),
                   again=self.again)
        except StoreError as error:
            self.on_problem(str(error))


# Stored text -----------------------------------------------------------------------------------


def _text(when: datetime) -> str:
    return when.astimezone(UTC).replace(microsecond=0).isoformat()


def _parse(text: object) -> datetime | None:
    if not isinstance(text, str):
        return None
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _load(state: str | None) -> dict[str, Any]:
    try:
        data = json.loads(state) if state else {}
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
