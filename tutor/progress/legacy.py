"""Reading the ``progress.toml`` of netsteps 0.1, once, to move it into the database.

The file is only read: it stays beside the database exactly as it was, so going back to 0.1,
or looking at it by hand, still works.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tutor.files import read_regular
from tutor.progress.codec import decode, encode
from tutor.progress.model import LessonRecord

FILE_NAME = "progress.toml"
BACKUP_NAME = "progress.toml.bak"
LEGACY_SCHEMA = 1
MAX_BYTES = 64 * 1024 * 1024

Key = tuple[str, str]


class Unreadable(Exception):
    """Not a 0.1 progress document; the reason is for debugging."""


@dataclass
class Legacy:
    lessons: dict[Key, LessonRecord] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)


def read(path: Path) -> Legacy | None:
    """The document at ``path``, checked and cleaned; None if there is none. Raises Unreadable."""
    try:
        raw = read_regular(path, limit=MAX_BYTES)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise Unreadable(str(exc)) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as exc:  # bad UTF-8 and bad TOML are both ValueErrors
        raise Unreadable(str(exc)) from None
    schema = data.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or not 1 <= schema <= LEGACY_SCHEMA:
        raise Unreadable(f"schema {schema!r}")
    settings = data.get("settings", {})
    packs = data.get("packs", {})
    if not isinstance(settings, dict) or not isinstance(packs, dict):
        raise Unreadable("settings and packs must be tables")
    document = Legacy(settings=_cleaned(settings))
    for pack_id, pack in packs.items():
        tables = pack.get("lessons", {}) if isinstance(pack, dict) else None
        if not isinstance(tables, dict):
            raise Unreadable(f"pack {pack_id!r} is not a table of lessons")
        for lesson_id, table in tables.items():
            if not isinstance(table, dict):
                raise Unreadable(f"lesson {pack_id}/{lesson_id} is not a table")
            try:
                document.lessons[(pack_id, lesson_id)] = LessonRecord.from_dict(_cleaned(table))
            except (TypeError, ValueError, AttributeError) as exc:
                raise Unreadable(f"lesson {pack_id}/{lesson_id}: {exc}") from None
    return document


def _cleaned(table: dict[str, Any]) -> dict[str, Any]:
    """The table with its text cleaned, the same way the database's text is on reading."""
    cleaned = decode(encode(table))
    assert isinstance(cleaned, dict)
    return cleaned
