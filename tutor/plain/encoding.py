"""Terminals that cannot show every letter: which they are, and what to write instead.

A terminal set to an old character set (``LANG=C``, ``PYTHONIOENCODING=ascii``, Latin-1) shows
curly quotes as "?" and the full-screen tutor's box lines as ``\\u2594``. Plain mode writes plain
ASCII stand-ins there (straight quotes, "-", "->", "..."), and the full-screen tutor is not
started at all.
"""

from __future__ import annotations

import codecs
import os
import unicodedata

from tutor.messages import t

# What to write for a character the terminal cannot show, before falling back to "?".
STAND_INS = {
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2033": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2039": "'", "\u203a": "'",
    "\u2032": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-",
    "\u2192": "->", "\u2190": "<-", "\u2191": "^", "\u2193": "v", "\u21d2": "=>",
    "\u2714": "x", "\u2713": "x", "\u2611": "[x]", "\u2610": "[ ]", "\u2717": "-",
    "\u2718": "-",
    "\u2022": "*", "\u00b7": "*", "\u25cf": "*", "\u25e6": "-", "\u2026": "...",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\u200b": "",
    "\u2044": "/", "\u00d7": "x", "\u00f7": "/", "\u20ac": "EUR", "\u00a3": "GBP",
    "\u00a9": "(c)", "\u00ae": "(R)", "\u2122": "(TM)",
    # Norwegian letters as Norwegians write them without: Aa, Oe, Ae.
    "\u00c6": "Ae", "\u00e6": "ae", "\u00d8": "Oe", "\u00f8": "oe", "\u00c5": "Aa", "\u00e5": "aa",
    "\u00df": "ss", "\u0152": "OE", "\u0153": "oe",
}


def limited_charset(stream: object) -> str | None:
    """The character set ``stream`` is limited to, or None when it shows all of Unicode.

    A stream that says its encoding is taken at its word. A terminal whose locale names
    C, POSIX or a charset other than UTF-8 is limited to ASCII even when Python writes UTF-8
    to it (Python turns a C locale into UTF-8; the terminal does not follow).
    """
    encoding = getattr(stream, "encoding", None)
    if isinstance(encoding, str) and encoding:
        try:
            name = codecs.lookup(encoding).name
        except LookupError:
            return "ascii"
        if not name.startswith("utf"):
            return name
    if isatty(stream) and not _locale_is_unicode():
        return "ascii"
    return None


def why_not_full_screen(stream: object) -> str | None:
    """One line saying why the full-screen tutor cannot run on ``stream``, in letters it can
    show; None when it can."""
    charset = limited_charset(stream)
    if charset is None:
        return None
    return stand_in(t("plain.no_unicode", encoding=charset), charset)


def _locale_is_unicode() -> bool:
    """False when the locale in force names C, POSIX or a charset other than UTF-8."""
    for name in ("LC_ALL", "LC_CTYPE", "LANG"):
        value = os.environ.get(name, "")
        if not value:
            continue
        if value in ("C", "POSIX"):
            return False
        if "." not in value:
            return True  # a language without a charset: leave it to the stream's encoding
        charset = value.split(".", 1)[1].split("@", 1)[0].replace("-", "").casefold()
        return charset == "utf8"
    return True  # nothing set: trust the stream's encoding


def stand_in(text: str, charset: str) -> str:
    """``text`` with each character ``charset`` cannot hold replaced by a plain stand-in."""
    try:
        text.encode(charset)
    except UnicodeEncodeError:
        pass
    else:
        return text
    return "".join(_one(char, charset) for char in text)


def _one(char: str, charset: str) -> str:
    try:
        char.encode(charset)
    except UnicodeEncodeError:
        pass
    else:
        return char
    if char in STAND_INS:
        return STAND_INS[char]
    # é becomes e, ½ becomes 1/2: the letter without its accent, or its plain form.
    plain = "".join(c for c in unicodedata.normalize("NFKD", char)
                    if not unicodedata.combining(c))
    plain = "".join(STAND_INS.get(c, c) for c in plain)
    try:
        plain.encode(charset)
    except UnicodeEncodeError:
        return "?"
    return plain


def isatty(stream: object) -> bool:
    try:
        return bool(getattr(stream, "isatty", lambda: False)())
    except (OSError, ValueError):
        return False
