"""The records this window holds, and how rows read from the database are taken into them:
the first time as they are, after a save only where this window changed nothing meanwhile."""

from __future__ import annotations

import contextlib
import dataclasses
import sqlite3
from pathlib import Path
from typing import Any

from tutor.messages import t
from tutor.progress import legacy
from tutor.progress.codec import decode
from tutor.progress.database import read_generation, rollback
from tutor.progress.model import LessonRecord, step_from_dict
from tutor.progress.rows import (
    HEADER,
    Changes,
    Key,
    Others,
    Snapshot,
    header_texts,
    setting_text,
    step_text,
)


class Records:
    """What one window holds of the learner's progress, and what it last saw on disk."""

    FILE_NAME = "progress.db"

    def __init__(self, data_dir: Path, *, lock_timeout: float = 10.0) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / self.FILE_NAME
        self.legacy_path = self.data_dir / legacy.FILE_NAME
        self.lock_timeout = lock_timeout
        self.notices: list[str] = []
        self.settings: dict[str, Any] = {}
        self._lessons: dict[Key, LessonRecord] = {}
        self._seen: dict[Key, Snapshot] = {}
        self._settings_seen: dict[str, str] = {}
        self._live: set[Key] = set()  # handed out by lesson(): the caller may be changing them
        self._marked: set[Key] = set()
        self._forgotten: set[str] = set()
        self._everything_dirty = False
        self._generation = 0
        self._db: sqlite3.Connection | None = None
        self._identity: tuple[int, int] | None = None
        self._folder_existed = False
        self._damaged_in_place = False
        self._read_only = False
        self._erased = False

    def _read_all(self, db: sqlite3.Connection) -> None:
        """Every record, read in one transaction so they belong together."""
        skipped = 0
        db.execute("BEGIN")
        try:
            self._generation = read_generation(db)
            for pack, lesson, *header in db.execute(
                    "SELECT pack, lesson, status, step, started, updated, completed FROM lessons"):
                try:
                    self._take_header((pack, lesson), header)
                except (ValueError, TypeError):
                    skipped += 1
            for pack, lesson, key, text in db.execute(
                    "SELECT pack, lesson, key, record FROM steps"):
                try:
                    self._take_step((pack, lesson), key, text)
                except (ValueError, TypeError):
                    skipped += 1
            for name, text in db.execute("SELECT name, value FROM settings"):
                try:
                    self._take_setting(name, text)
                except (ValueError, TypeError):
                    skipped += 1
        finally:
            rollback(db)
        if skipped:
            self.notices.append(t("store.rows_skipped", count=skipped))

    def _take_header(self, key: Key, header: list[str | None], *, merge: bool = False,
                     only: list[str] | None = None) -> None:
        values = {name: decode(text) for name, text in zip(HEADER, header, strict=True)
                  if text is not None}
        fresh = LessonRecord.from_dict(values)
        snapshot = self._seen.setdefault(key, Snapshot())
        record = self._lessons.get(key)
        if record is None:
            record = self._lessons[key] = fresh
            snapshot.header = header_texts(record)
            return
        mine = header_texts(record) if merge else {}
        theirs = header_texts(fresh)
        for name in HEADER if only is None else only:
            if merge and mine.get(name) != snapshot.header.get(name):
                continue  # changed here and not saved yet: this window's value wins
            setattr(record, name, getattr(fresh, name))
            snapshot.header[name] = theirs.get(name)

    def _take_step(self, key: Key, step_key: str, text: str, *, merge: bool = False) -> None:
        table = decode(text)
        if not isinstance(table, dict):
            raise ValueError("a step record must be a table")
        record = self._lessons.get(key)
        if record is None:
            record = self._lessons[key] = LessonRecord()
            self._seen.setdefault(key, Snapshot())
        snapshot = self._seen.setdefault(key, Snapshot())
        current = record.steps.get(step_key)
        if merge and step_text(current) != snapshot.steps.get(step_key, "{}"):
            return  # changed here and not saved yet
        fresh = step_from_dict(table)
        if dataclasses.is_dataclass(current) and type(current) is type(fresh):
            for item in dataclasses.fields(fresh):  # in place: a session may hold the step
                setattr(current, item.name, getattr(fresh, item.name))
        elif table or current is not None:
            record.steps[step_key] = fresh
        snapshot.steps[step_key] = step_text(fresh)

    def _take_setting(self, name: str, text: str | None, *, merge: bool = False) -> None:
        if merge and setting_text(self.settings, name) != self._settings_seen.get(name):
            return
        if text is None:
            self.settings.pop(name, None)
            self._settings_seen.pop(name, None)
            return
        self.settings[name] = decode(text)
        self._settings_seen[name] = text

    def _apply(self, others: Others, written: Changes) -> None:
        """Others' rows, except the fields and steps this save has just overwritten."""
        for pack in others.forgotten:
            if pack in written.forgotten:
                continue
            for key in [key for key in self._lessons if key[0] == pack]:
                self._lessons.pop(key, None)
                self._seen.pop(key, None)
                self._live.discard(key)
        for key, header in others.headers:
            mine = written.headers.get(key, {})
            kept = [None if name in mine else text for name, text in zip(HEADER, header,
                                                                          strict=True)]
            with contextlib.suppress(ValueError, TypeError):
                self._take_header(key, kept, merge=True, only=[n for n in HEADER
                                                               if n not in mine])
        for key, step, text in others.steps:
            if step in written.steps.get(key, {}):
                continue
            with contextlib.suppress(ValueError, TypeError):
                self._take_step(key, step, text, merge=True)
        for name, value in others.settings:
            if name in written.settings:
                continue
            with contextlib.suppress(ValueError, TypeError):
                self._take_setting(name, value, merge=True)

    def _forget_seen(self) -> None:
        """A new database: nothing of this window's is in it yet."""
        self._seen = {}
        self._settings_seen = {}
        self._generation = 0
        self._everything_dirty = True

