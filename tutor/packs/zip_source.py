"""Reading a pack from a zip, member by member in memory, never unpacked to the disk.

The zip's own sizes are not trusted: its table of contents is measured before zipfile reads
it, and every member's bytes are counted as they come out. :mod:`zipfile` is imported only
here, inside the functions, so a folder is read without it.
"""

from __future__ import annotations

import os
import stat
import struct
from pathlib import Path
from typing import IO, TYPE_CHECKING

from tutor.packs.errors import PackError, Problem
from tutor.packs.source import (
    _HINT_REZIP,
    ARCHIVE_MAGIC,
    MANIFEST_FILE,
    MAX_FILE_BYTES,
    MAX_MEMBERS,
    MAX_TOTAL_BYTES,
    PackFiles,
    _archive_problem,
    _detail,
    _is_pack_file_name,
    _mb,
    _name_is_printable,
    _not_a_pack,
    _too_big_total,
    _too_many_members,
    _unprintable_problem,
)
from tutor.packs.zip_entries import _check_collisions, _check_member, _find_root, _Member
from tutor.packs.zip_manifest import _check_manifest

if TYPE_CHECKING:
    import zipfile

_HEAD_BYTES = 8
_CHUNK = 64 * 1024
# The zip's table of contents: a pack's 500 members with ordinary names fit in far less.
_MAX_DIRECTORY_BYTES = MAX_MEMBERS * 2048


def _read_archive(path: Path, label: str) -> PackFiles:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except PermissionError:
        raise PackError(
            Problem(
                label,
                "",
                "this file cannot be read (permission denied)",
                "check that you are allowed to read it",
            )
        ) from None
    except OSError as exc:
        raise PackError(
            Problem(label, "", f"this file cannot be read ({_detail(exc)})", "check the path")
        ) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise PackError(_not_a_pack(path, label))
        if info.st_size == 0:
            raise PackError(
                Problem(
                    label,
                    "",
                    "this file is empty (0 bytes), so it is not a pack",
                    "if it was downloaded or copied, do that again",
                )
            )
        import zipfile  # only zips need it; folders, read at every start, do not

        if not zipfile.is_zipfile(handle):
            raise PackError(_not_a_pack(path, label))
        return _read_zip(handle, path, label)

def _read_zip(handle: IO[bytes], origin: Path, label: str) -> PackFiles:
    import zipfile

    early = _directory_problem(handle, label)
    if early is not None:
        raise PackError(early)
    try:
        archive = zipfile.ZipFile(handle)
    except UnicodeDecodeError:
        raise PackError(
            Problem(
                label,
                "",
                "a name inside the zip is not valid UTF-8 text, although the zip says it is",
                _HINT_REZIP,
            )
        ) from None
    except Exception as exc:  # zipfile raises many kinds of errors on damaged data
        raise PackError(
            Problem(
                label,
                "",
                f"the zip is damaged and cannot be read ({_detail(exc)})",
                "make the zip again, or download it again",
            )
        ) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise PackError(_too_many_members(label, len(infos)))
        return _read_members(archive, infos, origin, label)


def _read_members(
    archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], origin: Path, label: str
) -> PackFiles:
    problems: list[Problem] = []
    members = [_check_member(info, problems) for info in infos]
    _check_collisions(members, problems)
    declared = sum(member.info.file_size for member in members)
    if declared > MAX_TOTAL_BYTES:
        problems.append(_too_big_total(label, declared))

    root = _find_root(members, problems)
    wanted: dict[int, str] = {}  # index in members -> name in the pack
    manifest_at: int | None = None
    if root is not None:
        for index, member in enumerate(members):
            usable = member.safe_name and member.parts and not member.info.is_dir()
            if not usable or member.parts[:-1] != root:
                continue
            name = member.parts[-1]
            if name == MANIFEST_FILE:
                manifest_at = index
            elif _is_pack_file_name(name):
                if not _name_is_printable(name):
                    problems.append(_unprintable_problem(member.shown))
                    member.ok = False
                wanted[index] = name

    files: dict[str, bytes] = {}
    manifest: bytes | None = None
    total = 0
    over_budget = declared > MAX_TOTAL_BYTES  # once reported, no more whole files are read
    for index, member in enumerate(members):
        if not member.ok or member.info.is_dir():
            continue
        whole = index in wanted or index == manifest_at
        if whole and over_budget:
            continue
        data = _read_member(archive, member, whole, problems)
        if data is None:
            continue
        if data.startswith(ARCHIVE_MAGIC):
            problems.append(_archive_problem(member.shown, "its contents start like an archive"))
            continue
        if not whole:
            continue
        total += len(data)
        if total > MAX_TOTAL_BYTES:
            problems.append(_too_big_total(label, total))
            over_budget = True
            continue
        if index == manifest_at:
            manifest = data
        else:
            files[wanted[index]] = data

    if manifest is not None and manifest_at is not None:
        present = {wanted[index] for index in wanted}
        prefix = "".join(f"{part}/" for part in members[manifest_at].parts[:-1])
        _check_manifest(manifest, members[manifest_at].shown, prefix, present, files, problems)
    if problems:
        raise PackError(problems)
    return PackFiles(origin=origin, files=files, is_zip=True)

def _read_member(
    archive: zipfile.ZipFile, member: _Member, whole: bool, problems: list[Problem]
) -> bytes | None:
    """Read a member (or, if not ``whole``, its first bytes), counting what really comes out.

    The table of contents can lie about sizes, so the bytes are counted against the limit as
    they are unpacked, whatever the header said.
    """
    try:
        with archive.open(member.info) as stream:
            if not whole:
                return stream.read(_HEAD_BYTES)
            chunks: list[bytes] = []
            size = 0
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > MAX_FILE_BYTES:
                    problems.append(
                        Problem(
                            member.shown,
                            "",
                            f"unpacks to more than {_mb(MAX_FILE_BYTES)}, "
                            f"although the zip says it is {member.info.file_size} bytes; "
                            "the zip may have been made to cause harm",
                            _HINT_REZIP,
                        )
                    )
                    return None
                chunks.append(chunk)
            return b"".join(chunks)
    except NotImplementedError:
        problems.append(
            Problem(member.shown, "", "is compressed in a way netsteps cannot read", _HINT_REZIP)
        )
    except Exception as exc:  # damaged data surfaces as many kinds of errors
        problems.append(
            Problem(
                member.shown,
                "",
                f"is damaged and cannot be read ({_detail(exc)})",
                "make the zip again, or download it again",
            )
        )
    return None

def _directory_problem(handle: IO[bytes], label: str) -> Problem | None:
    """Refuse a zip whose table of contents is too long before zipfile reads all of it."""
    handle.seek(0, os.SEEK_END)
    size = handle.tell()
    tail_size = min(size, 22 + 0xFFFF)
    handle.seek(size - tail_size)
    tail = handle.read(tail_size)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return None  # zipfile will report it
    entries, directory = struct.unpack("<10xHL6x", tail[at : at + 22])
    if entries == 0xFFFF or directory == 0xFFFFFFFF:
        # Zip64: the real numbers are in a record just before a locator before this one.
        start = size - tail_size + at - 20 - 56
        if start < 0 or at < 20 or tail[at - 20 : at - 16] != b"PK\x06\x07":
            return None  # zipfile will report it
        handle.seek(start)
        record = handle.read(56)
        if len(record) != 56 or not record.startswith(b"PK\x06\x06"):
            return None
        entries, directory = struct.unpack("<32xQQ8x", record)
    if entries > MAX_MEMBERS:
        return _too_many_members(label, entries)
    if directory > _MAX_DIRECTORY_BYTES:
        return Problem(
            label,
            "",
            f"the zip's list of contents is {directory} bytes long, far "
            f"more than {MAX_MEMBERS} files with ordinary names need",
            _HINT_REZIP,
        )
    return None
