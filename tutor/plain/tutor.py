"""The whole plain-mode run: its parts put together, the welcome, and the goodbye."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Sequence

from tutor.course import status
from tutor.messages import t
from tutor.packs.library import Broken
from tutor.packs.model import Pack
from tutor.plain.encoding import isatty
from tutor.plain.help import Help
from tutor.plain.lesson import LessonRunner
from tutor.plain.menu import Menu
from tutor.plain.prompt import InputFn, Prompter, Quit, Where
from tutor.plain.saving import Saver
from tutor.plain.writer import Writer, detach_stdout
from tutor.progress.store import ProgressStore


class PlainTutor:
    """Plain mode's parts, each with one job: the writer writes, the prompter reads answers,
    the saver saves, the menu lists lessons, the lesson runner takes one, help helps."""

    def __init__(self, store: ProgressStore, packs: Sequence[Pack], writer: Writer,
                 input_fn: InputFn, *, preview: bool) -> None:
        self.store = store
        self.packs = list(packs)
        self.w = writer
        self.preview = preview
        self.where = Where()
        self.saver = Saver(store, writer)
        self.helper = Help(writer, self.where, None if preview else store.path.parent,
                           show_choices=lambda: self.menu.show_choices())
        self.io = Prompter(writer, input_fn, self.where,
                           echo=not (input_fn is input and isatty(sys.stdin)),
                           on_help=self.helper.help, on_words=self.helper.words)
        self.lessons = LessonRunner(self.io, store, self.saver, self.where)
        self.menu = Menu(self.io, store, self.packs, self.lessons, self.where, preview=preview)

    def run(self, broken: Sequence[Broken]) -> int:
        """Exit code: 0, 1 when the last answers could not be saved, 130 on Ctrl+C."""
        try:
            try:
                self.welcome(broken)
                self.menu.run()
            except EOFError:
                self.w.line()  # the cursor is still after the prompt
            except Quit:
                pass
            return self.goodbye()
        except KeyboardInterrupt:
            with contextlib.suppress(KeyboardInterrupt):
                self.saver.save_quietly(self.open_lesson())
                self.w.newline_quietly()
            return 130
        except BrokenPipeError:
            with contextlib.suppress(KeyboardInterrupt):
                self.saver.save_quietly(self.open_lesson())
            detach_stdout(self.w.out)
            return 0

    def open_lesson(self) -> tuple[str, str] | None:
        if self.where.lesson is None:
            return None
        pack, lesson = self.where.lesson
        return pack.id, lesson.id

    def welcome(self, broken: Sequence[Broken]) -> None:
        w = self.w
        if self.preview:
            w.line(t("home.preview_title"))
            w.line(t("plain.preview_intro"))
        else:
            started = any(status(self.store, p, lesson) != "new" for p, lesson in self.menu.entries)
            w.line(t("home.welcome_back") if started else t("home.welcome"))
            w.line(t("home.intro"))
        w.line(t("plain.intro"))
        self.saver.show_notices()
        for item in broken:
            w.line(t("app.broken_pack", origin=item.origin, problem=item.error.first))

    def goodbye(self) -> int:
        saved = self.saver.save_at_the_end()
        if saved:
            self.w.line(t("plain.goodbye_preview" if self.preview else "plain.goodbye"))
        self.w.flush()
        return 0 if saved else 1
