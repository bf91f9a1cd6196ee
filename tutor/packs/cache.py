"""A checked copy of the built-in course, so starting netsteps does not read and check the same
shipped files every time: the check runs once per version of the files.

The copy is plain JSON in the user's cache folder (``NETSTEPS_CACHE`` moves it). It holds no
learner data. It is used only when its key matches the netsteps version and the size and time of
every file of the course; anything odd in it, and the course is read and checked again.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import json
import os
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

from tutor import __version__
from tutor.kinds import KINDS
from tutor.kinds.base import Step
from tutor.kinds.choice import Option
from tutor.packs.model import Lesson, Pack, Term

ENV_CACHE = "NETSTEPS_CACHE"


def cache_dir() -> Path:
    override = os.environ.get(ENV_CACHE, "").strip()
    if override:
        return Path(override).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("netsteps", appauthor=False))


def _key(folder: Path) -> str:
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(folder.iterdir()):
        info = path.stat()
        digest.update(f"\0{path.name}\0{info.st_size}\0{info.st_mtime_ns}".encode())
    return digest.hexdigest()[:24]


def _path(folder: Path) -> Path:
    return cache_dir() / "builtin" / f"{folder.name}@{_key(folder)}.json"


def load_cached(folder: Path) -> Pack | None:
    """The course as checked before, or None when there is no fitting copy."""
    try:
        data = json.loads(_path(folder).read_text("utf-8"))
        pack = _pack(data)
    except Exception:  # a missing, old or damaged copy: read the course instead
        return None
    return pack if pack.source == folder else None


def save_cached(folder: Path, pack: Pack) -> None:
    """Keep the checked course for next time; a cache that cannot be written is no problem."""
    with contextlib.suppress(Exception):
        path = _path(folder)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        for old in path.parent.glob(f"{glob.escape(folder.name)}@*.json"):  # older copies
            old.unlink(missing_ok=True)
        temp = path.with_suffix(".tmp")
        temp.write_text(json.dumps(_plain(pack), ensure_ascii=False), "utf-8")
        os.replace(temp, path)


def forget_all() -> None:
    """Remove every checked copy (with ``data delete``: netsteps wrote them)."""
    import shutil

    shutil.rmtree(cache_dir() / "builtin", ignore_errors=True)
    with contextlib.suppress(OSError):
        cache_dir().rmdir()  # only when nothing else is in it


def _plain(value: Any) -> Any:
    if isinstance(value, Step):
        return {"kind": value.kind, **{f.name: _plain(getattr(value, f.name))
                                       for f in fields(value)}}
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, Path):
        return str(value)
    return value


def _tuples(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _step(data: dict[str, Any]) -> Step:
    kind = KINDS[data.pop("kind")]
    if "options" in data:
        data["options"] = tuple(Option(**option) for option in data["options"])
    step: Step = kind.step_type(**{name: _tuples(value) for name, value in data.items()})
    return step


def _pack(data: dict[str, Any]) -> Pack:
    lessons = tuple(
        Lesson(**{**{k: _tuples(v) for k, v in lesson.items() if k != "steps"},
                  "steps": tuple(_step(step) for step in lesson["steps"])})
        for lesson in data.pop("lessons"))
    glossary = tuple(Term(**{k: _tuples(v) for k, v in term.items()})
                     for term in data.pop("glossary"))
    source = data.pop("source")
    return Pack(**{k: _tuples(v) for k, v in data.items()}, lessons=lessons, glossary=glossary,
                source=Path(source) if source else None)
