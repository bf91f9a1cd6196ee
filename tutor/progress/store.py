"""The learner's progress in one SQLite database (``progress.db``).

It is the only record of the learner's work, so a crash, a full disk, a second tutor window or
a damaged file must never cost them anything committed, and must never show a traceback:

- each save is one short transaction (WAL, synchronous=FULL) that writes only the rows this
  window changed since its last save: a row per lesson (each field on its own) and per step,
  so two windows on different steps of one lesson never lose each other's work, and a save
  costs the same at any course size;
- every row carries the generation of the save that wrote it, so after a save a window reads
  just what the others wrote meanwhile, and updates the records its caller holds in place;
- a database that cannot be read is set aside under a new name (never overwritten, never
  deleted) and a fresh one is started; one written by a newer netsteps is left untouched;
- a 0.1 ``progress.toml`` is imported once and kept as it was.
"""

from __future__ import annotations

import copy
import sqlite3
from typing import Any

from tutor.messages import t
from tutor.progress import legacy
from tutor.progress.aside import ASIDE_INFIX, SIDE_FILES, set_aside
from tutor.progress.aside import stamp as _stamp  # looked up here, where tests set it
from tutor.progress.codec import encode
from tutor.progress.database import DAMAGED, Damaged, StoreError, error_code
from tutor.progress.model import SCHEMA_VERSION, LessonRecord
from tutor.progress.rows import (
    EMPTY_HEADER_TEXTS,
    EMPTY_LESSON,
    HEADER,
    Changes,
    Key,
    Others,
    Snapshot,
    setting_text,
    write,
)
from tutor.progress.schedules import PLAN_FIELDS, Schedules

__all__ = ["ASIDE_INFIX", "HEADER", "PLAN_FIELDS", "SIDE_FILES", "Key", "ProgressStore",
           "StoreError"]


class ProgressStore(Schedules):
    """The learner's progress; survives crashes, other open tutors and a damaged database."""

    # Reading ---------------------------------------------------------------------------------

    def load(self) -> None:
        """Read the database (or import a 0.1 file). StoreError when netsteps must not go on."""
        self._close()
        self.notices = []
        self._lessons = {}
        self.settings.clear()
        self._seen = {}
        self._settings_seen = {}
        self._live = set()
        self._marked = set()
        self._forgotten = set()
        self._everything_dirty = False
        self._generation = 0
        self._identity = None
        self._damaged_in_place = False
        self._read_only = False
        self._erased = False
        info = self._stat_database()
        self._folder_existed = self.data_dir.is_dir()
        if info is not None:
            try:
                self._open_existing()
            except Damaged:
                self._close()
                self._set_aside_at_load()
            if self._db is not None and self._generation > 0:
                return
        if not self._aside_copies():
            self._import_legacy()

    def _import_legacy(self) -> None:
        """Move a 0.1 ``progress.toml`` (or its backup) into the database, once."""
        try:
            document = legacy.read(self.legacy_path)
        except legacy.Unreadable:  # 0.1 kept the version before as a backup
            try:
                document = legacy.read(self.data_dir / legacy.BACKUP_NAME)
            except legacy.Unreadable:
                document = None
            if document is None:
                self.notices.append(t("store.legacy_unreadable", name=legacy.FILE_NAME))
                return
        if document is None:
            return
        self._lessons = dict(document.lessons)
        self.settings.update(document.settings)
        self._everything_dirty = True
        try:
            self.save()
        except StoreError as error:  # read-only, full: kept in memory; the next save retries
            self.notices.append(str(error))
            return
        self.notices.append(t("store.imported", name=legacy.FILE_NAME))

    def _set_aside(self) -> str:
        """Move the database and its WAL to a name no file has; never overwrites anything."""
        return set_aside(self.data_dir, self.FILE_NAME, _stamp())

    # The records -----------------------------------------------------------------------------

    def lesson(self, pack_id: str, lesson_id: str) -> LessonRecord:
        """The record to read and change; the same object until the pack is forgotten."""
        key = (pack_id, lesson_id)
        record = self._lessons.get(key)
        if record is None:
            record = self._lessons[key] = LessonRecord()
        self._live.add(key)
        return record

    def find(self, pack_id: str, lesson_id: str) -> LessonRecord | None:
        return self._lessons.get((pack_id, lesson_id))

    def lessons_of(self, pack_id: str) -> dict[str, LessonRecord]:
        return {
            lesson_id: record
            for (pack, lesson_id), record in self._lessons.items()
            if pack == pack_id and self._is_real((pack, lesson_id), record)
        }

    def packs(self) -> list[str]:
        return sorted({key[0] for key, rec in self._lessons.items() if self._is_real(key, rec)})

    def _is_real(self, key: Key, record: LessonRecord) -> bool:
        """False for an untouched record that lesson() made only to be looked at."""
        return key in self._seen or key in self._marked or record.to_dict() != EMPTY_LESSON

    def as_dict(self) -> dict[str, Any]:
        """The whole record in the TOML shape of 0.1 (for a data export)."""
        packs: dict[str, Any] = {}
        for (pack_id, lesson_id), record in sorted(self._lessons.items()):
            if self._is_real((pack_id, lesson_id), record):
                lessons = packs.setdefault(pack_id, {"lessons": {}})["lessons"]
                lessons[lesson_id] = record.to_dict()
        whole: dict[str, Any] = {"schema": SCHEMA_VERSION,
                                 "settings": copy.deepcopy(self.settings), "packs": packs}
        marks = {action: {name: value for name, value in row.items() if value}
                 for action, row in sorted(self.plan_marks().items())}
        if marks:
            whole["plan"] = marks
        schedule = [{"pack": p, "lesson": lesson, "step": k, "due": due}
                    for p, lesson, k, due, _ in sorted(self.review_rows())]
        history = [{"pack": p, "lesson": lesson, "step": k, "at": at, "where": where,
                    "right": right}
                   for p, lesson, k, at, where, right in self.review_history()]
        if schedule or history:
            whole["review"] = {"schedule": schedule, "history": history}
        return whole

    # Writing ---------------------------------------------------------------------------------

    def save(self, pack_id: str | None = None, lesson_id: str | None = None) -> None:
        """Write what changed in this window since its last save, then see what others wrote.

        ``save()`` looks at every record; naming a lesson looks at it (writing it even when
        still empty) and at the records handed out by ``lesson()``, so its cost does not grow
        with the course.
        """
        if (pack_id is None) != (lesson_id is None):
            raise ValueError("save() takes both pack_id and lesson_id, or neither")
        named = None
        if pack_id is not None and lesson_id is not None:
            named = (pack_id, lesson_id)
            self.lesson(pack_id, lesson_id)
            self._marked.add(named)
        everything = named is None or self._everything_dirty
        changes = self._changes(everything)  # TypeError here, before anything is written
        if (self._db is None and changes.empty() and not self._damaged_in_place
                and not self.path.exists()):
            return  # nothing to keep: no folder or file is made for it
        db = self._writable()
        if db is None:  # replaced by another window's repair: write all this window knows
            changes = self._changes(True)
            db = self._writable()
            assert db is not None
        try:
            others = write(db, changes, self._generation)
        except sqlite3.Error as exc:
            if error_code(exc) not in DAMAGED:
                raise self._save_error(exc) from None
            self._close()
            try:
                name = self._set_aside()
            except OSError as move:
                raise self._save_error(move) from None
            self.notices.append(t("store.set_aside_on_save", name=name))
            self._forget_seen()
            changes = self._changes(True)
            db = self._writable()
            assert db is not None
            try:
                others = write(db, changes, self._generation)
            except sqlite3.Error as again:
                raise self._save_error(again) from None
        self._after_write(changes, others)

    def set_setting(self, key: str, value: Any) -> None:
        """Change one setting and save it; a value that cannot be stored is refused first."""
        encode(value)  # raises TypeError now rather than at every later save
        self.settings[key] = value
        self.save()

    def forget_pack(self, pack_id: str) -> None:
        """Remove every record of the pack, here and on disk, even records another window wrote."""
        for key in [key for key in self._lessons if key[0] == pack_id]:
            del self._lessons[key]
            self._seen.pop(key, None)
        self._marked = {key for key in self._marked if key[0] != pack_id}
        self._live = {key for key in self._live if key[0] != pack_id}
        self._forgotten.add(pack_id)
        self.save()

    def close(self) -> None:
        """Let go of the database (also done when the store is collected)."""
        self._close()

    def _changes(self, everything: bool) -> Changes:
        keys = self._lessons.keys() if everything else self._live | self._marked
        changes = Changes()
        for key in keys:
            record = self._lessons.get(key)
            if record is None:
                continue
            snapshot = self._seen.get(key)
            data = record.to_dict()
            steps = data.pop("steps")
            header = {name: (encode(data[name]) if name in data else None) for name in HEADER}
            # A lesson this window has not seen in the database is compared with an empty one,
            # so the fields it left alone never overwrite what another window wrote there.
            seen_header = snapshot.header if snapshot else EMPTY_HEADER_TEXTS
            seen_steps = snapshot.steps if snapshot else {}
            changed = {name: text for name, text in header.items()
                       if text != seen_header.get(name)}
            texts = {step: encode(table) for step, table in steps.items()}
            for step in seen_steps.keys() - texts.keys():
                texts[step] = "{}"  # emptied here: written empty, so other windows see it
            texts = {step: text for step, text in texts.items()
                     if text != seen_steps.get(step, "{}")}
            if snapshot is None:
                if key not in self._marked and not changed and not texts:
                    continue  # only looked at
                changes.new_lessons[key] = header
            if changed or key in self._marked or snapshot is None:
                changes.headers[key] = changed
            if texts:
                changes.steps[key] = texts
        names = self.settings.keys() | self._settings_seen.keys()
        for name in names:
            text = setting_text(self.settings, name)
            if text != self._settings_seen.get(name):
                changes.settings[name] = text
        changes.forgotten = set(self._forgotten)
        return changes

    def _after_write(self, changes: Changes, others: Others) -> None:
        """Take note of what is now on disk, and show what the other windows wrote."""
        for key, header in changes.headers.items():
            snapshot = self._seen.setdefault(key, Snapshot())
            if key in changes.new_lessons:
                snapshot.header = dict(changes.new_lessons[key])
            snapshot.header.update(header)
        for key, steps in changes.steps.items():
            self._seen.setdefault(key, Snapshot()).steps.update(steps)
        for name, text in changes.settings.items():
            if text is None:
                self._settings_seen.pop(name, None)
            else:
                self._settings_seen[name] = text
        self._marked = set()
        self._forgotten -= changes.forgotten
        self._everything_dirty = False
        self._apply(others, changes)
        self._generation = others.generation
