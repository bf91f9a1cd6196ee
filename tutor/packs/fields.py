"""Reading the fields of one TOML table of a pack, noting every problem a course leader made.

The loader reads the pack's own tables with it, and each step kind reads its fields with it
(``Kind.parse``), so every problem comes out as the same ``file: where: what is wrong`` line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from tutor.packs.errors import Problem
from tutor.text import clean, clean_line

ID_PATTERN = re.compile(r"\A[a-z0-9][a-z0-9_-]{0,63}\Z")
ID_RULE = "use only lowercase letters, digits, - and _, starting with a letter or digit"
MAX_TEXT = 20_000

T = TypeVar("T")


def _type_name(value: object) -> str:
    names = {bool: "true/false", int: "a number", float: "a number", str: "text",
             list: "a list", dict: "a table"}
    return names.get(type(value), "a date")


class Fields:
    """Reads the fields of one TOML table, noting every problem and every unknown field.

    Step kinds read their own fields with it (``Kind.parse``).
    """

    def __init__(
        self, file: str, where: str, table: Mapping[str, Any], problems: list[Problem]
    ) -> None:
        self.file = file
        self.where = where
        self.table = table
        self.problems = problems
        self.used: set[str] = set()

    def path(self, name: str) -> str:
        return f"{self.where}.{name}" if self.where else name

    def problem(self, name: str, what: str, hint: str = "") -> None:
        self.problems.append(Problem(self.file, self.path(name), what, hint))

    def child(self, where: str, table: Mapping[str, Any]) -> Fields:
        """The fields of a table inside this one (an option of a question, say)."""
        return Fields(self.file, where, table, self.problems)

    def get(self, name: str, kind: type[T] | tuple[type, ...], required: bool,
            expected: str) -> T | None:
        self.used.add(name)
        if name not in self.table:
            if required:
                self.problem(name, f"this field is missing; it should be {expected}")
            return None
        value = self.table[name]
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            self.problem(name, f"this should be {expected}, not {_type_name(value)}")
            return None
        return value  # type: ignore[return-value]

    def text(self, name: str, *, required: bool = True, one_line: bool = False) -> str:
        value = self.get(name, str, required, "text in quotes")
        if value is None:
            return ""
        if len(value) > MAX_TEXT:
            self.problem(name, f"this text is {len(value)} characters long; the most is "
                         f"{MAX_TEXT}", "split it over several steps")
            return ""
        cleaned = clean_line(value) if one_line else clean(value).strip()
        if not cleaned:
            if required:
                self.problem(name, "this text is empty")
            return ""
        return cleaned

    def line(self, name: str, *, required: bool = True) -> str:
        return self.text(name, required=required, one_line=True)

    def identifier(self, name: str, *, required: bool = True) -> str:
        value = self.get(name, str, required, "an id in quotes, such as \"my-lesson\"")
        if value is None:
            return ""
        if not ID_PATTERN.match(value):
            # Hidden characters (a newline, a tab) are shown as escapes, so the author sees them.
            shown = clean_line(value.encode("unicode_escape").decode("ascii"))[:70]
            self.problem(name, f"'{shown}' is not a valid id", ID_RULE + ", at most 64")
            return ""
        return value

    def boolean(self, name: str, default: bool = False) -> bool:
        value = self.get(name, bool, False, "true or false")
        return default if value is None else value

    def integer(self, name: str, low: int, high: int, *, required: bool = True) -> int | None:
        value = self.get(name, int, required, f"a whole number from {low} to {high}")
        if value is None:
            return None
        if not low <= value <= high:
            self.problem(name, f"{value if abs(value) < 10**9 else 'this number'} is out of "
                         f"range; use a whole number from {low} to {high}")
            return None
        return value

    def lines(self, name: str, low: int, high: int, *, required: bool = True) -> tuple[str, ...]:
        items = self.get(name, list, required, "a list of texts, such as [\"…\", \"…\"]")
        if items is None:
            return ()
        return tuple(self.each(name, items, low, high, self._line_item))

    def _line_item(self, where: str, value: object) -> str | None:
        if not isinstance(value, str):
            self.problems.append(Problem(self.file, where, f"this should be text in quotes, "
                                         f"not {_type_name(value)}"))
            return None
        cleaned = clean_line(value)
        if not cleaned:
            self.problems.append(Problem(self.file, where, "this text is empty"))
            return None
        if len(cleaned) > MAX_TEXT:
            self.problems.append(Problem(self.file, where, "this text is too long"))
            return None
        return cleaned

    def each(self, name: str, items: list[Any], low: int, high: int,
             read: Callable[[str, Any], T | None]) -> list[T]:
        if not low <= len(items) <= high:
            amount = f"from {low} to {high}" if high > low else str(low)
            self.problem(name, f"there are {len(items)} here; there should be {amount}")
        results = []
        for number, item in enumerate(items[:high], start=1):
            result = read(f"{self.path(name)}[{number}]", item)
            if result is not None:
                results.append(result)
        return results

    def finish(self) -> None:
        for name in self.table:
            if name not in self.used:
                self.problem(str(clean_line(str(name)))[:60], "this field is not known here",
                             "check the spelling; docs/pack-format.md lists the fields")
