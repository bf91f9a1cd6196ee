"""The home screen: a warm welcome, one obvious next step, and every lesson with its state."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from tutor.course import NextUp, count_done, next_up, status
from tutor.messages import t
from tutor.packs.model import Lesson, Pack
from tutor.ui.literal import literal, relabel, say
from tutor.ui.screens.base import TutorScreen
from tutor.ui.widgets.footer import KeyFooter
from tutor.ui.widgets.shape_bar import progress_bar
from tutor.wording import status_word

if TYPE_CHECKING:
    from tutor.review import Question

MARKS = {"done": "✓", "in_progress": "▸", "new": " "}
BAR_CELLS = 21


class HomeScreen(TutorScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "plan", "key.plan"),
        Binding("s", "settings", "key.settings"),
        Binding("r", "review", "review.key_start"),
        Binding("q", "app.quit", "key.quit", show=False),
    ]
    _due: tuple[Question, ...] = ()
    """The questions ready to look at again, as the screen last counted them."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="home"):
            yield Static(id="welcome")
            yield Static(id="intro")
            yield Button("", id="next-up", variant="primary")
            with Horizontal(id="overall"):
                yield Static(id="overall-label")
                yield Static(id="overall-bar")
            with Horizontal(id="review-row"):
                yield Static(id="review-line")
                yield Button(say("review.start"), id="review")
            yield Static(say("home.lessons"), id="lessons-title")
            yield OptionList(id="lessons")
            yield Static(id="problems")
            with Horizontal(id="home-actions"):
                yield Button(say("home.plan"), id="plan")
                yield Button(say("home.glossary"), id="glossary")
                yield Button(say("home.help"), id="help")
                yield Button(say("home.quit"), id="quit")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#next-up", Button).focus()
        # Asked once the screen is painted: a question must not make the first paint wait.
        self.set_timer(0.25, self.offer_followup)

    followup_looked = False
    """True once the home screen has looked for a follow-up question to ask (tests wait for it)."""

    def offer_followup(self) -> None:
        """Once a day at most, after a planned step's date: how did it go? (tutor.followup)"""
        try:
            self._offer_followup()
        finally:
            self.followup_looked = True

    def _offer_followup(self) -> None:
        from tutor import followup
        from tutor.plan import plan_for
        from tutor.progress.store import StoreError
        from tutor.ui.screens.followup import FollowUpScreen

        if self.tutor.preview is not None or self.app.screen is not self:
            return
        store = self.tutor.store
        due = followup.to_ask(plan_for(self.packs, store), store)
        if not due:
            return
        try:
            followup.asked(store, due)
        except StoreError:  # it cannot be kept that we asked: better not to ask at all
            return
        self.app.push_screen(FollowUpScreen(due))

    def on_screen_resume(self) -> None:
        # Also sent when the screen is first shown, so this is the one place state is drawn.
        self.refresh_state()

    @property
    def packs(self) -> list[Pack]:
        return self.tutor.packs

    def status(self, pack: Pack, lesson: Lesson) -> str:
        return status(self.tutor.store, pack, lesson)

    def next_up(self) -> NextUp:
        return next_up(self.packs, self.tutor.store)

    def refresh_state(self) -> None:
        app = self.tutor
        preview = app.preview is not None
        problems: list[str] = app.preview_problems
        if app.preview_outline:
            self.show_outline(app.preview_outline)
            return
        done, total = count_done(self.packs, self.tutor.store)
        started = any(self.status(p, lesson) != "new" for p in self.packs for lesson in p.lessons)
        self.query_one("#welcome", Static).update(
            say("home.preview_title") if preview else
            say("home.welcome_back") if started else say("home.welcome"))
        self.query_one("#intro", Static).update(
            say("home.preview_intro") if preview else say("home.intro"))
        up = self.next_up()
        self._next = up
        button = self.query_one("#next-up", Button)
        for widget in ("#next-up", "#overall", "#lessons-title", "#lessons"):
            self.query_one(widget).display = bool(self.packs)
        if up.kind == "continue" and up.lesson is not None:
            label = say("home.continue", lesson=up.lesson.title)
        elif up.kind == "next" and up.lesson is not None:
            label = say("home.next", lesson=up.lesson.title)
        else:
            label = say("home.all_done" if up.kind == "plan" else "home.start")
        relabel(button, label)
        self.query_one("#overall-label", Static).update(say("home.overall", done=done, count=total))
        self.query_one("#overall-bar", Static).update(progress_bar(done, total, BAR_CELLS))
        lessons = self.query_one("#lessons", OptionList)
        highlighted = lessons.highlighted
        lessons.clear_options()
        many = len(self.packs) > 1
        for pack in self.packs:
            if many:
                lessons.add_option(Option(literal(pack.title).stylize("bold"), disabled=True))
            for number, lesson in enumerate(pack.lessons, start=1):
                state = self.status(pack, lesson)
                line = literal(f" {MARKS[state]} {number}. {lesson.title}")
                detail = literal(f"  · {status_word(state)} · "
                                 f"{t('cli.minutes', minutes=lesson.minutes)}")
                lessons.add_option(Option(line + detail, id=f"{pack.id}/{lesson.id}"))
        if highlighted is not None and highlighted < lessons.option_count:
            lessons.highlighted = highlighted
        shown = self.query_one("#problems", Static)
        shown.display = bool(problems)
        if problems:
            shown.update(say("home.preview_problems", count=len(problems),
                             problems="\n".join(problems)))
        self.show_review()

    def show_review(self) -> None:
        """Say calmly how many questions are ready to look at again, only when some are."""
        from tutor import review
        from tutor.progress.store import StoreError

        at = review.now()
        try:
            review.take_in(self.tutor.store, self.packs, at)
        except StoreError as error:
            self.notify(str(error), markup=False, severity="error", timeout=15)
        self._due = tuple(review.due(self.tutor.store, self.packs, at))
        row = self.query_one("#review-row")
        row.display = bool(self._due)
        if self._due:
            self.query_one("#review-line", Static).update(
                say("review.waiting", count=len(self._due)))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "review":
            return bool(self._due)
        return True

    @on(Button.Pressed, "#review")
    def action_review(self) -> None:
        from tutor.ui.screens.review import ReviewScreen

        if self._due:
            self.app.push_screen(ReviewScreen(list(self._due)))

    def show_outline(self, titles: list[str]) -> None:
        """A large previewed pack while it is checked: its lessons, not yet to be opened."""
        self.query_one("#welcome", Static).update(say("home.preview_title"))
        self.query_one("#intro", Static).update(say("home.preview_reading", count=len(titles)))
        for widget in ("#next-up", "#overall", "#problems"):
            self.query_one(widget).display = False
        for widget in ("#lessons-title", "#lessons"):
            self.query_one(widget).display = True
        lessons = self.query_one("#lessons", OptionList)
        lessons.clear_options()
        lessons.add_options(Option(literal(f"   {number}. {title}"), disabled=True)
                            for number, title in enumerate(titles, start=1))

    def open_lesson(self, pack: Pack, lesson: Lesson) -> None:
        from tutor.ui.screens.lesson import LessonScreen

        self.app.push_screen(LessonScreen(pack, lesson))

    @on(Button.Pressed, "#next-up")
    def start_next(self) -> None:
        up = self._next
        if up.pack is not None and up.lesson is not None:
            self.open_lesson(up.pack, up.lesson)
        else:
            self.action_plan()

    @on(OptionList.OptionSelected, "#lessons")
    def lesson_chosen(self, event: OptionList.OptionSelected) -> None:
        pack_id, _, lesson_id = (event.option.id or "").partition("/")
        for pack in self.packs:
            lesson = pack.lesson(lesson_id) if pack.id == pack_id else None
            if lesson is not None:
                self.open_lesson(pack, lesson)
                return

    @on(Button.Pressed, "#plan")
    def action_plan(self) -> None:
        from tutor.ui.screens.plan import PlanScreen

        self.app.push_screen(PlanScreen())

    def action_settings(self) -> None:
        from tutor.ui.screens.settings import SettingsScreen

        self.app.push_screen(SettingsScreen())

    @on(Button.Pressed, "#glossary")
    def open_glossary(self) -> None:
        self.tutor.action_glossary()

    @on(Button.Pressed, "#help")
    def open_help(self) -> None:
        self.tutor.action_help()

    @on(Button.Pressed, "#quit")
    async def quit(self) -> None:
        await self.app.action_quit()

    def action_reload(self) -> None:
        if self.tutor.preview is None:
            return
        self.tutor.load_packs()
        self.refresh_state()
        problems = self.tutor.preview_problems
        self.notify(t("home.reloaded_problems", count=len(problems)) if problems
                    else t("home.reloaded"), markup=False)
