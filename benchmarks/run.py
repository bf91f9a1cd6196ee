"""Measure netsteps against baselines taken in the same run, and print one table.

Run from the repository root:

    python benchmarks/run.py            # full run (a few minutes at most)
    python benchmarks/run.py --quick    # fewer repetitions
    python benchmarks/run.py --check    # exit 1 when a target is missed (default: always 0)

Every figure is a median, and every figure has a baseline measured in the same run, with the
repetitions of the two interleaved, so a busy or slow machine moves both. benchmarks/README.md
says what each figure means and why its target is what it is.

netsteps is started as ``sys.executable -m tutor`` from the repository root with the root on
PYTHONPATH, so the figures are for the working tree as it is now, whatever is installed.
Uses only the standard library and the project's own dependencies.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = Path(__file__).resolve().parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # the in-process figures use the working tree too

COLUMNS, LINES = 100, 30
# The complete home screen: the first lesson's title in the list, and the footer's "Quit".
NETSTEPS_MARKER = ("Why be there at all?", "Quit")
BARE_MARKER = ("ready-marker", "Quit")  # benchmarks/bare_app.py: its text and its footer
PTY_TIMEOUT = 30.0

# Escape sequences a terminal acts on (CSI, OSC, and two-character ESC codes): removed before
# looking for a marker, so only the text a person would see on screen is searched.
_ESCAPES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: cursor moves, colours, modes
    rb"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: titles, colour queries
    rb"|\x1b[PX^_][^\x1b]*\x1b\\"  # DCS and other strings
    rb"|\x1b[^\[\]PX^_]"  # two-character codes
)


@dataclass(frozen=True)
class Settings:
    pty_runs: int
    version_runs: int
    load_runs: int
    cli_runs: int
    saves: int
    lessons: int
    bytecode_cache: bool


FULL = dict(pty_runs=7, version_runs=15, load_runs=5, cli_runs=3, saves=200)
QUICK = dict(pty_runs=3, version_runs=5, load_runs=2, cli_runs=1, saves=50)


@dataclass
class Figure:
    """One row of the table: a median against its baseline's median, and the target."""

    name: str
    baseline_name: str
    target: str = "-"
    max_ratio: float | None = None  # target: median / baseline at most this
    max_seconds: float | None = None  # target: median under this
    median: float | None = None
    baseline: float | None = None
    runs: int = 0
    error: str = ""

    @property
    def ratio(self) -> float | None:
        if self.median is None or not self.baseline:
            return None
        return self.median / self.baseline

    @property
    def has_target(self) -> bool:
        return self.max_ratio is not None or self.max_seconds is not None

    @property
    def result(self) -> str:
        if self.error:
            return "FAILED"
        if not self.has_target:
            return "(reference)"
        ok = True
        if self.max_ratio is not None:
            ok = ok and self.ratio is not None and self.ratio <= self.max_ratio
        if self.max_seconds is not None:
            ok = ok and self.median is not None and self.median < self.max_seconds
        return "ok" if ok else "MISSED"


class BenchError(Exception):
    """A measurement could not be taken; the message says what was seen."""


def note(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# The environment every child process gets -------------------------------------------------------


def child_env(cache: Path | None, home: Path | None = None) -> dict[str, str]:
    """The caller's environment, made repeatable: English, a 100x30 xterm, our bytecode policy."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("TEXTUAL") and key not in ("PYTHONDONTWRITEBYTECODE",
                                                         "PYTHONPYCACHEPREFIX", "NO_COLOR")
    }
    python_path = env.get("PYTHONPATH")
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + python_path if python_path else "")
    if cache is None:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        env["PYTHONPYCACHEPREFIX"] = str(cache)
        # The checked copy of the built-in course lives beside the bytecode, warmed the same way.
        env["NETSTEPS_CACHE"] = str(cache / "netsteps-cache")
    env.update(
        TERM="xterm-256color",
        COLUMNS=str(COLUMNS),
        LINES=str(LINES),
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
    )
    env.pop("LC_MESSAGES", None)
    if home is not None:
        env["NETSTEPS_HOME"] = str(home)
    return env


@contextlib.contextmanager
def fresh_dir(prefix: str) -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def timed(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


# 1. Time until the home screen is painted, in a pseudo-terminal ---------------------------------


def screen_text(raw: bytes) -> str:
    return _ESCAPES.sub(b"", raw).decode("utf-8", "replace")


class Terminal:
    """A program under a pty that the benchmark types into and reads from."""

    def __init__(self, argv: Sequence[str], env: dict[str, str]) -> None:
        import fcntl
        import pty
        import struct
        import termios

        self.pid, self.master = pty.fork()
        if self.pid == 0:
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
                os.chdir(ROOT)
                os.execve(argv[0], list(argv), env)
            finally:
                os._exit(127)
        self.raw = bytearray()

    def send(self, keys: bytes) -> float:
        """Type ``keys``; returns the moment they were sent. Later output is what counts."""
        self.raw.clear()
        os.write(self.master, keys)
        return time.perf_counter()

    def wait_for(self, marker: str, timeout: float = PTY_TIMEOUT) -> float:
        """The moment ``marker`` is on screen (in what came since the last key sent)."""
        import select

        wanted = marker.encode()
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            ready, _, _ = select.select([self.master], [], [], end - time.perf_counter())
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                break
            self.raw += chunk
            if wanted in _ESCAPES.sub(b"", bytes(self.raw)):
                return time.perf_counter()
        tail = " ".join(screen_text(bytes(self.raw)).split())[-200:]
        raise BenchError(f"'{marker}' never appeared; the screen ended with: {tail or '-'}")

    def close(self) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)
        os.close(self.master)


def time_to_marker(argv: Sequence[str], markers: Sequence[str], env: dict[str, str]) -> float:
    """Start ``argv`` under a new pty; seconds from the fork until every marker is on screen."""
    start = time.perf_counter()
    terminal = Terminal(argv, env)
    try:
        return max(terminal.wait_for(marker) for marker in markers) - start
    finally:
        terminal.close()


def bench_home_screen(settings: Settings, cache: Path | None) -> list[Figure]:
    figure = Figure("home screen painted (pty)", "bare Textual app",
                    target="ratio <= 1.2", max_ratio=1.2)
    if os.name != "posix":
        figure.error = "needs a POSIX pseudo-terminal"
        return [figure]
    apps = {
        "netsteps": ([sys.executable, "-m", "tutor"], NETSTEPS_MARKER),
        "bare": ([sys.executable, str(BENCH_DIR / "bare_app.py")], BARE_MARKER),
    }

    def once(name: str) -> float:
        argv, marker = apps[name]
        with fresh_dir("netsteps-bench-home-") as home:
            return time_to_marker(argv, marker, child_env(cache, home))

    times: dict[str, list[float]] = {"netsteps": [], "bare": []}
    try:
        once("netsteps"), once("bare")  # untimed: fills the bytecode cache and the disk cache
        for number in range(settings.pty_runs):
            order = ("netsteps", "bare") if number % 2 == 0 else ("bare", "netsteps")
            for name in order:
                times[name].append(once(name))
    except BenchError as error:
        figure.error = str(error)
        return [figure]
    figure.median = statistics.median(times["netsteps"])
    figure.baseline = statistics.median(times["bare"])
    figure.runs = settings.pty_runs
    return [figure]


# 2. netsteps --version ---------------------------------------------------------------------------

ARGPARSE_ONLY = (
    "import argparse; p=argparse.ArgumentParser(); "
    "p.add_argument('--version', action='version', version='x'); p.parse_args(['--version'])"
)


def bench_version(settings: Settings, cache: Path | None) -> list[Figure]:
    env = child_env(cache)
    commands = {
        "netsteps": [sys.executable, "-m", "tutor", "--version"],
        "pass": [sys.executable, "-c", "pass"],
        "argparse": [sys.executable, "-c", ARGPARSE_ONLY],
    }
    figure = Figure("netsteps --version", "python -c pass", target="ratio <= 3", max_ratio=3.0)
    reference = Figure("  ref: bare argparse --version", "python -c pass")

    def run(name: str, check: bool = False) -> float:
        start = time.perf_counter()
        output = subprocess.PIPE if check else subprocess.DEVNULL
        done = subprocess.run(commands[name], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                              stdout=output, stderr=output, check=False)
        elapsed = time.perf_counter() - start
        if check and (done.returncode != 0 or (name == "netsteps"
                                               and b"netsteps" not in done.stdout)):
            output = (done.stdout + done.stderr).decode("utf-8", "replace").strip()
            raise BenchError(f"'{' '.join(commands[name][1:])}' exited with {done.returncode}: "
                             f"{output[-300:]}")
        return elapsed

    times: dict[str, list[float]] = {name: [] for name in commands}
    try:
        for name in commands:
            run(name, check=True)  # untimed
    except BenchError as error:
        figure.error = reference.error = str(error)
        return [figure, reference]
    names = list(commands)
    for number in range(settings.version_runs):
        shift = number % len(names)
        for name in names[shift:] + names[:shift]:
            times[name].append(run(name))
    baseline = statistics.median(times["pass"])
    for row, name in ((figure, "netsteps"), (reference, "argparse")):
        row.median = statistics.median(times[name])
        row.baseline = baseline
        row.runs = settings.version_runs
    return [figure, reference]


# 3. Checking a generated pack of many lessons -----------------------------------------------------


def toml_string(text: str) -> str:
    """A TOML basic string; JSON's escapes are a subset of TOML's."""
    return json.dumps(text, ensure_ascii=False)


def toml_list(items: Sequence[str]) -> str:
    return "[\n" + "".join(f"  {toml_string(item)},\n" for item in items) + "]"


TOPICS = (
    "profile photos", "privacy settings", "comments", "sharing news", "job posts",
    "group chats", "passwords", "tagging friends", "live video", "direct messages",
)


def lesson_toml(number: int) -> str:
    """One lesson of ten steps of every kind, in the style of the shipped course."""
    topic = TOPICS[number % len(TOPICS)]
    title = f"Lesson {number}: calm steps with {topic}"

    def options(question: int) -> str:
        rows = []
        for index in range(3):
            correct = "true" if index == (number + question) % 3 else "false"
            text = f"Option {index + 1}: a sensible-looking choice about {topic}"
            feedback = (f"This is {'right' if correct == 'true' else 'not the best move'}: "
                        f"with {topic}, think about who can see it, and whether you would "
                        "say the same at a meeting at work.")
            rows.append(f"  {{ text = {toml_string(text)}, correct = {correct}, "
                        f"feedback = {toml_string(feedback)} }},\n")
        return "[\n" + "".join(rows) + "]"

    def body(part: str) -> str:
        return (
            f"**{part.capitalize()}** is the part of {topic} most people skip. "
            "Take it slowly: nobody is timing you.\n\n"
            f"- Look at who can see your {topic} before you post.\n"
            "- Ask yourself whether you would say it aloud at a meeting at work.\n"
            "- When in doubt, wait a day. A short delay rarely costs anything.\n\n"
            "People who are new to this often worry they will get it wrong. Small, careful "
            "steps are how everyone learns, and you can always change a setting later.\n"
        )

    steps = [
        ("confidence-before", "rate", [("statement", toml_string(
            f"I feel able to handle {topic} in a calm, professional way."))]),
        ("why-it-matters", "read", [("title", toml_string(f"Why {topic} matter")),
                                    ("body", '"""\n' + body("the first look") + '"""')]),
        ("first-question", "choice", [
            ("prompt", toml_string(f"A colleague asks you about {topic} on a busy morning. "
                                   "What is the best first move?")),
            ("options", options(1))]),
        ("what-to-check", "read", [("title", toml_string("What to check")),
                                   ("body", '"""\n' + body("the check") + '"""')]),
        ("where-you-stand", "checklist", [
            ("prompt", toml_string(f"What already holds for your {topic}?")),
            ("items", toml_list([f"I know who sees my {topic}",
                                 "I have looked at my settings this year",
                                 "I know how to remove something I posted",
                                 "I know whom to ask when I am unsure"]))]),
        ("second-question", "choice", [
            ("prompt", toml_string(f"Someone is rude to you about {topic}. What now?")),
            ("options", options(2))]),
        ("in-your-words", "reflect", [
            ("prompt", toml_string(f"What would you like to change about your {topic}?")),
            ("plan", "true"),
            ("hint", toml_string("For example: check my settings on Friday."))]),
        ("good-habits", "read", [("body", '"""\n' + body("the habit") + '"""')]),
        ("your-actions", "commit", [
            ("prompt", toml_string("Which of these will you do this week?")),
            ("actions", toml_list([f"Review who can see my {topic}",
                                   "Ask a colleague how they do it",
                                   "Remove one old post I would not make today"]))]),
        ("confidence-after", "rate", [("statement", toml_string(
            f"I feel able to handle {topic} in a calm, professional way."))]),
    ]
    lines = [
        f'id = "lesson-{number:04d}"',
        f"title = {toml_string(title)}",
        f"summary = {toml_string(f'A short, friendly lesson on {topic}, with questions.')}",
        f"minutes = {5 + number % 20}",
        "objectives = " + toml_list([f"Explain the main risk with {topic}",
                                     f"Change one setting for {topic}"]),
    ]
    for key, kind, step_fields in steps:
        lines += ["", "[[steps]]", f'id = "{key}"', f'kind = "{kind}"']
        lines += [f"{name} = {value}" for name, value in step_fields]
    return "\n".join(lines) + "\n"


PACK_TOML = """\
format = 1
id = "bench-pack"
title = "A very large benchmark pack"
language = "en"
version = "1.0.0"
authors = ["netsteps benchmarks"]
description = "Generated by benchmarks/run.py to time the pack check."
"""


def write_pack(folder: Path, lessons: int) -> None:
    (folder / "pack.toml").write_text(PACK_TOML, encoding="utf-8")
    for number in range(1, lessons + 1):
        (folder / f"{number:04d}-lesson.toml").write_text(lesson_toml(number), encoding="utf-8")


def bench_pack(settings: Settings, cache: Path | None) -> list[Figure]:
    lessons = settings.lessons
    load = Figure(f"load_pack, {lessons} lessons", "tomllib read+parse")
    parse = Figure(f"  parse_pack only, {lessons} lessons", "tomllib parse only")
    cli = Figure(f"pack check CLI, {lessons} lessons", "tomllib read+parse",
                 target="< 1 s", max_seconds=1.0)
    rows = [load, parse, cli]
    try:
        from tutor.packs.errors import PackError
        from tutor.packs.loader import load_pack, parse_pack
    except Exception as error:  # the tree may be mid-edit
        for row in rows:
            row.error = f"cannot import the loader: {error!r}"
        return rows

    with fresh_dir("netsteps-bench-pack-") as folder:
        write_pack(folder, lessons)
        paths = sorted(folder.glob("*.toml"))
        files = {path.name: path.read_bytes() for path in paths}
        size = sum(len(raw) for raw in files.values())
        note(f"  generated {len(paths)} files, {size / 1e6:.1f} MB, in {folder}")

        # The generated pack must be valid, or the figures mean nothing.
        try:
            pack = parse_pack(files, source=folder)
        except PackError as error:
            message = f"the generated pack is invalid: {error.problems[0]}"
            for row in rows:
                row.error = message
            return rows
        steps = sum(len(lesson.steps) for lesson in pack.lessons)
        note(f"  {len(pack.lessons)} lessons, {steps} steps, valid")

        def read_and_parse() -> None:
            for path in paths:
                tomllib.loads(path.read_bytes().decode("utf-8"))

        def parse_only() -> None:
            for raw in files.values():
                tomllib.loads(raw.decode("utf-8"))

        load_error = ""
        try:
            load_pack(folder)
        except PackError as error:
            load_error = "; ".join(str(problem) for problem in error.problems[:2])
            load.error = f"load_pack refused the pack: {load_error}"

        base_times: list[float] = []
        parse_base: list[float] = []
        load_times: list[float] = []
        parse_times: list[float] = []
        for _ in range(settings.load_runs):
            base_times.append(timed(read_and_parse))
            parse_base.append(timed(parse_only))
            parse_times.append(timed(lambda: parse_pack(files, source=folder)))
            if not load_error:
                load_times.append(timed(lambda: load_pack(folder)))
            gc.collect()
        baseline = statistics.median(base_times)
        if load_times:
            load.median = statistics.median(load_times)
        load.baseline, load.runs = baseline, settings.load_runs
        parse.median = statistics.median(parse_times)
        parse.baseline, parse.runs = statistics.median(parse_base), settings.load_runs

        command = [sys.executable, "-m", "tutor", "pack", "check", str(folder)]
        env = child_env(cache)
        cli_times: list[float] = []
        for number in range(settings.cli_runs + 1):  # the first run is untimed
            start = time.perf_counter()
            done = subprocess.run(command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                                  capture_output=True, check=False)
            elapsed = time.perf_counter() - start
            if done.returncode != 0:
                output = (done.stdout + done.stderr).decode("utf-8", "replace").strip()
                first = output.splitlines()[0] if output else "(no output)"
                cli.error = f"'netsteps pack check' exited with {done.returncode}: {first}"
                break
            if number:
                cli_times.append(elapsed)
        if cli_times:
            cli.median = statistics.median(cli_times)
        cli.baseline, cli.runs = baseline, settings.cli_runs
    return rows


# 4. One progress save ----------------------------------------------------------------------------

REFLECTION = (
    "I want to stop posting photos of my grandchildren where everyone can see them.\n"
    "On Sunday I will go through my privacy settings with my daughter, and I will ask her "
    "to show me how to make an album that only the family can open. I also want to think "
    "twice before I share news stories: check where they come from first."
)


def lesson_table(number: int) -> dict[str, object]:
    """A finished lesson's record as 0.1 stored it: thirteen steps of every kind, answered."""
    from datetime import UTC, datetime

    moment = datetime(2025, 3, 1, 10, 0, tzinfo=UTC) + timedelta(minutes=number)
    steps: dict[str, object] = {}
    for i in range(13):
        kind = i % 6
        if kind == 0:
            steps[f"s{i}"] = {"seen": True, "updated": moment}
        elif kind == 1:
            steps[f"s{i}"] = {"seen": True, "picked": [1], "correct": True, "attempts": 2,
                              "updated": moment}
        elif kind == 2:
            steps[f"s{i}"] = {"seen": True, "text": REFLECTION, "updated": moment}
        elif kind == 3:
            steps[f"s{i}"] = {"seen": True, "ticked": [0, 2, 4], "updated": moment}
        elif kind == 4:
            steps[f"s{i}"] = {"seen": True, "updated": moment, "actions": [
                {"text": "Check my privacy settings", "by": date(2025, 4, 1), "suggested": True},
                {"text": "Ask my daughter to look at my settings with me", "suggested": False}]}
        else:
            steps[f"s{i}"] = {"seen": True, "rating": 3, "rated_at": moment, "updated": moment}
    return {"status": "done", "step": 12, "started": moment, "updated": moment,
            "completed": moment, "steps": steps}


def bench_save(settings: Settings, cache: Path | None) -> list[Figure]:
    """One save of the lesson being taken, with 7, 100 and 1,000 lessons of records kept."""
    try:
        import tomli_w

        from tutor.progress.model import LessonRecord, step_from_dict
        from tutor.progress.store import ProgressStore
    except Exception as error:  # the tree may be mid-edit
        figure = Figure("progress save", "open/write/fsync", target="< 5 ms")
        figure.error = f"cannot import the store: {error!r}"
        return [figure]
    figures = []
    for count in (7, 100, 1000):
        # A save is one committed transaction: about one fsync, whatever the course size.
        figure = Figure(f"progress save, {count:,} lessons kept", "open/write/fsync of the lesson",
                        target="≤ 2x", max_ratio=2.0)
        with fresh_dir("netsteps-bench-save-") as folder:
            store = ProgressStore(folder / "data")
            store.load()
            for number in range(count):
                filled = LessonRecord.from_dict(lesson_table(number))
                record = store.lesson("course", f"lesson-{number:04}")
                for name in vars(filled):
                    setattr(record, name, getattr(filled, name))
            store.save()
            store.close()
            store = ProgressStore(folder / "data")  # a new session, as the learner starts one
            store.load()
            lesson = f"lesson-{count - 1:04}"
            plain = folder / "plain.toml"
            saves: list[float] = []
            writes: list[float] = []
            for number in range(settings.saves):
                record = store.lesson("course", lesson)
                record.step = number % 13
                record.steps["s2"] = step_from_dict({"seen": True,
                                                     "text": f"{REFLECTION}\n(edit {number})"})
                record.touch()
                saves.append(timed(functools.partial(store.save, "course", lesson)))
                payload = tomli_w.dumps(record.to_dict()).encode("utf-8")

                def write(payload: bytes = payload, plain: Path = plain) -> None:
                    with open(plain, "wb") as handle:
                        handle.write(payload)
                        handle.flush()
                        os.fsync(handle.fileno())

                writes.append(timed(write))
            store.close()
        figure.median = statistics.median(saves)
        figure.baseline = statistics.median(writes)
        figure.runs = settings.saves
        figures.append(figure)
    return figures


# The machine and the table -----------------------------------------------------------------------


def cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text(errors="replace").splitlines():
            if line.lower().startswith(("model name", "hardware", "cpu model")):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine() or "unknown"


def file_system(path: Path) -> str:
    """The mount type of ``path`` from /proc/mounts (fsync costs differ a lot between them)."""
    best, kind = "", "unknown"
    with contextlib.suppress(OSError):
        resolved = str(path.resolve())
        for line in Path("/proc/mounts").read_text().splitlines():
            parts = line.split()
            if len(parts) > 2:
                mount = parts[1].replace("\\040", " ")
                inside = resolved == mount or resolved.startswith(mount.rstrip("/") + "/")
                if inside and len(mount) >= len(best):
                    best, kind = mount, parts[2]
    return kind


def tree_state() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                               cwd=ROOT, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "not a git checkout"
    return f"{head}{' with uncommitted changes' if dirty.strip() else ''}"


def machine_lines(settings: Settings, quick: bool) -> list[tuple[str, str]]:
    from importlib.metadata import PackageNotFoundError, version

    try:
        textual = version("textual")
    except PackageNotFoundError:
        textual = "not installed"
    try:
        from tutor import __version__ as netsteps
    except Exception:
        netsteps = "?"
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    cores = f"{os.cpu_count()} cores" + (f", {usable} usable" if usable else "")
    load = ""
    if hasattr(os, "getloadavg"):
        load = "load average " + " ".join(f"{value:.2f}" for value in os.getloadavg())
    temp = Path(tempfile.gettempdir())
    return [
        ("machine", platform.platform()),
        ("cpu", f"{cpu_model()} ({cores}){'; ' + load if load else ''}"),
        ("python", f"{platform.python_version()} ({platform.python_implementation()}) "
                   f"{sys.executable}"),
        ("textual", textual),
        ("netsteps", f"{netsteps}, tree {tree_state()}"),
        ("temp dir", f"{temp} ({file_system(temp)})"),
        ("bytecode", "cached in a private prefix, warmed by an untimed first run"
         if settings.bytecode_cache else "not cached (PYTHONDONTWRITEBYTECODE=1)"),
        ("mode", f"{'quick' if quick else 'full'}: pty {settings.pty_runs} pairs, --version "
                 f"{settings.version_runs} rounds, load {settings.load_runs}, CLI "
                 f"{settings.cli_runs}, saves {settings.saves}"),
    ]


def milliseconds(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds * 1000:.1f} ms"


def render(figures: list[Figure], machine: list[tuple[str, str]]) -> str:
    out = [f"{label:<9} {value}" for label, value in machine]
    header = ("figure", "n", "median", "baseline", "base median", "ratio", "target", "result")
    rows = [header]
    for f in figures:
        ratio = "-" if f.ratio is None else f"{f.ratio:.2f}x"
        runs = str(f.runs) if f.runs and f.median is not None else "-"
        rows.append((f.name, runs, milliseconds(f.median), f.baseline_name,
                     milliseconds(f.baseline), ratio, f.target, f.result))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    right = {1, 2, 4, 5}
    out.append("")
    for number, row in enumerate(rows):
        cells = [cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
                 for i, cell in enumerate(row)]
        out.append("  ".join(cells).rstrip())
        if number == 0:
            out.append("  ".join("-" * width for width in widths))
    problems = [f for f in figures if f.error]
    if problems:
        out.append("")
        out += [f"FAILED {f.name.strip()}: {f.error}" for f in problems]
    return "\n".join(out)


# 5. Moving to the next step of a lesson, in a pseudo-terminal -----------------------------------


def _step_markers() -> list[str]:
    """A few words each of the first lesson's steps shows first, up to its first writing step
    (there → moves the cursor in the text instead of turning the page)."""
    from tutor.kinds import kind_of
    from tutor.packs.loader import load_pack

    lesson = load_pack(ROOT / "lessons" / "first-steps").lessons[0]
    markers = []
    for step in lesson.steps[1:]:
        if step.kind in ("reflect", "practice", "commit"):
            break
        first = next(iter(kind_of(step).texts(step)))
        markers.append(" ".join(first.split())[:14])
    return markers


def bench_step(settings: Settings, cache: Path | None) -> list[Figure]:
    """From pressing → on a lesson step until the next step's own words are on screen."""
    figure = Figure("next step's words on screen (pty)", "one line of text changed",
                    target="median <= 50 ms", max_seconds=0.05)
    if os.name != "posix":
        figure.error = "needs a POSIX pseudo-terminal"
        return [figure]
    markers = _step_markers()
    steps: list[float] = []
    floor: list[float] = []
    try:
        for _ in range(max(1, settings.cli_runs)):
            with fresh_dir("netsteps-bench-step-") as home:
                app = Terminal([sys.executable, "-m", "tutor"], child_env(cache, home))
                try:
                    app.wait_for(NETSTEPS_MARKER[0])
                    app.send(b"\r")
                    app.wait_for("Step 1 of")
                    time.sleep(0.3)
                    for marker in markers:
                        sent = app.send(b"\x1b[C")
                        steps.append(app.wait_for(marker) - sent)
                        time.sleep(0.2)
                finally:
                    app.close()
            bare = Terminal([sys.executable, str(BENCH_DIR / "bare_steps.py")], child_env(cache))
            try:
                bare.wait_for("Page 1 is here")
                time.sleep(0.3)
                for page in range(2, len(markers) + 2):
                    sent = bare.send(b"\x1b[C")
                    floor.append(bare.wait_for(f"Page {page} is here") - sent)
                    time.sleep(0.2)
            finally:
                bare.close()
    except BenchError as error:
        figure.error = str(error)
        return [figure]
    figure.median = statistics.median(steps)
    figure.baseline = statistics.median(floor)
    figure.runs = len(steps)
    return [figure]


BENCHES: dict[str, Callable[[Settings, Path | None], list[Figure]]] = {
    "home": bench_home_screen,
    "step": bench_step,
    "version": bench_version,
    "pack": bench_pack,
    "save": bench_save,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when a target is missed or a figure cannot be measured")
    parser.add_argument("--only", metavar="NAMES", default=",".join(BENCHES),
                        help=f"comma-separated figures to run (default: {','.join(BENCHES)})")
    parser.add_argument("--lessons", type=int, default=1000,
                        help="lessons in the generated pack (default: 1000)")
    parser.add_argument("--no-bytecode-cache", action="store_true",
                        help="start children with PYTHONDONTWRITEBYTECODE=1, as from a "
                        "read-only checkout")
    args = parser.parse_args(argv)
    chosen = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in BENCHES]
    if unknown:
        parser.error(f"unknown figure(s): {', '.join(unknown)}; choose from {', '.join(BENCHES)}")
    counts = QUICK if args.quick else FULL
    settings = Settings(**counts, lessons=args.lessons,
                        bytecode_cache=not args.no_bytecode_cache)

    machine = machine_lines(settings, args.quick)
    figures: list[Figure] = []
    with fresh_dir("netsteps-bench-pycache-") as cache_dir:
        cache = None if args.no_bytecode_cache else cache_dir
        for number, name in enumerate(chosen, start=1):
            note(f"[{number}/{len(chosen)}] {name} ...")
            start = time.perf_counter()
            try:
                figures += BENCHES[name](settings, cache)
            except Exception as error:  # report, never crash: the other figures still count
                figures.append(Figure(name, "-", error=f"{type(error).__name__}: {error}"))
            note(f"      {time.perf_counter() - start:.1f} s")
    print(render(figures, machine))
    missed = [f for f in figures if f.result in ("MISSED", "FAILED")]
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
