"""The learner's progress file on disk.

It is the only record of the learner's work, so a crash in the middle of a save, a second tutor
window, or a damaged file must never cost them anything, and must never show a traceback:

- every save writes a complete new file beside the old one and swaps it in with ``os.replace``,
  keeping the previous version as ``progress.toml.bak``;
- saves take a lock, re-read the file and overlay only what this window changed, so two windows
  merge their work instead of overwriting each other;
- a file that cannot be read is set aside under a new name (never overwritten, never deleted) and
  the backup, or a fresh start, takes its place.
"""

from __future__ import annotations

import contextlib
import copy
import os
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomli_w

if TYPE_CHECKING:
    from filelock import FileLock

from tutor.messages import t
from tutor.paths import ensure_private_dir
from tutor.progress.model import SCHEMA_VERSION, LessonRecord

Key = tuple[str, str]

LOCK_NAME = "progress.lock"
TEMP_PREFIX = ".progress-"
TEMP_SUFFIX = ".tmp"
_EMPTY_LESSON = LessonRecord().to_dict()


class StoreError(Exception):
    """One calm sentence (from the catalog) in str(); raised when saving is impossible."""


class _Unreadable(Exception):
    """The file is not a progress document this version can use; the reason is for debugging."""


class _NewerSchema(Exception):
    """The file was written by a newer netsteps: leave it alone rather than lose its fields."""


@dataclass
class _Document:
    """A progress document: the tables as read (unknown keys survive a merge) and its records."""

    data: dict[str, Any]
    lessons: dict[Key, LessonRecord]
    settings: dict[str, Any]
    raw: bytes | None = None


class ProgressStore:
    """The learner's progress file; survives crashes, a second open tutor and a damaged file."""

    FILE_NAME = "progress.toml"

    def __init__(self, data_dir: Path, *, lock_timeout: float = 10.0) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / self.FILE_NAME
        self.backup_path = self.data_dir / f"{self.FILE_NAME}.bak"
        self.lock_path = self.data_dir / LOCK_NAME
        self.lock_timeout = lock_timeout
        self.notices: list[str] = []
        self.settings: dict[str, Any] = {}
        self._lessons: dict[Key, LessonRecord] = {}
        # What the file said at the last load or save: a record that differs has changed here.
        self._seen: dict[Key, dict[str, Any]] = {}
        self._settings_seen: dict[str, Any] = {}
        self._marked: set[Key] = set()
        self._forgotten: set[str] = set()

    # Reading ---------------------------------------------------------------------------------

    def load(self) -> None:
        """Read the file; repair what cannot be read. Raises StoreError only for a newer schema."""
        self.notices = []
        self._lessons = {}
        self.settings.clear()
        self._seen = {}
        self._settings_seen = {}
        self._marked = set()
        self._forgotten = set()
        try:
            document = _load_document(self.path)
        except _NewerSchema:
            raise StoreError(t("store.newer_schema")) from None
        except _Unreadable:
            document, saved = self._recover()
        else:
            saved = True
        if document is not None:
            self._adopt(document, saved=saved)

    def _recover(self) -> tuple[_Document | None, bool]:
        """Set the unreadable file aside and put the backup, or a fresh start, in its place.

        Returns the document to use and whether the progress file now holds it. The backup is
        written back as the progress file at once, so quitting before the next save keeps it.
        """
        try:
            with self._lock():
                # Another window may have repaired it while we waited for the lock.
                try:
                    document = _load_document(self.path)
                except _NewerSchema:
                    raise StoreError(t("store.newer_schema")) from None
                except _Unreadable:
                    name = self._set_aside()
                else:
                    return document, True
                backup = self._read_backup()
                if backup is None or backup.raw is None:
                    self.notices.append(t("store.moved_aside", name=name))
                    return None, True
                self.notices.append(t("store.backup_used", name=name))
                try:
                    _write_atomic(self.path, backup.raw, previous=None, backup=self.backup_path)
                except OSError:
                    return backup, False  # in memory only: the next save writes all of it
                return backup, True
        except OSError:  # busy (filelock's Timeout is an OSError), or a read-only folder
            self.notices.append(t("store.left_in_place"))
            return self._read_backup(), False

    def _read_backup(self) -> _Document | None:
        try:
            return _load_document(self.backup_path)
        except (_Unreadable, _NewerSchema):
            return None

    def _set_aside(self) -> str:
        """Move the unreadable file to a name no other file has; never overwrites anything."""
        base = f"{self.FILE_NAME}.unreadable-{_stamp()}"
        counter = 1
        while True:
            name = base if counter == 1 else f"{base}-{counter}"
            target = self.data_dir / name
            counter += 1
            if os.path.lexists(target):
                continue
            try:
                _move_no_clobber(self.path, target)
            except FileExistsError:
                continue
            return name

    def _adopt(self, document: _Document, *, saved: bool) -> None:
        self._lessons = dict(document.lessons)
        self.settings.clear()
        self.settings.update(document.settings)
        if saved:
            self._seen = {key: record.to_dict() for key, record in self._lessons.items()}
            self._settings_seen = copy.deepcopy(self.settings)

    # The records -----------------------------------------------------------------------------

    def lesson(self, pack_id: str, lesson_id: str) -> LessonRecord:
        """The record to read and change; the same object until the pack is forgotten."""
        key = (pack_id, lesson_id)
        record = self._lessons.get(key)
        if record is None:
            record = self._lessons[key] = LessonRecord()
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
        """The whole document in the shape written to disk (for a data export)."""
        packs: dict[str, Any] = {}
        for (pack_id, lesson_id), record in self._lessons.items():
            if self._is_real((pack_id, lesson_id), record):
                lessons = packs.setdefault(pack_id, {"lessons": {}})["lessons"]
                lessons[lesson_id] = record.to_dict()
        return {"schema": SCHEMA_VERSION, "settings": copy.deepcopy(self.settings), "packs": packs}

    # Writing ---------------------------------------------------------------------------------

    def save(self, pack_id: str | None = None, lesson_id: str | None = None) -> None:
        """Write what changed here, merged into what is on disk now; then see the merged result.

        Any record that differs from the file is written, so ``save()`` alone never misses a
        change; naming a lesson also writes it when it is still empty.
        """
        if (pack_id is None) != (lesson_id is None):
            raise ValueError("save() takes both pack_id and lesson_id, or neither")
        if pack_id is not None and lesson_id is not None:
            self.lesson(pack_id, lesson_id)
            self._marked.add((pack_id, lesson_id))
        from filelock import Timeout  # imported at the first save: starting up needs no lock

        try:
            ensure_private_dir(self.data_dir)
            with self._lock():
                merged, changed = self._write_merged()
        except Timeout:
            raise StoreError(t("store.busy")) from None
        except OSError as exc:
            raise StoreError(t("store.cannot_write", path=self.path, reason=_reason(exc))) from None
        self._refresh(merged, changed)

    def set_setting(self, key: str, value: Any) -> None:
        """Change one setting and save it; a value TOML cannot hold is refused before anything."""
        tomli_w.dumps({key: value})  # raises TypeError now rather than at every later save
        self.settings[key] = value
        self.save()

    def forget_pack(self, pack_id: str) -> None:
        """Remove every record of the pack, here and on disk, even records another window wrote."""
        for key in [key for key in self._lessons if key[0] == pack_id]:
            del self._lessons[key]
        self._marked = {key for key in self._marked if key[0] != pack_id}
        self._forgotten.add(pack_id)
        self.save()

    def _changed_lessons(self) -> set[Key]:
        return {
            key
            for key, record in self._lessons.items()
            if key in self._marked or record.to_dict() != self._seen.get(key, _EMPTY_LESSON)
        }

    def _write_merged(self) -> tuple[_Document, set[Key]]:
        """Under the lock: read the file, overlay this window's changes, write atomically."""
        _remove_stale_temps(self.data_dir)  # only a killed writer leaves them; we hold the lock
        set_aside = False
        try:
            base = _load_document(self.path)
        except _NewerSchema:
            raise StoreError(t("store.newer_schema")) from None
        except _Unreadable:
            # Damaged since we read it: what this window knows is the best copy there is.
            base = _from_data(self.as_dict())
            set_aside = True
        if base is None:  # never written, or deleted on purpose: keep only what changed here
            base = _from_data({"schema": SCHEMA_VERSION})

        changed = self._changed_lessons()
        data = base.data
        data["schema"] = SCHEMA_VERSION
        settings = data.setdefault("settings", {})
        for name in self._settings_seen.keys() - self.settings.keys():
            settings.pop(name, None)
        for name, value in self.settings.items():
            if name not in self._settings_seen or self._settings_seen[name] != value:
                settings[name] = copy.deepcopy(value)
        packs = data.setdefault("packs", {})
        lessons = {key: r for key, r in base.lessons.items() if key[0] not in self._forgotten}
        for pack_id in self._forgotten:
            packs.pop(pack_id, None)
        for key in sorted(changed):
            pack_id, lesson_id = key
            pack = packs.setdefault(pack_id, {})
            pack.setdefault("lessons", {})[lesson_id] = self._lessons[key].to_dict()
            lessons[key] = self._lessons[key]

        payload = tomli_w.dumps(data).encode("utf-8")  # before any write: a bad value harms nothing
        if set_aside:
            self.notices.append(t("store.set_aside_on_save", name=self._set_aside()))
        _write_atomic(self.path, payload, previous=base.raw, backup=self.backup_path)
        return _Document(data, lessons, dict(settings)), changed

    def _refresh(self, merged: _Document, changed: set[Key]) -> None:
        """Show what the other window saved, keeping the record objects callers already hold."""
        for key in list(self._lessons):
            if key not in merged.lessons and key in self._seen:
                del self._lessons[key]  # the other window forgot its pack
        for key, record in merged.lessons.items():
            mine = self._lessons.get(key)
            if key in changed or mine is record:
                continue
            if mine is None:
                self._lessons[key] = record
            elif mine.to_dict() != record.to_dict():
                for field in fields(LessonRecord):
                    setattr(mine, field.name, getattr(record, field.name))
        self.settings.clear()
        self.settings.update(merged.settings)
        self._seen = {key: record.to_dict() for key, record in merged.lessons.items()}
        self._settings_seen = copy.deepcopy(self.settings)
        self._marked = set()
        self._forgotten = set()

    def _lock(self) -> FileLock:
        from filelock import FileLock

        return FileLock(str(self.lock_path), timeout=self.lock_timeout, mode=0o600)


# Reading and checking a document ---------------------------------------------------------------


def _load_document(path: Path) -> _Document | None:
    """The document at ``path``; None when there is no file. Raises _Unreadable, _NewerSchema."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _Unreadable(_reason(exc)) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as exc:  # bad UTF-8 and bad TOML are both ValueErrors
        raise _Unreadable(str(exc)) from None
    document = _from_data(data)
    document.raw = raw
    return document


def _from_data(data: dict[str, Any]) -> _Document:
    """Check the shape and build the records; odd values inside a record fall back to defaults."""
    schema = data.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise _Unreadable("no schema number")
    if schema > SCHEMA_VERSION:
        raise _NewerSchema
    settings = data.get("settings", {})
    packs = data.get("packs", {})
    if not isinstance(settings, dict) or not isinstance(packs, dict):
        raise _Unreadable("settings and packs must be tables")
    lessons: dict[Key, LessonRecord] = {}
    for pack_id, pack in packs.items():
        tables = pack.get("lessons", {}) if isinstance(pack, dict) else None
        if not isinstance(tables, dict):
            raise _Unreadable(f"pack {pack_id!r} is not a table of lessons")
        for lesson_id, table in tables.items():
            if not isinstance(table, dict):
                raise _Unreadable(f"lesson {pack_id}/{lesson_id} is not a table")
            try:
                lessons[(pack_id, lesson_id)] = LessonRecord.from_dict(table)
            except (TypeError, ValueError, AttributeError) as exc:
                raise _Unreadable(f"lesson {pack_id}/{lesson_id}: {exc}") from None
    return _Document(data, lessons, dict(settings))


# Writing safely ----------------------------------------------------------------------------------


def _write_atomic(path: Path, payload: bytes, *, previous: bytes | None, backup: Path) -> None:
    """Swap in a complete new file; the previous good version becomes the backup.

    Each file is written to a temporary name and renamed into place, so a reader, or a crash,
    sees either the old file or the new one, never a part of one.
    """
    temps: list[Path] = []
    try:
        new = _write_temp(path.parent, payload, temps)
        if previous is not None:
            _replace(_write_temp(path.parent, previous, temps), backup)
        _replace(new, path)
        temps.clear()
        _fsync_dir(path.parent)
    finally:
        for temp in temps:
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)


def _write_temp(directory: Path, payload: bytes, temps: list[Path]) -> Path:
    """A synced 0600 file in ``directory`` (same file system, so the rename is atomic)."""
    fd, name = tempfile.mkstemp(dir=directory, prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX)
    temps.append(Path(name))
    with os.fdopen(fd, "wb") as handle:
        handle.write(payload)
        handle.flush()
        _fsync(handle.fileno())
    return Path(name)


def _fsync(fd: int) -> None:
    """Push the bytes to the disk; on macOS plain fsync stops at the drive's cache."""
    if sys.platform == "darwin":
        import fcntl

        try:
            fcntl.fcntl(fd, fcntl.F_FULLFSYNC)
            return
        except OSError:
            pass
    os.fsync(fd)


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable (POSIX only; some file systems refuse, which is harmless)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _replace(source: Path, target: Path) -> None:
    """``os.replace``, retried briefly on Windows, where a reader holding the target blocks it."""
    attempts = 20 if os.name == "nt" else 1
    for attempt in range(attempts):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.05)


def _move_no_clobber(source: Path, target: Path) -> None:
    """Rename, refusing to replace an existing ``target`` (FileExistsError) on every platform."""
    if os.name == "nt":
        os.rename(source, target)  # Windows refuses an existing target by itself
        return
    try:
        os.link(source, target)  # fails if target exists, unlike POSIX rename
    except FileExistsError:
        raise
    except OSError:  # no hard links here (some USB and network file systems), or a directory
        if os.path.lexists(target):
            raise FileExistsError(target) from None
        os.rename(source, target)
        return
    os.unlink(source)


def _remove_stale_temps(directory: Path) -> None:
    for temp in directory.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            temp.unlink()


def _stamp() -> str:
    """Local time, because the learner reads it in the set-aside file's name."""
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__
