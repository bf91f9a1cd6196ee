"""Hostile text that is accepted: markup kept as plain characters, terminal controls cleaned out.

Every text field of a pack gets the same hostile string; the loaded model must hold exactly
the cleaned characters, in every field, and nothing a terminal could act on.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from tutor.packs.model import ChecklistStep, ChoiceStep, Pack, ReadStep, ReflectStep
from tutor.text import is_clean
from tutor.ui.screens.confirm_link import openable

from ._build import (
    LESSON,
    LESSON_B,
    PACK_B,
    accepted,
    assert_terminal_safe,
    pack_folder,
    write_folder,
)

# (id, what the pack says, what the learner is shown)
HOSTILE = [
    ("markup-click-action", "[@click=app.quit]Quit[/]", "[@click=app.quit]Quit[/]"),
    ("markup-link", "[link=https://evil]x[/link]", "[link=https://evil]x[/link]"),
    ("markup-style", "[bold red]loud[/bold red] [reverse]", "[bold red]loud[/bold red] [reverse]"),
    ("markup-escape", "\\[not] [/]", "\\[not] [/]"),
    ("csi-clear-screen", "a\x1b[2Jb\x1b[Hc", "a[2Jb[Hc"),
    ("csi-colour", "\x1b[31mred\x1b[0m", "[31mred[0m"),
    ("osc52-clipboard", "a\x1b]52;c;ZXZpbA==\x07b", "a]52;c;ZXZpbA==b"),
    ("osc8-hyperlink", "\x1b]8;;https://evil\x1b\\link\x1b]8;;\x1b\\",
     "]8;;https://evil\\link]8;;\\"),
    ("osc-title", "\x1b]0;pwned\x07ok", "]0;pwnedok"),
    ("dcs", "\x1bP+q544e\x1b\\ok", "P+q544e\\ok"),
    ("c1-csi", "a\x9b31mb", "a31mb"),
    ("c1-osc-and-st", "a\x9d52;c;eA==\x9cb", "a52;c;eA==b"),
    ("nul-and-del", "a\x00b\x7fc", "abc"),
    ("backspace-overstrike", "safe\x08\x08\x08\x08evil", "safeevil"),
    ("bell-and-vertical-tab", "a\x07b\x0bc\x0cd", "abcd"),
    ("bidi-override", "abc\u202edcba\u202c!", "abcdcba!"),
    ("bidi-isolates", "\u2066x\u2067y\u2068z\u2069", "xyz"),
    ("tag-characters", "ok\U000e0041\U000e0042\U000e007f", "ok"),
    ("nfd-to-nfc", "cafe\u0301", "caf\u00e9"),
]

TEXT_FIELDS = ("description", "summary", "body", "prompt", "feedback", "hint", "meaning")
LINE_FIELDS = ("pack_title", "author", "lesson_title", "objective", "step_title", "option",
               "item", "term")


def _pack_with(text: str) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    head = {
        "format": 1, "id": "hostile", "title": text, "language": "en", "version": "1.0",
        "authors": [text], "description": text,
    }
    lesson = {
        "id": "one", "title": text, "summary": text, "minutes": 5, "objectives": [text],
        "steps": [
            {"kind": "read", "title": text, "body": text},
            {"kind": "choice", "prompt": text, "options": [
                {"text": text, "correct": False, "feedback": text},
                {"text": "fine", "correct": True, "feedback": "fine"},
            ]},
            {"kind": "checklist", "prompt": text, "items": [text]},
            {"kind": "reflect", "prompt": text, "hint": text},
        ],
    }
    glossary = {"terms": [{"term": text, "meaning": text}]}
    return head, lesson, glossary


def _fields(pack: Pack) -> dict[str, str]:
    lesson = pack.lessons[0]
    read, choice, checklist, reflect = lesson.steps
    assert isinstance(read, ReadStep) and isinstance(choice, ChoiceStep)
    assert isinstance(checklist, ChecklistStep) and isinstance(reflect, ReflectStep)
    return {
        "pack_title": pack.title, "author": pack.authors[0], "description": pack.description,
        "lesson_title": lesson.title, "summary": lesson.summary,
        "objective": lesson.objectives[0], "step_title": read.title, "body": read.body,
        "prompt": choice.prompt, "option": choice.options[0].text,
        "feedback": choice.options[0].feedback, "item": checklist.items[0],
        "hint": reflect.hint, "term": pack.glossary[0].term, "meaning": pack.glossary[0].meaning,
    }


def _strings(value: object) -> list[str]:
    """Every string anywhere in the loaded model."""
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [s for item in dataclasses.fields(value)
                for s in _strings(getattr(value, item.name))]
    if isinstance(value, tuple | list):
        return [s for item in value for s in _strings(item)]
    return []


@pytest.mark.parametrize(("given", "shown"), [pytest.param(g, s, id=i) for i, g, s in HOSTILE])
def test_hostile_text_is_kept_literally_and_cleaned(tmp_path: Path, given: str,
                                                    shown: str) -> None:
    text = f"«{given}»"
    head, lesson, glossary = _pack_with(text)
    folder = write_folder(tmp_path / "pack", {
        "pack.toml": tomli_w.dumps(head), "01-one.toml": tomli_w.dumps(lesson),
        "glossary.toml": tomli_w.dumps(glossary),
    })
    pack = accepted(folder)
    expected = f"«{shown}»"
    fields = _fields(pack)
    assert set(fields) == set(TEXT_FIELDS) | set(LINE_FIELDS)
    for name in TEXT_FIELDS:
        assert fields[name] == expected, name
    for name in LINE_FIELDS:
        assert fields[name] == " ".join(expected.split()), name
    for value in _strings(pack):
        assert is_clean(value), value
        assert_terminal_safe(value.replace("\n", " "))


def test_line_breaks_and_tabs(tmp_path: Path) -> None:
    """Windows and old-Mac line ends become newlines; tabs become spaces; one-line fields join."""
    given = "one\r\ntwo\rthree\u2028four\u2029five\tsix"
    head, lesson, glossary = _pack_with(given)
    folder = write_folder(tmp_path / "pack", {
        "pack.toml": tomli_w.dumps(head), "01-one.toml": tomli_w.dumps(lesson),
        "glossary.toml": tomli_w.dumps(glossary),
    })
    fields = _fields(accepted(folder))
    assert fields["body"] == "one\ntwo\nthree\nfour\nfive    six"
    assert fields["lesson_title"] == "one two three four five six"


def test_byte_order_marks_are_accepted(tmp_path: Path) -> None:
    bom = b"\xef\xbb\xbf"
    folder = pack_folder(tmp_path / "pack", pack__toml=bom + PACK_B,
                         **{"01-one__toml": bom + LESSON_B})
    pack = accepted(folder)
    assert (pack.id, pack.title, pack.lessons[0].title) == ("hostile", "Hostile pack",
                                                            "Lesson one")
    assert not pack.title.startswith("\ufeff")


LINKS = [
    ("javascript", "javascript:alert(1)", False),
    ("file", "file:///etc/passwd", False),
    ("http", "http://example.com/", False),
    ("data", "data:text/html,<script>alert(1)</script>", False),
    ("https-without-host", "https:///etc/passwd", False),
    ("https-with-escape", "https://example.com/\x1b]52;c;eA==\x07", False),
    ("https-with-bidi", "https://example.com/\u202egnp.exe", False),
    ("https", "https://example.com/safety", True),
]


@pytest.mark.parametrize(("href", "can_open"), [pytest.param(h, c, id=i) for i, h, c in LINKS])
def test_links_in_a_read_body_are_accepted_but_only_https_can_open(
    tmp_path: Path, href: str, can_open: bool
) -> None:
    body = f"See [this page]({href}) or <{href}>."
    lesson = LESSON.replace('body = "Hello."', "body = " + tomli_w.dumps({"b": body})[4:])
    pack = accepted(pack_folder(tmp_path / "pack", **{"01-one__toml": lesson}))
    step = pack.lessons[0].steps[0]
    assert isinstance(step, ReadStep)
    cleaned = href.replace("\x1b", "").replace("\x07", "").replace("\u202e", "")
    assert step.body == f"See [this page]({cleaned}) or <{cleaned}>."
    assert openable(href) is can_open

