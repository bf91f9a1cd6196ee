"""Hostile zips: each is refused with a problem that names the offending member and says why.

Every case is checked twice: through the loader (only PackError may come out, with exactly the
problems listed), and through ``netsteps pack check`` (exit 1, one line per problem, nothing a
terminal could act on, no traceback).
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from ._build import (
    LESSON_B,
    PACK_B,
    Expect,
    assert_problems,
    check_cli,
    link_info,
    local_data_span,
    nfd,
    noise,
    pack_members,
    patch_central,
    refusal,
    rename_member,
    zip_bytes,
)

MB = 1024 * 1024
ZIP = "pack.zip"

Build = Callable[[Path], Path]


def _write(tmp: Path, data: bytes, name: str = ZIP) -> Path:
    path = tmp / name
    path.write_bytes(data)
    return path


def _zip(*extra: tuple[str | zipfile.ZipInfo, bytes], method: int = zipfile.ZIP_DEFLATED) -> Build:
    return lambda tmp: _write(tmp, zip_bytes([*pack_members(), *extra], method=method))


def _renamed(placeholder: str, raw: bytes) -> Build:
    """A valid pack plus one lesson whose stored name is swapped for ``raw``, byte for byte."""

    def build(tmp: Path) -> Path:
        data = zip_bytes([*pack_members(), (placeholder, LESSON_B)])
        return _write(tmp, rename_member(data, placeholder, raw))

    return build


def _many_members(tmp: Path) -> Path:
    members = [*pack_members(), *((f"{n:03}.md", b"x") for n in range(499))]
    assert len(members) == 501
    return _write(tmp, zip_bytes(members))


def _over_20_mb(tmp: Path) -> Path:
    block = noise(900 * 1024)  # does not compress, so the ratio stays near 1
    members = [*pack_members(), *((f"{n:02}-x.toml", block) for n in range(10, 33))]
    return _write(tmp, zip_bytes(members, method=zipfile.ZIP_STORED))


def _encrypted(tmp: Path) -> Path:
    return _write(tmp, patch_central(zip_bytes(pack_members()), "01-one.toml", flags=0x1))


def _truncated(tmp: Path) -> Path:
    data = zip_bytes(pack_members())
    return _write(tmp, data[: len(data) // 2])


def _damaged_data(tmp: Path) -> Path:
    data = bytearray(zip_bytes(pack_members()))
    start, size = local_data_span(bytes(data), "01-one.toml")
    for at in range(start + 2, start + size - 2):
        data[at] ^= 0x55
    return _write(tmp, bytes(data))


def _size_lie(tmp: Path) -> Path:
    """The table of contents says 60 kB; the member really unpacks to 3 MB."""
    data = zip_bytes(pack_members(**{"02-big__toml": b"#" * 3_000_000}))
    return _write(tmp, patch_central(data, "02-big.toml", file_size=60_000))


def _two_packs(tmp: Path) -> Path:
    members = [("a/pack.toml", PACK_B), ("a/01.toml", LESSON_B),
               ("b/pack.toml", PACK_B), ("b/01.toml", LESSON_B)]
    return _write(tmp, zip_bytes(members))


def _tampered(tmp: Path) -> Path:
    manifest = (
        "[files]\n"
        f'"pack.toml" = "{hashlib.sha256(PACK_B).hexdigest()}"\n'
        f'"01-one.toml" = "{hashlib.sha256(b"the lesson as built").hexdigest()}"\n'
    ).encode()
    return _write(tmp, zip_bytes([*pack_members(), ("manifest.toml", manifest)]))


CAFE = "02-caf\u00e9.toml"

CASES: list[tuple[str, Build, list[Expect]]] = [
    ("parent-dir", _zip(("../evil.toml", LESSON_B)),
     [Expect("../evil.toml", "its name contains '..', which points outside the pack")]),
    ("parent-dir-deep", _zip(("lessons/../../evil.toml", LESSON_B)),
     [Expect("lessons/../../evil.toml", "its name contains '..'")]),
    ("absolute-path", _zip(("/etc/x.toml", LESSON_B)),
     [Expect("/etc/x.toml", "its name is an absolute path")]),
    ("drive-letter", _zip(("C:x.toml", LESSON_B)),
     [Expect("C:x.toml", "its name starts with a drive letter")]),
    ("backslash", _renamed("sub_x.toml", b"sub\\x.toml"),
     [Expect("sub\\x.toml", "its name uses backslashes")]),
    ("backslash-parent", _renamed("02-x.toml", b"..\\x.toml"),
     [Expect("..\\x.toml", "its name uses backslashes"),
      Expect("..\\x.toml", "its name contains '..'")]),
    ("null-in-name", _renamed("evil_.toml", b"evil\x00.toml"),
     [Expect("evil\\x00.toml", "its name contains a null character")]),
    ("bidi-in-name", _zip(("02-\u202eevil.toml", LESSON_B)),
     [Expect("02-\\u202eevil.toml", "its name has control or invisible characters")]),
    ("symlink-member", _zip((link_info("02-passwd.toml"), b"/etc/passwd")),
     [Expect("02-passwd.toml", "is a link; packs cannot contain links")]),
    ("duplicate-names", _zip(("01-one.toml", LESSON_B)),
     [Expect("01-one.toml", "appears more than once in the zip")]),
    ("names-differ-by-case", _zip(("01-ONE.toml", LESSON_B)),
     [Expect("01-ONE.toml", "has the same name as '01-one.toml' except for upper and lower "
             "case")]),
    ("nfc-and-nfd-names", _zip((CAFE, LESSON_B), (nfd(CAFE), LESSON_B)),
     [Expect(nfd(CAFE), f"has the same name as '{CAFE}' except for upper and lower case or "
             "the way its letters are encoded")]),
    ("501-members", _many_members,
     [Expect(ZIP, "the zip has 501 entries; a pack can have at most 500")]),
    ("member-over-1-mb", _zip(("02-big.toml", noise(MB + 1)), method=zipfile.ZIP_STORED),
     [Expect("02-big.toml", "is larger than 1 MB (1,048,577 bytes)")]),
    ("over-20-mb-in-all", _over_20_mb,
     [Expect(ZIP, "unpacks to more than 20 MB in all")]),
    ("zip-bomb-ratio", _zip(("02-bomb.toml", b"#" * 900_000)),
     [Expect("02-bomb.toml", "more than 100 times is how zip bombs are made")]),
    ("size-in-header-lies", _size_lie,
     [Expect("02-big.toml", "is damaged and cannot be read (Bad CRC-32")]),
    ("nested-zip", _zip(("inner.zip", zip_bytes(pack_members()))),
     [Expect("inner.zip", "is an archive inside the zip (its name ends like an archive)")]),
    ("zip-disguised-as-lesson", _zip(("02-x.toml", zip_bytes(pack_members()))),
     [Expect("02-x.toml", "is an archive inside the zip (its contents start like an archive)")]),
    ("gzip-disguised-as-notes", _zip(("notes.txt", b"\x1f\x8b" + noise(64))),
     [Expect("notes.txt", "is an archive inside the zip (its contents start like an archive)")]),
    ("encrypted-flag", _encrypted,
     [Expect("01-one.toml", "is encrypted (protected by a password)")]),
    ("truncated", _truncated,
     [Expect(ZIP, "this file ends in .zip but is not a zip that can be read")]),
    ("damaged-data", _damaged_data,
     [Expect("01-one.toml", "is damaged and cannot be read")]),
    ("random-garbage", lambda tmp: _write(tmp, noise(4096, seed=7)),
     [Expect(ZIP, "this file ends in .zip but is not a zip that can be read")]),
    ("empty-file", lambda tmp: _write(tmp, b""),
     [Expect(ZIP, "this file is empty (0 bytes), so it is not a pack")]),
    ("garbage-not-named-zip", lambda tmp: _write(tmp, noise(512, seed=8), "pack.dat"),
     [Expect("pack.dat", "this is neither a pack folder nor a .zip file")]),
    ("two-packs", _two_packs,
     [Expect("pack.toml", "the zip holds more than one pack (a/, b/)")]),
    ("manifest-mismatch", _tampered,
     [Expect("01-one.toml", "file changed after the pack was built")]),
]


@pytest.mark.parametrize(("build", "expected"), [pytest.param(b, e, id=i) for i, b, e in CASES])
def test_hostile_zip_is_refused(
    tmp_path: Path, build: Build, expected: list[Expect], capsys: pytest.CaptureFixture[str]
) -> None:
    path = build(tmp_path)
    error = refusal(path)
    assert_problems(error, expected)
    check_cli(path, error, capsys)


def test_a_clean_zip_of_the_same_pack_is_accepted(tmp_path: Path) -> None:
    """The control case: the hostile zips differ from this one only by what they add."""
    from tutor.packs.loader import load_pack

    pack = load_pack(_write(tmp_path, zip_bytes(pack_members())))
    assert [lesson.id for lesson in pack.lessons] == ["one"]
