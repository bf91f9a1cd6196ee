"""The tables beside the records, each read fresh and changed in one short transaction of its
own: the plan's follow-up (a row per action) and the review of missed questions."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable

from tutor.progress.database import StoreError, rollback
from tutor.progress.opening import DatabaseFile

PLAN_FIELDS = ("done", "due", "dropped", "cue", "asked")


class Schedules(DatabaseFile):
    """The plan's follow-up and the review schedule, beside the records."""

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
            rollback(db)
            raise self._save_error(exc) from None

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
            rollback(db)
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

