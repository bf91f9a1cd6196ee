"""Closing the terminal window mid-sentence: what the learner typed is kept."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.hostile.test_pty import Terminal
from tutor.progress.store import ProgressStore

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs a POSIX pseudo-terminal")


@pytest.mark.parametrize("sent", [signal.SIGHUP, signal.SIGTERM], ids=["hangup", "terminate"])
def test_closing_the_window_while_typing_keeps_the_words(tmp_path: Path,
                                                         sent: signal.Signals) -> None:
    home = tmp_path / "home"
    env = {**os.environ, "NETSTEPS_HOME": str(home), "TERM": "xterm-256color",
           "PYTHONPATH": str(REPO), "LANG": "C.UTF-8"}
    terminal = Terminal([sys.executable, "-m", "tutor"], env)
    try:
        assert terminal.read(20, until=b"Start the first lesson")
        terminal.send(b"\r")  # start the first lesson
        assert terminal.read(10, until=b"Step 1 of")
        terminal.send(b"3")  # rate, then on to the first writing step
        for _ in range(10):
            terminal.send(b"\x1b[C")
            terminal.read(0.25)
        assert terminal.read(5, until=b"Step 11 of")
        terminal.send(b"Plumtree words")
        # Close the moment the words are on screen: well before the pause after which typing
        # is saved by itself.
        assert terminal.read(5, until=b"Plumtree words")
        terminal.process.send_signal(sent)
        assert terminal.process.wait(10) == 0
    finally:
        terminal.close()
    store = ProgressStore(home)
    store.load()
    record = store.find("first-steps", "why")
    assert record is not None
    assert any(getattr(step, "text", None) == "Plumtree words" for step in record.steps.values())
