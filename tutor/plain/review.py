"""Looking again at missed questions in plain mode: the lesson's question, line by line, with the
lesson's own feedback. Always optional: m leaves at any question, Enter leaves one for later."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tutor import review
from tutor.course import learner_seed
from tutor.kinds.base import Missed
from tutor.messages import t
from tutor.packs.model import Lesson, Pack
from tutor.plain.prompt import Move, Prompter, Where
from tutor.plain.steps import ask_question
from tutor.progress.store import ProgressStore, StoreError
from tutor.review import Question, ReviewRound
from tutor.text import clean_line


class ReviewRunner:
    def __init__(self, io: Prompter, store: ProgressStore, where: Where) -> None:
        self.io = io
        self.w = io.w
        self.store = store
        self.where = where

    # What is waiting

    def waiting(self, packs: Sequence[Pack]) -> list[Question]:
        """Take in new misses, then the questions ready to look at again (none on a problem)."""
        at = review.now()
        try:
            review.take_in(self.store, packs, at)
        except StoreError as error:
            self.w.line(str(error))
        return review.due(self.store, packs, at)

    # The lesson's end

    def offer_again(self, missed: Iterable[Missed]) -> None:
        """The questions missed on the first try, by their words, and how to try them again."""
        self.w.line()
        self.w.line(t("review.missed_title"))
        for item in missed:
            self.w.line("  - " + clean_line(item.prompt), hang=4)
        self.w.line(t("review.plain_again_offer"))

    def again(self, pack: Pack, lesson: Lesson, missed: Iterable[Missed]) -> None:
        """The lesson's missed questions once more, right after its end."""
        questions = review.questions_of(pack, lesson, [m.key for m in missed], review.now())
        self.run(questions, again=True)

    # One round

    def run(self, questions: list[Question], *, again: bool = False) -> None:
        w = self.w
        current = ReviewRound(self.store, questions, seed=learner_seed(self.store), again=again,
                              clock=review.now, on_problem=w.line)
        w.line()
        w.line(t("review.title"))
        if not current.total:
            w.line(t("review.none"))
            return
        w.line(t("review.plain_again_intro" if again else "review.plain_intro"))
        try:
            while True:
                question = current.question
                self.where.lesson = (question.pack, question.lesson)
                try:
                    self.ask(current)
                except Move as move:
                    if move.where == "menu":
                        break
                    continue  # b or r: the same question again
                if not current.next():
                    break
        finally:
            self.where.lesson = None
        self.end(current, again)

    def ask(self, current: ReviewRound) -> None:
        """One question, as the lesson asks it; returns when the learner goes on."""
        w = self.w
        question = current.question
        w.line()
        w.line(t("review.question_of", number=current.number, total=current.total)
               + " · " + t("review.from_lesson", lesson=question.lesson.title))
        go_on = t("review.plain_finish" if current.is_last else "review.plain_next")
        ask_question(self.io, current.session, go_on=go_on, skip=t("review.plain_skip"))

    def end(self, current: ReviewRound, again: bool) -> None:
        w = self.w
        w.line()
        w.line(t("review.done_title"))
        looked = len(current.results)
        if not looked:
            w.line(t("review.nothing_looked"))
            return
        w.line(t("review.looked", count=looked))
        if current.right:
            w.line(t("review.right", count=current.right))
        w.line(t("review.again_later" if again else "review.later"))
