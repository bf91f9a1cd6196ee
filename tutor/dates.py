"""Reading the "by when" dates learners type, in the forms people actually write them."""

from __future__ import annotations

import re
from datetime import date

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[./](\d{1,2})(?:[./](\d{2}|\d{4}))?\.?$")


def parse_date(text: str, today: date | None = None) -> date | None:
    """A date from ``2026-12-31``, ``31.12.2026``, ``31/12/2026`` or ``31.12``; None if empty.

    Raises ValueError when the text is not a date, so the screen can say how to write one.
    A day and month without a year mean the next such day from today.
    """
    text = text.strip()
    if not text:
        return None
    today = today or date.today()
    if match := _ISO.match(text):
        return date(int(match[1]), int(match[2]), int(match[3]))
    if match := _DAY_FIRST.match(text):
        day, month = int(match[1]), int(match[2])
        if match[3]:
            year = int(match[3])
            return date(year + 2000 if year < 100 else year, month, day)
        candidate = date(today.year, month, day)
        return candidate if candidate >= today else date(today.year + 1, month, day)
    raise ValueError(text)


def input_date(day: date) -> str:
    """A date as the learner types it in a box, the way the box's example shows it."""
    return f"{day.day:02}.{day.month:02}.{day.year}"
