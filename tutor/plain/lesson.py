"""A lesson in plain mode: its opening, its steps one after another, and its end."""

from __future__ import annotations

from tutor.course import learner_seed
from tutor.messages import t
from tutor.packs.model import Lesson, Pack
from tutor.plain.prompt import Move, Prompter, Where, means
from tutor.plain.review import ReviewRunner
from tutor.plain.saving import Saver
from tutor.plain.steps import RENDERERS
from tutor.progress.store import ProgressStore
from tutor.session import LessonSession
from tutor.wording import action_line


def confidence_lines(pack: Pack, statement: str, before: int | None, after: int | None,
                     store: ProgressStore) -> str:
    """"How sure you feel: 2 → 4", and the whole course's once two lessons are rated."""
    from tutor.confidence import Change, arrow_line, course_change, course_changes

    if not (before and after):
        return ""
    lines = [t("confidence.row", lesson=t("confidence.title"),
               line=arrow_line(Change(statement, before, after)))]
    if course := course_change(course_changes([pack], store)):
        lines.append(t("confidence.row", lesson=course.lesson, line=arrow_line(course)))
    return "\n".join(lines)


class LessonRunner:
    def __init__(self, io: Prompter, store: ProgressStore, saver: Saver, where: Where) -> None:
        self.io = io
        self.w = io.w
        self.store = store
        self.saver = saver
        self.where = where

    def take(self, pack: Pack, lesson: Lesson) -> Lesson | None:
        """Take ``lesson`` from where the learner left it; the next lesson when they ask for
        it at the end, else None (back to the list)."""
        if not lesson.steps:
            return None
        record = self.store.lesson(pack.id, lesson.id)
        before, at = record.status, record.step
        self.where.lesson = (pack, lesson)
        try:
            session = LessonSession(lesson, record, save=self.saver.saver((pack.id, lesson.id)),
                                    seed=learner_seed(self.store))
            self.where.session = session
            self.opening(lesson, before, at)
            while True:
                try:
                    self.step(session)
                except Move as move:
                    if move.where == "menu":
                        return None
                    if move.where == "back" and not session.back():
                        self.w.line(t("plain.first_step"))
                    continue
                if not session.next():
                    break
        finally:
            self.where.lesson = None
            self.where.session = None
        return self.end(pack, lesson, session)

    def opening(self, lesson: Lesson, before: str, at: int) -> None:
        w = self.w
        w.line()
        w.line(t("plain.lesson_title", title=lesson.title))
        if before == "in_progress" and at > 0:
            w.line(t("plain.resumed"))
        elif before == "done":
            w.line(t("plain.done_before"))
        else:
            if lesson.summary:
                w.line(lesson.summary)
            w.line(t("plain.minutes", minutes=lesson.minutes))
        w.line(t("plain.lesson_keys"))

    def step(self, session: LessonSession) -> None:
        """Show the current step and take the learner's answer; return to go on."""
        self.w.line()
        self.w.line(t("lesson.step_of", number=session.number, total=session.total))
        RENDERERS[session.step.kind](self.io, session)

    def end(self, pack: Pack, lesson: Lesson, session: LessonSession) -> Lesson | None:
        """What the learner did, then the next lesson on Enter (as the full screen's end
        does), or the list of lessons."""
        w = self.w
        s = session.summary()
        w.line()
        w.line(t("end.well_done", lesson=lesson.title))
        said = False
        if questions := s.describe_questions():
            w.line(questions)
            said = True
        for change in s.confidence:
            if words := change.describe():
                w.line(words)
                w.lines(confidence_lines(pack, change.statement, change.before, change.after,
                                         self.store), indent="  ")
                said = True
                break
        if s.ticked:
            w.line(t("end.ticked_one" if s.ticked == 1 else "end.ticked", count=s.ticked))
            said = True
        if s.reflections:
            w.line()
            w.line(t("end.you_wrote"))
            for prompt, text in s.reflections:
                w.line(prompt)
                w.lines(text, indent="    ")
            said = True
        if s.commitments:
            w.line()
            w.line(t("end.you_chose"))
            for action in s.commitments:
                w.line("  - " + action_line(action.text, action.by))
            said = True
        if not said:
            w.line(t("end.nothing"))
        reviews = ReviewRunner(self.io, self.store, self.where)
        reviews.waiting([pack])  # what was missed comes back later on its schedule
        if s.missed:
            reviews.offer_again(s.missed)
        following = pack.next_lesson(lesson.id)
        while True:
            w.line()
            if following is not None:
                w.line(t("plain.next_lesson_is", lesson=following.title))
            text = self.io.ask(t("plain.enter_next_lesson" if following else "plain.enter_lessons"),
                               moves=False)
            if not (s.missed and means(text, "again")):
                return following if following is not None and not text else None
            reviews.again(pack, lesson, s.missed)
