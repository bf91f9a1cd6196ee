"""Getting a pack's raw files off the disk, from a folder or a .zip, safely.

Everything a pack needs is read here, into memory, once; the loader never touches the disk.
A zip is read member by member in memory and never unpacked. Whatever the bytes (garbage, a
zip bomb, a damaged download), nothing but :class:`PackError` leaves this module, and it lists
every problem found, each naming the file or zip member it is about.

This module holds the entry point, the limits and the name rules; the reading itself is in
:mod:`tutor.packs.folder_source` and :mod:`tutor.packs.zip_source`, imported only when a
folder or a file is met, so that reading a folder never loads the zip machinery.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tutor.packs.errors import PackError, Problem

if TYPE_CHECKING:
    import hashlib

MB = 1024 * 1024
MAX_FILE_BYTES = 1 * MB
MAX_TOTAL_BYTES = 20 * MB
MAX_MEMBERS = 500
# A folder is read file by file from the author's own disk, so it may hold a large course;
# the byte limits still apply to it.
MAX_FOLDER_FILES = 5000
MAX_RATIO = 100

PACK_FILE = "pack.toml"
MANIFEST_FILE = "manifest.toml"
TOML_SUFFIX = ".toml"

ARCHIVE_SUFFIXES = (".zip", ".jar", ".tar", ".gz", ".tgz", ".7z", ".rar")
ARCHIVE_MAGIC = (
    b"PK\x03\x04",  # zip (also jar, docx …)
    b"PK\x05\x06",  # empty zip
    b"PK\x07\x08",  # spanned zip
    b"\x1f\x8b",  # gzip
    b"7z\xbc\xaf\x27\x1c",  # 7-Zip
    b"Rar!\x1a\x07",  # RAR
    b"\xfd7zXZ\x00",  # xz
)
# Names Windows gives a special meaning: devices (CON, NUL, COM1 …), streams after a colon, and
# a trailing dot or space, which Windows drops. A pack is handed out to every kind of computer.
_WINDOWS_DEVICE = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$", re.IGNORECASE)

_HINT_REZIP = "make the zip again from the pack folder with an ordinary zip tool"
_HINT_REBUILD = "build the pack again, or get an unchanged copy of the zip"
_HINT_NEW = "'netsteps pack new DIR' makes a starter pack"


@dataclass(frozen=True)
class PackFiles:
    """The raw files of a pack, read into memory: file name -> bytes.

    Only the pack folder's top-level ``.toml`` files are kept (the pack is flat), except
    ``manifest.toml``, which is build metadata: a zip's manifest is checked while reading, a
    folder's is ignored. Names starting with a dot (editor and macOS side files) are skipped.
    """

    origin: Path
    files: dict[str, bytes]
    is_zip: bool


def read_pack_files(path: Path) -> PackFiles:
    """Read the pack at ``path`` (a folder, or a zip of one), or raise :class:`PackError`."""
    label = _label(path)
    try:
        return _read(path, label)
    except PackError:
        raise
    except Exception as exc:  # a safety net: hostile input must never end in a traceback
        raise PackError(
            Problem(label, "", f"this pack could not be read ({_detail(exc)})", _HINT_REZIP)
        ) from exc
def _read(path: Path, label: str) -> PackFiles:
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise PackError(
            Problem(
                label, "", "there is no file or folder here", "check the path for typing mistakes"
            )
        ) from None
    except PermissionError:
        raise PackError(
            Problem(
                label,
                "",
                "this path cannot be opened (permission denied)",
                "check that you are allowed to read it",
            )
        ) from None
    except (OSError, ValueError) as exc:
        raise PackError(
            Problem(label, "", f"this path cannot be opened ({_detail(exc)})", "check the path")
        ) from None
    if stat.S_ISDIR(info.st_mode):
        from tutor.packs.folder_source import _read_folder

        return _read_folder(path, label)
    if stat.S_ISREG(info.st_mode):
        from tutor.packs.zip_source import _read_archive

        return _read_archive(path, label)
    raise PackError(_not_a_pack(path, label))


def _not_a_pack(path: Path, label: str) -> Problem:
    name = path.name.casefold()
    if name.endswith(".zip"):
        return Problem(
            label,
            "",
            "this file ends in .zip but is not a zip that can be read; "
            "it may be damaged or only partly downloaded",
            "make the zip again, or download it again",
        )
    if name.endswith(TOML_SUFFIX):
        return Problem(
            label,
            "",
            "this is a single file, but a pack is the folder that holds pack.toml and the lessons",
            "give the path of the folder instead",
        )
    return Problem(
        label,
        "",
        "this is neither a pack folder nor a .zip file",
        "give the pack folder, or a .zip made from it",
    )

def sha256(data: bytes) -> hashlib._Hash:
    import hashlib  # only built zips carry a manifest to verify

    return hashlib.sha256(data)

# --- shared helpers ----------------------------------------------------------------------


def _windows_problem(name: str) -> str:
    """Why a file name would misbehave on Windows, or an empty string."""
    for part in name.split("/"):
        if _WINDOWS_DEVICE.match(part):
            return f"'{part}' is a reserved device name on Windows"
        if ":" in part:
            return "it has a colon (:), which Windows reads as a hidden stream"
        if part and part[-1] in ". " and part not in (".", ".."):
            return "it ends with a dot or a space, which Windows drops"
    return ""


def _is_pack_file_name(name: str) -> bool:
    return name.endswith(TOML_SUFFIX) and not name.startswith(".") and name != MANIFEST_FILE


def _name_is_printable(name: str) -> bool:
    return all(char.isprintable() for char in name)


def _shown(name: str, limit: int = 160) -> str:
    """``name`` with anything a terminal could act on written as an escape, and cut if long."""
    text = "".join(char if char.isprintable() else repr(char)[1:-1] for char in name)
    return text if len(text) <= limit else text[:limit] + "…"


def _label(path: Path) -> str:
    return _shown(path.name or str(path))


def _fold(name: str) -> str:
    """The form in which names that look the same to a person or a file system are equal."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", name).casefold())


def _mb(size: int) -> str:
    return f"{size / MB:.1f} MB".replace(".0 MB", " MB")


def _detail(exc: BaseException) -> str:
    text = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return _shown(text or type(exc).__name__, 120)


def _case_hint(names: Iterable[str]) -> str:
    for name in names:
        if name != PACK_FILE and name.casefold() == PACK_FILE:
            return f"'{_shown(name)}' must be called pack.toml, in lowercase"
    return _HINT_NEW


def _no_pack_file(hint: str) -> Problem:
    return Problem(PACK_FILE, "", "this folder has no pack.toml, so it is not a lesson pack", hint)


def _link_problem(shown: str) -> Problem:
    return Problem(
        shown,
        "",
        "is a link; packs cannot contain links",
        "put a copy of the real file in the pack instead",
    )


def _unprintable_problem(shown: str) -> Problem:
    return Problem(
        shown,
        "",
        "its name has control or invisible characters",
        "rename it using letters, digits, - and _",
    )


def _too_big_problem(shown: str, size: int) -> Problem:
    return Problem(
        shown,
        "",
        f"is larger than {_mb(MAX_FILE_BYTES)} ({size:,} bytes); that is "
        "the most a single file can be",
        "split it into smaller files",
    )


def _too_big_total(label: str, size: int) -> Problem:
    return Problem(
        label,
        "",
        f"unpacks to more than {_mb(MAX_TOTAL_BYTES)} in all "
        f"({_mb(size)} or more); that is the most a pack can hold",
        "leave out files the pack does not need",
    )


def _too_many_members(label: str, count: int) -> Problem:
    return Problem(
        label,
        "",
        f"the zip has {count} entries; a pack can have at most {MAX_MEMBERS}",
        "leave out files the pack does not need",
    )


def _archive_problem(shown: str, why: str) -> Problem:
    return Problem(
        shown,
        "",
        f"is an archive inside the zip ({why}); packs cannot contain other archives",
        "unpack it into the pack folder, or leave it out",
    )
