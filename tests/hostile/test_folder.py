"""Hostile pack folders: links, pipes, too many or too large files, a file given for a folder."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tutor.packs.source import MAX_FOLDER_FILES

from ._build import (
    LESSON,
    PACK,
    Expect,
    assert_problems,
    check_cli,
    noise,
    pack_folder,
    refusal,
    write_folder,
)

MB = 1024 * 1024
posix_only = pytest.mark.skipif(os.name != "posix", reason="links and pipes need POSIX")

Build = Callable[[Path], Path]


def _link_to_passwd(tmp: Path) -> Path:
    folder = pack_folder(tmp / "pack")
    (folder / "x.toml").symlink_to("/etc/passwd")
    return folder


def _linked_pack_toml(tmp: Path) -> Path:
    outside = write_folder(tmp / "elsewhere", {"real.toml": PACK})
    folder = write_folder(tmp / "pack", {"01-one.toml": LESSON})
    (folder / "pack.toml").symlink_to(outside / "real.toml")
    return folder


def _fifo(tmp: Path) -> Path:
    folder = pack_folder(tmp / "pack")
    os.mkfifo(folder / "02-pipe.toml")  # opening it for reading must not block
    return folder


def _too_many_files(tmp: Path) -> Path:
    folder = pack_folder(tmp / "pack")
    for number in range(MAX_FOLDER_FILES - 1):  # with pack.toml and 01-one.toml: one too many
        (folder / f"x{number:04}.toml").write_bytes(b"")
    return folder


CASES = [
    pytest.param(
        _link_to_passwd, [Expect("x.toml", "is a link; packs cannot contain links")],
        id="symlink-to-etc-passwd", marks=posix_only),
    pytest.param(
        _linked_pack_toml, [Expect("pack.toml", "is a link; packs cannot contain links")],
        id="pack-toml-is-a-link", marks=posix_only),
    pytest.param(
        _fifo, [Expect("02-pipe.toml", "is not an ordinary file")],
        id="named-pipe", marks=posix_only),
    pytest.param(
        _too_many_files,
        [Expect("pack", f"this folder has {MAX_FOLDER_FILES + 1} .toml files; a pack can have "
                f"at most {MAX_FOLDER_FILES}")],
        id="one-toml-file-too-many"),
    pytest.param(
        lambda tmp: pack_folder(tmp / "pack", **{"02-big__toml": noise(MB + 1)}),
        [Expect("02-big.toml", "is larger than 1 MB (1,048,577 bytes)")],
        id="file-over-1-mb"),
    pytest.param(
        lambda tmp: pack_folder(tmp / "pack") / "pack.toml",
        [Expect("pack.toml", "this is a single file, but a pack is the folder")],
        id="a-toml-file-not-a-folder"),
    pytest.param(
        lambda tmp: write_folder(tmp / "pack", {"PACK.toml": PACK, "01-one.toml": LESSON}),
        [Expect("pack.toml", "this folder has no pack.toml, so it is not a lesson pack")],
        id="pack-toml-in-capitals"),
    pytest.param(
        lambda tmp: tmp / "nowhere",
        [Expect("nowhere", "there is no file or folder here")],
        id="missing-path"),
]


@pytest.mark.parametrize(("build", "expected"), CASES)
def test_hostile_folder_is_refused(
    tmp_path: Path, build: Build, expected: list[Expect], capsys: pytest.CaptureFixture[str]
) -> None:
    path = build(tmp_path)
    error = refusal(path)
    assert_problems(error, expected)
    check_cli(path, error, capsys)


def test_capitals_hint_names_the_misspelt_file(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "pack", {"PACK.toml": PACK, "01-one.toml": LESSON})
    error = refusal(folder)
    assert "'PACK.toml' must be called pack.toml, in lowercase" in error.problems[0].hint
