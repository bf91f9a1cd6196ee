"""The plan and the follow-up in the full screen, driven by keys and clicks at 80x24 and 100x30,
on a fake clock."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static

from tests.test_followup import TODAY, seed
from tests.test_ui import make_app
from tutor import followup
from tutor.progress.store import ProgressStore
from tutor.ui.app import NetstepsApp
from tutor.ui.screens.followup import FollowUpScreen
from tutor.ui.screens.home import HomeScreen
from tutor.ui.screens.plan import PlanScreen
from tutor.ui.screens.settings import SettingsScreen

SIZES = [(80, 24), (100, 30)]



async def looked(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until the home screen has looked for a follow-up to ask (at most 5 s)."""
    for _ in range(100):
        await pilot.pause(0.05)
        homes = [s for s in pilot.app.screen_stack if isinstance(s, HomeScreen)]
        if homes and homes[0].followup_looked:
            await pilot.pause()
            return

@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[date]:
    now = [TODAY]
    monkeypatch.setattr(followup, "CLOCK", lambda: now[0])
    return now


def shown(app: NetstepsApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def reopened(home: Path) -> ProgressStore:
    store = ProgressStore(home)
    store.load()
    return store


def marks(home: Path) -> dict[str, followup.Mark]:
    return followup.marks(reopened(home))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_follow_up_asks_on_start_and_done_ticks_it(home: Path, clock: list[date],
                                                             size: tuple[int, int]) -> None:
    seed(home)
    app = make_app(home)
    async with app.run_test(size=size) as pilot:
        await looked(pilot)  # the question comes once home is painted
        assert isinstance(app.screen, FollowUpScreen)
        assert "By 9 March 2027, I will write my purpose" in shown(app, "#followup-action")
        await pilot.click("#fu-done")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert marks(home)["write my purpose in one sentence"].done == TODAY
    # Opened again the same day: not asked again, and nothing is left to ask anyway.
    async with make_app(home).run_test(size=size) as pilot:
        await looked(pilot)  # the question comes once home is painted
        assert isinstance(pilot.app.screen, HomeScreen)


async def test_not_yet_takes_a_new_date_typed_by_the_learner(home: Path,
                                                            clock: list[date]) -> None:
    seed(home)
    app = make_app(home)
    async with app.run_test(size=(80, 24)) as pilot:
        await looked(pilot)  # the question comes once home is painted
        await pilot.press("tab", "enter")  # from Done to Not yet
        await pilot.pause()
        box = app.screen.query_one("#fu-date", Input)
        assert box.has_focus and box.value == "17.03.2027"  # a week on, to change at will
        box.value = ""
        await pilot.press(*"someday", "enter")
        await pilot.pause()
        assert "did not understand 'someday'" in shown(app, "#fu-date-problem")
        box.value = ""
        await pilot.press(*"1.3.2027", "enter")
        await pilot.pause()
        assert "has passed already" in shown(app, "#fu-date-problem")
        box.value = ""
        await pilot.press(*"20.3", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert marks(home)["write my purpose in one sentence"].due == date(2027, 3, 20)


async def test_drop_and_another_day_and_once_a_day(home: Path, clock: list[date]) -> None:
    seed(home)
    async with make_app(home).run_test(size=(80, 24)) as pilot:
        await looked(pilot)  # the question comes once home is painted
        await pilot.press("escape")  # ask me another day
        await pilot.pause()
        assert isinstance(pilot.app.screen, HomeScreen)
    async with make_app(home).run_test(size=(80, 24)) as pilot:
        await looked(pilot)  # the question comes once home is painted
        assert isinstance(pilot.app.screen, HomeScreen)  # once a day at most
    clock[0] = TODAY + timedelta(days=1)
    async with make_app(home).run_test(size=(80, 24)) as pilot:
        await looked(pilot)  # the question comes once home is painted
        assert isinstance(pilot.app.screen, FollowUpScreen)
        await pilot.click("#fu-drop")
        await pilot.pause()
    mark = marks(home)["write my purpose in one sentence"]
    assert mark.dropped == TODAY + timedelta(days=1)


async def test_the_follow_up_can_be_switched_off_in_the_settings(home: Path,
                                                                 clock: list[date]) -> None:
    seed(home)
    app = make_app(home)
    async with app.run_test(size=(80, 24)) as pilot:
        await looked(pilot)  # the question comes once home is painted
        await pilot.press("escape", "s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        options = app.screen.query_one("#followup", OptionList)
        options.focus()
        options.highlighted = 1
        await pilot.press("enter")
        await pilot.pause()
        assert "Do not ask me (chosen)" in str(options.get_option_at_index(1).prompt)
    assert followup.is_on(reopened(home)) is False
    clock[0] = TODAY + timedelta(days=3)
    async with make_app(home).run_test(size=(80, 24)) as pilot:
        await looked(pilot)  # the question comes once home is painted
        assert isinstance(pilot.app.screen, HomeScreen)


def plan_lines(app: NetstepsApp) -> list[str]:
    options = app.screen.query_one("#plan-list", OptionList)
    lines = []
    for index in range(options.option_count):
        prompt = options.get_option_at_index(index).prompt
        cells = getattr(prompt, "columns", None)
        if cells:  # an action: its tick and its words
            lines.append(" ".join(str(column._cells[0]) for column in cells))
        else:
            lines.append(str(prompt))
    return lines


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_plan_screen_ticks_done_by_key_and_by_click(home: Path, clock: list[date],
                                                              size: tuple[int, int]) -> None:
    store = seed(home)
    followup.switch(store, False)
    app = make_app(home)
    async with app.run_test(size=size) as pilot:
        await looked(pilot)  # the question comes once home is painted
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        lines = plan_lines(app)
        assert lines[0] == "Its date has passed (no hurry)"
        assert lines[1].startswith("☐ By 9 March 2027, I will write my purpose")
        assert "This week" in lines and "Later" in lines
        assert "How sure you feel" in shown(app, "#plan-confidence")
        assert "before ██░░░ 2   after ████░ 4" in shown(app, "#plan-confidence")
        await pilot.press("enter")  # the highlighted action: the first one
        await pilot.pause()
        assert "Done: Write my purpose in one sentence" in shown(app, "#plan-said")
        lines = plan_lines(app)
        assert lines[-2] == "Done" and lines[-1].startswith("☑ By 9 March 2027")
        # The mouse: highlight the action, then the button.
        options = app.screen.query_one("#plan-list", OptionList)
        options.highlighted = len(lines) - 1
        await pilot.click("#mark")
        await pilot.pause()
        assert "Back in your plan" in shown(app, "#plan-said")
        assert "Done" not in plan_lines(app)
    assert marks(home)["write my purpose in one sentence"].done is None


async def test_a_cue_of_the_learners_own(home: Path, clock: list[date]) -> None:
    store = seed(home)
    followup.switch(store, False)
    app = make_app(home)
    async with app.run_test(size=(80, 24)) as pilot:
        await looked(pilot)  # the question comes once home is painted
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        box = app.screen.query_one("#cue-input", Input)
        assert box.has_focus
        await pilot.press(*"when I have my Monday coffee", "enter")
        await pilot.pause()
        said = shown(app, "#plan-said")
        assert ("When I have my Monday coffee, I will write my purpose in one sentence."
                in said)
        assert plan_lines(app)[1].startswith("☐ When I have my Monday coffee, I will")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert marks(home)["write my purpose in one sentence"].cue == "I have my Monday coffee"
