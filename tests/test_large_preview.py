"""Previewing a very large pack: its lessons show at once, and open once the check is done."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.widgets import OptionList

from tests.conftest import LESSON_TOML, PACK_TOML
from tests.test_ui import make_app
from tutor.packs.outline import LARGE
from tutor.ui import app as app_module


def big_pack(folder: Path, lessons: int) -> Path:
    folder.mkdir()
    (folder / "pack.toml").write_text(PACK_TOML, "utf-8")
    for number in range(1, lessons + 1):
        text = LESSON_TOML.replace('id = "one"', f'id = "l{number}"').replace(
            'title = "Lesson one"', f'title = "Lesson number {number}"')
        (folder / f"{number:05}.toml").write_text(text, "utf-8")
    return folder


async def test_a_large_preview_shows_its_lessons_while_it_is_checked(
        home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = big_pack(tmp_path / "big", LARGE + 5)
    release = threading.Event()
    parse = app_module._parse_preview

    def slow_parse(files):  # type: ignore[no-untyped-def]
        release.wait(10)
        return parse(files)

    monkeypatch.setattr(app_module, "_parse_preview", slow_parse)
    app = make_app(home, preview=folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lessons = app.screen.query_one("#lessons", OptionList)
        assert lessons.option_count == LARGE + 5
        assert "Lesson number 1" in str(lessons.get_option_at_index(0).prompt)
        assert all(lessons.get_option_at_index(i).disabled for i in range(3))
        assert app.packs == []
        release.set()
        for _ in range(50):
            await pilot.pause(0.1)
            if app.packs:
                break
        assert len(app.packs[0].lessons) == LARGE + 5
        await pilot.pause()
        assert not lessons.get_option_at_index(0).disabled
