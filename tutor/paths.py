"""Where netsteps keeps the learner's data and finds its own lessons."""

from __future__ import annotations

import errno
import os
import stat
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
    """Make sure netsteps may write in ``path``, creating what is missing as 0700.

    Only folders netsteps creates are made private: an existing folder keeps its mode (a
    shared classroom folder stays shared), and one nobody may write to (a folder the learner
    made read-only) is refused with one line rather than changed.
    """
    missing: list[Path] = []
    folder = path
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    if missing:
        check_writable_dir(folder)  # never create inside a folder the learner made read-only
    for new in reversed(missing):
        try:
            new.mkdir(mode=0o700)
        except FileExistsError:
            pass  # made by another netsteps just now
        else:
            if os.name == "posix":
                os.chmod(new, 0o700)  # mkdir's mode is cut by the umask; 0700 needs no widening
    if not missing:
        check_writable_dir(path)
    return path


def check_writable_dir(path: Path) -> None:
    """PermissionError with one catalog line when ``path`` is a folder no one may write to."""
    from tutor.messages import t

    info = path.stat()
    if not stat.S_ISDIR(info.st_mode):
        raise NotADirectoryError(errno.ENOTDIR, t("store.not_a_folder"), str(path))
    if os.name == "posix" and (info.st_mode & 0o222 == 0 or not os.access(path, os.W_OK)):
        raise PermissionError(errno.EACCES, t("store.folder_read_only"), str(path))


def builtin_lessons_dir() -> Path:
    """The shipped course: inside the wheel, or the repository's ``lessons/`` when editable."""
    packaged = Path(__file__).parent / "_lessons"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "lessons"


def documents_dir() -> Path:
    """The learner's Documents folder, where exports go unless they say otherwise."""
    from platformdirs import user_documents_dir

    documents = Path(user_documents_dir())
    # An export never creates folders, so a machine without Documents gets the home folder.
    return documents if documents.is_dir() else Path.home()
