"""A pack in several languages: the learner sees their language, and progress carries over."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import LESSON_TOML, PACK_TOML
from tutor.cli import main
from tutor.messages import set_language
from tutor.packs.library import Library
from tutor.packs.loader import load_pack
from tutor.packs.variants import compare

NB_PACK = PACK_TOML.replace('language = "en"', 'language = "nb"').replace(
    'title = "Demo pack"', 'title = "Demopakke"')
NB_LESSON = LESSON_TOML.replace('title = "Lesson one"', 'title = "Leksjon en"')


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    yield
    set_language("en")


def write(folder: Path, pack: str, lesson: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "pack.toml").write_text(pack, "utf-8")
    (folder / "01.toml").write_text(lesson, "utf-8")
    return folder


def test_the_learner_sees_the_variant_in_their_language(tmp_path: Path) -> None:
    builtin = tmp_path / "builtin"
    write(builtin / "demo", PACK_TOML, LESSON_TOML)
    write(builtin / "demo-nb", NB_PACK, NB_LESSON)
    library = Library(tmp_path / "data", builtin_dir=builtin, use_entry_points=False).load()
    assert library.broken == []
    set_language("en")
    assert [pack.title for pack in library.packs] == ["Demo pack"]
    set_language("nb")
    assert [pack.title for pack in library.packs] == ["Demopakke"]
    assert library.packs[0].lessons[0].title == "Leksjon en"
    set_language("de")  # a language the pack does not have: its first variant
    assert [pack.title for pack in library.packs] == ["Demo pack"]


def test_the_shipped_course_comes_in_norwegian_with_the_same_shape() -> None:
    from tests.conftest import REPO

    english_course = load_pack(REPO / "lessons" / "first-steps")
    norwegian = REPO / "lessons" / "first-steps-nb"
    if not any(norwegian.glob("0*.toml")):
        pytest.skip("the Norwegian course is not in this tree yet")
    assert compare(english_course, load_pack(norwegian)) == []


def test_pack_check_names_what_a_translation_lacks(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    original = write(tmp_path / "en", PACK_TOML, LESSON_TOML)
    lacking = NB_LESSON.replace('id = "think"', 'id = "tenk"')
    translation = write(tmp_path / "nb", NB_PACK, lacking)
    assert main(["pack", "check", str(translation), "--against", str(original)]) == 1
    out = capsys.readouterr().out
    assert "the step 'think' of the en original is missing here" in out
    assert "the step 'tenk' is not in the en original" in out
    good = write(tmp_path / "nb2", NB_PACK, NB_LESSON)
    assert main(["pack", "check", str(good), "--against", str(original)]) == 0


def test_an_installed_translation_sits_beside_its_original(tmp_path: Path) -> None:
    from tutor.packs.source import read_pack_files

    library = Library(tmp_path / "data", builtin_dir=tmp_path / "none",
                      use_entry_points=False).load()
    english_files = read_pack_files(write(tmp_path / "en", PACK_TOML, LESSON_TOML))
    library.install(library.plan_install(english_files))
    plan = library.plan_install(read_pack_files(write(tmp_path / "nb", NB_PACK, NB_LESSON)))
    assert plan.action == "language"
    library.install(plan)
    assert sorted(len(group) for group in library.variants.values()) == [2]
    assert library.remove("demo")
    assert library.variants == {}


def test_norwegian_words_find_their_glossary_terms_and_sort_the_norwegian_way() -> None:
    from tutor.glossary import search, terms_in
    from tutor.packs.model import Lesson, ReadStep, Term

    terms = (Term("App", "Et program på telefonen."), Term("Ære", "…"), Term("Øre", "…"),
             Term("Åpen profil", "…"), Term("Zoom", "…"))
    lesson = Lesson("l", "T", "S", 5, ("o",), (ReadStep("r", title="", body="Appene dine."),),
                    "01.toml")
    assert [term.term for term in terms_in(lesson, terms)] == ["App"]
    assert [term.term for term in search(terms, "")] == ["App", "Zoom", "Ære", "Øre",
                                                         "Åpen profil"]
