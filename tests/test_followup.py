"""Following up the plan: done, not yet, dropped, a cue; asked at most once a day; `plan done N`.

Every date comes from a fake clock (``followup.CLOCK``), so "a day later" is one line.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import COURSE
from tutor import followup
from tutor.cli import main
from tutor.kinds import CommitRecord, RateRecord, ReflectRecord
from tutor.packs.library import Library
from tutor.packs.loader import load_pack
from tutor.plan import Plan, plan_for, render
from tutor.progress.model import Commitment
from tutor.progress.store import ProgressStore

TODAY = date(2027, 3, 10)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[date]:
    """The fake today: change ``clock[0]`` to move time."""
    now = [TODAY]
    monkeypatch.setattr(followup, "CLOCK", lambda: now[0])
    return now


def seed(home: Path, yesterday: date = TODAY - timedelta(days=1)) -> ProgressStore:
    """A learner who took lesson 1 (an action dated yesterday, one undated, one of their own
    in a week) and lesson 2 (the same action again, in other case, and a rating that fell)."""
    store = ProgressStore(home)
    store.load()
    why = store.lesson("first-steps", "why")
    why.status = "done"
    why.steps = {
        "confidence-before": RateRecord(rating=2),
        "my-purpose": ReflectRecord(text="Learn from <other> nurses & speak for myself."),
        "first-steps": CommitRecord(actions=[
            Commitment("Write my purpose in one sentence", yesterday),
            Commitment("Follow five people in my field", None),
            Commitment("Ask Anna how she uses LinkedIn", yesterday + timedelta(days=30),
                       suggested=False),
        ]),
        "confidence-after": RateRecord(rating=4),
    }
    store.save("first-steps", "why")
    profile = store.lesson("first-steps", "profile")
    profile.status = "done"
    profile.steps = {
        "confidence-before": RateRecord(rating=4),
        "profile-actions": CommitRecord(actions=[
            Commitment("follow five people in my field", yesterday + timedelta(days=3))]),
        "confidence-after": RateRecord(rating=3),
    }
    store.save("first-steps", "profile")
    return store


def the_plan(store: ProgressStore) -> Plan:
    return plan_for([load_pack(COURSE)], store)


def test_one_list_ordered_by_when_with_each_action_once(home: Path, clock: list[date]) -> None:
    plan = the_plan(seed(home))
    assert [(group, [a.text for a in actions]) for group, actions in plan.groups()] == [
        ("overdue", ["Write my purpose in one sentence"]),
        ("soon", ["Follow five people in my field"]),
        ("later", ["Ask Anna how she uses LinkedIn"]),
    ]
    twice = plan.actions[1]
    assert twice.by == TODAY + timedelta(days=2)  # the date given in lesson 2
    assert twice.lessons == ("Why be there at all?", "Your profile, safely")
    assert [a.number for a in plan.actions] == [1, 2, 3]


def test_the_cue_reads_when_i_will(home: Path, clock: list[date]) -> None:
    store = seed(home)
    plan = the_plan(store)
    text = render(plan, "txt")
    assert "By 9 March 2027, I will write my purpose in one sentence." in text
    assert "By 8 April 2027, I will ask Anna how she uses LinkedIn." in text
    followup.set_cue(store, plan.actions[0], "When I have my Monday coffee,")
    text = render(the_plan(store), "txt")
    assert "When I have my Monday coffee, I will write my purpose in one sentence." in text
    assert "by 9 March 2027" in text  # the date moves to the small print


def test_asked_once_a_day_and_not_when_switched_off(home: Path, clock: list[date]) -> None:
    store = seed(home)
    due = followup.to_ask(the_plan(store), store)
    assert [a.text for a in due] == ["Write my purpose in one sentence"]
    followup.asked(store, due)
    assert followup.to_ask(the_plan(store), store) == []  # the same day: not again
    clock[0] = TODAY + timedelta(days=1)
    assert len(followup.to_ask(the_plan(store), store)) == 1  # the next day, gently again
    followup.switch(store, False)
    assert followup.to_ask(the_plan(store), store) == []
    reopened = ProgressStore(home)
    reopened.load()
    assert followup.to_ask(the_plan(reopened), reopened) == []  # the choice is kept


def test_done_not_yet_and_drop(home: Path, clock: list[date]) -> None:
    store = seed(home)
    plan = the_plan(store)
    first, second, third = plan.actions
    followup.done(store, first)
    followup.put_off(store, second, TODAY + timedelta(days=20))
    followup.drop(store, third)
    reopened = ProgressStore(home)  # marks are on disk, seen by every window
    reopened.load()
    plan = the_plan(reopened)
    assert [(g, [a.text for a in acts]) for g, acts in plan.groups()] == [
        ("later", ["Follow five people in my field"]),
        ("done", ["Write my purpose in one sentence"]),
    ]
    assert plan.actions[0].moved
    text = render(plan, "txt")
    assert "Ask Anna" not in text
    assert "[x] By 9 March 2027, I will write my purpose in one sentence." in text
    assert "done on 10 March 2027" in text
    # Dropping leaves the lesson's record as it was.
    record = reopened.find("first-steps", "why")
    assert record is not None
    assert any(a.text == "Ask Anna how she uses LinkedIn"
               for a in record.steps["first-steps"].actions)  # type: ignore[attr-defined]
    assert followup.to_ask(plan, reopened) == []  # nothing past its date is open


def test_marks_go_into_the_data_export(home: Path, clock: list[date]) -> None:
    store = seed(home)
    followup.done(store, the_plan(store).actions[0])
    assert store.as_dict()["plan"] == {"write my purpose in one sentence": {"done": "2027-03-10"}}


# The command line -----------------------------------------------------------------------------


def library(home: Path) -> Library:
    return Library(home, builtin_dir=COURSE.parent, use_entry_points=False)


@pytest.fixture
def cli_home(home: Path, clock: list[date], monkeypatch: pytest.MonkeyPatch) -> Path:
    seed(home)
    monkeypatch.setattr("tutor.cli._library", lambda: library(home).load())
    return home


def test_plan_done_n_marks_the_action_numbered_in_netsteps_plan(
        cli_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan"]) == 0
    shown = capsys.readouterr().out
    assert "2. [ ] By 12 March 2027, I will follow five people in my field." in shown
    assert main(["plan", "done", "2"]) == 0
    assert "Done: Follow five people in my field (10 March 2027)" in capsys.readouterr().out
    assert main(["plan"]) == 0
    shown = capsys.readouterr().out
    assert "3. [x] By 12 March 2027, I will follow five people in my field." in shown
    assert main(["plan", "done", "3"]) == 0
    assert "already done" in capsys.readouterr().out


@pytest.mark.parametrize("number", ["0", "4", "two", "-1", "²"])
def test_a_wrong_number_is_one_line(cli_home: Path, number: str,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "done", number]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "1 to 3" in err and "Traceback" not in err


def test_exports_show_done_and_keep_learner_text_escaped(
        cli_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "done", "1"]) == 0
    for fmt in ("md", "html", "txt"):
        assert main(["plan", "--export", str(tmp_path / f"plan.{fmt}")]) == 0
    md = (tmp_path / "plan.md").read_text("utf-8")
    assert "- [x] By 9 March 2027, I will write my purpose in one sentence." in md
    assert "## Done" in md and "## How sure you feel" in md
    assert "- Why be there at all?: 2 → 4 (more sure)" in md
    page = (tmp_path / "plan.html").read_text("utf-8")
    assert '<li class="done">Done: ' in page
    assert "&lt;other&gt; nurses &amp; speak" in page and "<other>" not in page
    assert "3 → 4" not in page and "2 → 4 (more sure)" in page
