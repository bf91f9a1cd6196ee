"""The ``netsteps`` command. Only opening the tutor imports Textual, so the rest starts fast.

Exit codes: 0 done, 1 a user error (one line saying what to do), 2 bad usage (from argparse).
"""

from __future__ import annotations

import sys

from tutor import __version__
from tutor.messages import t, yes_words

# Imports wait until a command needs them: `netsteps --version` should start as fast as Python.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence
    from typing import Any

    from tutor.packs.library import Library
    from tutor.progress.store import ProgressStore


class UserError(Exception):
    """A mistake the learner or course leader can fix; shown as one line, exit code 1."""


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments == ["--version"]:  # answered before any parser is built
        print(f"netsteps {__version__}")
        return 0
    # The language is known before the parser is built, so --help speaks it too. Commands that
    # open the learner's data switch to their saved choice when no --lang is given.
    from tutor.messages import choose_language, set_language

    global _language_flag
    _language_flag = _lang_given(arguments)
    set_language(choose_language(_language_flag))
    parser = build_parser()
    args = parser.parse_args(arguments)
    if getattr(args, "theme", None) is not None and args.theme not in theme_names():
        print("netsteps: " + t("theme.unknown", name=_shown(args.theme),
                               names=", ".join(theme_names())), file=sys.stderr)
        return 2
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:  # no command: the tutor itself
        from tutor.commands.tutor import run_tutor

        handler = run_tutor
    try:
        return handler(args)
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`netsteps lessons | head`): nothing is wrong, say nothing.
        import contextlib
        import os

        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except UserError as error:
        return fail(str(error))
    except Exception as error:
        from tutor.packs.errors import PackError
        from tutor.progress.store import StoreError

        if isinstance(error, PackError):
            fail(t("cli.problems_in_pack", count=len(error.problems)))
            for problem in error.problems:
                print(f"  {problem}", file=sys.stderr)  # made terminal-safe where it was found
            return 1
        if isinstance(error, StoreError | OSError):
            return fail(_os_message(error))
        raise


def fail(message: str) -> int:
    """The one error format of every command: ``netsteps: …`` on stderr, exit code 1."""
    print(f"netsteps: {message}", file=sys.stderr)
    return 1


def _shown(value: object) -> str:
    """A path or pack text as one clean line: escape bytes in a name never reach the terminal."""
    from tutor.text import clean_line

    return clean_line(str(value))


def _os_message(error: Exception) -> str:
    if isinstance(error, OSError) and error.strerror:
        where = f" ({_shown(error.filename)})" if error.filename else ""
        return f"{error.strerror.lower()}{where}"
    return _shown(error)


def build_parser() -> argparse.ArgumentParser:
    import argparse
    from pathlib import Path

    parser = argparse.ArgumentParser(
        prog="netsteps", description=t("cli.help.about"), epilog=t("cli.help.footer"))
    parser.add_argument("--version", action="version", version=f"netsteps {__version__}")
    _global_options(parser)
    # The same options after a command (`netsteps lessons --lang nb`). There they default to
    # SUPPRESS, so a command leaves the value given before it alone unless it is given again.
    after = argparse.ArgumentParser(add_help=False)
    _global_options(after, default=argparse.SUPPRESS)

    def command(group: Any, name: str, key: str, handler: Callable[..., int] | None = None,
                ) -> argparse.ArgumentParser:
        """A command with its line in the list, a description and an example in its --help."""
        sub: argparse.ArgumentParser = group.add_parser(
            name, help=t(f"cli.help.{key}"), description=_wrapped(t(f"cli.help.{key}_about")),
            epilog=f"{t('cli.help.example')}\n  {t(f'cli.help.{key}_example')}",
            formatter_class=argparse.RawDescriptionHelpFormatter, parents=[after])
        if handler is not None:
            sub.set_defaults(handler=handler)
        return sub

    from tutor.commands import data as data_
    from tutor.commands import packs as packs_
    from tutor.commands.learning import cmd_lessons, cmd_plan, cmd_plan_done, cmd_summary

    commands = parser.add_subparsers(title=t("cli.help.commands"), metavar="COMMAND")
    command(commands, "lessons", "lessons", cmd_lessons)
    from tutor.check_command import add_check_command

    add_check_command(commands, [after], _wrapped)

    plan = command(commands, "plan", "plan", cmd_plan)
    plan.add_argument("--export", metavar="FILE", type=Path, help=t("cli.help.plan_export"))
    plan.add_argument("--format", choices=("md", "txt", "html"), help=t("cli.help.plan_format"))
    plan_commands = plan.add_subparsers(title=t("cli.help.plan_commands"), metavar="COMMAND")
    done = command(plan_commands, "done", "plan_done", cmd_plan_done)
    done.add_argument("number", metavar="N", nargs="?", help=t("cli.help.plan_done_number"))

    summary = command(commands, "summary", "summary", cmd_summary)
    summary.add_argument("--export", metavar="FILE", type=Path, required=True,
                         help=t("cli.help.summary_export"))
    summary.add_argument("--yes", action="store_true", help=t("cli.help.summary_yes"))

    pack = command(commands, "pack", "pack")
    pack_commands = pack.add_subparsers(title=t("cli.help.pack_commands"), metavar="COMMAND",
                                        required=True)
    new = command(pack_commands, "new", "new", packs_.cmd_pack_new)
    new.add_argument("dir", metavar="DIR", type=Path, help=t("cli.help.new_dir"))
    check = command(pack_commands, "check", "check", packs_.cmd_pack_check)
    check.add_argument("path", metavar="PATH", type=Path, help=t("cli.help.check_path"))
    check.add_argument("--stats", action="store_true", help=t("cli.help.check_stats"))
    check.add_argument("--against", metavar="ORIGINAL", type=Path,
                       help=t("cli.help.check_against"))
    build = command(pack_commands, "build", "build", packs_.cmd_pack_build)
    build.add_argument("dir", metavar="DIR", type=Path, help=t("cli.help.build_dir"))
    build.add_argument("-o", "--output", type=Path, metavar="FILE.zip",
                       help=t("cli.help.build_output"))
    install = command(pack_commands, "install", "install", packs_.cmd_pack_install)
    install.add_argument("path", metavar="PATH", type=Path, help=t("cli.help.install_path"))
    install.add_argument("--yes", action="store_true", help=t("cli.help.install_yes"))
    install.add_argument("--replace", action="store_true", help=t("cli.help.install_replace"))
    command(pack_commands, "list", "list", packs_.cmd_pack_list)
    remove = command(pack_commands, "remove", "remove", packs_.cmd_pack_remove)
    remove.add_argument("id", metavar="ID", help=t("cli.help.remove_id"))
    remove.add_argument("--forget", action="store_true", help=t("cli.help.remove_forget"))
    remove.add_argument("--yes", action="store_true", help=t("cli.help.remove_yes"))

    data = command(commands, "data", "data")
    data_commands = data.add_subparsers(title=t("cli.help.data_commands"), metavar="COMMAND",
                                        required=True)
    command(data_commands, "path", "path", data_.cmd_data_path)
    export = command(data_commands, "export", "export", data_.cmd_data_export)
    export.add_argument("file", metavar="FILE", type=Path, help=t("cli.help.export_file"))
    export.add_argument("--force", action="store_true", help=t("data.force_help"))
    delete = command(data_commands, "delete", "delete", data_.cmd_data_delete)
    delete.add_argument("--yes", action="store_true", help=t("cli.help.delete_yes"))
    return parser


def _wrapped(text: str) -> str:
    """A description wrapped to the terminal, as argparse would: the raw formatter keeps the
    example's own lines, so the description is wrapped here."""
    import shutil
    import textwrap

    return textwrap.fill(text, width=min(shutil.get_terminal_size().columns - 2, 78))


def _global_options(parser: argparse.ArgumentParser, default: Any = None) -> None:
    """Options that work before or after any command; a new one (such as --theme) goes here."""
    from pathlib import Path

    given = {} if default is None else {"default": default}
    parser.add_argument("--lang", choices=("en", "nb"), help=t("cli.help.opt_lang"), **given)
    parser.add_argument("--pack", metavar="PATH", type=Path, help=t("cli.help.opt_pack"),
                        **given)
    parser.add_argument("--plain", action="store_true", help=t("cli.help.opt_plain"), **given)
    parser.add_argument("--theme", metavar="NAME", help=t("theme.option_help"), **given)


# Shared pieces


def _store() -> ProgressStore:
    from tutor.paths import data_dir
    from tutor.progress.store import ProgressStore

    store = ProgressStore(data_dir())
    store.load()
    _use_language(store)
    for notice in store.notices:
        print(f"netsteps: {_shown(notice)}", file=sys.stderr)
    return store


_language_flag: str | None = None
LANGUAGE_SETTING = "language"
THEME_SETTING = "theme"


def theme_names() -> list[str]:
    """The themes --theme takes: netsteps' own first, then Textual's (imported only here)."""
    from textual.theme import BUILTIN_THEMES

    from tutor.ui.themes import THEMES

    return [*THEMES, *(name for name in BUILTIN_THEMES if name not in THEMES)]


def _lang_given(arguments: Sequence[str]) -> str | None:
    """The value of --lang wherever it stands (before or after a command); the last one wins."""
    value = None
    for index, word in enumerate(arguments):
        if word == "--":
            break
        if word == "--lang" and index + 1 < len(arguments):
            value = arguments[index + 1]
        elif word.startswith("--lang="):
            value = word.partition("=")[2]
    return value


def _use_language(store: ProgressStore) -> None:
    """--lang, else the learner's saved choice (0.1 called it "lang"), else the locale."""
    from tutor.messages import choose_language, set_language

    saved = store.settings.get(LANGUAGE_SETTING) or store.settings.get("lang")
    set_language(choose_language(_language_flag, saved))


def _library() -> Library:
    from tutor.packs.library import Library
    from tutor.paths import data_dir

    return Library(data_dir()).load()


def _report_broken(library: Library) -> None:
    for broken in library.broken:
        print("netsteps: " + t("app.broken_pack", origin=_shown(broken.origin),
                               problem=broken.error.first), file=sys.stderr)


def ask(question: str) -> bool:
    """Ask yes or no on the terminal. With no terminal to ask on, the answer is no."""
    if not sys.stdin.isatty():
        raise UserError(t("cli.no_terminal", question=question.rstrip("?")))
    try:
        answer = input(f"{question} {t('cli.yes_no')} ")
    except EOFError:
        return False
    return answer.strip().casefold() in yes_words()


if __name__ == "__main__":
    # Run as a script, this file is `__main__`; the handlers use `tutor.cli`, so that one runs.
    from tutor import cli

    sys.exit(cli.main())
