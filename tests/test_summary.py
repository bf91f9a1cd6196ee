"""The summary a learner may send to their course leader: what is in it, and what never is."""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.conftest import WritePack
from tutor.cli import UserError, main
from tutor.kinds import ChecklistRecord, ChoiceRecord, CommitRecord, RateRecord, ReflectRecord
from tutor.messages import t
from tutor.packs.library import Library
from tutor.progress.model import Commitment
from tutor.progress.store import ProgressStore
from tutor.summary import run_summary_export

LESSON_TWO = """\
id = "two"
title = "Lesson two"
summary = "A second lesson."
minutes = 5
objectives = ["Know another thing"]

[[steps]]
id = "rate-a"
kind = "rate"
statement = "I can find my settings."

[[steps]]
id = "notes"
kind = "reflect"
prompt = "What surprised you?"
plan = false

[[steps]]
id = "empty"
kind = "reflect"
prompt = "Anything else?"
plan = false

[[steps]]
id = "rate-b"
kind = "rate"
statement = "I can find my settings."
"""

LESSON_THREE = """\
id = "three"
title = "Lesson three, never opened"
summary = "A third lesson."
minutes = 5
objectives = ["Know a third thing"]

[[steps]]
id = "intro"
kind = "read"
title = "Hi"
body = "Text."
"""

DONE_AT = datetime(2025, 3, 4, 12, 0, tzinfo=UTC)  # noon: the same day in every time zone
FIRST = "I think <b>carefully</b> before I post.\nSecond line of my thoughts."
SECOND = "That my old forum posts are still there."


class Asker:
    """Stands in for the terminal: answers in turn and remembers every question."""

    def __init__(self, answers: Iterable[bool] = ()) -> None:
        self.answers = list(answers)
        self.questions: list[str] = []

    def __call__(self, question: str) -> bool:
        self.questions.append(question)
        return self.answers.pop(0) if self.answers else False


def never_ask(question: str) -> bool:
    raise AssertionError(f"asked {question!r}")


def no_terminal(question: str) -> bool:
    raise UserError(f"{question} There is no terminal to ask on; add --yes to answer yes")


@pytest.fixture
def library(tmp_path: Path, home: Path, write_pack: WritePack) -> Library:
    write_pack("builtin/demo", files={"02-two.toml": LESSON_TWO, "03-three.toml": LESSON_THREE})
    return Library(home, builtin_dir=tmp_path / "builtin", use_entry_points=False).load()


@pytest.fixture
def store(home: Path) -> ProgressStore:
    """Lesson one done (confidence 2 -> 4, one reflection); lesson two begun (one reflection)."""
    store = ProgressStore(home)
    store.load()
    one = store.lesson("demo", "one")
    one.status, one.started, one.completed = "done", DONE_AT, DONE_AT
    one.steps["before"] = RateRecord(rating=2)
    one.steps["after"] = RateRecord(rating=4)
    one.steps["think"] = ReflectRecord(text=FIRST)
    two = store.lesson("demo", "two")
    two.status, two.step, two.started = "in_progress", 2, DONE_AT
    two.steps["rate-a"] = RateRecord(rating=3)
    two.steps["notes"] = ReflectRecord(text=SECOND)
    two.steps["empty"] = ReflectRecord(text="   \n  ")
    store.save()
    store.load()
    return store


def export(store: ProgressStore, library: Library, path: Path,
           ask: Callable[[str], bool] = never_ask, *,
           assume_yes: bool = False) -> tuple[int, str]:
    output = io.StringIO()
    code = run_summary_export(store, library, path, assume_yes=assume_yes, ask=ask,
                              output=output)
    return code, output.getvalue()


# What is in it -----------------------------------------------------------------------------------


def test_lists_started_lessons_with_status_date_and_confidence(
        store: ProgressStore, library: Library, tmp_path: Path) -> None:
    path = tmp_path / "out" / "summary.txt"
    path.parent.mkdir()  # exports never create folders
    code, _ = export(store, library, path, assume_yes=True)
    assert code == 0
    text = path.read_text("utf-8")
    assert "My netsteps summary" in text
    assert "Demo pack" in text
    lines = [line.strip() for line in text.splitlines()]
    one = lines.index("Lesson one")
    assert lines[one + 1:one + 4] == [
        "Status: done",
        "Done on: 4 March 2025",
        'How sure I felt, "I feel able to do the thing.": 2 of 5 before the lesson, '
        "4 of 5 after it",
    ]
    two = lines.index("Lesson two")
    assert lines[two + 1:two + 3] == [
        "Status: in progress",
        'How sure I felt, "I can find my settings.": 3 of 5 before the lesson, '
        "not rated after it",
    ]
    assert "Done on" not in "\n".join(lines[two:])
    assert "Lesson three" not in text  # never started: not in the summary


def test_holds_nothing_else_about_the_learner(
        store: ProgressStore, library: Library, tmp_path: Path, home: Path) -> None:
    one = store.lesson("demo", "one")
    one.steps["q1"] = ChoiceRecord(picked=[1], correct=True)
    one.steps["ticks"] = ChecklistRecord(ticked=[0, 1])
    one.steps["do"] = CommitRecord(actions=[Commitment("Do X", by=date(2025, 4, 1))])
    store.save()
    path = tmp_path / "summary.txt"
    export(store, library, path, assume_yes=True)
    text = path.read_text("utf-8")
    assert str(home) not in text
    assert str(Path.home()) not in text
    assert "think" not in text.lower()  # neither reflection nor its prompt
    assert "forum" not in text
    # Answers, ticks and actions are the learner's own business too.
    for private in ("Pick the right one", "Right", "Tick what holds", "Do X", "1 April"):
        assert private not in text


def test_markdown_when_the_file_ends_in_md(
        store: ProgressStore, library: Library, tmp_path: Path) -> None:
    path = tmp_path / "summary.md"
    export(store, library, path, assume_yes=True)
    text = path.read_text("utf-8")
    assert text.startswith("# My netsteps summary\n")
    assert "## Demo pack" in text
    assert "### Lesson one" in text
    assert "- Status: done" in text
    assert "- Done on: 4 March 2025" in text


def test_shows_exactly_the_file_before_writing(
        store: ProgressStore, library: Library, tmp_path: Path) -> None:
    path = tmp_path / "summary.txt"
    code, out = export(store, library, path, assume_yes=True)
    assert code == 0
    assert path.read_text("utf-8") in out
    assert out.index("Lesson one") < out.index(str(path.resolve()))


def test_a_learner_who_started_nothing_is_told_so(
        home: Path, library: Library, tmp_path: Path) -> None:
    empty = ProgressStore(home)
    empty.load()
    path = tmp_path / "summary.txt"
    code, _ = export(empty, library, path, assume_yes=True)
    assert code == 0
    text = path.read_text("utf-8")
    assert t("summary.nothing_started") in text
    assert "Lesson" not in text


# Reflections -------------------------------------------------------------------------------------


def test_reflections_are_left_out_unless_chosen(
        store: ProgressStore, library: Library, tmp_path: Path) -> None:
    path = tmp_path / "summary.txt"
    ask = Asker([False, False, True])
    code, out = export(store, library, path, ask)
    assert code == 0
    # One question per reflection that has words in it, then the write question.
    assert ask.questions == ["Include this reflection?", "Include this reflection?",
                             f"Write this summary to {path}?"]
    text = path.read_text("utf-8")
    assert "carefully" not in text and "forum" not in text
    assert "What do you think?" not in text
    assert "carefully" in out and "forum" in out  # shown to the learner to decide on


def test_only_the_reflection_said_yes_to_goes_in(
        store: ProgressStore, library: Library, tmp_path: Path) -> None:
    path = tmp_path / "summary.txt"
    code, out = export(store, library, path, Asker([False, True, True]))
    assert code == 0
    text = path.read_text("utf-8")
    assert "carefully" not in text
    assert SECOND in text
    assert "My reflection on: What surprised you?" in text
    assert "Anything else?" not in text  # an empty reflection is never offered or written
    # The final text is shown again, after the choice, exactly as written.
    final = out.index(t("summary.final"))
    assert text in out[final:]


def test_a_chosen_reflection_keeps_its_lines_in_markdown(
        store: ProgressStore, library: Library, tmp_path: Path) -> None:
    path = tmp_path / "summary.md"
    export(store, library, path, Asker([True, False, True]))
    text = path.read_text("utf-8")
    assert "*My reflection on: What do you think?*" in text
    # Learner text is escaped in Markdown: it renders as exactly its characters (see below).
    assert "> I think \\<b\\>carefully\\</b\\> before I post.\n> Second line of my thoughts." \
        in text
    assert "forum" not in text


def test_yes_writes_without_asking_and_without_reflections(
        store: ProgressStore, library: Library, tmp_path: Path) -> None:
    path = tmp_path / "summary.txt"
    code, out = export(store, library, path, never_ask, assume_yes=True)
    assert code == 0
    text = path.read_text("utf-8")
    assert "carefully" not in text and "forum" not in text
    assert t("summary.reflections_left_out") in out
    assert "carefully" not in out  # not even shown: there is nothing to choose


def test_saying_no_to_the_file_writes_nothing(
        store: ProgressStore, library: Library, tmp_path: Path) -> None:
    path = tmp_path / "summary.txt"
    code, out = export(store, library, path, Asker([True, True, False]))
    assert code == 1
    assert not path.exists()
    assert t("summary.not_written") in out


# No terminal -------------------------------------------------------------------------------------


def test_no_terminal_raises_and_writes_nothing(
        store: ProgressStore, library: Library, tmp_path: Path) -> None:
    path = tmp_path / "summary.txt"
    with pytest.raises(UserError):
        export(store, library, path, no_terminal)
    assert not path.exists()
    assert list(tmp_path.glob(".summary.txt.*")) == []


def test_no_terminal_without_reflections_also_writes_nothing(
        home: Path, library: Library, tmp_path: Path) -> None:
    empty = ProgressStore(home)
    empty.load()
    path = tmp_path / "summary.txt"
    with pytest.raises(UserError):
        export(empty, library, path, no_terminal)
    assert not path.exists()


def test_command_without_terminal_exits_1_and_writes_nothing(
        home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    store = ProgressStore(home)
    store.load()
    record = store.lesson("first-steps", "why")
    record.status = "in_progress"
    record.steps["my-purpose"] = ReflectRecord(text="My purpose.")
    store.save()
    monkeypatch.setattr("sys.stdin", io.StringIO("y\ny\n"))
    path = tmp_path / "summary.txt"
    assert main(["summary", "--export", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("netsteps: ") and "--yes" in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    assert not path.exists()


def test_command_with_yes_writes_the_built_in_course(
        home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = ProgressStore(home)
    store.load()
    record = store.lesson("first-steps", "why")
    record.status, record.completed = "done", DONE_AT
    record.steps["my-purpose"] = ReflectRecord(text="My purpose.")
    store.save()
    path = tmp_path / "summary.txt"
    assert main(["summary", "--export", str(path), "--yes"]) == 0
    text = path.read_text("utf-8")
    assert "First steps on social media" in text
    assert "Why be there at all?" in text
    assert "My purpose." not in text
    assert str(path.resolve()) in capsys.readouterr().out


# The file ----------------------------------------------------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_file_is_private_and_replaces_an_old_one_whole(
        store: ProgressStore, library: Library, tmp_path: Path) -> None:
    path = tmp_path / "summary.txt"
    path.write_text("an older summary\n", encoding="utf-8")
    os.chmod(path, 0o644)
    export(store, library, path, assume_yes=True)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "older" not in path.read_text("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".summary")) == []


def test_a_failed_write_leaves_the_old_file_and_no_scraps(
        store: ProgressStore, library: Library, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "summary.txt"
    path.write_text("an older summary\n", encoding="utf-8")

    def broken_replace(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)  # what write_text_atomic swaps with
    with pytest.raises(OSError):
        export(store, library, path, assume_yes=True)
    assert path.read_text("utf-8") == "an older summary\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".summary")] == []


def test_a_folder_as_the_file_is_refused_before_any_question(
        home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    assert main(["summary", "--export", str(folder)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == f"netsteps: is a directory ({folder})"
    assert list(folder.iterdir()) == [] and folder.is_dir()


def test_summary_module_does_not_import_textual() -> None:
    import subprocess
    import sys

    code = ("import sys, tutor.summary; "
            "sys.exit(1 if any(m.startswith('textual') for m in sys.modules) else 0)")
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run([sys.executable, "-c", code], cwd=root, check=False,
                            env={**os.environ, "PYTHONPATH": str(root)})
    assert result.returncode == 0
