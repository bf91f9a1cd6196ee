"""How sure the learner felt before and after each lesson, as a small picture and as "2 → 4".

The rate steps at the start and the end of a lesson ask the same statement; the first and the
last rating of it are "before" and "after". People would rather look than read, so every face
draws the same few blocks with the numbers beside them (never colour alone), and a drop is
said kindly: it usually means the learner now sees how much there is to it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tutor.messages import t
from tutor.packs.model import Lesson, Pack
from tutor.progress.model import Records

TOP = 5
FULL, EMPTY = "█", "░"


@dataclass(frozen=True)
class Change:
    """Before and after for one lesson (``lesson``), or for the course as an average."""

    lesson: str
    before: float
    after: float

    @property
    def direction(self) -> str:
        """"up", "same" or "down": the words and arrow beside the picture."""
        if round(self.after, 1) > round(self.before, 1):
            return "up"
        return "same" if round(self.after, 1) == round(self.before, 1) else "down"


def lesson_change(lesson: Lesson, records: Records, pack_id: str) -> Change | None:
    """The lesson's first statement rated both before and after, or None."""
    from tutor.session import summarize

    record = records.find(pack_id, lesson.id)
    if record is None:
        return None
    for pair in summarize(lesson, record).confidence:
        if pair.before and pair.after:
            return Change(lesson.title, pair.before, pair.after)
    return None


def course_changes(packs: Iterable[Pack], records: Records) -> list[Change]:
    """Every lesson the learner rated before and after, in course order."""
    return [change for pack in packs for lesson in pack.lessons
            if (change := lesson_change(lesson, records, pack.id)) is not None]


def course_change(changes: list[Change]) -> Change | None:
    """The average before and after over the lessons rated; None for fewer than two lessons
    (one lesson's line already says it all)."""
    if len(changes) < 2:
        return None
    before = sum(c.before for c in changes) / len(changes)
    after = sum(c.after for c in changes) / len(changes)
    return Change(t("confidence.course"), before, after)


def number(value: float) -> str:
    """A rating as the learner reads it: "4", or "3.5" / "3,5" for an average."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.1f}".replace(".", t("confidence.decimal_mark"))


def blocks(value: float) -> str:
    """Five cells: full blocks up to the rating (rounded), light shade for the rest."""
    filled = max(0, min(TOP, round(value)))
    return FULL * filled + EMPTY * (TOP - filled)


def arrow_line(change: Change) -> str:
    """"2 → 4": the plain mode's and the exports' form, with a word for the direction."""
    return t(f"confidence.line_{change.direction}", before=number(change.before),
             after=number(change.after))


def chart_row(change: Change) -> tuple[str, str]:
    """The TUI's picture: "before ██░░░ 2   after ████░ 4" and a kind word beside it."""
    picture = t("confidence.chart", before_blocks=blocks(change.before),
                before=number(change.before), after_blocks=blocks(change.after),
                after=number(change.after))
    return picture, t(f"confidence.word_{change.direction}")
