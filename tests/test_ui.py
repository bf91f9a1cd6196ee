"""The Textual face, driven as a learner would: keys and clicks, then what they would notice."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button, OptionList, Static, TextArea

from tests.conftest import COURSE
from tutor.messages import t
from tutor.packs.library import Library
from tutor.packs.loader import load_pack
from tutor.packs.model import ChoiceStep, Pack
from tutor.progress.store import ProgressStore, StoreError
from tutor.ui.app import NetstepsApp
from tutor.ui.screens.home import HomeScreen
from tutor.ui.screens.lesson import LessonScreen
from tutor.ui.screens.lesson_end import LessonEndScreen
from tutor.ui.screens.plan import PlanScreen
from tutor.ui.widgets.steps import StepView


def make_app(home: Path, documents: Path | None = None, preview: Path | None = None
             ) -> NetstepsApp:
    store = ProgressStore(home)
    store.load()
    store.settings["learner_seed"] = "tests"  # the same option order in every run
    return NetstepsApp(store=store, data_dir=home, preview=preview,
                       library=Library(home, builtin_dir=COURSE.parent, use_entry_points=False),
                       documents_dir=documents or home.parent / "Documents")


def text_of(app: NetstepsApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


@pytest.fixture(scope="module")
def course() -> Pack:
    return load_pack(COURSE)


async def answer_step(pilot, app: NetstepsApp, words: str = "My own words") -> None:  # type: ignore[no-untyped-def]
    """Do what a learner does on the current step, then press Next."""
    screen = app.screen
    assert isinstance(screen, LessonScreen)
    step = screen.current.step
    if step.kind == "rate":
        await pilot.press("4")
    elif step.kind == "choice":
        assert isinstance(step, ChoiceStep)
        if step.multiple:
            tick_list = screen.query_one("#options", OptionList)
            tick_list.focus()
            shown = screen.current.option_order()
            for index in sorted(shown.index(i) for i in step.correct_indices):
                tick_list.highlighted = index
                await pilot.press("enter")
            await pilot.click("#check")
        else:
            options = screen.query_one("#options", OptionList)
            options.focus()
            options.highlighted = min(screen.current.option_order().index(i)
                                      for i in step.correct_indices)
            await pilot.press("enter")
        await pilot.pause()
        assert "That's right" in text_of(app, "#feedback")
    elif step.kind == "reflect":
        screen.query_one("#reflection", TextArea).focus()
        await pilot.press(*words)
    elif step.kind in ("checklist", "commit"):
        selector = "#items" if step.kind == "checklist" else "#actions"
        screen.query_one(selector, OptionList).focus()
        await pilot.press("enter")
    await pilot.click("#next")
    await pilot.pause(0.25)  # a button ignores a second press during its 0.2 s press effect


async def test_a_whole_lesson_from_home_to_the_end(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        assert "Start the first lesson" in str(app.screen.query_one("#next-up", Button).label)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        total = app.screen.current.total
        for _ in range(total):
            await answer_step(pilot, app)
        assert isinstance(app.screen, LessonEndScreen)
        summary = text_of(app, "#end-summary")
        assert "You answered 3 of 3 questions, all of them right on the first try." in summary
        assert "from 4 to 4" in summary or "stayed at 4" in summary
        assert "My own words" in summary
    store = ProgressStore(home)
    store.load()
    record = store.find("first-steps", "why")
    assert record is not None and record.status == "done" and record.completed is not None


async def test_quitting_mid_lesson_and_coming_back_to_the_same_step(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        for _ in range(4):
            await answer_step(pilot, app)
        assert isinstance(app.screen, LessonScreen)
        assert text_of(app, "#step-count") == "Step 5 of 13"
        await pilot.press("ctrl+q")
    again = make_app(home)
    async with again.run_test(size=(100, 30)) as pilot:
        label = str(again.screen.query_one("#next-up", Button).label)
        assert label == "Continue where you left off: Why be there at all?"
        await pilot.press("enter")
        await pilot.pause()
        assert text_of(again, "#step-count") == "Step 5 of 13"


async def write_in_first_reflection(pilot, app: NetstepsApp) -> None:  # type: ignore[no-untyped-def]
    """From home: start the first lesson and walk on to its first writing step."""
    await pilot.press("enter")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, LessonScreen)
    while screen.current.step.kind != "reflect":
        await pilot.press("right")
        await pilot.pause()
    screen.query_one("#reflection", TextArea).focus()


async def test_a_reflection_is_saved_while_typing(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=(100, 30)) as pilot:
        await write_in_first_reflection(pilot, app)
        await pilot.press(*"Listen first")
        await pilot.pause(0.8)  # the save waits for a short pause in typing
        on_disk = ProgressStore(home)
        on_disk.load()
        record = on_disk.find("first-steps", "why")
        assert record is not None
        assert any(step.text == "Listen first" for step in record.steps.values())


async def test_a_reflection_reaches_the_plan_and_the_plan_is_exported(home: Path,
                                                                      tmp_path: Path) -> None:
    documents = tmp_path / "Documents"
    documents.mkdir()  # exports never create folders
    app = make_app(home, documents)
    async with app.run_test(size=(100, 30)) as pilot:
        await write_in_first_reflection(pilot, app)
        await pilot.press(*"[bold]Only listen[/bold] for now")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        assert "[bold]Only listen[/bold] for now" in text_of(app, "#plan-body")
        for button in ("#export-md", "#export-txt", "#export-html"):
            await pilot.click(button)
            await pilot.pause()
        assert "Your plan is saved in" in text_of(app, "#exported")
    files = sorted(path.suffix for path in documents.iterdir())
    assert files == [".html", ".md", ".txt"]
    html = next(documents.glob("*.html")).read_text("utf-8")
    assert "[bold]Only listen[/bold] for now" in html


async def test_every_shipped_lesson_renders_every_step(home: Path, course: Pack) -> None:
    app = make_app(home)
    async with app.run_test(size=(80, 24)) as pilot:
        for lesson in course.lessons:
            await app.push_screen(LessonScreen(course, lesson))
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, LessonScreen)
            for number in range(1, len(lesson.steps) + 1):
                assert text_of(app, "#step-count") == f"Step {number} of {len(lesson.steps)}"
                assert screen.query(StepView), f"{lesson.id} step {number} shows nothing"
                await screen.action_next()  # the arrow key would move inside a text box
                await pilot.pause()
            assert isinstance(app.screen, LessonEndScreen)
            app.pop_screen()
            await pilot.pause()


async def test_help_and_glossary_open_from_anywhere(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert str(home) in str(app.screen.query_one("#help-text").query(Static)[1].render())
        await pilot.press("escape")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press(*"passk")
        await pilot.pause()
        assert "Passkey" in text_of(app, "#glossary-meaning")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        assert "Words in" in text_of(app, "#glossary-title")


async def test_a_save_that_fails_is_said_once_and_nothing_is_dropped(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(home)
    real_save = app.store.save
    broken = True

    def save(*args: str) -> None:
        if broken:  # as when the disk is full or the folder was made read-only
            raise StoreError(t("store.cannot_write", path=app.store.path, reason="disk full"))
        real_save(*args)

    monkeypatch.setattr(app.store, "save", save)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        for _ in range(3):
            await pilot.press("right")
            await pilot.pause(0.5)
        errors = [n for n in app._notifications if n.severity == "error"]
        assert len(errors) == 1 and "could not save" in errors[0].message
        broken = False
        await pilot.press("right")
        await pilot.pause(0.6)
        assert any("Saving works again" in n.message for n in app._notifications)
    store = ProgressStore(home)
    store.load()
    record = store.find("first-steps", "why")
    assert record is not None and record.step == 4
