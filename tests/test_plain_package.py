"""Plain mode is a face like the full screen: a view for every step kind, found by kind."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO, WritePack
from tests.test_plain import Answers, play
from tutor.kinds import KINDS
from tutor.messages import t
from tutor.plain.steps import RENDERERS

PACKAGE = REPO / "tutor" / "plain"


def test_every_step_kind_has_a_renderer_and_every_renderer_a_kind() -> None:
    assert set(RENDERERS) == set(KINDS)
    assert all(callable(render) for render in RENDERERS.values())


def test_a_renderer_is_found_by_kind_not_by_class() -> None:
    for path in PACKAGE.glob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)
                 and isinstance(node.func, ast.Name) and node.func.id == "isinstance"
                 and "Step" in ast.unparse(node.args[1])]
        assert not calls, f"{path.name}: isinstance at line {calls[0].lineno if calls else 0}"


def test_each_file_of_the_package_stays_small_and_free_of_textual() -> None:
    for path in PACKAGE.glob("*.py"):
        text = path.read_text("utf-8")
        assert len(text.splitlines()) <= 400, path.name
        assert "textual" not in text.replace("Textual", ""), path.name


def test_a_step_of_a_kind_the_table_lacks_would_be_missed(tmp_path: Path,
                                                          write_pack: WritePack) -> None:
    """Each kind in a pack is shown by its own renderer: its words reach the learner."""
    write_pack("builtin/demo")
    code, output = play(tmp_path / "data", Answers(["1", "3", "", "2", "", "1 3", "", "", "", "",
                                                    "", "4", "", "q"]), tmp_path / "builtin")
    assert code == 0
    for text in (t("rate.how_sure"), "Some bold words.", "Pick the right one.",
                 "What do you think?", "Tick what holds.", "What will you do?"):
        assert text in output
