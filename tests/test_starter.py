"""The starter pack of 'netsteps pack new': valid as written, every step kind, nothing lost."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from tutor.cli import main
from tutor.kinds.practice import PracticeStep
from tutor.packs.loader import ID_PATTERN, load_pack
from tutor.packs.model import (
    ChecklistStep,
    ChoiceStep,
    CommitStep,
    Pack,
    RateStep,
    ReadStep,
    ReflectStep,
)
from tutor.packs.starter import StarterError, pack_id_for, pack_title_for, write_starter
from tutor.packs.stats import lesson_stats

FILES = ["01-welcome.toml", "02-your-topic.toml", "glossary.toml", "pack.toml"]


@pytest.fixture(autouse=True)
def _own_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETSTEPS_HOME", str(tmp_path / "home"))


@pytest.fixture
def starter(tmp_path: Path) -> Path:
    return write_starter(tmp_path / "courses" / "safe-online")


@pytest.fixture
def pack(starter: Path) -> Pack:
    return load_pack(starter)


def test_writes_the_four_files_into_a_new_folder_with_its_parents(starter: Path) -> None:
    assert starter.is_dir()
    assert sorted(path.name for path in starter.iterdir()) == FILES


def test_the_pack_loads_with_no_problems(pack: Pack) -> None:
    assert pack.id == "safe-online"
    assert pack.title == "Safe online"
    assert [lesson.id for lesson in pack.lessons] == ["welcome", "first-post"]
    assert len(pack.glossary) == 3


def test_every_step_kind_is_shown(pack: Pack) -> None:
    steps = [step for lesson in pack.lessons for step in lesson.steps]
    kinds = {type(step) for step in steps}
    assert kinds == {ReadStep, ChoiceStep, ReflectStep, ChecklistStep, CommitStep, RateStep,
                     PracticeStep}
    choices = [step for step in steps if isinstance(step, ChoiceStep)]
    assert any(not step.multiple and len(step.correct_indices) == 1 for step in choices)
    assert any(step.multiple and len(step.correct_indices) > 1 for step in choices)
    reflects = [step for step in steps if isinstance(step, ReflectStep)]
    assert any(step.plan and step.hint for step in reflects)
    assert any(isinstance(step, ReadStep) and step.title for step in steps)
    assert all(option.feedback for step in choices for option in step.options)


def test_each_lesson_rates_the_same_statement_at_start_and_end(pack: Pack) -> None:
    for lesson in pack.lessons:
        first, last = lesson.steps[0], lesson.steps[-1]
        assert isinstance(first, RateStep) and isinstance(last, RateStep)
        assert first.statement == last.statement
        assert first.key != last.key


def test_every_step_has_its_own_id(starter: Path) -> None:
    for name in ("01-welcome.toml", "02-your-topic.toml"):
        steps = tomllib.loads((starter / name).read_text("utf-8"))["steps"]
        ids = [step.get("id") for step in steps]
        assert all(isinstance(step_id, str) and ID_PATTERN.match(step_id) for step_id in ids)
        assert len(set(ids)) == len(ids)


def test_every_field_of_the_pack_and_first_lesson_has_a_note_above_it(starter: Path) -> None:
    for name in ("pack.toml", "01-welcome.toml"):
        lines = (starter / name).read_text("utf-8").splitlines()
        for number, line in enumerate(lines):
            if re.match(r"^[a-z_]+ = ", line) and not line.startswith("kind = "):
                above = lines[number - 1]
                assert above.startswith("#") or _same_field_seen(lines[:number], line), (
                    f"{name}: no note above: {line}"
                )


def _same_field_seen(before: list[str], line: str) -> bool:
    """Later steps may repeat a field (id, text, correct…) explained once further up."""
    field = line.split(" = ")[0]
    return any(earlier.startswith(f"{field} = ") for earlier in before)


def test_every_kind_of_step_is_introduced_by_a_note(starter: Path) -> None:
    text = "\n".join((starter / name).read_text("utf-8") for name in FILES)
    for kind in ("read", "choice", "reflect", "checklist", "commit", "rate"):
        assert f'A "{kind}" step' in text


def test_files_are_utf8_with_unix_line_ends(starter: Path) -> None:
    for name in FILES:
        raw = (starter / name).read_bytes()
        text = raw.decode("utf-8")
        assert "\r" not in text
        assert text.endswith("\n")
        assert not raw.startswith(b"\xef\xbb\xbf")


def test_the_sample_lessons_are_easy_to_read(pack: Pack) -> None:
    for lesson in pack.lessons:
        assert lesson_stats(lesson).lix < 40


def test_a_folder_with_files_in_it_is_refused_and_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "pack.toml").write_text("my own work\n", "utf-8")
    with pytest.raises(StarterError, match="not empty"):
        write_starter(folder)
    assert [path.name for path in folder.iterdir()] == ["pack.toml"]
    assert (folder / "pack.toml").read_text("utf-8") == "my own work\n"


def test_a_hidden_file_counts_as_content(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / ".notes").write_text("x", "utf-8")
    with pytest.raises(StarterError):
        write_starter(folder)
    assert [path.name for path in folder.iterdir()] == [".notes"]


def test_a_file_in_the_way_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "course"
    target.write_text("not a folder", "utf-8")
    with pytest.raises(StarterError, match="not a folder"):
        write_starter(target)
    assert target.read_text("utf-8") == "not a folder"


def test_an_empty_existing_folder_is_used(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    assert write_starter(folder) == folder
    assert load_pack(folder).id == "empty"


def test_the_error_message_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("x", "utf-8")
    with pytest.raises(StarterError) as caught:
        write_starter(tmp_path)
    assert "\n" not in str(caught.value)
    assert str(tmp_path) in str(caught.value)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("safe-online", "safe-online"),
        ("Safe Online at Smith & Co", "safe-online-at-smith-co"),
        ("Kurs_2024", "kurs_2024"),
        ("Ærlig på nett", "aerlig-pa-nett"),
        ("Café über Straße", "cafe-uber-strasse"),
        ("--draft--", "draft"),
        ("_x", "x"),
        ("🙂", "my-pack"),
        ("", "my-pack"),
        ("a" * 80, "a" * 64),
        ("a" * 63 + " b", "a" * 63),
    ],
)
def test_the_id_is_made_from_the_folder_name(name: str, expected: str) -> None:
    assert pack_id_for(name) == expected
    assert ID_PATTERN.match(pack_id_for(name))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("safe-online", "Safe online"),
        ("Safe Online at Smith & Co", "Safe Online at Smith & Co"),
        ("kurs_for__bibliotek", "Kurs for bibliotek"),
        ("---", "My pack"),
    ],
)
def test_the_title_is_made_from_the_folder_name(name: str, expected: str) -> None:
    assert pack_title_for(name) == expected


@pytest.mark.parametrize("name", ['Kari\'s "best" course', "back\\slash", "Ærlig på nett"])
def test_any_folder_name_gives_a_valid_pack(tmp_path: Path, name: str) -> None:
    pack = load_pack(write_starter(tmp_path / name))
    assert pack.title == pack_title_for(name)
    assert pack.id == pack_id_for(name)


def test_the_current_folder_is_named_by_its_own_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "library-course"
    folder.mkdir()
    monkeypatch.chdir(folder)
    assert write_starter(Path(".")) == folder
    assert load_pack(folder).id == "library-course"


def test_pack_new_then_pack_check_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "new" / "staff-course"
    assert main(["pack", "new", str(folder)]) == 0
    out = capsys.readouterr().out
    assert str(folder) in out
    assert main(["pack", "check", str(folder)]) == 0
    assert "No problems found." in capsys.readouterr().out
    assert main(["pack", "check", str(folder), "--stats"]) == 0
