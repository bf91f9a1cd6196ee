"""Review in both faces, played by a scripted learner with a fake clock: a question missed in a
lesson is offered again at its end, comes back calmly on the home screen a day later, and the
answer in the review sets when it comes back next."""

from __future__ import annotations

import io
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from tests.conftest import PACK_TOML, WritePack
from tutor import review
from tutor.kinds.choice import KIND as CHOICE
from tutor.kinds.choice import ChoiceStep
from tutor.packs.library import Library
from tutor.plain import run_plain
from tutor.progress.store import ProgressStore
from tutor.ui.app import NetstepsApp
from tutor.ui.screens.home import HomeScreen
from tutor.ui.screens.lesson import LessonScreen
from tutor.ui.screens.lesson_end import LessonEndScreen
from tutor.ui.screens.review import ReviewScreen

SEED = "tests"
MONDAY = datetime(2026, 3, 2, 12, 0).astimezone()
DAY = timedelta(days=1)

LESSON = """\
id = "one"
title = "Being kind online"
summary = "Two questions."
minutes = 3
objectives = ["Reply kindly"]

[[steps]]
id = "kind"
kind = "choice"
prompt = "Someone asks a simple question in a group. What is the kind reply?"
options = [
  { text = "Tell them to search first", correct = false, feedback = "That can feel cold." },
  { text = "Answer it briefly and warmly", correct = true, feedback = "Yes: short and warm." },
  { text = "Ignore it and scroll on", correct = false, feedback = "They are left waiting." },
]

[[steps]]
id = "safe"
kind = "choice"
prompt = "A message asks for the code a site just sent you. What do you do?"
options = [
  { text = "Never tell the code to anyone", correct = true, feedback = "Right: it is yours." },
  { text = "Tell it if they sound friendly", correct = false, feedback = "Scammers do." },
]
"""


class Clock:
    def __init__(self) -> None:
        self.at = MONDAY

    def __call__(self) -> datetime:
        return self.at


def rendered(widget: Static) -> str:
    """What a Static shows, whatever it holds, on one long line per line of text."""
    import io

    from rich.console import Console

    console = Console(width=300, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text()


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(review, "now", fake)
    return fake


@pytest.fixture
def builtin(tmp_path: Path, write_pack: WritePack) -> Path:
    write_pack("builtin/demo", **{"pack.toml": PACK_TOML, "01-one.toml": LESSON})
    return tmp_path / "builtin"


def opened(home: Path) -> ProgressStore:
    store = ProgressStore(home)
    store.load()
    store.settings["learner_seed"] = SEED
    return store


def shown(step: ChoiceStep, index: int) -> int:
    """Where option ``index`` shows for the test learner, counted from 0."""
    return CHOICE.order(step, SEED).index(index)


def wrong_and_right(step: ChoiceStep) -> tuple[int, int]:
    right = min(step.correct_indices)
    wrong = min(i for i in range(len(step.options)) if i not in step.correct_indices)
    return wrong, right


# The full screen ---------------------------------------------------------------------------------


def make_app(home: Path, builtin: Path) -> NetstepsApp:
    return NetstepsApp(store=opened(home), data_dir=home,
                       library=Library(home, builtin_dir=builtin, use_entry_points=False))


def text_of(app: NetstepsApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def pick(pilot, app: NetstepsApp, step: ChoiceStep, index: int) -> str:  # type: ignore[no-untyped-def]
    """Pick option ``index`` of the question on screen; the feedback it gets."""
    options = app.screen.query_one("#options", OptionList)
    options.focus()
    options.highlighted = shown(step, index)
    await pilot.press("enter")
    await pilot.pause()
    return text_of(app, "#feedback")


async def test_full_screen_missed_then_offered_then_back_a_day_later(
        home: Path, builtin: Path, clock: Clock) -> None:
    app = make_app(home, builtin)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not app.screen.query_one("#review-row").display  # nothing waits: nothing said
        await pilot.press("r")  # and the key does nothing
        assert isinstance(app.screen, HomeScreen)

        await pilot.click("#next-up")
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        kind, safe = app.screen.current.lesson.steps
        assert isinstance(kind, ChoiceStep) and isinstance(safe, ChoiceStep)
        wrong, right = wrong_and_right(kind)
        assert "Not quite" in await pick(pilot, app, kind, wrong)
        assert "That's right" in await pick(pilot, app, kind, right)
        await pilot.click("#next")
        await pilot.pause(0.25)
        assert "That's right" in await pick(pilot, app, safe, min(safe.correct_indices))
        await pilot.click("#next")
        await pilot.pause()

        assert isinstance(app.screen, LessonEndScreen)
        assert "1 of them right" in text_of(app, "#end-summary")
        missed = "\n".join(rendered(line) for line in app.screen.query("#end-missed Static"))
        assert kind.prompt in missed and safe.prompt not in missed
        await pilot.click("#try-again")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "Question 1 of 1" in text_of(app, "#step-count")
        assert "That's right" in await pick(pilot, app, kind, right)
        await pilot.click("#next")
        await pilot.pause(0.25)  # a button ignores a second press during its press effect
        assert "You looked at 1 question again." in text_of(app, "#review-end")
        await pilot.click("#next")  # Done
        await pilot.pause()
        assert isinstance(app.screen, LessonEndScreen)
        await pilot.click("#home")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not app.screen.query_one("#review-row").display  # the same day: not yet

        clock.at = MONDAY + DAY  # a day later
        app.screen.refresh_state()
        await pilot.pause()
        assert app.screen.query_one("#review-row").display
        assert "1 question is ready to look at again." in text_of(app, "#review-line")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "Not quite" in await pick(pilot, app, kind, wrong)  # the same feedback
        await pilot.press("escape")  # leaving at any time
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not app.screen.query_one("#review-row").display  # answered: back later

    store = opened(home)
    history = [(where, right) for *_, where, right in store.review_history()]
    assert history == [("lesson", False), ("again", True), ("review", False)]
    [(_, _, _, due, _)] = store.review_rows()
    assert MONDAY + DAY < datetime.fromisoformat(due) <= MONDAY + 3 * DAY  # wrong: soon


# Plain mode ------------------------------------------------------------------------------------


class Answers:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    def __call__(self, prompt: str) -> str:
        if self.lines:
            return self.lines.pop(0)
        raise EOFError


def play(home: Path, builtin: Path, lines: list[str]) -> str:
    out = io.StringIO()
    answers = Answers(lines)
    run_plain(opened(home), input_fn=answers, output=out,
              library=Library(home, builtin_dir=builtin, use_entry_points=False))
    assert answers.lines == []
    return out.getvalue()


def test_plain_mode_missed_then_offered_then_back_a_day_later(
        home: Path, builtin: Path, clock: Clock) -> None:
    pack = Library(home, builtin_dir=builtin, use_entry_points=False).load().packs[0]
    kind, safe = pack.lessons[0].steps
    assert isinstance(kind, ChoiceStep) and isinstance(safe, ChoiceStep)
    wrong, right = wrong_and_right(kind)

    def number(step: ChoiceStep, index: int) -> str:
        return str(shown(step, index) + 1)

    first = play(home, builtin, [
        "",  # start the first lesson
        number(kind, wrong), number(kind, right), "",
        number(safe, min(safe.correct_indices)), "",
        "a",  # try the missed one again
        number(kind, right), "",
        "",  # back to the lessons
        "q",
    ])
    end = first[first.index("Well done!"):]
    assert "Questions you missed on the first try:" in end
    assert kind.prompt in end and f"- {safe.prompt}" not in end
    assert "type a and press Enter" in end
    assert "Question 1 of 1" in end
    assert "You looked at 1 question again." in end
    assert "ready to look at again" not in first  # the same day: nothing waits

    clock.at = MONDAY + DAY
    second = play(home, builtin, [
        "r",
        number(kind, wrong),
        "m",  # leave the review at any time
        "q",
    ])
    lists = second.split("Your lessons")
    assert "1 question is ready to look at again." in lists[1]
    assert "r: look again" in lists[1]
    assert "Not quite" in second
    assert "ready to look at again" not in lists[-1]  # answered: it comes back later
    history = [(where, right) for *_, where, right in opened(home).review_history()]
    assert history == [("lesson", False), ("again", True), ("review", False)]
