"""The netsteps application: holds the learner's store and packs, and hands them to screens."""

from __future__ import annotations

import asyncio
import os
import signal
from functools import partial
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.timer import Timer

from tutor.messages import t
from tutor.packs.errors import PackError
from tutor.packs.library import Library
from tutor.packs.model import Lesson, Pack
from tutor.progress.store import ProgressStore, StoreError
from tutor.ui.themes import DEFAULT_THEME, OWN_THEMES

if TYPE_CHECKING:
    from tempfile import TemporaryDirectory

    from tutor.packs.source import PackFiles

SAVE_DELAY = 0.4
# Scanning every installed package for plugin packs waits until the home screen is painted.
PLUGIN_DELAY = 0.3


class NetstepsApp(App[int]):
    """Dependencies come in through the constructor so tests can hand in temporary folders."""

    # The home screen is the default screen, whose own CSS_PATH Textual does not read.
    CSS_PATH: ClassVar[list[str | PurePath]] = ["app.tcss", "screens/home.tcss"]
    TITLE = "netsteps"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "key.help"),
        Binding("question_mark", "help", "key.help", show=False),
        Binding("f2", "glossary", "key.glossary"),
        Binding("ctrl+q", "quit", "key.quit", priority=True),
        Binding("ctrl+r", "reload", "key.reload"),
    ]

    def __init__(
        self,
        store: ProgressStore,
        data_dir: Path,
        *,
        preview: Path | None = None,
        library: Library | None = None,
        documents_dir: Path | None = None,
    ) -> None:
        super().__init__()
        from tutor.ui.markdown import PLAIN_MARKDOWN

        self.console.push_theme(PLAIN_MARKDOWN)  # lesson pages in the theme's own colours
        for theme in OWN_THEMES.values():
            self.register_theme(theme)
        # The learner's saved theme; one Textual no longer has falls back to the default.
        saved = str(store.settings.get("theme") or DEFAULT_THEME)
        self.theme = saved if saved in self.available_themes else DEFAULT_THEME
        self.preview = preview
        self.data_dir = data_dir
        self.documents_dir = documents_dir
        self._preview_home: TemporaryDirectory[str] | None = None
        if preview is not None:
            # An author's preview keeps its answers apart from the learner's own progress.
            import tempfile

            self._preview_home = tempfile.TemporaryDirectory(prefix="netsteps-preview-")
            store = ProgressStore(Path(self._preview_home.name))
            store.load()
        self.store = store
        self.library = library or Library(data_dir)
        self.preview_problems: list[str] = []
        self.preview_outline: list[str] = []
        """Lesson titles of a large previewed pack while it is still being checked."""
        self._pending: set[tuple[str, str]] = set()
        self._save_timer: Timer | None = None
        self._save_problem = ""

    # Packs

    def load_packs(self) -> None:
        """(Re)read the packs; a preview shows just the author's pack, or its problems.

        A very large preview is read and checked in the background: its lesson titles show at
        once, and the lessons open when the check is done.
        """
        if self.preview is None:
            self.library.load(with_plugins=False)  # plugins: after the first paint
            return
        from tutor.packs.outline import LARGE, lesson_files, titles
        from tutor.packs.source import read_pack_files

        self.library.clear()
        self.preview_problems = []
        self.preview_outline = []
        try:
            files = read_pack_files(self.preview)
        except PackError as error:
            self.preview_problems = [str(problem) for problem in error.problems]
            return
        if len(lesson_files(files.files)) < LARGE:
            self._preview_read(*_parse_preview(files))
            return
        self.preview_outline = titles(files.files)
        self.run_worker(partial(self._read_preview_in_background, files), thread=True,
                        group="preview", exclusive=True)

    def _read_preview_in_background(self, files: PackFiles) -> None:
        self.call_from_thread(self._preview_read, *_parse_preview(files))

    def _preview_read(self, pack: Pack | None, problems: list[str]) -> None:
        from tutor.ui.screens.home import HomeScreen

        self.preview_outline = []
        self.library.clear()
        if pack is not None:
            self.library.add(pack)
        self.preview_problems = problems
        screens = self.screen_stack if self.is_running else []
        if screens and isinstance(screens[-1], HomeScreen):
            screens[-1].refresh_state()

    @property
    def packs(self) -> list[Pack]:
        return self.library.packs

    def on_load(self) -> None:
        self.load_packs()

    def get_default_screen(self) -> Screen[Any]:
        # The home screen is the first screen: no empty screen is drawn before it.
        from tutor.ui.screens.home import HomeScreen

        return HomeScreen()

    def on_resize(self, event: events.Resize) -> None:
        self.fit_window(event.size.width, event.size.height)

    def fit_window(self, width: int, height: int) -> None:
        """Below the smallest size that works, say so kindly instead of cutting screens up."""
        from tutor.ui.screens.too_small import TooSmallScreen, too_small

        small = too_small(width, height)
        showing = isinstance(self.screen, TooSmallScreen)
        if small and not showing:
            self.push_screen(TooSmallScreen())
        elif showing and not small:
            self.pop_screen()

    def on_mount(self) -> None:
        self._save_on_signals()
        self.fit_window(self.size.width, self.size.height)
        for notice in self.store.notices:
            self.notify(notice, markup=False, timeout=12)
        if self.preview is None:
            self.set_timer(PLUGIN_DELAY, self.load_plugin_packs)
        from tutor.ui.markdown import load_in_background

        self.set_timer(PLUGIN_DELAY, load_in_background)

    def load_plugin_packs(self) -> None:
        """Packs from installed Python packages, once the first screen is on show."""
        if self.library.use_entry_points and self.library.load_plugins():
            from tutor.ui.screens.home import HomeScreen

            if isinstance(self.screen, HomeScreen):
                self.screen.refresh_state()
        for broken in self.library.broken:
            self.notify(t("app.broken_pack", origin=broken.origin, problem=broken.error.first),
                        markup=False, severity="warning", timeout=12)

    # Saving: soon after a change, and at once when leaving

    @property
    def learner_seed(self) -> str:
        from tutor.course import learner_seed

        return learner_seed(self.store)

    def save_soon(self, pack: Pack, lesson: Lesson) -> None:
        self._pending.add((pack.id, lesson.id))
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self.save_now)

    def save_now(self) -> bool:
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        pending, self._pending = self._pending, set()
        try:
            for pack_id, lesson_id in sorted(pending):
                self.store.save(pack_id, lesson_id)
        except StoreError as error:
            self._pending |= pending
            if str(error) != self._save_problem:  # said once, not at every key press
                self._save_problem = str(error)
                self.notify(str(error), markup=False, severity="error", timeout=15)
            return False
        if self._save_problem:
            self._save_problem = ""
            self.notify(t("app.saved_again"), markup=False)
        return True

    # Actions available everywhere

    def action_help(self) -> None:
        from tutor.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_glossary(self) -> None:
        from tutor.ui.screens.glossary import GlossaryScreen

        if not isinstance(self.screen, GlossaryScreen):
            self.push_screen(GlossaryScreen())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Reloading a pack from disk is for an author previewing it.
        return self.preview is not None if action == "reload" else True

    async def action_reload(self) -> None:
        """Read the previewed pack again and show it from its home screen."""
        from tutor.ui.screens.home import HomeScreen

        self.save_now()
        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            await self.pop_screen()
        if isinstance(self.screen, HomeScreen):
            self.screen.action_reload()

    def _save_on_signals(self) -> None:
        """A closed terminal window (SIGHUP) or a shutdown (SIGTERM) saves before leaving."""
        if os.name != "posix":
            return
        loop = asyncio.get_running_loop()
        for number in (signal.SIGHUP, signal.SIGTERM):
            loop.add_signal_handler(number, self._leave_now)

    def _leave_now(self) -> None:
        self.save_now()
        self.exit(0)

    async def action_quit(self) -> None:
        self.save_now()
        self.exit(0)

    def on_unmount(self) -> None:
        self.save_now()
        if self._preview_home is not None:
            self._preview_home.cleanup()


def _parse_preview(files: PackFiles) -> tuple[Pack | None, list[str]]:
    from tutor.packs.loader import parse_pack

    try:
        return parse_pack(files.files, source=files.origin), []
    except PackError as error:
        return None, [str(problem) for problem in error.problems]
