"""What became of each planned action: done (and when), put off to a new date, or dropped; the
learner's own cue; and the gentle question after an action's date.

The question comes at most once a day, only about actions whose date has passed and that are
neither done nor dropped, and never when the learner has switched it off. Dropping an action
hides it from the plan only: the lesson keeps what the learner chose. Every face asks through
here, and every date comes from :func:`today`, so tests move a fake clock instead of waiting.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from tutor.text import clean_line

if TYPE_CHECKING:
    from tutor.plan import Plan, PlanAction

SETTING = "plan_followup"
"""The setting that switches the follow-up question off (False); on when never set."""
MAX_CUE = 200
PUT_OFF_DAYS = 7
"""A new date offered when the learner says "not yet": a week on, which they may change."""

CLOCK: Callable[[], date] = date.today


def today() -> date:
    """The learner's today; tests replace ``CLOCK``."""
    return CLOCK()


class MarkStore(Protocol):
    settings: dict[str, Any]

    def plan_marks(self) -> dict[str, dict[str, str | None]]: ...

    def mark_plan(self, action: str, values: dict[str, str | None]) -> None: ...


@dataclass(frozen=True)
class Mark:
    """One action's follow-up as stored (see ``tutor.progress.schema``)."""

    done: date | None = None
    due: date | None = None
    dropped: date | None = None
    cue: str = ""
    asked: date | None = None


def action_key(text: str) -> str:
    """The same action in other case or spacing is the same action."""
    return " ".join(text.split()).casefold()


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:  # a hand-edited row: treated as not set
        return None


def marks(store: MarkStore) -> dict[str, Mark]:
    """Every action's follow-up, by :func:`action_key`; learner text cleaned on the way in."""
    return {key: Mark(done=_day(row.get("done")), due=_day(row.get("due")),
                      dropped=_day(row.get("dropped")),
                      cue=clean_line(row.get("cue") or "")[:MAX_CUE], asked=_day(row.get("asked")))
            for key, row in store.plan_marks().items()}


def is_on(store: MarkStore) -> bool:
    return store.settings.get(SETTING, True) is not False


def switch(store: Any, on: bool) -> None:
    """Turn the follow-up question on or off, and keep the choice."""
    store.set_setting(SETTING, on)


def to_ask(plan: Plan, store: MarkStore, day: date | None = None) -> list[PlanAction]:
    """The actions to ask about now: past their date, not done; none if asked today already
    or switched off."""
    day = day or today()
    if not is_on(store):
        return []
    if any(mark.asked == day for mark in marks(store).values()):
        return []
    return [action for action in plan.actions
            if not action.done and action.by is not None and action.by < day]


def asked(store: MarkStore, actions: list[PlanAction], day: date | None = None) -> None:
    """Note that the question was put today, so it waits until tomorrow whatever the answer."""
    stamp = (day or today()).isoformat()
    for action in actions:
        store.mark_plan(action.key, {"asked": stamp})


def done(store: MarkStore, action: PlanAction, day: date | None = None) -> None:
    store.mark_plan(action.key, {"done": (day or today()).isoformat()})


def undone(store: MarkStore, action: PlanAction) -> None:
    """Not done after all (a slip of the key): back in the list under its date."""
    store.mark_plan(action.key, {"done": None})


def put_off(store: MarkStore, action: PlanAction, new_date: date) -> None:
    """Not yet: the action keeps its place in the plan under the new date."""
    store.mark_plan(action.key, {"due": new_date.isoformat()})


def drop(store: MarkStore, action: PlanAction, day: date | None = None) -> None:
    """Out of the plan; what the lesson recorded stays as it was."""
    store.mark_plan(action.key, {"dropped": (day or today()).isoformat()})


def set_cue(store: MarkStore, action: PlanAction, cue: str) -> str:
    """Keep the learner's "when …" for an action, cleaned; an empty one removes it."""
    cue = tidy_cue(cue)
    store.mark_plan(action.key, {"cue": cue or None})
    return cue


def tidy_cue(cue: str) -> str:
    """The cue as the plan says it after "When": a leading "when" and a trailing comma or
    full stop the learner typed are taken off, so the sentence reads once."""
    from tutor.messages import t

    cue = clean_line(cue)[:MAX_CUE]
    for word in {t("plan.list.when_word"), "when"}:
        if cue.casefold().startswith(word.casefold() + " "):
            cue = cue[len(word) + 1:].lstrip()
    return cue.rstrip(" ,.;:")


def later(day: date | None = None) -> date:
    """The new date offered for "not yet"."""
    return (day or today()) + timedelta(days=PUT_OFF_DAYS)
