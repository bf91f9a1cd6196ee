"""The one message catalog: every word netsteps shows passes through :func:`t`.

Catalogs are TOML files per language (``en.toml``, ``nb.toml``) that a translator edits without
Python. A value is a text, or a table of plural forms chosen by the ``count`` placeholder. Words
are looked up when they are shown, so switching language changes every later word. A key missing
from a language falls back to English, so a half-finished translation never shows a raw key.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing itself is not imported: `netsteps --version` stays fast
if TYPE_CHECKING:
    from datetime import date
    from typing import Any

DEFAULT_LANGUAGE = "en"
LANGUAGES = ("en", "nb")
LANGUAGE_NAMES = {"en": "English", "nb": "Norsk bokmål"}

Entry = str | dict[str, str]

_catalogs: dict[str, dict[str, Entry]] = {}
_current = DEFAULT_LANGUAGE


def _flatten(table: dict[str, Any], prefix: str = "") -> dict[str, Entry]:
    """``[plan] title = …`` becomes ``plan.title``; a table of plural forms stays one entry."""
    flat: dict[str, Entry] = {}
    for name, value in table.items():
        key = f"{prefix}{name}"
        if isinstance(value, dict) and value and set(value) <= _PLURAL_FORMS:
            flat[key] = {form: str(text) for form, text in value.items()}
        elif isinstance(value, dict):
            flat.update(_flatten(value, key + "."))
        else:
            flat[key] = str(value)
    return flat


_PLURAL_FORMS = {"zero", "one", "two", "few", "many", "other"}


def catalog(language: str) -> dict[str, Entry]:
    """Every message of ``language`` by key (empty for a language with no catalog yet)."""
    if language not in _catalogs:
        import tomllib  # read when the first word is needed: `netsteps --version` needs none

        path = os.path.join(os.path.dirname(__file__), f"{language}.toml")
        try:
            with open(path, "rb") as handle:
                _catalogs[language] = _flatten(tomllib.load(handle))
        except OSError:
            _catalogs[language] = {}
    return _catalogs[language]


def set_language(language: str) -> str:
    """Switch the catalog; an unknown language falls back to English. Returns the one in use."""
    global _current
    _current = normalize(language) or DEFAULT_LANGUAGE
    return _current


def language() -> str:
    return _current


def normalize(value: str | None) -> str | None:
    """``nb``, ``nb_NO.UTF-8``, ``no`` and ``nn`` give ``nb``; a language we do not have, None."""
    if not value:
        return None
    code = value.strip().lower().replace("-", "_").split(".")[0].split("_")[0]
    if code in ("no", "nn"):
        code = "nb"
    return code if code in LANGUAGES else None


def from_locale(environ: dict[str, str] | None = None) -> str:
    """The learner's language as their system says it (LC_ALL, LC_MESSAGES, LANG), else English."""
    environ = dict(os.environ) if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        for part in environ.get(name, "").split(":"):
            found = normalize(part)
            if found:
                return found
    return DEFAULT_LANGUAGE


def choose_language(flag: str | None, saved: object = None,
                    environ: dict[str, str] | None = None) -> str:
    """``--lang`` first, then the learner's saved choice, then what their system says."""
    return (normalize(flag) or (normalize(saved) if isinstance(saved, str) else None)
            or from_locale(environ))


def plural_form(language: str, count: int) -> str:
    """English and Norwegian both say "1 lesson" and "0 lessons", "2 lessons"."""
    return "one" if abs(count) == 1 else "other"


def t(key: str, /, **params: Any) -> str:
    """The message ``key`` in the current language, with ``params`` filled in."""
    entry = catalog(_current).get(key)
    language = _current
    if entry is None:
        entry = catalog(DEFAULT_LANGUAGE)[key]
        language = DEFAULT_LANGUAGE
    if isinstance(entry, dict):
        count = params.get("count", 0)
        form = plural_form(language, count if isinstance(count, int) else 0)
        text = entry.get(form) or entry.get("other") or next(iter(entry.values()))
    else:
        text = entry
    return text.format(**params) if params else text


def format_date(day: date) -> str:
    """A date as the learner's language writes it: "5 December 2026", "5. desember 2026"."""
    months = t("date.months").split()
    month = months[day.month - 1] if len(months) == 12 else str(day.month)
    return t("date.format", day=day.day, month=month, year=day.year)


def yes_words() -> set[str]:
    """The answers that mean yes, in the learner's language (English ones always work too)."""
    words = set(t("cli.yes_words").casefold().split())
    return words | {"y", "yes"}
