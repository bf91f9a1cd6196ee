"""The one message catalog: every word netsteps shows passes through :func:`t`.

Catalogs are plain dicts per language (``en.py``, …). A key missing from a language falls
back to English, so a half-finished translation never shows a raw key.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

DEFAULT_LANGUAGE = "en"
LANGUAGES = ("en",)

_catalogs: dict[str, dict[str, str]] = {}
_current = DEFAULT_LANGUAGE


def _catalog(language: str) -> dict[str, str]:
    if language not in _catalogs:
        module = import_module(f"tutor.messages.{language}")
        _catalogs[language] = module.MESSAGES
    return _catalogs[language]


def set_language(language: str) -> str:
    """Switch the catalog; an unknown language falls back to English. Returns the one in use."""
    global _current
    _current = language if language in LANGUAGES else DEFAULT_LANGUAGE
    return _current


def t(key: str, /, **params: Any) -> str:
    """The message ``key`` in the current language, with ``params`` filled in."""
    text = _catalog(_current).get(key)
    if text is None:
        text = _catalog(DEFAULT_LANGUAGE)[key]
    return text.format(**params) if params else text
