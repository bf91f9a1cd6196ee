"""Writing in one's own words. Typing is kept as it happens; a resumed text continues at its end."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Static, TextArea

from tutor.kinds.reflect import MAX_REFLECTION
from tutor.ui.literal import bold, literal, say
from tutor.ui.widgets.steps.base import StepView


class ReflectView(StepView):
    def compose(self) -> ComposeResult:
        yield Static(bold(self.step.prompt), classes="step-title")
        if self.step.hint:
            yield Static(literal(self.step.hint), classes="muted hint")
        yield Static(say("reflect.goes_to_plan" if self.step.plan else "reflect.saved"),
                     classes="muted")
        text = self.record.text if self.record else ""
        yield TextArea(text, id="reflection", soft_wrap=True, show_line_numbers=False,
                       tab_behavior="focus")
        yield Static(id="too-long", classes="muted")

    def focus_first(self) -> None:
        area = self.query_one("#reflection", TextArea)
        area.focus(scroll_visible=False)
        area.move_cursor(area.document.end)

    @on(TextArea.Changed, "#reflection")
    def written(self, event: TextArea.Changed) -> None:
        event.stop()
        kept = self.session.write(event.text_area.text)
        self.query_one("#too-long", Static).update(
            "" if kept else say("reflect.too_long", count=MAX_REFLECTION))
