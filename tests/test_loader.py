"""The loader on the mistakes course leaders make: every problem reported, each findable."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import LESSON_TOML, PACK_TOML
from tutor.packs.errors import PackError
from tutor.packs.loader import load_pack, parse_pack
from tutor.packs.model import ChoiceStep, ReadStep


def problems(files: dict[str, str | bytes]) -> list[str]:
    raw = {name: v.encode() if isinstance(v, str) else v for name, v in files.items()}
    with pytest.raises(PackError) as caught:
        parse_pack(raw)
    return [str(problem) for problem in caught.value.problems]


def lesson_with(*steps: str, head: str | None = None) -> str:
    head = head if head is not None else (
        'id = "one"\ntitle = "T"\nsummary = "S"\nminutes = 5\nobjectives = ["O"]\n'
    )
    return head + "".join(f"\n[[steps]]\n{step}\n" for step in steps)


def test_a_good_pack_loads(write_pack) -> None:
    pack = load_pack(write_pack())
    assert pack.id == "demo"
    assert [lesson.id for lesson in pack.lessons] == ["one"]
    lesson = pack.lessons[0]
    assert [step.kind for step in lesson.steps] == [
        "rate", "read", "choice", "choice", "reflect", "checklist", "commit", "rate"]
    choice = lesson.steps[2]
    assert isinstance(choice, ChoiceStep) and choice.correct_indices == {1}
    assert lesson.questions == 2


def test_lessons_come_in_file_name_order() -> None:
    second = LESSON_TOML.replace('id = "one"', 'id = "two"')
    pack = parse_pack({"pack.toml": PACK_TOML.encode(), "02-b.toml": second.encode(),
                       "01-a.toml": LESSON_TOML.encode()})
    assert [lesson.id for lesson in pack.lessons] == ["one", "two"]


def test_every_problem_is_reported_not_only_the_first() -> None:
    bad = lesson_with(
        'kind = "choice"\nprompt = "Q"\noptions = [\n'
        '  { text = "A", correct = true, feedback = "Why A." },\n'
        '  { text = "B", correct = false },\n]',
        'kind = "read"',
        'kind = "rate"\nstatment = "typo"',
    )
    found = problems({"pack.toml": PACK_TOML, "01-x.toml": bad})
    assert any(p.startswith("01-x.toml: steps[1].options[2].feedback: this option has no "
                            "feedback") for p in found)
    assert any(p.startswith("01-x.toml: steps[2].body: this field is missing") for p in found)
    assert any(p.startswith("01-x.toml: steps[3].statement: this field is missing")
               for p in found)
    assert any(p.startswith("01-x.toml: steps[3].statment: this field is not known")
               for p in found)


def test_syntax_errors_give_line_and_column() -> None:
    found = problems({"pack.toml": PACK_TOML, "01-x.toml": 'id = "one"\ntitle = "T\n'})
    assert found[0].startswith("01-x.toml: line 2, column")
    assert "the TOML is not valid here" in found[0]


def test_invalid_utf8_is_named_with_its_position() -> None:
    found = problems({"pack.toml": PACK_TOML, "01-x.toml": b'id = "one"\ntitle = "\xff"\n'})
    assert found == ["01-x.toml: line 2, column 10: this is not UTF-8 text "
                     "(save the file as UTF-8 in your editor)"]


def test_a_byte_order_mark_is_accepted() -> None:
    pack = parse_pack({"pack.toml": b"\xef\xbb\xbf" + PACK_TOML.encode(),
                       "01.toml": LESSON_TOML.encode()})
    assert pack.title == "Demo pack"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (('id = "demo"', 'id = "Demo Pack"'), "pack.toml: id: 'Demo Pack' is not a valid id"),
        (('format = 1', 'format = 9'), "pack.toml: format: this pack uses format 9"),
        (('format = 1\n', ''), "pack.toml: format: this field is missing"),
        (('language = "en"', 'language = "english!"'), "pack.toml: language: 'english!' is not"),
        (('version = "1.0"', 'version = "one"'), "pack.toml: version: 'one' is not a version"),
        (('authors = ["A. Author"]', 'authors = "A. Author"'),
         "pack.toml: authors: this should be a list of texts"),
        (('authors = ["A. Author"]', 'authors = []'), "pack.toml: authors: there are 0 here"),
        (('title = "Demo pack"', 'title = ""'), "pack.toml: title: this text is empty"),
        (('description = "A small pack for tests."', 'description = 3'),
         "pack.toml: description: this should be text in quotes, not a number"),
    ],
)
def test_pack_head_mistakes(change: tuple[str, str], expected: str) -> None:
    found = problems({"pack.toml": PACK_TOML.replace(*change), "01.toml": LESSON_TOML})
    assert any(p.startswith(expected) for p in found), found


def test_a_pack_that_needs_a_newer_netsteps_says_so() -> None:
    found = problems({"pack.toml": PACK_TOML + 'min_netsteps = "99.0"\n', "01.toml": LESSON_TOML})
    assert any("needs netsteps 99.0 or newer" in p for p in found)


@pytest.mark.parametrize(
    ("step", "expected"),
    [
        ('kind = "quiz"\nprompt = "Q"', "steps[1].kind: 'quiz' is not a step kind"),
        ('kind = "practice"\nprompt = "Draft"', "steps[1].mode: this field is missing"),
        ('kind = "practice"\nmode = "tweet"\nprompt = "Draft"',
         "steps[1].mode: 'tweet' is not a practice mode"),
        ('kind = "practice"\nmode = "post"\nprompt = "D"\nchecks = ["regex:.*"]',
         "steps[1].checks: 'regex:.*' is not a built-in check"),
        ('kind = "practice"\nmode = "post"\nprompt = "D"\naudience = "world"',
         "steps[1].audience: 'world' is not an audience"),
        ('prompt = "Q"', "steps[1].kind: this field is missing"),
        ('kind = "choice"\nprompt = "Q"\noptions = [\n'
         '{ text = "A", correct = false, feedback = "f" },\n'
         '{ text = "B", correct = false, feedback = "f" }]',
         "steps[1].options: no option is marked correct"),
        ('kind = "choice"\nprompt = "Q"\noptions = [\n'
         '{ text = "A", correct = true, feedback = "f" },\n'
         '{ text = "B", correct = true, feedback = "f" }]',
         "steps[1].options: 2 options are correct but multiple is not true"),
        ('kind = "choice"\nprompt = "Q"\noptions = [{ text = "A", correct = true, '
         'feedback = "f" }]', "steps[1].options: there are 1 here; there should be from 2"),
        ('kind = "choice"\nprompt = "Q"\noptions = ["A", "B"]',
         "steps[1].options[1]: an option should be"),
        ('kind = "choice"\nprompt = "Q"\noptions = [\n'
         '{ text = "A", correct = "yes", feedback = "f" },\n'
         '{ text = "B", correct = false, feedback = "f" }]',
         "steps[1].options[1].correct: this should be true or false, not text"),
        ('kind = "checklist"\nprompt = "P"\nitems = []', "steps[1].items: there are 0 here"),
        ('kind = "checklist"\nprompt = "P"\nitems = ["ok", 3]',
         "steps[1].items[2]: this should be text in quotes, not a number"),
        ('kind = "commit"\nprompt = "P"', "steps[1].actions: this field is missing"),
        ('kind = "reflect"\nprompt = "P"\nplan = "yes"', "steps[1].plan: this should be true or "
                                                          "false"),
        ('kind = "read"\nbody = "   "', "steps[1].body: this text is empty"),
        ('kind = "read"\nid = "Bad Id"\nbody = "b"', "steps[1].id: 'Bad Id' is not a valid id"),
        ('kind = "rate"', "steps[1].statement: this field is missing"),
    ],
)
def test_step_mistakes(step: str, expected: str) -> None:
    found = problems({"pack.toml": PACK_TOML, "01-x.toml": lesson_with(step)})
    assert any(p.startswith(f"01-x.toml: {expected}") for p in found), found


def test_lesson_head_mistakes() -> None:
    head = 'id = "one"\ntitle = "T"\nsummary = "S"\nminutes = 0\nobjectives = "O"\n'
    found = problems({"pack.toml": PACK_TOML,
                      "01-x.toml": lesson_with('kind = "read"\nbody = "b"', head=head)})
    assert any(p.startswith("01-x.toml: minutes: 0 is out of range") for p in found)
    assert any(p.startswith("01-x.toml: objectives: this should be a list") for p in found)


def test_ids_must_be_unique() -> None:
    found = problems({
        "pack.toml": PACK_TOML,
        "01-a.toml": LESSON_TOML,
        "02-b.toml": LESSON_TOML,
        "03-c.toml": lesson_with('id = "s"\nkind = "read"\nbody = "b"',
                                 'id = "s"\nkind = "read"\nbody = "b"').replace(
                                     'id = "one"', 'id = "three"'),
    })
    assert any(p.startswith("02-b.toml: id: the lesson id 'one' is already used in 01-a.toml")
               for p in found)
    assert any(p.startswith("03-c.toml: steps[2].id: the step id 's' is already used by "
                            "steps[1]") for p in found)


def test_a_folder_without_pack_toml_is_not_a_pack(tmp_path: Path) -> None:
    with pytest.raises(PackError) as caught:
        load_pack(tmp_path)
    assert "no pack.toml" in caught.value.first


def test_a_pack_without_lessons_says_what_to_add() -> None:
    found = problems({"pack.toml": PACK_TOML})
    assert any("this pack has no lessons yet" in p for p in found)


def test_text_is_cleaned_and_markup_kept_literally() -> None:
    hostile = lesson_with(
        'kind = "read"\ntitle = "Hi \\u001b[31mred\\u001b[0m [@click=app.quit]x[/]"\n'
        'body = "A\\u202eB\\u0000C\\u009bD\\U000E0041E [link=https://evil]x[/link]"')
    pack = parse_pack({"pack.toml": PACK_TOML.encode(), "01.toml": hostile.encode()})
    step = pack.lessons[0].steps[0]
    assert isinstance(step, ReadStep)
    assert step.title == "Hi [31mred[0m [@click=app.quit]x[/]"
    assert step.body == "ABCDE [link=https://evil]x[/link]"


def test_glossary_is_read_and_checked() -> None:
    glossary = ('[[terms]]\nterm = "Feed"\nmeaning = "The stream of posts."\n'
                'also = ["timeline"]\n\n[[terms]]\nterm = "feed"\nmeaning = "Again."\n')
    found = problems({"pack.toml": PACK_TOML, "01.toml": LESSON_TOML, "glossary.toml": glossary})
    assert any("glossary.toml: terms[2].term: 'feed' is in the glossary twice" in p
               for p in found)
    pack = parse_pack({"pack.toml": PACK_TOML.encode(), "01.toml": LESSON_TOML.encode(),
                       "glossary.toml": glossary.split("\n\n")[0].encode()})
    assert pack.glossary[0].also == ("timeline",)


def test_problems_read_as_file_where_what() -> None:
    found = problems({"pack.toml": PACK_TOML.replace('id = "demo"', 'id = "x y"'),
                      "01.toml": LESSON_TOML})
    file, where, what = found[0].split(": ", 2)
    assert (file, where) == ("pack.toml", "id") and what
