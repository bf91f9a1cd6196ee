"""What every netsteps screen shares: typed access to the app that holds the learner's data,
and key descriptions in the learner's language."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Generic, TypeVar, cast

from textual.binding import ActiveBinding
from textual.screen import ModalScreen, Screen

from tutor.messages import DEFAULT_LANGUAGE, catalog, t

if TYPE_CHECKING:
    from tutor.ui.app import NetstepsApp

R = TypeVar("R")


def in_language(bindings: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    """A binding's description is a catalog key (``Binding("f1", "help", "key.help")``).

    Textual reads ``BINDINGS`` once, when a class is defined; the footer and key panel ask the
    screen for its active bindings every time they draw, so the words are looked up there and
    follow the language the learner has now. Textual's own descriptions are left as they are.
    """
    keys = catalog(DEFAULT_LANGUAGE)
    return {
        key: active._replace(binding=replace(active.binding, description=t(description)))
        if (description := active.binding.description) in keys else active
        for key, active in bindings.items()
    }


class TutorScreen(Screen[R], Generic[R]):
    @property
    def tutor(self) -> NetstepsApp:
        return cast("NetstepsApp", self.app)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return in_language(super().active_bindings)


class TutorModal(ModalScreen[R], Generic[R]):
    @property
    def tutor(self) -> NetstepsApp:
        return cast("NetstepsApp", self.app)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return in_language(super().active_bindings)
