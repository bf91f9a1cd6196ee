"""The practice step: a draft mended in a sandbox, checked as often as the learner likes."""

from __future__ import annotations

import io
from pathlib import Path

from textual.widgets import Static, TextArea

from tests.conftest import PACK_TOML
from tests.test_plain import Answers, play
from tests.test_ui import make_app
from tutor.kinds.practice import PracticeRecord
from tutor.packs.loader import parse_pack
from tutor.packs.model import Lesson
from tutor.plan import build_plan
from tutor.progress.model import LessonRecord
from tutor.session import LessonSession, summarize
from tutor.ui.app import NetstepsApp
from tutor.ui.screens.lesson import LessonScreen

PRACTICE_LESSON = """\
id = "practise"
title = "Think before you post"
summary = "Mend a post before anyone sees it."
minutes = 5
objectives = ["Spot what a post gives away"]

[[steps]]
id = "holiday"
kind = "practice"
mode = "post"
prompt = "Mend this post."
example = "Off to Spain for two weeks! Call me on 912 34 567."

[[steps]]
id = "profile"
kind = "practice"
mode = "profile"
prompt = "Write your headline and a few lines about you."
example_headline = "Passionate thought leader"
"""


async def checked(pilot, app: NetstepsApp, expected: str) -> str:  # type: ignore[no-untyped-def]
    """Press Check my draft and wait (at most 5 s) until the findings say ``expected``."""
    app.screen.query_one("#check-draft").focus()
    await pilot.press("enter")
    for _ in range(50):
        await pilot.pause(0.1)
        shown = findings_text(app)
        if expected in shown:
            return shown
    return findings_text(app)


def findings_text(app: NetstepsApp) -> str:
    box = app.screen.query_one("#findings")
    return "\n".join(_rendered(static) for static in box.query(Static))


def _rendered(static: Static) -> str:
    from rich.console import Console

    console = Console(width=76, record=True, file=io.StringIO())
    console.print(static.content)
    return console.export_text()


def lesson() -> Lesson:
    pack = parse_pack({"pack.toml": PACK_TOML.encode(), "01.toml": PRACTICE_LESSON.encode()})
    return pack.lessons[0]


def test_a_first_visit_starts_from_the_example_and_finds_what_to_mend() -> None:
    record = LessonRecord()
    session = LessonSession(lesson(), record)
    assert session.practice().draft.startswith("Off to Spain")
    found = session.check_draft()
    assert {f.check for f in found} == {"away", "phone"}
    session.draft(text="We had two lovely weeks in Spain. Send me a message to hear more.")
    assert session.check_draft() == []
    saved = record.steps["holiday"]
    assert isinstance(saved, PracticeRecord) and saved.checked == 2 and saved.found == 0


def test_a_profile_is_checked_as_a_stranger_reads_it() -> None:
    session = LessonSession(lesson(), LessonRecord())
    session.go_to(1)
    checks = {f.check for f in session.check_draft()}
    assert "buzzwords" in checks and "offer" in checks
    session.draft(headline="Accountant helping small firms keep their books in order",
                  text="I help small firms with accounts and tax.")
    assert session.check_draft() == []


def test_drafts_stay_out_of_the_plan_and_the_summary() -> None:
    record = LessonRecord()
    session = LessonSession(lesson(), record)
    session.check_draft()
    summary = summarize(lesson(), record)
    assert summary.reflections == () and summary.commitments == ()

    class Records:
        def find(self, pack_id: str, lesson_id: str) -> LessonRecord | None:
            return record

    pack = parse_pack({"pack.toml": PACK_TOML.encode(), "01.toml": PRACTICE_LESSON.encode()})
    assert build_plan([pack], Records()).is_empty


async def test_the_tutor_marks_the_words_and_says_why(home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "pack.toml").write_text(PACK_TOML, "utf-8")
    (folder / "01.toml").write_text(PRACTICE_LESSON, "utf-8")
    app = make_app(home, preview=folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        pack = app.packs[0]
        await app.push_screen(LessonScreen(pack, pack.lessons[0]))
        await pilot.pause()
        draft = app.screen.query_one("#draft", TextArea)
        assert draft.text.startswith("Off to Spain")
        shown = await checked(pilot, app, "I found 2 things")
        assert "I found 2 things to look at" in shown
        assert "912 34 567 (2)" in shown, "the found words are numbered in the draft"
        assert "Why it matters:" in shown and "What to do:" in shown
        draft.text = "We had two lovely weeks in Spain."
        await pilot.pause()
        shown = await checked(pilot, app, "I found nothing")
        assert "I found nothing from my list. Read it once more as a stranger would." in shown
        assert "safe" not in shown.casefold()


def test_plain_mode_reads_the_findings_in_order(tmp_path: Path) -> None:
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "pack.toml").write_text(PACK_TOML, "utf-8")
    (folder / "01.toml").write_text(PRACTICE_LESSON, "utf-8")
    answers = Answers(["1", "", "", "e", "", "We had two lovely weeks in Spain.", "", "",
                       "q"])
    _, out = play(tmp_path / "data", answers, builtin=tmp_path / "none", preview=folder)
    first = out.index("I found 2 things to look at")
    assert out.index("It says your home is empty", first) < out.index("A phone number", first)
    assert "I found nothing from my list" in out[first:]


def test_a_draft_goes_into_the_plan_only_when_the_learner_keeps_it() -> None:
    text = PRACTICE_LESSON.replace('mode = "profile"', 'mode = "profile"\nplan = true')
    pack = parse_pack({"pack.toml": PACK_TOML.encode(), "01.toml": text.encode()})
    record = LessonRecord()
    session = LessonSession(pack.lessons[0], record)
    session.go_to(1)
    session.draft(headline="Accountant for small firms", text="I keep the books in order.")

    class Records:
        def find(self, pack_id: str, lesson_id: str) -> LessonRecord | None:
            return record

    assert build_plan([pack], Records()).is_empty
    session.keep_draft_in_plan(True)
    items = [item for section in build_plan([pack], Records()).sections for item in section.items]
    kept = "Accountant for small firms\nI keep the books in order."
    assert [item.text for item in items] == [kept]
