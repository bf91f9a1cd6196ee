"""The learner's language: where it comes from, switching it in the tutor and in plain mode,
and every word on show following the switch, the key descriptions in the footer included."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from tests.conftest import COURSE
from tutor import messages
from tutor.cli import main
from tutor.messages import choose_language, language
from tutor.packs.library import Library
from tutor.plain import run_plain
from tutor.progress.store import ProgressStore
from tutor.ui.app import NetstepsApp
from tutor.ui.screens.home import HomeScreen
from tutor.ui.screens.settings import SettingsScreen

ENGLISH = {"LANG": "en_GB.UTF-8"}
NORWEGIAN = {"LANG": "nb_NO.UTF-8"}


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    messages.set_language("en")


@pytest.fixture
def locale(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    yield monkeypatch


def opened_store(home: Path) -> ProgressStore:
    store = ProgressStore(home)
    store.load()
    return store


def make_app(home: Path) -> NetstepsApp:
    return NetstepsApp(store=opened_store(home), data_dir=home,
                       library=Library(home, builtin_dir=COURSE.parent, use_entry_points=False),
                       documents_dir=home.parent / "Documents")


def footer_words(app: NetstepsApp) -> list[str]:
    return [key.description for key in app.screen.query(FooterKey)]


# Where the language comes from -----------------------------------------------------------------


def test_the_flag_beats_the_saved_choice_which_beats_the_locale() -> None:
    assert choose_language("nb", "en", ENGLISH) == "nb"
    assert choose_language("en", "nb", NORWEGIAN) == "en"
    assert choose_language(None, "nb", ENGLISH) == "nb"
    assert choose_language(None, "en", NORWEGIAN) == "en"
    assert choose_language(None, None, NORWEGIAN) == "nb"
    assert choose_language(None, None, {"LC_ALL": "no_NO"}) == "nb"
    assert choose_language(None, None, {}) == "en"
    assert choose_language(None, "klingon", {"LANG": "de_DE.UTF-8"}) == "en"


@pytest.mark.parametrize("argv", [["--lang", "nb", "lessons"], ["lessons", "--lang", "nb"],
                                  ["lessons", "--lang=nb"]])
def test_lang_works_before_and_after_the_command(
        argv: list[str], home: Path, locale: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    locale.setenv("LANG", "en_US.UTF-8")
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "ferdig med 0 av" in out and "lessons done" not in out
    assert " ny " in out


def test_the_saved_choice_beats_the_locale_and_the_flag_beats_both(
        home: Path, locale: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    opened_store(home).set_setting("language", "nb")
    locale.setenv("LANG", "en_US.UTF-8")
    assert main(["lessons"]) == 0
    assert "ferdig med" in capsys.readouterr().out
    assert main(["--lang", "en", "lessons"]) == 0
    assert "lessons done" in capsys.readouterr().out


def test_with_nothing_saved_the_locale_decides(
        home: Path, locale: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    locale.setenv("LANG", "nb_NO.UTF-8")
    assert main(["lessons"]) == 0
    assert "ferdig med" in capsys.readouterr().out
    opened_store(home).set_setting("language", "en")
    assert main(["lessons"]) == 0
    assert "lessons done" in capsys.readouterr().out


def test_help_speaks_the_language_asked_for(
        locale: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "nb", "--help"])
    norwegian = capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--lang", "en", "--help"])
    assert norwegian != capsys.readouterr().out


def test_opening_the_tutor_with_lang_saves_the_choice(
        home: Path, locale: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("q\n"))
    assert main(["--plain", "--lang", "nb"]) == 0
    assert "Velkommen til netsteps." in capsys.readouterr().out
    assert opened_store(home).settings["language"] == "nb"
    messages.set_language("en")
    monkeypatch.setattr("sys.stdin", io.StringIO("a\n"))
    assert main(["--plain"]) == 0  # no flag: the saved choice, and the Norwegian letter to quit
    assert "Ha det bra" in capsys.readouterr().out


# Switching in the tutor ------------------------------------------------------------------------


async def test_switching_language_changes_every_word_at_once(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "My plan" in footer_words(app)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        assert "Close" in footer_words(app)
        await pilot.press("down", "enter")  # English, then Norsk bokmål
        await pilot.pause()
        assert language() == "nb"
        assert str(app.screen.query_one("#settings-title", Static).render()) == "Innstillinger"
        assert "Nå snakker netsteps norsk" in str(
            app.screen.query_one("#settings-saved", Static).render())
        assert "Lukk" in footer_words(app) and "Close" not in footer_words(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        words = footer_words(app)
        assert {"Min plan", "Innstillinger", "Hjelp", "Ordliste"} <= set(words)
        assert not {"My plan", "Settings", "Help", "Glossary"} & set(words)
        screen_text = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "Velkommen til netsteps." in screen_text
        assert "Leksjonene dine" in screen_text
        assert "Welcome" not in screen_text and "Your lessons" not in screen_text
        await pilot.press("enter")  # the big button still has the focus and starts a lesson
        await pilot.pause()
        words = footer_words(app)
        assert "Leksjoner" in words and not {"Lessons", "Back", "Next"} & set(words)
    assert opened_store(home).settings["language"] == "nb"


async def test_choosing_a_theme_applies_and_saves_it(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "tab")
        assert app.screen.focused is not None and app.screen.focused.id == "themes"
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.theme == "high-contrast"
        await pilot.press("escape")
    assert opened_store(home).settings["theme"] == "high-contrast"
    again = make_app(home)
    async with again.run_test(size=(80, 24)):
        assert again.theme == "high-contrast"


# Switching in plain mode -----------------------------------------------------------------------


def test_plain_mode_switches_language_and_keeps_the_choice(home: Path) -> None:
    typed = iter(["s", "2", "p", "", "a"])
    out = io.StringIO()
    code = run_plain(opened_store(home), input_fn=lambda prompt: next(typed), output=out,
                     library=Library(home, builtin_dir=COURSE.parent, use_entry_points=False))
    text = out.getvalue()
    assert code == 0
    before, _, after = text.partition("Nå snakker netsteps norsk")
    assert "s: change the language" in before
    assert "Hva vil du gjøre?" in after and "a: avslutt" in after
    assert "Min handlingsplan" in after  # p still opens the plan
    assert after.rstrip().endswith("Alt er lagret. Ha det bra, og velkommen tilbake!")
    assert opened_store(home).settings["language"] == "nb"


def test_english_letters_keep_working_in_norwegian(home: Path) -> None:
    messages.set_language("nb")
    typed = iter(["1", "?", "t", "q"])
    out = io.StringIO()
    run_plain(opened_store(home), input_fn=lambda prompt: next(typed), output=out,
              library=Library(home, builtin_dir=COURSE.parent, use_entry_points=False))
    text = out.getvalue()
    assert "t   tilbake ett steg" in text  # the help teaches the Norwegian letters
    assert "Dette er det første steget" in text  # t went back, and there is nothing before
    assert text.rstrip().endswith("Ha det bra, og velkommen tilbake!")  # q quit all the same
