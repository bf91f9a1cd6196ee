"""The plan and its follow-up in plain mode, as a screen-reader user types them, on a fake clock."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.test_followup import TODAY, seed
from tests.test_plain import Answers, opened_store, play
from tutor import followup


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[date]:
    now = [TODAY]
    monkeypatch.setattr(followup, "CLOCK", lambda: now[0])
    return now


KEY = "write my purpose in one sentence"


def test_the_follow_up_comes_first_and_done_ticks_it(home: Path, clock: list[date]) -> None:
    seed(home)
    code, output = play(home, Answers(["1", "q"]))
    assert code == 0
    assert output.index("A look back at your plan") < output.index("Your lessons")
    assert "You planned: By 9 March 2027, I will write my purpose in one sentence." in output
    assert "Well done. It is ticked in your plan." in output
    assert followup.marks(opened_store(home))[KEY].done == TODAY
    code, output = play(home, Answers(["q"]))  # the same day: not asked again
    assert "A look back" not in output


def test_not_yet_asks_for_a_new_date_and_enter_takes_the_one_offered(
        home: Path, clock: list[date]) -> None:
    seed(home)
    _, output = play(home, Answers(["2", "whenever", "1.1.2020", "", "q"]))
    assert "did not understand 'whenever'" in output
    assert "That date has passed already" in output
    assert "Fine: it is in your plan for 17 March 2027." in output
    assert followup.marks(opened_store(home))[KEY].due == date(2027, 3, 17)


def test_enter_means_another_day_and_tomorrow_it_asks_again(home: Path,
                                                             clock: list[date]) -> None:
    seed(home)
    _, output = play(home, Answers(["", "q"]))
    assert "come at most once a day" in output
    clock[0] = TODAY + timedelta(days=1)
    _, output = play(home, Answers(["3", "q"]))
    assert "It is out of your plan" in output
    assert followup.marks(opened_store(home))[KEY].dropped == TODAY + timedelta(days=1)


def test_the_plan_marks_done_adds_a_cue_and_switches_the_questions_off(
        home: Path, clock: list[date]) -> None:
    seed(home)
    answers = ["",  # the follow-up on start: another day
               "p",
               "2", "1",  # action 2 done
               "1", "2", "When I have my Monday coffee",  # a cue for action 1
               "d",  # questions about dates off
               "9", "",  # a number not in the plan, then back
               "q"]
    code, output = play(home, Answers(answers))
    assert code == 0
    assert "2. [ ] By 12 March 2027, I will follow five people in my field." in output
    assert "Done: Follow five people in my field. Well done." in output
    assert "Kept: When I have my Monday coffee, I will write my purpose in one sentence." in output
    assert "3. [x] By 12 March 2027, I will follow five people in my field." in output
    assert "netsteps will not ask about dates" in output
    assert "Please type one of the numbers shown" in output
    assert "How sure you feel" in output and "2 → 4 (more sure)" in output
    store = opened_store(home)
    assert not followup.is_on(store)
    assert followup.marks(store)[KEY].cue == "I have my Monday coffee"
