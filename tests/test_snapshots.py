"""Pictures of the screens a learner sees most, at a roomy and a small terminal size."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.test_ui import make_app
from tutor.kinds import CommitRecord, ReflectRecord
from tutor.progress.model import Commitment
from tutor.progress.store import ProgressStore
from tutor.ui.screens.lesson import LessonScreen

SIZES = [(100, 30), (80, 24)]


def seeded_home(home: Path) -> Path:
    """A learner who has done the first lesson and written a plan."""
    store = ProgressStore(home)
    store.load()
    record = store.lesson("first-steps", "why")
    record.status = "done"
    record.steps = {
        "my-purpose": ReflectRecord(text="Learn from other nurses. Speak only for myself."),
        "first-steps": CommitRecord(actions=[
            Commitment("Write my purpose in one sentence and keep it where I see it",
                       date(2026, 12, 31)),
            Commitment("Ask Anna how she uses her network", None, suggested=False),
        ]),
    }
    store.save("first-steps", "why")
    progress = store.lesson("first-steps", "profile")
    progress.status = "in_progress"
    progress.step = 3
    store.save("first-steps", "profile")
    return home


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_home(snap_compare, home: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(seeded_home(home)), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_choice_with_feedback(snap_compare, home: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    app = make_app(home)

    async def answer(pilot) -> None:  # type: ignore[no-untyped-def]
        pack = app.packs[0]
        lesson = pack.lesson("why")
        assert lesson is not None
        await app.push_screen(LessonScreen(pack, lesson))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LessonScreen)
        while screen.current.step.kind != "choice":
            await screen.action_next()
        await screen.show_step()
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause(0.3)

    assert snap_compare(app, terminal_size=size, run_before=answer)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_plan(snap_compare, home: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    app = make_app(seeded_home(home))
    assert snap_compare(app, terminal_size=size, press=["p"])
