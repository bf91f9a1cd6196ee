"""Finding glossary terms: by search, and the ones a lesson uses."""

from __future__ import annotations

import re
from collections.abc import Iterable

from tutor.packs.model import Lesson, Term
from tutor.packs.stats import learner_texts


def _names(term: Term) -> list[str]:
    return [term.term, *term.also]


# Endings a term may take in running text: English plurals ("hashtags") and the Norwegian
# definite and plural forms ("appen", "appene", "profilen", "innleggene", "nettverkets").
_ENDINGS = "(?:s|es|en|et|er|ene|a|e|ne|ens|ets|ers|enes)?"


def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(name)}{_ENDINGS}(?!\w)", re.IGNORECASE)


def terms_in(lesson: Lesson, terms: Iterable[Term]) -> list[Term]:
    """The terms that appear anywhere in the text the learner reads in ``lesson``."""
    text = "\n".join(learner_texts(lesson))
    return [term for term in terms if any(_pattern(n).search(text) for n in _names(term))]


# Norwegian sorts æ, ø and å after z, in that order; English words are not affected.
_NORDIC = str.maketrans({"æ": "{", "ø": "|", "å": "}"})  # the three characters after z


def _order(term: Term) -> str:
    return term.term.casefold().translate(_NORDIC)


def search(terms: Iterable[Term], query: str) -> list[Term]:
    """Terms whose name matches first, then those whose meaning mentions the query."""
    query = " ".join(query.split()).casefold()
    items = list(terms)
    if not query:
        return sorted(items, key=_order)
    by_name = [term for term in items if any(query in n.casefold() for n in _names(term))]
    by_meaning = [term for term in items
                  if term not in by_name and query in term.meaning.casefold()]
    return sorted(by_name, key=_order) + by_meaning
