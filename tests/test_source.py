"""Reading a pack's raw files from a folder or a zip, and refusing everything unsafe."""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import random
import stat
import struct
import sys
import warnings
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tutor.packs.errors import PackError, Problem
from tutor.packs.source import (
    MAX_FILE_BYTES,
    MAX_FOLDER_FILES,
    MAX_MEMBERS,
    PackFiles,
    read_pack_files,
)

PACK = b'format = 1\nid = "demo"\ntitle = "Demo"\n'
LESSON = b'id = "intro"\ntitle = "Intro"\n'
MB = 1024 * 1024

Member = tuple[str | zipfile.ZipInfo, bytes]


# --- helpers -----------------------------------------------------------------------------


def zip_bytes(members: list[Member], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate names we write
        with zipfile.ZipFile(buffer, "w", compression=method) as archive:
            for name, data in members:
                archive.writestr(name, data)
    return buffer.getvalue()


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def make_zip(tmp_path: Path, members: list[Member], name: str = "pack.zip", **kw: Any) -> Path:
    return write(tmp_path / name, zip_bytes(members, **kw))


_CENTRAL_FIELDS = {
    "flags": (8, "<H"),
    "method": (10, "<H"),
    "crc": (16, "<L"),
    "compress_size": (20, "<L"),
    "file_size": (24, "<L"),
    "external_attr": (38, "<L"),
}


def patch_central(data: bytes, name: str, raw_name: bytes | None = None, **fields: int) -> bytes:
    """Change what the zip's table of contents says about one member."""
    buffer = bytearray(data)
    end = data.rfind(b"PK\x05\x06")
    (count,) = struct.unpack_from("<H", data, end + 10)
    (pos,) = struct.unpack_from("<L", data, end + 16)
    for _ in range(count):
        assert buffer[pos : pos + 4] == b"PK\x01\x02"
        name_len, extra_len, comment_len = struct.unpack_from("<3H", buffer, pos + 28)
        if bytes(buffer[pos + 46 : pos + 46 + name_len]) == name.encode():
            for key, value in fields.items():
                offset, fmt = _CENTRAL_FIELDS[key]
                struct.pack_into(fmt, buffer, pos + offset, value)
            if raw_name is not None:
                assert len(raw_name) == name_len
                buffer[pos + 46 : pos + 46 + name_len] = raw_name
            return bytes(buffer)
        pos += 46 + name_len + extra_len + comment_len
    raise AssertionError(f"{name} is not in the zip")


def problems(path: Path) -> list[Problem]:
    with pytest.raises(PackError) as caught:
        read_pack_files(path)
    assert caught.value.problems
    return caught.value.problems


def has(found: list[Problem], file: str, phrase: str) -> bool:
    return any(p.file == file and phrase in p.what for p in found)


def assert_problem(found: list[Problem], file: str, phrase: str) -> None:
    assert has(found, file, phrase), "\n".join(str(p) for p in found)


def good_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "my-pack"
    folder.mkdir()
    (folder / "pack.toml").write_bytes(PACK)
    (folder / "01-intro.toml").write_bytes(LESSON)
    return folder


def manifest(files: dict[str, bytes]) -> bytes:
    lines = ['id = "demo"', 'version = "1.0"', "format = 1", "", "[files]"]
    lines += [f'"{n}" = "{hashlib.sha256(d).hexdigest()}"' for n, d in sorted(files.items())]
    return "\n".join(lines).encode() + b"\n"


# --- folders -----------------------------------------------------------------------------


def test_folder_keeps_only_top_level_toml_files(tmp_path: Path) -> None:
    folder = good_folder(tmp_path)
    (folder / "glossary.toml").write_bytes(b"")
    (folder / "README.md").write_text("# notes")
    (folder / "picture.png").write_bytes(b"\x89PNG")
    (folder / ".hidden.toml").write_bytes(b"x")
    (folder / "manifest.toml").write_bytes(b"not checked in a folder")
    (folder / "drafts").mkdir()
    (folder / "drafts" / "02-draft.toml").write_bytes(LESSON)
    (folder / "folder.toml").mkdir()

    result = read_pack_files(folder)

    assert result == PackFiles(
        origin=folder,
        files={"pack.toml": PACK, "01-intro.toml": LESSON, "glossary.toml": b""},
        is_zip=False,
    )


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_folder_refuses_a_linked_toml_file(tmp_path: Path) -> None:
    folder = good_folder(tmp_path)
    (tmp_path / "outside.toml").write_bytes(LESSON)
    os.symlink(tmp_path / "outside.toml", folder / "02-link.toml")
    os.symlink(tmp_path / "nowhere.toml", folder / "03-dangling.toml")

    found = problems(folder)

    assert_problem(found, "02-link.toml", "is a link; packs cannot contain links")
    assert_problem(found, "03-dangling.toml", "is a link")


def test_folder_refuses_a_file_over_1_mb(tmp_path: Path) -> None:
    folder = good_folder(tmp_path)
    (folder / "02-big.toml").write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    assert_problem(problems(folder), "02-big.toml", "larger than 1 MB")


def test_folder_accepts_a_file_of_exactly_1_mb(tmp_path: Path) -> None:
    folder = good_folder(tmp_path)
    (folder / "02-big.toml").write_bytes(b"#" * MAX_FILE_BYTES)
    assert len(read_pack_files(folder).files["02-big.toml"]) == MAX_FILE_BYTES


def test_a_folder_may_hold_a_large_course_but_not_endless_files(tmp_path: Path) -> None:
    folder = good_folder(tmp_path)
    for i in range(MAX_MEMBERS + 1):
        (folder / f"{i:04}.toml").write_bytes(b"")
    assert len(read_pack_files(folder).files) > MAX_MEMBERS  # more than a zip may hold
    for i in range(MAX_MEMBERS + 1, MAX_FOLDER_FILES):
        (folder / f"{i:04}.toml").write_bytes(b"")
    assert_problem(problems(folder), "my-pack", f"a pack can have at most {MAX_FOLDER_FILES}")


def test_folder_refuses_more_than_20_mb_in_all(tmp_path: Path) -> None:
    folder = good_folder(tmp_path)
    for i in range(21):
        (folder / f"{i:02}-big.toml").write_bytes(b"#" * MAX_FILE_BYTES)
    assert_problem(problems(folder), "my-pack", "20 MB")


def test_folder_without_pack_toml(tmp_path: Path) -> None:
    (tmp_path / "01-intro.toml").write_bytes(LESSON)
    found = problems(tmp_path)
    assert found == [
        Problem(
            "pack.toml",
            "",
            "this folder has no pack.toml, so it is not a lesson pack",
            "'netsteps pack new DIR' makes a starter pack",
        )
    ]


def test_folder_without_pack_toml_still_lists_other_problems(tmp_path: Path) -> None:
    (tmp_path / "01-big.toml").write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    found = problems(tmp_path)
    assert_problem(found, "pack.toml", "has no pack.toml")
    assert_problem(found, "01-big.toml", "larger than 1 MB")


def test_folder_with_a_pack_toml_too_big_does_not_say_it_is_missing(tmp_path: Path) -> None:
    (tmp_path / "pack.toml").write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    [problem] = problems(tmp_path)
    assert problem.file == "pack.toml"
    assert "larger than 1 MB" in problem.what


def test_folder_with_pack_toml_in_capitals_gets_a_hint(tmp_path: Path) -> None:
    (tmp_path / "Pack.toml").write_bytes(PACK)
    [problem] = problems(tmp_path)
    assert problem.file == "pack.toml"
    assert "'Pack.toml' must be called pack.toml" in problem.hint


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_folder_refuses_a_pipe_without_waiting_on_it(tmp_path: Path) -> None:
    folder = good_folder(tmp_path)
    os.mkfifo(folder / "02-pipe.toml")
    assert_problem(problems(folder), "02-pipe.toml", "is not an ordinary file")


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="needs file permissions that apply"
)
def test_folder_with_an_unreadable_file(tmp_path: Path) -> None:
    folder = good_folder(tmp_path)
    locked = folder / "02-locked.toml"
    locked.write_bytes(LESSON)
    locked.chmod(0)
    try:
        assert_problem(problems(folder), "02-locked.toml", "permission denied")
    finally:
        locked.chmod(0o644)


def test_folder_with_a_file_that_cannot_be_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The same as above, where permissions do not apply (as root): opening is refused.
    folder = good_folder(tmp_path)
    real_open = os.open

    def denied(path: Any, *args: Any, **kw: Any) -> int:
        if str(path).endswith("01-intro.toml"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kw)

    monkeypatch.setattr(os, "open", denied)
    [problem] = problems(folder)
    assert problem.file == "01-intro.toml"
    assert "permission denied" in problem.what


@pytest.mark.skipif(sys.platform == "win32", reason="Windows forbids these names")
def test_folder_refuses_names_with_control_characters(tmp_path: Path) -> None:
    folder = good_folder(tmp_path)
    (folder / "02-\x1b[31mred.toml").write_bytes(LESSON)
    assert_problem(problems(folder), "02-\\x1b[31mred.toml", "control or invisible characters")


def test_missing_path(tmp_path: Path) -> None:
    [problem] = problems(tmp_path / "nowhere")
    assert problem.file == "nowhere"
    assert problem.where == ""
    assert "there is no file or folder here" in problem.what
    assert problem.hint


def test_a_text_file_is_not_a_pack(tmp_path: Path) -> None:
    [problem] = problems(write(tmp_path / "notes.txt", b"hello"))
    assert problem.file == "notes.txt"
    assert "neither a pack folder nor a .zip file" in problem.what


def test_a_single_toml_file_points_to_its_folder(tmp_path: Path) -> None:
    [problem] = problems(write(tmp_path / "pack.toml", PACK))
    assert "a pack is the folder that holds pack.toml" in problem.what
    assert "folder" in problem.hint


def test_an_empty_file(tmp_path: Path) -> None:
    [problem] = problems(write(tmp_path / "pack.zip", b""))
    assert problem.file == "pack.zip"
    assert "empty" in problem.what


def test_a_zip_name_on_something_else(tmp_path: Path) -> None:
    [problem] = problems(write(tmp_path / "pack.zip", b"<html>not found</html>"))
    assert "ends in .zip but is not a zip that can be read" in problem.what


# --- good zips ---------------------------------------------------------------------------


def test_zip_with_the_pack_at_its_top(tmp_path: Path) -> None:
    path = make_zip(
        tmp_path,
        [
            ("pack.toml", PACK),
            ("01-intro.toml", LESSON),
            ("README.md", b"# read me"),
            ("drafts/02-draft.toml", LESSON),
        ],
    )
    result = read_pack_files(path)
    assert result == PackFiles(
        origin=path, files={"pack.toml": PACK, "01-intro.toml": LESSON}, is_zip=True
    )


def test_zip_with_the_pack_in_one_folder(tmp_path: Path) -> None:
    path = make_zip(
        tmp_path,
        [
            ("my-pack/", b""),
            ("my-pack/pack.toml", PACK),
            ("my-pack/01-intro.toml", LESSON),
            ("my-pack/notes.md", b"notes"),
            ("my-pack/pictures/", b""),
            ("my-pack/pictures/x.png", b"\x89PNG"),
            ("__MACOSX/my-pack/._pack.toml", b"\x00\x05\x16\x07"),
            ("__MACOSX/pack.toml", b"not this one"),
        ],
    )
    assert read_pack_files(path).files == {"pack.toml": PACK, "01-intro.toml": LESSON}


def test_zip_is_known_by_its_content_not_its_name(tmp_path: Path) -> None:
    path = make_zip(tmp_path, [("pack.toml", PACK)], name="download.bin")
    assert read_pack_files(path).files == {"pack.toml": PACK}


def test_zip_with_stored_members(tmp_path: Path) -> None:
    path = make_zip(tmp_path, [("pack.toml", PACK)], method=zipfile.ZIP_STORED)
    assert read_pack_files(path).files == {"pack.toml": PACK}


# --- refused zips ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        ("/etc/evil.toml", "absolute path"),
        ("../evil.toml", "'..'"),
        ("my-pack/../../evil.toml", "'..'"),
        ("C:/evil.toml", "drive letter"),
        ("c:evil.toml", "drive letter"),
        ("my-pack\\evil.toml", "backslashes"),
        ("..\\evil.toml", "'..'"),
    ],
)
def test_zip_refuses_unsafe_names(tmp_path: Path, name: str, phrase: str) -> None:
    path = make_zip(tmp_path, [("pack.toml", PACK), (name, LESSON)])
    assert_problem(problems(path), name, phrase)


def test_zip_refuses_links(tmp_path: Path) -> None:
    link = zipfile.ZipInfo("02-link.toml")
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    path = make_zip(tmp_path, [("pack.toml", PACK), (link, b"/etc/passwd")])
    assert_problem(problems(path), "02-link.toml", "is a link; packs cannot contain links")


def test_zip_refuses_duplicate_names(tmp_path: Path) -> None:
    path = make_zip(tmp_path, [("pack.toml", PACK), ("01-a.toml", LESSON), ("01-a.toml", b"x")])
    assert_problem(problems(path), "01-a.toml", "appears more than once")


def test_zip_refuses_names_that_differ_only_by_case(tmp_path: Path) -> None:
    path = make_zip(tmp_path, [("pack.toml", PACK), ("Intro.toml", LESSON), ("intro.toml", b"")])
    assert_problem(problems(path), "intro.toml", "except for upper and lower case")


def test_zip_refuses_names_that_differ_only_by_unicode_form(tmp_path: Path) -> None:
    composed, decomposed = "caf\u00e9.toml", "cafe\u0301.toml"
    path = make_zip(tmp_path, [("pack.toml", PACK), (composed, LESSON), (decomposed, LESSON)])
    assert_problem(problems(path), decomposed, "the way its letters are encoded")


def test_zip_refuses_names_that_differ_by_case_and_form(tmp_path: Path) -> None:
    path = make_zip(
        tmp_path, [("pack.toml", PACK), ("\u00c9t\u00e9.toml", b""), ("e\u0301te\u0301.toml", b"")]
    )
    assert_problem(problems(path), "e\u0301te\u0301.toml", "the same name as")


def test_zip_refuses_more_than_500_members(tmp_path: Path) -> None:
    members: list[Member] = [("pack.toml", PACK)]
    members += [(f"notes/{i}.md", b"") for i in range(MAX_MEMBERS)]
    assert_problem(problems(make_zip(tmp_path, members)), "pack.zip", "at most 500")


def test_zip_member_count_is_checked_even_if_the_end_record_lies(tmp_path: Path) -> None:
    members: list[Member] = [(f"{i}.md", b"") for i in range(MAX_MEMBERS + 1)]
    data = bytearray(zip_bytes(members))
    end = data.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", data, end + 8, 3, 3)  # "3 entries", but the directory holds 501
    assert_problem(problems(write(tmp_path / "pack.zip", bytes(data))), "pack.zip", "at most 500")


def test_zip_refuses_an_oversized_table_of_contents(tmp_path: Path) -> None:
    data = bytearray(zip_bytes([("pack.toml", PACK)]))
    end = data.rfind(b"PK\x05\x06")
    struct.pack_into("<L", data, end + 12, 50 * MB)
    found = problems(write(tmp_path / "pack.zip", bytes(data)))
    assert_problem(found, "pack.zip", "list of contents")


def test_zip64_with_many_members_is_refused_before_it_is_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for i in range(70_000):  # more than a classic zip can count, so zipfile writes Zip64
            archive.writestr(zipfile.ZipInfo(str(i)), b"")
    path = write(tmp_path / "pack.zip", buffer.getvalue())

    def refuse(*args: Any, **kw: Any) -> None:
        raise AssertionError("the table of contents should not have been read")

    monkeypatch.setattr(zipfile, "ZipFile", refuse)
    assert_problem(problems(path), "pack.zip", "the zip has 70000 entries")


def test_zip_refuses_a_file_over_1_mb(tmp_path: Path) -> None:
    big = random.Random(1).randbytes(MAX_FILE_BYTES + 1)
    path = make_zip(tmp_path, [("pack.toml", PACK), ("picture.png", big)])
    assert_problem(problems(path), "picture.png", "larger than 1 MB")


def test_zip_refuses_more_than_20_mb_in_all(tmp_path: Path) -> None:
    rng = random.Random(2)
    members: list[Member] = [("pack.toml", PACK)]
    members += [(f"pictures/{i}.png", rng.randbytes(MAX_FILE_BYTES)) for i in range(21)]
    path = make_zip(tmp_path, members, method=zipfile.ZIP_STORED)
    found = problems(path)
    assert_problem(found, "pack.zip", "more than 20 MB in all")


def test_zip_refuses_a_ratio_over_100(tmp_path: Path) -> None:
    path = make_zip(tmp_path, [("pack.toml", PACK), ("01-intro.toml", bytes(900_000))])
    [problem] = problems(path)
    assert problem.file == "01-intro.toml"
    assert "zip bombs" in problem.what
    assert "more than 100 times" in problem.what


def test_zip_bomb_of_5_mb_of_zeros(tmp_path: Path) -> None:
    path = make_zip(tmp_path, [("pack.toml", PACK), ("bomb.toml", bytes(5 * MB))])
    found = problems(path)
    assert_problem(found, "bomb.toml", "zip bombs")
    assert_problem(found, "bomb.toml", "larger than 1 MB")


def test_zip_member_whose_header_understates_its_size_is_refused(tmp_path: Path) -> None:
    # The table of contents says 400,000 bytes (ratio about 80, under every limit), but the
    # member unpacks to 5 MB: reading stops at the stated size and the check sum fails.
    data = zip_bytes([("pack.toml", PACK), ("01-intro.toml", bytes(5 * MB))])
    data = patch_central(data, "01-intro.toml", file_size=400_000)
    found = problems(write(tmp_path / "pack.zip", data))
    assert [p.file for p in found] == ["01-intro.toml"]
    assert "damaged" in found[0].what


def test_zip_streaming_cap_stops_a_member_that_unpacks_larger_than_stated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Python's zipfile already stops at the stated size; this checks the counting guard behind
    # it by handing back more bytes than the header claims, as a lying stream would.
    path = make_zip(tmp_path, [("pack.toml", PACK), ("01-intro.toml", LESSON)])
    real_open = zipfile.ZipFile.open

    def lying_open(self: zipfile.ZipFile, name: Any, *args: Any, **kw: Any) -> Any:
        if getattr(name, "filename", name) == "01-intro.toml":
            return io.BytesIO(b"#" * (2 * MB))
        return real_open(self, name, *args, **kw)

    monkeypatch.setattr(zipfile.ZipFile, "open", lying_open)
    found = problems(path)
    assert_problem(found, "01-intro.toml", "unpacks to more than 1 MB")
    assert_problem(found, "01-intro.toml", f"the zip says it is {len(LESSON)} bytes")


@pytest.mark.parametrize(
    "name", ["extra.zip", "my-pack/lessons.tar.gz", "old.TGZ", "lib.jar", "a.7z", "b.rar", "c.tar"]
)
def test_zip_refuses_archives_by_name(tmp_path: Path, name: str) -> None:
    path = make_zip(tmp_path, [("pack.toml", PACK), (name, b"whatever")])
    assert_problem(problems(path), name, "is an archive inside the zip")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("01-intro.toml", zip_bytes([("inner.toml", LESSON)])),
        ("notes.txt", gzip.compress(b"hello", mtime=0)),
        ("my-pack/picture.png", zip_bytes([])),
    ],
)
def test_zip_refuses_archives_by_content(tmp_path: Path, name: str, data: bytes) -> None:
    path = make_zip(tmp_path, [("pack.toml", PACK), (name, data)])
    assert_problem(problems(path), name, "start like an archive")


def test_zip_refuses_encrypted_members(tmp_path: Path) -> None:
    data = zip_bytes([("pack.toml", PACK), ("01-intro.toml", LESSON)])
    data = patch_central(data, "01-intro.toml", flags=0x1)
    assert_problem(problems(write(tmp_path / "p.zip", data)), "01-intro.toml", "is encrypted")


def test_zip_refuses_a_member_with_a_wrong_check_sum(tmp_path: Path) -> None:
    data = zip_bytes([("pack.toml", PACK), ("01-intro.toml", LESSON)])
    data = patch_central(data, "01-intro.toml", crc=0x12345678)
    assert_problem(problems(write(tmp_path / "p.zip", data)), "01-intro.toml", "damaged")


def test_zip_refuses_damaged_compressed_data(tmp_path: Path) -> None:
    lesson = random.Random(3).randbytes(4000)
    data = bytearray(zip_bytes([("pack.toml", PACK), ("01-intro.toml", lesson)]))
    start = data.find(b"01-intro.toml") + len("01-intro.toml")  # in the local header
    for i in range(start + 10, start + 200):
        data[i] ^= 0xFF
    found = problems(write(tmp_path / "p.zip", bytes(data)))
    assert_problem(found, "01-intro.toml", "damaged")


def test_zip_refuses_an_unknown_compression_method(tmp_path: Path) -> None:
    data = zip_bytes([("pack.toml", PACK), ("01-intro.toml", LESSON)])
    data = patch_central(data, "01-intro.toml", method=99)
    found = problems(write(tmp_path / "p.zip", data))
    assert_problem(found, "01-intro.toml", "compressed in a way netsteps cannot read")


def test_zip_refuses_names_that_are_not_utf8(tmp_path: Path) -> None:
    data = zip_bytes([("pack.toml", PACK), ("xx.toml", LESSON)])
    data = patch_central(data, "xx.toml", raw_name=b"\xff\xfe.toml", flags=0x800)
    assert_problem(problems(write(tmp_path / "p.zip", data)), "p.zip", "not valid UTF-8")


def test_zip_refuses_control_characters_in_pack_file_names(tmp_path: Path) -> None:
    path = make_zip(tmp_path, [("pack.toml", PACK), ("02-\u202eevil.toml", LESSON)])
    assert_problem(problems(path), "02-\\u202eevil.toml", "control or invisible characters")


def test_zip_lists_every_problem_found(tmp_path: Path) -> None:
    link = zipfile.ZipInfo("03-link.toml")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    data = zip_bytes(
        [
            ("pack.toml", PACK),
            ("../01-up.toml", LESSON),
            ("/02-abs.toml", LESSON),
            (link, b"target"),
            ("04-locked.toml", LESSON),
            ("05-bomb.toml", bytes(900_000)),
            ("06-inner.zip", b""),
        ]
    )
    data = patch_central(data, "04-locked.toml", flags=0x1)
    found = problems(write(tmp_path / "p.zip", data))
    assert_problem(found, "../01-up.toml", "'..'")
    assert_problem(found, "/02-abs.toml", "absolute path")
    assert_problem(found, "03-link.toml", "is a link")
    assert_problem(found, "04-locked.toml", "is encrypted")
    assert_problem(found, "05-bomb.toml", "zip bombs")
    assert_problem(found, "06-inner.zip", "archive inside the zip")
    assert len(found) == 6


def test_zip_with_two_packs(tmp_path: Path) -> None:
    path = make_zip(tmp_path, [("a/pack.toml", PACK), ("b/pack.toml", PACK)])
    [problem] = problems(path)
    assert problem.file == "pack.toml"
    assert "more than one pack (a/, b/)" in problem.what


def test_zip_with_the_pack_too_deep(tmp_path: Path) -> None:
    path = make_zip(tmp_path, [("packs/my-pack/pack.toml", PACK)])
    [problem] = problems(path)
    assert "has no pack.toml" in problem.what
    assert "packs/my-pack/pack.toml, deeper than netsteps looks" in problem.hint


def test_zip_without_pack_toml(tmp_path: Path) -> None:
    [problem] = problems(make_zip(tmp_path, [("01-intro.toml", LESSON)]))
    assert problem.file == "pack.toml"
    assert "this folder has no pack.toml, so it is not a lesson pack" in problem.what
    assert "netsteps pack new DIR" in problem.hint


# --- manifest ----------------------------------------------------------------------------


def pack_zip_with_manifest(tmp_path: Path, files: dict[str, bytes], listed: bytes) -> Path:
    members: list[Member] = [(f"my-pack/{name}", data) for name, data in files.items()]
    members.append(("my-pack/manifest.toml", listed))
    return make_zip(tmp_path, members)


def test_manifest_that_matches(tmp_path: Path) -> None:
    files = {"pack.toml": PACK, "01-intro.toml": LESSON}
    path = pack_zip_with_manifest(tmp_path, files, manifest(files))
    assert read_pack_files(path).files == files  # the manifest itself is not a pack file


def test_manifest_reports_a_changed_file(tmp_path: Path) -> None:
    files = {"pack.toml": PACK, "01-intro.toml": LESSON}
    listed = manifest(files)
    files["01-intro.toml"] = LESSON + b"# edited\n"
    [problem] = problems(pack_zip_with_manifest(tmp_path, files, listed))
    assert problem.file == "my-pack/01-intro.toml"
    assert "file changed after the pack was built" in problem.what


def test_manifest_reports_added_and_missing_files(tmp_path: Path) -> None:
    listed = manifest({"pack.toml": PACK, "01-intro.toml": LESSON})
    files = {"pack.toml": PACK, "02-extra.toml": LESSON}
    found = problems(pack_zip_with_manifest(tmp_path, files, listed))
    assert_problem(found, "my-pack/01-intro.toml", "missing from the zip")
    assert_problem(found, "my-pack/02-extra.toml", "added after the pack was built")
    assert len(found) == 2


@pytest.mark.parametrize("listed", [b"files = [", b'files = "none"', b"\xff\xfe"])
def test_manifest_that_cannot_be_read(tmp_path: Path, listed: bytes) -> None:
    [problem] = problems(pack_zip_with_manifest(tmp_path, {"pack.toml": PACK}, listed))
    assert problem.file == "my-pack/manifest.toml"
    assert "cannot be read" in problem.what or "no [files] table" in problem.what


# --- whatever the bytes, only PackError ---------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x00",
        b"PK",
        b"PK\x03\x04" + bytes(100),
        b"garbage" + b"PK\x05\x06" + bytes(18),
        b"PK\x05\x06" + b"\xff" * 18,
        random.Random(4).randbytes(10_000),
    ],
)
def test_garbage_only_raises_pack_error(tmp_path: Path, data: bytes) -> None:
    problems(write(tmp_path / "pack.zip", data))


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9, 0.99])
def test_truncated_zip_only_raises_pack_error(tmp_path: Path, keep: float) -> None:
    data = zip_bytes([("pack.toml", PACK), ("01-intro.toml", LESSON * 50)])
    problems(write(tmp_path / "pack.zip", data[: int(len(data) * keep)]))


_VALID = zip_bytes(
    [
        ("my-pack/pack.toml", PACK),
        ("my-pack/01-intro.toml", LESSON * 20),
        ("my-pack/manifest.toml", manifest({"pack.toml": PACK, "01-intro.toml": LESSON * 20})),
    ]
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    changes=st.lists(
        st.tuples(st.integers(0, len(_VALID) - 1), st.integers(0, 255)), min_size=1, max_size=8
    ),
    cut=st.integers(0, len(_VALID)),
)
def test_damaged_zips_only_raise_pack_error(
    tmp_path: Path, changes: list[tuple[int, int]], cut: int
) -> None:
    data = bytearray(_VALID)
    for position, value in changes:
        data[position] = value
    path = write(tmp_path / "fuzz.zip", bytes(data[:cut] if cut > 20 else data))
    try:
        result = read_pack_files(path)
    except PackError as error:
        assert error.problems
    else:
        assert set(result.files) <= {"pack.toml", "01-intro.toml"}


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=2000), prefix=st.sampled_from([b"", b"PK\x03\x04", b"PK\x05\x06"]))
def test_random_bytes_only_raise_pack_error(tmp_path: Path, data: bytes, prefix: bytes) -> None:
    path = write(tmp_path / "random.zip", prefix + data)
    with pytest.raises(PackError):
        read_pack_files(path)


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        ("CON.toml", "'CON.toml' is a reserved device name on Windows"),
        ("lessons/nul.toml", "'nul.toml' is a reserved device name on Windows"),
        ("com1.toml", "reserved device name"),
        ("ab:c.toml", "it has a colon"),
        ("lessons/a:b.toml", "it has a colon"),
        ("notes.toml.", "ends with a dot or a space"),
        ("notes /x.toml", "ends with a dot or a space"),
    ],
)
def test_zip_refuses_names_windows_cannot_hold(tmp_path: Path, name: str, phrase: str) -> None:
    path = make_zip(tmp_path, [("pack.toml", PACK), (name, LESSON)])
    assert_problem(problems(path), name, phrase)


@pytest.mark.skipif(os.name != "posix", reason="such names cannot even be made on Windows")
def test_folder_refuses_names_windows_cannot_hold(tmp_path: Path) -> None:
    folder = good_folder(tmp_path)
    (folder / "aux.toml").write_bytes(LESSON)
    (folder / "x:y.toml").write_bytes(LESSON)
    found = problems(folder)
    assert_problem(found, "aux.toml", "reserved device name")
    assert_problem(found, "x:y.toml", "it has a colon")


def test_ordinary_names_that_look_close_are_fine(tmp_path: Path) -> None:
    path = make_zip(tmp_path, [("pack.toml", PACK), ("console.toml", LESSON),
                               ("01-con-men.toml", LESSON), ("null.toml", LESSON)])
    assert set(read_pack_files(path).files) == {"pack.toml", "console.toml", "01-con-men.toml",
                                                "null.toml"}
