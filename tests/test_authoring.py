"""The worked example in docs/authoring.md is a real pack that passes 'netsteps pack check'."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import tomli_w

from tutor.cli import main
from tutor.packs.errors import PackError
from tutor.packs.loader import load_pack, parse_pack

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "authoring.md"
BLOCK = re.compile(r"^```toml\n# file: (?P<name>[^\n]+)\n(?P<body>.*?)^```$", re.M | re.S)


def example_files() -> dict[str, str]:
    """The guide's ```toml blocks that start with '# file: NAME', as name -> whole text."""
    text = GUIDE.read_text("utf-8")
    files: dict[str, str] = {}
    for match in BLOCK.finditer(text):
        name = match.group("name").strip()
        assert name not in files, f"{name} is shown twice in the guide"
        files[name] = f"# file: {name}\n{match.group('body')}"
    return files


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NETSTEPS_HOME", str(tmp_path / "home"))
    folder = tmp_path / "example"
    folder.mkdir()
    for name, text in example_files().items():
        (folder / name).write_text(text, "utf-8", newline="\n")
    return folder


def test_the_guide_shows_one_whole_pack() -> None:
    names = sorted(example_files())
    assert "pack.toml" in names
    lessons = [name for name in names if name not in ("pack.toml", "glossary.toml")]
    assert len(lessons) == 1
    assert all(re.fullmatch(r"[0-9]{2}-[a-z0-9-]+\.toml", name) for name in lessons)


def test_the_example_passes_the_loader(example: Path) -> None:
    files = {path.name: path.read_bytes() for path in example.iterdir()}
    pack = parse_pack(files)
    assert len(pack.lessons) == 1
    assert load_pack(example).id == pack.id


def test_the_example_passes_pack_check(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["pack", "check", str(example)]) == 0
    assert "No problems found." in capsys.readouterr().out


def test_the_error_shown_in_the_guide_is_what_check_says(example: Path) -> None:
    """The guide drops the feedback of steps[3].options[1]; check must say what it shows."""
    lesson = next(path for path in example.iterdir() if path.name != "pack.toml")
    data = tomllib.loads(lesson.read_text("utf-8"))
    del data["steps"][2]["options"][0]["feedback"]
    lesson.write_text(tomli_w.dumps(data), "utf-8")
    with pytest.raises(PackError) as caught:
        load_pack(example)
    lines = [str(problem) for problem in caught.value.problems]
    assert len(lines) == 1
    assert lines[0].startswith(f"{lesson.name}: steps[3].options[1].feedback: ")
    assert lines[0] in GUIDE.read_text("utf-8")
