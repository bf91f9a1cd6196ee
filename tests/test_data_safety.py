"""Never touch what is not netsteps': folders' modes, exports, `data export` and `data delete`."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tutor.cli import main
from tutor.files import FileRefused, write_atomic, write_text_atomic
from tutor.messages import t
from tutor.paths import ensure_private_dir
from tutor.progress.model import step_from_dict
from tutor.progress.store import ProgressStore

ROOT = Path(__file__).resolve().parent.parent
POSIX = os.name == "posix"
HOSTILE = "I post\x1b]52;c;aGk=\x07 \x1b[2Jcarefully\u202egnp.exe\u0085\x9b now"
Capture = pytest.CaptureFixture[str]


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def seed(home: Path, text: str = "my own words") -> None:
    store = ProgressStore(home)
    store.load()
    record = store.lesson("first-steps", "profile")
    record.status = "in_progress"
    record.steps["think"] = step_from_dict({"text": text})
    store.save("first-steps", "profile")
    store.close()


# Folders -----------------------------------------------------------------------------------------


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_only_folders_netsteps_creates_are_private(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o775)
    ensure_private_dir(shared / "netsteps" / "packs")
    assert mode(shared) == 0o775
    assert mode(shared / "netsteps") == 0o700
    assert mode(shared / "netsteps" / "packs") == 0o700


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_a_read_only_folder_is_neither_changed_nor_written(
        home: Path, tmp_path: Path, capsys: Capture) -> None:
    home.mkdir()
    os.chmod(home, 0o500)
    try:
        with pytest.raises(PermissionError):
            ensure_private_dir(home / "packs")
        assert main(["pack", "new", str(tmp_path / "mine")]) == 0
        capsys.readouterr()
        assert main(["pack", "install", "--yes", str(tmp_path / "mine")]) == 1
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and t("store.folder_read_only") in err[0], err
        assert mode(home) == 0o500
        assert list(home.iterdir()) == []
    finally:
        os.chmod(home, 0o700)


# The one atomic writer ---------------------------------------------------------------------------


def test_write_replaces_a_file_whole_and_privately(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_text("old")
    write_text_atomic(target, "new")
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.md"]
    if POSIX:
        assert mode(target) == 0o600


def test_write_never_creates_a_folder(tmp_path: Path) -> None:
    with pytest.raises(FileRefused) as raised:
        write_atomic(tmp_path / "missing" / "deeper" / "plan.md", b"x")
    assert raised.value.strerror == t("data.no_folder", folder=tmp_path / "missing" / "deeper")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_write_never_replaces_a_fifo_or_a_link(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.md"
    os.mkfifo(fifo)
    with pytest.raises(FileRefused):
        write_text_atomic(fifo, "x")
    assert fifo.is_fifo()
    real = tmp_path / "real.txt"
    real.write_text("keep me")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    with pytest.raises(FileRefused):
        write_text_atomic(link, "x")
    assert link.is_symlink() and real.read_text() == "keep me"


def test_plan_export_into_a_missing_folder_is_one_line(
        home: Path, tmp_path: Path, capsys: Capture) -> None:
    target = tmp_path / "missing" / "deeper" / "plan.md"
    assert main(["plan", "--export", str(target)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "does not exist" in err[0]
    assert not (tmp_path / "missing").exists()


# data export -------------------------------------------------------------------------------------


def test_export_writes_the_format_the_name_asks_for(
        home: Path, tmp_path: Path, capsys: Capture) -> None:
    seed(home)
    assert main(["data", "export", str(tmp_path / "all.json")]) == 0
    as_json = json.loads((tmp_path / "all.json").read_text("utf-8"))
    assert main(["data", "export", str(tmp_path / "all.toml")]) == 0
    as_toml = tomllib.loads((tmp_path / "all.toml").read_text("utf-8"))
    for document in (as_json, as_toml):
        lesson = document["progress"]["packs"]["first-steps"]["lessons"]["profile"]
        assert lesson["steps"]["think"]["text"] == "my own words"
        assert lesson["status"] == "in_progress"

    capsys.readouterr()
    assert main(["data", "export", str(tmp_path / "all.txt")]) == 1
    assert capsys.readouterr().err.strip() == "netsteps: " + t("data.suffix")
    assert not (tmp_path / "all.txt").exists()


def test_export_asks_before_replacing(home: Path, tmp_path: Path, capsys: Capture) -> None:
    seed(home)
    target = tmp_path / "mine.toml"
    target.write_text("something the learner wrote")
    assert main(["data", "export", str(target)]) == 1  # no terminal to ask on
    assert capsys.readouterr().err.strip() == "netsteps: " + t("data.exists_no_terminal",
                                                              path=target)
    assert target.read_text() == "something the learner wrote"
    assert main(["data", "export", "--force", str(target)]) == 0
    assert "my own words" in target.read_text("utf-8")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_export_refuses_a_fifo(home: Path, tmp_path: Path, capsys: Capture) -> None:
    fifo = tmp_path / "all.toml"
    os.mkfifo(fifo)
    assert main(["data", "export", "--force", str(fifo)]) == 1
    assert t("data.not_a_file") in capsys.readouterr().err
    assert fifo.is_fifo()


# data delete -------------------------------------------------------------------------------------


def test_delete_erases_only_what_netsteps_wrote(
        home: Path, tmp_path: Path, capsys: Capture) -> None:
    seed(home)
    assert main(["pack", "new", str(tmp_path / "mine")]) == 0
    assert main(["pack", "install", "--yes", str(tmp_path / "mine")]) == 0
    (home / "progress.toml").write_text("schema = 1\n")  # left by 0.1
    (home / "progress.db.unreadable-20240101-000000").write_bytes(b"set aside")
    (home / "important.txt").write_text("not netsteps'")
    sibling = home / "sibling-project"
    sibling.mkdir()
    (sibling / "main.py").write_text("print('hi')")
    capsys.readouterr()

    assert main(["data", "delete", "--yes"]) == 0
    out = capsys.readouterr().out
    listed = [line.strip() for line in out.splitlines() if line.startswith("  ")]
    assert listed == ["packs/", "progress.db", "progress.db.unreadable-20240101-000000",
                      "progress.toml"]
    assert t("data.others_kept", count=2) in out
    assert t("data.erased_folder_kept", path=home) in out
    assert sorted(p.name for p in home.iterdir()) == ["important.txt", "sibling-project"]
    assert (sibling / "main.py").read_text() == "print('hi')"


def test_delete_removes_the_folder_when_it_is_left_empty(home: Path, capsys: Capture) -> None:
    seed(home)
    assert main(["data", "delete", "--yes"]) == 0
    assert t("data.erased") in capsys.readouterr().out
    assert not home.exists()


def test_delete_without_a_terminal_asks_and_erases_nothing(home: Path, capsys: Capture) -> None:
    seed(home)
    assert main(["data", "delete"]) == 1
    assert (home / "progress.db").exists()


# Learner text on the way out ---------------------------------------------------------------------


def test_stored_text_is_cleaned_before_it_reaches_a_terminal_or_an_export(
        home: Path, tmp_path: Path, capsys: Capture) -> None:
    seed(home)
    db = sqlite3.connect(home / "progress.db")  # a hand edit, or a shared classroom folder
    db.execute("UPDATE steps SET record = ?", (json.dumps({"kind": "reflect", "text": HOSTILE}),))
    db.commit()
    db.close()
    assert main(["data", "export", str(tmp_path / "all.json")]) == 0
    exported = (tmp_path / "all.json").read_text("utf-8")
    text = json.loads(exported)["progress"]["packs"]["first-steps"]["lessons"]["profile"][
        "steps"]["think"]["text"]
    assert text.startswith("I post") and text.endswith("now")
    for bad in ("\x1b", "\x07", "\u202e", "\u0085", "\x9b"):
        assert bad not in text


# A data folder netsteps may not read -------------------------------------------------------------


def as_another_user() -> list[str]:
    """A prefix that runs a command as 'nobody', for permission tests run as root."""
    if not POSIX:
        pytest.skip("POSIX permissions")
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("needs setpriv to drop root")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]


@pytest.mark.parametrize("face", [["lessons"], ["--plain"], []])
def test_an_unreadable_data_folder_is_one_kind_line(tmp_path: Path, face: list[str]) -> None:
    prefix = as_another_user()
    home = tmp_path / "home"
    seed(home)
    os.chmod(tmp_path, 0o755)
    if prefix:
        shutil.chown(home, 65534, 65534)
    os.chmod(home, 0o600)
    env = {**os.environ, "NETSTEPS_HOME": str(home), "PYTHONPATH": str(ROOT), "TERM": "dumb"}
    done = subprocess.run([*prefix, sys.executable, "-m", "tutor", *face], env=env, timeout=60,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL)
    os.chmod(home, 0o700)
    assert done.returncode == 1, done
    assert "Traceback" not in done.stderr
    assert done.stderr.strip() == "netsteps: " + t("store.folder_unreadable", path=home)
