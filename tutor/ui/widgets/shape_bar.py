"""A progress bar whose done and to-do parts differ in shape (█ and ░), not only in colour."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

BAR_DONE, BAR_TO_DO = "█", "░"


def progress_bar(done: int, total: int, cells: int) -> Content:
    """A row of ``cells`` blocks: one filled block for every part done."""
    filled = max(0, min(cells, round(cells * done / total))) if total else 0
    return Content.assemble((BAR_DONE * filled, "$success"),
                            (BAR_TO_DO * (cells - filled), "$text-muted"))


class ShapeBar(Static):
    """As wide as its place on screen; ``show(done, total)`` moves it."""

    DEFAULT_CSS = "ShapeBar { height: 1; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.done = self.total = 0

    def show(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        self.refresh()

    def render(self) -> Content:
        return progress_bar(self.done, self.total, max(1, self.content_region.width))
