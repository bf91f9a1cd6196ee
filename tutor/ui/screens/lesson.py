"""The lesson screen: one step at a time, Back and Next, and nothing lost on the way."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Markdown, Static

from tutor.glossary import terms_in
from tutor.packs.model import Lesson, Pack
from tutor.session import LessonSession
from tutor.ui.literal import literal, relabel, say
from tutor.ui.screens.stepping import SteppingScreen
from tutor.ui.widgets.footer import KeyFooter
from tutor.ui.widgets.shape_bar import ShapeBar
from tutor.ui.widgets.steps import RateView, view_for


class LessonScreen(SteppingScreen):
    CSS_PATH = "lesson.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "back", "key.back"),
        Binding("right", "next", "key.next"),
        Binding("escape", "leave", "key.lessons"),
        Binding("g", "words", "key.words"),
        Binding("pageup", "scroll_step(-1)", show=False),
        Binding("pagedown", "scroll_step(1)", show=False),
        *(Binding(str(n), f"rate({n})", show=False) for n in range(1, 6)),
    ]

    def __init__(self, pack: Pack, lesson: Lesson) -> None:
        super().__init__()
        self.pack = pack
        self.lesson = lesson
        self.session: LessonSession | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="lesson-top"):
            yield Static(literal(self.lesson.title).stylize("bold"), id="lesson-title")
            yield Static(id="step-count")
        yield ShapeBar(id="lesson-bar")
        yield VerticalScroll(id="step-area", can_focus=False)
        with Horizontal(id="nav"):
            yield Button(say("lesson.back"), id="back")
            yield Button(say("lesson.next"), id="next", variant="primary")
        yield KeyFooter()

    async def on_mount(self) -> None:
        app = self.tutor
        record = app.store.lesson(self.pack.id, self.lesson.id)
        self.session = LessonSession(self.lesson, record, seed=app.learner_seed,
                                     save=lambda: app.save_soon(self.pack, self.lesson))
        await self.show_step()

    @property
    def current(self) -> LessonSession:
        assert self.session is not None
        return self.session

    async def show_step(self) -> None:
        session = self.current
        self.query_one("#step-count", Static).update(
            say("lesson.step_of", number=session.number, total=session.total))
        self.query_one("#lesson-bar", ShapeBar).show(session.number, session.total)
        self.query_one("#back", Button).disabled = session.is_first
        relabel(self.query_one("#next", Button),
                say("lesson.finish" if session.is_last else "lesson.next"))
        view = view_for(session.step, session)
        await self.replace_step(view)
        if session.step.kind == "read":
            self.query_one("#next", Button).focus(scroll_visible=False)
        else:
            view.focus_first()

    # Moving

    async def action_next(self) -> None:
        if self.current.next():
            await self.show_step()
            return
        self.tutor.save_now()
        from tutor.ui.screens.lesson_end import LessonEndScreen

        self.app.switch_screen(LessonEndScreen(self.pack, self.lesson, self.current.summary()))

    async def action_back(self) -> None:
        if self.current.back():
            await self.show_step()

    def action_leave(self) -> None:
        self.tutor.save_now()
        self.app.pop_screen()

    @on(Button.Pressed, "#back")
    async def back_pressed(self) -> None:
        await self.action_back()

    def on_resize(self) -> None:
        # The rating row and the navigation wrap on a narrow window instead of being cut.
        self.set_class(self.size.width < 76, "-narrow")
        self.set_class(self.size.width < 56, "-tiny")

    def action_rate(self, value: int) -> None:
        views = self.query(RateView)
        if views:
            views.first().pick(value)

    def action_words(self) -> None:
        from tutor.ui.screens.glossary import GlossaryScreen

        self.app.push_screen(GlossaryScreen(terms_in(self.lesson, self.pack.glossary),
                                            lesson_title=self.lesson.title))

    # What the learner did

    @on(Markdown.LinkClicked)
    def link_clicked(self, event: Markdown.LinkClicked) -> None:
        event.prevent_default()
        from tutor.ui.screens.confirm_link import ConfirmLinkScreen

        self.app.push_screen(ConfirmLinkScreen(event.href))
