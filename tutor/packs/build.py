"""Building a pack's hand-out zip: one folder with every lesson file and a manifest.

The zip is deterministic: the same files give the same bytes every time (sorted names, fixed
dates, modes and compression), so a built pack can be compared, signed or cached by its hash.
The manifest lists the SHA-256 sum of every file; reading the zip checks them, so a file
changed after the build is reported. The caller validates the pack before building it.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
import zlib
from pathlib import Path

import tomli_w

from tutor.packs.errors import PackError, Problem
from tutor.packs.source import MANIFEST_FILE, MAX_RATIO, TOML_SUFFIX, PackFiles

MANIFEST_FORMAT = 1
DATE_TIME = (1980, 1, 1, 0, 0, 0)
FILE_ATTR = 0o644 << 16
FOLDER_ATTR = (0o40755 << 16) | 0x10  # a Unix folder, and the MS-DOS folder flag
COMPRESS_LEVEL = 9
CREATE_SYSTEM = 3  # Unix, so that unzip tools honour the modes above

_ID = re.compile(r"\A[a-z0-9][a-z0-9_-]{0,63}\Z")  # whole string: "$" allows a final newline
_MANIFEST_HEAD = (
    b"# Written when the pack was built. netsteps checks every file of the pack against\n"
    b"# these SHA-256 sums when it reads the zip, so do not edit the files or this list.\n\n"
)


def manifest_bytes(files: PackFiles, pack_id: str, version: str) -> bytes:
    """The ``manifest.toml`` for ``files``: id, version, format and each file's SHA-256 sum."""
    entries = _entries(files, pack_id)
    document = {
        "id": pack_id,
        "version": version,
        "format": MANIFEST_FORMAT,
        "files": {name: hashlib.sha256(data).hexdigest() for name, data in entries},
    }
    return _MANIFEST_HEAD + tomli_w.dumps(document).encode("utf-8")


def build_zip(files: PackFiles, pack_id: str, version: str, out: Path) -> Path:
    """Write the pack's zip to ``out`` (replacing it at once, never half-written); return it.

    ``.zip`` is added to a name without it: learners install the file by that suffix.
    """
    if out.suffix.lower() != ".zip":
        out = out.with_name(out.name + ".zip")
    entries = _entries(files, pack_id)
    entries.append((MANIFEST_FILE, manifest_bytes(files, pack_id, version)))
    _write_atomically(out, _zip_bytes(pack_id, sorted(entries)))
    return out


def _entries(files: PackFiles, pack_id: str) -> list[tuple[str, bytes]]:
    """The files that go in the zip, sorted by name; the manifest is always made anew."""
    if not _ID.match(pack_id):
        raise PackError(
            Problem(
                "pack.toml",
                "id",
                f"'{pack_id!s:.80}' cannot name the pack's folder in the zip",
                "use only lowercase letters, digits, - and _, starting with a letter or digit",
            )
        )
    problems: list[Problem] = []
    entries: list[tuple[str, bytes]] = []
    for name in sorted(files.files):
        if not name.endswith(TOML_SUFFIX) or name == MANIFEST_FILE:
            continue
        if not _plain_name(name):
            problems.append(
                Problem(
                    repr(name)[1:-1][:160],
                    "",
                    "is not a plain file name, so it cannot go in the pack's folder",
                    "rename it using letters, digits, - and _",
                )
            )
            continue
        entries.append((name, files.files[name]))
    if problems:
        raise PackError(problems)
    return entries


def _plain_name(name: str) -> bool:
    return (
        not name.startswith(".")
        and all(char.isprintable() for char in name)
        and not any(char in name for char in "/\\:")
    )


def _zip_bytes(pack_id: str, entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(_info(f"{pack_id}/", FOLDER_ATTR, zipfile.ZIP_STORED), b"")
        for name, data in entries:
            # A file that would shrink more than a zip bomb may is stored as it is, so that
            # reading the built zip never refuses it.
            method = zipfile.ZIP_DEFLATED if _deflates_safely(data) else zipfile.ZIP_STORED
            info = _info(f"{pack_id}/{name}", FILE_ATTR, method)
            archive.writestr(info, data, compresslevel=COMPRESS_LEVEL)
    return buffer.getvalue()


def _info(name: str, attr: int, method: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=DATE_TIME)
    info.external_attr = attr
    info.create_system = CREATE_SYSTEM
    info.compress_type = method
    return info


def _deflates_safely(data: bytes) -> bool:
    """Whether deflating ``data`` (as zipfile does) keeps it under the reader's ratio limit."""
    compressor = zlib.compressobj(COMPRESS_LEVEL, zlib.DEFLATED, -15)
    size = len(compressor.compress(data)) + len(compressor.flush())
    return len(data) / max(size, 1) <= MAX_RATIO


def _write_atomically(out: Path, data: bytes) -> None:
    from tutor.files import write_atomic

    shown = repr(out.name or str(out))[1:-1]
    hint = "check that the folder exists and that you are allowed to write to it"
    try:
        write_atomic(out, data, mode=0o644)  # a hand-out file: readable as a copied file would be
    except OSError as exc:
        raise PackError(
            Problem(shown, "", f"the zip cannot be written here ({_why(exc)})", hint)
        ) from None


def _why(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__
