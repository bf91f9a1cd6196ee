"""Where a learner stands across all their lessons, and the one obvious thing to do next.

Shared by the home screen and the plain mode, so both offer the same next step.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from tutor.packs.model import Lesson, Pack
from tutor.progress.model import LessonRecord, Records


@dataclass(frozen=True)
class NextUp:
    kind: str  # "continue", "first", "next" or "plan"
    pack: Pack | None = None
    lesson: Lesson | None = None


def status(records: Records, pack: Pack, lesson: Lesson) -> str:
    record = records.find(pack.id, lesson.id)
    return "new" if record is None else record.status


def next_up(packs: Iterable[Pack], records: Records) -> NextUp:
    """The lesson most recently worked on; else the first one not done; else the plan."""
    entries = [(pack, lesson) for pack in packs for lesson in pack.lessons]
    latest: tuple[Pack, Lesson, LessonRecord] | None = None
    for pack, lesson in entries:
        record = records.find(pack.id, lesson.id)
        if record is None or record.status != "in_progress":
            continue
        if latest is None or (record.updated and latest[2].updated
                              and record.updated > latest[2].updated):
            latest = (pack, lesson, record)
    if latest is not None:
        return NextUp("continue", latest[0], latest[1])
    started = False
    for pack, lesson in entries:
        state = status(records, pack, lesson)
        started = started or state != "new"
        if state != "done":
            return NextUp("next" if started else "first", pack, lesson)
    return NextUp("plan") if started else NextUp("first")


def count_done(packs: Iterable[Pack], records: Records) -> tuple[int, int]:
    """Lessons done, and lessons in all."""
    entries = [(pack, lesson) for pack in packs for lesson in pack.lessons]
    done = sum(1 for pack, lesson in entries if status(records, pack, lesson) == "done")
    return done, len(entries)


class _Settings(Protocol):
    settings: dict[str, Any]

    def set_setting(self, key: str, value: Any) -> None: ...


def learner_seed(store: _Settings) -> str:
    """This learner's own seed for the order of answer options: made once and kept, so every
    face and every return to a question shows the options in the same order."""
    seed = store.settings.get("learner_seed")
    if isinstance(seed, str) and seed:
        return seed
    seed = secrets.token_hex(8)
    from tutor.progress.database import StoreError

    try:
        store.set_setting("learner_seed", seed)
    except StoreError:  # a store that cannot save still gives a stable order for this run
        store.settings["learner_seed"] = seed
    return seed
