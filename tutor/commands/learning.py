"""``netsteps lessons``, ``plan`` (and ``plan done N``) and ``summary``: the learner's course."""

from __future__ import annotations

import sys

from tutor import cli
from tutor.messages import t
from tutor.wording import status_word

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse


def cmd_lessons(args: argparse.Namespace) -> int:
    from tutor.messages import t

    store = cli._store()
    library = cli._library()
    cli._report_broken(library)
    for number, pack in enumerate(library.packs):
        records = store.lessons_of(pack.id)
        done = sum(1 for lesson in pack.lessons
                   if (r := records.get(lesson.id)) is not None and r.status == "done")
        if number:
            print()
        kind = t("cli.builtin") if pack.builtin else pack.id
        print(f"{pack.title} ({kind}): " + t("cli.done_of", done=done, total=len(pack.lessons),
                                                   count=len(pack.lessons)))
        for index, lesson in enumerate(pack.lessons, start=1):
            record = records.get(lesson.id)
            status = record.status if record else "new"
            where = ""
            if status == "in_progress" and record is not None:
                where = " " + t("cli.at_step", step=record.step + 1, total=len(lesson.steps))
            label = status_word(status)
            print(f"  {label:<12} {index}. {lesson.title} "
                  f"({t('cli.minutes', minutes=lesson.minutes)}){where}")
    return 0


def cmd_plan(args: argparse.Namespace) -> int:
    from tutor.messages import t
    from tutor.plan import export, format_for, plan_for, render

    store = cli._store()
    library = cli._library()
    plan = plan_for(library.packs, store)
    if args.export is None:
        print(render(plan, args.format or "txt"), end="")
        return 0
    fmt = args.format or format_for(args.export)
    path = export(plan, args.export, fmt)
    print(t("cli.plan_saved", path=cli._shown(path.resolve())))
    return 0


def cmd_plan_done(args: argparse.Namespace) -> int:
    """Marks the action numbered N in `netsteps plan` done; a wrong N is one line, exit 1."""
    from tutor import followup
    from tutor.messages import format_date
    from tutor.plan import plan_for

    if args.number is None:  # bad usage, said in one line like argparse's own
        print("netsteps: " + t("plan.list.cli_which"), file=sys.stderr)
        return 2
    store = cli._store()
    plan = plan_for(cli._library().packs, store)
    if not plan.actions:
        raise cli.UserError(t("plan.list.cli_no_actions"))
    text = args.number.strip()
    action = plan.numbered(int(text)) if text.isascii() and text.isdecimal() else None
    if action is None:
        raise cli.UserError(t("plan.list.cli_no_number", number=cli._shown(text)[:20],
                          count=len(plan.actions)))
    if action.done:
        print(t("plan.list.cli_already", date=format_date(action.done)))
        return 0
    followup.done(store, action)
    print(t("plan.list.cli_done", action=cli._shown(action.text),
            date=format_date(followup.today())))
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from tutor.summary import run_summary_export

    return run_summary_export(cli._store(), cli._library(), args.export, assume_yes=args.yes,
                              ask=cli.ask)
