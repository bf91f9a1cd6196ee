"""A quick look at a pack before it is read and checked in full: the lesson titles only, so a
course leader previewing a very large pack sees its lessons at once while the check goes on."""

from __future__ import annotations

import re
from collections.abc import Mapping

from tutor.packs.loader import NOT_LESSONS
from tutor.text import clean_line

# The first `title = "…"` of a lesson file; a plain string is enough for a look (the full read
# comes next). Bounded, so no file can make it slow.
_TITLE = re.compile(rb'^[ \t]*title[ \t]*=[ \t]*"([^"\\\r\n]{1,200})"', re.MULTILINE)
LARGE = 300
"""From this many lesson files on, a preview is read in the background after a first look."""


def lesson_files(files: Mapping[str, bytes]) -> list[str]:
    return sorted(name for name in files if name not in NOT_LESSONS)


def titles(files: Mapping[str, bytes]) -> list[str]:
    """Each lesson file's title as written (cleaned), or its file name when none is found."""
    found = []
    for name in lesson_files(files):
        match = _TITLE.search(files[name], 0, 20_000)
        text = match.group(1).decode("utf-8", "replace") if match else name
        found.append(clean_line(text) or name)
    return found
