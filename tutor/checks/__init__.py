"""Checks on a draft post or profile: what it gives away, and how to say it better.

Plain Python for every face: the practice step in the tutor and ``netsteps check`` call the
same functions. A pack may only choose among :data:`CHECKS`; the words and patterns behind them
are built in (``tutor/checks/data/``), because a pattern from an untrusted pack could be made
to hang the tutor or to hide findings.

The checks look for what they know. Finding nothing never means a draft is safe, and the
texts never say so.
"""

from __future__ import annotations

from dataclasses import dataclass

CHECKS: tuple[str, ...] = (
    "phone", "email", "national_id", "card", "address", "away", "health", "confidential",
    "password", "anger", "insult",
)
"""The built-in post checks, in the order a learner reads their findings."""

PROFILE_CHECKS: tuple[str, ...] = ("length", "offer", "buzzwords")
"""The profile's own checks; a profile is also given every post check."""

AUDIENCES: tuple[str, ...] = ("everyone", "friends", "colleagues")


@dataclass(frozen=True)
class Finding:
    """One thing found, with where it is so a face can mark the words.

    ``start`` and ``end`` are character offsets into the text that was checked (for a profile,
    into the headline or the about text, as ``field`` says). ``what``, ``why`` and ``fix`` are
    one line each, in the learner's language, with the found words cleaned for showing.
    """

    check: str
    start: int
    end: int
    found: str
    what: str
    why: str
    fix: str
    field: str = "post"


def check_post(text: str, audience: str = "everyone",
               checks: tuple[str, ...] | list[str] | None = None) -> list[Finding]:
    """Run the post checks (all of them, or the names in ``checks``) on a draft.

    Raises ValueError for an audience or check name that does not exist: the caller (a pack
    loader, the command line) says so in its own words.
    """
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}; use one of {', '.join(AUDIENCES)}")
    names = CHECKS if checks is None else tuple(checks)
    unknown = [name for name in names if name not in CHECKS]
    if unknown:
        raise ValueError(f"unknown check {unknown[0]!r}; use one of {', '.join(CHECKS)}")
    from tutor.checks.post import run

    ordered = tuple(name for name in CHECKS if name in names)
    return [_finding(text, hit.check, hit.kind, hit.start, hit.end, audience)
            for hit in run(text, ordered)]


def check_profile(headline: str, about: str) -> list[Finding]:
    """Check a profile as a stranger meets it: headline first, then the about text."""
    from tutor.checks.profile import run_profile

    return run_profile(headline, about)


def headline_limit() -> int:
    """How many characters of a headline most places show (see ``data/common.toml``)."""
    from tutor.checks.rules import common

    return common().headline_limit


_SHOWN = 60  # the longest stretch of found words repeated in a finding's text


def _finding(text: str, check: str, kind: str, start: int, end: int, audience: str,
             field: str = "post", **values: object) -> Finding:
    from tutor.checks.rules import texts
    from tutor.messages import language
    from tutor.text import clean_line

    entry = texts(language())[kind]
    found = text[start:end]
    shown = clean_line(found)
    if len(shown) > _SHOWN:
        shown = shown[: _SHOWN - 1].rstrip() + "…"
    fill = {"found": f"“{shown}”" if language() == "en" else f"«{shown}»", **values}
    why = entry["why"]
    return Finding(
        check=check, start=start, end=end, found=found,
        what=str(entry["what"]).format_map(fill),
        why=str(why[audience] if isinstance(why, dict) else why).format_map(fill),
        fix=str(entry["fix"]).format_map(fill),
        field=field,
    )
