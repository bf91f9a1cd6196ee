"""A list of lines the learner ticks. The tick is a character, not only a colour, so it shows
on every terminal and reads out in a screen reader, and long lines wrap instead of being cut."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tutor.ui.literal import hanging

TICKED = "☑"
UNTICKED = "☐"


class StepList(OptionList):
    """A list on a lesson step. The arrow keys left and right still move between steps (a plain
    option list would take them for sideways scrolling and hide them from the footer)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "screen.back", "key.back"),
        Binding("right", "screen.next", "key.next"),
    ]


class TickList(StepList):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("space", "select", show=False)]

    class Changed(Message):
        def __init__(self, tick_list: TickList, ticked: list[int]) -> None:
            super().__init__()
            self.tick_list = tick_list
            self.ticked = ticked

        @property
        def control(self) -> TickList:
            return self.tick_list

    def __init__(self, labels: list[str], ticked: set[int] | None = None,
                 *, id: str | None = None) -> None:
        self.labels = list(labels)
        self.ticks = set(ticked or ())
        super().__init__(*(Option(self._prompt(i)) for i in range(len(self.labels))), id=id)

    def _prompt(self, index: int) -> Table:
        return hanging(TICKED if index in self.ticks else UNTICKED, self.labels[index])

    @property
    def ticked(self) -> list[int]:
        return sorted(self.ticks)

    def toggle(self, index: int) -> None:
        self.ticks ^= {index}
        self.replace_option_prompt_at_index(index, self._prompt(index))
        self.post_message(self.Changed(self, self.ticked))

    def add(self, label: str, ticked: bool = True) -> None:
        self.labels.append(label)
        index = len(self.labels) - 1
        if ticked:
            self.ticks.add(index)
        self.add_option(Option(self._prompt(index)))
        self.post_message(self.Changed(self, self.ticked))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.toggle(event.option_index)
