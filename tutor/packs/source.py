"""Getting a pack's raw files off the disk, from a folder or a .zip, safely.

Everything a pack needs is read here, into memory, once; the loader never touches the disk.
A zip is read member by member in memory and never unpacked. Whatever the bytes (garbage, a
zip bomb, a damaged download), nothing but :class:`PackError` leaves this module, and it lists
every problem found, each naming the file or zip member it is about.
"""

from __future__ import annotations

import os
import re
import stat
import struct
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from tutor.packs.errors import PackError, Problem

if TYPE_CHECKING:
    import hashlib
    import zipfile

MB = 1024 * 1024
MAX_FILE_BYTES = 1 * MB
MAX_TOTAL_BYTES = 20 * MB
MAX_MEMBERS = 500
# A folder is read file by file from the author's own disk, so it may hold a large course;
# the byte limits still apply to it.
MAX_FOLDER_FILES = 5000
MAX_RATIO = 100

PACK_FILE = "pack.toml"
MANIFEST_FILE = "manifest.toml"
TOML_SUFFIX = ".toml"

ARCHIVE_SUFFIXES = (".zip", ".jar", ".tar", ".gz", ".tgz", ".7z", ".rar")
ARCHIVE_MAGIC = (
    b"PK\x03\x04",  # zip (also jar, docx …)
    b"PK\x05\x06",  # empty zip
    b"PK\x07\x08",  # spanned zip
    b"\x1f\x8b",  # gzip
    b"7z\xbc\xaf\x27\x1c",  # 7-Zip
    b"Rar!\x1a\x07",  # RAR
    b"\xfd7zXZ\x00",  # xz
)
_HEAD_BYTES = 8
_CHUNK = 64 * 1024
# The zip's table of contents: a pack's 500 members with ordinary names fit in far less.
_MAX_DIRECTORY_BYTES = MAX_MEMBERS * 2048
# Folders that zip tools add beside the real content (macOS Finder's resource forks).
_IGNORED_TOP = frozenset({"__MACOSX"})
_DRIVE = re.compile(r"^[A-Za-z]:")
# Names Windows gives a special meaning: devices (CON, NUL, COM1 …), streams after a colon, and
# a trailing dot or space, which Windows drops. A pack is handed out to every kind of computer.
_WINDOWS_DEVICE = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$", re.IGNORECASE)
_ENCRYPTED = 0x1 | 0x40  # traditional and strong encryption flags

_HINT_REZIP = "make the zip again from the pack folder with an ordinary zip tool"
_HINT_REBUILD = "build the pack again, or get an unchanged copy of the zip"
_HINT_NEW = "'netsteps pack new DIR' makes a starter pack"


@dataclass(frozen=True)
class PackFiles:
    """The raw files of a pack, read into memory: file name -> bytes.

    Only the pack folder's top-level ``.toml`` files are kept (the pack is flat), except
    ``manifest.toml``, which is build metadata: a zip's manifest is checked while reading, a
    folder's is ignored. Names starting with a dot (editor and macOS side files) are skipped.
    """

    origin: Path
    files: dict[str, bytes]
    is_zip: bool


def read_pack_files(path: Path) -> PackFiles:
    """Read the pack at ``path`` (a folder, or a zip of one), or raise :class:`PackError`."""
    label = _label(path)
    try:
        return _read(path, label)
    except PackError:
        raise
    except Exception as exc:  # a safety net: hostile input must never end in a traceback
        raise PackError(
            Problem(label, "", f"this pack could not be read ({_detail(exc)})", _HINT_REZIP)
        ) from exc


def _read(path: Path, label: str) -> PackFiles:
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise PackError(
            Problem(
                label, "", "there is no file or folder here", "check the path for typing mistakes"
            )
        ) from None
    except PermissionError:
        raise PackError(
            Problem(
                label,
                "",
                "this path cannot be opened (permission denied)",
                "check that you are allowed to read it",
            )
        ) from None
    except (OSError, ValueError) as exc:
        raise PackError(
            Problem(label, "", f"this path cannot be opened ({_detail(exc)})", "check the path")
        ) from None
    if stat.S_ISDIR(info.st_mode):
        return _read_folder(path, label)
    if stat.S_ISREG(info.st_mode):
        return _read_archive(path, label)
    raise PackError(_not_a_pack(path, label))


# --- folders -----------------------------------------------------------------------------


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
            problems.append(
                Problem(
                    shown,
                    "",
                    f"cannot be read ({_detail(exc)})",
                    "check that the file is there and can be opened",
                )
            )
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
        problems.append(
            Problem(
                shown,
                "",
                f"cannot be read ({_detail(exc)})",
                "check that the file is there and can be opened",
            )
        )
        return None
    if len(data) > MAX_FILE_BYTES:  # it grew while we looked
        problems.append(_too_big_problem(shown, len(data)))
        return None
    return data


# --- plain files and zips ----------------------------------------------------------------


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


def _not_a_pack(path: Path, label: str) -> Problem:
    name = path.name.casefold()
    if name.endswith(".zip"):
        return Problem(
            label,
            "",
            "this file ends in .zip but is not a zip that can be read; "
            "it may be damaged or only partly downloaded",
            "make the zip again, or download it again",
        )
    if name.endswith(TOML_SUFFIX):
        return Problem(
            label,
            "",
            "this is a single file, but a pack is the folder that holds pack.toml and the lessons",
            "give the path of the folder instead",
        )
    return Problem(
        label,
        "",
        "this is neither a pack folder nor a .zip file",
        "give the pack folder, or a .zip made from it",
    )


@dataclass
class _Member:
    info: zipfile.ZipInfo
    name: str  # the name as stored in the zip
    shown: str  # the name, safe to print
    parts: tuple[str, ...]  # the path, without empty and "." parts
    ok: bool = True  # no problem found with this member
    safe_name: bool = True  # the name stays inside the pack and can be used to find it


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


def sha256(data: bytes) -> hashlib._Hash:
    import hashlib  # only built zips carry a manifest to verify

    return hashlib.sha256(data)


def _check_manifest(
    raw: bytes,
    shown: str,
    prefix: str,
    present: set[str],
    files: dict[str, bytes],
    problems: list[Problem],
) -> None:
    """Check every file against the SHA-256 sums that ``netsteps pack build`` wrote."""
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        problems.append(
            Problem(
                shown, "", "cannot be read, so the pack cannot be checked against it", _HINT_REBUILD
            )
        )
        return
    listed = data.get("files")
    if not isinstance(listed, dict) or not all(
        isinstance(digest, str) for digest in listed.values()
    ):
        problems.append(
            Problem(shown, "", "has no [files] table of file names and SHA-256 sums", _HINT_REBUILD)
        )
        return
    for name in sorted(listed):
        digest = listed[name]
        where = _shown(prefix + name)
        if name not in present:
            problems.append(
                Problem(
                    where,
                    "",
                    "is listed in manifest.toml but is missing from the zip",
                    _HINT_REBUILD,
                )
            )
        elif name in files and sha256(files[name]).hexdigest() != digest.lower():
            problems.append(
                Problem(
                    where,
                    "",
                    "file changed after the pack was built (it does "
                    "not match its SHA-256 sum in manifest.toml)",
                    _HINT_REBUILD,
                )
            )
    for name in sorted(present - set(listed)):
        problems.append(
            Problem(
                _shown(prefix + name),
                "",
                "was added after the pack was built (it is not listed in manifest.toml)",
                _HINT_REBUILD,
            )
        )


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


# --- shared helpers ----------------------------------------------------------------------


def _windows_problem(name: str) -> str:
    """Why a file name would misbehave on Windows, or an empty string."""
    for part in name.split("/"):
        if _WINDOWS_DEVICE.match(part):
            return f"'{part}' is a reserved device name on Windows"
        if ":" in part:
            return "it has a colon (:), which Windows reads as a hidden stream"
        if part and part[-1] in ". " and part not in (".", ".."):
            return "it ends with a dot or a space, which Windows drops"
    return ""


def _is_pack_file_name(name: str) -> bool:
    return name.endswith(TOML_SUFFIX) and not name.startswith(".") and name != MANIFEST_FILE


def _name_is_printable(name: str) -> bool:
    return all(char.isprintable() for char in name)


def _shown(name: str, limit: int = 160) -> str:
    """``name`` with anything a terminal could act on written as an escape, and cut if long."""
    text = "".join(char if char.isprintable() else repr(char)[1:-1] for char in name)
    return text if len(text) <= limit else text[:limit] + "…"


def _label(path: Path) -> str:
    return _shown(path.name or str(path))


def _fold(name: str) -> str:
    """The form in which names that look the same to a person or a file system are equal."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", name).casefold())


def _mb(size: int) -> str:
    return f"{size / MB:.1f} MB".replace(".0 MB", " MB")


def _detail(exc: BaseException) -> str:
    text = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return _shown(text or type(exc).__name__, 120)


def _case_hint(names: Iterable[str]) -> str:
    for name in names:
        if name != PACK_FILE and name.casefold() == PACK_FILE:
            return f"'{_shown(name)}' must be called pack.toml, in lowercase"
    return _HINT_NEW


def _no_pack_file(hint: str) -> Problem:
    return Problem(PACK_FILE, "", "this folder has no pack.toml, so it is not a lesson pack", hint)


def _link_problem(shown: str) -> Problem:
    return Problem(
        shown,
        "",
        "is a link; packs cannot contain links",
        "put a copy of the real file in the pack instead",
    )


def _unprintable_problem(shown: str) -> Problem:
    return Problem(
        shown,
        "",
        "its name has control or invisible characters",
        "rename it using letters, digits, - and _",
    )


def _too_big_problem(shown: str, size: int) -> Problem:
    return Problem(
        shown,
        "",
        f"is larger than {_mb(MAX_FILE_BYTES)} ({size:,} bytes); that is "
        "the most a single file can be",
        "split it into smaller files",
    )


def _too_big_total(label: str, size: int) -> Problem:
    return Problem(
        label,
        "",
        f"unpacks to more than {_mb(MAX_TOTAL_BYTES)} in all "
        f"({_mb(size)} or more); that is the most a pack can hold",
        "leave out files the pack does not need",
    )


def _too_many_members(label: str, count: int) -> Problem:
    return Problem(
        label,
        "",
        f"the zip has {count} entries; a pack can have at most {MAX_MEMBERS}",
        "leave out files the pack does not need",
    )


def _archive_problem(shown: str, why: str) -> Problem:
    return Problem(
        shown,
        "",
        f"is an archive inside the zip ({why}); packs cannot contain other archives",
        "unpack it into the pack folder, or leave it out",
    )
