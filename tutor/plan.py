"""The learner's action plan: their commitments and plan reflections, gathered and exported.

Exports are the learner's own document, so their words go in as written; only HTML needs
escaping, and nothing in an export can run or fetch anything.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tutor.files import write_text_atomic
from tutor.kinds import PlanItem, kind_of
from tutor.messages import format_date, language, t
from tutor.packs.model import Pack
from tutor.progress.model import Records
from tutor.wording import by_when

FORMATS = ("md", "txt", "html")



@dataclass(frozen=True)
class PlanSection:
    pack: str
    lesson: str
    items: tuple[PlanItem, ...]


@dataclass(frozen=True)
class Plan:
    sections: tuple[PlanSection, ...]

    @property
    def is_empty(self) -> bool:
        return not self.sections

    def actions(self) -> list[PlanItem]:
        return [item for s in self.sections for item in s.items if not item.is_reflection]


def build_plan(packs: Iterable[Pack], records: Records) -> Plan:
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
    return Plan(tuple(sections))


def _by(item: PlanItem) -> str:
    return by_when(item.by)


def render(plan: Plan, fmt: str, today: date | None = None) -> str:
    today = today or date.today()
    if fmt == "md":
        return _markdown(plan, today)
    if fmt == "txt":
        return _text(plan, today)
    if fmt == "html":
        return _html(plan, today)
    raise ValueError(fmt)


def _markdown(plan: Plan, today: date) -> str:
    lines = [f"# {t('plan.title')}", "", t("plan.made_on", date=format_date(today)), ""]
    if plan.is_empty:
        lines.append(t("plan.empty"))
    for section in plan.sections:
        lines += [f"## {section.lesson}", ""]
        for item in section.items:
            if item.is_reflection:
                lines += [f"*{item.prompt}*", ""]
                lines += [f"> {line}" if line else ">" for line in item.text.splitlines()]
                lines.append("")
            else:
                lines.append(f"- [ ] {item.text}{_by(item)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _text(plan: Plan, today: date) -> str:
    title = t("plan.title")
    lines = [title, "=" * len(title), "", t("plan.made_on", date=format_date(today)), ""]
    if plan.is_empty:
        lines.append(t("plan.empty"))
    for section in plan.sections:
        lines += [section.lesson, "-" * len(section.lesson)]
        for item in section.items:
            if item.is_reflection:
                lines.append(item.prompt)
                lines += [f"    {line}" for line in item.text.splitlines()]
            else:
                lines.append(f"[ ] {item.text}{_by(item)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


_STYLE = """
body { font-family: Georgia, serif; max-width: 40em; margin: 2em auto; padding: 0 1em;
       line-height: 1.5; color: #1a1a1a; font-size: 13pt; }
h1 { font-size: 1.8em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; border-bottom: 1px solid #999; margin-top: 1.6em; }
ul { list-style: none; padding-left: 0; }
li { margin: 0.5em 0; padding-left: 1.6em; text-indent: -1.6em; }
li::before { content: "\\2610"; display: inline-block; width: 1.6em; text-indent: 0; }
.by { color: #555; white-space: nowrap; }
.prompt { font-style: italic; margin-bottom: 0.2em; }
blockquote { margin: 0 0 1em 0; padding-left: 1em; border-left: 3px solid #999;
             white-space: pre-wrap; }
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
    for section in plan.sections:
        parts.append(f"<h2>{e(section.lesson)}</h2>")
        actions = [item for item in section.items if not item.is_reflection]
        for item in section.items:
            if item.is_reflection:
                parts.append(f'<p class="prompt">{e(item.prompt)}</p>')
                parts.append(f"<blockquote>{e(item.text)}</blockquote>")
        if actions:
            parts.append("<ul>")
            for item in actions:
                by = f' <span class="by">{e(_by(item))}</span>' if item.by else ""
                parts.append(f"<li>{e(item.text)}{by}</li>")
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


