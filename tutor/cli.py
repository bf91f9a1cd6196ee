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
    parser = build_parser()
    args = parser.parse_args(arguments)
    from tutor.messages import set_language

    set_language(args.lang or "en")
    try:
        handler: Callable[[argparse.Namespace], int] = getattr(args, "handler", run_tutor)
        return handler(args)
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except UserError as error:
        return fail(str(error))
    except Exception as error:
        from tutor.packs.errors import PackError
        from tutor.progress.store import StoreError

        if isinstance(error, PackError):
            for problem in error.problems:
                print(problem, file=sys.stderr)
            return 1
        if isinstance(error, StoreError | OSError):
            return fail(_os_message(error))
        raise


def fail(message: str) -> int:
    print(f"netsteps: {message}", file=sys.stderr)
    return 1


def _os_message(error: Exception) -> str:
    if isinstance(error, OSError) and error.strerror:
        where = f" ({error.filename})" if error.filename else ""
        return f"{error.strerror.lower()}{where}"
    return str(error)


def build_parser() -> argparse.ArgumentParser:
    import argparse
    from pathlib import Path

    parser = argparse.ArgumentParser(
        prog="netsteps",
        description="A calm tutor for your first confident steps on social media. "
        "Run it with no command to open the lessons.",
        epilog="Your progress stays on this computer. 'netsteps data path' shows where.",
    )
    parser.add_argument("--version", action="version", version=f"netsteps {__version__}")
    parser.add_argument("--lang", choices=("en", "nb"), help="language of the tutor")
    parser.add_argument("--pack", metavar="PATH", type=Path,
                        help="open a pack folder or .zip without installing it (preview)")
    parser.add_argument("--plain", action="store_true",
                        help="line-by-line mode for screen readers and simple terminals")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    lessons = commands.add_parser("lessons", help="list the lessons and your progress")
    lessons.set_defaults(handler=cmd_lessons)

    plan = commands.add_parser("plan", help="show or save your action plan")
    plan.add_argument("--export", metavar="FILE", type=Path, help="save the plan to FILE")
    plan.add_argument("--format", choices=("md", "txt", "html"),
                      help="file format (default: from the file name, else md)")
    plan.set_defaults(handler=cmd_plan)

    summary = commands.add_parser(
        "summary", help="a summary you may send to your course leader (you see it first)")
    summary.add_argument("--export", metavar="FILE", type=Path, required=True)
    summary.add_argument("--yes", action="store_true",
                         help="write it without asking (reflections are then left out)")
    summary.set_defaults(handler=cmd_summary)

    pack = commands.add_parser("pack", help="write, check, build and install lesson packs")
    pack_commands = pack.add_subparsers(title="pack commands", metavar="COMMAND", required=True)
    new = pack_commands.add_parser("new", help="write a starter pack to DIR")
    new.add_argument("dir", type=Path)
    new.set_defaults(handler=cmd_pack_new)
    check = pack_commands.add_parser("check", help="check a pack and list every problem")
    check.add_argument("path", type=Path)
    check.add_argument("--stats", action="store_true",
                       help="also show steps, questions, minutes and readability per lesson")
    check.set_defaults(handler=cmd_pack_check)
    build = pack_commands.add_parser("build", help="check a pack, then write one .zip to hand out")
    build.add_argument("dir", type=Path)
    build.add_argument("-o", "--output", type=Path, metavar="FILE.zip")
    build.set_defaults(handler=cmd_pack_build)
    install = pack_commands.add_parser("install", help="install a pack from a .zip or folder")
    install.add_argument("path", type=Path)
    install.add_argument("--yes", action="store_true", help="install without asking")
    install.add_argument("--replace", action="store_true",
                         help="replace a different pack that uses the same id")
    install.set_defaults(handler=cmd_pack_install)
    listing = pack_commands.add_parser("list", help="list the packs you have")
    listing.set_defaults(handler=cmd_pack_list)
    remove = pack_commands.add_parser("remove", help="remove an installed pack")
    remove.add_argument("id")
    remove.add_argument("--forget", action="store_true",
                        help="also erase your progress in that pack")
    remove.add_argument("--yes", action="store_true", help="remove without asking")
    remove.set_defaults(handler=cmd_pack_remove)

    data = commands.add_parser("data", help="where your data lives; export or erase it")
    data_commands = data.add_subparsers(title="data commands", metavar="COMMAND", required=True)
    path = data_commands.add_parser("path", help="show the data folder")
    path.set_defaults(handler=cmd_data_path)
    export = data_commands.add_parser("export", help="save all your data in one file")
    export.add_argument("file", type=Path)
    export.set_defaults(handler=cmd_data_export)
    delete = data_commands.add_parser("delete", help="erase all your data (asks first)")
    delete.add_argument("--yes", action="store_true", help="erase without asking")
    delete.set_defaults(handler=cmd_data_delete)
    return parser


# Shared pieces


def _store() -> ProgressStore:
    from tutor.paths import data_dir
    from tutor.progress.store import ProgressStore

    store = ProgressStore(data_dir())
    store.load()
    for notice in store.notices:
        print(notice, file=sys.stderr)
    return store


def _library() -> Library:
    from tutor.packs.library import Library
    from tutor.paths import data_dir

    return Library(data_dir()).load()


def _report_broken(library: Library) -> None:
    for broken in library.broken:
        print("netsteps: " + t("app.broken_pack", origin=broken.origin,
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
    language = args.lang or store.settings.get("lang") or _locale_language()
    if args.lang and store.settings.get("lang") != args.lang:
        store.set_setting("lang", args.lang)
    from tutor.messages import set_language

    set_language(str(language))
    preview = None
    if args.pack is not None:
        if not args.pack.exists():
            raise UserError(t("cli.no_pack_at", path=args.pack))
        preview = args.pack
    if args.plain or not _full_screen_possible():
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


def _locale_language() -> str:
    import os

    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "nb" if value.split("_")[0].lower() in ("nb", "no", "nn") else "en"
    return "en"


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
        print(f"{pack.title} ({kind}): " + t("cli.done_of", done=done, total=len(pack.lessons)))
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
    from tutor.plan import build_plan, export, format_for, render

    store = _store()
    library = _library()
    plan = build_plan(library.packs, store)
    if args.export is None:
        print(render(plan, args.format or "txt"), end="")
        return 0
    fmt = args.format or format_for(args.export)
    path = export(plan, args.export, fmt)
    print(t("cli.plan_saved", path=path.resolve()))
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
    print(f"A starter pack is ready in {folder}.")
    print(f"Check it:   netsteps pack check {args.dir}")
    print(f"Preview it: netsteps --pack {args.dir}")
    return 0


def cmd_pack_check(args: argparse.Namespace) -> int:
    from tutor.packs.errors import PackError
    from tutor.packs.stats import lesson_stats

    try:
        _, pack = _load_for_author(args.path)
    except PackError as error:
        for problem in error.problems:
            print(problem)
        count = len(error.problems)
        print(f"{count} problem{'s' if count != 1 else ''} found. Fix "
              f"{'them' if count != 1 else 'it'} and run the check again.", file=sys.stderr)
        return 1
    steps = sum(len(lesson.steps) for lesson in pack.lessons)
    print(f"{pack.title} ({pack.id} {pack.version}): {_count(len(pack.lessons), 'lesson')}, "
          f"{_count(steps, 'step')}. No problems found.")
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


def cmd_pack_build(args: argparse.Namespace) -> int:
    from tutor.packs.build import build_zip

    files, pack = _load_for_author(args.dir)
    if files.is_zip:
        raise UserError(f"{args.dir} is already a .zip; build takes the pack's folder")
    from pathlib import Path

    out = args.output or Path(f"{pack.id}-{pack.version}.zip")
    path = build_zip(files, pack.id, pack.version, out)
    print(f"Built {path} ({pack.title}, version {pack.version}, "
          f"{_count(len(pack.lessons), 'lesson')}).")
    print("Hand out this one file. Learners install it with: netsteps pack install "
          f"{path.name}")
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
    print(t("install.from", origin=files.origin.resolve()))
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
        where = "built in" if pack.builtin else (
            "installed" if library.is_installed(pack) else "from a Python package")
        print(f"{pack.id:<24} {pack.version:<10} {_count(len(pack.lessons), 'lesson'):>11}  "
              f"{pack.title} ({where})")
    return 0


def cmd_pack_remove(args: argparse.Namespace) -> int:
    library = _library()
    pack = library.get(args.id)
    if pack is None or not library.is_installed(pack):
        why = ("remove.builtin" if pack and pack.builtin else
               "remove.plugin" if pack else "remove.unknown")
        raise UserError(t(why, id=args.id))
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
    from tutor.data import export_all

    path = export_all(_store(), _library(), args.file)
    print(t("data.exported", path=path.resolve()))
    return 0


def cmd_data_delete(args: argparse.Namespace) -> int:
    from tutor.data import delete_all
    from tutor.paths import data_dir

    folder = data_dir()
    if not folder.exists():
        print(t("data.nothing", path=folder))
        return 0
    print(t("data.erase_warning", path=folder))
    if not args.yes and not ask(t("data.erase_ask")):
        print(t("data.erase_nothing"))
        return 1
    delete_all(folder)
    print(t("data.erased"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
