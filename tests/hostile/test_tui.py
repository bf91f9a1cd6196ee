"""The tutor's screens with a hostile pack: markup is shown as characters and never runs.

Each click lands on the very characters of ``[@click=app.quit]Quit[/]``: if any widget parsed
pack text as markup, that click would quit the app. A control test checks that a click at the
same place does quit when the markup *is* parsed, so the clicks are known to hit.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import tomli_w
from rich.console import Console
from textual.app import App, ComposeResult
from textual.content import Content
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets._markdown import MarkdownParagraph

from tutor.progress.store import ProgressStore
from tutor.ui.app import NetstepsApp
from tutor.ui.screens.confirm_link import ConfirmLinkScreen
from tutor.ui.screens.lesson import LessonScreen

from ._build import PACK, write_folder

MARKUP = "[@click=app.quit]Quit[/]"
SIZE = (100, 30)


def _lesson(steps: list[dict[str, object]], title: str = f"T {MARKUP}") -> str:
    return tomli_w.dumps({
        "id": "one", "title": title, "summary": "S", "minutes": 5, "objectives": ["o"],
        "steps": steps,
    })


def _app(tmp_path: Path, steps: list[dict[str, object]], **lesson: str) -> NetstepsApp:
    folder = write_folder(tmp_path / "pack", {
        "pack.toml": PACK, "01-one.toml": _lesson(steps, **lesson),
    })
    home = tmp_path / "home"
    store = ProgressStore(home)
    store.load()
    return NetstepsApp(store=store, data_dir=home, preview=folder,
                       documents_dir=tmp_path / "documents")


def _shown(renderable: object) -> str:
    """What a Rich renderable shows, as plain characters."""
    console = Console(width=100, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def _text(widget: Widget) -> str:
    return str(widget.render())


def _at(widget: Widget, text: str, needle: str = "Quit") -> tuple[int, int]:
    """Where in ``widget`` (as Pilot counts) the first character of ``needle`` is drawn."""
    line, _, _ = text.partition("\n")
    assert needle in line, (needle, text)
    return widget.gutter.left + line.index(needle) + 1, widget.gutter.top


async def _click_on(pilot: Pilot[object], widget: Widget, text: str) -> None:
    await pilot.click(widget, offset=_at(widget, text))
    await pilot.pause()


HOSTILE_STEPS: list[dict[str, object]] = [
    {"kind": "read", "title": f"R {MARKUP}", "body": f"{MARKUP} and [link=https://evil]x[/link]"},
    {"kind": "choice", "prompt": f"P {MARKUP}", "shuffle": False, "options": [
        {"text": MARKUP, "correct": False, "feedback": f"F {MARKUP}"},
        {"text": "Fine", "correct": True, "feedback": "Yes."},
    ]},
]


async def test_markup_in_titles_options_and_feedback_is_literal(tmp_path: Path) -> None:
    app = _app(tmp_path, HOSTILE_STEPS)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lessons = app.screen.query_one("#lessons", OptionList)
        prompt = lessons.get_option_at_index(0).prompt
        assert isinstance(prompt, Content)
        assert prompt.plain.startswith(f"   1. T {MARKUP}  · ")
        # Click the lesson's line, on the title's characters: it opens the lesson, nothing more.
        await pilot.click(lessons, offset=(lessons.gutter.left + 12, lessons.gutter.top))
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        assert app.is_running

        title = app.screen.query_one("#lesson-title", Static)
        assert _text(title) == f"T {MARKUP}"
        assert title.content == Content(f"T {MARKUP}")
        await _click_on(pilot, title, _text(title))
        assert app.is_running

        step_title = app.screen.query_one(".step-title", Static)
        assert _text(step_title) == f"R {MARKUP}"
        await _click_on(pilot, step_title, _text(step_title))
        # A page without a link is drawn as one piece of text: Rich's Markdown, not markup.
        paragraph = app.screen.query_one(".step-body", Static)
        body = _shown(paragraph.content).strip()
        assert body == f"{MARKUP} and [link=https://evil]x[/link]"
        await _click_on(pilot, paragraph, body)
        assert app.is_running
        assert isinstance(app.screen, LessonScreen)  # no link there, so nothing to confirm

        await pilot.click("#next")
        await pilot.pause()
        prompt_view = app.screen.query_one(".step-title", Static)
        assert _text(prompt_view) == f"P {MARKUP}"
        options = app.screen.query_one("#options", OptionList)
        option = options.get_option_at_index(0).prompt
        assert f"A. {MARKUP}" in _shown(option)
        # Choosing the option by clicking its text: a wrong answer with its feedback.
        await pilot.click(options, offset=(options.gutter.left + 6, options.gutter.top))
        await pilot.pause()
        assert app.is_running
        feedback = app.screen.query_one("#feedback", Static)
        lines = _text(feedback).splitlines()
        assert f"✗ {MARKUP}" in lines
        assert f"F {MARKUP}" in lines
        row = lines.index(f"F {MARKUP}")
        await pilot.click(feedback, offset=(feedback.gutter.left + 3, feedback.gutter.top + row))
        await pilot.pause()
        await pilot.press("enter")  # the option list still has focus: choose it again
        await pilot.pause()
        assert app.is_running
        assert app.return_code is None
        await pilot.press("ctrl+q")  # only this ends it
        await pilot.pause()
    assert app.return_code == 0


async def test_the_clicks_above_would_quit_if_markup_were_parsed() -> None:
    """Control: the same click on parsed markup does quit, so the test above can fail."""

    class Parsed(App[None]):
        def compose(self) -> ComposeResult:
            yield Static(Content.from_markup(f"T {MARKUP}"), id="title")

    app = Parsed()
    async with app.run_test(size=SIZE) as pilot:
        title = app.query_one("#title", Static)
        assert _text(title) == "T Quit"
        await _click_on(pilot, title, _text(title))
        await pilot.pause()
        assert not app.is_running


LINK_STEPS = [
    ("http", "[x](http://example.com/)", "http://example.com/"),
    ("https", "[x](https://example.com/)", "https://example.com/"),
]


@pytest.mark.parametrize(("body", "href"), [pytest.param(b, h, id=i) for i, b, h in LINK_STEPS])
async def test_a_link_asks_first_and_only_https_may_open(tmp_path: Path, body: str,
                                                         href: str) -> None:
    app = _app(tmp_path, [{"kind": "read", "body": body}])
    opened: list[str] = []
    app.open_url = lambda url, **_: opened.append(url)  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        paragraph = app.screen.query_one(MarkdownParagraph)
        await pilot.click(paragraph, offset=(paragraph.gutter.left, paragraph.gutter.top))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ConfirmLinkScreen)
        assert screen.href == href
        assert screen.can_open is href.startswith("https://")
        assert bool(screen.query("#yes")) is screen.can_open
        assert app.screen.focused is not None and app.screen.focused.id == "no"
        await pilot.press("enter")  # "Stay here" has the focus
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
    assert opened == []


@pytest.mark.parametrize("href", ["javascript:alert(1)", "file:///etc/passwd"])
async def test_javascript_and_file_links_are_not_even_links(tmp_path: Path, href: str) -> None:
    app = _app(tmp_path, [{"kind": "read", "body": f"[x]({href})"}])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        paragraph = app.screen.query_one(MarkdownParagraph)
        assert _text(paragraph) == f"[x]({href})"
        await pilot.click(paragraph, offset=(paragraph.gutter.left + 1, paragraph.gutter.top))
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        assert app.is_running


async def test_a_link_with_a_bad_bracketed_host_does_not_crash(tmp_path: Path) -> None:
    app = _app(tmp_path, [{"kind": "read", "body": "[x](https://[a:b]/)"}])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        paragraph = app.screen.query_one(MarkdownParagraph)
        await pilot.click(paragraph, offset=(paragraph.gutter.left, paragraph.gutter.top))
        await pilot.pause()
        assert isinstance(app.screen, ConfirmLinkScreen)
        assert app.screen.can_open is False
