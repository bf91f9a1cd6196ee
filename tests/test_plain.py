"""Plain mode: the tutor line by line, driven by typed answers, with nothing but plain text."""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import REPO, WritePack
from tutor.kinds.choice import KIND as CHOICE
from tutor.kinds.practice import PracticeStep
from tutor.messages import format_date, t
from tutor.packs.library import Library
from tutor.packs.model import (
    ChecklistStep,
    ChoiceStep,
    CommitStep,
    Lesson,
    Pack,
    RateStep,
    ReadStep,
    ReflectStep,
    Step,
)
from tutor.plain import run_plain
from tutor.plan import build_plan, render
from tutor.progress.store import ProgressStore, StoreError

LESSONS = REPO / "lessons"
FAR_DATE = "31.12.2030"


class Answers:
    """Plays the learner: hands out typed lines, then ends the input like Ctrl+D."""

    def __init__(self, lines: Iterable[str], *, then: BaseException | None = None) -> None:
        self.lines = list(lines)
        self.then = then
        self.asked = 0

    def __call__(self, prompt: str) -> str:
        self.asked += 1
        if self.lines:
            return self.lines.pop(0)
        raise self.then if self.then is not None else EOFError

    @property
    def left(self) -> list[str]:
        return self.lines


def opened_store(data: Path) -> ProgressStore:
    store = ProgressStore(data)
    store.load()
    return store


def library(data: Path, builtin: Path = LESSONS) -> Library:
    return Library(data, builtin_dir=builtin, use_entry_points=False).load()


def play(data: Path, answers: Answers, builtin: Path = LESSONS,
         preview: Path | None = None) -> tuple[int, str]:
    out = io.StringIO()
    store = opened_store(data)
    store.settings["learner_seed"] = SEED
    code = run_plain(store, preview, input_fn=answers, output=out,
                     library=library(data, builtin))
    return code, out.getvalue()


SEED = "tests"  # the learner's own option order, the same in every run


def shown(step: ChoiceStep, index: int) -> int:
    """The number plain mode shows before option ``index`` for the test learner."""
    return CHOICE.order(step, SEED).index(index) + 1


def course() -> Pack:
    return library(Path("/nonexistent-netsteps-data")).packs[0]


def answers_for(step: Step) -> list[str]:
    """What a willing learner types at one step, ending with what takes them to the next."""
    if isinstance(step, ReadStep):
        return [""]
    if isinstance(step, ChoiceStep):
        return [" ".join(str(shown(step, i)) for i in sorted(step.correct_indices)), ""]
    if isinstance(step, ReflectStep):
        return [f"My thoughts on {step.key}", "and a second line", ""]
    if isinstance(step, ChecklistStep):
        return ["1"]
    if isinstance(step, CommitStep):
        # choose the first action, give it a date, add one of my own without a date, done
        return ["1", FAR_DATE, "My own action", "", ""]
    if isinstance(step, RateStep):
        return ["3"]
    if isinstance(step, PracticeStep):
        first = "Accountant for small firms" if step.mode == "profile" else ""
        keep = ["y"] if step.plan else []
        return [first, "We had a lovely week. Ask me for tips.", "", *keep, ""]
    raise AssertionError(step)


def up_to(lesson: Lesson, index: int) -> list[str]:
    """Answers that take the learner from the first step to step ``index`` (from 0)."""
    return [line for step in lesson.steps[:index] for line in answers_for(step)]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def demo(tmp_path: Path, write_pack: WritePack) -> Path:
    """A folder of built-in packs holding only the small demo pack (every step kind)."""
    write_pack("builtin/demo")
    return tmp_path / "builtin"


# A whole lesson --------------------------------------------------------------------------------


@pytest.mark.parametrize("number", range(1, 8))
def test_every_lesson_of_the_course_can_be_taken_from_start_to_end(data: Path,
                                                                  number: int) -> None:
    lesson = course().lessons[number - 1]
    answers = Answers([str(number), *up_to(lesson, len(lesson.steps)), "", "q"])
    code, output = play(data, answers)

    assert code == 0
    assert not answers.left
    for number_shown in range(1, len(lesson.steps) + 1):
        assert t("lesson.step_of", number=number_shown, total=len(lesson.steps)) in output
    assert t("end.well_done", lesson=lesson.title) in output
    assert output.rstrip().endswith(t("plain.goodbye"))
    assert "\x1b" not in output

    record = opened_store(data).find("first-steps", lesson.id)
    assert record is not None and record.status == "done"
    for step in lesson.steps:
        answer = record.steps.get(step.key)
        if isinstance(step, ChoiceStep):
            assert answer is not None and answer.correct is True
        elif isinstance(step, ReflectStep):
            assert answer is not None
            assert answer.text == f"My thoughts on {step.key}\nand a second line"
        elif isinstance(step, ChecklistStep):
            assert answer is not None and answer.ticked == [0]
        elif isinstance(step, CommitStep):
            assert answer is not None
            assert [(a.text, a.by, a.suggested) for a in answer.actions] == [
                (step.actions[0], date(2030, 12, 31), True),
                ("My own action", None, False),
            ]
        elif isinstance(step, RateStep):
            assert answer is not None and answer.rating == 3
    if lesson.questions:
        assert t("end.questions_all", answered=lesson.questions, right=lesson.questions,
                 questions=lesson.questions) in output


def test_the_end_of_a_lesson_says_what_the_learner_did(data: Path, demo: Path) -> None:
    lesson_answers = ["2", "", "2", "", "1,3", "", "I think so", "", "1 2",
                      "2", "", "Call Anna", "", "", "4"]
    code, output = play(data, Answers(["1", *lesson_answers, "", "q"]), demo)

    assert code == 0
    assert t("end.well_done", lesson="Lesson one") in output
    assert t("end.questions_all", answered=2, right=2, questions=2) in output
    assert t("end.confidence_up", before=2, after=4) in output
    assert t("end.ticked", count=2) in output
    assert "I think so" in output
    assert "  - Do Y" in output and "  - Call Anna" in output
    # Back on the list, the lesson is done and Enter would open the plan.
    assert "1. Lesson one (done, 5 min)" in output
    assert t("plain.menu_enter", label=t("home.all_done")) in output


# Leaving and coming back -----------------------------------------------------------------------


def test_quitting_mid_lesson_and_starting_again_resumes_at_the_same_step(data: Path) -> None:
    lesson = course().lessons[0]
    code, first = play(data, Answers(["", *up_to(lesson, 3), "q"]))
    step_four = t("lesson.step_of", number=4, total=len(lesson.steps))
    assert code == 0
    assert first.rstrip().endswith(t("plain.goodbye"))
    assert step_four in first

    code, second = play(data, Answers(["", "q"]))
    assert code == 0
    assert t("home.welcome_back") in second
    assert t("plain.menu_enter", label=t("home.continue", lesson=lesson.title)) in second
    assert f"({t('status.in_progress')}, {t('cli.at_step', step=4, total=len(lesson.steps))}" \
        in second
    assert t("plain.resumed") in second
    assert step_four in second
    assert t("lesson.step_of", number=1, total=len(lesson.steps)) not in second


def test_end_of_input_mid_lesson_exits_cleanly_and_keeps_progress(data: Path) -> None:
    answers = Answers(["1", "4", "", ""])  # then the input ends, like Ctrl+D
    code, output = play(data, answers)

    assert code == 0
    assert output.rstrip().endswith(t("plain.goodbye"))
    assert "Traceback" not in output
    record = opened_store(data).find("first-steps", "why")
    assert record is not None
    assert record.status == "in_progress" and record.step == 3
    assert record.steps["confidence-before"].rating == 4


def test_ctrl_c_saves_and_exits_130_without_a_word(data: Path) -> None:
    answers = Answers(["1", "5", ""], then=KeyboardInterrupt())
    code, output = play(data, answers)

    assert code == 130
    assert t("plain.goodbye") not in output and "Traceback" not in output
    record = opened_store(data).find("first-steps", "why")
    assert record is not None and record.step == 2
    assert record.steps["confidence-before"].rating == 5


def test_a_reflection_cut_off_by_the_end_of_input_is_kept(data: Path, demo: Path) -> None:
    code, _ = play(data, Answers(["1", "", "", "2", "", "1 3", "", "First line", "Second"]),
                   demo)
    assert code == 0
    record = opened_store(data).find("demo", "one")
    assert record is not None and record.steps["think"].text == "First line\nSecond"


# Questions -------------------------------------------------------------------------------------


def test_a_wrong_answer_then_a_right_one(data: Path) -> None:
    lesson = course().lessons[0]
    index = next(i for i, s in enumerate(lesson.steps) if isinstance(s, ChoiceStep))
    step = lesson.steps[index]
    assert isinstance(step, ChoiceStep)
    right = min(step.correct_indices)
    wrong = next(i for i in range(len(step.options)) if i not in step.correct_indices)
    answers = Answers(["1", *up_to(lesson, index), str(shown(step, wrong)),
                       str(shown(step, right)), "", "q"])
    code, output = play(data, answers)

    assert code == 0
    after = output.split(t("lesson.step_of", number=index + 1, total=len(lesson.steps)), 1)[1]
    not_quite = after.index(t("choice.not_quite"))
    assert after.index(t("plain.picked_wrong", number=shown(step, wrong),
                         text=step.options[wrong].text)) > not_quite
    assert step.options[wrong].feedback in after
    assert t("plain.try_again") in after
    assert after.index(t("choice.right")) > not_quite
    assert t("plain.picked_right", number=shown(step, right),
             text=step.options[right].text) in after
    assert step.options[right].feedback in after
    record = opened_store(data).find("first-steps", lesson.id)
    assert record is not None
    assert record.steps[step.key].attempts == 2 and record.steps[step.key].correct is True
    assert record.step == index + 1


def test_answers_out_of_range_or_too_many_are_asked_again(data: Path, demo: Path) -> None:
    answers = Answers(["1", "", "", "7", "1 2", "two", "2", "", "q"])
    code, output = play(data, answers, demo)

    assert code == 0
    assert output.count(t("plain.bad_number", count=2)) == 2
    assert t("plain.one_answer") in output
    assert t("choice.right") in output


def test_enter_on_an_unanswered_question_asks_once_before_skipping(data: Path,
                                                                   demo: Path) -> None:
    code, output = play(data, Answers(["1", "", "", "", "", "q"]), demo)
    assert code == 0
    assert output.count(t("plain.skip_question")) == 1
    assert t("lesson.step_of", number=4, total=8) in output


def test_several_right_answers_typed_with_commas(data: Path, demo: Path) -> None:
    answers = Answers(["1", "", "", "2", "", "1", "1,3", "", "q"])
    code, output = play(data, answers, demo)

    assert code == 0
    assert t("plain.missed") in output  # after "1" alone
    record = opened_store(data).find("demo", "one")
    assert record is not None
    assert record.steps["q2"].picked == [0, 2] and record.steps["q2"].correct is True


# Writing, ticking, committing, rating ----------------------------------------------------------


def test_a_reflection_written_in_plain_mode_goes_into_the_plan(data: Path) -> None:
    lesson = course().lessons[0]
    index = next(i for i, s in enumerate(lesson.steps)
                 if isinstance(s, ReflectStep) and s.plan)
    answers = Answers(["1", *up_to(lesson, index),
                       "I want to learn from other accountants.", "I speak for myself.", "",
                       "m", "p", "", "q"])
    code, output = play(data, answers)

    assert code == 0
    assert t("plain.reflect_saved") in output
    plan = build_plan(library(data).packs, opened_store(data))
    assert [item.text for item in plan.sections[0].items] == [
        "I want to learn from other accountants.\nI speak for myself."]
    # "p" on the list shows the same plan, as plain text.
    assert render(plan, "txt").splitlines()[0] in output
    assert "    I speak for myself." in output


def test_enter_on_the_first_line_keeps_the_earlier_reflection(data: Path, demo: Path) -> None:
    to_reflect = ["1", "", "", "2", "", "1 3", ""]
    play(data, Answers([*to_reflect, "My first thought", "", "q"]), demo)
    # The lesson opens again at the checklist where the learner stopped; one step back.
    code, output = play(data, Answers(["1", "b", "", "q"]), demo)

    assert code == 0
    assert t("plain.reflect_before") in output
    assert "    My first thought" in output
    assert t("plain.reflect_kept") in output
    record = opened_store(data).find("demo", "one")
    assert record is not None and record.steps["think"].text == "My first thought"


def test_checklist_ticks_and_a_bad_number(data: Path, demo: Path) -> None:
    to_checklist = ["1", "", "", "2", "", "1 3", "", ""]
    answers = Answers([*to_checklist, "3", "2", "b", "0", "q"])
    code, output = play(data, answers, demo)

    assert code == 0
    assert t("plain.bad_numbers", count=2) in output
    assert t("plain.ticked", numbers="2") in output
    assert t("plain.item_ticked", number=2, text="Two") in output  # shown on the way back
    assert t("plain.ticked_now", numbers="2") in output
    record = opened_store(data).find("demo", "one")
    assert record is not None and "ticks" not in record.steps  # nothing ticked is not kept


def test_commit_asks_by_when_and_asks_again_after_a_bad_date(data: Path, demo: Path) -> None:
    to_commit = ["1", "", "", "2", "", "1 3", "", "", ""]
    answers = Answers([*to_commit, "2", "31.02.2030", "soon", "2030-06-30",
                       "Ask Kari for help", "1.7.2030", "Ask Kari for help", "", "q"])
    code, output = play(data, answers, demo)

    assert code == 0
    assert t("commit.bad_date", text="31.02.2030") in output
    assert t("commit.bad_date", text="soon") in output
    assert t("commit.already") in output
    record = opened_store(data).find("demo", "one")
    assert record is not None
    actions = [(a.text, a.by, a.suggested) for a in record.steps["do"].actions]
    assert actions == [("Do Y", date(2030, 6, 30), True),
                       ("Ask Kari for help", date(2030, 7, 1), False)]

    # Coming back to the step shows what was chosen, and Enter keeps it.
    code, output = play(data, Answers(["1", "b", "", "", "q"]), demo)
    assert code == 0
    assert t("plain.action_chosen_by", number=2, text="Do Y",
             date=format_date(date(2030, 6, 30))) in output
    assert t("plain.action_chosen_by", number=3, text="Ask Kari for help",
             date=format_date(date(2030, 7, 1))) in output
    assert t("plain.commit_keep", numbers="2, 3") in output
    record = opened_store(data).find("demo", "one")
    assert record is not None and len(record.steps["do"].actions) == 2


def test_rating_takes_one_number_from_one_to_five(data: Path, demo: Path) -> None:
    code, output = play(data, Answers(["1", "9", "3 4", "3", "q"]), demo)
    assert code == 0
    assert output.count(t("plain.rate_bad")) == 2
    assert t("rate.thanks", rating=3) in output


# Moving around ---------------------------------------------------------------------------------


def test_back_goes_one_step_back_and_not_before_the_first(data: Path, demo: Path) -> None:
    code, output = play(data, Answers(["1", "b", "", "b", "q"]), demo)
    assert code == 0
    assert t("plain.first_step") in output
    assert output.count(t("lesson.step_of", number=1, total=8)) == 3
    assert output.count(t("lesson.step_of", number=2, total=8)) == 1


def test_help_repeat_and_words_keep_the_learner_on_the_step(data: Path) -> None:
    code, output = play(data, Answers(["h", "1", "?", "r", "w", "", "q"]))
    assert code == 0
    assert t("plain.help_menu").splitlines()[1] in output
    assert t("plain.help_lesson").splitlines()[1] in output
    assert output.count(t("lesson.step_of", number=1, total=13)) == 2
    assert t("glossary.in_lesson", lesson="Why be there at all?") in output
    assert t("lesson.step_of", number=2, total=13) in output


def test_an_unknown_choice_on_the_list_is_explained(data: Path) -> None:
    code, output = play(data, Answers(["x", "99", "q"]))
    assert code == 0
    assert t("plain.menu_unknown", text="x") in output
    assert t("plain.menu_unknown", text="99") in output


# Safety ----------------------------------------------------------------------------------------


def test_no_escape_sequence_reaches_the_output(data: Path, write_pack: WritePack,
                                               tmp_path: Path) -> None:
    write_pack("hostile/demo", **{"02-two.toml": """\
        id = "two"
        title = "Two \\u001b[31mred\\u001b[0m"
        summary = "\\u001b]0;owned\\u0007 A summary."
        minutes = 5
        objectives = ["One"]

        [[steps]]
        id = "r"
        kind = "read"
        title = "Title \\u001b[2J"
        body = "Body \\u009b31m text"
        """})
    to_reflect = ["1", "", "", "2", "", "1 3", ""]
    answers = Answers(["2", "", "", *to_reflect, "\x1b[31mtyped\x1b[0m", "\x1b]0;x\x07 more",
                       "", "q"])
    code, output = play(data, answers, tmp_path / "hostile")

    assert code == 0
    assert "Two [31mred[0m" in output  # shown literally, without the escape that would act
    assert "\x1b" not in output and "\x9b" not in output and "\x07" not in output
    record = opened_store(data).find("demo", "one")
    assert record is not None and record.steps["think"].text == "[31mtyped[0m\n]0;x more"


def test_a_save_that_fails_is_said_once_and_quitting_reports_it(data: Path, demo: Path,
                                                                monkeypatch: pytest.MonkeyPatch
                                                                ) -> None:
    def refuse(self: ProgressStore, *args: str) -> None:
        raise StoreError("netsteps could not save (disk full).")

    monkeypatch.setattr(ProgressStore, "save", refuse)
    code, output = play(data, Answers(["1", "3", "", "q"]), demo)
    assert code == 1
    assert output.count("netsteps could not save (disk full).") == 2  # once, then at the end
    assert t("plain.not_saved") in output


# Previewing a pack -----------------------------------------------------------------------------


def test_preview_keeps_no_answers(data: Path, demo: Path) -> None:
    code, output = play(data, Answers(["", "4", "", "q"]), LESSONS, preview=demo / "demo")
    assert code == 0
    assert t("home.preview_title") in output and t("plain.preview_intro") in output
    assert "Lesson one" in output and "Why be there at all?" not in output
    assert output.rstrip().endswith(t("plain.goodbye_preview"))
    assert not (data / ProgressStore.FILE_NAME).exists()


def test_preview_of_a_broken_pack_lists_every_problem_and_fails(data: Path,
                                                                write_pack: WritePack) -> None:
    broken = write_pack("broken", **{"01-one.toml": 'id = "one"\ntitle = 3\n'})
    code, output = play(data, Answers([]), preview=broken)
    assert code == 1
    lines = output.splitlines()
    assert len(lines) >= 3  # the headline and at least two problems, one a line
    assert all(line.startswith("01-one.toml: ") for line in lines[1:])


# Fitting the terminal --------------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_long_lines_break_between_words(data: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.get_terminal_size", lambda *a: os.terminal_size((40, 24)))
    out = Terminal()
    answers = Answers(["1", "", "", "q"])
    code = run_plain(opened_store(data), input_fn=answers, output=out, library=library(data))

    assert code == 0
    lines = out.getvalue().splitlines()
    assert max(len(line) for line in lines) <= 39
    words = " ".join(out.getvalue().split())
    assert "Many skilled people have put social media off for years." in words
    # A list item (read out without its "- " and "**") keeps its broken lines in line with it.
    item = next(i for i, line in enumerate(lines) if line.startswith("  A cause"))
    assert lines[item + 1].startswith("  ") and not lines[item + 1].startswith("   ")


def test_help_ends_by_saying_where_the_learner_is(data: Path) -> None:
    code, output = play(data, Answers(["?", "1", "", "?", "q"]))
    assert code == 0
    after_menu_help = output.split(t("help.data", path=data).splitlines()[-1], 1)[1]
    assert after_menu_help.lstrip().startswith(t("plain.menu_ask"))
    assert t("plain.back_to_step", number=2, total=13) in output


def test_without_a_terminal_the_tutor_starts_in_plain_mode(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tutor.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO("q\n"))
    assert main([]) == 0
    out = capsys.readouterr().out
    assert t("home.welcome") in out and "\x1b" not in out
