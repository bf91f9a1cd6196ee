"""``netsteps data path/export/delete``: where the learner's data is, a copy of it, erasing it."""

from __future__ import annotations

import sys

from tutor import cli
from tutor.messages import t

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse


def cmd_data_path(args: argparse.Namespace) -> int:
    from tutor.paths import data_dir

    print(data_dir())
    return 0


def cmd_data_export(args: argparse.Namespace) -> int:
    from tutor.data import export_all, format_for
    from tutor.files import check_target

    path = args.file.expanduser()
    if format_for(path) is None:
        raise cli.UserError(t("data.suffix"))
    check_target(path)  # a missing folder, a link or a FIFO: refused before anything is asked
    if path.exists() and not args.force:
        if not sys.stdin.isatty():
            raise cli.UserError(t("data.exists_no_terminal", path=cli._shown(path)))
        if not cli.ask(t("data.replace_ask", path=cli._shown(path))):
            print(t("data.not_replaced"))
            return 1
    written = export_all(cli._store(), cli._library(), path)
    print(t("data.exported", path=cli._shown(written.resolve())))
    return 0


def cmd_data_delete(args: argparse.Namespace) -> int:
    from tutor.data import erase, survey
    from tutor.paths import data_dir

    folder = data_dir()
    if not folder.is_dir():
        print(t("data.nothing", path=cli._shown(folder)))
        return 0
    erasing = survey(folder)
    if not erasing.ours:
        print(t("data.nothing_ours", path=cli._shown(folder)))
        return 0
    print(t("data.erase_list", count=len(erasing.ours), path=cli._shown(folder)))
    for entry in erasing.ours:
        slash = "/" if entry.is_dir() and not entry.is_symlink() else ""
        print(f"  {cli._shown(entry.name)}{slash}")
    if erasing.others:
        print(t("data.others_kept", count=len(erasing.others)))
    print(t("data.erase_warning"))
    if not args.yes and not cli.ask(t("data.erase_ask")):
        print(t("data.erase_nothing"))
        return 1
    failed, folder_gone = erase(erasing)
    from tutor.packs.cache import forget_all

    forget_all()  # the checked copy of the built-in course: netsteps wrote it, so it goes too
    for entry, error in failed:
        cli.fail(t("data.not_erased", name=cli._shown(entry.name), reason=cli._os_message(error)))
    if failed:
        return 1
    print(t("data.erased") if folder_gone
          else t("data.erased_folder_kept", path=cli._shown(folder)))
    return 0
