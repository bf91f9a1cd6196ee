"""A page to read. Links in it are never followed without asking (see the lesson screen)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from tutor.ui.literal import bold
from tutor.ui.markdown import page
from tutor.ui.widgets.steps.base import StepView


class ReadView(StepView):
    def compose(self) -> ComposeResult:
        if self.step.title:
            yield Static(bold(self.step.title), classes="step-title")
        yield page(self.step.body, classes="step-body")
