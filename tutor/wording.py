"""Phrases every face and export shares, built in one place so they always read the same."""

from __future__ import annotations

from datetime import date

from tutor.messages import format_date, t


def by_when(by: date | None) -> str:
    """" (by 5 December 2026)", or nothing when the learner gave no date."""
    return t("plan.by", date=format_date(by)) if by else ""


def action_line(text: str, by: date | None) -> str:
    """An action with its date, as the plan, the lesson end and plain mode show it."""
    return f"{text}{by_when(by)}"


def status_word(status: str) -> str:
    """A lesson's state in words: "new", "in progress", "done"."""
    return t(f"status.{status}")
