"""The list of lessons: what the learner sees between lessons, and what each letter there does."""

from __future__ import annotations

from collections.abc import Sequence

from tutor.course import NextUp, next_up, status
from tutor.messages import t
from tutor.packs.model import Lesson, Pack
from tutor.plain.lesson import LessonRunner
from tutor.plain.prompt import Prompter, Where, means
from tutor.plain.review import ReviewRunner
from tutor.progress.store import ProgressStore, StoreError
from tutor.review import Question
from tutor.text import clean_line
from tutor.wording import status_word


class Menu:
    def __init__(self, io: Prompter, store: ProgressStore, packs: Sequence[Pack],
                 lessons: LessonRunner, where: Where, *, preview: bool) -> None:
        self.io = io
        self.w = io.w
        self.store = store
        self.packs = list(packs)
        self.entries = [(pack, lesson) for pack in self.packs for lesson in pack.lessons]
        self.lessons = lessons
        self.where = where
        self.preview = preview
        self.reviews = ReviewRunner(io, store, where)
        self.due: list[Question] = []

    def status(self, pack: Pack, lesson: Lesson) -> str:
        return status(self.store, pack, lesson)

    def next_up(self) -> NextUp:
        """What Enter does on the list: the same choice as the home screen's big button."""
        return next_up(self.packs, self.store)

    def run(self) -> None:
        """The list, again and again, until the learner quits or the input ends."""
        if not self.preview:  # at most once a day: how did the planned steps go?
            from tutor.plain.plan import PlanView

            PlanView(self.io, self.store, self.packs, preview=False).follow_up()
        self.show()
        while True:
            self.where.in_menu = True
            try:
                text = self.io.ask(t("plain.your_choice"), moves=False).casefold()
            finally:
                self.where.in_menu = False
            if text == "" or means(text, "continue"):
                up = self.next_up()
                if up.pack is not None and up.lesson is not None:
                    self.take(up.pack, up.lesson)
                elif up.kind == "plan":
                    self.show_plan()
                else:
                    self.w.line(t("plain.no_lessons"))
                    continue
            elif means(text, "plan"):
                self.show_plan()
            elif means(text, "review") and self.due:
                self.reviews.run(self.due)
            elif means(text, "language"):
                self.choose_language()
            elif text.isdecimal() and 1 <= int(text) <= len(self.entries):
                self.take(*self.entries[int(text) - 1])
            else:
                self.w.line(t("plain.menu_unknown", text=clean_line(text)[:40]))
                continue
            self.show()

    def take(self, pack: Pack, lesson: Lesson | None) -> None:
        """A lesson, and the ones after it for as long as the learner goes on from the end."""
        while lesson is not None:
            lesson = self.lessons.take(pack, lesson)

    def show(self) -> None:
        w = self.w
        w.line()
        w.line(t("home.lessons"))
        if not self.entries:
            w.line(t("plain.no_lessons"))
        else:
            done = sum(1 for p, lesson in self.entries if self.status(p, lesson) == "done")
            w.line(t("home.overall", done=done, count=len(self.entries)))
        self.due = self.reviews.waiting(self.packs)
        if self.due:  # said calmly, and only when some are waiting
            w.line(t("review.waiting", count=len(self.due)))
        many = len(self.packs) > 1
        number = 0
        for pack in self.packs:
            if many:
                w.line(pack.title)
            for lesson in pack.lessons:
                number += 1
                w.line("  " + t("plain.lesson_line", number=number, title=lesson.title,
                                details=", ".join(self.details(pack, lesson))))
        self.show_choices()

    def details(self, pack: Pack, lesson: Lesson) -> list[str]:
        """"in progress, at step 4 of 13, 10 min": what the list says after a lesson's title."""
        state = self.status(pack, lesson)
        details = [status_word(state)]
        record = self.store.find(pack.id, lesson.id)
        if state == "in_progress" and record is not None:
            details.append(t("cli.at_step", step=min(record.step, len(lesson.steps) - 1) + 1,
                             total=len(lesson.steps)))
        details.append(t("cli.minutes", minutes=lesson.minutes))
        return details

    def show_choices(self) -> None:
        w = self.w
        w.line()
        w.line(t("plain.menu_ask"))
        up = self.next_up()
        if up.lesson is not None or up.kind == "plan":
            w.line("  " + t("plain.menu_enter", label=_next_label(up)))
        if len(self.entries) == 1:
            w.line("  " + t("plain.menu_number_one"))
        elif self.entries:
            w.line("  " + t("plain.menu_numbers", count=len(self.entries)))
        if self.due:
            w.line("  " + t("review.menu_review"))
        w.line("  " + t("plain.menu_plan"))
        w.line("  " + t("plain.menu_language"))
        w.line("  " + t("plain.menu_help"))
        w.line("  " + t("plain.menu_quit"))

    def choose_language(self) -> None:
        """The learner switches language here as in the settings screen; the choice is saved."""
        from tutor.messages import LANGUAGE_NAMES, LANGUAGES, language, set_language

        for number, code in enumerate(LANGUAGES, start=1):
            self.w.line("  " + t("plain.item", number=number, text=LANGUAGE_NAMES[code]))
        self.w.line(t("plain.language_ask", language=LANGUAGE_NAMES[language()]))
        while (text := self.io.ask(t("plain.language_prompt"), moves=False)):
            if text.isdecimal() and 1 <= int(text) <= len(LANGUAGES):
                code = set_language(LANGUAGES[int(text) - 1])
                try:
                    self.store.set_setting("language", code)
                except StoreError as error:
                    self.w.line(str(error))
                self.w.line(t("settings.language_saved"))
                return
            self.w.line(t("plain.bad_number", count=len(LANGUAGES)))

    def show_plan(self) -> None:
        """The plan, where each action's number marks it done (tutor.plain.plan)."""
        from tutor.plain.plan import PlanView

        PlanView(self.io, self.store, self.packs, preview=self.preview).show()


def _next_label(up: NextUp) -> str:
    lesson = up.lesson
    if up.kind == "continue" and lesson is not None:
        return t("home.continue", lesson=lesson.title)
    if up.kind == "next" and lesson is not None:
        return t("home.next", lesson=lesson.title)
    if up.kind == "plan":
        return t("home.all_done")
    if lesson is not None:
        return t("plain.start_first", lesson=lesson.title)
    return t("home.start")
