"""Every letter on screen is readable: the WCAG contrast of each character's colour against its
background, read from what the screens really draw, in every state a learner meets.

The default theme must reach WCAG AA (4.5:1) and the high-contrast theme WCAG AAA (7:1). Bars
and marks drawn with line or block characters are graphics, held to WCAG's 3:1 for the parts of
a control a learner needs to see (the done part of a progress bar, for one)."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from rich.color import Color, ColorSystem
from rich.color_triplet import ColorTriplet
from textual.pilot import Pilot
from textual.widgets import Button, OptionList

from tests.test_ui import make_app
from tutor.cli import main
from tutor.packs.model import ChoiceStep
from tutor.progress.model import step_from_dict
from tutor.progress.store import ProgressStore
from tutor.ui.app import NetstepsApp
from tutor.ui.screens.lesson import LessonScreen
from tutor.ui.themes import DEFAULT_THEME, THEMES

LEVELS = {"netsteps": 4.5, "high-contrast": 7.0}
GRAPHIC = 3.0
SIZES = [(100, 30), (80, 24)]

RGB = tuple[int, int, int]


def luminance(rgb: RGB) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = rgb
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(first: RGB, second: RGB) -> float:
    """The WCAG 2 contrast ratio, from 1 (the same) to 21 (black on white)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


BAR = "━╸╺█░"
"""What progress bars are drawn with (Textual's, and the home screen's done and to-do parts)."""


def is_graphic(char: str) -> bool:
    """Box-drawing and block characters: borders, bars, scroll bars and the tall edges of
    buttons. They are not letters."""
    return "\u2500" <= char <= "\u259f"


@dataclass(frozen=True)
class Cell:
    row: int
    column: int
    char: str
    ratio: float
    colours: str
    line: str

    def describe(self) -> str:
        return (f"{self.char!r} at {self.row},{self.column} is {self.ratio:.2f}:1 "
                f"({self.colours}) in {self.line.strip()!r}")


def in_256(colour: Color) -> ColorTriplet:
    """The colour a 256-colour terminal shows (many do, and Textual picks the nearest)."""
    return colour.downgrade(ColorSystem.EIGHT_BIT).get_truecolor()


def drawn_cells(app: NetstepsApp) -> list[Cell]:
    """Every visible character of the screen as the terminal receives it, with the contrast of
    its resolved colours, the lower of a truecolor and a 256-colour terminal. Textual has
    already blended transparent colours and turned `dim` into a colour by the time it writes,
    so the colours here are the ones on screen."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    cells: list[Cell] = []
    for row, strips in enumerate(getattr(update, "strips", [])):
        segments = [segment for strip in strips for segment in strip if not segment.control]
        line = "".join(segment.text for segment in segments)
        column = 0
        for segment in segments:
            style = segment.style
            for char in segment.text:
                column += 1
                if char.isspace() or unicodedata.category(char)[0] in "CZ":
                    continue
                if style is None or style.color is None or style.bgcolor is None \
                        or style.color.is_default or style.bgcolor.is_default:
                    # The terminal's own colours: nobody can promise their contrast.
                    cells.append(Cell(row, column - 1, char, 0.0, "terminal default", line))
                    continue
                pairs = [(style.color.get_truecolor(), style.bgcolor.get_truecolor()),
                         (in_256(style.color), in_256(style.bgcolor))]
                if style.reverse:
                    pairs = [(bg, fg) for fg, bg in pairs]
                # A terminal draws `dim` text however it likes: it counts as unreadable.
                ratio, fg, bg = min((contrast(tuple(fg), tuple(bg)), fg, bg) for fg, bg in pairs)
                cells.append(Cell(row, column - 1, char, 1.0 if style.dim else ratio,
                                  f"{fg.hex} on {bg.hex}", line))
    return cells


@dataclass
class Reading:
    """The weakest letter and the weakest part of a progress bar seen in one state."""

    state: str
    letter: Cell | None = None
    bar: Cell | None = None


def read_screen(app: NetstepsApp, state: str) -> Reading:
    reading = Reading(state)
    for cell in drawn_cells(app):
        if cell.char in BAR:
            if reading.bar is None or cell.ratio < reading.bar.ratio:
                reading.bar = cell
        elif is_graphic(cell.char):
            continue
        elif reading.letter is None or cell.ratio < reading.letter.ratio:
            reading.letter = cell
    return reading


def seeded(home: Path) -> Path:
    """A learner half way: one lesson done with a plan, one started."""
    store = ProgressStore(home)
    store.load()
    record = store.lesson("first-steps", "why")
    record.status = "done"
    record.steps = {
        "my-purpose": step_from_dict({"text": "Learn from other nurses."}),
        "first-steps": step_from_dict(
            {"actions": [{"text": "Write my purpose in one sentence", "suggested": True}]}),
    }
    store.save("first-steps", "why")
    started = store.lesson("first-steps", "profile")
    started.status = "in_progress"
    started.step = 2
    store.save("first-steps", "profile")
    return home


async def open_lesson(pilot: Pilot[int], app: NetstepsApp, lesson_id: str) -> LessonScreen:
    pack = app.packs[0]
    lesson = pack.lesson(lesson_id)
    assert lesson is not None
    await app.push_screen(LessonScreen(pack, lesson))
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, LessonScreen)
    return screen


async def step_to(pilot: Pilot[int], screen: LessonScreen,
                  found: Callable[[LessonScreen], bool]) -> None:
    while not found(screen):
        await screen.action_next()
        await pilot.pause()


def kind_is(kind: str, multiple: bool = False) -> Callable[[LessonScreen], bool]:
    def found(screen: LessonScreen) -> bool:
        step = screen.current.step
        return step.kind == kind and (not isinstance(step, ChoiceStep)
                                      or step.multiple == multiple)

    return found


async def hover(pilot: Pilot[int], selector: str, offset: tuple[int, int] = (2, 1)) -> None:
    """Put the mouse over a widget, scrolled into view first as a learner would."""
    pilot.app.screen.query_one(selector).scroll_visible(animate=False)
    await pilot.pause()
    await pilot.hover(selector, offset=offset)
    await pilot.pause()


async def states(pilot: Pilot[int], app: NetstepsApp) -> AsyncIterator[str]:
    """Walk the screens a learner sees most, stopping in each state to be read."""
    await pilot.pause()
    yield "home, start button focused"
    await hover(pilot, "#plan")
    yield "home, a button under the mouse"
    app.screen.query_one("#lessons", OptionList).focus()
    await pilot.press("down")
    await hover(pilot, "#lessons", offset=(4, 3))
    yield "home, lesson list focused with a highlighted and a hovered lesson"
    app.screen.query_one("#plan", Button).focus()
    await pilot.pause()
    yield "home, highlighted lesson in a list without focus"
    app.notify("A note for the learner.")
    await pilot.pause()
    yield "home, a notification"

    screen = await open_lesson(pilot, app, "why")
    yield "lesson, rate step, first step with Back disabled"
    await pilot.press("4")
    await pilot.pause()
    yield "lesson, rate step, a rating picked"
    screen.query_one("#rate-2", Button).focus()
    await hover(pilot, "#rate-1")
    yield "lesson, rate step, buttons focused and hovered"
    await screen.action_next()
    await pilot.pause()
    yield "lesson, read step"
    await step_to(pilot, screen, kind_is("choice"))
    options = screen.query_one("#options", OptionList)
    options.focus()
    await pilot.press("down")
    await pilot.pause()
    yield "lesson, choice step, an answer highlighted"
    step = screen.current.step
    assert isinstance(step, ChoiceStep)
    options.highlighted = next(i for i in range(len(step.options)) if i not in step.correct_indices)
    await pilot.press("enter")
    await pilot.pause()
    yield "lesson, choice step, feedback on a wrong answer"
    options.highlighted = min(step.correct_indices)
    await pilot.press("enter")
    await pilot.pause()
    yield "lesson, choice step, feedback on a right answer with Next focused"
    await step_to(pilot, screen, kind_is("reflect"))
    screen.query_one("#reflection").focus()
    await pilot.pause()
    yield "lesson, reflect step, empty writing box"
    await step_to(pilot, screen, kind_is("commit"))
    await pilot.press("enter")
    await pilot.pause()
    yield "lesson, commit step, an action ticked with its empty date box"
    await pilot.press("escape")
    await pilot.pause()

    screen = await open_lesson(pilot, app, "profile")
    await step_to(pilot, screen, kind_is("checklist"))
    await pilot.press("enter", "down")
    await pilot.pause()
    yield "lesson, checklist, one ticked and the next highlighted"
    await step_to(pilot, screen, kind_is("choice", multiple=True))
    await pilot.click("#check")
    await pilot.pause()
    yield "lesson, several-answer choice, checked with nothing ticked"
    await pilot.press("escape")
    await pilot.pause()

    await pilot.press("p")
    await pilot.pause()
    yield "plan"
    await pilot.press("escape", "f1")
    await pilot.pause()
    yield "help"
    await pilot.press("escape", "f2")
    await pilot.pause()
    yield "glossary"
    await pilot.press("escape", "s")
    await pilot.pause()
    yield "settings, the language list focused"
    await pilot.press("tab", "down")
    await pilot.pause()
    yield "settings, the colours list focused"


async def read_every_state(home: Path, theme: str, size: tuple[int, int]) -> list[Reading]:
    app = make_app(seeded(home))
    readings: list[Reading] = []
    async with app.run_test(size=size) as pilot:
        app.theme = theme
        async for state in states(pilot, app):
            readings.append(read_screen(app, state))
    return readings


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("theme", THEMES)
async def test_every_letter_reaches_the_theme_contrast(home: Path, theme: str,
                                                       size: tuple[int, int]) -> None:
    level = LEVELS[theme]
    readings = await read_every_state(home, theme, size)
    weak = [f"{r.state}: {r.letter.describe()}" for r in readings
            if r.letter is not None and r.letter.ratio < level]
    weak += [f"{r.state}: progress bar {r.bar.describe()}" for r in readings
             if r.bar is not None and r.bar.ratio < GRAPHIC]
    assert not weak, f"below {level}:1 in {theme}:\n" + "\n".join(weak)
    assert all(r.letter is not None for r in readings)  # every state drew something


def test_the_default_theme_is_one_of_ours() -> None:
    assert DEFAULT_THEME in THEMES
    assert set(LEVELS) == set(THEMES)


@pytest.mark.parametrize("theme", THEMES)
async def test_no_color_draws_in_greys_and_stays_readable(home: Path, theme: str,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(seeded(home))
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = theme
        await pilot.pause()
        cells = drawn_cells(app)
        hues = {colour for cell in cells for colour in cell.colours.split(" on ")
                if len({colour[1:3], colour[3:5], colour[5:7]}) > 1}
        assert cells and not hues
        weakest = read_screen(app, "home without colour").letter
        assert weakest is not None
        assert weakest.ratio >= LEVELS[theme], weakest.describe()


def test_an_unknown_theme_is_one_line_that_names_the_themes(home: Path,
                                                            capsys: pytest.CaptureFixture[str]
                                                            ) -> None:
    assert main(["--theme", "bright-pink"]) == 2
    said = capsys.readouterr().err.strip().splitlines()
    assert len(said) == 1 and "bright-pink" in said[0]
    assert all(name in said[0] for name in [*THEMES, "textual-dark"])


async def test_a_theme_given_once_is_kept_for_the_next_start(home: Path,
                                                             monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]
                                                             ) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # no terminal: plain mode, then goodbye
    assert main(["--theme", "high-contrast"]) == 0
    capsys.readouterr()
    app = make_app(home)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "high-contrast"
        assert app.screen.styles.background.hex == "#000000"
    store = ProgressStore(home)
    store.load()
    store.set_setting("theme", "no-longer-there")
    app = make_app(home)
    async with app.run_test(size=(80, 24)):
        assert app.theme == DEFAULT_THEME
