"""Help and the words of a lesson: asked for at any prompt, then back to where the learner was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tutor.glossary import terms_in
from tutor.messages import t
from tutor.packs.model import Lesson, Pack
from tutor.plain.prompt import Where
from tutor.plain.writer import Writer


class Help:
    def __init__(self, writer: Writer, where: Where, data_path: Path | None,
                 show_choices: Callable[[], None]) -> None:
        self.w = writer
        self.where = where
        self.data_path = data_path  # None in a preview, which keeps nothing
        self.show_choices = show_choices

    def help(self) -> None:
        w = self.w
        w.line()
        w.lines(t("plain.help_lesson" if self.where.lesson is not None else "plain.help_menu"))
        if self.data_path is not None:
            w.line()
            w.lines(t("help.data", path=self.data_path))
        self.back_to_where_we_were()

    def words(self, pack: Pack, lesson: Lesson) -> None:
        w = self.w
        terms = terms_in(lesson, pack.glossary)
        w.line()
        if not terms:
            w.line(t("glossary.empty"))
            self.back_to_where_we_were()
            return
        w.line(t("glossary.in_lesson", lesson=lesson.title))
        for term in terms:
            w.line(f"  {term.term}: {term.meaning}", hang=2)
            if term.also:
                w.line("    " + t("glossary.also", names=", ".join(term.also)), hang=2)
        self.back_to_where_we_were()

    def back_to_where_we_were(self) -> None:
        """After help or the words, say where the learner is, since the step has scrolled away."""
        session = self.where.session
        if session is not None:
            self.w.line()
            self.w.line(t("plain.back_to_step", number=session.number, total=session.total))
        elif self.where.in_menu:
            self.show_choices()
        else:
            self.w.line()
