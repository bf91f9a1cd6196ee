"""The practice sandbox in plain mode: the draft typed line by line, the findings read out in
order, then the choice to mend it and check again or to go on."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from tutor.checks import AUDIENCES, headline_limit
from tutor.messages import t, yes_words
from tutor.plain.prompt import Prompter
from tutor.session import LessonSession
from tutor.wording import finding_lines, findings_heading

if TYPE_CHECKING:
    from tutor.kinds.practice import PracticeStep


def practice_step(io: Prompter, session: LessonSession) -> None:
    step = cast("PracticeStep", session.step)
    w = io.w
    w.line(step.prompt)
    if step.hint:
        w.line(step.hint)
    w.line(t("practice.sandbox"))
    while True:
        record = session.practice()
        if step.mode == "profile":
            _headline(io, session)
        else:
            _audience(io, session)
        _draft(io, session)
        record = session.practice()
        if not (record.draft.strip() or record.headline.strip()):
            w.line(t("practice.empty"))
        else:
            findings = session.check_draft()
            w.line()
            w.line(findings_heading(len(findings)))
            for number, finding in enumerate(findings, start=1):
                what, why, fix = finding_lines(finding.what, finding.why, finding.fix)
                w.line(f"{number}. {what}", hang=3)
                w.line(f"   {why}", hang=3)
                w.line(f"   {fix}", hang=3)
            w.line()
        if step.plan:
            answer = io.ask(t("practice.plain_keep", yes_no=t("cli.yes_no")))
            session.keep_draft_in_plan(answer.casefold() in yes_words())
        if io.ask(t("practice.plain_next")).casefold() != t("practice.edit_letter"):
            return


def _audience(io: Prompter, session: LessonSession) -> None:
    current = session.practice().audience or "everyone"
    answer = io.ask(t("practice.plain_audience", audience=t(f"practice.{current}")))
    if answer in ("1", "2", "3"):
        session.set_audience(AUDIENCES[int(answer) - 1])


def _headline(io: Prompter, session: LessonSession) -> None:
    record = session.practice()
    if record.headline:
        io.w.line(t("practice.headline") + ": " + record.headline)
    io.w.line(t("practice.headline_count", count=len(record.headline), limit=headline_limit()))
    answer = io.ask(t("practice.plain_headline"))
    if answer:
        session.draft(headline=answer)


def _draft(io: Prompter, session: LessonSession) -> None:
    w = io.w
    record = session.practice()
    if record.draft.strip():
        w.line(t("practice.plain_current"))
        w.lines(record.draft, indent="    ")
    w.line(t("practice.plain_how"))
    first = io.ask(t("plain.reflect_first"))
    if not first:
        return
    lines = [first]
    session.draft(text=first)
    while True:
        text = io.read(t("plain.reflect_more")).rstrip()
        if not text.strip():
            break
        lines.append(text)
        session.draft(text="\n".join(lines))
