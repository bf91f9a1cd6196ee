"""Review that sticks: a question missed on the first try comes back on a spaced schedule, kept
in the progress database, with a fake clock in every test."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import WritePack
from tutor.kinds.choice import ChoiceStep
from tutor.packs.loader import load_pack
from tutor.packs.model import Pack
from tutor.progress.store import ProgressStore
from tutor.review import (
    FIRST_INTERVAL,
    ReviewRound,
    answer,
    due,
    take_in,
)
from tutor.session import LessonSession

DAY = timedelta(days=1)
MONDAY = datetime(2026, 3, 2, 12, 0).astimezone()  # noon where the learner is


def open_store(home: Path) -> ProgressStore:
    store = ProgressStore(home)
    store.load()
    return store


def take_lesson(store: ProgressStore, pack: Pack, *, wrong_first: bool) -> None:
    """Answer both questions of the demo lesson: wrong first, then right (or right at once)."""
    lesson = pack.lessons[0]
    session = LessonSession(lesson, store.lesson(pack.id, lesson.id),
                            save=lambda: store.save(pack.id, lesson.id))
    for index, step in enumerate(lesson.steps):
        session.go_to(index)
        if isinstance(step, ChoiceStep):
            right = sorted(step.correct_indices)
            wrong = [i for i in range(len(step.options)) if i not in right][:1]
            if wrong_first:
                session.choose(wrong)
            session.choose(right)
    session.complete()


@pytest.fixture
def pack(write_pack: WritePack) -> Pack:
    return load_pack(write_pack())


def test_a_missed_question_comes_back_a_day_later_not_before(home: Path, pack: Pack) -> None:
    store = open_store(home)
    take_lesson(store, pack, wrong_first=True)
    assert take_in(store, [pack], MONDAY) == 2
    assert due(store, [pack], MONDAY) == []
    assert due(store, [pack], MONDAY + 8 * timedelta(hours=1)) == []  # still Monday evening
    waiting = due(store, [pack], MONDAY + DAY)
    assert [q.step.key for q in waiting] == ["q1", "q2"]
    assert take_in(store, [pack], MONDAY + DAY) == 0  # taken in once only


def test_right_on_the_first_try_never_comes_back(home: Path, pack: Pack) -> None:
    store = open_store(home)
    take_lesson(store, pack, wrong_first=False)
    assert take_in(store, [pack], MONDAY) == 0
    assert due(store, [pack], MONDAY + 30 * DAY) == []


def test_the_first_day_back_is_what_fsrs_itself_says() -> None:
    from fsrs import Card, Rating

    from tutor.review import _scheduler

    at = MONDAY.astimezone(UTC)
    card, _ = _scheduler().review_card(Card(card_id=1), Rating.Again, at)
    assert card.due - at == FIRST_INTERVAL


def test_right_in_review_comes_back_later_still_and_wrong_comes_back_soon(
        home: Path, pack: Pack) -> None:
    store = open_store(home)
    take_lesson(store, pack, wrong_first=True)
    take_in(store, [pack], MONDAY)
    tuesday = MONDAY + DAY
    first, second = due(store, [pack], tuesday)
    answer(store, first, True, tuesday)
    answer(store, second, False, tuesday)
    rows = {key: datetime.fromisoformat(when) for _, _, key, when, _ in store.review_rows()}
    right_gap, wrong_gap = rows["q1"] - tuesday, rows["q2"] - tuesday
    assert right_gap > FIRST_INTERVAL
    assert wrong_gap < right_gap
    assert wrong_gap <= 2 * DAY
    # Right again at its next day: the gap grows once more.
    later = rows["q1"]
    [again] = [q for q in due(store, [pack], later) if q.step.key == "q1"]
    answer(store, again, True, later)
    rows = {key: datetime.fromisoformat(when) for _, _, key, when, _ in store.review_rows()}
    assert rows["q1"] - later > right_gap
    history = [(key, where, right) for _, _, key, _, where, right in store.review_history()]
    assert history == [("q1", "lesson", False), ("q2", "lesson", False),
                       ("q1", "review", True), ("q2", "review", False), ("q1", "review", True)]


def test_trying_again_at_the_lesson_end_is_kept_but_moves_nothing(home: Path,
                                                                   pack: Pack) -> None:
    store = open_store(home)
    take_lesson(store, pack, wrong_first=True)
    take_in(store, [pack], MONDAY)
    before = store.review_rows()
    question = due(store, [pack], MONDAY + DAY)[0]
    answer(store, question, True, MONDAY, again=True)
    assert store.review_rows() == before
    assert store.review_history()[-1][4:] == ("again", True)


def test_two_windows_on_one_database_keep_both_reviews(home: Path, pack: Pack) -> None:
    first = open_store(home)
    take_lesson(first, pack, wrong_first=True)
    take_in(first, [pack], MONDAY)
    second = open_store(home)
    tuesday = MONDAY + DAY
    q1_here, _ = due(first, [pack], tuesday)
    q1_there, q2_there = due(second, [pack], tuesday)
    answer(first, q1_here, True, tuesday)
    answer(second, q2_there, True, tuesday + timedelta(minutes=1))
    answer(second, q1_there, False, tuesday + timedelta(minutes=2))  # the same one, later
    for store in (first, second, open_store(home)):
        sources = [(key, right) for _, _, key, _, where, right in store.review_history()
                   if where == "review"]
        assert sources == [("q1", True), ("q2", True), ("q1", False)]
        # Both windows' answers count: q1's schedule went on from the first window's review.
        assert len(due(store, [pack], tuesday + 3 * DAY)) >= 1
    # The second window's take-in of the same misses changes nothing.
    assert take_in(second, [pack], tuesday) == 0


def test_a_round_asks_each_question_once_and_its_first_pick_counts(home: Path,
                                                                   pack: Pack) -> None:
    store = open_store(home)
    take_lesson(store, pack, wrong_first=True)
    take_in(store, [pack], MONDAY)
    lesson_answers = store.find(pack.id, "one").to_dict()  # type: ignore[union-attr]
    tuesday = MONDAY + DAY
    review = ReviewRound(store, due(store, [pack], tuesday), clock=lambda: tuesday)
    assert (review.number, review.total) == (1, 2)
    step = review.question.step
    assert not review.session.choose([0]).correct  # wrong first …
    assert review.session.choose(sorted(step.correct_indices)).correct  # … then right
    assert review.next()
    step = review.question.step
    assert review.session.choose(sorted(step.correct_indices)).correct
    assert not review.next()
    assert review.right == 1
    assert [(k, r) for _, _, k, _, w, r in store.review_history() if w == "review"] == [
        ("q1", False), ("q2", True)]
    # The lesson's own record is untouched by the review.
    assert store.find(pack.id, "one").to_dict() == lesson_answers  # type: ignore[union-attr]


def test_a_question_no_longer_in_the_pack_is_left_out_quietly(home: Path, pack: Pack,
                                                              write_pack: WritePack) -> None:
    store = open_store(home)
    take_lesson(store, pack, wrong_first=True)
    take_in(store, [pack], MONDAY)
    lesson = (write_pack() / "01-one.toml").read_text()
    edited = load_pack(write_pack("edited", **{"01-one.toml": lesson.replace('id = "q1"',
                                                                            'id = "q1-new"')}))
    assert [q.step.key for q in due(store, [edited], MONDAY + DAY)] == ["q2"]


def test_forgetting_a_pack_forgets_its_reviews(home: Path, pack: Pack) -> None:
    store = open_store(home)
    take_lesson(store, pack, wrong_first=True)
    take_in(store, [pack], MONDAY)
    store.forget_pack(pack.id)
    assert store.review_rows() == []
    assert open_store(home).review_history() == []


def test_the_scheduler_is_not_imported_at_start_up_or_to_count(home: Path, pack: Pack) -> None:
    """Counting what is waiting and taking a miss in never import fsrs; answering does."""
    store = open_store(home)
    take_lesson(store, pack, wrong_first=True)
    store.close()
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from datetime import UTC, datetime, timedelta, UTC\n"
        "from tutor.packs.loader import load_pack\n"
        "from tutor.progress.store import ProgressStore\n"
        "from tutor.review import take_in, due, answer\n"
        f"pack = load_pack(Path({str(pack.source)!r}))\n"
        f"store = ProgressStore(Path({str(home)!r})); store.load()\n"
        "now = datetime(2026, 3, 2, 12, tzinfo=UTC)\n"
        "take_in(store, [pack], now)\n"
        "waiting = due(store, [pack], now + timedelta(days=1))\n"
        "print(len(waiting), 'fsrs' in sys.modules)\n"
        "answer(store, waiting[0], True, now + timedelta(days=1))\n"
        "print('fsrs' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["2", "False", "True"]



def test_the_data_export_holds_the_review_schedule_and_history(home: Path, pack: Pack) -> None:
    store = open_store(home)
    take_lesson(store, pack, wrong_first=True)
    take_in(store, [pack], MONDAY)
    whole = open_store(home).as_dict()
    assert [row["step"] for row in whole["review"]["schedule"]] == ["q1", "q2"]
    assert whole["review"]["history"] == [] or all(
        set(row) == {"pack", "lesson", "step", "at", "where", "right"}
        for row in whole["review"]["history"])
