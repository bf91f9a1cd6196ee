"""Said kindly when the window is smaller than any screen can be shown in, instead of cutting
the lesson into pieces; it goes away by itself when the window grows."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.widgets import Static

from tutor.ui.literal import say
from tutor.ui.screens.base import TutorModal

MIN_WIDTH = 44
MIN_HEIGHT = 16


def too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT


class TooSmallScreen(TutorModal[None]):
    CSS_PATH = "too_small.tcss"

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(say("small.window", width=MIN_WIDTH, height=MIN_HEIGHT), id="too-small")
