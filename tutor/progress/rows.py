"""Records as rows: what this window last saw of a lesson, what one save writes, what others
wrote meanwhile, and the one transaction that reads theirs and writes ours."""

from __future__ import annotations

import sqlite3
from typing import Any

from tutor.progress.codec import encode
from tutor.progress.database import read_generation, rollback
from tutor.progress.model import LessonRecord

Key = tuple[str, str]
HEADER = ("status", "step", "started", "updated", "completed")
EMPTY_LESSON = LessonRecord().to_dict()


class Snapshot:
    """What the database held for one lesson when this window last read or wrote it."""

    __slots__ = ("header", "steps")

    def __init__(self) -> None:
        self.header: dict[str, str | None] = {}
        self.steps: dict[str, str] = {}


EMPTY_HEADER_TEXTS = {name: (encode(EMPTY_LESSON[name]) if name in EMPTY_LESSON else None)
                      for name in HEADER}


class Changes:
    """What one save writes: changed header fields and step texts, settings, forgotten packs."""

    def __init__(self) -> None:
        self.new_lessons: dict[Key, dict[str, str | None]] = {}  # the whole header
        self.headers: dict[Key, dict[str, str | None]] = {}
        self.steps: dict[Key, dict[str, str]] = {}
        self.settings: dict[str, str | None] = {}
        self.forgotten: set[str] = set()

    def empty(self) -> bool:
        return not (self.headers or self.steps or self.settings or self.forgotten)


class Others:
    """Rows other windows wrote since this window last looked."""

    def __init__(self) -> None:
        self.generation = 0
        self.forgotten: list[str] = []
        self.headers: list[tuple[Key, list[str | None]]] = []
        self.steps: list[tuple[Key, str, str]] = []
        self.settings: list[tuple[str, str | None]] = []

    @classmethod
    def read(cls, db: sqlite3.Connection, since: int) -> Others:
        others = cls()
        others.forgotten = [row[0] for row in db.execute(
            "SELECT pack FROM forgotten WHERE gen > ?", (since,))]
        others.headers = [((pack, lesson), header) for pack, lesson, *header in db.execute(
            "SELECT pack, lesson, status, step, started, updated, completed FROM lessons"
            " WHERE gen > ?", (since,))]
        others.steps = [((pack, lesson), key, text) for pack, lesson, key, text in db.execute(
            "SELECT pack, lesson, key, record FROM steps WHERE gen > ?", (since,))]
        others.settings = list(db.execute(
            "SELECT name, value FROM settings WHERE gen > ?", (since,)))
        return others


def write(db: sqlite3.Connection, changes: Changes, since: int) -> Others:
    """One transaction: read what others wrote since we last looked, then write ours."""
    db.execute("BEGIN" if changes.empty() else "BEGIN IMMEDIATE")  # reading needs no lock
    try:
        current = read_generation(db)
        others = Others.read(db, since) if current > since else Others()
        if changes.empty():
            db.execute("COMMIT")
            others.generation = current
            return others
        generation = current + 1
        for pack in sorted(changes.forgotten):
            db.execute("DELETE FROM lessons WHERE pack = ?", (pack,))
            db.execute("DELETE FROM steps WHERE pack = ?", (pack,))
            db.execute("DELETE FROM review_schedule WHERE pack = ?", (pack,))
            db.execute("DELETE FROM review_history WHERE pack = ?", (pack,))
            db.execute("INSERT OR REPLACE INTO forgotten (pack, gen) VALUES (?, ?)",
                       (pack, generation))
        for (pack, lesson), header in changes.new_lessons.items():
            db.execute("INSERT OR IGNORE INTO lessons (pack, lesson, status, step, started,"
                       " updated, completed, gen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       (pack, lesson, *header.values(), generation))
        for (pack, lesson), header in changes.headers.items():
            columns = "".join(f", {name} = ?" for name in header)
            db.execute(f"UPDATE lessons SET gen = ?{columns} WHERE pack = ? AND lesson = ?",
                       (generation, *header.values(), pack, lesson))
        for (pack, lesson), steps in changes.steps.items():
            if (pack, lesson) not in changes.headers:
                db.execute("INSERT OR IGNORE INTO lessons (pack, lesson, gen)"
                           " VALUES (?, ?, ?)", (pack, lesson, generation))
            db.executemany(
                "INSERT OR REPLACE INTO steps (pack, lesson, key, record, gen)"
                " VALUES (?, ?, ?, ?, ?)",
                [(pack, lesson, step, text, generation) for step, text in steps.items()])
        db.executemany("INSERT OR REPLACE INTO settings (name, value, gen) VALUES (?, ?, ?)",
                       [(name, text, generation) for name, text in changes.settings.items()])
        db.execute("UPDATE meta SET value = ? WHERE name = 'generation'", (generation,))
        db.execute("COMMIT")
    except BaseException:
        rollback(db)
        raise
    others.generation = generation
    return others


def header_texts(record: LessonRecord) -> dict[str, str | None]:
    data = record.to_dict()
    return {name: (encode(data[name]) if name in data else None) for name in HEADER}


def step_text(step: Any) -> str:
    return "{}" if step is None else encode(step.to_dict())


def setting_text(settings: dict[str, Any], name: str) -> str | None:
    return encode(settings[name]) if name in settings else None
