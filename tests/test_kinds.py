"""Every step kind is known everywhere it must be: a new kind cannot be half added."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import REPO
from tutor.kinds import KINDS, kind_of, record_type_for
from tutor.packs.loader import load_pack
from tutor.packs.starter import write_starter
from tutor.plain.steps import RENDERERS
from tutor.progress.model import step_from_dict
from tutor.ui.widgets.steps import VIEWS

NAMES = sorted(KINDS)


@pytest.mark.parametrize("name", NAMES)
def test_each_face_has_a_view_for_the_kind(name: str) -> None:
    assert name in VIEWS, f"the full-screen tutor has no view for '{name}' steps"
    assert name in RENDERERS, f"plain mode has no renderer for '{name}' steps"


@pytest.mark.parametrize("name", NAMES)
def test_the_kind_declares_itself_consistently(name: str) -> None:
    kind = KINDS[name]
    assert kind.name == name
    assert kind.step_type.kind == name and kind.record_type.kind == name
    assert kind.fields, "the docs table needs the kind's fields"


def test_the_starter_pack_shows_every_kind(tmp_path: Path) -> None:
    folder = tmp_path / "starter"
    write_starter(folder)
    pack = load_pack(folder)
    shown = {step.kind for lesson in pack.lessons for step in lesson.steps}
    assert shown == set(KINDS), f"missing from the starter pack: {set(KINDS) - shown}"
    for lesson in pack.lessons:
        for step in lesson.steps:
            assert kind_of(step) is KINDS[step.kind]


@pytest.mark.parametrize("name", NAMES)
def test_the_pack_format_documents_the_kind(name: str) -> None:
    text = (REPO / "docs" / "pack-format.md").read_text("utf-8")
    assert re.search(rf'kind = "{name}"', text), f"docs/pack-format.md has no '{name}' example"
    for field in KINDS[name].fields:
        assert f"`{field}`" in text, f"docs/pack-format.md does not explain `{field}`"


@pytest.mark.parametrize("name", NAMES)
def test_a_record_keeps_its_kind_through_the_store_table(name: str) -> None:
    record = KINDS[name].new_record()
    record.seen = True
    again = step_from_dict(record.to_dict())
    assert type(again) is type(record) and again == record


def test_a_record_saved_by_0_1_is_told_by_its_fields() -> None:
    assert record_type_for({"picked": [1], "attempts": 2}) is KINDS["choice"].record_type
    assert record_type_for({"text": "Mine"}) is KINDS["reflect"].record_type
    assert record_type_for({"ticked": [0]}) is KINDS["checklist"].record_type
    assert record_type_for({"actions": [{"text": "Do"}]}) is KINDS["commit"].record_type
    assert record_type_for({"rating": 3}) is KINDS["rate"].record_type
    old = step_from_dict({"seen": True, "picked": [0], "correct": True, "attempts": 1})
    assert old.to_dict() == {"kind": "choice", "seen": True, "picked": [0], "correct": True,
                             "attempts": 1, "first_correct": True}


def test_the_maintainers_guide_lists_every_table() -> None:
    guide = (REPO / "docs" / "adding-a-step-kind.md").read_text("utf-8")
    for table in ("KINDS", "VIEWS", "RENDERERS", "starter_pack", "pack-format.md"):
        assert table in guide
