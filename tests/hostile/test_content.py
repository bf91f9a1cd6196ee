"""Hostile TOML inside an otherwise ordinary pack folder: each is refused, precisely and calmly.

Bad bytes, deep nesting, numbers too large to hold, ids that climb out of a folder, too many
steps, too much text, a reserved step kind: the loader must list each as a problem with the
file and the place, and nothing but PackError may leave it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tutor.packs.loader import MAX_DEPTH

from ._build import (
    LESSON,
    LESSON_B,
    PACK,
    Expect,
    accepted,
    assert_problems,
    check_cli,
    lesson_with,
    needs_timer,
    pack_folder,
    refusal,
    within,
)

LESSON_FILE = "01-one.toml"
READ = '[[steps]]\nkind = "read"\nbody = "x"\n'

Build = Callable[[Path], Path]


def _lesson(text: str | bytes) -> Build:
    return lambda tmp: pack_folder(tmp / "pack", **{"01-one__toml": text})


def _pack(text: str | bytes) -> Build:
    return lambda tmp: pack_folder(tmp / "pack", pack__toml=text)


def _nested(depth: int, open_: str = "[", close: str = "]", inner: str = "") -> str:
    return LESSON + "\n[extra]\na = " + open_ * depth + inner + close * depth + "\n"


CASES = [
    pytest.param(
        _lesson(LESSON_B.replace(b'"Hello."', b'"He\xffllo."')),
        [Expect(LESSON_FILE, "this is not UTF-8 text", "line 9, column 11")],
        id="invalid-utf8-in-body"),
    pytest.param(
        _pack(PACK.encode().replace(b'"Hostile pack"', b'"\xc0\xaf"')),
        [Expect("pack.toml", "this is not UTF-8 text", "line 3, column 10")],
        id="overlong-utf8-in-pack-toml"),
    pytest.param(
        _pack(PACK.encode("utf-16")),
        [Expect("pack.toml", "this is not UTF-8 text", "line 1, column 1")],
        id="utf16-pack-toml"),
    pytest.param(
        _lesson(LESSON.replace('"Hello."', '"He\x1b[2Jllo."')),
        [Expect(LESSON_FILE, "the TOML is not valid here (Illegal character '\\x1b')",
                "line 9, column 11")],
        id="raw-escape-byte-in-string"),
    pytest.param(
        _lesson("a = " + "[" * 10_000 + "]" * 10_000 + "\n"),
        [Expect(LESSON_FILE, "the file is nested too deeply or has a number too large")],
        id="arrays-nested-10000-deep"),
    pytest.param(
        _lesson("a = " + "{b = " * 10_000 + "1" + "}" * 10_000 + "\n"),
        [Expect(LESSON_FILE, "the file is nested too deeply or has a number too large")],
        id="inline-tables-nested-10000-deep"),
    pytest.param(
        _lesson(_nested(MAX_DEPTH + 8)),
        [Expect(LESSON_FILE, "the file is nested too deeply to be a lesson")],
        id="arrays-nested-past-the-limit"),
    pytest.param(
        _lesson("a" + ".a" * (MAX_DEPTH + 8) + " = 1\n"),
        [Expect(LESSON_FILE, "the file is nested too deeply to be a lesson")],
        id="dotted-key-past-the-limit"),
    pytest.param(
        _lesson(lesson_with(minutes="9" * 5000)),
        [Expect(LESSON_FILE, "the file is nested too deeply or has a number too large")],
        id="integer-of-5000-digits"),
    pytest.param(
        _lesson(lesson_with(minutes="9" * 4000)),
        [Expect(LESSON_FILE, "this number is out of range; use a whole number from 1 to 120",
                "minutes")],
        id="integer-of-4000-digits"),
    pytest.param(
        _pack(PACK.replace("format = 1", "format = -" + "9" * 4000)),
        [Expect("pack.toml", "this number is out of range; use a whole number from 1 to 1000",
                "format")],
        id="negative-integer-of-4000-digits"),
    pytest.param(
        _lesson(lesson_with(minutes="1e99999")),
        [Expect(LESSON_FILE, "this should be a whole number from 1 to 120, not a number",
                "minutes")],
        id="float-overflowing-to-infinity"),
    pytest.param(
        _lesson(lesson_with(minutes="9" * 3000 + ".5")),
        [Expect(LESSON_FILE, "this should be a whole number from 1 to 120, not a number",
                "minutes")],
        id="float-of-3000-digits"),
    pytest.param(
        _lesson(lesson_with(minutes="nan")),
        [Expect(LESSON_FILE, "this should be a whole number from 1 to 120, not a number",
                "minutes")],
        id="float-nan"),
    pytest.param(
        _pack(PACK.replace('"hostile"', '"../evil"')),
        [Expect("pack.toml", "'../evil' is not a valid id", "id")],
        id="pack-id-with-parent-dir"),
    pytest.param(
        _pack(PACK.replace('"hostile"', '"/etc/passwd"')),
        [Expect("pack.toml", "'/etc/passwd' is not a valid id", "id")],
        id="pack-id-absolute-path"),
    pytest.param(
        _lesson(lesson_with(id='"a/../../b"')),
        [Expect(LESSON_FILE, "'a/../../b' is not a valid id", "id")],
        id="lesson-id-with-parent-dir"),
    pytest.param(
        _pack(PACK.replace('"hostile"', '"ev\\u001b[2Jil\\u202e"')),
        # Shown as escapes: the author sees the hidden characters, and the terminal gets none.
        [Expect("pack.toml", "'ev\\x1b[2Jil\\u202e' is not a valid id", "id")],
        id="pack-id-with-escape-shown-cleaned"),
    pytest.param(
        _lesson(lesson_with(steps=READ * 10_000)),
        [Expect(LESSON_FILE, "there are 10000 here; there should be from 1 to 200", "steps")],
        id="10000-steps"),
    pytest.param(
        _lesson(lesson_with(steps=READ.replace('"x"', '"' + "x" * 25_000 + '"'))),
        [Expect(LESSON_FILE, "this text is 25000 characters long; the most is 20000",
                "steps[1].body")],
        id="body-of-25000-characters"),
    pytest.param(
        _lesson(lesson_with(steps='[[steps]]\nkind = "practice"\nmode = "post"\n'
                                  'prompt = "Draft a post."\nchecks = ["(a+)+$"]\n')),
        [Expect(LESSON_FILE, "'(a+)+$' is not a built-in check", "steps[1].checks")],
        id="practice-step-cannot-bring-a-pattern"),
    pytest.param(
        _lesson(lesson_with(steps='[[steps]]\nkind = "exec"\ncommand = "rm -rf ~"\n')),
        [Expect(LESSON_FILE, "'exec' is not a step kind", "steps[1].kind")],
        id="unknown-kind"),
    pytest.param(
        _lesson(LESSON + '"\\u001b]52;c;ZXZpbA==\\u0007" = 1\n'),
        [Expect(LESSON_FILE, "this field is not known here", "steps[1].]52;c;ZXZpbA==")],
        id="unknown-field-named-with-osc52"),
    pytest.param(
        _pack(PACK.replace("format = 1", "format = 99")),
        [Expect("pack.toml", "this pack uses format 99, but this netsteps reads format 1",
                "format")],
        id="future-format"),
    pytest.param(
        _lesson(LESSON.replace("minutes = 5", "minutes = 2023-02-30")),
        [Expect(LESSON_FILE, "the TOML is not valid here (Invalid date or datetime)",
                "line 4, column 11")],
        id="impossible-date"),
    pytest.param(
        _lesson(LESSON.replace("minutes = 5", "minutes = 2023-02-28")),
        [Expect(LESSON_FILE, "this should be a whole number from 1 to 120, not a date",
                "minutes")],
        id="date-where-a-number-belongs"),
]


@pytest.mark.parametrize(("build", "expected"), CASES)
def test_hostile_content_is_refused(
    tmp_path: Path, build: Build, expected: list[Expect], capsys: pytest.CaptureFixture[str]
) -> None:
    path = build(tmp_path)
    error = refusal(path)
    assert_problems(error, expected)
    check_cli(path, error, capsys)


# --- once product bugs, now fixed: kept so they stay fixed ------------------------------------


def test_min_netsteps_of_5000_digits_is_a_problem_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _pack(PACK + 'min_netsteps = "1' + "0" * 5000 + '"\n')(tmp_path)
    error = refusal(path)
    assert_problems(error, [Expect("pack.toml", "", "min_netsteps")])
    check_cli(path, error, capsys)


@needs_timer
def test_a_long_dotted_key_is_refused_quickly(tmp_path: Path) -> None:
    path = _lesson("a" + ".a" * 100_000 + " = 1\n")(tmp_path)  # 200 kB, far under 1 MB
    with within(2.0):
        error = refusal(path)
    assert_problems(error, [Expect(LESSON_FILE, "nested too deeply")])


@needs_timer
def test_stats_of_a_body_full_of_dots_are_quick(tmp_path: Path) -> None:
    from tutor.packs.stats import lesson_stats

    body = "Read. " + "." * 19_000 + "x"
    steps = "".join(f'[[steps]]\nkind = "read"\nbody = "{body}"\n' for _ in range(4))
    pack = accepted(_lesson(lesson_with(steps=steps))(tmp_path))
    with within(2.0):
        stats = lesson_stats(pack.lessons[0])
    assert stats.steps == 4
