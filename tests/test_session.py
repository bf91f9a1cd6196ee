"""The lesson session: where the learner is, what they answered, and that they never get stuck."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import LESSON_TOML, PACK_TOML
from tutor.packs.loader import parse_pack
from tutor.packs.model import Lesson
from tutor.progress.model import Commitment, LessonRecord
from tutor.session import LessonSession


@pytest.fixture
def lesson() -> Lesson:
    pack = parse_pack({"pack.toml": PACK_TOML.encode(), "01.toml": LESSON_TOML.encode()})
    return pack.lessons[0]


def test_a_new_lesson_starts_at_the_first_step_and_counts_once_a_step_is_taken(
    lesson: Lesson,
) -> None:
    saves: list[int] = []
    record = LessonRecord()
    session = LessonSession(lesson, record, save=lambda: saves.append(1))
    assert (session.number, session.total) == (1, 8)
    assert record.status == "new" and not saves, "opening a lesson by mistake changes nothing"
    session.rate(3)
    assert record.status == "in_progress" and record.started is not None
    assert saves, "the first step taken is saved"


def test_moving_on_and_back_is_recorded(lesson: Lesson) -> None:
    record = LessonRecord()
    session = LessonSession(lesson, record)
    assert not session.back()
    session.next()
    session.next()
    assert record.step == 2
    session.back()
    assert record.step == 1
    assert record.steps["intro"].seen is True
    assert "before" not in record.steps or not record.steps["before"].seen


def test_resuming_returns_to_the_same_step(lesson: Lesson) -> None:
    record = LessonRecord()
    first = LessonSession(lesson, record)
    for _ in range(4):
        first.next()
    again = LessonSession(lesson, LessonRecord.from_dict(record.to_dict()))
    assert again.number == 5 and again.step.key == "think"


def test_a_wrong_answer_can_be_tried_again(lesson: Lesson) -> None:
    session = LessonSession(lesson, LessonRecord())
    session.go_to(2)
    wrong = session.choose([0])
    assert not wrong.correct
    assert wrong.feedback[0].text == "Not this, because." and not wrong.feedback[0].correct
    right = session.choose([1])
    assert right.correct and right.feedback[0].text == "Yes, because."
    answer = session.answer
    assert answer.attempts == 2 and answer.correct and answer.picked == [1]
    assert session.last_result() == right


def test_a_question_with_several_answers_needs_all_of_them(lesson: Lesson) -> None:
    session = LessonSession(lesson, LessonRecord())
    session.go_to(3)
    partial = session.choose([0])
    assert not partial.correct and partial.missed == 1
    wrong = session.choose([0, 1, 2])
    assert not wrong.correct and [f.correct for f in wrong.feedback] == [True, False, True]
    assert session.choose([2, 0]).correct


def test_the_learner_is_never_stuck(lesson: Lesson) -> None:
    session = LessonSession(lesson, LessonRecord())
    moved = 0
    while session.next():
        moved += 1
    assert moved == session.total - 1
    assert session.is_complete and session.record.completed is not None


def test_reflections_ticks_actions_and_ratings_are_kept(lesson: Lesson) -> None:
    record = LessonRecord()
    session = LessonSession(lesson, record)
    session.rate(2)
    session.rate(9)  # out of range: ignored
    session.go_to(4)
    session.write("My own words\x1b[31m with [bold]markup[/bold]\r\nsecond line")
    session.go_to(5)
    session.tick(1, True)
    session.tick(5, True)  # no such item: ignored
    session.go_to(6)
    session.commit([Commitment("Do X", date(2026, 12, 31)), Commitment("  My   own  ", None,
                                                                        suggested=False),
                    Commitment("do x", None)])
    session.go_to(7)
    session.rate(4)
    steps = record.steps
    assert steps["before"].rating == 2 and steps["before"].rated_at is not None
    assert steps["think"].text == "My own words[31m with [bold]markup[/bold]\nsecond line"
    assert steps["ticks"].ticked == [1]
    assert [(a.text, a.by, a.suggested) for a in steps["do"].actions] == [
        ("Do X", date(2026, 12, 31), True), ("My own", None, False)]
    summary = session.summary()
    assert summary.reflections == (("What do you think?", steps["think"].text),)
    assert summary.confidence[0].before == 2 and summary.confidence[0].after == 4
    assert summary.ticked == 1 and len(summary.commitments) == 2


def test_a_finished_lesson_opens_at_the_start_for_review(lesson: Lesson) -> None:
    record = LessonRecord(status="done", step=5)
    session = LessonSession(lesson, record)
    assert session.number == 1 and record.status == "done"


def test_a_stored_step_beyond_the_lesson_is_brought_back(lesson: Lesson) -> None:
    session = LessonSession(lesson, LessonRecord(status="in_progress", step=99))
    assert session.number == session.total


def test_answers_of_the_wrong_kind_are_refused_quietly(lesson: Lesson) -> None:
    session = LessonSession(lesson, LessonRecord())
    session.tick(0, True)  # a rate step: nothing happens
    with pytest.raises(TypeError):
        session.choose([0])
    assert "ticked" not in session.answer.to_dict()


def test_a_lesson_whose_questions_were_all_skipped_says_so_kindly(lesson: Lesson) -> None:
    summary = LessonSession(lesson, LessonRecord()).summary()
    assert summary.questions == 2 and summary.answered == 0
    words = summary.describe_questions()
    assert "for another time" in words and "right" not in words
