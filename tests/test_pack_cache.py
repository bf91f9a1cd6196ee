"""The built-in course is checked once per version of its files, not at every start."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import COURSE
from tutor.packs import cache, library
from tutor.packs.library import Library
from tutor.packs.loader import load_pack


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NETSTEPS_CACHE", str(tmp_path / "cache"))
    builtin = tmp_path / "builtin"
    shutil.copytree(COURSE, builtin / "first-steps")
    return builtin


def loaded(builtin: Path) -> Library:
    return Library(builtin.parent / "data", builtin_dir=builtin, use_entry_points=False).load()


def test_a_second_start_uses_the_checked_copy(course: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    first = loaded(course).packs
    monkeypatch.setattr(library, "load_pack", lambda *a, **k: pytest.fail("read again"))
    again = loaded(course).packs
    assert again == first
    assert again[0] == load_pack(course / "first-steps", builtin=True)


def test_a_changed_file_is_read_and_checked_again(course: Path) -> None:
    loaded(course)
    lesson = course / "first-steps" / "01-why.toml"
    lesson.write_text(lesson.read_text("utf-8").replace(
        'title = "Why be there at all?"', 'title = "Why be there?"'), "utf-8")
    assert loaded(course).packs[0].lessons[0].title == "Why be there?"


def test_a_damaged_copy_is_ignored(course: Path) -> None:
    loaded(course)
    for path in cache.cache_dir().rglob("*.json"):
        path.write_text("{ not json", "utf-8")
    library_now = loaded(course)
    assert library_now.broken == [] and library_now.packs[0].id == "first-steps"


def test_an_unwritable_cache_is_no_problem(course: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = course.parent / "blocked"
    blocker.write_text("a file where the cache folder would go", "utf-8")
    monkeypatch.setenv("NETSTEPS_CACHE", str(blocker))
    assert loaded(course).packs[0].id == "first-steps"


def test_two_languages_of_the_course_keep_their_own_copies(
        course: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(course / "first-steps", course / "first-steps-nb")
    pack_toml = course / "first-steps-nb" / "pack.toml"
    pack_toml.write_text(pack_toml.read_text("utf-8").replace('language = "en"',
                                                               'language = "nb"'), "utf-8")
    loaded(course)
    monkeypatch.setattr(library, "load_pack", lambda *a, **k: pytest.fail("read again"))
    assert len(loaded(course).variants["first-steps"]) == 2
