"""Where netsteps keeps the learner's data and finds its own lessons."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "netsteps"
ENV_HOME = "NETSTEPS_HOME"


def data_dir() -> Path:
    """The learner's data directory: ``NETSTEPS_HOME`` if set, else the platform's usual place."""
    override = os.environ.get(ENV_HOME, "").strip()
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=True))


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` if needed and make it readable by the learner alone (0700)."""
    path.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(path, 0o700)
    return path


def builtin_lessons_dir() -> Path:
    """The shipped course: inside the wheel, or the repository's ``lessons/`` when editable."""
    packaged = Path(__file__).parent / "_lessons"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "lessons"


def documents_dir() -> Path:
    """The learner's Documents folder, where exports go unless they say otherwise."""
    from platformdirs import user_documents_dir

    return Path(user_documents_dir())
