"""The post checks: each finds the places in a draft that give away more than the writer meant.

A check returns :class:`Hit` values (where, and which text explains it); ``tutor.checks`` turns
them into findings in the learner's language. phonenumbers and stdnum are imported inside the
checks that need them, so nothing pays for them until a draft is checked.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from tutor.checks.rules import Common, Language, common, languages, name_stopwords
from tutor.checks.words import Phrases, Token, tokenize


@dataclass(frozen=True, slots=True)
class Hit:
    check: str
    kind: str  # which text explains it: usually the check's name, e.g. "salary" for "confidential"
    start: int
    end: int


class Draft:
    """A draft with its words and sentences, worked out once for all the checks."""

    def __init__(self, text: str) -> None:
        self.text = text

    @functools.cached_property
    def tokens(self) -> list[Token]:
        return tokenize(self.text)

    @functools.cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Each sentence as a range of token indexes [lo, hi)."""
        ends = [m.end() for m in common().sentence_end.finditer(self.text)]
        starts = [t.start for t in self.tokens]
        ranges: list[tuple[int, int]] = []
        lo = 0
        for end in ends:
            hi = bisect.bisect_left(starts, end, lo)
            if hi > lo:
                ranges.append((lo, hi))
                lo = hi
        if lo < len(starts):
            ranges.append((lo, len(starts)))
        return ranges

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Character offsets of tokens [i, j)."""
        return self.tokens[i].start, self.tokens[j - 1].end

    def word_before(self, position: int) -> str:
        match = _WORD_BEFORE.search(self.text, max(0, position - 40), position)
        return match.group(1).casefold() if match else ""

    def word_after(self, position: int) -> str:
        match = _WORD_AFTER.match(self.text, position)
        return match.group(1).casefold() if match else ""


_WORD_BEFORE = re.compile(r"(\w+)[\s.:#-]{0,3}\Z")
_WORD_AFTER = re.compile(r"[\s,.]{0,3}(\w+|%)")


# Numbers


def _digit_checks(draft: Draft) -> list[Hit]:
    """Identity numbers, cards and IBANs: the patterns find candidates, stdnum verifies them."""
    rules = common()
    hits: list[Hit] = []
    candidates = [m for m in rules.national_id.finditer(draft.text)]
    if candidates:
        from stdnum.no import fodselsnummer

        hits += [Hit("national_id", "national_id", m.start(), m.end())
                 for m in candidates if fodselsnummer.is_valid(m.group())]
    candidates = [m for m in rules.card.finditer(draft.text)]
    if candidates:
        from stdnum import luhn

        for m in candidates:
            digits = re.sub(r"\D", "", m.group())
            if 13 <= len(digits) <= 19 and luhn.is_valid(digits):
                hits.append(Hit("card", "card", m.start(), m.end()))
    candidates = [m for m in rules.iban.finditer(draft.text)]
    if candidates:
        from stdnum import iban

        hits += [Hit("card", "iban", m.start(), m.end())
                 for m in candidates if iban.is_valid(m.group())]
    return hits


_YEAR = re.compile(r"(?:19|20)\d\d")
_DATE8 = re.compile(r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])")


def _phones(draft: Draft) -> list[Hit]:
    """phonenumbers decides; the patterns only say where to ask, so long digit runs stay cheap."""
    rules = common()
    candidates: list[tuple[int, int, str]] = []
    for m in rules.phone_international.finditer(draft.text):
        candidates.append((m.start(), m.end(), "NO"))  # NO dials 00 for abroad, as most do
    not_after = frozenset().union(*(lang.phone_not_after for lang in languages()))
    for m in rules.phone_norwegian.finditer(draft.text):
        digits = re.sub(r"\D", "", m.group())
        halves = m.group().split(" ")
        if len(digits) != rules.norwegian_digits or _DATE8.fullmatch(digits):
            continue
        if len(halves) == 2 and all(_YEAR.fullmatch(h) for h in halves):
            continue
        if draft.word_before(m.start()) in not_after:
            continue
        candidates.append((m.start(), m.end(), "NO"))
    candidates += [(m.start(), m.end(), "US")
                   for m in rules.phone_american.finditer(draft.text)]
    if not candidates:
        return []
    import phonenumbers

    hits = []
    for start, end, region in candidates:
        try:
            number = phonenumbers.parse(draft.text[start:end], region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            hits.append(Hit("phone", "phone", start, end))
    return hits


def _email(draft: Draft) -> list[Hit]:
    return [Hit("email", "email", m.start(), m.end())
            for m in common().email.finditer(draft.text)]


# Places


def _address(draft: Draft) -> list[Hit]:
    hits = []
    for language in languages():
        found = [(m.start(), m.end()) for pattern in language.streets
                 for m in pattern.finditer(draft.text)]
        if language.street_compound is not None and language.street_suffixes:
            for m in language.street_compound.finditer(draft.text):
                name = m.group("name").casefold()
                if any(name.endswith(s) and len(name) > len(s) for s in language.street_suffixes):
                    found.append((m.start(), m.end()))
        units = frozenset().union(*(lang.address_units for lang in languages()))
        hits += [Hit("address", "address", start, end) for start, end in found
                 if draft.word_after(end) not in units]
    return hits


def _trips(draft: Draft, language: Language, lo: int, hi: int) -> list[tuple[int, int]]:
    """Being away, where a trip "to" somewhere names a place and not the office."""
    trips = []
    for i, j in language.away_trip.find(draft.tokens, lo, hi):
        if draft.tokens[j - 1].low in language.away_needs_place:
            if j >= hi:
                continue
            following = draft.tokens[j]
            if not (following.text[:1].isupper() or language.away_places.match_at(
                    draft.tokens, j, hi)):
                continue
        trips.append((i, j))
    return trips


def _away(draft: Draft) -> list[Hit]:
    hits = []
    tokens = draft.tokens
    for language in languages():
        for lo, hi in draft.sentences:
            strong = language.away_strong.find(tokens, lo, hi)
            if strong:
                hits += [Hit("away", "away", *draft.span(i, j)) for i, j in strong]
                continue
            trips = _trips(draft, language, lo, hi)
            if not trips:
                continue
            when = language.away_when.find(tokens, lo, hi)
            if not when or language.away_past.find(tokens, lo, hi):
                continue
            first, last = min(trips[0][0], when[0][0]), max(trips[0][1], when[0][1])
            hits.append(Hit("away", "away", *draft.span(first, last)))
    return hits


# Words


def _words(draft: Draft, check: str, phrases: Callable[[Language], Phrases],
           not_before: Callable[[Language], Phrases]) -> list[Hit]:
    hits = []
    tokens = draft.tokens
    for language in languages():
        for i, j in phrases(language).find(tokens):
            if not_before(language).match_at(tokens, j):
                continue
            hits.append(Hit(check, check, *draft.span(i, j)))
    return hits


def _health(draft: Draft) -> list[Hit]:
    return _words(draft, "health", lambda lang: lang.health, lambda lang: lang.health_not_before)


def _confidential(draft: Draft) -> list[Hit]:
    hits = _words(draft, "confidential", lambda lang: lang.confidential,
                  lambda lang: lang.confidential_not_before)
    tokens = draft.tokens
    for language in languages():
        amounts = [m.span() for m in language.amount.finditer(draft.text)
                   if not _YEAR.fullmatch(m.group().strip())]
        if not amounts:
            continue
        for lo, hi in draft.sentences:
            words = language.salary.find(tokens, lo, hi)
            if not words:
                continue
            start, end = draft.span(lo, hi)
            inside = [a for a in amounts if a[0] >= start and a[1] <= end]
            if inside:
                first = min(tokens[words[0][0]].start, inside[0][0])
                last = max(tokens[words[0][1] - 1].end, inside[0][1])
                hits.append(Hit("confidential", "salary", first, last))
    return hits


_SECRET_EDGE = re.compile(r"^\W+|\W+$")


def _password(draft: Draft) -> list[Hit]:
    hits = []
    for language in languages():
        for pattern in language.passwords:
            for m in pattern.finditer(draft.text):
                secret = _SECRET_EDGE.sub("", m.group("secret")).casefold()
                if not secret or secret in language.password_not_secret:
                    continue
                hits.append(Hit("password", "password", m.start(), m.end()))
    return hits


# Tone


def _anger(draft: Draft) -> list[Hit]:
    rules = common()
    hits = []
    run: list[Token] = []

    def close() -> None:
        loud = [t for t in run if len(t.text) >= 2 and t.text not in rules.acronyms]
        letters = sum(len(t.text) for t in loud)
        if len(loud) >= rules.run_words or (len(loud) >= 2 and letters >= rules.run_letters):
            hits.append(Hit("anger", "shouting", loud[0].start, loud[-1].end))
        run.clear()

    for token in draft.tokens:
        if token.text.isupper() and any(c.isalpha() for c in token.text):
            run.append(token)
        elif run:
            close()
    if run:
        close()
    for m in rules.marks.finditer(draft.text):
        if m.group().count("!") >= 2:
            hits.append(Hit("anger", "marks", m.start(), m.end()))
    return hits


def _name_ending(draft: Draft, language: Language, k: int, lo: int) -> int | None:
    """Where a named person (or "my boss") ends at token ``k``: the index of its first token."""
    tokens = draft.tokens
    people = language.insult_people.match_ending(tokens, k, lo)
    if people:
        return k - people
    if k - 1 < lo or not _is_name(draft, language, k - 1, lo):
        return None
    first = k - 1
    while first - 1 >= lo and _is_name(draft, language, first - 1, lo):
        first -= 1
    return first


def _is_name(draft: Draft, language: Language, i: int, lo: int) -> bool:
    token = draft.tokens[i]
    text = token.text
    if len(text) < 2 or not text[0].isupper() or text.isupper() or not text.isalpha():
        return False
    if token.low in name_stopwords():
        return False
    # The first word of a sentence is capitalised anyway; a definite noun there is not a name.
    return not (i == lo and len(text) >= 6 and token.low.endswith(language.first_word_not_name))


def _insult(draft: Draft) -> list[Hit]:
    tokens = draft.tokens
    hits = []
    for language in languages():
        for lo, hi in draft.sentences:
            for i, j in language.insult.find(tokens, lo, hi):
                start = _insult_target(draft, language, i, lo)
                if start is not None:
                    hits.append(Hit("insult", "insult", *draft.span(start, j)))
                    continue
                if (language.insult_nouns.match_at(tokens, i, j) and j < hi
                        and _is_name(draft, language, j, -1)):
                    before = language.insult_before_name.match_ending(tokens, i, lo)
                    hits.append(Hit("insult", "insult", *draft.span(i - before, j + 1)))
    return hits


def _insult_target(draft: Draft, language: Language, i: int, lo: int) -> int | None:
    """"Per is an idiot", "sjefen min er udugelig", "Per, you idiot": where the target starts."""
    tokens = draft.tokens
    k = i
    for _ in range(4):
        n = language.insult_modifiers.match_ending(tokens, k, lo)
        if not n:
            break
        k -= n
    link = (language.insult_copulas.match_ending(tokens, k, lo)
            or language.insult_address.match_ending(tokens, k, lo))
    if not link:
        return None
    k -= link
    start = _name_ending(draft, language, k, lo)
    if start is not None:
        return start
    # "Per in accounts is …": a name, a little word, and one or two words more.
    for words in (1, 2):
        link_at = k - words - 1
        if link_at > lo and tokens[link_at].low in language.insult_after_name:
            start = _name_ending(draft, language, link_at, lo)
            if start is not None:
                return start
    return None


POST_CHECKS: dict[str, Callable[[Draft], list[Hit]]] = {
    "phone": _phones,
    "email": _email,
    "national_id": _digit_checks,
    "card": _digit_checks,
    "address": _address,
    "away": _away,
    "health": _health,
    "confidential": _confidential,
    "password": _password,
    "anger": _anger,
    "insult": _insult,
}

# Numbers that belong to a longer number found by these are not phone numbers.
_DIGIT_CHECKS = ("national_id", "card")


def run(text: str, names: tuple[str, ...]) -> list[Hit]:
    """The hits of the checks ``names``, by position, without overlaps within one check."""
    draft = Draft(text)
    hits: list[Hit] = []
    done: set[Callable[[Draft], list[Hit]]] = set()
    digits: list[Hit] | None = None
    for name in names:
        check = POST_CHECKS[name]
        if check is _digit_checks:
            if digits is None:
                digits = _digit_checks(draft)
            hits += [h for h in digits if h.check == name]
            continue
        if check in done:
            continue
        done.add(check)
        hits += check(draft)
    if "phone" in names:
        if digits is None:
            digits = _digit_checks(draft)
        longer = [h for h in digits if h.check in _DIGIT_CHECKS]
        hits = [h for h in hits if h.check != "phone" or not any(
            h.start < d.end and d.start < h.end for d in longer)]
    return _without_overlaps(hits)


def _without_overlaps(hits: list[Hit]) -> list[Hit]:
    """Keep the first and longest hit where hits of one check overlap."""
    kept: list[Hit] = []
    last_end: dict[str, int] = {}
    for hit in sorted(hits, key=lambda h: (h.start, -(h.end - h.start), h.check)):
        if hit.start < last_end.get(hit.check, -1):
            continue
        kept.append(hit)
        last_end[hit.check] = hit.end
    return kept


__all__ = ["POST_CHECKS", "Common", "Hit", "run"]
