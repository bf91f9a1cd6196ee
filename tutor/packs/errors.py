"""The one error type the pack code raises, carrying every problem found, not only the first."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a pack, said so that a course leader can find and fix it."""

    file: str
    where: str
    what: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.where}: " if self.where else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.file}: {where}{self.what}{hint}"


class PackError(Exception):
    """A pack could not be read or is not valid. ``problems`` lists everything found."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))

    @property
    def first(self) -> str:
        return str(self.problems[0]) if self.problems else ""
