"""The profile checks: a headline and an about text, read as a stranger reads them.

A profile is public, so it also gets every post check with the audience "everyone".
"""

from __future__ import annotations

from tutor.checks import CHECKS, Finding, _finding, check_post
from tutor.checks.rules import common, languages
from tutor.checks.words import Words


def _offers(tokens: Words) -> bool:
    """Says what the person does: an offer ("I help …") or a role ("Accountant")."""
    for language in languages():
        if language.offer.find(tokens):
            return True
        for i, _ in language.roles.find(tokens):
            if not any(lang.buzzwords.match_at(tokens, i) for lang in languages()):
                return True
    return False


def _buzzwords(tokens: Words) -> list[tuple[int, int]]:
    spans = [tokens.span(i, j)
             for language in languages() for i, j in language.buzzwords.find(tokens)]
    return sorted(set(spans))


def run_profile(headline: str, about: str) -> list[Finding]:
    findings: list[Finding] = []
    limit = common().headline_limit
    fields = (("headline", headline), ("about", about))
    tokens = {name: Words(text) for name, text in fields}
    offers = {name: _offers(tokens[name]) for name, _ in fields}
    if len(headline) > limit:
        findings.append(_finding(headline, "length", "length", limit, len(headline), "everyone",
                                 field="headline", length=len(headline), limit=limit))
    if not (offers["headline"] or offers["about"]):
        where, text = ("headline", headline) if headline.strip() or not about.strip() else (
            "about", about)
        findings.append(_finding(text, "offer", "offer", 0, len(text), "everyone", field=where))
    for name, text in fields:
        buzz = _buzzwords(tokens[name])
        # One such word beside a plain statement of what one does is fine; only buzzwords is not.
        if buzz and (not offers[name] or len(buzz) >= 2):
            findings += [_finding(text, "buzzwords", "buzzwords", start, end, "everyone",
                                  field=name) for start, end in buzz]
        for finding in check_post(text, "everyone", CHECKS):
            findings.append(_with_field(finding, name))
    order = {"headline": 0, "about": 1}
    return sorted(findings, key=lambda f: (order[f.field], f.start, f.end))


def _with_field(finding: Finding, field: str) -> Finding:
    from dataclasses import replace

    return replace(finding, field=field)
