"""A terminal that is not UTF-8: plain ASCII stand-ins instead of "?", and plain mode instead of
a full screen drawn in ``\\u2594`` text."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.test_plain import Answers
from tutor.messages import t
from tutor.packs.library import Library
from tutor.plain import run_plain
from tutor.plain.encoding import limited_charset, stand_in
from tutor.progress.store import ProgressStore


class Console(io.TextIOWrapper):
    """A terminal's output in some encoding, as Python opens it."""

    def __init__(self, encoding: str, *, tty: bool = True) -> None:
        super().__init__(io.BytesIO(), encoding=encoding, errors="strict", write_through=True)
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty

    def text(self) -> str:
        data = self.buffer.getvalue()  # type: ignore[attr-defined]
        assert isinstance(data, bytes)
        return data.decode(self.encoding)


class Keyboard(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def utf8_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_CTYPE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")


def test_ascii_stand_ins_for_quotes_dashes_arrows_ticks_and_dots() -> None:
    text = "“Hi” – it’s → done ✓ … ½ café Ærøskøbing 5 €"
    assert stand_in(text, "ascii") == "\"Hi\" - it's -> done x ... 1/2 cafe Aeroeskoebing 5 EUR"


def test_latin_1_keeps_its_own_letters_and_replaces_the_rest() -> None:
    assert stand_in("“café” — Ærø", "iso8859-1") == "\"café\" - Ærø"


def test_text_the_charset_holds_is_left_as_it_is() -> None:
    assert stand_in("plain words", "ascii") == "plain words"
    assert stand_in("“Hi”", "utf-8") == "“Hi”"


def test_which_outputs_are_limited(monkeypatch: pytest.MonkeyPatch, utf8_locale: None) -> None:
    assert limited_charset(io.StringIO()) is None
    assert limited_charset(Console("utf-8")) is None
    assert limited_charset(Console("ascii")) == "ascii"
    assert limited_charset(Console("latin-1")) == "iso8859-1"
    monkeypatch.setenv("LANG", "C")  # Python writes UTF-8 here, but the terminal is ASCII
    assert limited_charset(Console("utf-8")) == "ascii"
    assert limited_charset(Console("utf-8", tty=False)) is None  # a file takes UTF-8 well
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    assert limited_charset(Console("utf-8")) is None
    monkeypatch.setenv("LC_ALL", "nb_NO.ISO-8859-1")
    assert limited_charset(Console("utf-8")) == "ascii"


def test_plain_mode_on_an_ascii_terminal_writes_straight_quotes_not_question_marks(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.get_terminal_size", lambda *a: os.terminal_size((200, 24)))
    store = ProgressStore(tmp_path)
    store.load()
    library = Library(tmp_path, builtin_dir=REPO / "lessons", use_entry_points=False).load()
    out = Console("ascii")
    code = run_plain(store, input_fn=Answers(["x", "4", "", "", "m", "q"]), output=out,
                     library=library)

    assert code == 0
    text = out.text()
    assert text.isascii()
    assert t("plain.menu_unknown", text="x").replace("“", '"').replace("”", '"') in text
    assert "?" not in text.replace("? ", "").replace("?\n", "").replace("?)", "")
    assert "Everything is saved. Goodbye" in text


def test_the_full_screen_falls_back_to_plain_mode_and_says_why(
        home: Path, monkeypatch: pytest.MonkeyPatch, utf8_locale: None) -> None:
    from tutor import cli
    from tutor.ui import app

    def no_full_screen(*args: object, **kwargs: object) -> None:
        raise AssertionError("the full screen was started on an ASCII terminal")

    out = Console("ascii")
    monkeypatch.setattr("shutil.get_terminal_size", lambda *a: os.terminal_size((200, 24)))
    monkeypatch.setattr(app, "NetstepsApp", no_full_screen)
    monkeypatch.setattr("sys.stdout", out)
    monkeypatch.setattr("sys.stdin", Keyboard("q\n"))
    monkeypatch.delenv("TERM", raising=False)

    assert cli.main([]) == 0
    lines = out.text().splitlines()
    assert lines[0].startswith("This terminal cannot show every letter (ascii)")
    assert "plain mode" in lines[0]
    assert t("home.welcome") in lines
    assert out.text().isascii()


def test_a_utf_8_terminal_still_gets_the_full_screen(
        home: Path, monkeypatch: pytest.MonkeyPatch, utf8_locale: None) -> None:
    from tutor import cli
    from tutor.ui import app

    started: list[bool] = []

    class FullScreen:
        return_code = 0

        def __init__(self, **kwargs: object) -> None:
            started.append(True)

        def run(self) -> None:
            pass

    monkeypatch.setattr(app, "NetstepsApp", FullScreen)
    monkeypatch.setattr("sys.stdout", Console("utf-8"))
    monkeypatch.setattr("sys.stdin", Keyboard(""))
    monkeypatch.setenv("TERM", "xterm-256color")

    assert cli.main([]) == 0
    assert started == [True]
