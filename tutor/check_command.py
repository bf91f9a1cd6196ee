"""``netsteps check``: the post checks on a real draft, after the course.

Exit codes: 0 nothing found, 1 something found, 2 wrong usage (no text, two texts, or a file
that cannot be read: a script must not take "could not check" for "found something").
Never imports Textual: it runs where there is no screen, and it should start at once.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from tutor.messages import t

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from tutor.checks import Finding


def add_check_command(commands: Any, parents: list[argparse.ArgumentParser],
                      wrapped: Callable[[str], str]) -> argparse.ArgumentParser:
    """Adds ``check`` to the command list, with the same look as every other command."""
    import argparse

    from tutor.checks import AUDIENCES

    sub: argparse.ArgumentParser = commands.add_parser(
        "check", help=t("check.help"), description=wrapped(t("check.about")),
        epilog=f"{t('cli.help.example')}\n  {t('check.example')}",
        formatter_class=argparse.RawDescriptionHelpFormatter, parents=parents)
    sub.add_argument("text", nargs="*", metavar="TEXT", help=t("check.help_text"))
    sub.add_argument("--file", metavar="F", help=t("check.help_file"))
    sub.add_argument("--audience", choices=AUDIENCES, default="everyone",
                     help=t("check.help_audience"))
    sub.add_argument("--json", action="store_true", help=t("check.help_json"))
    sub.set_defaults(handler=cmd_check)
    return sub


def usage_error(message: str) -> int:
    print(f"netsteps check: {message}", file=sys.stderr)
    return 2


def _read_draft(args: argparse.Namespace) -> str | int:
    """The draft, or the exit code of a usage error already reported."""
    words: list[str] = args.text
    if args.file is not None and words:
        return usage_error(t("check.both"))
    if args.file is not None:
        try:
            with open(args.file, encoding="utf-8") as handle:
                return handle.read()
        except UnicodeDecodeError:
            return usage_error(t("check.not_text", path=_shown(args.file)))
        except OSError as error:
            reason = (error.strerror or str(error)).lower()
            return usage_error(t("check.cannot_read", path=_shown(args.file), reason=reason))
    if words == ["-"] or (not words and not sys.stdin.isatty()):
        try:
            return sys.stdin.read()
        except UnicodeDecodeError:
            return usage_error(t("check.not_text", path="-"))
    if not words:
        return usage_error(t("check.nothing_given"))
    return " ".join(words)


def _shown(value: object) -> str:
    from tutor.text import clean_line

    return clean_line(str(value))


def where(text: str, offset: int) -> tuple[int, int]:
    """Line and column (both from 1, in characters) of ``offset``, as editors count them."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def cmd_check(args: argparse.Namespace) -> int:
    from tutor.checks import check_post

    draft = _read_draft(args)
    if isinstance(draft, int):
        return draft
    if not draft.strip():
        return usage_error(t("check.empty"))
    findings = check_post(draft, args.audience)
    if args.json:
        _print_json(draft, findings, args.audience)
    else:
        _print_plain(draft, findings, args.audience)
    return 1 if findings else 0


def _print_plain(draft: str, findings: list[Finding], audience: str) -> None:
    for finding in findings:
        line, column = where(draft, finding.start)
        print(t("check.line", line=line, column=column, what=finding.what, why=finding.why,
                fix=finding.fix))
    if findings:
        print(t("check.found", count=len(findings), audience=t(f"check.audience_{audience}")))
    else:
        print(t("check.none"))


def _print_json(draft: str, findings: list[Finding], audience: str) -> None:
    import json

    records = []
    for finding in findings:
        line, column = where(draft, finding.start)
        records.append({
            "check": finding.check, "line": line, "column": column, "start": finding.start,
            "end": finding.end, "found": finding.found, "what": finding.what,
            "why": finding.why, "fix": finding.fix,
        })
    print(json.dumps({"audience": audience, "count": len(records), "findings": records},
                     ensure_ascii=False, indent=2))
