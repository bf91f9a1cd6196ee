"""One renderer per step kind: it writes the step as lines and takes the learner's answer.

Plain mode finds a step's renderer in :data:`RENDERERS` by the step's ``kind``; a new kind adds
one function here and one row to the table. A renderer returns when the learner goes on; the
letters that work at every prompt (b, r, m, q, ?) are handled by the :class:`Prompter`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, cast

from tutor.dates import parse_date
from tutor.messages import format_date, t
from tutor.plain.markdown import to_plain
from tutor.plain.practice import practice_step
from tutor.plain.prompt import Prompter, listed, numbers
from tutor.progress.model import Commitment
from tutor.session import MAX_ACTION, MAX_REFLECTION, ChoiceResult, LessonSession
from tutor.text import clean_line
from tutor.wording import action_line

if TYPE_CHECKING:
    from tutor.packs.model import (
        ChecklistStep,
        ChoiceStep,
        CommitStep,
        RateStep,
        ReadStep,
        ReflectStep,
    )

Renderer = Callable[[Prompter, LessonSession], None]


def go_on_prompt(session: LessonSession) -> str:
    return t("plain.enter_finish" if session.is_last else "plain.enter_next")


def read_step(io: Prompter, session: LessonSession) -> None:
    step = cast("ReadStep", session.step)
    if step.title:
        io.w.line(step.title)
        io.w.line()
    io.w.lines(to_plain(step.body))
    io.w.line()
    io.ask(go_on_prompt(session))


def choice_step(io: Prompter, session: LessonSession) -> None:
    ask_question(io, session, go_on=go_on_prompt(session), skip=t("plain.skip_question"))


def ask_question(io: Prompter, session: LessonSession, *, go_on: str, skip: str) -> None:
    """The session's question, asked until the learner goes on: in a lesson and in a review,
    with the options in the learner's own order, the same as on the full screen."""
    step = cast("ChoiceStep", session.step)
    w = io.w
    w.line(step.prompt)
    order = session.option_order()
    for number, index in enumerate(order, start=1):
        w.line(f"  {number}. {step.options[index].text}")
    w.line(t("plain.pick_all" if step.multiple else "plain.pick_one", count=len(step.options)))
    result = session.last_result()
    if result is not None:
        w.line()
        w.line(t("plain.last_answer"))
        _feedback(io, step, result, order)
    warned = False
    while True:
        if result is None:
            prompt = t("plain.your_answer")
        elif result.correct:
            prompt = go_on
        else:
            prompt = t("plain.answer_or_enter")
        text = io.ask(prompt)
        if not text:
            if result is not None or warned:
                return
            w.line(skip)
            warned = True
            continue
        picked = numbers(text, len(step.options))
        if picked is None:
            w.line(t("plain.bad_number", count=len(step.options)))
            continue
        if not step.multiple and len(picked) > 1:
            w.line(t("plain.one_answer"))
            continue
        result = session.choose([order[shown] for shown in picked])
        w.line()
        _feedback(io, step, result, order)


def _feedback(io: Prompter, step: ChoiceStep, result: ChoiceResult, order: list[int]) -> None:
    w = io.w
    w.line(t("choice.right") if result.correct else t("choice.not_quite"))
    for item in sorted(result.feedback, key=lambda item: order.index(item.option)):
        option = step.options[item.option]
        key = "plain.picked_right" if item.correct else "plain.picked_wrong"
        w.line(t(key, number=order.index(item.option) + 1, text=option.text))
        if item.text:
            w.line(item.text)
    if not result.correct:
        w.line(t("plain.missed") if step.multiple and result.missed else t("plain.try_again"))


def reflect_step(io: Prompter, session: LessonSession) -> None:
    step = cast("ReflectStep", session.step)
    w = io.w
    w.line(step.prompt)
    if step.plan:
        w.line(t("plain.reflect_plan"))
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
    first = io.ask(t("plain.reflect_first"))
    if not first:
        w.line(t("plain.reflect_kept") if old else t("plain.reflect_empty"))
        return
    lines = [first]
    # Kept line by line, so nothing is lost if the learner stops; too long is said once.
    whole = session.write(first)
    if not whole:
        w.line(t("plain.reflect_cut", count=MAX_REFLECTION))
    while True:
        text = io.read(t("plain.reflect_more")).rstrip()
        if not text.strip():
            break
        lines.append(text)
        if not session.write("\n".join(lines)) and whole:
            whole = False
            w.line(t("plain.reflect_cut", count=MAX_REFLECTION))
    w.line(t("plain.reflect_saved"))


def checklist_step(io: Prompter, session: LessonSession) -> None:
    step = cast("ChecklistStep", session.step)
    w = io.w
    w.line(step.prompt)
    record = session.record_for(step)
    ticked = set(record.ticked) if record is not None else set()
    for number, text in enumerate(step.items, start=1):
        key = "plain.item_ticked" if number - 1 in ticked else "plain.item"
        w.line("  " + t(key, number=number, text=text))
    w.line(t("plain.checklist_how"))
    if ticked:
        w.line(t("plain.ticked_now", numbers=listed(ticked)))
    while True:
        text = io.ask(t("plain.your_numbers"))
        if not text:
            break
        chosen: list[int] | None = [] if text == "0" else numbers(text, len(step.items))
        if chosen is None:
            w.line(t("plain.bad_numbers", count=len(step.items)))
            continue
        session.set_ticks(chosen)
        ticked = set(chosen)
        break
    w.line(t("plain.ticked", numbers=listed(ticked)) if ticked else t("plain.ticked_none"))


def commit_step(io: Prompter, session: LessonSession) -> None:
    step = cast("CommitStep", session.step)
    w = io.w
    w.line(step.prompt)
    current = _actions(session)
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
    w.line(t("plain.commit_keep", numbers=listed(picked_now)) if picked_now
           else t("plain.commit_none"))
    while True:
        text = io.ask(t("plain.your_numbers"))
        if not text:
            break
        picked = [] if text == "0" else numbers(text, len(rows))
        if picked is None:
            w.line(t("plain.bad_numbers", count=len(rows)))
            continue
        actions = []
        for index in picked:
            row_text, suggested = rows[index]
            old = chosen.get(row_text.casefold())
            actions.append(Commitment(row_text, old.by if old else None, suggested))
        session.commit(actions)
        for action in actions:
            _ask_by_when(io, session, action)
        break
    _own_actions(io, session)
    final = _actions(session)
    w.line()
    if final:
        w.line(t("end.you_chose"))
        for action in final:
            w.line("  - " + action_line(action.text, action.by))
    else:
        w.line(t("plain.chosen_none"))


def _own_actions(io: Prompter, session: LessonSession) -> None:
    """Actions the learner writes themselves, one a line, each with its own date."""
    w = io.w
    w.line()
    w.line(t("plain.own_ask"))
    while True:
        text = clean_line(io.ask(t("plain.own_prompt")))[:MAX_ACTION]
        if not text:
            break
        if any(a.text.casefold() == text.casefold() for a in _actions(session)):
            w.line(t("commit.already"))
            continue
        session.set_action(text, True, None, suggested=False)
        w.line(t("plain.own_added", action=text))
        _ask_by_when(io, session, Commitment(text, None, False))
        w.line(t("plain.own_more"))


def _actions(session: LessonSession) -> list[Commitment]:
    record = session.record_for(session.step)
    return list(record.actions) if record is not None else []


def _ask_by_when(io: Prompter, session: LessonSession, action: Commitment) -> None:
    w = io.w
    if action.by is None:
        w.line(t("plain.by_when", action=action.text))
    else:
        w.line(t("plain.by_when_keep", action=action.text, date=format_date(action.by)))
    while True:
        text = io.ask(t("plain.by_prompt"))
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


def rate_step(io: Prompter, session: LessonSession) -> None:
    step = cast("RateStep", session.step)
    w = io.w
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
        text = io.ask(t("plain.your_number"))
        if not text:
            return
        if text in ("1", "2", "3", "4", "5"):
            session.rate(int(text))
            w.line(t("rate.thanks", rating=text))
            return
        w.line(t("plain.rate_bad"))


# Every step kind and the function that shows it in plain mode.
RENDERERS: dict[str, Renderer] = {
    "read": read_step,
    "choice": choice_step,
    "reflect": reflect_step,
    "checklist": checklist_step,
    "commit": commit_step,
    "rate": rate_step,
    "practice": practice_step,
}
