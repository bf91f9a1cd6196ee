"""Reading a pack folder from the author's disk: only its top-level .toml files, no links."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from tutor.packs.errors import PackError, Problem
from tutor.packs.source import (
    MAX_FILE_BYTES,
    MAX_FOLDER_FILES,
    MAX_TOTAL_BYTES,
    PACK_FILE,
    PackFiles,
    _case_hint,
    _detail,
    _is_pack_file_name,
    _link_problem,
    _mb,
    _name_is_printable,
    _no_pack_file,
    _shown,
    _too_big_problem,
    _unprintable_problem,
    _windows_problem,
)


def _read_folder(path: Path, label: str) -> PackFiles:
    try:
        with os.scandir(path) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except PermissionError:
        raise PackError(
            Problem(
                label,
                "",
                "this folder cannot be read (permission denied)",
                "check that you are allowed to read it",
            )
        ) from None
    except OSError as exc:
        raise PackError(
            Problem(label, "", f"this folder cannot be read ({_detail(exc)})", "check the path")
        ) from None

    wanted = [entry for entry in entries if _is_pack_file_name(entry.name)]
    if len(wanted) > MAX_FOLDER_FILES:
        raise PackError(
            Problem(
                label,
                "",
                f"this folder has {len(wanted)} .toml files; a pack can have at most "
                f"{MAX_FOLDER_FILES}",
                "move the files the pack does not need elsewhere",
            )
        )

    problems: list[Problem] = []
    files: dict[str, bytes] = {}
    total = 0
    for entry in wanted:
        shown = _shown(entry.name)
        if windows := _windows_problem(entry.name):
            problems.append(Problem(shown, "", f"this name cannot be used on every computer: "
                                    f"{windows}", "rename the file"))
            continue
        if entry.is_symlink():
            problems.append(_link_problem(shown))
            continue
        if entry.is_dir(follow_symlinks=False):
            continue  # a folder that happens to end in .toml is not a pack file
        if not _name_is_printable(entry.name):
            problems.append(_unprintable_problem(shown))
            continue
        data = _read_disk_file(entry.path, shown, problems)
        if data is None:
            continue
        total += len(data)
        if total > MAX_TOTAL_BYTES:
            problems.append(
                Problem(
                    label,
                    "",
                    f"the .toml files add up to more than {_mb(MAX_TOTAL_BYTES)}; "
                    "that is the most a pack can hold",
                    "make the lessons shorter",
                )
            )
            break
        files[entry.name] = data

    if all(entry.name != PACK_FILE for entry in entries):
        problems.append(_no_pack_file(_case_hint(entry.name for entry in entries)))
    if problems:
        raise PackError(problems)
    return PackFiles(origin=path, files=files, is_zip=False)


def _read_disk_file(path: str, shown: str, problems: list[Problem]) -> bytes | None:
    """Read one file without following links or blocking on pipes, at most the size limit."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except PermissionError:
        problems.append(
            Problem(
                shown,
                "",
                "cannot be read (permission denied)",
                "check that you are allowed to read this file",
            )
        )
        return None
    except OSError as exc:
        if os.path.islink(path):  # swapped for a link after the folder was listed
            problems.append(_link_problem(shown))
        else:
            problems.append(_unreadable(shown, exc))
        return None
    try:
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                problems.append(
                    Problem(
                        shown,
                        "",
                        "is not an ordinary file",
                        "a pack holds only ordinary text files",
                    )
                )
                return None
            if info.st_size > MAX_FILE_BYTES:
                problems.append(_too_big_problem(shown, info.st_size))
                return None
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        problems.append(_unreadable(shown, exc))
        return None
    if len(data) > MAX_FILE_BYTES:  # it grew while we looked
        problems.append(_too_big_problem(shown, len(data)))
        return None
    return data


def _unreadable(shown: str, exc: OSError) -> Problem:
    return Problem(shown, "", f"cannot be read ({_detail(exc)})",
                   "check that the file is there and can be opened")
