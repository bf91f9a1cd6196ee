"""The layers the design asks for: a core that never imports Textual, and small modules."""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.conftest import REPO

TUTOR = REPO / "tutor"
# Everything but the full-screen face, and cli.py, which imports Textual only to open it.
CORE = [path for path in TUTOR.rglob("*.py")
        if "ui" not in path.relative_to(TUTOR).parts and path.name != "cli.py"]


def test_the_core_never_imports_textual() -> None:
    for path in CORE:
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import) else
                     [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(name.split(".")[0] == "textual" for name in names), path


def test_taking_a_lesson_in_the_core_loads_no_textual() -> None:
    code = (
        "import sys\n"
        "from tutor.packs.library import Library\n"
        "from tutor.session import LessonSession\n"
        "from tutor.progress.model import LessonRecord\n"
        "from tutor.plan import build_plan, render\n"
        "from tutor.checks import check_post\n"
        "from pathlib import Path\n"
        "library = Library(Path('/nonexistent'), use_entry_points=False).load()\n"
        "lesson = library.packs[0].lessons[0]\n"
        "session = LessonSession(lesson, LessonRecord(), seed='x')\n"
        "while session.next():\n"
        "    pass\n"
        "check_post('Call me on 912 34 567')\n"
        "assert not any(m.split('.')[0] == 'textual' for m in sys.modules), 'textual loaded'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


def test_no_module_is_over_400_lines_the_catalog_aside() -> None:
    long = {str(path.relative_to(REPO)): lines for path in TUTOR.rglob("*.py")
            if (lines := len(path.read_text("utf-8").splitlines())) > 400}
    assert long == {}
