"""Plain mode: the tutor as plain lines of text, for screen readers and simple terminals.

No colour, no cursor movement, no boxes: each step is written as lines, and the learner answers
a numbered prompt by typing and pressing Enter. The lesson itself is driven by the same
:class:`~tutor.session.LessonSession` the Textual screens use, so both modes behave alike and
every change is saved at once.

The package is shaped like the full-screen face: ``tutor.py`` puts the parts together, ``menu``
is the list of lessons, ``lesson`` takes one lesson, ``steps`` holds one renderer per step kind
(found in ``RENDERERS`` by kind), ``prompt`` reads answers, ``writer`` writes lines, ``markdown``
turns a page into words to listen to, and ``encoding`` copes with terminals that are not UTF-8.

End of input (Ctrl+D, or piped answers running out) saves and exits 0; Ctrl+C saves and exits
130. No traceback ever reaches the learner.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from tutor.messages import t
from tutor.plain.writer import Writer, detach_stdout

if TYPE_CHECKING:
    from tutor.packs.library import Broken, Library
    from tutor.progress.store import ProgressStore

__all__ = ["run_plain"]


def run_plain(
    store: ProgressStore,
    preview: Path | None = None,
    *,
    input_fn: Callable[[str], str] = input,
    output: TextIO | None = None,
    library: Library | None = None,
    data_dir: Path | None = None,
) -> int:
    """Run the tutor line by line; returns the exit code (0, 1 on a problem, 130 on Ctrl+C).

    ``output`` defaults to ``sys.stdout`` as it is when called. With ``preview``, only that pack
    is shown and the answers go to a temporary store that is deleted at the end.
    """
    # Imported here, so that the full screen can ask tutor.plain.encoding without loading them.
    from tutor.packs.errors import PackError
    from tutor.packs.library import Library
    from tutor.plain.tutor import PlainTutor
    from tutor.progress.store import ProgressStore

    out = output if output is not None else sys.stdout
    writer = Writer(out)
    try:
        with contextlib.ExitStack() as stack:
            broken: list[Broken] = []
            if preview is not None:
                from tutor.packs.loader import load_pack

                try:
                    packs = [load_pack(preview)]
                except PackError as error:
                    writer.line(t("home.preview_problems", count=len(error.problems),
                                  problems="\n".join(str(p) for p in error.problems)))
                    return 1
                home = stack.enter_context(tempfile.TemporaryDirectory(prefix="netsteps-preview-"))
                store = ProgressStore(Path(home))
                store.load()
            else:
                if library is None:
                    from tutor.paths import data_dir as default_data_dir

                    library = Library(data_dir or default_data_dir()).load()
                elif not library.packs and not library.broken:
                    library.load()
                packs, broken = list(library.packs), list(library.broken)
            tutor = PlainTutor(store, packs, writer, input_fn, preview=preview is not None)
            return tutor.run(broken)
    except KeyboardInterrupt:  # while loading, before the tutor could catch it
        writer.newline_quietly()
        return 130
    except BrokenPipeError:
        detach_stdout(out)
        return 0
