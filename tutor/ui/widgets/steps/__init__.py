"""One view per step kind, found through :data:`VIEWS` by the kind's name.

A view gets the step and the lesson session (attributes down); it changes the learner's record
through the session and tells the lesson screen only when the step is done (messages up).
"""

from __future__ import annotations

from tutor.kinds.base import Step
from tutor.session import LessonSession
from tutor.ui.widgets.steps.base import StepView
from tutor.ui.widgets.steps.checklist import ChecklistView
from tutor.ui.widgets.steps.choice import ChoiceView
from tutor.ui.widgets.steps.commit import CommitView
from tutor.ui.widgets.steps.practice import PracticeView
from tutor.ui.widgets.steps.rate import RateView
from tutor.ui.widgets.steps.read import ReadView
from tutor.ui.widgets.steps.reflect import ReflectView

VIEWS: dict[str, type[StepView]] = {
    "read": ReadView,
    "choice": ChoiceView,
    "reflect": ReflectView,
    "checklist": ChecklistView,
    "commit": CommitView,
    "rate": RateView,
    "practice": PracticeView,
}


def view_for(step: Step, session: LessonSession) -> StepView:
    return VIEWS[step.kind](step, session)


__all__ = ["VIEWS", "ChecklistView", "ChoiceView", "CommitView", "PracticeView", "RateView",
           "ReadView", "ReflectView", "StepView", "view_for"]
