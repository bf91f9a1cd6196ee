"""`netsteps --help` explains every command and option, and global options work anywhere."""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path

import pytest

from tutor.cli import build_parser, main

Capture = pytest.CaptureFixture[str]
GLOBAL_OPTIONS = ("--lang", "--pack", "--plain")


def commands(parser: argparse.ArgumentParser,
             words: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Every command and sub-command with the words that reach it, such as ("pack", "new")."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.append(((*words, name), sub))
                found.extend(commands(sub, (*words, name)))
    return found


def leaves() -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """The commands that do something (not the `pack` and `data` groups)."""
    return [(words, sub) for words, sub in commands(build_parser())
            if sub.get_default("handler") is not None]


PARSER = build_parser()
ALL = commands(PARSER)
LEAVES = leaves()
NAMES = [" ".join(words) for words, _ in ALL]


def test_the_parser_has_the_commands_of_the_contract() -> None:
    assert {"lessons", "plan", "summary", "pack new", "pack check", "pack build", "pack install",
            "pack list", "pack remove", "data path", "data export", "data delete"} \
        <= {" ".join(words) for words, _ in LEAVES}


@pytest.mark.parametrize(("words", "sub"), [((), PARSER), *ALL], ids=["netsteps", *NAMES])
def test_every_argument_says_what_it_is(words: tuple[str, ...],
                                        sub: argparse.ArgumentParser) -> None:
    silent = [action.option_strings or action.dest for action in sub._actions
              if not isinstance(action, argparse._SubParsersAction)  # its commands, below
              and not (action.help and action.help.strip())]
    assert silent == [], f"netsteps {' '.join(words)}: no help for {silent}"
    for action in sub._actions:
        if isinstance(action, argparse._SubParsersAction):
            listed = {choice.dest: choice.help for choice in action._choices_actions}
            assert all(text and text.strip() for text in listed.values()), listed


@pytest.mark.parametrize(("words", "sub"), ALL, ids=NAMES)
def test_every_command_has_a_description_and_an_example_that_works(
        words: tuple[str, ...], sub: argparse.ArgumentParser) -> None:
    assert sub.description and len(sub.description.strip()) > 20
    assert sub.epilog and "Example:" in sub.epilog
    examples = [line.strip() for line in sub.epilog.splitlines()
                if line.strip().startswith("netsteps ")]
    assert examples, sub.epilog
    for example in examples:
        argv = shlex.split(example)[1:]
        assert argv[: len(words)] == list(words), example
        parsed = build_parser().parse_args(argv)  # an example that is bad usage exits here
        assert getattr(parsed, "handler", None) is not None, example


@pytest.mark.parametrize("argv", [["pack", "build", "--help"], ["data", "export", "--help"],
                                  ["summary", "--help"], ["pack", "--help"]])
def test_help_on_screen_shows_the_example_on_its_own_line(argv: list[str],
                                                          capsys: Capture) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "\nExample:\n  netsteps " + " ".join(argv[:-1]) in out
    assert "usage: netsteps " in out


def test_build_help_names_its_arguments(capsys: Capture) -> None:
    with pytest.raises(SystemExit):
        main(["pack", "build", "--help"])
    out = capsys.readouterr().out
    lines = out.splitlines()
    dir_line = lines[lines.index("positional arguments:") + 1]
    assert dir_line.split()[0] == "DIR" and len(dir_line.split()) > 3  # DIR, then what it is
    assert ".zip is added" in out


@pytest.mark.parametrize(("words", "sub"), LEAVES, ids=[" ".join(w) for w, _ in LEAVES])
def test_global_options_work_after_any_command(words: tuple[str, ...],
                                               sub: argparse.ArgumentParser) -> None:
    needed = {"pack new": ["DIR"], "pack check": ["PATH"], "pack build": ["DIR"],
              "pack install": ["PATH"], "pack remove": ["ID"], "data export": ["FILE"],
              "summary": ["--export", "FILE"]}.get(" ".join(words), [])
    argv = [*words, *needed]
    after = build_parser().parse_args([*argv, "--lang", "nb", "--plain", "--pack", "p"])
    assert (after.lang, after.plain, after.pack) == ("nb", True, Path("p"))
    before = build_parser().parse_args(["--lang", "nb", "--plain", *argv])
    assert (before.lang, before.plain) == ("nb", True)  # not reset by the command's defaults
    neither = build_parser().parse_args(argv)
    assert (neither.lang, neither.plain, neither.pack) == (None, False, None)
    again = build_parser().parse_args(["--lang", "en", *argv, "--lang", "nb"])
    assert again.lang == "nb"  # the later one counts, as with any repeated option


def test_lessons_with_the_language_after_the_command_is_not_a_usage_error(
        home: Path, capsys: Capture) -> None:
    assert main(["lessons", "--lang", "nb"]) == 0
    assert "usage:" not in capsys.readouterr().err


def test_a_language_we_do_not_have_is_still_a_usage_error_after_the_command(
        home: Path, capsys: Capture) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["lessons", "--lang", "xx"])
    assert exit_.value.code == 2
    assert "invalid choice: 'xx'" in capsys.readouterr().err
