"""The cheapest page turn a Textual app can make, to compare netsteps' lesson steps with:
pressing → puts new words in one line of text (``benchmarks/run.py`` times it in a pty)."""

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Static


class BareSteps(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("right", "next", "Next"),
                                             Binding("ctrl+q", "quit", "Quit", priority=True)]

    def __init__(self) -> None:
        super().__init__()
        self.page = 1

    def compose(self) -> ComposeResult:
        yield Static("Page 1 is here", id="page")
        yield Footer()

    def action_next(self) -> None:
        self.page += 1
        self.query_one("#page", Static).update(f"Page {self.page} is here")


if __name__ == "__main__":
    BareSteps().run()
