"""Building a pack's hand-out zip: deterministic, atomic, and readable again."""

from __future__ import annotations

import hashlib
import io
import os
import tomllib
import zipfile
from pathlib import Path

import pytest

from tutor.packs.build import build_zip, manifest_bytes
from tutor.packs.errors import PackError
from tutor.packs.source import PackFiles, read_pack_files

PACK = b'format = 1\nid = "demo"\ntitle = "Demo"\nversion = "1.2.0"\n'
INTRO = 'id = "intro"\ntitle = "Hei på deg"\nsummary = "Ærlig talt"\n'.encode()
GLOSSARY = b'[[terms]]\nterm = "2FA"\nmeaning = "A second check"\n'


def pack_files(tmp_path: Path, **extra: bytes) -> PackFiles:
    files = {"pack.toml": PACK, "01-intro.toml": INTRO, "glossary.toml": GLOSSARY, **extra}
    return PackFiles(origin=tmp_path, files=files, is_zip=False)


def test_manifest_lists_every_file_with_its_sha256_sorted(tmp_path: Path) -> None:
    files = pack_files(tmp_path, **{"02-more.toml": b"", "manifest.toml": b"old"})
    raw = manifest_bytes(files, "demo", "1.2.0")
    data = tomllib.loads(raw.decode())
    assert data == {
        "id": "demo",
        "version": "1.2.0",
        "format": 1,
        "files": {
            "01-intro.toml": hashlib.sha256(INTRO).hexdigest(),
            "02-more.toml": hashlib.sha256(b"").hexdigest(),
            "glossary.toml": hashlib.sha256(GLOSSARY).hexdigest(),
            "pack.toml": hashlib.sha256(PACK).hexdigest(),
        },
    }
    text = raw.decode()
    positions = [text.index(f'"{name}"') for name in sorted(data["files"])]
    assert positions == sorted(positions)


def test_manifest_escapes_what_it_writes(tmp_path: Path) -> None:
    raw = manifest_bytes(pack_files(tmp_path), "demo", 'v1 "quoted"\nnext = 1')
    assert tomllib.loads(raw.decode())["version"] == 'v1 "quoted"\nnext = 1'


def test_build_writes_one_folder_with_the_files_and_a_manifest(tmp_path: Path) -> None:
    files = pack_files(tmp_path, **{"README.md": b"# not a pack file"})
    out = build_zip(files, "demo", "1.2.0", tmp_path / "demo.zip")

    assert out == tmp_path / "demo.zip"
    with zipfile.ZipFile(out) as archive:
        infos = archive.infolist()
        assert [info.filename for info in infos] == [
            "demo/",
            "demo/01-intro.toml",
            "demo/glossary.toml",
            "demo/manifest.toml",
            "demo/pack.toml",
        ]
        for info in infos:
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            assert info.create_system == 3
            if not info.is_dir():
                assert info.external_attr == 0o644 << 16
                assert info.compress_type == zipfile.ZIP_DEFLATED
        assert archive.read("demo/manifest.toml") == manifest_bytes(files, "demo", "1.2.0")
        assert archive.read("demo/01-intro.toml") == INTRO
        assert archive.testzip() is None


def test_build_is_deterministic(tmp_path: Path) -> None:
    files = pack_files(tmp_path)
    first = build_zip(files, "demo", "1.2.0", tmp_path / "first.zip").read_bytes()
    second = build_zip(files, "demo", "1.2.0", tmp_path / "second.zip").read_bytes()
    reordered = PackFiles(tmp_path / "elsewhere", dict(reversed(files.files.items())), True)
    third = build_zip(reordered, "demo", "1.2.0", tmp_path / "third.zip").read_bytes()
    assert first == second == third


def test_build_then_read_back_gives_the_same_files(tmp_path: Path) -> None:
    files = pack_files(tmp_path)
    out = build_zip(files, "demo", "1.2.0", tmp_path / "demo.zip")
    again = read_pack_files(out)
    assert again.files == files.files
    assert again.is_zip
    assert again.origin == out
    # and building what was read gives the same zip again
    rebuilt = build_zip(again, "demo", "1.2.0", tmp_path / "again.zip")
    assert rebuilt.read_bytes() == out.read_bytes()


def test_build_from_a_folder_round_trip(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    folder.mkdir()
    for name, data in pack_files(tmp_path).files.items():
        (folder / name).write_bytes(data)
    (folder / "notes.md").write_text("ignored")
    files = read_pack_files(folder)
    out = build_zip(files, "demo", "1.2.0", tmp_path / "demo.zip")
    assert read_pack_files(out).files == files.files


def test_a_file_changed_after_the_build_is_reported(tmp_path: Path) -> None:
    out = build_zip(pack_files(tmp_path), "demo", "1.2.0", tmp_path / "demo.zip")
    buffer = io.BytesIO()
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "demo/01-intro.toml":
                data = data.replace(b"Hei", b"Hallo")
            target.writestr(info, data)
    tampered = tmp_path / "tampered.zip"
    tampered.write_bytes(buffer.getvalue())

    with pytest.raises(PackError) as caught:
        read_pack_files(tampered)
    [problem] = caught.value.problems
    assert problem.file == "demo/01-intro.toml"
    assert "file changed after the pack was built" in problem.what


def test_a_very_compressible_file_is_stored_so_it_reads_back(tmp_path: Path) -> None:
    repetitive = b"# " + b"=" * 200_000 + b"\n"
    files = pack_files(tmp_path, **{"02-long.toml": repetitive})
    out = build_zip(files, "demo", "1.2.0", tmp_path / "demo.zip")
    with zipfile.ZipFile(out) as archive:
        assert archive.getinfo("demo/02-long.toml").compress_type == zipfile.ZIP_STORED
        assert archive.getinfo("demo/pack.toml").compress_type == zipfile.ZIP_DEFLATED
    assert read_pack_files(out).files["02-long.toml"] == repetitive


def test_build_replaces_the_output_at_once_and_leaves_nothing_behind(tmp_path: Path) -> None:
    out = tmp_path / "demo.zip"
    out.write_bytes(b"an older build")
    build_zip(pack_files(tmp_path), "demo", "1.2.0", out)
    assert zipfile.is_zipfile(out)
    assert sorted(os.listdir(tmp_path)) == ["demo.zip"]


def test_build_into_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(PackError) as caught:
        build_zip(pack_files(tmp_path), "demo", "1.2.0", tmp_path / "nowhere" / "demo.zip")
    [problem] = caught.value.problems
    assert problem.file == "demo.zip"
    assert "cannot be written" in problem.what


def test_build_onto_a_folder_leaves_no_temporary_file(tmp_path: Path) -> None:
    (tmp_path / "demo.zip").mkdir()
    with pytest.raises(PackError) as caught:
        build_zip(pack_files(tmp_path), "demo", "1.2.0", tmp_path / "demo.zip")
    assert "cannot be written" in caught.value.problems[0].what
    assert sorted(os.listdir(tmp_path)) == ["demo.zip"]


@pytest.mark.parametrize("pack_id", ["", "Demo", "../demo", "a/b", "-x", "x" * 65])
def test_build_refuses_an_id_that_cannot_name_a_folder(tmp_path: Path, pack_id: str) -> None:
    with pytest.raises(PackError) as caught:
        build_zip(pack_files(tmp_path), pack_id, "1.0", tmp_path / "out.zip")
    assert caught.value.problems[0].where == "id"
    assert not (tmp_path / "out.zip").exists()


@pytest.mark.parametrize("name", ["../evil.toml", "sub/x.toml", "a\\b.toml", ".hidden.toml"])
def test_build_refuses_file_names_that_are_not_plain(tmp_path: Path, name: str) -> None:
    with pytest.raises(PackError) as caught:
        build_zip(pack_files(tmp_path, **{name: b""}), "demo", "1.0", tmp_path / "out.zip")
    assert "is not a plain file name" in caught.value.problems[0].what
