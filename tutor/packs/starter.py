"""The starter pack that ``netsteps pack new DIR`` writes for a course leader to copy and change.

It is a small, real course (a welcome and a lesson on a first post) that shows every step kind
once, with a plain-words note (a TOML ``#`` comment) above every field. Its files, in
``starter_pack/`` beside this module, are pack content, not interface strings, so they are not
translated with the UI. The pack id and title come from the folder's name. It passes
``netsteps pack check`` exactly as written.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from tutor.text import clean_line

FALLBACK_ID = "my-pack"
FALLBACK_TITLE = "My pack"
MAX_ID = 64

_ID_MARK = "@PACK_ID@"
_TITLE_MARK = "@PACK_TITLE@"

# Letters that Unicode does not split into a plain letter and an accent.
_TRANSLITERATE = str.maketrans({
    "æ": "ae", "ø": "o", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "þ": "th", "ł": "l",
    "ı": "i",
})
_NOT_ID = re.compile(r"[^a-z0-9_-]+")
_ESCAPES = {'"': '\\"', "\\": "\\\\"}


class StarterError(Exception):
    """The starter pack cannot be written here; the message says why in one line."""


# The starter pack's files as a course leader gets them, kept as real TOML files beside this
# module; ``@PACK_ID@`` and ``@PACK_TITLE@`` in pack.toml are filled in for the new folder.
TEMPLATE = Path(__file__).parent / "starter_pack"
LESSON_NAMES = ("01-welcome.toml", "02-your-topic.toml")


def _template(name: str) -> str:
    return (TEMPLATE / name).read_text("utf-8")


def pack_id_for(name: str) -> str:
    """An id for a pack in a folder called ``name``: lowercase letters, digits, - and _."""
    text = unicodedata.normalize("NFKD", name.lower().translate(_TRANSLITERATE))
    text = text.encode("ascii", "ignore").decode("ascii")
    text = _NOT_ID.sub("-", text).strip("-_")
    text = re.sub(r"-{2,}", "-", text)[:MAX_ID].rstrip("-_")
    return text or FALLBACK_ID


def pack_title_for(name: str) -> str:
    """A title for a pack in a folder called ``name``: its words, starting with a capital."""
    words = clean_line(re.sub(r"[-_]+", " ", name))[:200].strip()
    if not any(char.isalnum() for char in words):
        return FALLBACK_TITLE
    return words[0].upper() + words[1:]


def starter_files(name: str) -> dict[str, str]:
    """The starter pack's files (file name to text) for a pack folder called ``name``."""
    title = "".join(_ESCAPES.get(char, char) for char in pack_title_for(name))
    pack = _template("pack.toml").replace(_ID_MARK, pack_id_for(name)).replace(_TITLE_MARK, title)
    lessons = {lesson: _template(lesson) for lesson in LESSON_NAMES}
    return {"pack.toml": pack, **lessons, "glossary.toml": _template("glossary.toml")}


def write_starter(folder: Path) -> Path:
    """Write a starter pack into ``folder`` (made if needed, with its parents); return it.

    Raises :class:`StarterError` if ``folder`` is a file or a folder that is not empty, so
    nothing the course leader has is ever overwritten. Other failures are ``OSError``.
    """
    folder = Path(os.path.abspath(folder))
    if folder.exists() or folder.is_symlink():
        if not folder.is_dir():
            raise StarterError(f"{folder} is a file, not a folder; choose a new folder name")
        if any(folder.iterdir()):
            raise StarterError(
                f"{folder} is not empty; choose a new folder so that nothing in it is overwritten"
            )
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    try:
        for name, text in starter_files(folder.name).items():
            path = folder / name
            # "x": never replace a file, even one that appeared since the check above.
            with path.open("xb") as handle:
                written.append(path)
                handle.write(text.encode("utf-8"))
    except FileExistsError as error:
        _remove(written)
        raise StarterError(
            f"{folder} is not empty; choose a new folder so that nothing in it is overwritten"
        ) from error
    except BaseException:
        _remove(written)
        raise
    return folder


def _remove(paths: list[Path]) -> None:
    """Take back the files this run wrote, so a failed start leaves no half-made pack."""
    for path in paths:
        path.unlink(missing_ok=True)
