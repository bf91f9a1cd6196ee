"""Saving as the learner goes: every answer at once, a failure said once, nothing lost at the
end."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from tutor.messages import t
from tutor.plain.writer import Writer
from tutor.progress.store import ProgressStore, StoreError

Key = tuple[str, str]


class Saver:
    def __init__(self, store: ProgressStore, writer: Writer) -> None:
        self.store = store
        self.w = writer
        self.pending: set[Key] = set()
        self.last_error = ""
        self.notices_shown = 0

    def saver(self, key: Key) -> Callable[[], None]:
        """What a lesson's session calls after each change."""

        def save() -> None:
            self.pending.add(key)
            self.save_pending()

        return save

    def save_pending(self) -> None:
        try:
            for pack_id, lesson_id in sorted(self.pending):
                self.store.save(pack_id, lesson_id)
        except StoreError as error:
            message = str(error)
            if message != self.last_error:  # say it once, not at every answer
                self.w.line(message)
                self.last_error = message
        else:
            self.pending.clear()
            self.last_error = ""
        self.show_notices()

    def save_at_the_end(self) -> bool:
        """Save what is still unsaved before leaving; False (and said why) when that fails."""
        if self.pending:
            try:
                self.store.save()
            except StoreError as error:
                self.w.line(str(error))
                self.w.line(t("plain.not_saved"))
                return False
            self.pending.clear()
        return True

    def save_quietly(self, key: Key | None) -> None:
        """On Ctrl+C or a closed pipe: save what can be saved, and say nothing."""
        if key is not None:
            self.pending.add(key)
        if self.pending:
            with contextlib.suppress(StoreError, OSError):
                self.store.save()
                self.pending.clear()

    def show_notices(self) -> None:
        """What the store has to tell (a file set aside, a backup used), each once."""
        for notice in self.store.notices[self.notices_shown:]:
            self.w.line(notice)
        self.notices_shown = len(self.store.notices)
