"""What every netsteps screen shares: typed access to the app that holds the learner's data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar, cast

from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from tutor.ui.app import NetstepsApp

R = TypeVar("R")


class TutorScreen(Screen[R], Generic[R]):
    @property
    def tutor(self) -> NetstepsApp:
        return cast("NetstepsApp", self.app)


class TutorModal(ModalScreen[R], Generic[R]):
    @property
    def tutor(self) -> NetstepsApp:
        return cast("NetstepsApp", self.app)
