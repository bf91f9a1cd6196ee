"""One view per step kind. Views get the step and the learner's answer, and post what the
learner did as messages; the lesson screen hands those to the session."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, ScrollableContainer, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import (
    Button,
    Input,
    Markdown,
    OptionList,
    Static,
    TextArea,
)
from textual.widgets.option_list import Option

from tutor.dates import parse_date
from tutor.messages import t
from tutor.packs.model import (
    ChecklistStep,
    ChoiceStep,
    CommitStep,
    RateStep,
    ReadStep,
    ReflectStep,
    Step,
)
from tutor.progress.model import Commitment, StepRecord
from tutor.session import ChoiceResult
from tutor.text import clean
from tutor.ui.literal import bold, hanging, literal, say
from tutor.ui.widgets.tick_list import StepList, TickList


class StepView(Vertical):
    """The part of the lesson screen that shows one step."""

    DEFAULT_CLASSES = "step-view"

    def __init__(self, step: Step, record: StepRecord | None) -> None:
        super().__init__()
        self.step = step
        self.record = record or StepRecord()

    def focus_first(self) -> None:
        """Put the keyboard where the learner will act first."""


class ReadView(StepView):
    step: ReadStep

    def compose(self) -> ComposeResult:
        if self.step.title:
            yield Static(bold(self.step.title), classes="step-title")
        yield Markdown(clean(self.step.body), open_links=False, classes="step-body")


class ChoiceView(StepView):
    step: ChoiceStep

    class Answered(Message):
        def __init__(self, picked: list[int]) -> None:
            super().__init__()
            self.picked = picked

    def __init__(self, step: Step, record: StepRecord | None,
                 result: ChoiceResult | None) -> None:
        super().__init__(step, record)
        self.result = result

    def compose(self) -> ComposeResult:
        yield Static(bold(self.step.prompt), classes="step-title")
        if self.step.multiple:
            yield Static(say("choice.pick_all"), classes="muted")
            yield TickList([o.text for o in self.step.options], set(self.record.picked),
                           id="options")
            yield Button(say("choice.check"), id="check", variant="primary")
        else:
            yield Static(say("choice.pick_one"), classes="muted")
            yield StepList(
                *(Option(hanging(f"{chr(65 + i)}.", o.text), id=str(i))
                  for i, o in enumerate(self.step.options)),
                id="options",
            )
        yield Static(id="feedback")

    def on_mount(self) -> None:
        if self.result is not None:
            self.show_result(self.result)

    def focus_first(self) -> None:
        self.query_one("#options").focus()

    @on(OptionList.OptionSelected, "#options")
    def picked_one(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Answered([int(event.option.id or 0)]))

    @on(Button.Pressed, "#check")
    def picked_several(self, event: Button.Pressed) -> None:
        event.stop()
        chosen = self.query_one("#options", TickList).ticked
        if not chosen:
            self.notify(t("choice.pick_first"), markup=False)
            return
        self.post_message(self.Answered(sorted(chosen)))

    def show_result(self, result: ChoiceResult) -> None:
        self.result = result
        parts = [say("choice.right") if result.correct else say("choice.not_quite")]
        for feedback in result.feedback:
            option = self.step.options[feedback.option]
            mark = "✓" if feedback.correct else "✗"
            parts.append(literal(f"\n\n{mark} {option.text}").stylize("bold"))
            parts.append(literal(f"\n{feedback.text}"))
        if not result.correct:
            parts.append(literal("\n\n"))
            parts.append(say("choice.missed", count=result.missed) if result.missed
                         and self.step.multiple else say("choice.try_again"))
        feedback_box = self.query_one("#feedback", Static)
        feedback_box.update(Content.assemble(*parts))
        feedback_box.set_class(result.correct, "right")
        feedback_box.set_class(not result.correct, "wrong")
        # The feedback is the last thing on the step: show all of it.
        area = next((a for a in self.ancestors if isinstance(a, ScrollableContainer)), None)
        if area is not None:
            self.call_after_refresh(area.scroll_end, animate=False)


class ReflectView(StepView):
    step: ReflectStep

    class Written(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def compose(self) -> ComposeResult:
        yield Static(bold(self.step.prompt), classes="step-title")
        if self.step.hint:
            yield Static(literal(self.step.hint), classes="muted hint")
        yield Static(say("reflect.goes_to_plan" if self.step.plan else "reflect.saved"),
                     classes="muted")
        yield TextArea(self.record.text, id="reflection", soft_wrap=True, show_line_numbers=False,
                       tab_behavior="focus")

    def focus_first(self) -> None:
        self.query_one("#reflection").focus()

    @on(TextArea.Changed, "#reflection")
    def written(self, event: TextArea.Changed) -> None:
        event.stop()
        self.post_message(self.Written(event.text_area.text))


class ChecklistView(StepView):
    step: ChecklistStep

    class Ticked(Message):
        def __init__(self, ticked: list[int]) -> None:
            super().__init__()
            self.ticked = ticked

    def compose(self) -> ComposeResult:
        yield Static(bold(self.step.prompt), classes="step-title")
        yield Static(say("checklist.how"), classes="muted")
        yield TickList(list(self.step.items), set(self.record.ticked), id="items")

    def focus_first(self) -> None:
        self.query_one("#items").focus()

    @on(TickList.Changed, "#items")
    def ticked(self, event: TickList.Changed) -> None:
        event.stop()
        self.post_message(self.Ticked(event.ticked))


class DateRow(Vertical):
    """The optional "by when" date for one chosen action."""

    DEFAULT_CLASSES = "date-row"

    def __init__(self, text: str, value: str) -> None:
        super().__init__()
        self.text = text
        self.value = value

    def compose(self) -> ComposeResult:
        yield Static(say("commit.when", action=self.text), classes="date-label")
        yield Input(self.value, placeholder=t("commit.by_placeholder"), classes="action-by",
                    tooltip=t("commit.by_tooltip"))


class CommitView(StepView):
    step: CommitStep

    class Changed(Message):
        def __init__(self, actions: list[Commitment]) -> None:
            super().__init__()
            self.actions = actions

    def __init__(self, step: Step, record: StepRecord | None) -> None:
        super().__init__(step, record)
        suggested = {text.casefold() for text in self.step.actions}
        self.own = [a.text for a in self.record.actions if a.text.casefold() not in suggested]
        self.dates = {a.text: a.by.isoformat() if a.by else "" for a in self.record.actions}

    def compose(self) -> ComposeResult:
        yield Static(bold(self.step.prompt), classes="step-title")
        yield Static(say("commit.how"), classes="muted")
        chosen = {action.text for action in self.record.actions}
        labels = [*self.step.actions, *self.own]
        yield TickList(labels, {i for i, text in enumerate(labels) if text in chosen},
                       id="actions")
        with Horizontal(id="own"):
            yield Input(placeholder=t("commit.own_placeholder"), id="own-action", max_length=300)
            yield Button(say("commit.add"), id="add")
        yield Vertical(id="dates")
        yield Static(id="date-problem", classes="muted")

    async def on_mount(self) -> None:
        await self.show_dates()

    def focus_first(self) -> None:
        self.query_one("#actions").focus()

    @property
    def chosen(self) -> list[str]:
        actions = self.query_one("#actions", TickList)
        return [actions.labels[i] for i in actions.ticked]

    async def show_dates(self) -> None:
        box = self.query_one("#dates", Vertical)
        await box.remove_children()
        await box.mount_all(DateRow(text, self.dates.get(text, "")) for text in self.chosen)

    def by(self, text: str) -> date | None:
        try:
            return parse_date(self.dates.get(text, ""))
        except ValueError:
            return None

    def _post(self) -> None:
        self.post_message(self.Changed(
            [Commitment(text, self.by(text), text not in self.own) for text in self.chosen]))

    @on(TickList.Changed, "#actions")
    async def ticked(self, event: TickList.Changed) -> None:
        event.stop()
        await self.show_dates()
        self._post()

    @on(Input.Changed, ".action-by")
    def date_typed(self, event: Input.Changed) -> None:
        event.stop()
        row = event.input.parent
        if not isinstance(row, DateRow):
            return
        self.dates[row.text] = event.value
        problem = self.query_one("#date-problem", Static)
        try:
            parse_date(event.value)
        except ValueError:
            problem.update(say("commit.bad_date", text=event.value))
            return
        problem.update("")
        self._post()

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


class RateView(StepView):
    step: RateStep

    class Rated(Message):
        def __init__(self, rating: int) -> None:
            super().__init__()
            self.rating = rating

    def compose(self) -> ComposeResult:
        yield Static(say("rate.how_sure"), classes="muted")
        yield Static(bold(self.step.statement), classes="step-title")
        with Horizontal(id="scale"):
            for value in range(1, 6):
                button = Button(say(f"rate.{value}"), id=f"rate-{value}", classes="rate")
                button.set_class(self.record.rating == value, "-picked")
                yield button
        yield Static(say("rate.keys"), classes="muted")
        yield Static(id="rated", classes="muted")

    def on_mount(self) -> None:
        if self.record.rating:
            self.show_rating(self.record.rating)

    def focus_first(self) -> None:
        self.query_one(f"#rate-{self.record.rating or 3}").focus()

    @on(Button.Pressed, ".rate")
    def pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.pick(int((event.button.id or "rate-3").rsplit("-", 1)[1]))

    def pick(self, value: int) -> None:
        self.show_rating(value)
        self.post_message(self.Rated(value))

    def show_rating(self, value: int) -> None:
        for button in self.query(".rate"):
            button.set_class(button.id == f"rate-{value}", "-picked")
        self.query_one("#rated", Static).update(say("rate.thanks", rating=value))


def view_for(step: Step, record: StepRecord | None, result: ChoiceResult | None) -> StepView:
    if isinstance(step, ChoiceStep):
        return ChoiceView(step, record, result)
    views: dict[type[Step], type[StepView]] = {
        ReadStep: ReadView, ReflectStep: ReflectView, ChecklistStep: ChecklistView,
        CommitStep: CommitView, RateStep: RateView,
    }
    return views[type(step)](step, record)
