"""The learner's data as a whole: everything in one file, or erased for good.

Erasing removes only what netsteps itself writes, found by name: a data folder may be shared
(``NETSTEPS_HOME`` on a classroom machine) and hold files that are none of netsteps' business.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import stat
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

import tomli_w

from tutor import __version__
from tutor.files import write_atomic
from tutor.packs.library import Library
from tutor.progress.store import ProgressStore

FORMATS = {".toml": "toml", ".json": "json"}

# Everything netsteps writes in its data folder, by name (0.1 and 0.2).
OURS = (
    "progress.db", "progress.db-wal", "progress.db-shm", "progress.db-journal",
    "progress.db.unreadable-*",
    "progress.toml", "progress.toml.bak", "progress.toml.unreadable-*", "progress.lock",
    ".progress-*.tmp",
)
PACKS_FOLDER = "packs"


def format_for(path: Path) -> str | None:
    """The format a file name asks for (by its suffix), or None for one netsteps cannot write."""
    return FORMATS.get(path.suffix.lower())


def export_all(store: ProgressStore, library: Library, path: Path) -> Path:
    """Write progress, settings and the list of installed packs into one TOML or JSON file."""
    fmt = format_for(path)
    if fmt is None:
        raise ValueError(f"no format for {path.suffix!r}")
    document = {
        "exported": datetime.now(UTC).replace(microsecond=0),
        "netsteps": __version__,
        "data_dir": str(store.path.parent),
        "installed_packs": [
            {"id": pack.id, "title": pack.title, "version": pack.version}
            for pack in library.packs if library.is_installed(pack)
        ],
        "progress": store.as_dict(),
    }
    if fmt == "json":
        text = json.dumps(document, ensure_ascii=False, indent=2, default=_json_value) + "\n"
    else:
        text = tomli_w.dumps(document)
    return write_atomic(path, text.encode("utf-8"))


def _json_value(value: object) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


@dataclass
class Erasing:
    """What ``data delete`` finds in a folder: netsteps' own entries and everything else."""

    folder: Path
    ours: list[Path] = field(default_factory=list)
    others: list[Path] = field(default_factory=list)


def survey(folder: Path) -> Erasing:
    """Sort the folder's entries into netsteps' own and the rest (nothing is changed)."""
    erasing = Erasing(folder)
    for entry in sorted(folder.iterdir()):
        if _is_ours(entry):
            erasing.ours.append(entry)
        else:
            erasing.others.append(entry)
    return erasing


def _is_ours(entry: Path) -> bool:
    name = entry.name
    if name == PACKS_FOLDER:
        return entry.is_dir() or entry.is_symlink()
    if not any(fnmatchcase(name, pattern) for pattern in OURS):
        return False
    with contextlib.suppress(OSError):
        mode = os.lstat(entry).st_mode
        return stat.S_ISREG(mode) or stat.S_ISLNK(mode)
    return False


def erase(erasing: Erasing) -> tuple[list[tuple[Path, OSError]], bool]:
    """Remove netsteps' own entries; the folder too if that leaves it empty.

    Returns what could not be removed (with why) and whether the folder itself is gone.
    """
    failed: list[tuple[Path, OSError]] = []
    for entry in erasing.ours:
        try:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink(missing_ok=True)  # a link goes, never what it points to
        except OSError as error:
            failed.append((entry, error))
    try:
        erasing.folder.rmdir()  # only succeeds when nothing is left in it
    except OSError:
        return failed, False
    return failed, True
