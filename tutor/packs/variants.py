"""A pack in another language must have the same shape as its original: the same lesson ids
and step keys (so progress, review and plan carry over when the learner switches language), and
the same kind of step at each key."""

from __future__ import annotations

from tutor.kinds.choice import ChoiceStep
from tutor.packs.errors import Problem
from tutor.packs.model import Pack


def compare(original: Pack, translation: Pack) -> list[Problem]:
    """Every lesson or step that is missing or extra in ``translation``, as problem lines."""
    problems: list[Problem] = []
    theirs = {lesson.id: lesson for lesson in original.lessons}
    ours = {lesson.id: lesson for lesson in translation.lessons}
    name = f"the {original.language} original"
    for lesson_id, lesson in theirs.items():
        if lesson_id not in ours:
            problems.append(Problem(lesson.file, "id", f"the lesson '{lesson_id}' of {name} is "
                                    "missing here", "translate it, with the same id"))
    for lesson_id, lesson in ours.items():
        source = theirs.get(lesson_id)
        if source is None:
            problems.append(Problem(lesson.file, "id", f"the lesson '{lesson_id}' is not in "
                                    f"{name}", "give it the id of the lesson it translates"))
            continue
        steps = {step.key: (number, step) for number, step in enumerate(lesson.steps, 1)}
        for key in [step.key for step in source.steps if step.key not in steps]:
            problems.append(Problem(lesson.file, "steps", f"the step '{key}' of {name} is "
                                    "missing here", "translate it, with the same id"))
        original_steps = {step.key: step for step in source.steps}
        for key, (number, step) in steps.items():
            match = original_steps.get(key)
            where = f"steps[{number}]"
            if match is None:
                problems.append(Problem(lesson.file, where, f"the step '{key}' is not in {name}",
                                        "give it the id of the step it translates"))
            elif match.kind != step.kind:
                problems.append(Problem(lesson.file, f"{where}.kind", f"this is a {step.kind} "
                                        f"step, but '{key}' is a {match.kind} step in {name}"))
            elif isinstance(step, ChoiceStep) and isinstance(match, ChoiceStep) and \
                    [o.correct for o in step.options] != [o.correct for o in match.options]:
                problems.append(Problem(lesson.file, f"{where}.options", "the options or the "
                                        f"right answers differ from {name}",
                                        "keep the same options in the same order"))
    return problems
