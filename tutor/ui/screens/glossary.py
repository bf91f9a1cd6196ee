"""The glossary: search every term, or look up the words used in the current lesson."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from tutor.glossary import search
from tutor.messages import t
from tutor.packs.model import Term
from tutor.ui.literal import bold, literal, say
from tutor.ui.screens.base import TutorModal


class GlossaryScreen(TutorModal[None]):
    CSS_PATH = "glossary.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f2", "close", "key.close"),
        Binding("down", "to_list", show=False),
    ]

    def __init__(self, terms: list[Term] | None = None, lesson_title: str = "") -> None:
        super().__init__()
        self.only = terms
        self.lesson_title = lesson_title

    @property
    def terms(self) -> list[Term]:
        if self.only is not None:
            return self.only
        return [term for pack in self.tutor.packs for term in pack.glossary]

    def compose(self) -> ComposeResult:
        with Vertical(id="glossary-box"):
            yield Static(say("glossary.in_lesson", lesson=self.lesson_title) if self.lesson_title
                         else say("glossary.title"), id="glossary-title")
            yield Input(placeholder=t("glossary.search"), id="glossary-search")
            yield OptionList(id="glossary-terms")
            yield Static(id="glossary-meaning")
            yield Button(say("glossary.close"), id="close")

    def on_mount(self) -> None:
        self.show(self.terms)
        self.query_one("#glossary-search", Input).focus()

    def show(self, terms: list[Term]) -> None:
        self.shown = terms
        box = self.query_one("#glossary-terms", OptionList)
        box.clear_options()
        box.add_options(Option(literal(term.term)) for term in terms)
        meaning = self.query_one("#glossary-meaning", Static)
        if not terms:
            meaning.update(say("glossary.none") if self.terms else say("glossary.empty"))
        else:
            box.highlighted = 0
            self.explain(terms[0])

    def explain(self, term: Term) -> None:
        text = bold(term.term) + literal("\n" + term.meaning)
        if term.also:
            text += literal("\n") + say("glossary.also", names=", ".join(term.also)).stylize("dim")
        self.query_one("#glossary-meaning", Static).update(text)

    @on(Input.Changed, "#glossary-search")
    def searched(self, event: Input.Changed) -> None:
        self.show(search(self.terms, event.value))

    @on(Input.Submitted, "#glossary-search")
    def action_to_list(self) -> None:
        self.query_one("#glossary-terms", OptionList).focus()

    @on(OptionList.OptionHighlighted, "#glossary-terms")
    def highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if 0 <= event.option_index < len(self.shown):
            self.explain(self.shown[event.option_index])

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss()
