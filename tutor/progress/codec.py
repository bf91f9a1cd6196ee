"""Step records and settings as JSON text in the database, with dates that come back exactly.

JSON has no dates, so a date, a datetime or a time is stored as a one-key object naming its
type (``{"$datetime": "2024-05-17T09:30:12+02:00"}``); a real key that starts with ``$`` gets
one more ``$`` so it can never be mistaken for one. The text is written with sorted keys, so
the same record always gives the same text and comparing texts tells what changed.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time
from typing import Any

from tutor.text import clean

_TAGS: dict[str, Any] = {
    "$datetime": datetime.fromisoformat,
    "$date": date.fromisoformat,
    "$time": time.fromisoformat,
}


def encode(value: Any) -> str:
    """Deterministic JSON text for a TOML-able value; TypeError for anything else."""
    return json.dumps(_tag(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False)


def decode(text: str) -> Any:
    """The value ``encode`` wrote, with every string cleaned of terminal controls.

    The text may have been edited by hand or in a shared folder: a learner's stored words must
    never reach a terminal or an export with escape sequences or bidi overrides in them.
    ValueError if it is not such a value.
    """
    return _clean(json.loads(text, object_hook=_untag))


def _tag(value: Any) -> Any:
    if isinstance(value, bool | int | float | str) or value is None:
        return value
    if isinstance(value, datetime):  # before date: a datetime is a date too
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, time):
        return {"$time": value.isoformat()}
    if isinstance(value, dict):
        tagged = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"a key must be text, not {type(key).__name__}")
            tagged["$" + key if key.startswith("$") else key] = _tag(item)
        return tagged
    if isinstance(value, list | tuple):
        return [_tag(item) for item in value]
    raise TypeError(f"{type(value).__name__} cannot be stored")


def _untag(table: dict[str, Any]) -> Any:
    if len(table) == 1:
        [(key, value)] = table.items()
        parse = _TAGS.get(key)
        if parse is not None:
            if not isinstance(value, str):
                raise ValueError(f"{key} holds {type(value).__name__}, not text")
            return parse(value)
    return {key[1:] if key.startswith("$") else key: value for key, value in table.items()}


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {key: _clean(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_clean(item) for item in value]
    return value
