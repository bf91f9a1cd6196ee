"""A page to read. Links in it are never followed without asking (see the lesson screen)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Markdown, Static

from tutor.text import clean
from tutor.ui.literal import bold
from tutor.ui.widgets.steps.base import StepView


class ReadView(StepView):
    def compose(self) -> ComposeResult:
        if self.step.title:
            yield Static(bold(self.step.title), classes="step-title")
        yield Markdown(clean(self.step.body), open_links=False, classes="step-body")
