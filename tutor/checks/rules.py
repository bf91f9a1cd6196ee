"""The checks' data files, read once and compiled: word lists, patterns and finding texts.

Everything a check looks for lives in ``tutor/checks/data/``: ``common.toml`` for what does not
depend on the language, and one file per language. Every language's words apply to every draft
(a Norwegian post is checked in an English tutor too); only the texts follow the learner.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

from tutor.checks.words import Phrases

LANGUAGES = ("en", "nb")


def _read(name: str) -> dict[str, Any]:
    raw = resources.files(__package__ or "tutor.checks").joinpath("data", name).read_text("utf-8")
    return tomllib.loads(raw)


@dataclass(frozen=True)
class Common:
    phone_international: re.Pattern[str]
    phone_norwegian: re.Pattern[str]
    phone_american: re.Pattern[str]
    email: re.Pattern[str]
    national_id: re.Pattern[str]
    card: re.Pattern[str]
    iban: re.Pattern[str]
    marks: re.Pattern[str]
    sentence_end: re.Pattern[str]
    acronyms: frozenset[str]
    run_words: int
    run_letters: int
    norwegian_digits: int
    headline_limit: int


@dataclass(frozen=True)
class Language:
    """One language's words and patterns, compiled."""

    code: str
    health: Phrases
    health_not_before: Phrases
    confidential: Phrases
    confidential_not_before: Phrases
    salary: Phrases
    amount: re.Pattern[str]
    away_strong: Phrases
    away_trip: Phrases
    away_needs_place: frozenset[str]
    away_places: Phrases
    away_when: Phrases
    away_past: Phrases
    insult: Phrases
    insult_nouns: Phrases
    insult_copulas: Phrases
    insult_modifiers: Phrases
    insult_address: Phrases
    insult_before_name: Phrases
    insult_people: Phrases
    insult_after_name: frozenset[str]
    name_stopwords: frozenset[str]
    first_word_not_name: tuple[str, ...]
    address_units: frozenset[str]
    streets: tuple[re.Pattern[str], ...]
    street_compound: re.Pattern[str] | None
    street_suffixes: tuple[str, ...]
    phone_not_after: frozenset[str]
    passwords: tuple[re.Pattern[str], ...]
    password_keys: Phrases
    street_keys: Phrases
    password_not_secret: frozenset[str]
    buzzwords: Phrases
    offer: Phrases
    roles: Phrases


def _words(table: dict[str, Any], name: str) -> list[str]:
    return [str(word) for word in table.get(name, [])]


def _language(code: str) -> Language:
    data = _read(f"{code}.toml")
    words: dict[str, Any] = data.get("words", {})
    patterns: dict[str, Any] = data.get("patterns", {})
    numbers = _words(words, "numbers")

    def phrases(name: str) -> Phrases:
        return Phrases(_words(words, name), numbers)

    def lowered(name: str) -> frozenset[str]:
        return frozenset(word.casefold() for word in _words(words, name))

    fill = {
        "{street_types}": "|".join(re.escape(w) for w in _words(words, "street_types")),
        "{street_words}": "|".join(re.escape(w) for w in _words(words, "street_words")),
    }

    def pattern(source: str) -> re.Pattern[str]:
        for placeholder, value in fill.items():
            source = source.replace(placeholder, value)
        return re.compile(source)

    compound = patterns.get("street_compound")
    return Language(
        code=code,
        health=phrases("health"),
        health_not_before=phrases("health_not_before"),
        confidential=phrases("confidential"),
        confidential_not_before=phrases("confidential_not_before"),
        salary=phrases("salary"),
        amount=pattern(patterns["amount"]),
        away_strong=phrases("away_strong"),
        away_trip=phrases("away_trip"),
        away_needs_place=lowered("away_needs_place"),
        away_places=phrases("away_places"),
        away_when=phrases("away_when"),
        away_past=phrases("away_past"),
        insult=phrases("insult"),
        insult_nouns=phrases("insult_nouns"),
        insult_copulas=phrases("insult_copulas"),
        insult_modifiers=phrases("insult_modifiers"),
        insult_address=phrases("insult_address"),
        insult_before_name=phrases("insult_before_name"),
        insult_people=phrases("insult_people"),
        insult_after_name=lowered("insult_after_name"),
        name_stopwords=lowered("name_stopwords"),
        first_word_not_name=tuple(_words(words, "first_word_not_name")),
        address_units=lowered("address_units"),
        streets=tuple(pattern(patterns["street"]) for _ in (0,) if "street" in patterns),
        street_compound=pattern(compound) if compound else None,
        street_suffixes=tuple(w.casefold() for w in _words(words, "street_suffixes")),
        phone_not_after=lowered("phone_not_after"),
        passwords=tuple(pattern(p) for p in patterns.get("password", [])),
        password_keys=phrases("password_keys"),
        # The street patterns are tried only around a street word.
        street_keys=Phrases(["*" + w for w in _words(words, "street_suffixes")]
                            + _words(words, "street_words") + _words(words, "street_types")),
        password_not_secret=lowered("password_not_secret"),
        buzzwords=phrases("buzzwords"),
        offer=phrases("offer"),
        roles=phrases("roles"),
    )


@functools.cache
def common() -> Common:
    data = _read("common.toml")
    p = {name: re.compile(source) for name, source in data["patterns"].items()}
    anger = data["anger"]
    return Common(
        phone_international=p["phone_international"],
        phone_norwegian=p["phone_norwegian"],
        phone_american=p["phone_american"],
        email=p["email"],
        national_id=p["national_id"],
        card=p["card"],
        iban=p["iban"],
        marks=p["marks"],
        sentence_end=p["sentence_end"],
        acronyms=frozenset(str(a) for a in anger["acronyms"]),
        run_words=int(anger["run_words"]),
        run_letters=int(anger["run_letters"]),
        norwegian_digits=int(data["phone"]["norwegian_digits"]),
        headline_limit=int(data["profile"]["headline_limit"]),
    )


@functools.cache
def languages() -> tuple[Language, ...]:
    return tuple(_language(code) for code in LANGUAGES)


@functools.cache
def name_stopwords() -> frozenset[str]:
    """Capitalised words that are never a person's name, in any language."""
    return frozenset().union(*(language.name_stopwords for language in languages()))


@functools.cache
def texts(code: str) -> dict[str, dict[str, Any]]:
    """The finding texts of one language, by finding kind; English fills any gap."""
    english: dict[str, dict[str, Any]] = _read("en.toml").get("texts", {})
    if code == "en" or code not in LANGUAGES:
        return english
    own: dict[str, dict[str, Any]] = _read(f"{code}.toml").get("texts", {})
    return {kind: {**english[kind], **own.get(kind, {})} for kind in english}
