"""The message catalogs agree: every language has every key, the same placeholders, whole
plural tables, valid TOML, and no English left in a translation."""

from __future__ import annotations

import re
import string
import tomllib
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from tutor import messages
from tutor.messages import DEFAULT_LANGUAGE, LANGUAGES, Entry, catalog, format_date, yes_words

CATALOG_DIR = Path(str(resources.files("tutor.messages")))
TRANSLATIONS = [lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE]

# Words that stay the same in every language: names, file formats, key labels, units.
SAME_EVERYWHERE = {
    "netsteps", "markdown", "lix", "toml", "https", "pipx", "python", "zip", "id",
    "min", "status", "esc", "tab", "enter", "ctrl", "shift", "f1", "f2", "q",
}
# Letters typed in plain mode are chosen per language, and may happen to be the same.
CHOSEN_NOT_TRANSLATED = ("plain.letters.", "practice.edit_letter")


@pytest.fixture(autouse=True)
def english_afterwards() -> Any:
    yield
    messages.set_language(DEFAULT_LANGUAGE)


def placeholders(entry: Entry) -> set[str]:
    """The {names} a message fills in; for a plural table, those of all its forms together."""
    texts = entry.values() if isinstance(entry, dict) else [entry]
    return {name for text in texts for _, name, _, _ in string.Formatter().parse(text)
            if name is not None}


def catalog_problems(original: dict[str, Entry], translation: dict[str, Entry]) -> list[str]:
    """Every way ``translation`` disagrees with ``original``, one line each."""
    problems = [f"missing: {key}" for key in sorted(original.keys() - translation.keys())]
    problems += [f"extra: {key}" for key in sorted(translation.keys() - original.keys())]
    for key in sorted(original.keys() & translation.keys()):
        want, got = placeholders(original[key]), placeholders(translation[key])
        if want != got:
            problems.append(f"placeholders of {key}: {sorted(got)} instead of {sorted(want)}")
    return problems


def plural_problems(entries: dict[str, Entry]) -> list[str]:
    return [f"{key} has no '{form}' form" for key, entry in sorted(entries.items())
            if isinstance(entry, dict) for form in ("one", "other") if form not in entry]


def untranslated(original: dict[str, Entry], translation: dict[str, Entry]) -> list[str]:
    """Keys whose translation is still the English text, beyond names and placeholders."""
    found = []
    for key, entry in sorted(translation.items()):
        if key.startswith(CHOSEN_NOT_TRANSLATED) or entry != original.get(key):
            continue
        texts = [text for text in (entry.values() if isinstance(entry, dict) else [entry])
                 if not text.startswith("netsteps ")]  # a command line to type stays as it is
        words = {word.casefold() for text in texts
                 for word in re.findall(r"\w+", re.sub(r"\{\w*\}", " ", text))}
        if {word for word in words if not word.isdigit()} - SAME_EVERYWHERE:
            found.append(key)
    return found


def test_every_catalog_file_is_valid_toml() -> None:
    files = sorted(CATALOG_DIR.glob("*.toml"))
    assert {f.stem for f in files} >= set(LANGUAGES)
    for file in files:
        try:
            tomllib.loads(file.read_text("utf-8"))
        except tomllib.TOMLDecodeError as error:
            pytest.fail(f"{file.name} is not valid TOML: {error}")


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_translation_has_the_same_keys_and_placeholders(language: str) -> None:
    assert catalog_problems(catalog(DEFAULT_LANGUAGE), catalog(language)) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_tables_say_one_and_other(language: str) -> None:
    assert plural_problems(catalog(language)) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_can_be_filled_in(language: str) -> None:
    """A stray brace would stop a message from being shown at all."""
    for entry in catalog(language).values():
        for text in entry.values() if isinstance(entry, dict) else [entry]:
            text.format(**{name: "x" for name in placeholders(text)})  # raises on a bad brace


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_nothing_is_left_in_english(language: str) -> None:
    assert untranslated(catalog(DEFAULT_LANGUAGE), catalog(language)) == []


def test_the_checks_find_what_a_translator_gets_wrong() -> None:
    english: dict[str, Entry] = {
        "a.hello": "Hello, {name}", "a.gone": "Gone", "a.brand": "netsteps", "a.keys": "Ctrl+Q",
        "a.count": {"one": "1 x", "other": "{count} x"},
    }
    norwegian: dict[str, Entry] = {
        "a.hello": "Hei, {navn}", "a.extra": "Ekstra", "a.count": {"other": "{count} x"},
        "a.brand": "netsteps", "a.keys": "Ctrl+Q",
    }
    assert catalog_problems(english, norwegian) == [
        "missing: a.gone", "extra: a.extra",
        "placeholders of a.hello: ['navn'] instead of ['name']",
    ]
    assert plural_problems(norwegian) == ["a.count has no 'one' form"]
    assert untranslated(english, {**norwegian, "a.hello": "Hello, {name}"}) == ["a.hello"]


def test_every_key_the_code_asks_for_exists() -> None:
    """A typo in a key would show the learner a crash instead of a word."""
    english = catalog(DEFAULT_LANGUAGE)
    source = Path(messages.__file__).parent.parent
    asked = set()
    for file in source.rglob("*.py"):
        text = file.read_text("utf-8")
        asked |= set(re.findall(r"\b(?:t|say)\(\s*\"([a-z_]+\.[a-z0-9_.]+)\"", text))
        asked |= set(re.findall(r"Binding\([^)]*?\"(key\.[a-z_]+)\"", text))
    assert asked, "no lookups found: the pattern is out of date"
    assert sorted(asked - english.keys()) == []


def test_norwegian_dates_and_answers() -> None:
    messages.set_language("nb")
    assert format_date(date(2026, 12, 5)) == "5. desember 2026"
    assert format_date(date(2027, 1, 31)) == "31. januar 2027"
    assert {"j", "ja", "y", "yes"} <= yes_words()
    assert messages.t("home.reloaded_problems", count=1) == "Pakken er lest på nytt og har 1 feil."
    assert messages.t("home.reloaded_problems", count=3) == "Pakken er lest på nytt og har 3 feil."
    messages.set_language("en")
    assert format_date(date(2026, 12, 5)) == "5 December 2026"
    assert "ja" not in yes_words()
