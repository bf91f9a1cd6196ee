"""Lesson pages in plain mode are words to listen to: no Markdown marks read out."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.test_plain import Answers
from tutor.messages import t
from tutor.packs.library import Library
from tutor.packs.model import Lesson
from tutor.plain import run_plain
from tutor.plain.markdown import to_plain
from tutor.progress.store import ProgressStore


def read_pages() -> list[tuple[Lesson, int, str]]:
    library = Library(Path("/nonexistent-netsteps-data"), builtin_dir=REPO / "lessons",
                      use_entry_points=False).load()
    return [(lesson, index, getattr(step, "body", ""))
            for pack in library.packs for lesson in pack.lessons
            for index, step in enumerate(lesson.steps) if step.kind == "read"]


def marks_left(text: str) -> list[str]:
    """The Markdown marks a screen reader would read out of ``text``."""
    found = [mark for mark in ("**", "__", "`", "](") if mark in text]
    found += [line for line in text.splitlines()
              if re.match(r"\s*(#|>|[-*+] )", line)]
    return found


def test_emphasis_and_code_marks_are_dropped_even_when_nested() -> None:
    text = to_plain("Some **bold *and nested* words**, __under__ and `code`, ***both***.")
    assert text == "Some bold and nested words, under and code, both."


def test_headings_and_list_items_are_lines_of_their_own_without_bullets() -> None:
    text = to_plain("# Title\nIntro.\n\n- one\n- **two**\n  - nested\n* star\n\n"
                    "1. first\n2. second\n")
    assert text.splitlines() == ["Title", "", "Intro.", "", "  one", "  two", "    nested",
                                 "", "  star", "", "  1. first", "  2. second"]


def test_a_numbered_list_keeps_its_own_numbers() -> None:
    assert to_plain("3) three\n4) four").splitlines() == ["  3) three", "  4) four"]


def test_a_link_is_said_as_its_text_and_address() -> None:
    text = to_plain("See [the [best] guide](https://example.org/a_(b)) or <https://x.org>, "
                    "write to <help@example.org>, [](https://empty.org).")
    assert text == ("See the [best] guide (https://example.org/a_(b)) or https://x.org, "
                    "write to help@example.org, https://empty.org.")


def test_an_address_with_letters_beyond_ascii_is_said_as_written() -> None:
    assert to_plain("[Lenke](https://example.no/sjø)") == "Lenke (https://example.no/sjø)"


def test_a_block_quote_loses_its_marks() -> None:
    assert to_plain("> Hi Sam,\n> thanks.\n\nAfter.") == "  Hi Sam, thanks.\n\nAfter."


def test_html_is_reduced_to_its_words() -> None:
    text = to_plain("A <b>bold</b> word.\n\n<div>Hello <script>alert(1)</script>there</div>\n")
    assert text == "A bold word.\n\nHello there"
    assert "<" not in text and "alert" not in text


def test_a_table_is_read_row_by_row_with_its_headings() -> None:
    text = to_plain("| Name | Town |\n|---|---|\n| Anna | Oslo |\n| Bo | |\n")
    assert text.splitlines() == ["Name: Anna; Town: Oslo", "Name: Bo"]


def test_line_breaks_code_blocks_and_rules() -> None:
    text = to_plain("one  \ntwo\nthree\n\n---\n\n```\nprint(1)\n```\n")
    assert text.splitlines() == ["one", "two three", "", "  print(1)"]


def test_escaped_marks_stay_as_the_author_meant_them() -> None:
    assert to_plain(r"2 \* 3 is \*not\* \# 6") == "2 * 3 is *not* # 6"


@pytest.mark.parametrize(("lesson", "index", "body"), read_pages(),
                         ids=lambda value: getattr(value, "id", None))
def test_every_read_page_of_the_course_is_plain_text(lesson: Lesson, index: int,
                                                     body: str) -> None:
    text = to_plain(body)
    assert not marks_left(text), f"{lesson.id} step {index + 1}"
    assert " ".join(text.split())  # nothing lost: some words are left
    for word in re.findall(r"[A-Za-z]{4,}", body):
        assert word in text  # every word of the page is still there


def test_lesson_two_is_read_without_a_single_mark(tmp_path: Path) -> None:
    """The learner who heard 40 pairs of ** in lesson 2 takes it again, pressing Enter."""
    store = ProgressStore(tmp_path)
    store.load()
    library = Library(tmp_path, builtin_dir=REPO / "lessons", use_entry_points=False).load()
    lesson = library.packs[0].lessons[1]
    answers = Answers(["2", *[""] * (2 * len(lesson.steps)), "m", "q"])
    out = io.StringIO()

    assert run_plain(store, input_fn=answers, output=out, library=library) == 0
    pages = out.getvalue()
    assert t("end.well_done", lesson=lesson.title) in pages
    assert "Two-step login adds a second check" in pages
    assert "**" not in pages and "](" not in pages and "`" not in pages
    assert not [line for line in pages.splitlines() if re.match(r"\s*[-*+] ", line)]
