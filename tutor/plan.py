"""The learner's action plan: one list of actions ordered by when, their own words under each
prompt, and how their confidence grew; shown in every face and exported.

Each action reads as "When …, I will …". The cue is the learner's own: they may add one to any
action on the plan (in both faces), because a cue they already live by ("When I have my Monday
coffee") is what makes a step happen, and netsteps cannot guess it. Until they do, an action
with a date reads "By 8 December, I will …", and one without "I will …". An action the learner
wrote as a whole "When …, I will …" sentence is shown as written.

The same action chosen in two lessons (in any case) is one line, with both lessons in small
print and the earlier date. Marks (done, a new date, dropped, the cue) live in the progress
database (see :mod:`tutor.followup`); a dropped action leaves the plan, not its lesson.

Exports are the learner's own document, so their words go in as written; only HTML needs
escaping, and nothing in an export can run or fetch anything.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Protocol

from tutor import followup
from tutor.confidence import Change, arrow_line, course_change, course_changes
from tutor.files import write_text_atomic
from tutor.followup import Mark, action_key
from tutor.kinds import PlanItem, kind_of
from tutor.messages import format_date, language, t
from tutor.packs.model import Pack
from tutor.progress.model import Records
from tutor.text import markdown_literal as md
from tutor.wording import by_when

FORMATS = ("md", "txt", "html")
GROUPS = ("overdue", "soon", "later", "undated", "done")
"""The plan's order: past their date (said gently), the next seven days, later, no date yet,
and what is done."""
SOON_DAYS = 7


@dataclass(frozen=True)
class PlanSection:
    """What one lesson put into the plan, as the learner gave it."""

    pack: str
    lesson: str
    items: tuple[PlanItem, ...]


@dataclass(frozen=True)
class PlanAction:
    key: str
    text: str
    by: date | None
    lessons: tuple[str, ...]
    cue: str = ""
    done: date | None = None
    moved: bool = False
    """The learner put it off to ``by`` when asked how it went."""
    number: int = 0
    """The action's number in the list, as `netsteps plan` shows it and `plan done N` takes it."""

    def group(self, today: date) -> str:
        if self.done:
            return "done"
        if self.by is None:
            return "undated"
        if self.by < today:
            return "overdue"
        return "soon" if self.by < today + timedelta(days=SOON_DAYS) else "later"


@dataclass(frozen=True)
class PlanReflection:
    lesson: str
    prompt: str
    text: str


@dataclass(frozen=True)
class Plan:
    sections: tuple[PlanSection, ...]
    actions: tuple[PlanAction, ...] = ()
    reflections: tuple[PlanReflection, ...] = ()
    confidence: tuple[Change, ...] = ()
    today: date = field(default_factory=followup.today)

    @property
    def is_empty(self) -> bool:
        return not (self.actions or self.reflections)

    def groups(self) -> list[tuple[str, list[PlanAction]]]:
        """The actions under their headings, in the plan's order; empty groups left out."""
        grouped: dict[str, list[PlanAction]] = {}
        for action in self.actions:
            grouped.setdefault(action.group(self.today), []).append(action)
        return [(name, grouped[name]) for name in GROUPS if name in grouped]

    def numbered(self, number: int) -> PlanAction | None:
        return self.actions[number - 1] if 1 <= number <= len(self.actions) else None

    @property
    def course(self) -> Change | None:
        return course_change(list(self.confidence))


def build_plan(packs: Iterable[Pack], records: Records, marks: Mapping[str, Mark] | None = None,
               today: date | None = None) -> Plan:
    packs = list(packs)
    day = today or followup.today()
    sections: list[PlanSection] = []
    for pack in packs:
        for lesson in pack.lessons:
            record = records.find(pack.id, lesson.id)
            if record is None:
                continue
            items: list[PlanItem] = []
            for step in lesson.steps:
                kind = kind_of(step)
                answer = kind.record_of(record.steps.get(step.key))
                if answer is not None:
                    items.extend(kind.plan_items(step, answer))
            if items:
                sections.append(PlanSection(pack.title, lesson.title, tuple(items)))
    return Plan(tuple(sections), _actions(sections, marks or {}, day), tuple(
        PlanReflection(s.lesson, item.prompt, item.text)
        for s in sections for item in s.items if item.is_reflection),
        tuple(course_changes(packs, records)), day)


def _actions(sections: list[PlanSection], marks: Mapping[str, Mark],
             today: date) -> tuple[PlanAction, ...]:
    found: dict[str, PlanAction] = {}
    for section in sections:
        for item in section.items:
            if item.is_reflection:
                continue
            key = action_key(item.text)
            seen = found.get(key)
            if seen is None:
                found[key] = PlanAction(key, item.text, item.by, (section.lesson,))
                continue
            dates = [d for d in (seen.by, item.by) if d is not None]
            lessons = seen.lessons + ((section.lesson,) if section.lesson not in seen.lessons
                                      else ())
            found[key] = PlanAction(key, seen.text, min(dates) if dates else None, lessons)
    kept: list[PlanAction] = []
    for action in found.values():
        mark = marks.get(action.key, Mark())
        if mark.dropped:
            continue
        kept.append(PlanAction(action.key, action.text, mark.due or action.by, action.lessons,
                               mark.cue, mark.done, moved=mark.due is not None))
    order = {key: index for index, key in enumerate(found)}
    kept.sort(key=lambda a: (GROUPS.index(a.group(today)),
                             a.done or a.by or date.max, order[a.key]))
    return tuple(PlanAction(a.key, a.text, a.by, a.lessons, a.cue, a.done, a.moved, number)
                 for number, a in enumerate(kept, start=1))


# Words shared by every face -------------------------------------------------------------------


def _lower_first(text: str) -> str:
    """"Turn on two-step login" reads "I will turn on …"; "LinkedIn …" and "I …" stay."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[0].isupper() and first[1:].islower():
        return text[0].lower() + text[1:]
    return text


def sentence(action: PlanAction) -> str:
    """The action as "When …, I will …" (see the module's note on where the cue comes from)."""
    if action.text.casefold().startswith(t("plan.list.when_word").casefold() + " "):
        return action.text
    what = _lower_first(action.text).rstrip(" .")
    if action.cue:
        return t("plan.list.when_cue", cue=action.cue, action=what)
    if action.by:
        return t("plan.list.by_date", date=format_date(action.by), action=what)
    return t("plan.list.will", action=what)


def small_print(action: PlanAction) -> str:
    """What goes under an action in small letters: when it was done (or its date, when the
    sentence has a cue instead) and the lesson it came from."""
    parts: list[str] = []
    if action.done:
        parts.append(t("plan.list.done_on", date=format_date(action.done)))
    elif action.cue and action.by:
        parts.append(by_when(action.by).strip().strip("()"))
    if action.moved and not action.done:
        parts.append(t("plan.list.moved"))
    parts.append(t("plan.list.from", count=len(action.lessons), lessons=", ".join(
        t("plan.list.quoted", title=lesson) for lesson in action.lessons)))
    return " · ".join(parts)


def heading(group: str) -> str:
    return t(f"plan.list.{group}")


# Exports --------------------------------------------------------------------------------------


def render(plan: Plan, fmt: str, today: date | None = None) -> str:
    today = today or plan.today
    if fmt == "md":
        return _markdown(plan, today)
    if fmt == "txt":
        return _text(plan, today)
    if fmt == "html":
        return _html(plan, today)
    raise ValueError(fmt)


def _by_lesson(plan: Plan) -> list[tuple[str, list[PlanReflection]]]:
    grouped: dict[str, list[PlanReflection]] = {}
    for reflection in plan.reflections:
        grouped.setdefault(reflection.lesson, []).append(reflection)
    return list(grouped.items())


def _confidence_lines(plan: Plan) -> list[str]:
    changes = [*plan.confidence, *([plan.course] if plan.course else [])]
    return [t("confidence.row", lesson=change.lesson, line=arrow_line(change))
            for change in changes]


def _markdown(plan: Plan, today: date) -> str:
    lines = [f"# {t('plan.title')}", "", t("plan.made_on", date=format_date(today)), ""]
    if plan.is_empty:
        lines += [t("plan.empty"), ""]
    for group, actions in plan.groups():
        lines += [f"## {heading(group)}", ""]
        for action in actions:
            box = "[x]" if action.done else "[ ]"
            lines.append(f"- {box} {md(sentence(action))} *({md(small_print(action))})*")
        lines.append("")
    if plan.reflections:
        lines += [f"## {t('plan.list.own_words')}", ""]
        for lesson, reflections in _by_lesson(plan):
            lines += [f"### {md(lesson)}", ""]
            for item in reflections:
                lines += [f"*{md(item.prompt)}*", ""]
                lines += [f"> {md(line)}" if line else ">" for line in item.text.splitlines()]
                lines.append("")
    if confidence := _confidence_lines(plan):
        lines += [f"## {t('confidence.title')}", ""]
        lines += [f"- {md(line)}" for line in confidence]
    return "\n".join(lines).rstrip() + "\n"


def _underlined(title: str, mark: str = "-") -> list[str]:
    return [title, mark * len(title)]


def _text(plan: Plan, today: date) -> str:
    lines = [*_underlined(t("plan.title"), "="), "", t("plan.made_on", date=format_date(today)),
             ""]
    if plan.is_empty:
        lines += [t("plan.empty"), ""]
    width = len(str(len(plan.actions)))
    for group, actions in plan.groups():
        lines += _underlined(heading(group))
        for action in actions:
            box = "[x]" if action.done else "[ ]"
            number = f"{action.number:>{width}}."
            lines.append(f"{number} {box} {sentence(action)}")
            lines.append(" " * (len(number) + 5) + small_print(action))
        lines.append("")
    if plan.reflections:
        lines += _underlined(t("plan.list.own_words"))
        for lesson, reflections in _by_lesson(plan):
            lines.append(t("plan.list.quoted", title=lesson))
            for item in reflections:
                lines.append(f"  {item.prompt}")
                lines += [f"    {line}" for line in item.text.splitlines()]
            lines.append("")
    if confidence := _confidence_lines(plan):
        lines += _underlined(t("confidence.title"))
        lines += confidence
    return "\n".join(lines).rstrip() + "\n"


_STYLE = """
body { font-family: Georgia, serif; max-width: 40em; margin: 2em auto; padding: 0 1em;
       line-height: 1.5; color: #1a1a1a; font-size: 13pt; }
h1 { font-size: 1.8em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; border-bottom: 1px solid #999; margin-top: 1.6em; }
h3 { font-size: 1.05em; margin-bottom: 0.2em; }
ul { list-style: none; padding-left: 0; }
li { margin: 0.5em 0; padding-left: 1.6em; text-indent: -1.6em; }
li::before { content: "\\2610"; display: inline-block; width: 1.6em; text-indent: 0; }
li.done::before { content: "\\2611"; }
li.done .what { text-decoration: line-through; }
small { display: block; text-indent: 0; color: #555; }
.prompt { font-style: italic; margin-bottom: 0.2em; }
blockquote { margin: 0 0 1em 0; padding-left: 1em; border-left: 3px solid #999;
             white-space: pre-wrap; }
ul.confidence li::before { content: ""; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
"""


def _html(plan: Plan, today: date) -> str:
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{language()}"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">",
        f"<title>{e(t('plan.title'))}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{e(t('plan.title'))}</h1>",
        f"<p>{e(t('plan.made_on', date=format_date(today)))}</p>",
    ]
    if plan.is_empty:
        parts.append(f"<p>{e(t('plan.empty'))}</p>")
    for group, actions in plan.groups():
        parts.append(f"<h2>{e(heading(group))}</h2>")
        parts.append("<ul>")
        for action in actions:
            done = ' class="done"' if action.done else ""
            state = f"{t('plan.list.done_word')}: " if action.done else ""
            parts.append(f'<li{done}>{e(state)}<span class="what">{e(sentence(action))}</span>'
                         f"<small>{e(small_print(action))}</small></li>")
        parts.append("</ul>")
    if plan.reflections:
        parts.append(f"<h2>{e(t('plan.list.own_words'))}</h2>")
        for lesson, reflections in _by_lesson(plan):
            parts.append(f"<h3>{e(lesson)}</h3>")
            for item in reflections:
                parts.append(f'<p class="prompt">{e(item.prompt)}</p>')
                parts.append(f"<blockquote>{e(item.text)}</blockquote>")
    if confidence := _confidence_lines(plan):
        parts.append(f"<h2>{e(t('confidence.title'))}</h2>")
        parts.append('<ul class="confidence">')
        parts += [f"<li>{e(line)}</li>" for line in confidence]
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def default_export_path(fmt: str, folder: Path | None = None, today: date | None = None) -> Path:
    from tutor.paths import documents_dir

    folder = folder or documents_dir()
    stamp = (today or date.today()).isoformat()
    return folder / f"netsteps-plan-{stamp}.{fmt}"


def format_for(path: Path, fallback: str = "md") -> str:
    suffix = path.suffix.lower().lstrip(".")
    return {"markdown": "md", "text": "txt", "htm": "html"}.get(suffix, suffix) if suffix in (
        *FORMATS, "markdown", "text", "htm") else fallback


def export(plan: Plan, path: Path, fmt: str) -> Path:
    return write_text_atomic(path, render(plan, fmt))


class LearnerData(followup.MarkStore, Records, Protocol):
    """The progress store as the plan needs it: the lessons' records and the plan's marks."""


def plan_for(packs: Iterable[Pack], store: LearnerData) -> Plan:
    """The plan as the learner has it now, with what they marked done, put off or dropped."""
    return build_plan(packs, store, followup.marks(store))
