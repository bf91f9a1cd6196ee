"""Checking a zip's table of contents, member by member, before anything is read from it."""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tutor.packs.errors import Problem
from tutor.packs.source import (
    _HINT_REZIP,
    ARCHIVE_SUFFIXES,
    MAX_FILE_BYTES,
    MAX_RATIO,
    PACK_FILE,
    _archive_problem,
    _case_hint,
    _fold,
    _link_problem,
    _no_pack_file,
    _shown,
    _too_big_problem,
    _windows_problem,
)

if TYPE_CHECKING:
    import zipfile

# Folders that zip tools add beside the real content (macOS Finder's resource forks).
_IGNORED_TOP = frozenset({"__MACOSX"})
_DRIVE = re.compile(r"^[A-Za-z]:")
_ENCRYPTED = 0x1 | 0x40  # traditional and strong encryption flags


@dataclass
class _Member:
    info: zipfile.ZipInfo
    name: str  # the name as stored in the zip
    shown: str  # the name, safe to print
    parts: tuple[str, ...]  # the path, without empty and "." parts
    ok: bool = True  # no problem found with this member
    safe_name: bool = True  # the name stays inside the pack and can be used to find it

def _check_member(info: zipfile.ZipInfo, problems: list[Problem]) -> _Member:
    """Check what the zip's table of contents says about one member, before reading it."""
    name = info.orig_filename  # as stored: zipfile may rewrite \ and cut at a null character
    shown = _shown(name) or "(no name)"
    found: list[Problem] = []

    def refuse(what: str, hint: str = "") -> None:
        found.append(Problem(shown, "", what, hint))

    if not name:
        refuse("an entry in the zip has no name", _HINT_REZIP)
    if "\x00" in name:
        refuse("its name contains a null character, which can hide a file's real name", _HINT_REZIP)
    if "\\" in name:
        refuse(
            "its name uses backslashes (\\); names in a zip must use / between folders", _HINT_REZIP
        )
    if name.startswith("/"):
        refuse(
            "its name is an absolute path (it starts with /); names in a pack must be "
            "relative to the pack",
            _HINT_REZIP,
        )
    if _DRIVE.match(name):
        refuse(
            "its name starts with a drive letter (such as C:); names in a pack must be "
            "relative to the pack",
            _HINT_REZIP,
        )
    if ".." in re.split(r"[/\\]", name):
        refuse("its name contains '..', which points outside the pack", _HINT_REZIP)
    elif (windows := _windows_problem(name)) and not _DRIVE.match(name):
        refuse(f"its name cannot be used on every computer: {windows}",
               "rename the file in the pack folder and build the zip again")
    if stat.S_ISLNK(info.external_attr >> 16):
        found.append(_link_problem(shown))
    if info.flag_bits & _ENCRYPTED:
        refuse(
            "is encrypted (protected by a password); packs cannot contain encrypted files",
            "make the zip again without a password",
        )
    safe_name = not found
    if not info.is_dir():
        if info.file_size > MAX_FILE_BYTES:
            found.append(_too_big_problem(shown, info.file_size))
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > MAX_RATIO:
            refuse(
                f"is compressed about {ratio:.0f} times; more than {MAX_RATIO} times is how "
                "zip bombs are made, so it is refused",
                "make the zip again from the pack folder; real lesson files never shrink that much",
            )
        if name.casefold().endswith(ARCHIVE_SUFFIXES):
            found.append(_archive_problem(shown, "its name ends like an archive"))
    problems.extend(found)
    parts = tuple(part for part in name.split("/") if part not in ("", "."))
    return _Member(info, name, shown, parts, ok=not found, safe_name=safe_name)


def _check_collisions(members: list[_Member], problems: list[Problem]) -> None:
    """Refuse names that are the same, or the same to a computer that ignores case or form."""
    seen: dict[str, _Member] = {}
    for member in members:
        key = _fold("/".join(member.parts))
        first = seen.get(key)
        if first is None:
            seen[key] = member
            continue
        member.ok = False
        first.ok = False
        if member.name == first.name:
            what = "appears more than once in the zip"
        else:
            what = (
                f"has the same name as '{first.shown}' except for upper and lower case or "
                "the way its letters are encoded; many computers cannot tell them apart"
            )
        problems.append(Problem(member.shown, "", what, "keep only one of them"))


def _find_root(members: list[_Member], problems: list[Problem]) -> tuple[str, ...] | None:
    """The pack folder inside the zip: its top, or its one folder that holds pack.toml."""
    files = [
        member.parts
        for member in members
        if member.safe_name and member.parts and not member.info.is_dir()
    ]
    if (PACK_FILE,) in files:
        return ()
    folders = sorted(
        {parts[0] for parts in files if len(parts) == 2 and parts[1] == PACK_FILE} - _IGNORED_TOP
    )
    if len(folders) == 1:
        return (folders[0],)
    if folders:
        listed = ", ".join(_shown(folder) + "/" for folder in folders)
        problems.append(
            Problem(
                PACK_FILE,
                "",
                f"the zip holds more than one pack ({listed})",
                "put each pack in a zip of its own",
            )
        )
        return None
    deeper = [parts for parts in files if parts[-1] == PACK_FILE and parts[0] not in _IGNORED_TOP]
    if deeper:
        shortest: tuple[str, ...] = min(deeper, key=len)
        where = _shown("/".join(shortest))
        hint = (
            f"there is one at {where}, deeper than netsteps looks; zip the pack folder "
            "itself, not a folder around it"
        )
    else:
        shallow = [parts[-1] for parts in files if len(parts) <= 2]
        hint = _case_hint(shallow)
    problems.append(_no_pack_file(hint))
    return None
