"""What every step view shares: it is given the step and the lesson session, and it says
upwards only what the lesson screen must do next (move the keyboard to Next)."""

from __future__ import annotations

from typing import Any

from textual.containers import ScrollableContainer, Vertical
from textual.message import Message
from textual.widget import Widget

from tutor.kinds.base import Step
from tutor.session import LessonSession


class StepView(Vertical):
    """The part of the lesson screen that shows one step."""

    DEFAULT_CLASSES = "step-view"

    class Done(Message):
        """The learner finished what this step asks: the lesson screen offers Next."""

    def __init__(self, step: Step, session: LessonSession) -> None:
        super().__init__()
        self.step: Any = step
        self.session = session

    @property
    def record(self) -> Any:
        """The learner's record of this step in its kind's shape, or None before they act."""
        return self.session.record_for(self.step)

    def focus_first(self) -> None:
        """Put the keyboard where the learner will act first."""

    def keep_in_view(self, top: Widget, bottom: Widget) -> None:
        """Scroll so that ``top`` (the question) and ``bottom`` (its feedback) show together;
        when both cannot fit, the top wins, so the learner never sees an answer without its
        question."""
        area = next((a for a in self.ancestors if isinstance(a, ScrollableContainer)), None)
        if area is None:
            return

        def scroll() -> None:
            span = bottom.virtual_region_with_margin.bottom - top.virtual_region.y
            area.scroll_to_widget(top, top=True, animate=False)
            if span <= area.scrollable_content_region.height:
                area.scroll_to_widget(bottom, animate=False)

        self.call_after_refresh(scroll)
