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

import contextlib
import copy
import dataclasses
import os
import sqlite3
import stat
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from tutor.messages import t
from tutor.paths import check_writable_dir, ensure_private_dir
from tutor.progress import legacy
from tutor.progress.codec import decode, encode
from tutor.progress.model import SCHEMA_VERSION, LessonRecord, step_from_dict
from tutor.progress.schema import APPLICATION_ID, MIGRATIONS

Key = tuple[str, str]
HEADER = ("status", "step", "started", "updated", "completed")
PLAN_FIELDS = ("done", "due", "dropped", "cue", "asked")
SIDE_FILES = ("-wal", "-shm", "-journal")
ASIDE_INFIX = ".unreadable-"
_EMPTY_LESSON = LessonRecord().to_dict()

# SQLite's primary result codes (the low byte of an extended code).
_DAMAGED = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
_BUSY = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED


class StoreError(Exception):
    """One calm sentence (from the catalog) in str(); raised when saving is impossible."""


class _Damaged(Exception):
    """The database is not one this netsteps can read; the reason is for debugging."""


class _Snapshot:
    """What the database held for one lesson when this window last read or wrote it."""

    __slots__ = ("header", "steps")

    def __init__(self) -> None:
        self.header: dict[str, str | None] = {}
        self.steps: dict[str, str] = {}


class ProgressStore:
    """The learner's progress; survives crashes, other open tutors and a damaged database."""

    FILE_NAME = "progress.db"

    def __init__(self, data_dir: Path, *, lock_timeout: float = 10.0) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / self.FILE_NAME
        self.legacy_path = self.data_dir / legacy.FILE_NAME
        self.lock_timeout = lock_timeout
        self.notices: list[str] = []
        self.settings: dict[str, Any] = {}
        self._lessons: dict[Key, LessonRecord] = {}
        self._seen: dict[Key, _Snapshot] = {}
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
            except _Damaged:
                self._close()
                self._set_aside_at_load()
            if self._db is not None and self._generation > 0:
                return
        if not self._aside_copies():
            self._import_legacy()

    def _stat_database(self) -> os.stat_result | None:
        """The database's stat, or None; StoreError for what netsteps must not open."""
        try:
            info = os.stat(self.path)
        except (FileNotFoundError, NotADirectoryError):  # nothing yet; saving will say why
            return None
        except OSError:
            raise StoreError(t("store.folder_unreadable", path=self.data_dir)) from None
        if not stat.S_ISREG(info.st_mode):
            raise StoreError(t("store.not_a_file", path=self.path))
        return info

    def _open_existing(self) -> None:
        """Connect, check, migrate if needed, and read everything. Raises _Damaged."""
        try:
            self._read_from(self._connect(self.path))
        except sqlite3.Error as exc:
            self._close()
            if _code(exc) in _DAMAGED or not isinstance(exc, sqlite3.OperationalError):
                raise _Damaged(str(exc)) from None
            try:  # a folder netsteps may not write in: read what is there, save nothing
                self._read_from(self._connect_read_only())
            except sqlite3.Error as again:
                self._close()
                if _code(again) in _DAMAGED:
                    raise _Damaged(str(again)) from None
                raise StoreError(t("store.folder_unreadable", path=self.data_dir)) from None

    def _read_from(self, db: sqlite3.Connection) -> None:
        self._db = db
        info = os.stat(self.path)
        self._identity = (info.st_dev, info.st_ino)
        if self._check(db):  # an empty file (a first start cut short): the first save sets it up
            self._close()
            self._identity = None
            return
        self._read_all(db)

    def _connect(self, path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(str(path), timeout=self.lock_timeout, isolation_level=None,
                             check_same_thread=False)
        db.execute("PRAGMA synchronous = FULL")  # a commit is on disk once save() returns
        return db

    def _connect_read_only(self) -> sqlite3.Connection:
        """The database in a folder netsteps may not write to: read it, and say saving is off."""
        uri = self.path.absolute().as_uri() + "?mode=ro&immutable=1"
        db = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        self._read_only = True
        self.notices.append(t("store.read_only", path=self.data_dir))
        return db

    def _check(self, db: sqlite3.Connection) -> bool:
        """Whether the database is still empty. StoreError if newer, _Damaged if not ours."""
        version = db.execute("PRAGMA user_version").fetchone()[0]
        application = db.execute("PRAGMA application_id").fetchone()[0]
        tables = db.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
        if version == 0 and tables == 0 and application in (0, APPLICATION_ID):
            return True
        if application != APPLICATION_ID or version == 0:
            raise _Damaged("not a netsteps database")
        if version > len(MIGRATIONS):
            self._close()
            raise StoreError(t("store.newer_schema"))
        if version < len(MIGRATIONS) and not self._read_only:
            self._migrate(db, version)
        return False

    def _migrate(self, db: sqlite3.Connection, version: int) -> None:
        """Bring the schema up to date, all of it in one transaction (WAL set outside it)."""
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("BEGIN IMMEDIATE")
        try:
            # Another window may have set it up while this one waited for the write lock.
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version == 0:
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            for number in range(version, len(MIGRATIONS)):
                for statement in MIGRATIONS[number]:
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")
            db.execute("COMMIT")
        except BaseException:
            _rollback(db)
            raise

    def _read_all(self, db: sqlite3.Connection) -> None:
        """Every record, read in one transaction so they belong together."""
        skipped = 0
        db.execute("BEGIN")
        try:
            self._generation = _generation(db)
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
            _rollback(db)
        if skipped:
            self.notices.append(t("store.rows_skipped", count=skipped))

    def _take_header(self, key: Key, header: list[str | None], *, merge: bool = False,
                     only: list[str] | None = None) -> None:
        values = {name: decode(text) for name, text in zip(HEADER, header, strict=True)
                  if text is not None}
        fresh = LessonRecord.from_dict(values)
        snapshot = self._seen.setdefault(key, _Snapshot())
        record = self._lessons.get(key)
        if record is None:
            record = self._lessons[key] = fresh
            snapshot.header = _header_texts(record)
            return
        mine = _header_texts(record) if merge else {}
        theirs = _header_texts(fresh)
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
            self._seen.setdefault(key, _Snapshot())
        snapshot = self._seen.setdefault(key, _Snapshot())
        current = record.steps.get(step_key)
        if merge and _step_text(current) != snapshot.steps.get(step_key, "{}"):
            return  # changed here and not saved yet
        fresh = step_from_dict(table)
        if dataclasses.is_dataclass(current) and type(current) is type(fresh):
            for item in dataclasses.fields(fresh):  # in place: a session may hold the step
                setattr(current, item.name, getattr(fresh, item.name))
        elif table or current is not None:
            record.steps[step_key] = fresh
        snapshot.steps[step_key] = _step_text(fresh)

    def _take_setting(self, name: str, text: str | None, *, merge: bool = False) -> None:
        if merge and _setting_text(self.settings, name) != self._settings_seen.get(name):
            return
        if text is None:
            self.settings.pop(name, None)
            self._settings_seen.pop(name, None)
            return
        self.settings[name] = decode(text)
        self._settings_seen[name] = text

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

    # Damage ----------------------------------------------------------------------------------

    def _set_aside_at_load(self) -> None:
        try:
            name = self._set_aside()
        except OSError:  # a read-only folder: leave it; every save tries again
            self._damaged_in_place = True
            self.notices.append(t("store.left_in_place"))
            return
        self.notices.append(t("store.moved_aside", name=name))

    def _set_aside(self) -> str:
        """Move the database and its WAL to a name no file has; never overwrites anything."""
        base = f"{self.FILE_NAME}{ASIDE_INFIX}{_stamp()}"
        counter = 1
        while True:
            name = base if counter == 1 else f"{base}-{counter}"
            counter += 1
            target = self.data_dir / name
            if any(os.path.lexists(f"{target}{suffix}") for suffix in ("", *SIDE_FILES)):
                continue
            try:
                _move_no_clobber(self.path, target)
            except FileExistsError:
                continue
            for suffix in SIDE_FILES:  # the WAL may hold committed work: it goes along
                with contextlib.suppress(OSError):
                    _move_no_clobber(Path(f"{self.path}{suffix}"), Path(f"{target}{suffix}"))
            return name

    def _aside_copies(self) -> list[Path]:
        try:
            return sorted(self.data_dir.glob(f"{self.FILE_NAME}{ASIDE_INFIX}*"))
        except OSError:
            return []

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
        return key in self._seen or key in self._marked or record.to_dict() != _EMPTY_LESSON

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
            others = self._write(db, changes)
        except sqlite3.Error as exc:
            if _code(exc) not in _DAMAGED:
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
                others = self._write(db, changes)
            except sqlite3.Error as again:
                raise self._save_error(again) from None
        self._after_write(changes, others)

    def set_setting(self, key: str, value: Any) -> None:
        """Change one setting and save it; a value that cannot be stored is refused first."""
        encode(value)  # raises TypeError now rather than at every later save
        self.settings[key] = value
        self.save()

    # The plan's follow-up: a row per action, written and read at once ------------------------

    def plan_marks(self) -> dict[str, dict[str, str | None]]:
        """Each plan action's follow-up by its key (see ``schema``), read fresh: another window
        may have marked an action done a moment ago. Empty when there is nothing yet."""
        if self._db is None:
            return {}
        try:
            rows = self._db.execute(
                "SELECT action, done, due, dropped, cue, asked FROM plan_actions").fetchall()
        except sqlite3.Error:  # an older database opened read-only: no follow-up yet
            return {}
        return {str(row[0]): dict(zip(PLAN_FIELDS, row[1:], strict=True)) for row in rows}

    def mark_plan(self, action: str, values: dict[str, str | None]) -> None:
        """Change one action's follow-up in one short transaction; StoreError if impossible."""
        unknown = set(values) - set(PLAN_FIELDS)
        if unknown:
            raise ValueError(f"no such plan field: {sorted(unknown)}")
        db = self._writable() or self._writable()
        assert db is not None
        try:
            db.execute("BEGIN IMMEDIATE")
            db.execute("INSERT OR IGNORE INTO plan_actions (action) VALUES (?)", (action,))
            for name, value in values.items():  # names checked above, never the learner's
                db.execute(f"UPDATE plan_actions SET {name} = ? WHERE action = ?",
                           (value, action))
            db.execute("COMMIT")
        except sqlite3.Error as exc:
            _rollback(db)
            raise self._save_error(exc) from None

    def forget_pack(self, pack_id: str) -> None:
        """Remove every record of the pack, here and on disk, even records another window wrote."""
        for key in [key for key in self._lessons if key[0] == pack_id]:
            del self._lessons[key]
            self._seen.pop(key, None)
        self._marked = {key for key in self._marked if key[0] != pack_id}
        self._live = {key for key in self._live if key[0] != pack_id}
        self._forgotten.add(pack_id)
        self.save()

    # Review of questions missed on the first try (``tutor.review`` says what the rows mean) -

    def review_rows(self) -> list[tuple[str, str, str, str, str]]:
        """(pack, lesson, key, due, state) of every question in review, read fresh: another
        window may have answered one a moment ago. Empty when there is nothing yet."""
        if self._db is None and not self._read_only and self.path.exists():
            with contextlib.suppress(StoreError):  # another window made the database since
                self._writable()
        if self._db is None:
            return []
        try:
            return [tuple(map(str, row)) for row in self._db.execute(  # type: ignore[misc]
                "SELECT pack, lesson, key, due, state FROM review_schedule")]
        except sqlite3.Error:  # an older database opened read-only: no review yet
            return []

    def review(self, pack: str, lesson: str, key: str,
               change: Callable[[str | None], tuple[str, str] | None],
               answer: tuple[str, str, bool] | None = None) -> None:
        """Change one question's review in one short transaction: ``change`` gets the state
        stored now (None if none) and gives (due, state), or None to leave it as it is;
        ``answer`` (when, where, right) adds a row to its history. Reading and writing in the
        one transaction is what keeps two windows' reviews. StoreError if impossible."""
        db = self._writable() or self._writable()
        assert db is not None
        try:
            db.execute("BEGIN IMMEDIATE")
            row = db.execute("SELECT state FROM review_schedule WHERE pack = ? AND lesson = ?"
                             " AND key = ?", (pack, lesson, key)).fetchone()
            changed = change(None if row is None else str(row[0]))
            if changed is not None:
                db.execute("INSERT OR REPLACE INTO review_schedule (pack, lesson, key, due,"
                           " state) VALUES (?, ?, ?, ?, ?)", (pack, lesson, key, *changed))
            if answer is not None:
                db.execute("INSERT INTO review_history (pack, lesson, key, at, source, correct)"
                           " VALUES (?, ?, ?, ?, ?, ?)", (pack, lesson, key, *answer))
            db.execute("COMMIT")
        except BaseException as exc:
            _rollback(db)
            if isinstance(exc, sqlite3.Error):
                raise self._save_error(exc) from None
            raise

    def review_history(self) -> list[tuple[str, str, str, str, str, bool]]:
        """(pack, lesson, key, at, where, right) of every answer kept for review, oldest first."""
        if self._db is None:
            return []
        try:
            return [(str(p), str(lesson), str(k), str(at), str(where), bool(right))
                    for p, lesson, k, at, where, right in self._db.execute(
                        "SELECT pack, lesson, key, at, source, correct FROM review_history"
                        " ORDER BY id")]
        except sqlite3.Error:
            return []

    def close(self) -> None:
        """Let go of the database (also done when the store is collected)."""
        self._close()

    def _changes(self, everything: bool) -> _Changes:
        keys = self._lessons.keys() if everything else self._live | self._marked
        changes = _Changes()
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
            seen_header = snapshot.header if snapshot else _EMPTY_HEADER_TEXTS
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
            text = _setting_text(self.settings, name)
            if text != self._settings_seen.get(name):
                changes.settings[name] = text
        changes.forgotten = set(self._forgotten)
        return changes

    def _writable(self) -> sqlite3.Connection | None:
        """The open database, ready for a write; None if another window replaced it."""
        if self._erased:  # `data delete` ran while this window was open: write nothing back
            raise StoreError(t("store.erased"))
        if self._read_only:
            raise StoreError(t("store.read_only", path=self.data_dir))
        if self._damaged_in_place:
            try:
                name = self._set_aside()
            except OSError:
                raise StoreError(t("store.left_in_place")) from None
            self._damaged_in_place = False
            self.notices.append(t("store.moved_aside", name=name))
        if self._db is not None:
            try:
                check_writable_dir(self.data_dir)
                info = os.stat(self.path)
            except FileNotFoundError:
                info = None
            except OSError as exc:
                raise self._save_error(exc) from None
            if info is not None and (info.st_dev, info.st_ino) == self._identity:
                return self._db
            mine = self._identity
            self._close()
            if info is None and not self._was_set_aside(mine):
                self._erased = True
                raise StoreError(t("store.erased"))
            self._forget_seen()
            self._open_for_writing()
            return None
        if self._folder_existed and not self.data_dir.is_dir():
            self._erased = True
            raise StoreError(t("store.erased"))
        self._open_for_writing()
        return self._db

    def _open_for_writing(self) -> None:
        """Open the database, creating it (0600) and its folder (0700) if they are missing."""
        try:
            ensure_private_dir(self.data_dir)
            with contextlib.suppress(FileExistsError):
                os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            if self._stat_database() is None:
                raise FileNotFoundError(2, "No such file or directory", str(self.path))
            db = self._connect(self.path)
        except OSError as exc:
            raise self._save_error(exc) from None
        except sqlite3.Error as exc:
            raise self._save_error(exc) from None
        self._db = db
        info = os.stat(self.path)
        self._identity = (info.st_dev, info.st_ino)
        self._folder_existed = True
        try:
            if self._check(db):
                self._migrate(db, 0)
        except _Damaged:  # another window left something else at this path just now
            self._close()
            raise StoreError(t("store.cannot_write", path=self.path,
                               reason="not a netsteps database")) from None
        except sqlite3.Error as exc:
            self._close()
            raise self._save_error(exc) from None

    def _was_set_aside(self, identity: tuple[int, int] | None) -> bool:
        """Whether the database this window had open was set aside by another window."""
        for path in self._aside_copies():
            with contextlib.suppress(OSError):
                info = os.stat(path)
                if (info.st_dev, info.st_ino) == identity:
                    return True
        return False

    def _write(self, db: sqlite3.Connection, changes: _Changes) -> _Others:
        """One transaction: read what others wrote since we last looked, then write ours."""
        db.execute("BEGIN" if changes.empty() else "BEGIN IMMEDIATE")  # reading needs no lock
        try:
            current = _generation(db)
            others = _Others.read(db, self._generation) if current > self._generation else _Others()
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
            _rollback(db)
            raise
        others.generation = generation
        return others

    def _after_write(self, changes: _Changes, others: _Others) -> None:
        """Take note of what is now on disk, and show what the other windows wrote."""
        for key, header in changes.headers.items():
            snapshot = self._seen.setdefault(key, _Snapshot())
            if key in changes.new_lessons:
                snapshot.header = dict(changes.new_lessons[key])
            snapshot.header.update(header)
        for key, steps in changes.steps.items():
            self._seen.setdefault(key, _Snapshot()).steps.update(steps)
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

    def _apply(self, others: _Others, written: _Changes) -> None:
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

    def _save_error(self, exc: BaseException) -> StoreError:
        if isinstance(exc, StoreError):
            return exc
        if isinstance(exc, sqlite3.Error) and _code(exc) in _BUSY:
            return StoreError(t("store.busy"))
        if isinstance(exc, PermissionError):
            return StoreError(t("store.read_only", path=self.data_dir))
        return StoreError(t("store.cannot_write", path=self.path, reason=_reason(exc)))

    def _close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None

    def __del__(self) -> None:
        self._close()


_EMPTY_HEADER_TEXTS = {name: (encode(_EMPTY_LESSON[name]) if name in _EMPTY_LESSON else None)
                       for name in HEADER}


class _Changes:
    """What one save writes: changed header fields and step texts, settings, forgotten packs."""

    def __init__(self) -> None:
        self.new_lessons: dict[Key, dict[str, str | None]] = {}  # the whole header
        self.headers: dict[Key, dict[str, str | None]] = {}
        self.steps: dict[Key, dict[str, str]] = {}
        self.settings: dict[str, str | None] = {}
        self.forgotten: set[str] = set()

    def empty(self) -> bool:
        return not (self.headers or self.steps or self.settings or self.forgotten)


class _Others:
    """Rows other windows wrote since this window last looked."""

    def __init__(self) -> None:
        self.generation = 0
        self.forgotten: list[str] = []
        self.headers: list[tuple[Key, list[str | None]]] = []
        self.steps: list[tuple[Key, str, str]] = []
        self.settings: list[tuple[str, str | None]] = []

    @classmethod
    def read(cls, db: sqlite3.Connection, since: int) -> _Others:
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


# Helpers ---------------------------------------------------------------------------------------


def _header_texts(record: LessonRecord) -> dict[str, str | None]:
    data = record.to_dict()
    return {name: (encode(data[name]) if name in data else None) for name in HEADER}


def _step_text(step: Any) -> str:
    return "{}" if step is None else encode(step.to_dict())


def _setting_text(settings: dict[str, Any], name: str) -> str | None:
    return encode(settings[name]) if name in settings else None


def _generation(db: sqlite3.Connection) -> int:
    row = db.execute("SELECT value FROM meta WHERE name = 'generation'").fetchone()
    return int(row[0]) if row else 0


def _rollback(db: sqlite3.Connection) -> None:
    if db.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            db.execute("ROLLBACK")


def _code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    if "not a database" in str(exc) or "malformed" in str(exc):
        return 26
    return None


def _move_no_clobber(source: Path, target: Path) -> None:
    """Rename, refusing to replace an existing ``target`` (FileExistsError) on every platform."""
    if os.name == "nt":
        os.rename(source, target)  # Windows refuses an existing target by itself
        return
    try:
        os.link(source, target)  # fails if target exists, unlike POSIX rename
    except FileExistsError:
        raise
    except FileNotFoundError:
        raise
    except OSError:  # no hard links here (some USB and network file systems)
        if os.path.lexists(target):
            raise FileExistsError(target) from None
        os.rename(source, target)
        return
    os.unlink(source)


def _stamp() -> str:
    """Local time, because the learner reads it in the set-aside file's name."""
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc) or type(exc).__name__
    return str(exc) or type(exc).__name__
