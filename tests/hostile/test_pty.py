"""The real tutor on a real pseudo-terminal, previewing a pack full of terminal escapes.

Every byte the tutor writes is collected. Textual's own sequences are fine; the pack's must not
reach the terminal: no clipboard write (OSC 52), no hyperlink (OSC 8), no screen clear, no C1
control. What is left of them once cleaned is shown as plain characters, and the markup is
shown as it was written. The tutor keeps running until it gets Ctrl+Q, then exits with 0.
"""

from __future__ import annotations

import os
import select
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest
import tomli_w

from ._build import PACK, REPO, write_folder

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs a POSIX pseudo-terminal")

ROWS, COLS = 30, 100
MARKUP = "[@click=app.quit]Quit[/]"
BODY = (
    "Alpha \x1b]52;c;ZXZpbA==\x07 beta \x1b]8;;https://evil\x1b\\link\x1b]8;;\x1b\\ gamma "
    "\x1b[2J delta \x9b31m epsilon\n\n" + MARKUP + " zeta"
)
# What the learner sees of the first line: the controls are gone, the rest is plain text.
SHOWN = "Alpha ]52;c;ZXZpbA== beta ]8;;"


class Terminal:
    """A pseudo-terminal of a fixed size with one process on it, and everything it wrote."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        import fcntl
        import pty
        import termios

        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        self.process = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True,
            start_new_session=True,
        )
        os.close(slave)
        self.output = bytearray()

    def read(self, seconds: float, until: bytes | None = None) -> bool:
        """Collect output for up to ``seconds``, or until ``until`` has been written."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # the other side closed: the process has gone
                return until is None
            if not chunk:
                return until is None
            self.output += chunk
            if until is not None and until in self.output:
                return True
        return until is None

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(5)
        os.close(self.master)


def test_hostile_text_never_reaches_the_terminal(tmp_path: Path) -> None:
    lesson = {
        "id": "one", "title": "Lesson one", "summary": "S", "minutes": 5, "objectives": ["o"],
        "steps": [{"kind": "read", "title": "Read me", "body": BODY},
                  {"kind": "rate", "statement": "I feel able to read."}],
    }
    folder = write_folder(tmp_path / "pack", {"pack.toml": PACK,
                                               "01-one.toml": tomli_w.dumps(lesson)})
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("TEXTUAL", "NETSTEPS", "PYTEST", "COLUMNS", "LINES"))}
    env.update(NETSTEPS_HOME=str(tmp_path / "home"), TERM="xterm-256color",
               PYTHONPATH=str(REPO), LANG="C.UTF-8", LC_ALL="C.UTF-8")
    terminal = Terminal([sys.executable, "-m", "tutor", "--pack", str(folder)], env)
    try:
        assert terminal.read(30, until=b"Lesson one"), bytes(terminal.output[-2000:])
        terminal.read(0.5)  # let the home screen settle
        terminal.send(b"\r")  # the big button: open the first lesson
        assert terminal.read(15, until=b"Read me"), bytes(terminal.output[-2000:])
        terminal.read(1.0)
        assert terminal.process.poll() is None, "the tutor quit by itself"
        terminal.send(b"\x11")  # Ctrl+Q
        terminal.read(10)
        code = terminal.process.wait(10)
    finally:
        terminal.close()
    output = bytes(terminal.output)
    assert code == 0, output[-2000:]

    for hostile in (b"\x1b]52", b"\x1b]8;;https://evil", b"\x1b]8", b"\x1b[2J", b"\x1b]0;"):
        assert hostile not in output, hostile
    text = output.decode("utf-8", errors="replace")
    assert "\x9b" not in text and "\ufffd" not in text
    assert SHOWN in text  # the remains of the sequences are characters on the screen
    assert "\\link]8;;\\ gamma [2J delta 31m epsilon" in text
    assert MARKUP + " zeta" in text
