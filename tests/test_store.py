"""The progress file: round trips, backups, damaged files, crashes and two tutors at once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from filelock import FileLock

from tutor.messages import t
from tutor.progress import store as store_module
from tutor.progress.model import SCHEMA_VERSION, Commitment, LessonRecord, StepRecord
from tutor.progress.store import ProgressStore, StoreError

ROOT = Path(__file__).resolve().parent.parent
WRITER = Path(__file__).resolve().parent / "_store_writer.py"
POSIX = os.name == "posix"


# Helpers -----------------------------------------------------------------------------------------


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def opened(data_dir: Path, **kwargs: float) -> ProgressStore:
    store = ProgressStore(data_dir, **kwargs)
    store.load()
    return store


def full_record() -> LessonRecord:
    """A lesson with every field of every record set to something other than its default."""
    moment = datetime(2024, 5, 17, 9, 30, 12, tzinfo=UTC)
    return LessonRecord(
        status="in_progress",
        step=3,
        started=moment,
        updated=datetime(2024, 5, 17, 11, 0, 1, 123456, tzinfo=timezone(timedelta(hours=2))),
        completed=moment + timedelta(days=1),
        steps={
            "quiz": StepRecord(seen=True, picked=[0, 2], correct=False, attempts=2),
            "think": StepRecord(seen=True, text='Line one\nline "two" – ünïcödé ✓\n\ttab'),
            "check": StepRecord(ticked=[1, 3], correct=True),
            "plan": StepRecord(
                actions=[
                    Commitment("Check my privacy settings", by=date(2024, 6, 1), suggested=False),
                    Commitment("Ask before posting a photo of a friend"),
                ],
            ),
            "rate": StepRecord(rating=4, rated_at=moment, updated=moment),
        },
    )


def files(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir()) if p.is_file()}


def aside_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("progress.toml.unreadable-*"))


def write_good(data_dir: Path, step: int) -> bytes:
    """Save a known good version through the store and return the bytes on disk."""
    store = opened(data_dir)
    store.lesson("first-steps", "profile").step = step
    store.set_setting("lang", "en")
    return store.path.read_bytes()


def complete_step(path: Path) -> int:
    """The step of a file the writer made, after checking it is one whole version."""
    raw = path.read_bytes()
    assert raw, f"{path.name} is empty"
    lesson = tomllib.loads(raw.decode("utf-8"))["packs"]["p"]["lessons"]["a"]
    step = lesson["step"]
    assert isinstance(step, int)
    assert lesson["steps"]["reflect"]["text"] == str(step % 10) * (step * 50), "torn version"
    return step


def start_writer(
    data_dir: Path, lesson: str, count: int, go: Path | None = None
) -> subprocess.Popen[str]:
    args = [sys.executable, str(WRITER), str(data_dir), "p", lesson, str(count)]
    if go is not None:
        args.append(str(go))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, env=env)
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    return process


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


# Round trip and the files on disk ----------------------------------------------------------------


def test_every_field_survives_a_round_trip(data_dir: Path) -> None:
    store = opened(data_dir)
    record = store.lesson("first-steps", "profile")
    original = full_record()
    for name in vars(original):
        setattr(record, name, getattr(original, name))
    store.settings["lang"] = "en"
    store.save("first-steps", "profile")

    again = opened(data_dir)
    assert again.find("first-steps", "profile") == full_record()
    assert again.settings == {"lang": "en"}
    assert again.notices == []
    assert again.packs() == ["first-steps"]
    assert list(again.lessons_of("first-steps")) == ["profile"]


def test_file_layout_matches_the_design(data_dir: Path) -> None:
    store = opened(data_dir)
    store.lesson("first-steps", "profile").step = 2
    store.set_setting("lang", "en")
    on_disk = tomllib.loads(store.path.read_text("utf-8"))
    assert on_disk["schema"] == SCHEMA_VERSION
    assert on_disk["settings"] == {"lang": "en"}
    assert on_disk["packs"]["first-steps"]["lessons"]["profile"]["step"] == 2
    assert store.as_dict() == on_disk


def test_a_looked_at_lesson_is_not_written(data_dir: Path) -> None:
    store = opened(data_dir)
    assert store.lesson("p", "only-looked-at").status == "new"
    store.lesson("p", "worked-on").step = 1
    store.save()
    assert list(tomllib.loads(store.path.read_text("utf-8"))["packs"]["p"]["lessons"]) == [
        "worked-on"
    ]
    assert store.packs() == ["p"]
    assert list(store.lessons_of("p")) == ["worked-on"]
    assert store.find("p", "missing") is None


def test_naming_a_lesson_writes_it_even_when_empty(data_dir: Path) -> None:
    store = opened(data_dir)
    store.lesson("p", "opened")
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


def test_backup_is_the_previous_version(data_dir: Path) -> None:
    store = opened(data_dir)
    store.lesson("p", "a").step = 1
    store.save("p", "a")
    assert not store.backup_path.exists()
    first = store.path.read_bytes()
    store.lesson("p", "a").step = 2
    store.save("p", "a")
    assert store.backup_path.read_bytes() == first
    second = store.path.read_bytes()
    store.lesson("p", "a").step = 3
    store.save("p", "a")
    assert store.backup_path.read_bytes() == second


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_files_are_private(data_dir: Path) -> None:
    data_dir.mkdir(mode=0o755)
    os.chmod(data_dir, 0o755)
    store = opened(data_dir)
    store.lesson("p", "a").step = 1
    store.save("p", "a")
    store.save("p", "a")
    assert data_dir.stat().st_mode & 0o777 == 0o700
    assert store.path.stat().st_mode & 0o777 == 0o600
    assert store.backup_path.stat().st_mode & 0o777 == 0o600
    assert (data_dir / "progress.lock").stat().st_mode & 0o777 == 0o600


def test_load_writes_nothing(tmp_path: Path, data_dir: Path) -> None:
    missing = tmp_path / "nowhere"
    store = opened(missing)
    assert not missing.exists()
    assert store.notices == [] and store.packs() == [] and store.settings == {}

    write_good(data_dir, 1)
    before = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in data_dir.iterdir()}
    opened(data_dir)
    assert {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in data_dir.iterdir()} == before


def test_missing_file_with_a_backup_is_a_fresh_start(data_dir: Path) -> None:
    write_good(data_dir, 1)
    write_good(data_dir, 2)
    (data_dir / "progress.toml").unlink()
    store = opened(data_dir)
    assert store.notices == [] and store.packs() == []


def test_stale_temporary_files_are_cleared_by_the_next_save(data_dir: Path) -> None:
    write_good(data_dir, 1)
    stale = data_dir / ".progress-left-by-a-crash.tmp"
    stale.write_bytes(b"half")
    opened(data_dir).save()
    assert not stale.exists()


# Damaged files -----------------------------------------------------------------------------------

GOOD_FOR_TRUNCATION = (
    b'schema = 1\n\n[packs.p.lessons.a]\nstatus = "in_progress"\nstep = 2\n\n'
    b'[packs.p.lessons.a.steps.think]\ntext = "a long thought that was cut'
)

DAMAGED = {
    "empty": b"",
    "truncated": GOOD_FOR_TRUNCATION,
    "garbage": bytes(range(256)) * 4,
    "invalid utf-8": b'schema = 1\n[settings]\nlang = "caf\xe9"\n',
    "not toml": b"schema = 1\nthis is not toml\n",
    "packs is a number": b"schema = 1\npacks = 3\n",
    "pack is a number": b"schema = 1\n[packs]\np = 3\n",
    "lessons is a list": b"schema = 1\n[packs.p]\nlessons = [1, 2]\n",
    "lesson is a string": b'schema = 1\n[packs.p.lessons]\na = "done"\n',
    "settings is a string": b'schema = 1\nsettings = "en"\n',
    "actions is a number": b"schema = 1\n[packs.p.lessons.a.steps.s]\nactions = 3\n",
    "no schema": b'[settings]\nlang = "en"\n',
    "schema is text": b'schema = "1"\n',
    "schema is zero": b"schema = 0\n",
    "deeply nested": b"schema = 1\nx = " + b"[" * 100_000,
}


@pytest.mark.parametrize("content", list(DAMAGED.values()), ids=list(DAMAGED))
def test_damaged_file_without_backup_is_set_aside(data_dir: Path, content: bytes) -> None:
    data_dir.mkdir()
    (data_dir / "progress.toml").write_bytes(content)
    store = opened(data_dir)

    [aside] = aside_files(data_dir)
    assert aside.read_bytes() == content
    assert store.notices == [t("store.moved_aside", name=aside.name)]
    assert store.packs() == [] and store.settings == {}
    assert not store.path.exists()

    store.lesson("p", "a").step = 1
    store.save("p", "a")
    assert aside.read_bytes() == content
    assert opened(data_dir).lesson("p", "a").step == 1


@pytest.mark.parametrize("content", list(DAMAGED.values()), ids=list(DAMAGED))
def test_damaged_file_falls_back_to_the_backup(data_dir: Path, content: bytes) -> None:
    write_good(data_dir, 1)
    write_good(data_dir, 2)
    backup = (data_dir / "progress.toml.bak").read_bytes()
    (data_dir / "progress.toml").write_bytes(content)

    store = opened(data_dir)
    [aside] = aside_files(data_dir)
    assert aside.read_bytes() == content
    assert store.notices == [t("store.backup_used", name=aside.name)]
    assert store.lesson("first-steps", "profile").step == 1
    assert store.settings == {"lang": "en"}
    assert store.backup_path.read_bytes() == backup
    assert store.path.read_bytes() == backup  # quitting now loses nothing

    # The next save keeps everything the backup held.
    store.lesson("p", "new").step = 5
    store.save("p", "new")
    again = opened(data_dir)
    assert again.lesson("first-steps", "profile").step == 1
    assert again.lesson("p", "new").step == 5
    assert again.settings == {"lang": "en"}
    assert store.backup_path.read_bytes() == backup
    assert aside.read_bytes() == content


def test_damaged_backup_too_means_a_fresh_start(data_dir: Path) -> None:
    write_good(data_dir, 1)
    write_good(data_dir, 2)
    (data_dir / "progress.toml").write_bytes(b"\x00")
    (data_dir / "progress.toml.bak").write_bytes(b"\x01")
    store = opened(data_dir)
    [aside] = aside_files(data_dir)
    assert store.notices == [t("store.moved_aside", name=aside.name)]
    assert store.packs() == []
    assert (data_dir / "progress.toml.bak").read_bytes() == b"\x01"


def test_set_aside_never_overwrites(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    monkeypatch.setattr(store_module, "_stamp", lambda: "20240101-000000")
    data_dir.mkdir()
    taken = data_dir / "progress.toml.unreadable-20240101-000000"
    taken.write_bytes(b"older")
    (data_dir / "progress.toml.unreadable-20240101-000000-2").write_bytes(b"older still")
    (data_dir / "progress.toml").write_bytes(b"broken")
    store = opened(data_dir)
    assert taken.read_bytes() == b"older"
    third = data_dir / "progress.toml.unreadable-20240101-000000-3"
    assert third.read_bytes() == b"broken"
    assert store.notices == [t("store.moved_aside", name=third.name)]


def test_file_damaged_while_open_is_set_aside_on_save(data_dir: Path) -> None:
    write_good(data_dir, 1)
    store = opened(data_dir)
    store.lesson("p", "a").step = 7
    store.path.write_bytes(b"scribbled over")
    store.save("p", "a")
    [aside] = aside_files(data_dir)
    assert aside.read_bytes() == b"scribbled over"
    assert store.notices == [t("store.set_aside_on_save", name=aside.name)]
    again = opened(data_dir)
    assert again.lesson("p", "a").step == 7
    assert again.lesson("first-steps", "profile").step == 1


def test_unreadable_file_left_in_place_when_busy(data_dir: Path) -> None:
    write_good(data_dir, 1)
    write_good(data_dir, 2)
    store = ProgressStore(data_dir, lock_timeout=0.1)
    store.path.write_bytes(b"broken")
    with FileLock(str(data_dir / "progress.lock")):
        store.load()
    assert store.path.read_bytes() == b"broken"
    assert aside_files(data_dir) == []
    assert store.notices == [t("store.left_in_place")]
    assert store.lesson("first-steps", "profile").step == 1  # from the backup

    store.save()  # no longer busy: the damaged file goes aside and the backup's records return
    [aside] = aside_files(data_dir)
    assert aside.read_bytes() == b"broken"
    assert store.notices[-1] == t("store.set_aside_on_save", name=aside.name)
    assert opened(data_dir).lesson("first-steps", "profile").step == 1


def test_newer_schema_is_left_alone(data_dir: Path) -> None:
    data_dir.mkdir()
    content = f'schema = {SCHEMA_VERSION + 1}\n[packs.p.lessons.a]\nfuture = "yes"\n'.encode()
    (data_dir / "progress.toml").write_bytes(content)
    store = ProgressStore(data_dir)
    with pytest.raises(StoreError) as raised:
        store.load()
    assert str(raised.value) == t("store.newer_schema")
    with pytest.raises(StoreError, match="newer version"):
        store.save()
    assert files(data_dir) == {"progress.toml": content, "progress.lock": b""}


# Failing safely ----------------------------------------------------------------------------------


def test_serialisation_error_touches_nothing(data_dir: Path) -> None:
    write_good(data_dir, 1)
    before = files(data_dir)
    store = opened(data_dir)
    with pytest.raises(TypeError):
        store.set_setting("odd", object())
    assert "odd" not in store.settings
    store.settings["odd"] = {1, 2}  # set by hand, bypassing set_setting
    with pytest.raises(TypeError):
        store.save()
    assert files(data_dir) == before


def test_failed_replace_leaves_no_temporary_file(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    write_good(data_dir, 1)
    before = files(data_dir)
    store = opened(data_dir)
    store.lesson("p", "a").step = 9

    def refuse(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(StoreError) as raised:
        store.save("p", "a")
    assert str(raised.value) == t(
        "store.cannot_write", path=store.path, reason="No space left on device"
    )
    assert files(data_dir) == before

    monkeypatch.undo()  # the change is still pending and goes out with the next save
    store.save()
    assert opened(data_dir).lesson("p", "a").step == 9


def test_unwritable_place_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    store = opened(blocker / "data")
    store.lesson("p", "a").step = 1
    with pytest.raises(StoreError) as raised:
        store.save("p", "a")
    assert str(raised.value).startswith("netsteps could not save to")


def test_lock_timeout_is_a_store_error(data_dir: Path) -> None:
    write_good(data_dir, 1)
    before = files(data_dir)
    store = opened(data_dir, lock_timeout=0.2)
    store.lesson("p", "a").step = 2
    started = time.monotonic()
    with FileLock(str(data_dir / "progress.lock")), pytest.raises(StoreError) as raised:
        store.save("p", "a")
    assert str(raised.value) == t("store.busy")
    assert time.monotonic() - started < 5
    assert files(data_dir) == before
    store.save()  # free again: the waiting change is written
    assert opened(data_dir).lesson("p", "a").step == 2


def test_save_needs_both_names_or_neither(data_dir: Path) -> None:
    with pytest.raises(ValueError):
        opened(data_dir).save("p")


# Two tutors at once ------------------------------------------------------------------------------


def test_two_stores_keep_each_others_lessons(data_dir: Path) -> None:
    first, second = opened(data_dir), opened(data_dir)
    mine = first.lesson("p", "a")
    mine.step = 1
    first.save("p", "a")
    second.lesson("p", "b").step = 2
    second.save("p", "b")

    assert second.lesson("p", "a").step == 1  # seen after saving
    first.save()
    assert first.lesson("p", "b").step == 2
    assert first.lesson("p", "a") is mine  # the caller's record stays the live one
    stored = opened(data_dir)
    assert (stored.lesson("p", "a").step, stored.lesson("p", "b").step) == (1, 2)


def test_same_lesson_last_save_wins(data_dir: Path) -> None:
    first, second = opened(data_dir), opened(data_dir)
    first.lesson("p", "a").step = 1
    first.save("p", "a")
    second.lesson("p", "a").step = 5
    second.save("p", "a")
    held = first.lesson("p", "a")
    first.lesson("p", "b").step = 1
    first.save("p", "b")
    assert held.step == 5 and first.lesson("p", "a") is held  # updated in place
    assert opened(data_dir).lesson("p", "a").step == 5


def test_unchanged_lessons_do_not_overwrite_the_other_tutor(data_dir: Path) -> None:
    write_good(data_dir, 1)
    first, second = opened(data_dir), opened(data_dir)
    second.lesson("first-steps", "profile").step = 4
    second.save()
    first.lesson("p", "other").step = 1
    first.save()  # first still holds step 1 for profile, but never changed it
    assert opened(data_dir).lesson("first-steps", "profile").step == 4


def test_settings_merge(data_dir: Path) -> None:
    first, second = opened(data_dir), opened(data_dir)
    first.set_setting("lang", "en")
    second.set_setting("theme", "dark")
    assert second.settings == {"lang": "en", "theme": "dark"}
    del second.settings["theme"]
    second.save()
    assert opened(data_dir).settings == {"lang": "en"}


def test_forget_pack_is_not_undone_by_the_other_tutor(data_dir: Path) -> None:
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


def test_two_writer_processes_lose_nothing(
    tmp_path: Path, data_dir: Path, processes: list[subprocess.Popen[str]]
) -> None:
    go = tmp_path / "go"
    processes.append(start_writer(data_dir, "a", 100, go))
    processes.append(start_writer(data_dir, "b", 100, go))
    go.touch()
    for process in processes:
        assert process.wait(timeout=60) == 0
    store = opened(data_dir)
    for lesson in ("a", "b"):
        record = store.lesson("p", lesson)
        assert record.step == 100
        assert record.steps["reflect"].text == "0" * 5000
    assert store.notices == []


# Crashes -----------------------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_writer_never_leaves_a_torn_file(
    data_dir: Path, processes: list[subprocess.Popen[str]]
) -> None:
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    processes.append(start_writer(data_dir, "a", 3))
    assert processes[0].wait(timeout=30) == 0
    last = complete_step(data_dir / "progress.toml")
    assert last == 3

    for kill in range(40):
        process = start_writer(data_dir, "a", 0)
        processes.append(process)
        time.sleep(rng.uniform(0, 0.08))
        process.send_signal(signal.SIGKILL)
        process.wait()
        context = f"kill {kill}, seed {seed}"
        step = complete_step(data_dir / "progress.toml")
        backup = complete_step(data_dir / "progress.toml.bak")
        assert step >= last, context
        assert backup in (step - 1, step), context
        last = step

    assert last > 10, "the writer hardly wrote: the kills did not land during saves"
    store = opened(data_dir)
    assert store.notices == []
    store.save("p", "a")
    assert list(data_dir.glob(".progress-*")) == []
