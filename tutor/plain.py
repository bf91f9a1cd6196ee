"""Plain mode: the tutor as plain lines of text, for screen readers and simple terminals.

No colour, no cursor movement, no boxes: each step is written as lines, and the learner answers
a numbered prompt by typing and pressing Enter. The lesson itself is driven by the same
:class:`~tutor.session.LessonSession` the Textual screens use, so both modes behave alike and
every change is saved at once.

At every prompt the learner may type ``b`` (back a step), ``r`` (read the step again), ``w``
(words used in the lesson), ``m`` (the list of lessons), ``q`` (quit; everything is saved) or
``?`` (help). End of input (Ctrl+D, or piped answers running out) saves and exits 0;
Ctrl+C saves and exits 130. No traceback ever reaches the learner.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
import tempfile
import textwrap
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from tutor.course import next_up, status
from tutor.dates import parse_date
from tutor.glossary import terms_in
from tutor.messages import format_date, t
from tutor.packs.errors import PackError
from tutor.packs.library import Broken, Library
from tutor.packs.model import (
    ChecklistStep,
    ChoiceStep,
    CommitStep,
    Lesson,
    Pack,
    RateStep,
    ReadStep,
    ReflectStep,
)
from tutor.plan import build_plan, render
from tutor.progress.model import Commitment
from tutor.progress.store import ProgressStore, StoreError
from tutor.session import MAX_ACTION, ChoiceResult, LessonSession
from tutor.text import clean, clean_line
from tutor.wording import action_line, status_word

Key = tuple[str, str]
InputFn = Callable[[str], str]

# What the learner may type instead of an answer. The one-letter forms are the ones we teach;
# the words are there for people who type what they mean.
_COMMANDS = {
    "q": "quit", "quit": "quit", "exit": "quit",
    "b": "back", "back": "back",
    "?": "help", "h": "help", "help": "help",
    "r": "repeat",
    "w": "words",
    "m": "menu",
}
_SEPARATORS = re.compile(r"[\s,;]+")
# The start of a list item, so that its broken lines line up after it.
_BULLET = re.compile(r"(?:[-*+]|\d+[.)]|\[ \]) ")


class _Quit(Exception):
    """The learner typed q: save and leave."""


class _Move(Exception):
    """The learner asked to go somewhere else from inside a step: back, again, or the menu."""

    def __init__(self, where: str) -> None:
        super().__init__(where)
        self.where = where


def run_plain(
    store: ProgressStore,
    preview: Path | None = None,
    *,
    input_fn: InputFn = input,
    output: TextIO | None = None,
    library: Library | None = None,
    data_dir: Path | None = None,
) -> int:
    """Run the tutor line by line; returns the exit code (0, 1 on a problem, 130 on Ctrl+C).

    ``output`` defaults to ``sys.stdout`` as it is when called. With ``preview``, only that pack
    is shown and the answers go to a temporary store that is deleted at the end.
    """
    out = output if output is not None else sys.stdout
    writer = _Writer(out)
    try:
        with contextlib.ExitStack() as stack:
            broken: list[Broken] = []
            if preview is not None:
                from tutor.packs.loader import load_pack

                try:
                    packs = [load_pack(preview)]
                except PackError as error:
                    writer.line(t("home.preview_problems", count=len(error.problems),
                                  problems="\n".join(str(p) for p in error.problems)))
                    return 1
                home = stack.enter_context(tempfile.TemporaryDirectory(prefix="netsteps-preview-"))
                store = ProgressStore(Path(home))
                store.load()
            else:
                if library is None:
                    from tutor.paths import data_dir as default_data_dir

                    library = Library(data_dir or default_data_dir()).load()
                elif not library.packs and not library.broken:
                    library.load()
                packs, broken = list(library.packs), list(library.broken)
            tutor = _PlainTutor(store, packs, writer, input_fn, preview=preview is not None)
            return tutor.run(broken)
    except KeyboardInterrupt:  # while loading, before the tutor could catch it
        writer.newline_quietly()
        return 130
    except BrokenPipeError:
        _detach_stdout(out)
        return 0


class _Writer:
    """Plain lines to the output; nothing in them a terminal could act on.

    On a terminal, long lines are broken between words to fit its width (the terminal itself
    would break them in the middle of a word); elsewhere each line is written whole.
    """

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.width = 0
        if _isatty(out):
            self.width = max(20, shutil.get_terminal_size().columns - 1)

    def raw(self, text: str) -> None:
        text = clean(text)
        try:
            self.out.write(text)
        except UnicodeEncodeError:  # a console that cannot show some letter of a pack's text
            encoding = getattr(self.out, "encoding", None) or "ascii"
            self.out.write(text.encode(encoding, "replace").decode(encoding, "replace"))

    def line(self, text: str = "", *, hang: int = 0) -> None:
        """Write ``text`` and a newline; ``hang`` indents the lines a long one is broken into."""
        for part in text.split("\n"):
            self.raw(self.fit(part, hang) + "\n")

    def fit(self, line: str, hang: int = 0) -> str:
        if not self.width or len(line) <= self.width:
            return line
        body = line.lstrip(" ")
        indent = " " * (len(line) - len(body))
        if not hang:
            bullet = _BULLET.match(body)
            hang = bullet.end() if bullet else 0
        return textwrap.fill(body, self.width, initial_indent=indent,
                             subsequent_indent=indent + " " * hang,
                             break_long_words=False, break_on_hyphens=False)

    def lines(self, text: str, indent: str = "") -> None:
        for line in text.splitlines() or [""]:
            self.line(f"{indent}{line}" if line else "")

    def flush(self) -> None:
        self.out.flush()

    def newline_quietly(self) -> None:
        with contextlib.suppress(Exception):
            self.raw("\n")
            self.flush()


class _PlainTutor:
    def __init__(self, store: ProgressStore, packs: Sequence[Pack], writer: _Writer,
                 input_fn: InputFn, *, preview: bool) -> None:
        self.store = store
        self.packs = list(packs)
        self.w = writer
        self.input_fn = input_fn
        self.preview = preview
        # A terminal shows what the learner types; piped answers and test doubles do not, so
        # they are written out to keep the transcript readable.
        self.echo = not (input_fn is input and _isatty(sys.stdin))
        self.entries = [(pack, lesson) for pack in self.packs for lesson in pack.lessons]
        self.pending: set[Key] = set()
        self.holding = False
        self.last_error = ""
        self.notices_shown = 0
        self.current: tuple[Pack, Lesson] | None = None
        self.session: LessonSession | None = None
        self.in_menu = False

    # The whole run ---------------------------------------------------------------------------

    def run(self, broken: Sequence[Broken]) -> int:
        try:
            try:
                self.welcome(broken)
                self.menu()
            except EOFError:
                self.w.line()  # the cursor is still after the prompt
            except _Quit:
                pass
            return self.goodbye()
        except KeyboardInterrupt:
            with contextlib.suppress(KeyboardInterrupt):
                self.save_quietly()
                self.w.newline_quietly()
            return 130
        except BrokenPipeError:
            with contextlib.suppress(KeyboardInterrupt):
                self.save_quietly()
            _detach_stdout(self.w.out)
            return 0

    def welcome(self, broken: Sequence[Broken]) -> None:
        w = self.w
        if self.preview:
            w.line(t("home.preview_title"))
            w.line(t("plain.preview_intro"))
        else:
            started = any(self.status(p, lesson) != "new" for p, lesson in self.entries)
            w.line(t("home.welcome_back") if started else t("home.welcome"))
            w.line(t("home.intro"))
        w.line(t("plain.intro"))
        self.show_notices()
        for item in broken:
            w.line(t("app.broken_pack", origin=item.origin, problem=item.error.first))

    def goodbye(self) -> int:
        if self.pending:
            try:
                self.store.save()
            except StoreError as error:
                self.w.line(str(error))
                self.w.line(t("plain.not_saved"))
                self.w.flush()
                return 1
            self.pending.clear()
        self.w.line(t("plain.goodbye_preview" if self.preview else "plain.goodbye"))
        self.w.flush()
        return 0

    # Saving ----------------------------------------------------------------------------------

    def saver(self, key: Key) -> Callable[[], None]:
        def save() -> None:
            self.pending.add(key)
            if not self.holding:
                self.save_pending()

        return save

    def save_pending(self) -> None:
        try:
            for pack_id, lesson_id in sorted(self.pending):
                self.store.save(pack_id, lesson_id)
        except StoreError as error:
            message = str(error)
            if message != self.last_error:  # say it once, not at every answer
                self.w.line(message)
                self.last_error = message
        else:
            self.pending.clear()
            self.last_error = ""
        self.show_notices()

    @contextlib.contextmanager
    def one_save(self) -> Iterator[None]:
        """Several changes that belong together are written once."""
        self.holding = True
        try:
            yield
        finally:
            self.holding = False
            if self.pending:
                self.save_pending()

    def save_quietly(self) -> None:
        if self.current is not None:
            pack, lesson = self.current
            self.pending.add((pack.id, lesson.id))
        if self.pending:
            with contextlib.suppress(StoreError, OSError):
                self.store.save()
                self.pending.clear()

    def show_notices(self) -> None:
        for notice in self.store.notices[self.notices_shown:]:
            self.w.line(notice)
        self.notices_shown = len(self.store.notices)

    # Reading answers -------------------------------------------------------------------------

    def read(self, prompt: str) -> str:
        """One line from the learner. Raises EOFError at the end of input."""
        while True:
            self.w.raw(prompt)
            self.w.flush()
            try:
                text = self.input_fn("")
            except UnicodeDecodeError:
                self.w.line()
                self.w.line(t("plain.unreadable"))
                continue
            if self.echo:
                self.w.line(text)
            return clean(text).rstrip("\n")

    def ask(self, prompt: str, *, moves: bool = True) -> str:
        """An answer, stripped; handles q and ?, and raises _Move for b, r, w and m in a lesson."""
        while True:
            text = self.read(prompt).strip()
            command = _COMMANDS.get(text.casefold())
            if command == "quit":
                raise _Quit
            if command == "help":
                self.help()
                continue
            if command == "words" and self.current is not None:
                self.words(*self.current)
                continue
            if command is not None and moves and self.current is not None:
                raise _Move(command)
            return text

    # The list of lessons ---------------------------------------------------------------------

    def status(self, pack: Pack, lesson: Lesson) -> str:
        return status(self.store, pack, lesson)

    def next_up(self) -> tuple[str, Pack | None, Lesson | None]:
        """What Enter does on the list: the same choice as the home screen's big button."""
        up = next_up(self.packs, self.store)
        return up.kind, up.pack, up.lesson

    def show_menu(self) -> None:
        w = self.w
        w.line()
        w.line(t("home.lessons"))
        if not self.entries:
            w.line(t("plain.no_lessons"))
        else:
            done = sum(1 for p, lesson in self.entries if self.status(p, lesson) == "done")
            w.line(t("home.overall", done=done, total=len(self.entries)))
        many = len(self.packs) > 1
        number = 0
        for pack in self.packs:
            if many:
                w.line(pack.title)
            for lesson in pack.lessons:
                number += 1
                state = self.status(pack, lesson)
                details = [status_word(state)]
                record = self.store.find(pack.id, lesson.id)
                if state == "in_progress" and record is not None:
                    details.append(t("cli.at_step", step=min(record.step, len(lesson.steps) - 1)
                                     + 1, total=len(lesson.steps)))
                details.append(t("cli.minutes", minutes=lesson.minutes))
                w.line("  " + t("plain.lesson_line", number=number, title=lesson.title,
                                details=", ".join(details)))
        self.show_choices()

    def show_choices(self) -> None:
        w = self.w
        w.line()
        w.line(t("plain.menu_ask"))
        kind, _, up = self.next_up()
        if up is not None or kind == "plan":
            w.line("  " + t("plain.menu_enter", label=_next_label(kind, up)))
        if len(self.entries) == 1:
            w.line("  " + t("plain.menu_number_one"))
        elif self.entries:
            w.line("  " + t("plain.menu_numbers", count=len(self.entries)))
        w.line("  " + t("plain.menu_plan"))
        w.line("  " + t("plain.menu_help"))
        w.line("  " + t("plain.menu_quit"))

    def menu(self) -> None:
        self.show_menu()
        while True:
            self.in_menu = True
            try:
                text = self.ask(t("plain.your_choice"), moves=False).casefold()
            finally:
                self.in_menu = False
            if text in ("", "c"):
                kind, pack, lesson = self.next_up()
                if pack is not None and lesson is not None:
                    self.take(pack, lesson)
                elif kind == "plan":
                    self.show_plan()
                else:
                    self.w.line(t("plain.no_lessons"))
                    continue
            elif text == "p":
                self.show_plan()
            elif text.isdecimal() and 1 <= int(text) <= len(self.entries):
                self.take(*self.entries[int(text) - 1])
            else:
                self.w.line(t("plain.menu_unknown", text=clean_line(text)[:40]))
                continue
            self.show_menu()

    def show_plan(self) -> None:
        self.w.line()
        self.w.lines(render(build_plan(self.packs, self.store), "txt").rstrip())
        if not self.preview:
            self.w.line()
            self.w.line(t("plain.plan_export"))
        self.ask(t("plain.enter_lessons"), moves=False)

    # Help ------------------------------------------------------------------------------------

    def help(self) -> None:
        w = self.w
        w.line()
        w.lines(t("plain.help_lesson" if self.current is not None else "plain.help_menu"))
        if not self.preview:
            w.line()
            w.lines(t("help.data", path=self.store.path.parent))
        self.back_to_where_we_were()

    def back_to_where_we_were(self) -> None:
        """After help or the words, say where the learner is, since the step has scrolled away."""
        if self.session is not None:
            self.w.line()
            self.w.line(t("plain.back_to_step", number=self.session.number,
                          total=self.session.total))
        elif self.in_menu:
            self.show_choices()
        else:
            self.w.line()

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

    # A lesson --------------------------------------------------------------------------------

    def take(self, pack: Pack, lesson: Lesson) -> None:
        if not lesson.steps:
            return
        record = self.store.lesson(pack.id, lesson.id)
        before, at = record.status, record.step
        self.current = (pack, lesson)
        try:
            session = LessonSession(lesson, record, save=self.saver((pack.id, lesson.id)))
            self.session = session
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
            while True:
                try:
                    self.step(session)
                except _Move as move:
                    if move.where == "menu":
                        return
                    if move.where == "back" and not session.back():
                        w.line(t("plain.first_step"))
                    continue
                if not session.next():
                    break
            self.summary(pack, lesson, session)
        finally:
            self.current = None
            self.session = None

    def step(self, session: LessonSession) -> None:
        """Show the current step and take the learner's answer; return to go on."""
        self.w.line()
        self.w.line(t("lesson.step_of", number=session.number, total=session.total))
        step = session.step
        if isinstance(step, ReadStep):
            self.read_step(session, step)
        elif isinstance(step, ChoiceStep):
            self.choice_step(session, step)
        elif isinstance(step, ReflectStep):
            self.reflect_step(session, step)
        elif isinstance(step, ChecklistStep):
            self.checklist_step(session, step)
        elif isinstance(step, CommitStep):
            self.commit_step(session, step)
        elif isinstance(step, RateStep):
            self.rate_step(session, step)

    def go_on_prompt(self, session: LessonSession) -> str:
        return t("plain.enter_finish" if session.is_last else "plain.enter_next")

    def read_step(self, session: LessonSession, step: ReadStep) -> None:
        if step.title:
            self.w.line(step.title)
            self.w.line()
        self.w.lines(step.body.strip())
        self.w.line()
        self.ask(self.go_on_prompt(session))

    def choice_step(self, session: LessonSession, step: ChoiceStep) -> None:
        w = self.w
        w.line(step.prompt)
        for number, option in enumerate(step.options, start=1):
            w.line(f"  {number}. {option.text}")
        w.line(t("plain.pick_all" if step.multiple else "plain.pick_one",
                 count=len(step.options)))
        result = session.last_result()
        if result is not None:
            w.line()
            w.line(t("plain.last_answer"))
            self.feedback(step, result)
        warned = False
        while True:
            if result is None:
                prompt = t("plain.your_answer")
            elif result.correct:
                prompt = self.go_on_prompt(session)
            else:
                prompt = t("plain.answer_or_enter")
            text = self.ask(prompt)
            if not text:
                if result is not None or warned:
                    return
                w.line(t("plain.skip_question"))
                warned = True
                continue
            picked = _numbers(text, len(step.options))
            if picked is None:
                w.line(t("plain.bad_number", count=len(step.options)))
                continue
            if not step.multiple and len(picked) > 1:
                w.line(t("plain.one_answer"))
                continue
            result = session.choose(picked)
            w.line()
            self.feedback(step, result)

    def feedback(self, step: ChoiceStep, result: ChoiceResult) -> None:
        w = self.w
        w.line(t("choice.right") if result.correct else t("choice.not_quite"))
        for item in result.feedback:
            option = step.options[item.option]
            key = "plain.picked_right" if item.correct else "plain.picked_wrong"
            w.line(t(key, number=item.option + 1, text=option.text))
            if item.text:
                w.line(item.text)
        if not result.correct:
            w.line(t("plain.missed") if step.multiple and result.missed
                   else t("plain.try_again"))

    def reflect_step(self, session: LessonSession, step: ReflectStep) -> None:
        w = self.w
        w.line(step.prompt)
        if step.plan:
            w.line(t("reflect.goes_to_plan"))
        if step.hint:
            w.line(step.hint)
        record = session.record_for(step)
        old = record.text.strip() if record is not None else ""
        if old:
            w.line()
            w.line(t("plain.reflect_before"))
            w.lines(old, indent="    ")
            w.line(t("plain.reflect_keep"))
        else:
            w.line(t("plain.reflect_how"))
        first = self.ask(t("plain.reflect_first"))
        if not first:
            w.line(t("plain.reflect_kept") if old else t("plain.reflect_empty"))
            return
        lines = [first]
        session.write(first)  # kept line by line, so nothing is lost if the learner stops
        while True:
            text = self.read(t("plain.reflect_more")).rstrip()
            if not text.strip():
                break
            lines.append(text)
            session.write("\n".join(lines))
        w.line(t("plain.reflect_saved"))

    def checklist_step(self, session: LessonSession, step: ChecklistStep) -> None:
        w = self.w
        w.line(step.prompt)
        record = session.record_for(step)
        ticked = set(record.ticked) if record is not None else set()
        for number, text in enumerate(step.items, start=1):
            key = "plain.item_ticked" if number - 1 in ticked else "plain.item"
            w.line("  " + t(key, number=number, text=text))
        w.line(t("plain.checklist_how"))
        if ticked:
            w.line(t("plain.ticked_now", numbers=_listed(ticked)))
        while True:
            text = self.ask(t("plain.your_numbers"))
            if not text:
                break
            chosen: list[int] | None = [] if text == "0" else _numbers(text, len(step.items))
            if chosen is None:
                w.line(t("plain.bad_numbers", count=len(step.items)))
                continue
            with self.one_save():
                for item in range(len(step.items)):
                    session.tick(item, item in chosen)
            ticked = set(chosen)
            break
        w.line(t("plain.ticked", numbers=_listed(ticked)) if ticked else t("plain.ticked_none"))

    def commit_step(self, session: LessonSession, step: CommitStep) -> None:
        w = self.w
        w.line(step.prompt)
        record = session.record_for(step)
        current = list(record.actions) if record is not None else []
        chosen = {action.text.casefold(): action for action in current}
        rows = [(text, True) for text in step.actions]
        known = {text.casefold() for text in step.actions}
        rows += [(a.text, False) for a in current if a.text.casefold() not in known]
        picked_now: list[int] = []
        for number, (text, _) in enumerate(rows, start=1):
            action = chosen.get(text.casefold())
            if action is None:
                w.line("  " + t("plain.item", number=number, text=text))
            else:
                picked_now.append(number - 1)
                if action.by is None:
                    w.line("  " + t("plain.action_chosen", number=number, text=text))
                else:
                    w.line("  " + t("plain.action_chosen_by", number=number, text=text,
                                    date=format_date(action.by)))
        w.line(t("plain.commit_how"))
        if picked_now:
            w.line(t("plain.commit_keep", numbers=_listed(picked_now)))
        else:
            w.line(t("plain.commit_none"))
        while True:
            text = self.ask(t("plain.your_numbers"))
            if not text:
                break
            numbers = [] if text == "0" else _numbers(text, len(rows))
            if numbers is None:
                w.line(t("plain.bad_numbers", count=len(rows)))
                continue
            actions = []
            for index in numbers:
                row_text, suggested = rows[index]
                old = chosen.get(row_text.casefold())
                actions.append(Commitment(row_text, old.by if old else None, suggested))
            session.commit(actions)
            for action in actions:
                self.ask_by_when(session, action)
            break
        w.line()
        w.line(t("plain.own_ask"))
        while True:
            text = clean_line(self.ask(t("plain.own_prompt")))[:MAX_ACTION]
            if not text:
                break
            if any(a.text.casefold() == text.casefold() for a in session.answer.actions):
                w.line(t("commit.already"))
                continue
            session.set_action(text, True, None, suggested=False)
            w.line(t("plain.own_added", action=text))
            self.ask_by_when(session, Commitment(text, None, False))
            w.line(t("plain.own_more"))
        final = session.answer.actions
        w.line()
        if final:
            w.line(t("end.you_chose"))
            for action in final:
                w.line("  - " + action_line(action.text, action.by))
        else:
            w.line(t("plain.chosen_none"))

    def ask_by_when(self, session: LessonSession, action: Commitment) -> None:
        w = self.w
        if action.by is None:
            w.line(t("plain.by_when", action=action.text))
        else:
            w.line(t("plain.by_when_keep", action=action.text, date=format_date(action.by)))
        while True:
            text = self.ask(t("plain.by_prompt"))
            if not text:
                return
            by: date | None
            if text == "-":
                by = None
            else:
                try:
                    by = parse_date(text)
                except ValueError:
                    w.line(t("commit.bad_date", text=clean_line(text)[:40]))
                    continue
            session.set_action(action.text, True, by, suggested=action.suggested)
            w.line(t("plain.by_set", date=format_date(by)) if by else t("plain.by_none"))
            return

    def rate_step(self, session: LessonSession, step: RateStep) -> None:
        w = self.w
        w.line(t("rate.how_sure"))
        w.line(step.statement)
        for value in range(1, 6):
            w.line("  " + t(f"rate.{value}"))
        record = session.record_for(step)
        if record is not None and record.rating:
            w.line(t("plain.rate_before", rating=record.rating))
        else:
            w.line(t("plain.rate_how"))
        while True:
            text = self.ask(t("plain.your_number"))
            if not text:
                return
            if text in ("1", "2", "3", "4", "5"):
                session.rate(int(text))
                w.line(t("rate.thanks", rating=text))
                return
            w.line(t("plain.rate_bad"))

    def summary(self, pack: Pack, lesson: Lesson, session: LessonSession) -> None:
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
                said = True
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
        following = pack.next_lesson(lesson.id)
        w.line()
        if following is not None:
            w.line(t("plain.end_next", lesson=following.title))
        self.current = None
        self.session = None
        self.ask(t("plain.enter_lessons"), moves=False)


def _next_label(kind: str, lesson: Lesson | None) -> str:
    if kind == "continue" and lesson is not None:
        return t("home.continue", lesson=lesson.title)
    if kind == "next" and lesson is not None:
        return t("home.next", lesson=lesson.title)
    if kind == "plan":
        return t("home.all_done")
    if lesson is not None:
        return t("plain.start_first", lesson=lesson.title)
    return t("home.start")


def _numbers(text: str, count: int) -> list[int] | None:
    """The options the learner typed ("2", "1 3", "1, 3"), counted from 0; None if any is off."""
    picked: list[int] = []
    for part in _SEPARATORS.split(text.strip()):
        part = part.rstrip(".")
        if not part:
            continue
        if not part.isascii() or not part.isdecimal() or not 1 <= int(part) <= count:
            return None
        if int(part) - 1 not in picked:
            picked.append(int(part) - 1)
    return picked or None


def _listed(indices: set[int] | list[int]) -> str:
    return ", ".join(str(index + 1) for index in sorted(indices))


def _isatty(stream: object) -> bool:
    try:
        return bool(getattr(stream, "isatty", lambda: False)())
    except (OSError, ValueError):
        return False


def _detach_stdout(out: TextIO) -> None:
    """After a closed pipe, point stdout at nothing so Python's exit does not complain."""
    if out is not sys.stdout:
        return
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
