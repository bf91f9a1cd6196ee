"""Phrases every face and export shares, built in one place so they always read the same."""

from __future__ import annotations

from tutor.messages import format_date, t

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date


def by_when(by: date | None) -> str:
    """" (by 5 December 2026)", or nothing when the learner gave no date."""
    return t("plan.by", date=format_date(by)) if by else ""


def action_line(text: str, by: date | None) -> str:
    """An action with its date, as the plan, the lesson end and plain mode show it."""
    return f"{text}{by_when(by)}"


def status_word(status: str) -> str:
    """A lesson's state in words: "new", "in progress", "done"."""
    return t(f"status.{status}")


def finding_lines(what: str, why: str, fix: str) -> list[str]:
    """One finding of the post checks as the learner reads it in every face: what was found,
    why it matters, and how to say it better (each face sets the number before it)."""
    return [what, t("practice.why", why=why), t("practice.fix", fix=fix)]


def findings_heading(count: int) -> str:
    """Honest about what the checks can tell: finding nothing never means "safe"."""
    return t("practice.found", count=count) if count else t("check.none")
