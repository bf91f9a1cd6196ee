"""What the lesson screen and the review screen share: one step on show at a time, replaced
without an empty frame, paged with PgUp/PgDn, and Next offered when the step is done."""

from __future__ import annotations

from textual import on
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Button

from tutor.ui.screens.base import TutorScreen
from tutor.ui.widgets.steps import StepView


class SteppingScreen(TutorScreen[None]):
    async def replace_step(self, *widgets: Widget) -> None:
        """Show ``widgets`` in the step area: the new step is built before the old one goes,
        so no empty frame is ever painted, and it opens at its top."""
        area = self.query_one("#step-area", VerticalScroll)
        with self.app.batch_update():
            old = list(area.children)
            await area.mount_all(widgets)
            if old:
                await area.remove_children(old)
            area.scroll_home(animate=False)
        self.call_after_refresh(area.scroll_home, animate=False)

    async def action_next(self) -> None:
        """Go on; each screen says what that means."""

    @on(Button.Pressed, "#next")
    async def next_pressed(self) -> None:
        await self.action_next()

    def action_scroll_step(self, direction: int) -> None:
        area = self.query_one("#step-area", VerticalScroll)
        if direction > 0:
            area.scroll_page_down()
        else:
            area.scroll_page_up()

    @on(StepView.Done)
    def step_done(self, event: StepView.Done) -> None:
        event.stop()
        self.query_one("#next", Button).focus(scroll_visible=False)
