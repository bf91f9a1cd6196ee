"""The key footer, rebuilt only when the keys it shows really change.

Textual's footer rebuilds all its keys whenever the screen's bindings might have changed:
every focus change, every step in a lesson. Each rebuild mounts and styles a widget per key,
which was the largest single cost of painting the home screen and of moving to the next step.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown: tuple[tuple[str, str, bool, str], ...] | None = None

    def _keys(self, screen: Screen[Any]) -> tuple[tuple[str, str, bool, str], ...]:
        return tuple((binding.key, binding.description, enabled, tooltip)
                     for (_, binding, enabled, tooltip) in screen.active_bindings.values()
                     if binding.show)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if self.is_attached and screen is self.screen and screen.app.app_focus:
            keys = self._keys(screen)
            if keys == self._shown:
                self._bindings_ready = True
                return
            self._shown = keys
        super().bindings_changed(screen)
