"""Building hostile packs on the fly, and checking how netsteps answers them.

Nothing here is a committed binary: every zip, folder and odd byte is made by the test that
needs it, from a fixed seed, so a failure can be reproduced exactly.
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import signal
import struct
import unicodedata
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tutor.cli import main
from tutor.packs.errors import PackError
from tutor.packs.loader import load_pack
from tutor.packs.model import Pack

REPO = Path(__file__).resolve().parents[2]
BUILTIN = REPO / "lessons"

PACK = """\
format = 1
id = "hostile"
title = "Hostile pack"
language = "en"
version = "1.0"
authors = ["Mallory"]
description = "A pack made to break things."
"""

LESSON = """\
id = "one"
title = "Lesson one"
summary = "A first lesson."
minutes = 5
objectives = ["Know one thing"]

[[steps]]
kind = "read"
body = "Hello."
"""

PACK_B = PACK.encode()
LESSON_B = LESSON.encode()

# Bytes that make a terminal act rather than show: none may survive into shown text.
TERMINAL_ACTIVE = ("\x1b", "\x9b", "\x9d", "\x90", "\x07", "\x00", "\x7f", "\x08", "\r")


def rng(seed: int = 1234) -> random.Random:
    return random.Random(seed)


def noise(size: int, seed: int = 1234) -> bytes:
    """Bytes that do not compress: a zip of them has a ratio of about 1."""
    return rng(seed).randbytes(size)


# --- zips ----------------------------------------------------------------------------------


Member = tuple[str | zipfile.ZipInfo, bytes]


def zip_bytes(members: list[Member], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate names we write
        with zipfile.ZipFile(buffer, "w", compression=method) as archive:
            for name, data in members:
                archive.writestr(name, data)
    return buffer.getvalue()


def pack_members(**extra: bytes) -> list[Member]:
    """A valid pack's members, with more added by name (``__`` in a keyword stands for ``.``)."""
    members: list[Member] = [("pack.toml", PACK_B), ("01-one.toml", LESSON_B)]
    members += [(name.replace("__", "."), data) for name, data in extra.items()]
    return members


def _central_entries(data: bytes) -> Iterator[tuple[int, int, bytes]]:
    """(offset, name length, name) of each entry in the zip's central directory."""
    end = data.rfind(b"PK\x05\x06")
    (count,) = struct.unpack_from("<H", data, end + 10)
    (pos,) = struct.unpack_from("<L", data, end + 16)
    for _ in range(count):
        assert data[pos : pos + 4] == b"PK\x01\x02"
        name_len, extra_len, comment_len = struct.unpack_from("<3H", data, pos + 28)
        yield pos, name_len, data[pos + 46 : pos + 46 + name_len]
        pos += 46 + name_len + extra_len + comment_len


_CENTRAL = {"flags": (8, "<H"), "file_size": (24, "<L"), "compress_size": (20, "<L")}


def patch_central(data: bytes, name: str, **fields: int) -> bytes:
    """Change what the zip's table of contents says about member ``name``."""
    buffer = bytearray(data)
    for pos, _, stored in _central_entries(data):
        if stored == name.encode():
            for key, value in fields.items():
                offset, fmt = _CENTRAL[key]
                struct.pack_into(fmt, buffer, pos + offset, value)
            return bytes(buffer)
    raise AssertionError(f"no member {name!r}")


def rename_member(data: bytes, old: str, new: bytes) -> bytes:
    """Give a member a raw name of the same length, in its local header and the directory.

    zipfile would rewrite some names (a backslash on Windows), so hostile names are written
    as a harmless name of the same length first and swapped in byte for byte.
    """
    raw_old = old.encode()
    assert len(raw_old) == len(new)
    buffer = bytearray(data)
    for pos, name_len, stored in _central_entries(data):
        if stored == raw_old:
            buffer[pos + 46 : pos + 46 + name_len] = new
            (local,) = struct.unpack_from("<L", data, pos + 42)
            assert buffer[local + 30 : local + 30 + name_len] == raw_old
            buffer[local + 30 : local + 30 + name_len] = new
            return bytes(buffer)
    raise AssertionError(f"no member {old!r}")


def local_data_span(data: bytes, name: str) -> tuple[int, int]:
    """Where member ``name``'s compressed bytes sit in the zip: (start, length)."""
    for pos, _, stored in _central_entries(data):
        if stored == name.encode():
            (size,) = struct.unpack_from("<L", data, pos + 20)
            (local,) = struct.unpack_from("<L", data, pos + 42)
            name_len, extra_len = struct.unpack_from("<2H", data, local + 26)
            return local + 30 + name_len + extra_len, size
    raise AssertionError(f"no member {name!r}")


def link_info(name: str) -> zipfile.ZipInfo:
    """A member that unzip tools would make into a symbolic link."""
    info = zipfile.ZipInfo(name)
    info.external_attr = (0o120777 << 16) | 0  # S_IFLNK | rwxrwxrwx
    info.create_system = 3  # Unix, so the mode bits mean what they say
    return info


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# --- folders -------------------------------------------------------------------------------


def write_folder(folder: Path, files: dict[str, bytes | str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        raw = data.encode() if isinstance(data, str) else data
        (folder / name).write_bytes(raw)
    return folder


def pack_folder(folder: Path, **files: bytes | str) -> Path:
    """A valid pack folder, with files replaced or added by name (``__`` stands for ``.``)."""
    contents: dict[str, bytes | str] = {"pack.toml": PACK, "01-one.toml": LESSON}
    contents.update({name.replace("__", "."): data for name, data in files.items()})
    return write_folder(folder, contents)


def lesson_with(*, steps: str = "", **fields: str) -> str:
    """A lesson file: the valid lesson's fields, any replaced by raw TOML values, plus steps."""
    values = {
        "id": '"one"',
        "title": '"Lesson one"',
        "summary": '"A first lesson."',
        "minutes": "5",
        "objectives": '["Know one thing"]',
    }
    values.update(fields)
    head = "".join(f"{key} = {value}\n" for key, value in values.items())
    return head + "\n" + (steps or '[[steps]]\nkind = "read"\nbody = "Hello."\n')


# --- outcomes ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Expect:
    """One problem a refusal must list: the file or member it names and a phrase of its text."""

    file: str
    phrase: str
    where: str | None = None


def refusal(path: Path) -> PackError:
    """Load the pack at ``path``; it must be refused with a PackError and nothing else."""
    with pytest.raises(PackError) as caught:
        load_pack(path)
    return caught.value


def assert_problems(error: PackError, expected: list[Expect]) -> None:
    """The problems are exactly ``expected``, in order, each on one safe line."""
    got = [(problem.file, problem.where, problem.what) for problem in error.problems]
    assert len(error.problems) == len(expected), got
    for problem, want in zip(error.problems, expected, strict=True):
        assert problem.file == want.file, got
        assert want.phrase in problem.what, got
        if want.where is not None:
            assert problem.where == want.where, got
        assert_terminal_safe(str(problem))


def assert_terminal_safe(text: str) -> None:
    """``text`` is one line with nothing a terminal could act on."""
    assert "\n" not in text, text
    bad = [char for char in text if char in TERMINAL_ACTIVE or unicodedata.category(char) == "Cc"]
    assert not bad, (bad, text)
    assert not any(0x202A <= ord(char) <= 0x202E or 0x2066 <= ord(char) <= 0x2069
                   for char in text), text
    assert not any(0xE0000 <= ord(char) <= 0xE007F for char in text), text


def check_cli(path: Path, error: PackError, capsys: pytest.CaptureFixture[str]) -> None:
    """``netsteps pack check PATH`` exits 1 and prints one line per problem, no traceback."""
    capsys.readouterr()
    code = main(["pack", "check", str(path)])
    out, err = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in out + err
    assert out.splitlines() == [str(problem) for problem in error.problems]
    count = len(error.problems)
    assert err.strip().startswith(f"netsteps: {count} problem{'s' if count != 1 else ''} found")
    for line in out.splitlines():
        assert_terminal_safe(line)


def accepted(path: Path) -> Pack:
    pack = load_pack(path)
    assert isinstance(pack, Pack)
    return pack


def tree(root: Path, *, skip: Path | None = None) -> dict[str, tuple[str, int]]:
    """Every path under ``root`` (not following links) with its kind and size."""
    found: dict[str, tuple[str, int]] = {}
    for folder, dirs, files in os.walk(root, followlinks=False):
        here = Path(folder)
        if skip is not None and (here == skip or skip in here.parents):
            dirs[:] = []
            continue
        for name in dirs + files:
            path = here / name
            if skip is not None and path == skip:
                continue
            info = path.lstat()
            kind = "link" if path.is_symlink() else "dir" if path.is_dir() else "file"
            found[str(path.relative_to(root))] = (kind, 0 if kind == "dir" else info.st_size)
    return found


@contextlib.contextmanager
def unchanged_outside(root: Path, data_dir: Path) -> Iterator[None]:
    """Nothing under ``root`` changes during the block, except inside ``data_dir``."""
    before = tree(root, skip=data_dir)
    yield
    after = tree(root, skip=data_dir)
    assert after == before, {
        "added": sorted(set(after) - set(before)),
        "removed": sorted(set(before) - set(after)),
        "changed": sorted(k for k in set(after) & set(before) if after[k] != before[k]),
    }


class TooSlow(Exception):
    """The code under test took far longer than anything of this size should."""


@contextlib.contextmanager
def within(seconds: float) -> Iterator[None]:
    """Raise :class:`TooSlow` inside the block if it runs longer than ``seconds`` (POSIX)."""

    def too_slow(signum: int, frame: object) -> None:
        raise TooSlow(f"still running after {seconds} seconds")

    previous = signal.signal(signal.SIGALRM, too_slow)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


needs_timer = pytest.mark.skipif(not hasattr(signal, "setitimer"),
                                 reason="needs a POSIX interval timer")

