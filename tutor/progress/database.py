"""The SQLite side of the store: the errors it raises and the helpers every transaction uses."""

from __future__ import annotations

import contextlib
import sqlite3

# SQLite's primary result codes (the low byte of an extended code).
DAMAGED = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
BUSY = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED


class StoreError(Exception):
    """One calm sentence (from the catalog) in str(); raised when saving is impossible."""


class Damaged(Exception):
    """The database is not one this netsteps can read; the reason is for debugging."""


def read_generation(db: sqlite3.Connection) -> int:
    row = db.execute("SELECT value FROM meta WHERE name = 'generation'").fetchone()
    return int(row[0]) if row else 0


def rollback(db: sqlite3.Connection) -> None:
    if db.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            db.execute("ROLLBACK")


def error_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    if "not a database" in str(exc) or "malformed" in str(exc):
        return 26
    return None


def reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc) or type(exc).__name__
    return str(exc) or type(exc).__name__
