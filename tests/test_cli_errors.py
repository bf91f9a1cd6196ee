"""What the commands say when something is wrong, and how they count: one format, right plurals,
no escape bytes from a file name, no id that ends in a line break."""

from __future__ import annotations

import importlib.metadata
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import LESSON_TOML, PACK_TOML, WritePack
from tutor.cli import main

Capture = pytest.CaptureFixture[str]
ESCAPE = "\x1b[31m"
BROKEN_KIND = LESSON_TOML.replace('kind = "choice"', 'kind = "quiz"', 1)
TWO_PROBLEMS = BROKEN_KIND.replace('minutes = 5', 'minutes = 500')


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


# One error format, with counts and plurals ------------------------------------------------------


@pytest.mark.parametrize(("lesson", "header"), [
    (BROKEN_KIND, "netsteps: 1 problem in the pack:"),
    (TWO_PROBLEMS, "netsteps: 2 problems in the pack:"),
], ids=["one", "two"])
def test_install_of_a_broken_pack_counts_its_problems_on_stderr(
        write_pack: WritePack, home: Path, capsys: Capture, lesson: str, header: str) -> None:
    folder = write_pack(files={"01-one.toml": lesson})
    assert main(["pack", "install", "--yes", str(folder)]) == 1
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert lines[0] == header
    assert len(lines) == 1 + int(header.split()[1])
    assert all(line.startswith("  01-one.toml: ") for line in lines[1:])
    assert captured.out == "" and not (home / "packs" / "demo").exists()


@pytest.mark.parametrize(("lesson", "summary"), [
    (BROKEN_KIND, "netsteps: 1 problem found in the pack. Fix it and run the check again."),
    (TWO_PROBLEMS, "netsteps: 2 problems found in the pack. Fix them and run the check again."),
], ids=["one", "two"])
def test_check_lists_the_problems_and_ends_with_their_count(
        write_pack: WritePack, home: Path, capsys: Capture, lesson: str, summary: str) -> None:
    folder = write_pack(files={"01-one.toml": lesson})
    assert main(["pack", "check", str(folder)]) == 1
    captured = capsys.readouterr()
    assert captured.err.strip() == summary
    assert len(captured.out.splitlines()) == int(summary.split()[1])


def test_a_pack_of_one_lesson_is_one_lesson_everywhere(
        write_pack: WritePack, home: Path, workdir: Path, capsys: Capture) -> None:
    folder = write_pack()
    assert main(["pack", "check", str(folder)]) == 0
    assert ": 1 lesson, 8 steps. No problems found." in capsys.readouterr().out
    assert main(["pack", "build", str(folder), "-o", "demo.zip"]) == 0
    assert "1 lesson)." in capsys.readouterr().out
    assert main(["pack", "install", "--yes", "demo.zip"]) == 0
    capsys.readouterr()
    assert main(["pack", "list"]) == 0
    demo = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("demo"))
    assert " 1 lesson " in demo
    assert main(["lessons"]) == 0
    out = capsys.readouterr().out
    assert "Demo pack (demo): 0 of 1 lesson done" in out
    assert "7 lessons done" in out  # the built-in course still counts in plural
    assert "1 lessons" not in out


def test_no_message_in_the_catalog_guesses_a_plural() -> None:
    catalog = (Path(__file__).resolve().parent.parent / "tutor" / "messages" / "en.toml")
    if not catalog.is_file():  # tests run against the installed wheel
        from importlib import resources

        text = resources.files("tutor.messages").joinpath("en.toml").read_text("utf-8")
    else:
        text = catalog.read_text("utf-8")
    assert "(s)" not in text


# pack build -o -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("given", "written"), [("out", "out.zip"), ("course.v2", "course.v2.zip"),
                                                ("kept.ZIP", "kept.ZIP"), ("out.zip", "out.zip")])
def test_build_adds_zip_to_a_name_without_it(
        write_pack: WritePack, home: Path, workdir: Path, capsys: Capture,
        given: str, written: str) -> None:
    folder = write_pack()
    assert main(["pack", "build", str(folder), "-o", given]) == 0
    assert sorted(path.name for path in workdir.iterdir()) == [written]
    assert zipfile.is_zipfile(workdir / written)
    out = capsys.readouterr().out
    assert f"Built {written} " in out and f"netsteps pack install {written}" in out


# Curly quotes ------------------------------------------------------------------------------------


@pytest.mark.parametrize("title", ['“Lesson one”', "‘Lesson one’", '"Lesson one”'],
                         ids=["double", "single", "closing-only"])
def test_curly_quotes_get_a_hint_about_straight_quotes(
        write_pack: WritePack, home: Path, capsys: Capture, title: str) -> None:
    lesson = LESSON_TOML.replace('title = "Lesson one"', f"title = {title}")
    folder = write_pack(files={"01-one.toml": lesson})
    assert main(["pack", "check", str(folder)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("01-one.toml: line 2, column ")
    assert "curly quotes" in out and "TOML needs straight quotes" in out
    assert "Invalid value" not in out


def test_curly_quotes_inside_a_text_are_fine_and_other_mistakes_keep_their_message(
        write_pack: WritePack, home: Path, capsys: Capture) -> None:
    good = LESSON_TOML.replace('title = "Lesson one"', 'title = "Lesson “one”"')
    assert main(["pack", "check", str(write_pack("good", files={"01-one.toml": good}))]) == 0
    capsys.readouterr()
    bad = LESSON_TOML.replace('title = "Lesson one"', "title = Lesson one")
    assert main(["pack", "check", str(write_pack("bad", files={"01-one.toml": bad}))]) == 1
    out = capsys.readouterr().out
    assert "the TOML is not valid here" in out and "curly" not in out


# Ids that end in a line break --------------------------------------------------------------------


def test_a_pack_id_with_a_final_newline_is_refused_and_installs_nothing(
        write_pack: WritePack, home: Path, capsys: Capture) -> None:
    folder = write_pack(files={"pack.toml": PACK_TOML.replace('id = "demo"',
                                                              'id = "first-steps\\n"')})
    assert main(["pack", "check", str(folder)]) == 1
    assert "pack.toml: id: " in capsys.readouterr().out
    assert main(["pack", "install", "--yes", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "pack.toml: id: " in err and "not a valid id" in err
    packs = home / "packs"
    assert not packs.exists() or list(packs.iterdir()) == []


@pytest.mark.parametrize(("old", "new", "where"), [
    ('id = "one"', 'id = "one\\n"', "01-one.toml: id: "),
    ('id = "intro"', 'id = "intro\\n"', "01-one.toml: steps[2].id: "),
], ids=["lesson", "step"])
def test_lesson_and_step_ids_with_a_final_newline_are_refused(
        write_pack: WritePack, home: Path, capsys: Capture, old: str, new: str,
        where: str) -> None:
    folder = write_pack(files={"01-one.toml": LESSON_TOML.replace(old, new, 1)})
    assert main(["pack", "check", str(folder)]) == 1
    out = capsys.readouterr().out
    assert where in out and "not a valid id" in out


# Escape bytes in paths ---------------------------------------------------------------------------


def assert_clean(captured: Any) -> str:
    shown = captured.out + captured.err
    assert "\x1b" not in shown and "Traceback" not in shown
    return shown


def test_pack_commands_never_echo_escape_bytes_from_a_path(
        write_pack: WritePack, home: Path, workdir: Path, capsys: Capture) -> None:
    name = f"red{ESCAPE}course"
    assert main(["pack", "new", name]) == 0
    shown = assert_clean(capsys.readouterr())
    assert "red[31mcourse" in shown  # the rest of the name is still there to recognise
    assert main(["pack", "check", name]) == 0
    assert_clean(capsys.readouterr())
    assert main(["pack", "check", name + "-missing"]) == 1
    assert_clean(capsys.readouterr())
    assert main(["pack", "build", name, "-o", name]) == 0
    assert_clean(capsys.readouterr())
    assert main(["pack", "install", "--yes", name]) == 0
    shown = assert_clean(capsys.readouterr())
    assert "From:     " in shown
    assert main(["pack", "remove", "--yes", name]) == 1
    assert_clean(capsys.readouterr())
    broken = write_pack(f"bad{ESCAPE}", files={"01-one.toml": BROKEN_KIND})
    assert main(["pack", "check", str(broken)]) == 1
    assert_clean(capsys.readouterr())


def test_the_pack_option_never_echoes_escape_bytes(home: Path, workdir: Path,
                                                   capsys: Capture) -> None:
    assert main(["--plain", "--pack", f"no{ESCAPE}such"]) == 1
    shown = assert_clean(capsys.readouterr())
    assert shown.startswith("netsteps: there is no pack at no[31msuch")


def test_exports_never_echo_escape_bytes(home: Path, workdir: Path, capsys: Capture) -> None:
    assert main(["plan", "--export", f"plan{ESCAPE}.md"]) == 0
    assert "plan[31m.md" in assert_clean(capsys.readouterr())
    assert (workdir / f"plan{ESCAPE}.md").is_file()  # the file has the name asked for
    assert main(["data", "export", f"all{ESCAPE}.toml"]) == 0
    assert_clean(capsys.readouterr())


# Packs from Python packages ----------------------------------------------------------------------


class Distribution:
    name = "acme-course"


class EntryPoint:
    group = "netsteps.packs"
    name = "acme"
    value = "acme_course:pack"
    dist = Distribution()

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def load(self) -> Any:
        return lambda: self.folder


def test_removing_a_pack_from_a_python_package_says_how(
        write_pack: WritePack, home: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: Capture) -> None:
    folder = write_pack("acme", files={"pack.toml": PACK_TOML.replace('"demo"', '"acme"')})
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda **params: (
        [EntryPoint(folder)] if params.get("group") == "netsteps.packs" else []))
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))
    assert main(["pack", "remove", "acme"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("netsteps: the pack 'acme' comes from the Python package acme-course")
    assert "pipx uninject netsteps acme-course" in err
    assert (folder / "pack.toml").is_file()
