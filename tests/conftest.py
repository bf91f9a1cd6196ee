"""Shared fixtures: packs written on the fly, and a data folder of the test's own."""

from __future__ import annotations

import os
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

# The checked copy of the built-in course goes to a folder of the test run's own, never to the
# cache folder of the person running the tests (child processes inherit it too).
os.environ.setdefault("NETSTEPS_CACHE", tempfile.mkdtemp(prefix="netsteps-test-cache-"))

REPO = Path(__file__).resolve().parent.parent
COURSE = REPO / "lessons" / "first-steps"

PACK_TOML = """\
format = 1
id = "demo"
title = "Demo pack"
language = "en"
version = "1.0"
authors = ["A. Author"]
description = "A small pack for tests."
"""

LESSON_TOML = """\
id = "one"
title = "Lesson one"
summary = "A first lesson."
minutes = 5
objectives = ["Know one thing"]

[[steps]]
id = "before"
kind = "rate"
statement = "I feel able to do the thing."

[[steps]]
id = "intro"
kind = "read"
title = "Hello"
body = "Some **bold** words."

[[steps]]
id = "q1"
kind = "choice"
prompt = "Pick the right one."
shuffle = false  # the tests type option numbers in the author's order
options = [
  { text = "Wrong", correct = false, feedback = "Not this, because." },
  { text = "Right", correct = true, feedback = "Yes, because." },
]

[[steps]]
id = "q2"
kind = "choice"
prompt = "Pick all the right ones."
shuffle = false
multiple = true
options = [
  { text = "A", correct = true, feedback = "A is right." },
  { text = "B", correct = false, feedback = "B is wrong." },
  { text = "C", correct = true, feedback = "C is right." },
]

[[steps]]
id = "think"
kind = "reflect"
prompt = "What do you think?"
plan = true

[[steps]]
id = "ticks"
kind = "checklist"
prompt = "Tick what holds."
items = ["One", "Two"]

[[steps]]
id = "do"
kind = "commit"
prompt = "What will you do?"
actions = ["Do X", "Do Y"]

[[steps]]
id = "after"
kind = "rate"
statement = "I feel able to do the thing."
"""


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data folder, also set as NETSTEPS_HOME for code that reads it."""
    folder = tmp_path / "home"
    monkeypatch.setenv("NETSTEPS_HOME", str(folder))
    return folder


WritePack = Callable[..., Path]


@pytest.fixture
def write_pack(tmp_path: Path) -> WritePack:
    """Write a pack folder: the demo pack, with any file replaced or added by keyword."""

    def write(name: str = "pack", files: dict[str, str] | None = None,
              **extra: str) -> Path:
        folder = tmp_path / name
        folder.mkdir(parents=True, exist_ok=True)
        contents = {"pack.toml": PACK_TOML, "01-one.toml": LESSON_TOML}
        contents.update(files or {})
        contents.update({key.replace("__", "."): value for key, value in extra.items()})
        for file, text in contents.items():
            if text is None:
                continue
            (folder / file).write_text(textwrap.dedent(text), encoding="utf-8")
        return folder

    return write


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test lives on the same day, so plan groups, follow-ups and snapshots do not change
    with the calendar (tests that move time set their own clock over this one)."""
    from datetime import date

    from tutor import followup

    monkeypatch.setattr(followup, "CLOCK", lambda: date(2026, 12, 5))
