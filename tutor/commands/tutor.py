"""The tutor itself, when no command is given: full screen on a real terminal, else plain."""

from __future__ import annotations

import sys

from tutor import cli
from tutor.messages import t

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse


def run_tutor(args: argparse.Namespace) -> int:
    from tutor.paths import data_dir
    from tutor.progress.store import ProgressStore

    store = ProgressStore(data_dir())
    store.load()
    if args.lang and store.settings.get(cli.LANGUAGE_SETTING) != args.lang:
        store.set_setting(cli.LANGUAGE_SETTING, args.lang)  # opening the tutor with --lang keeps it
    if args.theme and store.settings.get(cli.THEME_SETTING) != args.theme:
        store.set_setting(cli.THEME_SETTING, args.theme)  # and with --theme too
    cli._use_language(store)
    preview = None
    if args.pack is not None:
        if not args.pack.exists():
            raise cli.UserError(t("cli.no_pack_at", path=cli._shown(args.pack)))
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
