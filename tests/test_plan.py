"""The action plan: gathered from the learner's record, exported in three formats."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import LESSON_TOML, PACK_TOML
from tutor.kinds import CommitRecord, ReflectRecord
from tutor.packs.loader import parse_pack
from tutor.packs.model import Pack
from tutor.plan import build_plan, default_export_path, export, format_for, render
from tutor.progress.model import Commitment, LessonRecord


class Records:
    def __init__(self, records: dict[tuple[str, str], LessonRecord]) -> None:
        self.records = records

    def find(self, pack_id: str, lesson_id: str) -> LessonRecord | None:
        return self.records.get((pack_id, lesson_id))


@pytest.fixture
def pack() -> Pack:
    return parse_pack({"pack.toml": PACK_TOML.encode(), "01.toml": LESSON_TOML.encode()})


@pytest.fixture
def records() -> Records:
    record = LessonRecord(status="done", steps={
        "think": ReflectRecord(text="I will <b>listen</b> first & *then* speak."),
        "do": CommitRecord(actions=[Commitment("Do X", date(2026, 12, 31)),
                                  Commitment("Call Anna", None, suggested=False)]),
    })
    return Records({("demo", "one"): record})


def test_the_plan_gathers_reflections_and_actions(pack: Pack, records: Records) -> None:
    plan = build_plan([pack], records)
    assert [s.lesson for s in plan.sections] == ["Lesson one"]
    items = plan.sections[0].items
    assert items[0].is_reflection and items[0].prompt == "What do you think?"
    assert [(a.text, a.by) for a in plan.actions] == [("Do X", date(2026, 12, 31)),
                                                      ("Call Anna", None)]


def test_an_empty_plan_says_how_it_fills(pack: Pack) -> None:
    plan = build_plan([pack], Records({}))
    assert plan.is_empty
    assert "will appear here" in render(plan, "txt")


def test_markdown_and_text_keep_the_learners_words(pack: Pack, records: Records) -> None:
    plan = build_plan([pack], records, today=date(2026, 11, 27))
    md = render(plan, "md")
    assert "# My action plan" in md and "### Lesson one" in md
    # Escaped for Markdown, so it renders as exactly the learner's characters.
    assert "> I will \\<b\\>listen\\</b\\> first \\& \\*then\\* speak." in md
    assert "- [ ] By 31 December 2026, I will do X. *(lesson: “Lesson one”)*" in md
    txt = render(plan, "txt")
    assert "2. [ ] I will call Anna." in txt and "    I will <b>listen</b>" in txt
    assert txt.index("Later") < txt.index("No date yet") < txt.index("In your own words")


def test_a_learners_own_when_sentence_is_kept_as_written(pack: Pack) -> None:
    record = LessonRecord(status="done", steps={"do": CommitRecord(actions=[
        Commitment("When I get home on Friday, I will send one request", None, False),
        Commitment("LinkedIn: update my headline", None, False)])})
    txt = render(build_plan([pack], Records({("demo", "one"): record})), "txt")
    assert "[ ] When I get home on Friday, I will send one request" in txt
    assert "I will LinkedIn: update my headline." in txt  # a name keeps its capital


def test_html_is_escaped_and_printable(pack: Pack, records: Records) -> None:
    page = render(build_plan([pack], records), "html")
    assert "&lt;b&gt;listen&lt;/b&gt; first &amp; *then*" in page
    assert "<b>listen" not in page
    assert "@media print" in page and "default-src 'none'" in page
    assert "<script" not in page


def test_export_writes_a_private_file_atomically(tmp_path: Path, pack: Pack,
                                                 records: Records) -> None:
    (tmp_path / "Documents").mkdir()  # exports never create folders
    path = default_export_path("md", tmp_path / "Documents", today=date(2026, 11, 27))
    assert path.name == "netsteps-plan-2026-11-27.md"
    written = export(build_plan([pack], records), path, "md")
    assert written.read_text("utf-8").startswith("# My action plan")
    assert not [p for p in written.parent.iterdir() if p.name.endswith(".tmp")]
    if os.name == "posix":
        assert stat.S_IMODE(written.stat().st_mode) == 0o600


@pytest.mark.parametrize(("name", "fmt"), [("a.md", "md"), ("a.HTML", "html"), ("a.htm", "html"),
                                           ("a.txt", "txt"), ("a", "md"), ("a.doc", "md")])
def test_the_format_follows_the_file_name(name: str, fmt: str) -> None:
    assert format_for(Path(name)) == fmt
