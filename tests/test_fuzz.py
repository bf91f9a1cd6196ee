"""Property tests: whatever the bytes or the TOML, the pack code answers with a Pack or a
PackError, and never with any other exception."""

from __future__ import annotations

import dataclasses
import io
import tempfile
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tutor.packs.errors import PackError
from tutor.packs.loader import parse_pack
from tutor.packs.model import Pack
from tutor.packs.source import PackFiles, read_pack_files
from tutor.text import is_clean

FUZZ = settings(max_examples=200, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

PACK = (b'format = 1\nid = "demo"\ntitle = "Demo"\nlanguage = "en"\nversion = "1.0"\n'
        b'authors = ["A"]\ndescription = "D"\n')
LESSON = (b'id = "one"\ntitle = "One"\nsummary = "S"\nminutes = 5\nobjectives = ["O"]\n'
          b'[[steps]]\nkind = "read"\nbody = "B"\n')

FIELDS = [
    "format", "id", "title", "language", "version", "authors", "description", "min_netsteps",
    "summary", "minutes", "objectives", "steps", "kind", "body", "prompt", "options", "text",
    "correct", "feedback", "multiple", "plan", "hint", "items", "actions", "statement", "terms",
    "term", "meaning", "also",
]
KINDS = ["read", "choice", "reflect", "checklist", "commit", "rate", "practice", "", "READ"]


def _outcome(files: dict[str, bytes]) -> Pack | PackError:
    try:
        pack = parse_pack(files)
    except PackError as error:
        assert error.problems
        for problem in error.problems:
            assert "\n" not in str(problem)
        return error
    return pack


def _record(result: Pack | PackError) -> None:
    event("accepted" if isinstance(result, Pack) else "refused")
    if isinstance(result, Pack):
        _check_pack(result)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [s for f in dataclasses.fields(value) for s in _strings(getattr(value, f.name))]
    if isinstance(value, tuple):
        return [s for item in value for s in _strings(item)]
    return []


def _check_pack(pack: Pack) -> None:
    """An accepted pack holds only clean text, within the limits."""
    assert all(is_clean(text) for text in _strings(pack))
    assert pack.lessons
    for lesson in pack.lessons:
        assert 1 <= len(lesson.steps) <= 200


# (1) any bytes at all -------------------------------------------------------------------------


def _bytes_like_toml() -> st.SearchStrategy[bytes]:
    pieces = st.sampled_from([
        b"=", b'"', b"'", b"[", b"]", b"[[", b"]]", b"{", b"}", b",", b".", b"\n", b"#",
        b'"""', b"\\", b"\\u", b"\xef\xbb\xbf", b"\xff", b"\xc0\xaf", b"\x00", b"\x1b[2J",
        b"1e999", b"nan", b"99999999999999999999", b"1979-05-27", b"true", b"steps",
        b"kind", b"read", b"id", b"body",
    ])
    return st.one_of(
        st.binary(max_size=400),
        st.lists(pieces, max_size=60).map(b"".join),
        st.tuples(st.sampled_from([PACK, LESSON]), st.binary(max_size=40),
                  st.integers(0, 200)).map(lambda t: t[0][: t[2]] + t[1] + t[0][t[2]:]),
    )


@FUZZ
@given(pack=_bytes_like_toml(), lesson=_bytes_like_toml())
def test_any_bytes_give_a_pack_or_a_pack_error(pack: bytes, lesson: bytes) -> None:
    _record(_outcome({"pack.toml": pack, "01.toml": lesson}))


# (2) any TOML document, with the real field names ------------------------------------------

_keys = st.one_of(st.sampled_from(FIELDS), st.text(max_size=12))
_scalars = st.one_of(
    st.text(max_size=40),
    st.sampled_from(KINDS),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([0, 1, 5, 120, 121, 200, 201, -1, 10**1000]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
)
_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.dictionaries(_keys, inner, max_size=5),
    ),
    max_leaves=25,
)
_tables = st.dictionaries(_keys, _values, max_size=8)
_changes = st.dictionaries(_keys, _values, max_size=3)

VALID_STEPS: list[dict[str, Any]] = [
    {"kind": "read", "title": "T", "body": "B"},
    {"kind": "choice", "prompt": "P", "multiple": False, "options": [
        {"text": "A", "correct": True, "feedback": "F"},
        {"text": "B", "correct": False, "feedback": "G"},
    ]},
    {"kind": "reflect", "prompt": "P", "plan": True, "hint": "H"},
    {"kind": "checklist", "prompt": "P", "items": ["I"]},
    {"kind": "commit", "prompt": "P", "actions": ["A"]},
    {"kind": "rate", "statement": "S"},
]
HEAD: dict[str, Any] = tomllib.loads(PACK.decode())
BODY: dict[str, Any] = tomllib.loads(LESSON.decode())
GLOSSARY: dict[str, Any] = {"terms": [{"term": "T", "meaning": "M", "also": ["U"]}]}


def _changed(base: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    """``base`` with a few fields dropped, and a few set to anything at all."""
    return st.tuples(st.lists(st.sampled_from(sorted(base)), max_size=2), _changes).map(
        lambda change: {**{k: v for k, v in base.items() if k not in change[0]}, **change[1]})


_steps = st.lists(st.sampled_from(range(len(VALID_STEPS))).flatmap(
    lambda n: st.one_of(st.just(VALID_STEPS[n]), _changed(VALID_STEPS[n]))), max_size=4)


def _dump(document: dict[str, Any]) -> bytes:
    return tomli_w.dumps(document).encode()


@FUZZ
@given(
    head=st.one_of(_changed(HEAD), _tables, st.just(HEAD)),
    lesson=st.one_of(_changed(BODY), _tables, st.just(BODY)),
    steps=_steps,
    glossary=st.one_of(st.none(), st.just(GLOSSARY), _changed(GLOSSARY), _tables),
)
def test_any_toml_gives_a_pack_or_a_pack_error(
    head: dict[str, Any], lesson: dict[str, Any], steps: list[dict[str, Any]],
    glossary: dict[str, Any] | None,
) -> None:
    if steps:
        lesson = {**lesson, "steps": steps}
    files = {"pack.toml": _dump(head), "01.toml": _dump(lesson)}
    if glossary is not None:
        files["glossary.toml"] = _dump(glossary)
    _record(_outcome(files))


def test_the_toml_strategy_can_reach_a_valid_pack() -> None:
    """The strategy above starts from a valid pack, so it tests more than the first check."""
    files = {"pack.toml": _dump(HEAD), "01.toml": _dump({**BODY, "steps": VALID_STEPS}),
             "glossary.toml": _dump(GLOSSARY)}
    assert isinstance(_outcome(files), Pack)


# (3) any bytes as a .zip -------------------------------------------------------------------


def _valid_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("pack.toml", PACK)
        archive.writestr("01.toml", LESSON)
        archive.writestr("notes/readme.txt", b"x" * 300)
    return buffer.getvalue()


VALID_ZIP = _valid_zip()


@st.composite
def _damaged_zips(draw: st.DrawFn) -> bytes:
    data = bytearray(VALID_ZIP)
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data) - 1))
        data[at] = draw(st.integers(0, 255))
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + data[cut + draw(st.integers(0, 40)):]
    return bytes(data)


_zip_bytes = st.one_of(
    st.binary(max_size=600),
    st.binary(max_size=200).map(lambda tail: b"PK\x03\x04" + tail),
    st.binary(max_size=100).map(lambda head: head + VALID_ZIP),
    _damaged_zips(),
)


@FUZZ
@given(data=_zip_bytes)
def test_any_bytes_as_a_zip_give_files_or_a_pack_error(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pack.zip"
        path.write_bytes(data)
        try:
            files = read_pack_files(path)
        except PackError as error:
            event("zip refused")
            assert error.problems
            for problem in error.problems:
                assert "\n" not in str(problem)
            return
    event("zip read")
    assert isinstance(files, PackFiles) and files.is_zip
    assert all(name.endswith(".toml") and "/" not in name for name in files.files)
    _record(_outcome(dict(files.files)))
