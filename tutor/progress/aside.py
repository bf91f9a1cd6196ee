"""Setting a damaged database aside under a name no file has: never overwritten, never deleted."""

from __future__ import annotations

import contextlib
import os
from datetime import datetime
from pathlib import Path

SIDE_FILES = ("-wal", "-shm", "-journal")
ASIDE_INFIX = ".unreadable-"


def set_aside(data_dir: Path, file_name: str, stamp: str) -> str:
    """Move the database and its WAL to a name no file has; never overwrites anything."""
    path = data_dir / file_name
    base = f"{file_name}{ASIDE_INFIX}{stamp}"
    counter = 1
    while True:
        name = base if counter == 1 else f"{base}-{counter}"
        counter += 1
        target = data_dir / name
        if any(os.path.lexists(f"{target}{suffix}") for suffix in ("", *SIDE_FILES)):
            continue
        try:
            _move_no_clobber(path, target)
        except FileExistsError:
            continue
        for suffix in SIDE_FILES:  # the WAL may hold committed work: it goes along
            with contextlib.suppress(OSError):
                _move_no_clobber(Path(f"{path}{suffix}"), Path(f"{target}{suffix}"))
        return name


def aside_copies(data_dir: Path, file_name: str) -> list[Path]:
    """The databases set aside so far, oldest first."""
    try:
        return sorted(data_dir.glob(f"{file_name}{ASIDE_INFIX}*"))
    except OSError:
        return []


def _move_no_clobber(source: Path, target: Path) -> None:
    """Rename, refusing to replace an existing ``target`` (FileExistsError) on every platform."""
    if os.name == "nt":
        os.rename(source, target)  # Windows refuses an existing target by itself
        return
    try:
        os.link(source, target)  # fails if target exists, unlike POSIX rename
    except FileExistsError:
        raise
    except FileNotFoundError:
        raise
    except OSError:  # no hard links here (some USB and network file systems)
        if os.path.lexists(target):
            raise FileExistsError(target) from None
        os.rename(source, target)
        return
    os.unlink(source)


def stamp() -> str:
    """Local time, because the learner reads it in the set-aside file's name."""
    return datetime.now().strftime("%Y%m%d-%H%M%S")

