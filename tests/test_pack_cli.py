"""The command line end to end: a course leader checks and builds a pack, a learner installs,
upgrades and removes it, and looks after their own data, all through ``netsteps …``."""

from __future__ import annotations

import importlib.metadata
import io
import os
import re
import stat
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import COURSE, LESSON_TOML, PACK_TOML, WritePack
from tutor import __version__
from tutor.cli import main
from tutor.kinds import ReflectRecord
from tutor.packs.library import Library
from tutor.progress.store import ProgressStore

Capture = pytest.CaptureFixture[str]

BROKEN_LESSON = LESSON_TOML.replace('kind = "choice"', 'kind = "quiz"', 1)
HALF_LESSON = 'id = "two"\ntitle = "Lesson two"\n'
PROBLEM_LINE = re.compile(r"^(?P<file>[\w.-]+\.toml): (?P<where>[\w.\[\]-]+): (?P<what>.+)$")


def version(text: str, new: str) -> str:
    return text.replace('version = "1.0"', f'version = "{new}"')


def no_terminal(monkeypatch: pytest.MonkeyPatch, typed: str = "y\n") -> None:
    """stdin is not a terminal (a pipe, a cron job): nothing may be asked, whatever it holds."""
    monkeypatch.setattr("sys.stdin", io.StringIO(typed))


def opened_store(home: Path) -> ProgressStore:
    store = ProgressStore(home)
    store.load()
    return store


def write_progress(home: Path, pack_id: str = "demo", lesson_id: str = "one",
                   texts: dict[str, str] | None = None) -> None:
    """The learner is at step 3 of the lesson, with ``texts`` written in its reflect steps."""
    store = opened_store(home)
    record = store.lesson(pack_id, lesson_id)
    record.status = "in_progress"
    record.step = 2
    for key, text in (texts or {}).items():
        record.steps[key] = ReflectRecord(text=text)
    store.save()


def has_progress(home: Path, pack_id: str = "demo", lesson_id: str = "one") -> bool:
    record = opened_store(home).find(pack_id, lesson_id)
    return record is not None and record.status == "in_progress" and record.step == 2


def pack_list(capsys: Capture) -> str:
    capsys.readouterr()
    assert main(["pack", "list"]) == 0
    return capsys.readouterr().out


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


@pytest.fixture
def built(write_pack: WritePack, workdir: Path, home: Path, capsys: Capture) -> Path:
    """The demo pack, built into a zip as a course leader hands it out."""
    folder = write_pack("demo-src")
    out = workdir / "demo.zip"
    assert main(["pack", "build", str(folder), "-o", str(out)]) == 0
    capsys.readouterr()
    return out


def build(write_pack: WritePack, name: str, capsys: Capture, **files: str) -> Path:
    folder = write_pack(name, files=files)
    out = folder.parent / f"{name}.zip"
    assert main(["pack", "build", str(folder), "-o", str(out)]) == 0
    capsys.readouterr()
    return out


# A course leader checks and builds ---------------------------------------------------------------


def test_check_of_a_good_pack_exits_0(write_pack: WritePack, home: Path, capsys: Capture) -> None:
    folder = write_pack()
    assert main(["pack", "check", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "Demo pack" in out and "No problems found" in out


def test_check_of_a_broken_pack_lists_each_problem_and_exits_1(
        write_pack: WritePack, home: Path, capsys: Capture) -> None:
    folder = write_pack(files={"01-one.toml": BROKEN_LESSON, "02-two.toml": HALF_LESSON})
    assert main(["pack", "check", str(folder)]) == 1
    captured = capsys.readouterr()
    lines = captured.out.strip().splitlines()
    assert len(lines) >= 3
    for line in lines:
        assert PROBLEM_LINE.match(line), line
    problems = [PROBLEM_LINE.match(line) for line in lines]
    assert {(m["file"], m["where"]) for m in problems if m} >= {
        ("01-one.toml", "steps[3].kind"), ("02-two.toml", "summary"), ("02-two.toml", "steps")}
    assert "quiz" in captured.out
    assert "Traceback" not in captured.out + captured.err
    assert "problems found" in captured.err


def test_check_with_stats_shows_readability(
        write_pack: WritePack, home: Path, capsys: Capture) -> None:
    folder = write_pack()
    assert main(["pack", "check", "--stats", str(folder)]) == 0
    lines = capsys.readouterr().out.splitlines()
    header = next(line for line in lines if line.startswith("lesson"))
    assert header.split() == ["lesson", "steps", "questions", "minutes", "LIX"]
    row = next(line for line in lines if line.startswith("one "))
    steps, questions, minutes, lix = row.split()[1:]
    assert (steps, questions, minutes) == ("8", "2", "5")
    assert float(lix) >= 0


def test_build_is_deterministic_and_honours_output(
        write_pack: WritePack, workdir: Path, home: Path, capsys: Capture) -> None:
    folder = write_pack()
    first, second = workdir / "first.zip", workdir / "sub" / "second.zip"
    second.parent.mkdir()
    assert main(["pack", "build", str(folder), "-o", str(first)]) == 0
    assert str(first) in capsys.readouterr().out
    os.utime(folder / "01-one.toml", (0, 0))  # file dates must not matter
    assert main(["pack", "build", str(folder), "--output", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    assert sorted(p.name for p in workdir.iterdir()) == ["first.zip", "sub"]


def test_build_without_output_names_the_zip_after_id_and_version(
        write_pack: WritePack, workdir: Path, home: Path, capsys: Capture) -> None:
    folder = write_pack()
    assert main(["pack", "build", str(folder)]) == 0
    assert (workdir / "demo-1.0.zip").is_file()
    assert "demo-1.0.zip" in capsys.readouterr().out


def test_build_of_a_broken_pack_exits_1_and_writes_no_zip(
        write_pack: WritePack, workdir: Path, home: Path, capsys: Capture) -> None:
    folder = write_pack(files={"01-one.toml": BROKEN_LESSON})
    assert main(["pack", "build", str(folder), "-o", str(workdir / "out.zip")]) == 1
    assert main(["pack", "build", str(folder)]) == 1
    captured = capsys.readouterr()
    assert list(workdir.iterdir()) == []
    assert "01-one.toml: steps[3].kind:" in captured.out + captured.err
    assert "Traceback" not in captured.out + captured.err


# A learner installs ------------------------------------------------------------------------------


def test_install_shows_what_it_installs_and_list_shows_it(
        built: Path, home: Path, capsys: Capture) -> None:
    assert main(["pack", "install", "--yes", str(built)]) == 0
    out = capsys.readouterr().out
    fields = {line.split(":", 1)[0]: line.split(":", 1)[1].strip()
              for line in out.splitlines() if re.match(r"^[A-Z][a-z]+:", line)}
    assert fields["Pack"] == "Demo pack"
    assert fields["Authors"] == "A. Author"
    assert fields["Version"].startswith("1.0")
    assert fields["Lessons"] == "1"
    assert "- Lesson one" in out
    assert fields["From"] == str(built.resolve())
    assert (home / "packs" / "demo" / "pack.toml").is_file()
    listed = pack_list(capsys)
    line = next(line for line in listed.splitlines() if line.startswith("demo "))
    assert "1.0" in line and "Demo pack" in line and "(installed)" in line
    assert any(line.startswith("first-steps ") and "built in" in line
               for line in listed.splitlines())


def test_upgrade_keeps_progress(
        built: Path, write_pack: WritePack, home: Path, capsys: Capture) -> None:
    assert main(["pack", "install", "--yes", str(built)]) == 0
    write_progress(home, texts={"think": "My own words."})
    newer = build(write_pack, "demo-1.1", capsys, **{"pack.toml": version(PACK_TOML, "1.1")})
    assert main(["pack", "install", "--yes", str(newer)]) == 0
    out = capsys.readouterr().out
    assert "upgrade" in out
    assert has_progress(home)
    assert opened_store(home).lesson("demo", "one").steps["think"].text == "My own words."
    line = next(line for line in pack_list(capsys).splitlines() if line.startswith("demo "))
    assert "1.1" in line


def test_a_different_pack_with_the_same_id_needs_replace(
        built: Path, write_pack: WritePack, home: Path, capsys: Capture) -> None:
    assert main(["pack", "install", "--yes", str(built)]) == 0
    other = PACK_TOML.replace('authors = ["A. Author"]', 'authors = ["Someone Else"]').replace(
        'title = "Demo pack"', 'title = "Another pack"')
    stranger = build(write_pack, "stranger", capsys, **{"pack.toml": other})
    assert main(["pack", "install", "--yes", str(stranger)]) == 1
    err = capsys.readouterr().err
    assert "--replace" in err and "Traceback" not in err
    assert "Demo pack" in pack_list(capsys)
    assert main(["pack", "install", "--yes", "--replace", str(stranger)]) == 0
    listed = pack_list(capsys)
    assert "Another pack" in listed and "Demo pack" not in listed


def test_a_pack_cannot_take_the_built_in_courses_id(
        write_pack: WritePack, home: Path, capsys: Capture) -> None:
    impostor = PACK_TOML.replace('id = "demo"', 'id = "first-steps"')
    folder = write_pack("impostor", files={"pack.toml": impostor})
    assert main(["pack", "install", "--yes", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "built-in" in err and "Traceback" not in err
    assert not (home / "packs" / "first-steps").exists()
    line = next(line for line in pack_list(capsys).splitlines()
                if line.startswith("first-steps "))
    assert "built in" in line


def test_install_without_a_terminal_or_yes_installs_nothing(
        built: Path, home: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    no_terminal(monkeypatch)
    assert main(["pack", "install", str(built)]) == 1
    err = capsys.readouterr().err
    assert "--yes" in err and len(err.strip().splitlines()) == 1
    assert not (home / "packs" / "demo").exists()
    assert "demo " not in pack_list(capsys)


def test_remove_keeps_progress_and_forget_erases_it(
        built: Path, home: Path, capsys: Capture) -> None:
    assert main(["pack", "install", "--yes", str(built)]) == 0
    write_progress(home)
    assert main(["pack", "remove", "--yes", "demo"]) == 0
    assert "demo " not in pack_list(capsys)
    assert not (home / "packs" / "demo").exists()
    assert has_progress(home)
    assert main(["pack", "install", "--yes", str(built)]) == 0
    assert has_progress(home)  # back where they were
    assert main(["pack", "remove", "--yes", "--forget", "demo"]) == 0
    assert opened_store(home).find("demo", "one") is None
    assert "demo" not in opened_store(home).as_dict()["packs"]


def test_remove_of_an_unknown_or_built_in_pack_exits_1(home: Path, capsys: Capture) -> None:
    assert main(["pack", "remove", "--yes", "no-such-pack"]) == 1
    assert "no-such-pack" in capsys.readouterr().err
    assert main(["pack", "remove", "--yes", "first-steps"]) == 1
    assert "built in" in capsys.readouterr().err
    assert (COURSE / "pack.toml").is_file()


# Packs from Python packages ----------------------------------------------------------------------


class FakeEntryPoint:
    """What importlib.metadata hands out for a package that offers a pack."""

    group = "netsteps.packs"

    def __init__(self, name: str, load: Callable[[], Any]) -> None:
        self.name = name
        self.value = f"{name}_course:pack_path"
        self._load = load

    def load(self) -> Any:
        return self._load()


def offer(monkeypatch: pytest.MonkeyPatch, *points: FakeEntryPoint) -> list[str | None]:
    groups: list[str | None] = []

    def entry_points(**params: Any) -> list[FakeEntryPoint]:
        groups.append(params.get("group"))
        return list(points) if params.get("group") == "netsteps.packs" else []

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    return groups


def plugin_pack(write_pack: WritePack) -> Path:
    return write_pack("plugin", files={"pack.toml": PACK_TOML.replace(
        'id = "demo"', 'id = "plugin-course"').replace('"Demo pack"', '"Plugin course"')})


def test_a_pack_from_a_python_package_is_found_and_listed(
        write_pack: WritePack, home: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: Capture) -> None:
    folder = plugin_pack(write_pack)
    groups = offer(monkeypatch, FakeEntryPoint("plugin", lambda: lambda: folder))
    library = Library(home).load()
    assert groups == ["netsteps.packs"]
    assert [pack.id for pack in library.packs] == ["first-steps", "plugin-course"]
    assert library.broken == []
    line = next(line for line in pack_list(capsys).splitlines()
                if line.startswith("plugin-course "))
    assert "Plugin course" in line and "(from a Python package)" in line
    assert main(["pack", "remove", "--yes", "plugin-course"]) == 1
    assert "Python package" in capsys.readouterr().err


def test_a_broken_entry_point_is_reported_and_the_others_still_load(
        write_pack: WritePack, home: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: Capture) -> None:
    folder = plugin_pack(write_pack)

    def crash() -> Any:
        raise ImportError("No module named 'broken_course'")

    offer(monkeypatch, FakeEntryPoint("broken", crash),
          FakeEntryPoint("plugin", lambda: lambda: folder))
    library = Library(home).load()
    assert [pack.id for pack in library.packs] == ["first-steps", "plugin-course"]
    assert len(library.broken) == 1
    assert library.broken[0].origin.startswith("broken")
    capsys.readouterr()
    assert main(["pack", "list"]) == 0
    captured = capsys.readouterr()
    assert "plugin-course" in captured.out
    assert "broken" in captured.err and "Traceback" not in captured.err


# The learner's data ------------------------------------------------------------------------------


def test_data_path_prints_the_data_folder(home: Path, capsys: Capture) -> None:
    assert main(["data", "path"]) == 0
    assert capsys.readouterr().out.strip() == str(home)


def test_data_export_writes_all_progress_as_toml(
        home: Path, tmp_path: Path, capsys: Capture) -> None:
    write_progress(home, "first-steps", "why", {"my-purpose": "To learn."})
    target = tmp_path / "all.toml"
    assert main(["data", "export", str(target)]) == 0
    assert str(target.resolve()) in capsys.readouterr().out
    data = tomllib.loads(target.read_text("utf-8"))
    lesson = data["progress"]["packs"]["first-steps"]["lessons"]["why"]
    assert lesson["status"] == "in_progress"
    assert lesson["steps"]["my-purpose"]["text"] == "To learn."
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_data_delete_with_yes_erases_the_folder(home: Path, capsys: Capture) -> None:
    write_progress(home, "first-steps", "why")
    assert home.is_dir()
    assert main(["data", "delete", "--yes"]) == 0
    assert not home.exists()


def test_data_delete_without_a_terminal_erases_nothing(
        home: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    write_progress(home, "first-steps", "why")
    no_terminal(monkeypatch)
    assert main(["data", "delete"]) == 1
    assert "--yes" in capsys.readouterr().err
    assert has_progress(home, "first-steps", "why")


# Lessons, plan, version and usage ----------------------------------------------------------------


def test_lessons_lists_the_seven_built_in_lessons_with_their_states(
        home: Path, capsys: Capture) -> None:
    store = opened_store(home)
    done = store.lesson("first-steps", "why")
    done.status = "done"
    store.save()
    write_progress(home, "first-steps", "profile")
    titles = [tomllib.loads(path.read_text("utf-8"))["title"]
              for path in sorted(COURSE.glob("0*.toml"))]
    assert len(titles) == 7
    assert main(["lessons"]) == 0
    out = capsys.readouterr().out
    assert "1 of 7 lessons done" in out
    rows = [next(line.strip() for line in out.splitlines() if f"{n}. {title} (" in line)
            for n, title in enumerate(titles, start=1)]
    assert rows[0].startswith("done ")
    assert rows[1].startswith("in progress ") and "at step 3 of " in rows[1]
    assert all(row.startswith("new ") for row in rows[2:])


def test_plan_export_to_html_escapes_the_learners_words(
        home: Path, tmp_path: Path, capsys: Capture) -> None:
    course = tomllib.loads((COURSE / "01-why.toml").read_text("utf-8"))
    step = next(s for s in course["steps"] if s["kind"] == "reflect" and s.get("plan"))
    write_progress(home, "first-steps", course["id"],
                   {step["id"]: '<script>alert("hi")</script> & me'})
    target = tmp_path / "plan.html"
    assert main(["plan", "--export", str(target)]) == 0
    assert str(target.resolve()) in capsys.readouterr().out
    page = target.read_text("utf-8")
    assert page.lstrip().lower().startswith("<!doctype html>")
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; &amp; me" in page


def test_plan_export_to_a_folder_names_that_folder(
        home: Path, tmp_path: Path, capsys: Capture) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    assert main(["plan", "--export", str(folder)]) == 1
    err = capsys.readouterr().err
    assert ".tmp" not in err
    assert err.strip() == f"netsteps: is a folder; give a file name ({folder})"


def test_version(capsys: Capture) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"netsteps {__version__}"
    with pytest.raises(SystemExit) as exit_:  # the parser answers it too, with other options
        main(["--lang", "en", "--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"netsteps {__version__}"


@pytest.mark.parametrize("argv", [
    ["frobnicate"],
    ["pack"],
    ["pack", "install"],
    ["pack", "check", "a", "b"],
    ["summary"],
    ["data", "shred"],
    ["plan", "--format", "pdf"],
    ["--lang", "xx", "lessons"],
])
def test_bad_usage_exits_2(argv: list[str], home: Path, capsys: Capture) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "usage:" in err and "Traceback" not in err
