"""Whole files written so that a crash never leaves half of one, and read without blocking.

Every export, the pack builder and anything else that writes a whole file goes through
:func:`write_atomic`: a temporary file beside the target, fsync, ``os.replace``, then an fsync of
the folder so the rename itself survives a power cut. It writes only where the learner asked:
it never creates a missing folder and never replaces a symlink, a FIFO or anything else that is
not a plain file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
from pathlib import Path

from tutor.messages import t

TEMP_SUFFIX = ".tmp"


class FileRefused(OSError):
    """A write or read netsteps will not do; ``strerror`` is one calm line from the catalog."""


def write_text_atomic(path: Path, text: str) -> Path:
    """Write ``text`` as UTF-8 with ``write_atomic`` (0600: the learner's own words)."""
    return write_atomic(path, text.encode("utf-8"))


def write_atomic(path: Path, data: bytes, *, mode: int = 0o600) -> Path:
    """Swap in a complete new ``path``; a crash leaves the old file or the new one, never half.

    An error names the file the learner asked for, never the hidden temporary file.
    """
    path = path.expanduser()
    check_target(path)
    try:
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    except OSError as error:
        raise type(error)(error.errno, error.strerror, str(path)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except OSError as error:
        Path(temp).unlink(missing_ok=True)
        raise type(error)(error.errno, error.strerror, str(path)) from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)
    return path


def check_target(path: Path) -> None:
    """Refuse a path the learner did not really ask to be written (FileRefused, one line)."""
    parent = path.parent
    if not parent.is_dir():
        raise FileRefused(errno.ENOENT, t("data.no_folder", folder=parent), str(path))
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as error:
        raise type(error)(error.errno, error.strerror, str(path)) from None
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, t("data.is_folder"), str(path))
    if stat.S_ISLNK(info.st_mode):
        raise FileRefused(errno.EEXIST, t("data.is_link"), str(path))
    if not stat.S_ISREG(info.st_mode):
        raise FileRefused(errno.EEXIST, t("data.not_a_file"), str(path))


def read_regular(path: Path, *, limit: int | None = None) -> bytes:
    """The bytes of a plain file; FileRefused for a FIFO, a device or a folder (never blocks).

    Opening with O_NONBLOCK returns at once even for a FIFO with no writer, and the check is
    made on the opened file, so nothing can be swapped in between.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(errno.EINVAL, t("data.not_a_file"), str(path))
        if limit is not None and info.st_size > limit:
            raise FileRefused(errno.EFBIG, t("data.too_big"), str(path))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def fsync(fd: int) -> None:
    """Push the bytes to the disk; on macOS plain fsync stops at the drive's cache."""
    if sys.platform == "darwin":
        import fcntl

        try:
            fcntl.fcntl(fd, fcntl.F_FULLFSYNC)
            return
        except OSError:
            pass
    os.fsync(fd)


def fsync_dir(directory: Path) -> None:
    """Make a rename durable (POSIX only; some file systems refuse, which is harmless)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
