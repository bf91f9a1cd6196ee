"""Choosing actions for the plan, or writing one's own, each with an optional "by when".

A date that cannot be read is kept as typed and its problem shown right under its box, where
the learner is looking, until it is mended."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, HorizontalGroup, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Static

from tutor.dates import input_date, parse_date
from tutor.messages import t
from tutor.progress.model import Commitment
from tutor.text import clean
from tutor.ui.literal import bold, say
from tutor.ui.widgets.steps.base import StepView
from tutor.ui.widgets.tick_list import TickList


class DateRow(Vertical):
    """The optional "by when" date for one chosen action, with its problem right beside the
    box, so it is on screen whenever the box is."""

    DEFAULT_CLASSES = "date-row"

    def __init__(self, text: str, value: str) -> None:
        super().__init__()
        self.text = text
        self.value = value

    def compose(self) -> ComposeResult:
        yield Static(say("commit.when", action=self.text), classes="date-label")
        with HorizontalGroup():
            yield Input(self.value, placeholder=t("commit.by_placeholder"), classes="action-by",
                        tooltip=t("commit.by_tooltip"))
            yield Static(classes="date-problem")

    def on_mount(self) -> None:
        self.check(self.value)

    def check(self, value: str) -> bool:
        """Show whether ``value`` reads as a date; True when it does (or is empty)."""
        problem = self.query_one(".date-problem", Static)
        try:
            parse_date(value)
        except ValueError:
            problem.update(say("commit.bad_date", text=value))
            problem.display = True
            return False
        problem.update("")
        problem.display = False
        return True


class CommitView(StepView):
    def compose(self) -> ComposeResult:
        actions = self.record.actions if self.record else []
        suggested = {text.casefold() for text in self.step.actions}
        self.own = [a.text for a in actions if a.text.casefold() not in suggested]
        self.dates = {a.text: input_date(a.by) if a.by else "" for a in actions}
        yield Static(bold(self.step.prompt), classes="step-title")
        yield Static(say("commit.how"), classes="muted")
        chosen = {action.text for action in actions}
        labels = [*self.step.actions, *self.own]
        yield TickList(labels, {i for i, text in enumerate(labels) if text in chosen},
                       id="actions")
        with Horizontal(id="own"):
            yield Input(placeholder=t("commit.own_placeholder"), id="own-action", max_length=300)
            yield Button(say("commit.add"), id="add")
        yield Vertical(*(DateRow(text, self.dates.get(text, "")) for text in self._chosen(
            labels, chosen)), id="dates")

    @staticmethod
    def _chosen(labels: list[str], chosen: set[str]) -> list[str]:
        return [text for text in labels if text in chosen]

    def focus_first(self) -> None:
        self.query_one("#actions").focus(scroll_visible=False)

    @property
    def chosen(self) -> list[str]:
        actions = self.query_one("#actions", TickList)
        return [actions.labels[i] for i in sorted(actions.ticked)]

    async def show_dates(self) -> None:
        box = self.query_one("#dates", Vertical)
        await box.remove_children()
        await box.mount_all(DateRow(text, self.dates.get(text, "")) for text in self.chosen)

    def by(self, text: str) -> date | None:
        try:
            return parse_date(self.dates.get(text, ""))
        except ValueError:
            return None

    def _save(self) -> None:
        self.session.commit(
            [Commitment(text, self.by(text), text not in self.own) for text in self.chosen])

    @on(TickList.Changed, "#actions")
    async def ticked(self, event: TickList.Changed) -> None:
        event.stop()
        await self.show_dates()
        self._save()

    @on(Input.Changed, ".action-by")
    def date_typed(self, event: Input.Changed) -> None:
        event.stop()
        row = next((a for a in event.input.ancestors if isinstance(a, DateRow)), None)
        if row is None:
            return
        self.dates[row.text] = event.value
        if row.check(event.value):
            self._save()

    @on(Input.Submitted, "#own-action")
    @on(Button.Pressed, "#add")
    async def add_own(self, event: Message) -> None:
        event.stop()
        box = self.query_one("#own-action", Input)
        text = " ".join(clean(box.value).split())
        if not text:
            box.focus()
            return
        actions = self.query_one("#actions", TickList)
        if any(existing.casefold() == text.casefold() for existing in [*self.step.actions,
                                                                       *self.own]):
            self.notify(t("commit.already"), markup=False)
            return
        self.own.append(text)
        actions.add(text)
        box.value = ""
