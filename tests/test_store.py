"""The progress database: round trips, the 0.1 import, damage, crashes and several windows."""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from tutor.messages import t
from tutor.progress import store as store_module
from tutor.progress.model import LessonRecord, step_from_dict
from tutor.progress.schema import MIGRATIONS
from tutor.progress.store import ProgressStore, StoreError

ROOT = Path(__file__).resolve().parent.parent
WRITER = Path(__file__).resolve().parent / "_store_writer.py"
OLD_FILE = Path(__file__).resolve().parent / "data" / "progress-0.1.toml"
POSIX = os.name == "posix"


# Helpers -----------------------------------------------------------------------------------------


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def opened(data_dir: Path, **kwargs: float) -> ProgressStore:
    store = ProgressStore(data_dir, **kwargs)
    store.load()
    return store


def full_table() -> dict[str, Any]:
    """A lesson with a value in every field 0.1 knew, as the table to_dict makes."""
    moment = datetime(2024, 5, 17, 9, 30, 12, tzinfo=UTC)
    return {
        "status": "in_progress",
        "step": 3,
        "started": moment,
        "updated": datetime(2024, 5, 17, 11, 0, 1, 123456, tzinfo=timezone(timedelta(hours=2))),
        "completed": moment + timedelta(days=1),
        "steps": {
            "quiz": {"seen": True, "picked": [0, 2], "correct": False, "attempts": 2},
            "think": {"seen": True, "text": 'Line one\nline "two" – ünïcödé ✓'},
            "check": {"ticked": [1, 3]},
            "plan": {"actions": [
                {"text": "Check my privacy settings", "by": date(2024, 6, 1), "suggested": False},
                {"text": "Ask before posting a photo of a friend", "suggested": True},
            ]},
            "rate": {"rating": 4, "rated_at": moment, "updated": moment},
        },
    }


def text_of(record: LessonRecord | None, step: str) -> str:
    assert record is not None
    return str(record.steps[step].to_dict().get("text", "")) if step in record.steps else ""


def write_text(store: ProgressStore, lesson: str, step: str, text: str) -> None:
    store.lesson("p", lesson).steps[step] = step_from_dict({"text": text})
    store.save("p", lesson)


def files(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir()) if p.is_file()}


def aside_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("progress.db.unreadable-*")
                  if not p.name.endswith(("-wal", "-shm")))


def seeded(data_dir: Path) -> bytes:
    """A database holding a reflection, closed cleanly; its bytes."""
    store = opened(data_dir)
    write_text(store, "a", "think", "my words")
    store.set_setting("lang", "en")
    store.close()
    return (data_dir / "progress.db").read_bytes()


@pytest.fixture
def processes() -> Iterator[list[subprocess.Popen[str]]]:
    """Started writers, killed at the end whatever happens to the test."""
    started: list[subprocess.Popen[str]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait()
        if process.stdout is not None:
            process.stdout.close()


# Round trip and the database ---------------------------------------------------------------------


def test_every_field_survives_a_round_trip(data_dir: Path) -> None:
    store = opened(data_dir)
    record = store.lesson("first-steps", "profile")
    original = LessonRecord.from_dict(full_table())
    for name in vars(original):
        setattr(record, name, getattr(original, name))
    store.settings["lang"] = "en"
    store.save("first-steps", "profile")

    again = opened(data_dir)
    found = again.find("first-steps", "profile")
    assert found is not None and found.to_dict() == original.to_dict()
    assert found.updated == original.updated and found.updated.utcoffset() == timedelta(hours=2)
    assert again.settings == {"lang": "en"}
    assert again.notices == []
    assert again.packs() == ["first-steps"]
    assert list(again.lessons_of("first-steps")) == ["profile"]


def test_a_row_per_lesson_and_per_step_in_a_versioned_wal_database(data_dir: Path) -> None:
    store = opened(data_dir)
    record = store.lesson("first-steps", "profile")
    record.steps = LessonRecord.from_dict(full_table()).steps
    store.save("first-steps", "profile")
    store.set_setting("lang", "en")
    db = sqlite3.connect(data_dir / "progress.db")
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("SELECT count(*) FROM lessons").fetchone()[0] == 1
    assert sorted(row[0] for row in db.execute("SELECT key FROM steps")) == sorted(
        full_table()["steps"])
    assert db.execute("SELECT name FROM settings").fetchall() == [("lang",)]
    db.close()


def test_a_looked_at_lesson_is_not_written(data_dir: Path) -> None:
    store = opened(data_dir)
    assert store.lesson("p", "only-looked-at").status == "new"
    store.lesson("p", "worked-on").step = 1
    store.save()
    again = opened(data_dir)
    assert list(again.lessons_of("p")) == ["worked-on"]
    assert again.find("p", "only-looked-at") is None


def test_naming_a_lesson_writes_it_even_when_empty(data_dir: Path) -> None:
    store = opened(data_dir)
    store.save("p", "opened")
    assert opened(data_dir).find("p", "opened") == LessonRecord()


def test_save_without_arguments_writes_every_changed_lesson(data_dir: Path) -> None:
    store = opened(data_dir)
    store.lesson("p", "a").step = 1
    store.lesson("q", "b").status = "done"
    store.save()
    again = opened(data_dir)
    assert again.lesson("p", "a").step == 1
    assert again.lesson("q", "b").status == "done"


def test_a_save_writes_only_what_changed(data_dir: Path) -> None:
    store = opened(data_dir)
    write_text(store, "a", "think", "first")
    store.lesson("p", "a").steps["other"] = step_from_dict({"text": "kept"})
    store.save("p", "a")
    db = sqlite3.connect(data_dir / "progress.db")
    before = dict(db.execute("SELECT key, gen FROM steps"))
    write_text(store, "a", "think", "second")
    after = dict(db.execute("SELECT key, gen FROM steps"))
    db.close()
    assert after["other"] == before["other"]  # untouched row
    assert after["think"] > before["think"]


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_files_are_private_and_a_new_folder_too(tmp_path: Path) -> None:
    data_dir = tmp_path / "new" / "data"
    store = opened(data_dir)
    write_text(store, "a", "think", "words")
    assert data_dir.stat().st_mode & 0o777 == 0o700
    assert (tmp_path / "new").stat().st_mode & 0o777 == 0o700
    for name in ("progress.db", "progress.db-wal", "progress.db-shm"):
        assert (data_dir / name).stat().st_mode & 0o777 == 0o600, name


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_a_shared_folder_keeps_its_mode(data_dir: Path) -> None:
    data_dir.mkdir()
    os.chmod(data_dir, 0o775)
    write_text(opened(data_dir), "a", "think", "words")
    assert data_dir.stat().st_mode & 0o777 == 0o775
    assert (data_dir / "progress.db").stat().st_mode & 0o777 == 0o600


def test_load_and_an_empty_save_create_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    store = opened(missing)
    store.lesson("p", "looked-at")
    store.save()
    assert not missing.exists()
    assert store.notices == [] and store.packs() == [] and store.settings == {}


def test_text_read_back_is_cleaned(data_dir: Path) -> None:
    seeded(data_dir)
    hostile = "before\x1b]52;c;aGk=\x07\x1b[2J\u202egnp.exe\u0085\x9bafter"
    db = sqlite3.connect(data_dir / "progress.db")
    db.execute("UPDATE steps SET record = ? WHERE key = 'think'",
               (json.dumps({"text": hostile}),))
    db.commit()
    db.close()
    text = text_of(opened(data_dir).find("p", "a"), "think")
    assert text.startswith("before") and text.endswith("after")
    assert not any(ch in text for ch in "\x1b\x07\u202e\u0085\x9b"), repr(text)


# The 0.1 file ------------------------------------------------------------------------------------


def test_a_0_1_file_is_imported_once_and_kept_as_it_was(data_dir: Path) -> None:
    data_dir.mkdir()
    old = data_dir / "progress.toml"
    shutil.copyfile(OLD_FILE, old)
    original = old.read_bytes()

    store = opened(data_dir)
    assert store.notices == [t("store.imported", name="progress.toml")]
    assert store.settings == {"lang": "nb", "theme": "high-contrast"}
    profile = store.find("first-steps", "profile")
    assert profile is not None and profile.status == "done" and profile.step == 12
    assert profile.updated == datetime(2024, 5, 17, 11, 0, 1, 123456,
                                       tzinfo=timezone(timedelta(hours=2)))
    assert text_of(profile, "think").startswith("I was afraid of posting.\nNow I check")
    plan = profile.steps["plan"].to_dict()["actions"]
    assert plan[0]["by"] == date(2024, 6, 1) and plan[0]["suggested"] is False
    hostile = text_of(store.find("first-steps", "footprint"), "hostile")
    assert hostile.startswith("before") and "\x1b" not in hostile and "\u202e" not in hostile
    assert old.read_bytes() == original

    # Once: later changes live in the database, and the old file is never read again.
    store.lesson("first-steps", "profile").step = 2
    store.save("first-steps", "profile")
    again = opened(data_dir)
    assert again.notices == []
    assert again.lesson("first-steps", "profile").step == 2
    assert old.read_bytes() == original


def test_a_damaged_0_1_file_is_left_as_it_is(data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / "progress.toml").write_bytes(b"schema = 1\nthis is not toml\n")
    store = opened(data_dir)
    assert store.notices == [t("store.legacy_unreadable", name="progress.toml")]
    assert (data_dir / "progress.toml").read_bytes() == b"schema = 1\nthis is not toml\n"
    assert store.packs() == []


def test_a_damaged_0_1_file_falls_back_to_its_backup(data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / "progress.toml").write_bytes(b"\x00broken")
    shutil.copyfile(OLD_FILE, data_dir / "progress.toml.bak")
    store = opened(data_dir)
    assert store.notices == [t("store.imported", name="progress.toml")]
    assert store.lesson("first-steps", "profile").status == "done"
    assert (data_dir / "progress.toml").read_bytes() == b"\x00broken"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_instead_of_the_0_1_file_does_not_block(data_dir: Path) -> None:
    data_dir.mkdir()
    os.mkfifo(data_dir / "progress.toml")
    started = time.monotonic()
    store = opened(data_dir)
    assert time.monotonic() - started < 5
    assert store.notices == [t("store.legacy_unreadable", name="progress.toml")]


# Damaged databases -------------------------------------------------------------------------------


def damaged_versions(data_dir: Path) -> dict[str, bytes]:
    good = seeded(data_dir)
    other = data_dir.parent / "other.db"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE photos (id INTEGER)")
    db.commit()
    db.close()
    shutil.rmtree(data_dir)
    middle = bytearray(good)
    middle[4096:8192] = b"\xff" * 4096  # the second page, where the tables start
    return {
        "garbage": bytes(range(256)) * 64,
        "text": b"schema = 1\n",
        "header scribbled": b"\x00" * 100 + good[100:],
        "page scribbled": bytes(middle),
        "cut in half": good[: len(good) // 2],
        "another program's database": other.read_bytes(),
    }


@pytest.mark.parametrize("kind", ["garbage", "text", "header scribbled", "page scribbled",
                                  "cut in half", "another program's database"])
def test_a_damaged_database_is_set_aside(tmp_path: Path, data_dir: Path, kind: str) -> None:
    content = damaged_versions(data_dir)[kind]
    data_dir.mkdir()
    (data_dir / "progress.db").write_bytes(content)
    store = opened(data_dir)

    [aside] = aside_files(data_dir)
    assert aside.read_bytes() == content
    assert store.notices == [t("store.moved_aside", name=aside.name)]
    assert store.packs() == []

    write_text(store, "b", "think", "new words")
    assert aside.read_bytes() == content
    again = opened(data_dir)
    assert text_of(again.find("p", "b"), "think") == "new words"
    assert again.notices == []


def test_set_aside_never_overwrites(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    monkeypatch.setattr(store_module, "_stamp", lambda: "20240101-000000")
    data_dir.mkdir()
    taken = data_dir / "progress.db.unreadable-20240101-000000"
    taken.write_bytes(b"older")
    (data_dir / "progress.db.unreadable-20240101-000000-2").write_bytes(b"older still")
    (data_dir / "progress.db").write_bytes(b"broken" * 100)
    store = opened(data_dir)
    assert taken.read_bytes() == b"older"
    third = data_dir / "progress.db.unreadable-20240101-000000-3"
    assert third.read_bytes() == b"broken" * 100
    assert store.notices == [t("store.moved_aside", name=third.name)]


def test_database_damaged_while_open_is_set_aside_on_save(data_dir: Path) -> None:
    seeded(data_dir)
    store = opened(data_dir)
    store.close()  # as if the connection had been dropped; the next save opens it again
    store = opened(data_dir)
    store.lesson("p", "b").step = 7
    path = data_dir / "progress.db"
    scribble = b"scribbled over " * 1000
    path.write_bytes(scribble)
    for side in ("-wal", "-shm"):
        Path(f"{path}{side}").unlink(missing_ok=True)
    store.save("p", "b")
    [aside] = aside_files(data_dir)
    assert aside.read_bytes() == scribble
    assert store.notices == [t("store.set_aside_on_save", name=aside.name)]
    again = opened(data_dir)
    assert again.lesson("p", "b").step == 7
    assert text_of(again.find("p", "a"), "think") == "my words"  # what this window knew


def test_newer_database_is_left_alone(data_dir: Path) -> None:
    seeded(data_dir)
    db = sqlite3.connect(data_dir / "progress.db")
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    db.commit()
    db.close()
    before = files(data_dir)
    store = ProgressStore(data_dir)
    with pytest.raises(StoreError) as raised:
        store.load()
    assert str(raised.value) == t("store.newer_schema")
    store.lesson("p", "a").step = 4
    with pytest.raises(StoreError, match="newer version"):
        store.save()
    del store
    assert files(data_dir) == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_at_the_database_path_is_one_line(data_dir: Path) -> None:
    data_dir.mkdir()
    os.mkfifo(data_dir / "progress.db")
    with pytest.raises(StoreError) as raised:
        opened(data_dir)
    assert str(raised.value) == t("store.not_a_file", path=data_dir / "progress.db")
    env = {**os.environ, "NETSTEPS_HOME": str(data_dir), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "tutor", "lessons"], env=env, timeout=30,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "netsteps: " + t("store.not_a_file", path=data_dir / "progress.db")]


# Failing safely ----------------------------------------------------------------------------------


def test_a_value_that_cannot_be_stored_touches_nothing(data_dir: Path) -> None:
    seeded(data_dir)
    store = opened(data_dir)
    before = files(data_dir)
    with pytest.raises(TypeError):
        store.set_setting("odd", object())
    assert "odd" not in store.settings
    store.settings["odd"] = {1, 2}  # set by hand, bypassing set_setting
    with pytest.raises(TypeError):
        store.save()
    assert files(data_dir) == before


def test_unwritable_place_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    store = opened(blocker / "data")
    store.lesson("p", "a").step = 1
    with pytest.raises(StoreError) as raised:
        store.save("p", "a")
    assert str(raised.value).startswith("netsteps could not save to")


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_a_read_only_folder_is_not_changed_or_written(data_dir: Path) -> None:
    seeded(data_dir)
    before = files(data_dir)
    os.chmod(data_dir, 0o500)
    try:
        store = opened(data_dir)
        assert text_of(store.find("p", "a"), "think") == "my words"
        write_text_failed = pytest.raises(StoreError)
        with write_text_failed as raised:
            write_text(store, "a", "think", "more words")
        assert str(raised.value) == t("store.read_only", path=data_dir)
        assert data_dir.stat().st_mode & 0o777 == 0o500
        store.close()
        assert files(data_dir) == before
    finally:
        os.chmod(data_dir, 0o700)


def test_busy_database_is_a_store_error_and_the_change_waits(data_dir: Path) -> None:
    seeded(data_dir)
    store = opened(data_dir, lock_timeout=0.2)
    other = sqlite3.connect(data_dir / "progress.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    store.lesson("p", "a").step = 2
    started = time.monotonic()
    with pytest.raises(StoreError) as raised:
        store.save("p", "a")
    assert str(raised.value) == t("store.busy")
    assert time.monotonic() - started < 5
    other.execute("ROLLBACK")
    other.close()
    store.save()  # free again: the waiting change is written
    assert opened(data_dir).lesson("p", "a").step == 2


def test_save_needs_both_names_or_neither(data_dir: Path) -> None:
    with pytest.raises(ValueError):
        opened(data_dir).save("p")


def test_erased_while_open_writes_nothing_back(data_dir: Path) -> None:
    from tutor.data import erase, survey

    seeded(data_dir)
    (data_dir / "notes.txt").write_text("mine")
    store = opened(data_dir)
    erase(survey(data_dir))
    assert sorted(p.name for p in data_dir.iterdir()) == ["notes.txt"]
    for attempt in range(2):
        with pytest.raises(StoreError) as raised:
            write_text(store, "a", "think", f"typed after the erase {attempt}")
        assert str(raised.value) == t("store.erased")
    assert sorted(p.name for p in data_dir.iterdir()) == ["notes.txt"]

    (data_dir / "notes.txt").unlink()
    data_dir.rmdir()
    with pytest.raises(StoreError):
        store.save()
    assert not data_dir.exists()


def test_erased_before_the_first_save_does_not_bring_the_folder_back(data_dir: Path) -> None:
    data_dir.mkdir()  # a folder with no progress yet (only installed packs, say)
    store = opened(data_dir)
    data_dir.rmdir()
    with pytest.raises(StoreError) as raised:
        write_text(store, "a", "think", "words")
    assert str(raised.value) == t("store.erased")
    assert not data_dir.exists()


# Several windows ---------------------------------------------------------------------------------


def test_two_windows_on_different_steps_of_one_lesson_keep_both(data_dir: Path) -> None:
    first, second = opened(data_dir), opened(data_dir)
    first_record = first.lesson("p", "a")
    write_text(first, "a", "think", "a reflection")
    second.lesson("p", "a").steps["tick"] = step_from_dict({"ticked": [0, 2]})
    second.lesson("p", "a").step = 5
    second.save("p", "a")
    first.save("p", "a")
    assert first.lesson("p", "a") is first_record  # updated in place
    assert first_record.steps["tick"].to_dict()["ticked"] == [0, 2]
    assert first_record.step == 5
    stored = opened(data_dir).find("p", "a")
    assert text_of(stored, "think") == "a reflection"
    assert stored is not None and stored.steps["tick"].to_dict()["ticked"] == [0, 2]


def test_the_same_step_last_save_wins(data_dir: Path) -> None:
    first, second = opened(data_dir), opened(data_dir)
    write_text(first, "a", "think", "first")
    write_text(second, "a", "think", "second")
    held = first.lesson("p", "a")
    first.save()
    assert text_of(held, "think") == "second"
    assert text_of(opened(data_dir).find("p", "a"), "think") == "second"


def test_unchanged_lessons_do_not_overwrite_the_other_window(data_dir: Path) -> None:
    seeded(data_dir)
    first, second = opened(data_dir), opened(data_dir)
    write_text(second, "a", "think", "changed in the second")
    first.lesson("p", "a")  # held, not changed
    first.lesson("p", "other").step = 1
    first.save("p", "other")
    assert text_of(opened(data_dir).find("p", "a"), "think") == "changed in the second"


def test_settings_merge(data_dir: Path) -> None:
    first, second = opened(data_dir), opened(data_dir)
    first.set_setting("lang", "en")
    second.set_setting("theme", "dark")
    assert second.settings == {"lang": "en", "theme": "dark"}
    del second.settings["theme"]
    second.save()
    assert opened(data_dir).settings == {"lang": "en"}
    first.save()
    assert first.settings == {"lang": "en"}


def test_forget_pack_is_not_undone_by_the_other_window(data_dir: Path) -> None:
    first, second = opened(data_dir), opened(data_dir)
    first.lesson("gone", "a").step = 1
    first.lesson("kept", "b").step = 1
    first.save()
    second.save()
    assert second.packs() == ["gone", "kept"]
    first.forget_pack("gone")
    assert first.packs() == ["kept"]
    second.lesson("kept", "b").step = 2
    second.save("kept", "b")
    assert second.packs() == ["kept"]
    stored = opened(data_dir)
    assert stored.packs() == ["kept"] and stored.lesson("kept", "b").step == 2


def start_writer(data_dir: Path, writer: int, count: int, go: Path,
                 lessons: list[str]) -> subprocess.Popen[str]:
    args = [sys.executable, str(WRITER), str(data_dir), "p", str(writer), str(count), str(go),
            *lessons]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, env=env)
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    return process


def test_three_processes_writing_the_same_lessons_lose_nothing(
    tmp_path: Path, data_dir: Path, processes: list[subprocess.Popen[str]]
) -> None:
    go = tmp_path / "go"
    lessons = ["a", "b", "c"]
    count = 150
    for writer in range(3):
        processes.append(start_writer(data_dir, writer, count, go, lessons))
    go.touch()
    for process in processes:
        assert process.wait(timeout=120) == 0
    store = opened(data_dir)
    for lesson in lessons:
        record = store.find("p", lesson)
        for writer in range(3):
            assert text_of(record, f"w{writer}") == str(count), (lesson, writer)
    assert store.notices == []


# Crashes -----------------------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork and SIGKILL are POSIX")
def test_500_kills_during_saves_never_lose_a_committed_save(data_dir: Path) -> None:
    """Each child saves in a loop and reports each committed save; then it is killed.

    After every kill the database must open cleanly and hold the last save the child
    reported (or the one after it, committed just before the kill), whole.
    """
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    write_text(opened(data_dir), "a", "think", "0")
    last = 0
    for kill in range(500):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: save forever, telling the parent after each commit
            os.close(read_end)
            try:
                store = opened(data_dir)
                record = store.lesson("p", "a")
                i = record.step
                os.write(write_end, b"ready\n")
                while True:
                    i += 1
                    record.step = i
                    record.steps["think"] = step_from_dict({"text": str(i) * (1 + i % 50)})
                    store.save("p", "a")
                    os.write(write_end, f"{i}\n".encode())
            finally:
                os._exit(1)
        os.close(write_end)
        with os.fdopen(read_end) as reported:
            assert reported.readline() == "ready\n"  # opened: the kill lands among the saves
            time.sleep(rng.uniform(0, 0.03))
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            numbers = [int(line) for line in reported.read().split()]
        committed = numbers[-1] if numbers else last
        context = f"kill {kill}, seed {seed}"
        store = opened(data_dir)
        assert store.notices == [], context
        record = store.find("p", "a")
        assert record is not None, context
        assert record.step in (committed, committed + 1), context
        text = text_of(record, "think")
        assert text == str(record.step) * (1 + record.step % 50), f"torn: {context}"
        last = record.step
        store.close()
    assert last > 50, "the children hardly saved: the kills did not land during saves"


# A full disk while recovering --------------------------------------------------------------------


@contextlib.contextmanager
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "disk"
    mount.mkdir()
    if not POSIX or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root to mount a small tmpfs")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k,mode=0700", "tmpfs",
                           str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path) -> Path:
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        with contextlib.suppress(OSError):
            while True:
                os.write(fd, b"\0" * 1024)
    finally:
        os.close(fd)
    return filler


def test_a_full_disk_while_recovering_loses_nothing(tmp_path: Path) -> None:
    """The issue's scenario: damage, fill the disk, start, free the space, start, two saves."""
    with small_disk(tmp_path) as disk:
        data_dir = disk / "data"
        seeded(data_dir)
        path = data_dir / "progress.db"
        good = path.read_bytes()
        damaged = b"\x00" * 100 + good[100:]
        path.write_bytes(damaged)
        filler = fill(disk)

        env = {**os.environ, "NETSTEPS_HOME": str(data_dir), "PYTHONPATH": str(ROOT)}
        full = subprocess.run([sys.executable, "-m", "tutor", "lessons"], env=env, timeout=60,
                              capture_output=True, text=True)
        assert "Traceback" not in full.stderr
        [aside] = aside_files(data_dir)
        assert full.stderr.splitlines()[0].endswith(t("store.moved_aside", name=aside.name))

        store = opened(data_dir)
        with pytest.raises(StoreError, match="could not save"):
            write_text(store, "b", "think", "typed on a full disk")
        assert aside.read_bytes() == damaged

        filler.unlink()
        again = subprocess.run([sys.executable, "-m", "tutor", "lessons"], env=env, timeout=60,
                               capture_output=True, text=True)
        assert again.returncode == 0, again.stderr
        store.save()  # the change that waited
        write_text(store, "b", "other", "and one more")
        assert aside.read_bytes() == damaged  # the reflection is still in a file
        rescued = tmp_path / "rescued"
        rescued.mkdir()
        (rescued / "progress.db").write_bytes(good[:100] + aside.read_bytes()[100:])
        assert text_of(opened(rescued).find("p", "a"), "think") == "my words"
        final = opened(data_dir)
        assert text_of(final.find("p", "b"), "think") == "typed on a full disk"
        assert text_of(final.find("p", "b"), "other") == "and one more"
