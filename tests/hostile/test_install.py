"""Installing hostile packs: refusals write nothing, and nothing is ever written outside the
learner's data folder, whatever the pack's names and ids say."""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.cli import main
from tutor.packs.errors import PackError
from tutor.packs.library import ORIGIN_FILE, Library
from tutor.packs.source import read_pack_files

from ._build import (
    BUILTIN,
    LESSON_B,
    PACK,
    PACK_B,
    assert_terminal_safe,
    pack_folder,
    pack_members,
    tree,
    unchanged_outside,
    zip_bytes,
)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The learner's data folder, also NETSTEPS_HOME for the command line."""
    folder = tmp_path / "home"
    monkeypatch.setenv("NETSTEPS_HOME", str(folder))
    return folder


def _library(home: Path) -> Library:
    return Library(home, builtin_dir=BUILTIN, use_entry_points=False).load()


def _installed(home: Path) -> dict[str, tuple[str, int]]:
    return tree(home / "packs") if (home / "packs").exists() else {}


def test_a_pack_with_the_built_in_id_is_refused(tmp_path: Path, home: Path) -> None:
    folder = pack_folder(tmp_path / "impostor",
                         pack__toml=PACK.replace('"hostile"', '"first-steps"'))
    library = _library(home)
    assert library.get("first-steps") is not None
    with unchanged_outside(tmp_path, home), pytest.raises(PackError) as caught:
        library.plan_install(read_pack_files(folder))
    (problem,) = caught.value.problems
    assert (problem.file, problem.where) == ("impostor", "id")
    assert "the id 'first-steps' belongs to the built-in course" in problem.what
    assert _installed(home) == {}
    assert library.get("first-steps").builtin  # type: ignore[union-attr]


def test_a_different_pack_with_an_id_in_use_is_refused_without_replace(
    tmp_path: Path, home: Path
) -> None:
    library = _library(home)
    first = pack_folder(tmp_path / "first")
    library.install(library.plan_install(read_pack_files(first)))
    before = _installed(home)
    assert set(before) >= {"hostile", "hostile/pack.toml", "hostile/01-one.toml"}

    other = pack_folder(tmp_path / "other", pack__toml=PACK.replace('"Mallory"', '"Eve"'))
    with unchanged_outside(tmp_path, home), pytest.raises(PackError) as caught:
        library.plan_install(read_pack_files(other))
    (problem,) = caught.value.problems
    assert (problem.file, problem.where) == ("other", "id")
    assert "a different pack ('Hostile pack' by Mallory) is installed with the id 'hostile'" \
        in problem.what
    assert "--replace" in problem.hint
    assert _installed(home) == before
    assert library.plan_install(read_pack_files(other), replace=True).action == "replace"


def test_a_clean_zip_installs_only_inside_the_data_folder(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "hostile.zip"
    source.write_bytes(zip_bytes(pack_members()))
    with unchanged_outside(tmp_path, home):
        assert main(["pack", "install", "--yes", str(source)]) == 0
    assert set(_installed(home)) == {
        "hostile", "hostile/pack.toml", "hostile/01-one.toml", f"hostile/{ORIGIN_FILE}",
    }
    assert (home / "packs" / "hostile" / "01-one.toml").read_bytes() == LESSON_B
    assert "Installed 'Hostile pack'" in capsys.readouterr().out


HOSTILE_ZIPS = [
    pytest.param([("../evil.toml", LESSON_B)], "../evil.toml", id="parent-dir"),
    pytest.param([("/tmp/evil.toml", LESSON_B)], "/tmp/evil.toml", id="absolute-path"),
    pytest.param([("../../../../../../tmp/evil.toml", LESSON_B)],
                 "../../../../../../tmp/evil.toml", id="many-parent-dirs"),
    pytest.param([("sub/../../evil.toml", LESSON_B)], "sub/../../evil.toml",
                 id="parent-dir-after-a-folder"),
]


@pytest.mark.parametrize(("extra", "member"), HOSTILE_ZIPS)
def test_install_of_a_zip_that_climbs_out_writes_nothing(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str],
    extra: list[tuple[str, bytes]], member: str,
) -> None:
    source = tmp_path / "drop" / "pack.zip"
    source.parent.mkdir()
    source.write_bytes(zip_bytes([*pack_members(), *extra]))
    evil = Path("/tmp/evil.toml")
    existed = evil.exists()
    with unchanged_outside(tmp_path, home):
        code = main(["pack", "install", "--yes", str(source)])
    out, err = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in out + err
    assert err.splitlines()[0].startswith("netsteps: ") and " in the pack:" in err
    assert err.splitlines()[1].strip().startswith(f"{member}: its name ")
    for line in err.splitlines():
        assert_terminal_safe(line)
    assert _installed(home) == {}
    assert evil.exists() == existed


def test_install_of_a_folder_with_a_linked_lesson_writes_nothing(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = pack_folder(tmp_path / "pack")
    try:
        (folder / "02-passwd.toml").symlink_to("/etc/passwd")
    except OSError:  # pragma: no cover - Windows without the right to make links
        pytest.skip("cannot make links here")
    with unchanged_outside(tmp_path, home):
        assert main(["pack", "install", "--yes", str(folder)]) == 1
    assert capsys.readouterr().err.splitlines()[1].strip().startswith("02-passwd.toml: is a link")
    assert _installed(home) == {}


def test_a_version_too_long_to_compare_is_a_problem_not_a_crash(
    tmp_path: Path, home: Path
) -> None:
    library = _library(home)
    huge = pack_folder(tmp_path / "huge",
                       pack__toml=PACK.replace('"1.0"', '"1' + "0" * 5000 + '"'))
    with pytest.raises(PackError) as caught:
        library.plan_install(read_pack_files(huge))
    assert "is not a version number" in caught.value.first
    assert len(caught.value.first) < 200
    assert _installed(home) == {}


def test_the_pack_toml_bytes_are_installed_unchanged(tmp_path: Path, home: Path) -> None:
    """Install copies what was checked: the bytes read once, not a second read of the disk."""
    folder = pack_folder(tmp_path / "pack")
    library = _library(home)
    plan = library.plan_install(read_pack_files(folder))
    (folder / "pack.toml").write_text(PACK.replace("Hostile pack", "Swapped after the check"))
    target = library.install(plan)
    assert (target / "pack.toml").read_bytes() == PACK_B
