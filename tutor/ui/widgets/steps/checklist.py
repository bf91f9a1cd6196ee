"""Ticking what already holds for the learner."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Static

from tutor.ui.literal import bold, say
from tutor.ui.widgets.steps.base import StepView
from tutor.ui.widgets.tick_list import TickList


class ChecklistView(StepView):
    def compose(self) -> ComposeResult:
        yield Static(bold(self.step.prompt), classes="step-title")
        yield Static(say("checklist.how"), classes="muted")
        ticked = set(self.record.ticked) if self.record else set()
        yield TickList(list(self.step.items), ticked, id="items")

    def focus_first(self) -> None:
        self.query_one("#items").focus(scroll_visible=False)

    @on(TickList.Changed, "#items")
    def ticked(self, event: TickList.Changed) -> None:
        event.stop()
        self.session.set_ticks(event.ticked)
