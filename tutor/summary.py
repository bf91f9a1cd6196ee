"""A summary the learner may choose to send to their course leader (``netsteps summary``).

It holds, for each lesson the learner has started: the lesson's title, its state, the day it was
done and how sure they felt before and after it. Reflections go in only one by one, when the
learner says yes to each. Nothing else about the learner goes in: no name, no data folder.

The learner sees the whole text before anything is written, and nothing is written unless they
agree (or ran the command with ``--yes``, which leaves every reflection out).
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Protocol, TextIO

from tutor.files import write_text_atomic
from tutor.messages import format_date, t
from tutor.packs.model import Pack
from tutor.progress.model import Records
from tutor.session import Confidence, summarize
from tutor.text import clean, clean_line
from tutor.text import markdown_literal as md
from tutor.wording import status_word

MARKDOWN_SUFFIXES = (".md", ".markdown")
RULE = "-" * 60



class Packs(Protocol):
    @property
    def packs(self) -> list[Pack]: ...


@dataclass(frozen=True)
class Reflection:
    prompt: str
    text: str


@dataclass(frozen=True)
class LessonEntry:
    title: str
    status: str
    completed: date | None
    confidence: tuple[Confidence, ...]
    reflections: tuple[Reflection, ...] = ()


@dataclass(frozen=True)
class PackEntry:
    title: str
    lessons: tuple[LessonEntry, ...]


# Gathering ---------------------------------------------------------------------------------------


def gather(packs: Iterable[Pack], records: Records) -> tuple[PackEntry, ...]:
    """Every started lesson, with all its reflections (the caller decides which go out)."""
    entries: list[PackEntry] = []
    for pack in packs:
        lessons: list[LessonEntry] = []
        for lesson in pack.lessons:
            record = records.find(pack.id, lesson.id)
            if record is None or record.status not in ("in_progress", "done"):
                continue
            summary = summarize(lesson, record)  # the lesson-end screen's own reckoning
            completed = None
            if record.status == "done" and record.completed is not None:
                completed = record.completed.astimezone().date()
            lessons.append(LessonEntry(
                title=clean_line(lesson.title),
                status=record.status,
                completed=completed,
                confidence=tuple(
                    Confidence(clean_line(c.statement), c.before, c.after)
                    for c in summary.confidence
                    if c.before is not None or c.after is not None
                ),
                reflections=tuple(
                    Reflection(clean_line(prompt), clean(text).strip())
                    for prompt, text in summary.reflections
                    if clean(text).strip()
                ),
            ))
        if lessons:
            entries.append(PackEntry(clean_line(pack.title), tuple(lessons)))
    return tuple(entries)


def without_reflections(entries: Iterable[PackEntry]) -> tuple[PackEntry, ...]:
    return tuple(
        replace(pack, lessons=tuple(replace(lesson, reflections=()) for lesson in pack.lessons))
        for pack in entries
    )


def reflection_count(entries: Iterable[PackEntry]) -> int:
    return sum(len(lesson.reflections) for pack in entries for lesson in pack.lessons)


# Rendering ---------------------------------------------------------------------------------------


def is_markdown(path: Path) -> bool:
    return path.suffix.lower() in MARKDOWN_SUFFIXES


def _rating(value: int | None) -> str:
    return t("summary.rating", rating=value) if value is not None else t("summary.not_rated")


def _facts(lesson: LessonEntry) -> list[str]:
    facts = [t("summary.status", status=status_word(lesson.status))]
    if lesson.completed is not None:
        facts.append(t("summary.completed", date=format_date(lesson.completed)))
    facts += [
        t("summary.confidence", statement=c.statement, before=_rating(c.before),
          after=_rating(c.after))
        for c in lesson.confidence
    ]
    return facts


def render_summary(entries: Iterable[PackEntry], *, markdown: bool,
                   today: date | None = None) -> str:
    """The file's text: plain text, or Markdown. Holds exactly the reflections in ``entries``."""
    entries = tuple(entries)
    title = t("summary.title")
    made_on = t("summary.made_on", date=format_date(today or date.today()))
    if markdown:
        lines = [f"# {title}", "", made_on, ""]
    else:
        lines = [title, "=" * len(title), "", made_on, ""]
    if not entries:
        lines.append(t("summary.nothing_started"))
    for pack in entries:
        if markdown:
            lines += [f"## {md(pack.title)}", ""]
        else:
            lines += [pack.title, "-" * len(pack.title), ""]
        for lesson in pack.lessons:
            if markdown:
                lines += [f"### {md(lesson.title)}", ""]
                lines += [f"- {md(fact)}" for fact in _facts(lesson)]
                lines.append("")
                for reflection in lesson.reflections:
                    prompt = md(t("summary.reflection", prompt=reflection.prompt))
                    lines += [f"*{prompt}*", ""]
                    lines += [f"> {md(line)}" if line else ">"
                              for line in reflection.text.splitlines()]
                    lines.append("")
            else:
                lines.append(lesson.title)
                lines += [f"    {fact}" for fact in _facts(lesson)]
                for reflection in lesson.reflections:
                    lines.append(f"    {t('summary.reflection', prompt=reflection.prompt)}")
                    lines += [f"        {line}" if line else ""
                              for line in reflection.text.splitlines()]
                lines.append("")
    return "\n".join(lines).rstrip() + "\n"


# The command -------------------------------------------------------------------------------------


def _show(text: str, output: TextIO) -> None:
    print(RULE, file=output)
    print(text, end="", file=output)
    print(RULE, file=output)


def run_summary_export(store: Records, library: Packs, path: Path, *, assume_yes: bool,
                       ask: Callable[[str], bool], output: TextIO | None = None) -> int:
    """Show the summary, let the learner pick reflections, and write it only if they agree.

    ``ask`` may raise (no terminal to ask on); then nothing is written and the error goes up.
    Returns 0 when the file is written, 1 when the learner said no. ``output`` defaults to the
    ``sys.stdout`` of the moment of the call, so a redirected stdout is honoured.
    """
    output = output if output is not None else sys.stdout
    if path.expanduser().is_dir():  # say so now, not after the learner has chosen reflections
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    everything = gather(library.packs, store)
    markdown = is_markdown(path)
    bare = without_reflections(everything)
    text = render_summary(bare, markdown=markdown)
    print(t("summary.preview"), file=output)
    _show(text, output)
    offered = reflection_count(everything)
    if assume_yes:
        if offered:
            print(t("summary.reflections_left_out"), file=output)
    else:
        chosen = everything
        if offered:
            print(t("summary.reflections_intro"), file=output)
            chosen = _choose_reflections(everything, ask, output)
        if reflection_count(chosen):
            text = render_summary(chosen, markdown=markdown)
            print(t("summary.final"), file=output)
            _show(text, output)
        if not ask(t("summary.ask_write", path=path)):
            print(t("summary.not_written"), file=output)
            return 1
    written = write_text_atomic(path, text)
    print(t("summary.saved", path=written.resolve()), file=output)
    return 0


def _choose_reflections(entries: tuple[PackEntry, ...], ask: Callable[[str], bool],
                        output: TextIO) -> tuple[PackEntry, ...]:
    """Ask about each reflection in turn; keep only those the learner says yes to."""
    packs: list[PackEntry] = []
    for pack in entries:
        lessons: list[LessonEntry] = []
        for lesson in pack.lessons:
            kept: list[Reflection] = []
            for reflection in lesson.reflections:
                print(file=output)
                print(t("summary.reflection_in", lesson=lesson.title, prompt=reflection.prompt),
                      file=output)
                for line in reflection.text.splitlines():
                    print(f"    {line}", file=output)
                if ask(t("summary.ask_reflection")):
                    kept.append(reflection)
            lessons.append(replace(lesson, reflections=tuple(kept)))
        packs.append(replace(pack, lessons=tuple(lessons)))
    print(file=output)
    return tuple(packs)
