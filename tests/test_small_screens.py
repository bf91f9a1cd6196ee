"""The lesson screen on an 80x24 terminal and below: nothing the learner needs is out of view."""

from __future__ import annotations

from pathlib import Path

from textual.widget import Widget
from textual.widgets import Button, TextArea

from tests.test_ui import make_app
from tutor.kinds.choice import ChoiceStep
from tutor.ui.app import NetstepsApp
from tutor.ui.screens.home import HomeScreen
from tutor.ui.screens.lesson import LessonScreen
from tutor.ui.screens.too_small import TooSmallScreen


def on_screen(app: NetstepsApp, widget: Widget) -> bool:
    """True when the widget's first line is inside the visible part of the screen."""
    region = widget.region
    return region.height > 0 and 0 <= region.y < app.size.height


async def open_lesson(pilot, app: NetstepsApp, kind: str) -> LessonScreen:  # type: ignore[no-untyped-def]
    await pilot.press("enter")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, LessonScreen)
    while screen.current.step.kind != kind:
        await pilot.press("right")
        await pilot.pause()
    return screen


async def test_a_question_and_its_feedback_show_together_at_80x24(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lesson(pilot, app, "choice")
        step = screen.current.step
        assert isinstance(step, ChoiceStep)
        wrong = next(i for i in range(len(step.options)) if i not in step.correct_indices)
        options = screen.query_one("#options")
        options.focus()
        options.highlighted = screen.current.option_order().index(wrong)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert on_screen(app, screen.query_one("#prompt")), "the question scrolled away"
        feedback = screen.query_one("#feedback")
        assert on_screen(app, feedback), "the feedback is out of sight"


async def test_a_resumed_reflection_continues_at_its_end(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_lesson(pilot, app, "reflect")
        await pilot.press(*"First words")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")  # continue where I left off
        await pilot.pause()
        await pilot.press(*" and more")
        await pilot.pause()
        area = app.screen.query_one("#reflection", TextArea)
        assert area.text == "First words and more"


async def test_every_step_opens_at_its_top(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lesson(pilot, app, "reflect")
        await pilot.pause(0.2)
        assert screen.query_one("#step-area").scroll_y == 0


async def test_the_rating_row_wraps_on_a_narrow_window(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=(60, 24)) as pilot:
        screen = await open_lesson(pilot, app, "rate")
        for value in range(1, 6):
            button = screen.query_one(f"#rate-{value}", Button)
            region = button.region
            assert region.right <= 60 and region.width >= len(str(button.label)), \
                f"rating {value} is cut"


async def test_the_finish_label_is_never_cut(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lesson(pilot, app, "rate")
        screen.current.go_to(screen.current.total - 1)
        await screen.show_step()
        await pilot.pause()
        button = screen.query_one("#next", Button)
        label = str(button.label)
        assert button.content_region.width >= len(label), f"'{label}' does not fit its button"


async def test_opening_a_lesson_by_mistake_changes_nothing(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        label = str(app.screen.query_one("#next-up", Button).label)
        assert label.startswith("Start the first lesson")


async def test_a_window_too_small_is_said_kindly_and_passes(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_the_home_button_label_is_never_cut(home: Path) -> None:
    from tutor.progress.store import ProgressStore

    store = ProgressStore(home)
    store.load()
    store.lesson("first-steps", "why").status = "done"
    store.save("first-steps", "why")
    app = make_app(home)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        button = app.screen.query_one("#next-up", Button)
        label = str(button.label)
        assert label.endswith("Your profile, safely")
        rows = button.content_region.height
        assert rows * button.content_region.width >= len(label), f"'{label}' is cut"


async def test_the_end_of_a_lesson_opens_at_its_top(home: Path) -> None:
    from tutor.ui.screens.lesson_end import LessonEndScreen

    app = make_app(home)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lesson(pilot, app, "rate")
        for step in screen.current.lesson.steps:
            if isinstance(step, ChoiceStep):  # every question missed first: a long end screen
                screen.current.go_to(screen.current.lesson.steps.index(step))
                wrong = [i for i in range(len(step.options)) if i not in step.correct_indices]
                screen.current.choose(wrong[:1])
        screen.current.go_to(screen.current.total - 1)
        await screen.show_step()
        await screen.action_next()
        await pilot.pause(0.3)
        assert isinstance(app.screen, LessonEndScreen)
        assert app.screen.query_one("#end").scroll_y == 0
        assert on_screen(app, app.screen.query_one("#end-title"))


async def test_a_date_problem_shows_beside_its_box_and_a_good_date_is_kept(home: Path) -> None:
    from textual.widgets import Input, Static

    from tutor.ui.widgets.tick_list import TickList

    app = make_app(home)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lesson(pilot, app, "rate")
        steps = screen.current.lesson.steps
        screen.current.go_to(next(i for i, s in enumerate(steps) if s.kind == "commit"))
        await screen.show_step()
        await pilot.pause()
        actions = screen.query_one("#actions", TickList)
        actions.focus()
        actions.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        box = screen.query_one(".action-by", Input)
        box.focus()
        await pilot.press(*"next friday")
        await pilot.pause(0.2)
        problem = screen.query_one(".date-problem", Static)
        assert "next friday" in str(problem.render()) and box.value == "next friday"
        assert problem.region.y == box.region.y + 1 or problem.region.y == box.region.y, \
            "the problem is beside the box"
        assert on_screen(app, problem)
        box.value = ""
        await pilot.press(*"19.12.2026")
        await pilot.pause(0.2)
        assert not problem.display
        record = screen.current.record_for(screen.current.step)
        assert [str(action.by) for action in record.actions] == ["2026-12-19"]
