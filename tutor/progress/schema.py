"""The progress database's tables, one migration per schema version.

``PRAGMA user_version`` holds how many of ``MIGRATIONS`` have run. A netsteps that finds a
larger number leaves the database alone (it would not know what the newer tables mean). To
change the schema, append a migration; never edit one that has shipped.
"""

from __future__ import annotations

# "nets" in ASCII: tells a netsteps database from any other SQLite file at that path.
APPLICATION_ID = 0x6E657473

MIGRATIONS: list[tuple[str, ...]] = [
    # 1 (netsteps 0.2): progress, a row per lesson and per step, and settings. ``gen`` is the
    # generation (meta 'generation') of the save that last wrote a row, so a window can read
    # just what other windows wrote since it last looked.
    (
        "CREATE TABLE meta (name TEXT PRIMARY KEY, value) WITHOUT ROWID",
        "INSERT INTO meta (name, value) VALUES ('generation', 0)",
        "CREATE TABLE lessons ("
        " pack TEXT NOT NULL, lesson TEXT NOT NULL,"
        " status TEXT, step TEXT, started TEXT, updated TEXT, completed TEXT,"
        " gen INTEGER NOT NULL, PRIMARY KEY (pack, lesson)) WITHOUT ROWID",
        "CREATE TABLE steps ("
        " pack TEXT NOT NULL, lesson TEXT NOT NULL, key TEXT NOT NULL, record TEXT NOT NULL,"
        " gen INTEGER NOT NULL, PRIMARY KEY (pack, lesson, key)) WITHOUT ROWID",
        "CREATE TABLE settings ("
        " name TEXT PRIMARY KEY, value TEXT, gen INTEGER NOT NULL) WITHOUT ROWID",
        "CREATE TABLE forgotten (pack TEXT PRIMARY KEY, gen INTEGER NOT NULL) WITHOUT ROWID",
        "CREATE INDEX lessons_gen ON lessons (gen)",
        "CREATE INDEX steps_gen ON steps (gen)",
        "CREATE INDEX settings_gen ON settings (gen)",
    ),
    # 2: spaced review of questions missed on the first try (tutor.review). A schedule row per
    # question: when it is due next (ISO UTC) and the scheduler's own state (JSON); and a
    # history row per answer, with its time, where it was given (lesson, review, again) and
    # whether it was right. Written in short transactions of their own and read fresh, never
    # cached, so two windows never lose each other's reviews.
    (
        "CREATE TABLE review_schedule ("
        " pack TEXT NOT NULL, lesson TEXT NOT NULL, key TEXT NOT NULL,"
        " due TEXT NOT NULL, state TEXT NOT NULL,"
        " PRIMARY KEY (pack, lesson, key)) WITHOUT ROWID",
        "CREATE INDEX review_schedule_due ON review_schedule (due)",
        "CREATE TABLE review_history ("
        " id INTEGER PRIMARY KEY, pack TEXT NOT NULL, lesson TEXT NOT NULL, key TEXT NOT NULL,"
        " at TEXT NOT NULL, source TEXT NOT NULL, correct INTEGER NOT NULL)",
        "CREATE INDEX review_history_question ON review_history (pack, lesson, key)",
    ),
    # 3: the plan's follow-up, a row per action (keyed by its words, casefolded, so the same
    # action chosen in two lessons is one): the day it was done, a new date the learner chose,
    # the day it was dropped from the plan (its lesson keeps it), the learner's own cue, and
    # the day netsteps last asked about it. Dates are ISO text. Read fresh, never cached.
    (
        "CREATE TABLE plan_actions ("
        " action TEXT PRIMARY KEY, done TEXT, due TEXT, dropped TEXT, cue TEXT, asked TEXT)"
        " WITHOUT ROWID",
    ),
]

SCHEMA_VERSION = len(MIGRATIONS)
