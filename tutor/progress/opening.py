"""Opening the database file: checking and migrating it, reading it where netsteps may not
write, setting a damaged one aside, and finding it again when another window replaced it."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from tutor.messages import t
from tutor.paths import check_writable_dir, ensure_private_dir
from tutor.progress.aside import aside_copies
from tutor.progress.database import BUSY, DAMAGED, Damaged, StoreError, error_code, reason, rollback
from tutor.progress.records import Records
from tutor.progress.schema import APPLICATION_ID, MIGRATIONS


class DatabaseFile(Records):
    """The database file under the records: opened, checked, repaired, made writable."""

    if TYPE_CHECKING:
        def _set_aside(self) -> str:
            """``ProgressStore`` moves the file aside (the time in its name is looked up there)."""

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
        """Connect, check, migrate if needed, and read everything. Raises Damaged."""
        try:
            self._read_from(self._connect(self.path))
        except sqlite3.Error as exc:
            self._close()
            if error_code(exc) in DAMAGED or not isinstance(exc, sqlite3.OperationalError):
                raise Damaged(str(exc)) from None
            try:  # a folder netsteps may not write in: read what is there, save nothing
                self._read_from(self._connect_read_only())
            except sqlite3.Error as again:
                self._close()
                if error_code(again) in DAMAGED:
                    raise Damaged(str(again)) from None
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
        """Whether the database is still empty. StoreError if newer, Damaged if not ours."""
        version = db.execute("PRAGMA user_version").fetchone()[0]
        application = db.execute("PRAGMA application_id").fetchone()[0]
        tables = db.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
        if version == 0 and tables == 0 and application in (0, APPLICATION_ID):
            return True
        if application != APPLICATION_ID or version == 0:
            raise Damaged("not a netsteps database")
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
            rollback(db)
            raise

    # Damage ----------------------------------------------------------------------------------

    def _set_aside_at_load(self) -> None:
        try:
            name = self._set_aside()
        except OSError:  # a read-only folder: leave it; every save tries again
            self._damaged_in_place = True
            self.notices.append(t("store.left_in_place"))
            return
        self.notices.append(t("store.moved_aside", name=name))

    def _aside_copies(self) -> list[Path]:
        return aside_copies(self.data_dir, self.FILE_NAME)

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
        except Damaged:  # another window left something else at this path just now
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

    def _save_error(self, exc: BaseException) -> StoreError:
        if isinstance(exc, StoreError):
            return exc
        if isinstance(exc, sqlite3.Error) and error_code(exc) in BUSY:
            return StoreError(t("store.busy"))
        if isinstance(exc, PermissionError):
            return StoreError(t("store.read_only", path=self.data_dir))
        return StoreError(t("store.cannot_write", path=self.path, reason=reason(exc)))

    def _close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None

    def __del__(self) -> None:
        self._close()
