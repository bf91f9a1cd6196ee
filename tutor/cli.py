"""The ``netsteps`` command. Only opening the tutor imports Textual, so the rest starts fast.

Exit codes: 0 done, 1 a user error (one line saying what to do), 2 bad usage (from argparse).
"""

from __future__ import annotations

import sys

from tutor import __version__
from tutor.messages import t, yes_words
from tutor.wording import status_word

# Imports wait until a command needs them: `netsteps --version` should start as fast as Python.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence
    from pathlib import Path
    from typing import Any

    from tutor.packs.errors import Problem
    from tutor.packs.library import Library
    from tutor.packs.model import Pack
    from tutor.packs.source import PackFiles
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
    try:
        handler: Callable[[argparse.Namespace], int] = getattr(args, "handler", run_tutor)
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
    new = command(pack_commands, "new", "new", cmd_pack_new)
    new.add_argument("dir", metavar="DIR", type=Path, help=t("cli.help.new_dir"))
    check = command(pack_commands, "check", "check", cmd_pack_check)
    check.add_argument("path", metavar="PATH", type=Path, help=t("cli.help.check_path"))
    check.add_argument("--stats", action="store_true", help=t("cli.help.check_stats"))
    check.add_argument("--against", metavar="ORIGINAL", type=Path,
                       help=t("cli.help.check_against"))
    build = command(pack_commands, "build", "build", cmd_pack_build)
    build.add_argument("dir", metavar="DIR", type=Path, help=t("cli.help.build_dir"))
    build.add_argument("-o", "--output", type=Path, metavar="FILE.zip",
                       help=t("cli.help.build_output"))
    install = command(pack_commands, "install", "install", cmd_pack_install)
    install.add_argument("path", metavar="PATH", type=Path, help=t("cli.help.install_path"))
    install.add_argument("--yes", action="store_true", help=t("cli.help.install_yes"))
    install.add_argument("--replace", action="store_true", help=t("cli.help.install_replace"))
    command(pack_commands, "list", "list", cmd_pack_list)
    remove = command(pack_commands, "remove", "remove", cmd_pack_remove)
    remove.add_argument("id", metavar="ID", help=t("cli.help.remove_id"))
    remove.add_argument("--forget", action="store_true", help=t("cli.help.remove_forget"))
    remove.add_argument("--yes", action="store_true", help=t("cli.help.remove_yes"))

    data = command(commands, "data", "data")
    data_commands = data.add_subparsers(title=t("cli.help.data_commands"), metavar="COMMAND",
                                        required=True)
    command(data_commands, "path", "path", cmd_data_path)
    export = command(data_commands, "export", "export", cmd_data_export)
    export.add_argument("file", metavar="FILE", type=Path, help=t("cli.help.export_file"))
    export.add_argument("--force", action="store_true", help=t("data.force_help"))
    delete = command(data_commands, "delete", "delete", cmd_data_delete)
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


# The tutor


def run_tutor(args: argparse.Namespace) -> int:
    from tutor.paths import data_dir
    from tutor.progress.store import ProgressStore

    store = ProgressStore(data_dir())
    store.load()
    if args.lang and store.settings.get(LANGUAGE_SETTING) != args.lang:
        store.set_setting(LANGUAGE_SETTING, args.lang)  # opening the tutor with --lang keeps it
    if args.theme and store.settings.get(THEME_SETTING) != args.theme:
        store.set_setting(THEME_SETTING, args.theme)  # and with --theme too
    _use_language(store)
    preview = None
    if args.pack is not None:
        if not args.pack.exists():
            raise UserError(t("cli.no_pack_at", path=_shown(args.pack)))
        preview = args.pack
    full_screen = not args.plain and _full_screen_possible()
    if full_screen:
        from tutor.plain.encoding import why_not_full_screen
        from tutor.plain.writer import Writer

        # A terminal that is not UTF-8 shows the full screen's lines as \u2594 text.
        if (reason := why_not_full_screen(sys.stdout)) is not None:
            Writer(sys.stdout).line(reason)
            full_screen = False
    if not full_screen:
        from tutor.plain import run_plain

        return run_plain(store, preview=preview)
    from tutor.ui.app import NetstepsApp

    app = NetstepsApp(store=store, data_dir=data_dir(), preview=preview)
    app.run()
    return app.return_code or 0


def _full_screen_possible() -> bool:
    """The full-screen tutor needs a real terminal; piped or dumb ones get the plain mode."""
    import os

    terminal = sys.stdin.isatty() and sys.stdout.isatty()
    return terminal and os.environ.get("TERM", "") != "dumb"


# Lessons and plan


def cmd_lessons(args: argparse.Namespace) -> int:
    from tutor.messages import t

    store = _store()
    library = _library()
    _report_broken(library)
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

    store = _store()
    library = _library()
    plan = plan_for(library.packs, store)
    if args.export is None:
        print(render(plan, args.format or "txt"), end="")
        return 0
    fmt = args.format or format_for(args.export)
    path = export(plan, args.export, fmt)
    print(t("cli.plan_saved", path=_shown(path.resolve())))
    return 0


def cmd_plan_done(args: argparse.Namespace) -> int:
    """Marks the action numbered N in `netsteps plan` done; a wrong N is one line, exit 1."""
    from tutor import followup
    from tutor.messages import format_date
    from tutor.plan import plan_for

    if args.number is None:  # bad usage, said in one line like argparse's own
        print("netsteps: " + t("plan.list.cli_which"), file=sys.stderr)
        return 2
    store = _store()
    plan = plan_for(_library().packs, store)
    if not plan.actions:
        raise UserError(t("plan.list.cli_no_actions"))
    text = args.number.strip()
    action = plan.numbered(int(text)) if text.isascii() and text.isdecimal() else None
    if action is None:
        raise UserError(t("plan.list.cli_no_number", number=_shown(text)[:20],
                          count=len(plan.actions)))
    if action.done:
        print(t("plan.list.cli_already", date=format_date(action.done)))
        return 0
    followup.done(store, action)
    print(t("plan.list.cli_done", action=_shown(action.text),
            date=format_date(followup.today())))
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from tutor.summary import run_summary_export

    return run_summary_export(_store(), _library(), args.export, assume_yes=args.yes, ask=ask)


# Packs


def _load_for_author(path: Path) -> tuple[PackFiles, Pack]:
    from tutor.packs.loader import parse_pack
    from tutor.packs.source import read_pack_files

    files = read_pack_files(path)
    return files, parse_pack(files.files, source=files.origin)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def cmd_pack_new(args: argparse.Namespace) -> int:
    from tutor.packs.starter import StarterError, write_starter

    try:
        folder = write_starter(args.dir)
    except StarterError as error:
        raise UserError(str(error)) from None
    print(t("cli.new_ready", path=_shown(folder)))
    print(t("cli.new_check", path=_shown(args.dir)))
    print(t("cli.new_preview", path=_shown(args.dir)))
    return 0


def cmd_pack_check(args: argparse.Namespace) -> int:
    from tutor.packs.errors import PackError
    from tutor.packs.stats import lesson_stats

    try:
        _, pack = _load_for_author(args.path)
    except PackError as error:
        for problem in error.problems:  # the report itself, on stdout; already terminal-safe
            print(problem)
        return fail(t("cli.check_failed", count=len(error.problems)))
    problems = _translation_problems(pack, args.against)
    if problems:
        for problem in problems:
            print(problem)
        return fail(t("cli.check_failed", count=len(problems)))
    steps = sum(len(lesson.steps) for lesson in pack.lessons)
    print(t("cli.check_passed", title=pack.title, id=pack.id, version=pack.version,
            lessons=t("cli.lessons", count=len(pack.lessons)), steps=t("cli.steps", count=steps)))
    if args.stats:
        print()
        print(f"{'lesson':<24} {'steps':>5} {'questions':>9} {'minutes':>7} {'LIX':>5}")
        for lesson in pack.lessons:
            s = lesson_stats(lesson)
            print(f"{lesson.id[:24]:<24} {s.steps:>5} {s.questions:>9} {s.minutes:>7} "
                  f"{s.lix:>5.1f}")
        print()
        print("LIX is a readability figure: below 40 is easy to read, over 50 is hard.")
        from tutor.packs.question_stats import question_warnings

        warnings = question_warnings(pack.lessons)
        print()
        for warning in warnings:
            print(warning)
        print(f"{_count(len(warnings), 'warning')} about the questions"
              + (" (they do not stop the pack from working; docs/authoring.md explains each)."
                 if warnings else "."))
    return 0


def _translation_problems(pack: Pack, against: Path | None) -> list[Problem]:
    """A translation is compared with its original: the one named with --against, else every
    other language of the same pack id that netsteps has (built in or installed)."""
    from tutor.packs.variants import compare

    if against is not None:
        _, original = _load_for_author(against)
        if original.id != pack.id:
            raise UserError(t("cli.against_other_id", id=original.id, mine=pack.id))
        return compare(original, pack)
    library = _library()
    others = [other for other in library.variants.get(pack.id, [])
              if other.language != pack.language and other.source != pack.source]
    return [problem for other in others for problem in compare(other, pack)]


def cmd_pack_build(args: argparse.Namespace) -> int:
    from tutor.packs.build import build_zip

    files, pack = _load_for_author(args.dir)
    if files.is_zip:
        raise UserError(t("build.already_zip", path=_shown(args.dir)))
    from pathlib import Path

    out = args.output or Path(f"{pack.id}-{pack.version}.zip")
    path = build_zip(files, pack.id, pack.version, out)
    print(t("build.built", path=_shown(path), title=pack.title, version=pack.version,
            lessons=t("cli.lessons", count=len(pack.lessons))))
    print(t("build.hand_out", name=_shown(path.name)))
    return 0


def cmd_pack_install(args: argparse.Namespace) -> int:
    from tutor.packs.source import read_pack_files

    library = _library()
    files = read_pack_files(args.path)
    plan = library.plan_install(files, replace=args.replace)
    pack = plan.pack
    print(t("install.pack", title=pack.title))
    print(t("install.authors", authors=", ".join(pack.authors)))
    version = t("install.version", version=pack.version)
    if plan.installed:
        version += " " + t(f"install.{plan.action}", installed=plan.installed.version)
    print(version)
    print(t("install.lessons", count=len(pack.lessons)))
    for lesson in pack.lessons:
        print(f"          - {lesson.title}")
    print(t("install.from", origin=_shown(files.origin.resolve())))
    if plan.action == "replace" and plan.installed:
        print(t("install.replaces", title=plan.installed.title))
    if not args.yes and not ask(t("install.ask")):
        print(t("install.nothing"))
        return 1
    library.install(plan)
    print(t("install.done_kept" if plan.installed else "install.done", title=pack.title))
    return 0


def cmd_pack_list(args: argparse.Namespace) -> int:
    library = _library()
    _report_broken(library)
    for pack in library.packs:
        where = t("cli.list_builtin") if pack.builtin else (
            t("cli.list_installed") if library.is_installed(pack) else t("cli.list_plugin"))
        print(f"{pack.id:<24} {pack.version:<10} {t('cli.lessons', count=len(pack.lessons)):>11}  "
              f"{pack.title} ({where})")
    return 0


def cmd_pack_remove(args: argparse.Namespace) -> int:
    library = _library()
    pack = library.get(args.id)
    if pack is not None and not pack.builtin and not library.is_installed(pack):
        package = library.package_of(pack)
        raise UserError(t("remove.plugin_named", id=pack.id, package=package) if package
                        else t("remove.plugin", id=pack.id))
    if pack is None or not library.is_installed(pack):
        raise UserError(t("remove.builtin" if pack else "remove.unknown", id=_shown(args.id)))
    question = t("remove.ask_forget" if args.forget else "remove.ask", title=pack.title)
    if not args.yes and not ask(question):
        print(t("remove.nothing"))
        return 1
    library.remove(pack.id)
    if args.forget:
        _store().forget_pack(pack.id)
    print(t("remove.done" if args.forget else "remove.done_kept", title=pack.title))
    return 0


# The learner's data


def cmd_data_path(args: argparse.Namespace) -> int:
    from tutor.paths import data_dir

    print(data_dir())
    return 0


def cmd_data_export(args: argparse.Namespace) -> int:
    from tutor.data import export_all, format_for
    from tutor.files import check_target

    path = args.file.expanduser()
    if format_for(path) is None:
        raise UserError(t("data.suffix"))
    check_target(path)  # a missing folder, a link or a FIFO: refused before anything is asked
    if path.exists() and not args.force:
        if not sys.stdin.isatty():
            raise UserError(t("data.exists_no_terminal", path=_shown(path)))
        if not ask(t("data.replace_ask", path=_shown(path))):
            print(t("data.not_replaced"))
            return 1
    written = export_all(_store(), _library(), path)
    print(t("data.exported", path=_shown(written.resolve())))
    return 0


def cmd_data_delete(args: argparse.Namespace) -> int:
    from tutor.data import erase, survey
    from tutor.paths import data_dir

    folder = data_dir()
    if not folder.is_dir():
        print(t("data.nothing", path=_shown(folder)))
        return 0
    erasing = survey(folder)
    if not erasing.ours:
        print(t("data.nothing_ours", path=_shown(folder)))
        return 0
    print(t("data.erase_list", count=len(erasing.ours), path=_shown(folder)))
    for entry in erasing.ours:
        print(f"  {_shown(entry.name)}{'/' if entry.is_dir() and not entry.is_symlink() else ''}")
    if erasing.others:
        print(t("data.others_kept", count=len(erasing.others)))
    print(t("data.erase_warning"))
    if not args.yes and not ask(t("data.erase_ask")):
        print(t("data.erase_nothing"))
        return 1
    failed, folder_gone = erase(erasing)
    from tutor.packs.cache import forget_all

    forget_all()  # the checked copy of the built-in course: netsteps wrote it, so it goes too
    for entry, error in failed:
        fail(t("data.not_erased", name=_shown(entry.name), reason=_os_message(error)))
    if failed:
        return 1
    print(t("data.erased") if folder_gone else t("data.erased_folder_kept", path=_shown(folder)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
