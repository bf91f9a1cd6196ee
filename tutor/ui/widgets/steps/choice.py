"""A question. Options show in the learner's own shuffled order. The feedback appears right
under the question, so on a small screen the question and what it says about the answer are
always in view together; the options to try again follow below."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from tutor.kinds.choice import ChoiceResult
from tutor.messages import t
from tutor.ui.literal import bold, hanging, literal, say
from tutor.ui.widgets.steps.base import StepView
from tutor.ui.widgets.tick_list import StepList, TickList


class ChoiceView(StepView):
    def compose(self) -> ComposeResult:
        self.order = self.session.option_order()
        options = [self.step.options[i] for i in self.order]
        yield Static(bold(self.step.prompt), classes="step-title", id="prompt")
        yield Static(id="feedback")
        picked = set(self.record.picked) if self.record else set()
        if self.step.multiple:
            yield Static(say("choice.pick_all"), classes="muted")
            yield TickList([o.text for o in options],
                           {shown for shown, i in enumerate(self.order) if i in picked},
                           id="options")
            yield Button(say("choice.check"), id="check", variant="primary")
        else:
            yield Static(say("choice.pick_one"), classes="muted")
            yield StepList(
                *(Option(hanging(f"{chr(65 + shown)}.", o.text), id=str(self.order[shown]))
                  for shown, o in enumerate(options)),
                id="options",
            )

    def on_mount(self) -> None:
        result = self.session.last_result()
        if result is not None:
            self.show_result(result, scroll=False)

    def focus_first(self) -> None:
        self.query_one("#options").focus(scroll_visible=False)

    @on(OptionList.OptionSelected, "#options")
    def picked_one(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.answer([int(event.option.id or 0)])

    @on(Button.Pressed, "#check")
    def picked_several(self, event: Button.Pressed) -> None:
        event.stop()
        chosen = self.query_one("#options", TickList).ticked
        if not chosen:
            self.notify(t("choice.pick_first"), markup=False)
            return
        self.answer(sorted(self.order[shown] for shown in chosen))

    def answer(self, picked: list[int]) -> None:
        result = self.session.choose(picked)
        self.show_result(result)
        if result.correct:
            self.post_message(self.Done())

    def show_result(self, result: ChoiceResult, *, scroll: bool = True) -> None:
        parts = [say("choice.right") if result.correct else say("choice.not_quite")]
        for feedback in sorted(result.feedback, key=lambda f: self.order.index(f.option)):
            option = self.step.options[feedback.option]
            mark = "✓" if feedback.correct else "✗"
            parts.append(literal(f"\n\n{mark} {option.text}").stylize("bold"))
            parts.append(literal(f"\n{feedback.text}"))
        if not result.correct:
            parts.append(literal("\n\n"))
            parts.append(say("choice.missed", count=result.missed) if result.missed
                         and self.step.multiple else say("choice.try_again"))
        box = self.query_one("#feedback", Static)
        box.update(Content.assemble(*parts))
        box.set_class(result.correct, "right")
        box.set_class(not result.correct, "wrong")
        if scroll:
            self.keep_in_view(self.query_one("#prompt"), box)
