"""Plain mode speaks its own words: no key of the full screen, and what it says is true."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import WritePack
from tests.test_plain import Answers, course, opened_store, play, up_to
from tutor import messages
from tutor.kinds import ReflectRecord
from tutor.messages import t
from tutor.session import MAX_REFLECTION

# Keys and gestures that only mean something in the full-screen tutor.
# An arrow counts as a key where it is pressed ("then → to go on"), not in "from 3 → 4".
FULL_SCREEN_ONLY = re.compile(r"\b(Tab|Esc|F\d|Ctrl\+|Shift|Space)\b"
                              r"|(?i:\b(press|then|and|or|with)\s+[→←↑↓]|[→←↑↓]\s+(and|or|to)\b)"
                              r"|(?i:\bclick|\barrow key|\bmouse\b)")


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> Iterator[set[str]]:
    """Every catalog key looked up while plain mode runs, wherever it is looked up."""
    keys: set[str] = set()
    original = messages.t

    def recording(key: str, /, **params: object) -> str:
        keys.add(key)
        return original(key, **params)

    for name, module in list(sys.modules.items()):
        if name.startswith("tutor") and getattr(module, "t", None) is original:
            monkeypatch.setattr(module, "t", recording)
    yield keys


def test_no_message_in_plain_mode_names_a_key_of_the_full_screen(
        data: Path, demo: Path, said: set[str]) -> None:
    # Every lesson of the course taken to its end, with help, words, a step back and the plan.
    for number, lesson in enumerate(course().lessons, start=1):
        answers = [str(number), "?", "w", "b", *up_to(lesson, len(lesson.steps)), "m", "p", "",
                   "?", "x", "q"]
        code, _ = play(data, Answers(answers))
        assert code == 0
    # Coming back to steps already answered says other things ("last time you chose").
    lesson = course().lessons[0]
    play(data, Answers(["1", *up_to(lesson, len(lesson.steps)), "m", "q"]))
    play(data, Answers(["", "", "4", "", "q"]), preview=demo / "demo")

    assert len(said) > 60
    english = messages.catalog("en")
    found = {key: str(english[key]) for key in sorted(said)
             if FULL_SCREEN_ONLY.search(str(english[key]))}
    assert not found


def test_the_reflection_step_says_only_how_to_answer_here(data: Path, demo: Path) -> None:
    code, output = play(data, Answers(["1", "", "", "2", "", "1 3", "", "q"]), demo)
    assert code == 0
    step = output.split(t("lesson.step_of", number=5, total=8), 1)[1]
    assert t("plain.reflect_plan") in step and t("plain.reflect_how") in step
    assert "Tab" not in step and "→" not in step


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def demo(tmp_path: Path, write_pack: WritePack) -> Path:
    write_pack("builtin/demo")
    return tmp_path / "builtin"


# The end of a lesson ---------------------------------------------------------------------------


def test_enter_at_the_end_of_a_lesson_starts_the_next_one_as_it_says(data: Path) -> None:
    """Lesson 3 done first: the list's Enter would start lesson 1, the end's starts lesson 4."""
    lessons = course().lessons
    third, fourth = lessons[2], lessons[3]
    answers = Answers(["3", *up_to(third, len(third.steps)), "", "q"])
    code, output = play(data, answers)

    assert code == 0
    end = output.split(t("end.well_done", lesson=third.title), 1)[1]
    assert t("plain.next_lesson_is", lesson=fourth.title) in end
    assert t("plain.enter_next_lesson") in end
    assert t("plain.lesson_title", title=fourth.title) in end
    assert t("plain.lesson_title", title=lessons[0].title) not in end
    record = opened_store(data).find("first-steps", third.id)
    assert record is not None and record.status == "done"


def test_m_at_the_end_of_a_lesson_goes_back_to_the_list(data: Path) -> None:
    lesson = course().lessons[0]
    code, output = play(data, Answers(["1", *up_to(lesson, len(lesson.steps)), "m", "q"]))
    assert code == 0
    end = output.split(t("end.well_done", lesson=lesson.title), 1)[1]
    assert t("home.lessons") in end
    assert t("plain.lesson_title", title=course().lessons[1].title) not in end


def test_the_last_lesson_ends_with_the_way_back_to_the_list(data: Path) -> None:
    lesson = course().lessons[-1]
    code, output = play(data, Answers(["7", *up_to(lesson, len(lesson.steps)), "", "q"]))
    assert code == 0
    end = output.split(t("end.well_done", lesson=lesson.title), 1)[1]
    assert t("plain.enter_lessons") in end and t("plain.enter_next_lesson") not in end
    assert t("home.lessons") in end


# A reflection longer than is kept ---------------------------------------------------------------


def test_a_reflection_cut_to_what_is_kept_is_said_once(data: Path, demo: Path) -> None:
    long_line = "word " * (MAX_REFLECTION // 5 + 10)
    to_reflect = ["1", "", "", "2", "", "1 3", ""]
    code, output = play(data, Answers([*to_reflect, long_line, "more", "and more", "", "q"]),
                        demo)
    assert code == 0
    assert output.count(t("plain.reflect_cut", count=MAX_REFLECTION)) == 1
    record = opened_store(data).find("demo", "one")
    assert record is not None
    think = record.steps["think"]
    assert isinstance(think, ReflectRecord) and len(think.text) == MAX_REFLECTION
