"""Finding glossary terms: by search, and the ones a lesson uses."""

from __future__ import annotations

import re
from collections.abc import Iterable

from tutor.packs.model import Lesson, Term
from tutor.packs.stats import learner_texts


def _names(term: Term) -> list[str]:
    return [term.term, *term.also]


def _pattern(name: str) -> re.Pattern[str]:
    # Allow a plain plural or -s form ("hashtags", "followers") after the term.
    return re.compile(rf"(?<!\w){re.escape(name)}(?:s|es)?(?!\w)", re.IGNORECASE)


def terms_in(lesson: Lesson, terms: Iterable[Term]) -> list[Term]:
    """The terms that appear anywhere in the text the learner reads in ``lesson``."""
    text = "\n".join(learner_texts(lesson))
    return [term for term in terms if any(_pattern(n).search(text) for n in _names(term))]


def search(terms: Iterable[Term], query: str) -> list[Term]:
    """Terms whose name matches first, then those whose meaning mentions the query."""
    query = " ".join(query.split()).casefold()
    items = list(terms)
    if not query:
        return sorted(items, key=lambda term: term.term.casefold())
    by_name = [term for term in items if any(query in n.casefold() for n in _names(term))]
    by_meaning = [term for term in items
                  if term not in by_name and query in term.meaning.casefold()]
    return sorted(by_name, key=lambda term: term.term.casefold()) + by_meaning
