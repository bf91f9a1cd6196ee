"""The learner's data as a whole: everything in one file, or erased for good."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import tomli_w

from tutor import __version__
from tutor.files import write_text_atomic
from tutor.packs.library import Library
from tutor.progress.store import ProgressStore


def export_all(store: ProgressStore, library: Library, path: Path) -> Path:
    """Write progress, settings and the list of installed packs into one TOML file."""
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
    return write_text_atomic(path, tomli_w.dumps(document))


def delete_all(folder: Path) -> None:
    """Erase the data folder and everything in it."""
    shutil.rmtree(folder)
