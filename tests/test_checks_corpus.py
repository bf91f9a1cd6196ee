"""Recall and false alarms of the post checks on a corpus of realistic drafts.

The floors are set just under what the checks reach today, so a change that makes them miss
more or cry wolf more fails here; the README reports the figures.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from tutor.checks import CHECKS, check_post

CORPUS = Path(__file__).parent / "data" / "check_corpus.toml"
RECALL_FLOOR = 0.95  # share of expected findings that are found
FALSE_ALARM_CEILING = 0.05  # share of clean drafts with any finding


def load() -> list[tuple[str, set[str]]]:
    drafts = tomllib.loads(CORPUS.read_text("utf-8"))["draft"]
    return [(d["text"], set(d["expect"])) for d in drafts]


def test_the_corpus_is_big_and_balanced() -> None:
    drafts = load()
    flagged = [e for _, e in drafts if e]
    assert len(drafts) >= 80
    assert abs(len(flagged) - (len(drafts) - len(flagged))) <= len(drafts) // 10
    assert set().union(*flagged) == set(CHECKS)


def measure() -> tuple[float, float, list[str]]:
    expected = found = clean = alarms = 0
    notes = []
    for text, expect in load():
        got = {f.check for f in check_post(text)}
        if expect:
            expected += len(expect)
            found += len(expect & got)
            if expect - got:
                notes.append(f"missed {sorted(expect - got)}: {text}")
        if got - expect:
            notes.append(f"false alarm {sorted(got - expect)}: {text}")
        if not expect:
            clean += 1
            alarms += bool(got)
    return found / expected, alarms / clean, notes


def test_recall_and_false_alarms() -> None:
    recall, false_alarms, notes = measure()
    print(f"recall {recall:.1%}, false alarms {false_alarms:.1%}")
    assert recall >= RECALL_FLOOR, notes
    assert false_alarms <= FALSE_ALARM_CEILING, notes
