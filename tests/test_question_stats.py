"""Warnings a course leader gets about questions that give their answer away."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import COURSE, PACK_TOML
from tutor.cli import main
from tutor.packs.loader import load_pack, parse_pack
from tutor.packs.model import Lesson
from tutor.packs.question_stats import question_warnings

Question = list[tuple[str, bool]]

# Options of the same length (26 letters), none of them giving itself away.
EVEN = ["Ask a colleague to read it first", "Post it at once, just as it stands",
        "Wait a week, then read it through", "Send it to your manager by e-mail"]


def toml_lesson(questions: list[Question], multiple: bool = False) -> str:
    steps = []
    for number, options in enumerate(questions, start=1):
        listed = ",\n".join(
            f"  {{ text = {json.dumps(text)}, correct = {str(right).lower()}, "
            f"feedback = \"Because of a reason here.\" }}" for text, right in options)
        steps.append(f'[[steps]]\nid = "q{number}"\nkind = "choice"\nprompt = "Which?"\n'
                     f"multiple = {str(multiple).lower()}\noptions = [\n{listed},\n]\n")
    head = 'id = "one"\ntitle = "One"\nsummary = "S."\nminutes = 5\nobjectives = ["O"]\n\n'
    return head + "\n".join(steps)


def lessons(*files: str) -> tuple[Lesson, ...]:
    raw = {"pack.toml": PACK_TOML.encode()}
    for number, text in enumerate(files, start=1):
        raw[f"0{number}-lesson.toml"] = text.replace('id = "one"', f'id = "l{number}"', 1
                                                     ).encode()
    return parse_pack(raw).lessons


def warned(*files: str) -> list[str]:
    return [str(warning) for warning in question_warnings(lessons(*files))]


def rotate(right: int, texts: list[str] = EVEN) -> Question:
    return [(text, index == right) for index, text in enumerate(texts)]


def balanced(count: int) -> list[Question]:
    """``count`` fair questions with the right answer moving round all four places."""
    return [rotate(number % 4) for number in range(count)]


def test_a_fair_pack_gets_no_warnings() -> None:
    assert warned(toml_lesson(balanced(8))) == []


def test_the_right_answer_always_longest_is_warned_across_the_pack() -> None:
    questions = []
    for number in range(8):
        options = rotate(number % 4)
        if number < 4:  # half of them: the right one gets a careful extra clause
            options = [(text + (", then decide calmly" if right else ""), right)
                       for text, right in options]
        questions.append(options)
    lines = warned(toml_lesson(questions))
    assert len(lines) == 1
    assert lines[0].startswith("all lessons: questions: the right option is the longest in "
                               "4 of 8 questions")
    assert "01-lesson.toml q1" in lines[0]
    # Three of eight (37.5%) is under the line.
    assert warned(toml_lesson(questions[1:4] + balanced(5))) == []


def test_options_of_very_different_length_are_warned_with_the_measure() -> None:
    short = [("Ignore it", False), ("Take a screenshot, then block and report the account", True),
             ("Reply to them in the same tone", False)]
    lines = warned(toml_lesson([short, *balanced(3)]))
    assert lines[0].startswith("01-lesson.toml: steps[1] (q1): the options differ a lot in "
                               "length (8 to 43 letters)")
    assert "2 times the shortest" in lines[0]
    # "Yes" against "Not yet" is more than double, but only a few letters apart.
    assert warned(toml_lesson([[("Yes", True), ("Not yet", False), ("No", False)]])) == []


@pytest.mark.parametrize("text", ["All of the above", "none of the above",
                                  "Alle de ovennevnte", "Ingen av de ovennevnte"])
def test_all_or_none_of_the_above_is_warned(text: str) -> None:
    question = [("Check the sender first", False), ("Open the link to see", False),
                (text, True)]
    lines = warned(toml_lesson([question]))
    assert any(line.startswith("01-lesson.toml: steps[1] (q1) option 3: “all/none of the "
                               "above”") for line in lines)


def test_the_same_place_for_the_right_answer_is_warned() -> None:
    lines = warned(toml_lesson([rotate(1)] * 5 + [rotate(0), rotate(3)]))
    assert "all lessons: questions: the right answer is option 2 in 5 of 7 one-answer " \
           "questions (move it around, so its place says nothing)" in lines
    # Never first and never last, though no single place has more than half.
    lines = warned(toml_lesson([rotate(1), rotate(2)] * 3))
    assert any("never the first option in 6" in line for line in lines)
    assert any("never the last option in 6" in line for line in lines)
    assert not any("option 2 in" in line for line in lines)


def test_choose_all_questions_with_the_right_options_always_first_are_warned() -> None:
    first = [(EVEN[0], True), (EVEN[1], True), (EVEN[2], False), (EVEN[3], False)]
    mixed = [(EVEN[0], False), (EVEN[1], True), (EVEN[2], False), (EVEN[3], True)]
    lines = warned(toml_lesson([first, first], multiple=True))
    assert lines == ["all lessons: questions: in all 2 choose-all questions the right options "
                     "come before the wrong ones (mix them)"]
    assert warned(toml_lesson([first, mixed], multiple=True)) == []


def test_absolutes_mark_a_wrong_option_unless_the_right_one_says_them_too() -> None:
    question = [("Nothing can be done once it is online", False),
                ("Close both and ask for deletion", True), ("Only unsubscribe from the e-mails",
                                                            False)]
    lines = warned(toml_lesson([question]))
    assert lines == ["01-lesson.toml: steps[1] (q1) option 1: a wrong option says “Nothing can "
                     "be done”, which marks it as wrong for a learner who guesses (say the "
                     "mistake as a beginner would think it, without absolutes)"]
    norwegian = [("Han svarer alltid med en gang", False), ("Han venter til mandag", True),
                 ("Han ber en kollega om hjelp", False)]
    assert "option 1: a wrong option says “alltid”" in warned(toml_lesson([norwegian]))[0]
    both = [("Never send a code to anyone", True), ("Always reply to ask why", False),
            ("Send it if you know them", False)]
    assert warned(toml_lesson([both])) == []


def test_a_question_with_no_plausible_wrong_option_is_warned() -> None:
    question = [("Likes", False), ("Did everyone in the photo agree to be shown online?", True),
                ("Fun", False)]
    lines = warned(toml_lesson([question]))
    assert any("every wrong option is under a third of the right one's length" in line
               for line in lines)


def test_a_hedge_only_on_the_right_option_is_warned() -> None:
    question = [("It is usually wise to wait a day", True), ("It is wise to post it today", False),
                ("It is wise to ask the whole team", False)]
    assert any("only the right option is hedged (“usually”)" in line
               for line in warned(toml_lesson([question])))


def test_warnings_follow_the_lessons_in_order_with_file_and_step() -> None:
    bad = [("All of the above", False), ("Open the app yourself", True), ("Click it", False)]
    lines = warned(toml_lesson(balanced(2)), toml_lesson([bad]))
    assert lines and all(line.startswith("02-lesson.toml: steps[1] (q1)") for line in lines)


def test_pack_check_stats_prints_the_warnings_and_still_succeeds(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "pack.toml").write_text(PACK_TOML)
    (folder / "01-one.toml").write_text(toml_lesson([rotate(1)] * 6))
    assert main(["pack", "check", "--stats", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "the right answer is option 2 in 6 of 6 one-answer questions" in out
    assert "3 warnings about the questions" in out  # also: never first, never last
    assert main(["pack", "check", str(folder)]) == 0
    assert "warning" not in capsys.readouterr().out



def test_the_shipped_course_passes_its_own_warnings() -> None:
    assert [str(warning) for warning in question_warnings(load_pack(COURSE).lessons)] == []
