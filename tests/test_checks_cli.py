"""`netsteps check` as a user and a script meet it: exit codes, lines, JSON, and no Textual."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tutor.cli import main

NOTHING = "I found nothing from my list. Read it once more as a stranger would."


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tutor", "check", *args], input=stdin,
                          capture_output=True, text=True, timeout=60)


def test_a_clean_draft_says_so_honestly(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "Kari did brilliant work on the 2024 budget."]) == 0
    out = capsys.readouterr().out
    assert out.strip() == NOTHING
    assert "safe" not in out.lower()


def test_each_finding_is_one_line_with_where_and_what_to_do(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("Hei alle!\nRing meg på 912 34 567.\nVi er på hytta til søndag.\n",
                     encoding="utf-8")
    assert main(["check", "--file", str(draft)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("2:13: A phone number: “912 34 567”.")
    assert "Leave the number out" in lines[0]
    assert lines[1].startswith("3:7: It says your home is empty")
    assert lines[2] == "2 things to look at before you post to everyone."


def test_the_audience_changes_why(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "Ring 912 34 567"])
    everyone = capsys.readouterr().out
    main(["check", "--audience", "colleagues", "Ring 912 34 567"])
    colleagues = capsys.readouterr().out
    assert everyone != colleagues
    assert "to colleagues." in colleagues


def test_words_without_quotes_are_one_draft(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "Ring", "912", "34", "567"]) == 1
    assert "1:6:" in capsys.readouterr().out


def test_standard_input_and_json() -> None:
    result = run("-", "--json", stdin="Hello\nMy password is hunter22")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["count"] == 1 and data["audience"] == "everyone"
    finding = data["findings"][0]
    assert (finding["check"], finding["line"], finding["column"]) == ("password", 2, 1)
    assert finding["found"] == "My password is hunter22"
    assert {"what", "why", "fix", "start", "end"} <= set(finding)


def test_json_with_nothing_found() -> None:
    result = run("--json", "Takk for i dag!")
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"audience": "everyone", "count": 0, "findings": []}


@pytest.mark.parametrize("args", [
    ("--audience", "world", "hi"),
    ("hi", "--file", "x.txt"),
    ("--file", "/no/such/draft.txt"),
])
def test_wrong_usage_exits_2_with_one_line(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_an_empty_draft_is_wrong_usage() -> None:
    result = run("-", stdin="  \n")
    assert result.returncode == 2
    assert result.stderr.strip() == "netsteps check: the draft is empty; give the text to check"


def test_a_file_that_is_not_text_is_wrong_usage(tmp_path: Path) -> None:
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\xff")
    result = run("--file", str(binary))
    assert result.returncode == 2
    assert "is not a text file" in result.stderr


def test_never_imports_textual() -> None:
    code = ("import sys\nfrom tutor.cli import main\n"
            "code = main(['check', 'Ring 912 34 567, kari@firma.no'])\n"
            "print('textual' in sys.modules, 'rich' in sys.modules, code)")
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", code],
                            capture_output=True, text=True, timeout=60)
    assert result.stdout.splitlines()[-1] == "False False 1"
    assert "textual" not in result.stderr
