"""Turning a pack's raw files into a :class:`Pack`, reporting every problem a course leader made.

Whatever the bytes, nothing but :class:`PackError` leaves this module: a course leader gets a
list of ``file: where: what is wrong`` lines, and a learner never sees a traceback.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tutor import __version__
from tutor.kinds import KINDS
from tutor.packs.errors import PackError, Problem
from tutor.packs.fields import ID_PATTERN, Fields, _type_name

__all__ = ["ID_PATTERN", "Fields", "load_pack", "parse_pack", "version_key"]
from tutor.packs.model import FORMAT_VERSION, RESERVED_KINDS, Lesson, Pack, Step, Term

PACK_FILE = "pack.toml"
GLOSSARY_FILE = "glossary.toml"
MANIFEST_FILE = "manifest.toml"
NOT_LESSONS = {PACK_FILE, GLOSSARY_FILE, MANIFEST_FILE}

# \A and \Z match the whole string: "$" also matches before a final newline, and an id such as
# "first-steps\n" would name a folder beside the built-in course.
LANGUAGE_PATTERN = re.compile(r"\A[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*\Z")
VERSION_PATTERN = re.compile(r"\A\d{1,9}(\.\d{1,9}){0,3}([-.+]?[A-Za-z0-9.]{1,32})?\Z")
MAX_DEPTH = 12
MAX_KEY_DOTS = 32
MAX_STEPS = 200


def load_pack(path: Path, *, builtin: bool = False) -> Pack:
    """Read and validate the pack at ``path`` (a folder or a .zip)."""
    from tutor.packs.source import read_pack_files

    files = read_pack_files(path)
    return parse_pack(files.files, source=files.origin, builtin=builtin)


def parse_pack(
    files: Mapping[str, bytes], *, source: Path | None = None, builtin: bool = False
) -> Pack:
    """Validate a pack's files (name to bytes) and build the model, or raise every problem."""
    problems: list[Problem] = []
    try:
        pack = _parse(files, problems, source, builtin)
    except RecursionError:
        problems.append(Problem("?", "", "the pack is nested too deeply to read"))
        pack = None
    if problems or pack is None:
        raise PackError(problems or [Problem("?", "", "the pack could not be read")])
    return pack


def _parse(
    files: Mapping[str, bytes], problems: list[Problem], source: Path | None, builtin: bool
) -> Pack | None:
    if PACK_FILE not in files:
        problems.append(
            Problem(
                PACK_FILE,
                "",
                "this folder has no pack.toml, so it is not a lesson pack",
                "'netsteps pack new DIR' makes a starter pack",
            )
        )
        return None
    head = _read_toml(PACK_FILE, files[PACK_FILE], problems)
    lesson_names = sorted(name for name in files if name not in NOT_LESSONS)
    lessons: list[Lesson] = []
    seen_ids: dict[str, str] = {}
    for name in lesson_names:
        data = _read_toml(name, files[name], problems)
        if data is None:
            continue
        lesson = _lesson(name, data, problems)
        if lesson is None:
            continue
        if lesson.id in seen_ids:
            problems.append(
                Problem(name, "id", f"the lesson id '{lesson.id}' is already used in "
                        f"{seen_ids[lesson.id]}", "give every lesson its own id")
            )
            continue
        seen_ids[lesson.id] = name
        lessons.append(lesson)
    glossary: tuple[Term, ...] = ()
    if GLOSSARY_FILE in files:
        data = _read_toml(GLOSSARY_FILE, files[GLOSSARY_FILE], problems)
        if data is not None:
            glossary = _glossary(data, problems)
    if head is None:
        return None
    fields = Fields(PACK_FILE, "", head, problems)
    fmt = fields.integer("format", 1, 1000)
    if fmt is not None and fmt > FORMAT_VERSION:
        problems.append(
            Problem(PACK_FILE, "format", f"this pack uses format {fmt}, but this netsteps "
                    f"reads format {FORMAT_VERSION}", "update netsteps to open it")
        )
    pack_id = fields.identifier("id")
    title = fields.line("title")
    language = fields.line("language")
    if language and not LANGUAGE_PATTERN.match(language):
        problems.append(
            Problem(PACK_FILE, "language", f"'{_shown(language)}' is not a language code",
                    "use a code such as en, nb or pt-BR")
        )
    version = fields.line("version")
    if version and not VERSION_PATTERN.match(version):
        problems.append(
            Problem(PACK_FILE, "version", f"'{_shown(version)}' is not a version number",
                    "use numbers with dots, such as 1.0 or 2.1.3")
        )
    authors = fields.lines("authors", 1, 50)
    description = fields.text("description")
    min_netsteps = fields.line("min_netsteps", required=False)
    if min_netsteps:
        if not VERSION_PATTERN.match(min_netsteps):
            problems.append(
                Problem(PACK_FILE, "min_netsteps",
                        f"'{_shown(min_netsteps)}' is not a version number",
                        "use numbers with dots, such as 0.1")
            )
        elif version_key(min_netsteps) > version_key(__version__):
            problems.append(
                Problem(PACK_FILE, "min_netsteps", f"this pack needs netsteps {min_netsteps} "
                        f"or newer, and this is {__version__}", "update netsteps to open it")
            )
    fields.finish()
    if not lesson_names:
        problems.append(
            Problem(PACK_FILE, "", "this pack has no lessons yet",
                    "add a lesson file such as 01-welcome.toml beside pack.toml")
        )
    if problems:
        return None
    return Pack(
        id=pack_id,
        title=title,
        language=language,
        version=version,
        authors=authors,
        description=description,
        lessons=tuple(lessons),
        glossary=glossary,
        min_netsteps=min_netsteps,
        source=source,
        builtin=builtin,
    )


def _shown(value: str, limit: int = 40) -> str:
    """A value quoted in a problem, shortened so one line stays one line."""
    return value if len(value) <= limit else value[: limit - 1] + "…"


def version_key(version: str) -> tuple[int, ...]:
    """A comparable form of a dotted version; anything after the numbers is ignored."""
    numbers = re.match(r"^\d{1,9}(\.\d{1,9}){0,3}", version.strip())
    if not numbers:
        return (0,)
    return tuple(int(part) for part in numbers.group(0).split("."))


def _read_toml(name: str, raw: bytes, problems: list[Problem]) -> dict[str, Any] | None:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(raw, error.start)
        problems.append(
            Problem(name, f"line {line}, column {column}", "this is not UTF-8 text",
                    "save the file as UTF-8 in your editor")
        )
        return None
    deep = _deep_key_line(text)
    if deep:
        problems.append(Problem(name, f"line {deep}", "this key is nested too deeply to be part "
                                "of a lesson", "a key has at most a few parts, such as steps.id"))
        return None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = re.search(r"\(at line (\d+), column (\d+)\)", message)
        reason = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message)
        where = f"line {match.group(1)}, column {match.group(2)}" if match else "end of file"
        curly = _curly_quote_line(text, int(match.group(1)) if match else 0,
                                  int(match.group(2)) if match else 0)
        if curly:
            problems.append(
                Problem(name, where if match else f"line {curly}",
                        "curly quotes (“ ” or ‘ ’) are not quotes in TOML",
                        'TOML needs straight quotes, as in title = "My lesson"; editors and '
                        "word processors may curl them as you type")
            )
            return None
        problems.append(
            Problem(name, where, f"the TOML is not valid here ({reason.strip() or 'syntax'})",
                    "check quotes, brackets and the '=' between a name and its value")
        )
        return None
    except (RecursionError, ValueError, MemoryError):
        problems.append(Problem(name, "", "the file is nested too deeply or has a number too "
                                "large to read"))
        return None
    if _depth(data) > MAX_DEPTH:
        problems.append(Problem(name, "", "the file is nested too deeply to be a lesson"))
        return None
    return data


_CURLY = "“”‘’"
_CURLY_VALUE = re.compile(r"=\s*[“”‘’]|[“”‘’]\s*,?\s*(#.*)?\Z")


def _curly_quote_line(text: str, line: int, column: int) -> int:
    """The line where curly quotes stand in for TOML's quotes, or 0.

    Editors and word processors turn "…" into “…” as you type; TOML then only says "Invalid
    value", which does not tell a course leader what to change. Curly quotes inside a string
    are fine and are left alone.
    """
    lines = text.splitlines()
    if 0 < line <= len(lines):  # the reader stopped at the quote, or just after a closing one
        before = lines[line - 1][: column].rstrip()
        return line if before[-1:] in tuple(_CURLY) else 0
    for number, content in enumerate(lines, start=1):  # it read on to the end of the file
        if _CURLY_VALUE.search(content):
            return number
    return 0


def _deep_key_line(text: str) -> int:
    """The first line whose key has far more dotted parts than any pack needs, or 0.

    The TOML reader takes time that grows with the square of a dotted key's length, so such a
    key is refused before it is read rather than left to stall a check or an install.
    """
    for number, line in enumerate(text.splitlines(), start=1):
        key = line if line.lstrip().startswith("[") else line.partition("=")[0]
        if key.count(".") > MAX_KEY_DOTS:
            return number
    return 0


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    column = offset - (before.rfind(b"\n") + 1) + 1
    return line, column


def _depth(value: object, level: int = 0) -> int:
    if level > MAX_DEPTH:
        return level
    if isinstance(value, dict):
        return max((_depth(item, level + 1) for item in value.values()), default=level + 1)
    if isinstance(value, list):
        return max((_depth(item, level + 1) for item in value), default=level + 1)
    return level


def _lesson(file: str, data: dict[str, Any], problems: list[Problem]) -> Lesson | None:
    before = len(problems)
    fields = Fields(file, "", data, problems)
    lesson_id = fields.identifier("id")
    title = fields.line("title")
    summary = fields.text("summary")
    minutes = fields.integer("minutes", 1, 120)
    objectives = fields.lines("objectives", 1, 20)
    raw_steps = fields.get("steps", list, True, "a list of [[steps]] tables")
    steps: list[Step] = []
    if raw_steps is not None:
        steps = fields.each("steps", raw_steps, 1, MAX_STEPS,
                            lambda where, value: _step(file, where, value, problems))
    fields.finish()
    keys: dict[str, int] = {}
    for number, step in enumerate(steps, start=1):
        if step.key in keys:
            problems.append(Problem(file, f"steps[{number}].id", f"the step id '{step.key}' "
                                    f"is already used by steps[{keys[step.key]}]",
                                    "give every step its own id"))
        keys[step.key] = number
    if len(problems) > before or minutes is None:
        return None
    return Lesson(id=lesson_id, title=title, summary=summary, minutes=minutes,
                  objectives=objectives, steps=tuple(steps), file=file)


def _step(file: str, where: str, data: object, problems: list[Problem]) -> Step | None:
    if not isinstance(data, dict):
        problems.append(Problem(file, where, f"a step should be a [[steps]] table, not "
                                f"{_type_name(data)}"))
        return None
    before = len(problems)
    fields = Fields(file, where, data, problems)
    kind = fields.line("kind")
    number = where.rsplit("[", 1)[-1].rstrip("]")
    key = fields.identifier("id", required=False) or f"step-{number}"
    step: Step | None = None
    if kind in KINDS:
        step = KINDS[kind].parse(fields, key)
    elif kind in RESERVED_KINDS:
        fields.problem("kind", f"the step kind '{kind}' is reserved for a later version of "
                       "the pack format", "use one of: " + ", ".join(KINDS))
        fields.used.update(data)
    elif kind:
        fields.problem("kind", f"'{kind}' is not a step kind",
                       "use one of: " + ", ".join(KINDS))
        fields.used.update(data)
    fields.finish()
    return step if len(problems) == before else None


def _glossary(data: dict[str, Any], problems: list[Problem]) -> tuple[Term, ...]:
    fields = Fields(GLOSSARY_FILE, "", data, problems)
    raw = fields.get("terms", list, True, "a list of [[terms]] tables")
    fields.finish()
    if raw is None:
        return ()

    def term(where: str, value: object) -> Term | None:
        if not isinstance(value, dict):
            problems.append(Problem(GLOSSARY_FILE, where, "a term should be a [[terms]] table"))
            return None
        entry = Fields(GLOSSARY_FILE, where, value, problems)
        result = Term(term=entry.line("term"), meaning=entry.text("meaning"),
                      also=entry.lines("also", 0, 20, required=False))
        entry.finish()
        return result if result.term and result.meaning else None

    terms = fields.each("terms", raw, 1, 2000, term)
    seen: set[str] = set()
    for number, item in enumerate(terms, start=1):
        if item.term.casefold() in seen:
            problems.append(Problem(GLOSSARY_FILE, f"terms[{number}].term",
                                    f"'{item.term}' is in the glossary twice"))
        seen.add(item.term.casefold())
    return tuple(terms)
