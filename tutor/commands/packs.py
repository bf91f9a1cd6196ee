"""``netsteps pack new/check/build/install/list/remove``: writing, checking and sharing packs."""

from __future__ import annotations

from tutor import cli
from tutor.messages import t

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from pathlib import Path

    from tutor.packs.errors import Problem
    from tutor.packs.model import Pack
    from tutor.packs.source import PackFiles


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
        raise cli.UserError(str(error)) from None
    print(t("cli.new_ready", path=cli._shown(folder)))
    print(t("cli.new_check", path=cli._shown(args.dir)))
    print(t("cli.new_preview", path=cli._shown(args.dir)))
    return 0


def cmd_pack_check(args: argparse.Namespace) -> int:
    from tutor.packs.errors import PackError
    from tutor.packs.stats import lesson_stats

    try:
        _, pack = _load_for_author(args.path)
    except PackError as error:
        for problem in error.problems:  # the report itself, on stdout; already terminal-safe
            print(problem)
        return cli.fail(t("cli.check_failed", count=len(error.problems)))
    problems = _translation_problems(pack, args.against)
    if problems:
        for problem in problems:
            print(problem)
        return cli.fail(t("cli.check_failed", count=len(problems)))
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
            raise cli.UserError(t("cli.against_other_id", id=original.id, mine=pack.id))
        return compare(original, pack)
    library = cli._library()
    others = [other for other in library.variants.get(pack.id, [])
              if other.language != pack.language and other.source != pack.source]
    return [problem for other in others for problem in compare(other, pack)]


def cmd_pack_build(args: argparse.Namespace) -> int:
    from tutor.packs.build import build_zip

    files, pack = _load_for_author(args.dir)
    if files.is_zip:
        raise cli.UserError(t("build.already_zip", path=cli._shown(args.dir)))
    from pathlib import Path

    out = args.output or Path(f"{pack.id}-{pack.version}.zip")
    path = build_zip(files, pack.id, pack.version, out)
    print(t("build.built", path=cli._shown(path), title=pack.title, version=pack.version,
            lessons=t("cli.lessons", count=len(pack.lessons))))
    print(t("build.hand_out", name=cli._shown(path.name)))
    return 0


def cmd_pack_install(args: argparse.Namespace) -> int:
    from tutor.packs.source import read_pack_files

    library = cli._library()
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
    print(t("install.from", origin=cli._shown(files.origin.resolve())))
    if plan.action == "replace" and plan.installed:
        print(t("install.replaces", title=plan.installed.title))
    if not args.yes and not cli.ask(t("install.ask")):
        print(t("install.nothing"))
        return 1
    library.install(plan)
    print(t("install.done_kept" if plan.installed else "install.done", title=pack.title))
    return 0


def cmd_pack_list(args: argparse.Namespace) -> int:
    library = cli._library()
    cli._report_broken(library)
    for pack in library.packs:
        where = t("cli.list_builtin") if pack.builtin else (
            t("cli.list_installed") if library.is_installed(pack) else t("cli.list_plugin"))
        print(f"{pack.id:<24} {pack.version:<10} {t('cli.lessons', count=len(pack.lessons)):>11}  "
              f"{pack.title} ({where})")
    return 0


def cmd_pack_remove(args: argparse.Namespace) -> int:
    library = cli._library()
    pack = library.get(args.id)
    if pack is not None and not pack.builtin and not library.is_installed(pack):
        package = library.package_of(pack)
        raise cli.UserError(t("remove.plugin_named", id=pack.id, package=package) if package
                        else t("remove.plugin", id=pack.id))
    if pack is None or not library.is_installed(pack):
        raise cli.UserError(t("remove.builtin" if pack else "remove.unknown",
                              id=cli._shown(args.id)))
    question = t("remove.ask_forget" if args.forget else "remove.ask", title=pack.title)
    if not args.yes and not cli.ask(question):
        print(t("remove.nothing"))
        return 1
    library.remove(pack.id)
    if args.forget:
        cli._store().forget_pack(pack.id)
    print(t("remove.done" if args.forget else "remove.done_kept", title=pack.title))
    return 0
