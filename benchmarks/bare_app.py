"""The smallest Textual app worth comparing with netsteps: one line of text and a footer.

``benchmarks/run.py`` starts it in a pseudo-terminal and waits until "ready-marker" and its
footer's "Quit" are on screen; the time that takes is the floor any Textual app pays to import
Textual and paint a screen.
"""

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Static

MARKER = "ready-marker"


class BareApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+q", "quit", "Quit", priority=True)]

    def compose(self) -> ComposeResult:
        yield Static(MARKER)
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
