"""The post checks: each finds the places in a draft that give away more than the writer meant.

A check returns :class:`Hit` values (where, and which text explains it); ``tutor.checks`` turns
them into findings in the learner's language. phonenumbers and stdnum are imported inside the
checks that need them, so nothing pays for them until a draft is checked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from tutor.checks.rules import Common, Language, common, languages, name_stopwords
from tutor.checks.words import Phrases, Words


@dataclass(frozen=True, slots=True)
class Hit:
    check: str
    kind: str  # which text explains it: usually the check's name, e.g. "salary" for "confidential"
    start: int
    end: int


class Draft(Words):
    """A draft with its words and sentences, worked out once for all the checks."""

    def __init__(self, text: str) -> None:
        super().__init__(text, common().sentence_end)

    def word_before(self, position: int) -> str:
        match = _WORD_BEFORE.search(self.text, max(0, position - 40), position)
        return match.group(1).casefold() if match else ""

    def word_after(self, position: int) -> str:
        match = _WORD_AFTER.match(self.text, position)
        return match.group(1).casefold() if match else ""

    def near(self, places: list[int], before: int, after: int) -> list[tuple[int, int]]:
        """Stretches of text around the words at ``places``: where a pattern is worth trying."""
        stretches: list[tuple[int, int]] = []
        for i in places:
            start = self.starts[max(0, i - before)]
            end = min(len(self.text), self.ends[min(len(self) - 1, i + after)] + 48)
            if stretches and start <= stretches[-1][1]:
                stretches[-1] = (stretches[-1][0], max(end, stretches[-1][1]))
            else:
                stretches.append((start, end))
        return stretches


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
    if "@" not in draft.text:
        return []
    return [Hit("email", "email", m.start(), m.end())
            for m in common().email.finditer(draft.text)]


# Places


def _address(draft: Draft) -> list[Hit]:
    hits = []
    units = frozenset().union(*(lang.address_units for lang in languages()))
    for language in languages():
        stretches = draft.near(draft.candidates(language.street_keys), 5, 2)
        found = []
        for start, end in stretches:
            found += [m.span() for pattern in language.streets
                      for m in pattern.finditer(draft.text, start, end)]
            if language.street_compound is None:
                continue
            for m in language.street_compound.finditer(draft.text, start, end):
                name = m.group("name").casefold()
                if any(name.endswith(s) and len(name) > len(s) for s in language.street_suffixes):
                    found.append(m.span())
        hits += [Hit("address", "address", start, end) for start, end in found
                 if draft.word_after(end) not in units]
    return hits


def _trips(draft: Draft, language: Language) -> list[tuple[int, int]]:
    """Being away, where a trip "to" somewhere names a place and not the office."""
    trips = []
    for i, j in language.away_trip.find(draft):
        if draft.lows[j - 1] in language.away_needs_place:
            hi = draft.sentence(i)[1]
            if j >= hi or not (draft.texts[j][:1].isupper()
                               or language.away_places.match_at(draft, j, hi)):
                continue
        trips.append((i, j))
    return trips


def _away(draft: Draft) -> list[Hit]:
    hits = []
    for language in languages():
        strong = language.away_strong.find(draft)
        hits += [Hit("away", "away", *draft.span(i, j)) for i, j in strong]
        told = {draft.sentence(i) for i, _ in strong}
        for i, j in _trips(draft, language):
            lo, hi = draft.sentence(i)
            if (lo, hi) in told:
                continue
            when = language.away_when.find(draft, lo, hi)
            if not when or language.away_past.find(draft, lo, hi):
                continue
            told.add((lo, hi))
            hits.append(Hit("away", "away", *draft.span(min(i, when[0][0]),
                                                        max(j, when[0][1]))))
    return hits


# Words


def _words(draft: Draft, check: str, phrases: Callable[[Language], Phrases],
           not_before: Callable[[Language], Phrases]) -> list[Hit]:
    hits = []
    for language in languages():
        for i, j in phrases(language).find(draft):
            if not_before(language).match_at(draft, j):
                continue
            hits.append(Hit(check, check, *draft.span(i, j)))
    return hits


def _health(draft: Draft) -> list[Hit]:
    return _words(draft, "health", lambda lang: lang.health, lambda lang: lang.health_not_before)


def _confidential(draft: Draft) -> list[Hit]:
    hits = _words(draft, "confidential", lambda lang: lang.confidential,
                  lambda lang: lang.confidential_not_before)
    for language in languages():
        done: set[tuple[int, int]] = set()
        for i, j in language.salary.find(draft):
            sentence = draft.sentence(i)
            if sentence in done:
                continue
            start, end = draft.sentence_chars(i)
            amounts = [m.span() for m in language.amount.finditer(draft.text, start, end)
                       if not _YEAR.fullmatch(m.group().strip())]
            if amounts:
                done.add(sentence)
                hits.append(Hit("confidential", "salary", min(draft.starts[i], amounts[0][0]),
                                max(draft.ends[j - 1], amounts[0][1])))
    return hits


_SECRET_EDGE = re.compile(r"^\W+|\W+$")


def _password(draft: Draft) -> list[Hit]:
    hits = []
    for language in languages():
        for start, end in draft.near(draft.candidates(language.password_keys), 6, 2):
            for pattern in language.passwords:
                for m in pattern.finditer(draft.text, start, end):
                    secret = _SECRET_EDGE.sub("", m.group("secret")).casefold()
                    if not secret or secret in language.password_not_secret:
                        continue
                    hits.append(Hit("password", "password", m.start(), m.end()))
    return hits


# Tone


def _anger(draft: Draft) -> list[Hit]:
    rules = common()
    hits = []
    caps = [i for i, word in enumerate(draft.texts) if word.isupper()]
    runs: list[list[int]] = []
    for i in caps:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        loud = [i for i in run if len(draft.texts[i]) >= 2 and draft.texts[i] not in rules.acronyms
                and any(c.isalpha() for c in draft.texts[i])]
        letters = sum(len(draft.texts[i]) for i in loud)
        if len(loud) >= rules.run_words or (len(loud) >= 2 and letters >= rules.run_letters):
            hits.append(Hit("anger", "shouting", draft.starts[loud[0]], draft.ends[loud[-1]]))
    if "!" in draft.text:
        for m in rules.marks.finditer(draft.text):
            if m.group().count("!") >= 2:
                hits.append(Hit("anger", "marks", m.start(), m.end()))
    return hits


def _name_ending(draft: Draft, language: Language, k: int, lo: int) -> int | None:
    """Where a named person (or "my boss") ends at word ``k``: the index of its first word."""
    people = language.insult_people.match_ending(draft, k, lo)
    if people:
        return k - people
    if k - 1 < lo or not _is_name(draft, language, k - 1, lo):
        return None
    first = k - 1
    while first - 1 >= lo and _is_name(draft, language, first - 1, lo):
        first -= 1
    return first


def _is_name(draft: Draft, language: Language, i: int, lo: int) -> bool:
    text = draft.texts[i]
    if len(text) < 2 or not text[0].isupper() or text.isupper() or not text.isalpha():
        return False
    if draft.lows[i] in name_stopwords():
        return False
    # The first word of a sentence is capitalised anyway; a definite noun there is not a name.
    return not (i == lo and len(text) >= 6 and draft.lows[i].endswith(
        language.first_word_not_name))


def _insult(draft: Draft) -> list[Hit]:
    hits = []
    for language in languages():
        for i, j in language.insult.find(draft):
            lo, hi = draft.sentence(i)
            start = _insult_target(draft, language, i, lo)
            if start is not None:
                hits.append(Hit("insult", "insult", *draft.span(start, j)))
                continue
            if (language.insult_nouns.match_at(draft, i, j) and j < hi
                    and _is_name(draft, language, j, -1)):
                before = language.insult_before_name.match_ending(draft, i, lo)
                hits.append(Hit("insult", "insult", *draft.span(i - before, j + 1)))
    return hits


def _insult_target(draft: Draft, language: Language, i: int, lo: int) -> int | None:
    """"Per is an idiot", "sjefen min er udugelig", "Per, you idiot": where the target starts."""
    k = i
    for _ in range(4):
        n = language.insult_modifiers.match_ending(draft, k, lo)
        if not n:
            break
        k -= n
    link = (language.insult_copulas.match_ending(draft, k, lo)
            or language.insult_address.match_ending(draft, k, lo))
    if not link:
        return None
    k -= link
    start = _name_ending(draft, language, k, lo)
    if start is not None:
        return start
    # "Per in accounts is …": a name, a little word, and one or two words more.
    for words in (1, 2):
        link_at = k - words - 1
        if link_at > lo and draft.lows[link_at] in language.insult_after_name:
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
