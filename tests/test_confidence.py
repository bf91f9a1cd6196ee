"""Confidence before and after each lesson: a small picture with its numbers, and kind words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import COURSE
from tests.test_followup import seed
from tutor import messages
from tutor.confidence import (
    Change,
    arrow_line,
    blocks,
    chart_row,
    course_change,
    course_changes,
    number,
)
from tutor.packs.loader import load_pack


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    messages.set_language("en")


def test_each_lesson_rated_before_and_after_gives_a_line(home: Path) -> None:
    changes = course_changes([load_pack(COURSE)], seed(home))
    assert [(c.lesson, c.before, c.after) for c in changes] == [
        ("Why be there at all?", 2, 4), ("Your profile, safely", 4, 3)]
    course = course_change(changes)
    assert course is not None and (course.before, course.after) == (3, 3.5)
    assert arrow_line(course) == "3 → 3.5 (more sure)"


def test_the_picture_has_shape_and_numbers_not_colour_alone() -> None:
    picture, word = chart_row(Change("L", 2, 4))
    assert picture == "before ██░░░ 2   after ████░ 4"
    assert word.startswith("↑")
    assert blocks(5) == "█████" and blocks(1) == "█░░░░"


def test_a_drop_is_said_gently() -> None:
    change = Change("L", 4, 3)
    assert change.direction == "down"
    line = arrow_line(change)
    assert line.startswith("4 → 3") and "sign" in line
    assert "worse" not in line.casefold() and "fail" not in line.casefold()
    assert chart_row(change)[1].startswith("↓")


def test_a_lesson_without_both_ratings_has_no_line_and_one_lesson_no_course_line() -> None:
    assert course_change([Change("L", 2, 3)]) is None
    assert course_change([]) is None


def test_averages_in_the_learners_language() -> None:
    messages.set_language("nb")
    assert number(3.5) == "3,5" and number(4) == "4"
    assert arrow_line(Change("L", 3, 3.5)) == "3 → 3,5 (tryggere)"
    assert chart_row(Change("L", 2, 2))[0] == "før ██░░░ 2   etter ██░░░ 2"
