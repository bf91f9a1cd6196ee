"""How fast the post checks are, each figure against a baseline measured in the same run.

    python benchmarks/checks.py            # full run
    python benchmarks/checks.py --quick    # fewer repetitions
    python benchmarks/checks.py --check    # exit 1 when a goal is missed

Figures (after the first call, which pays for importing phonenumbers and stdnum, timed apart):
- a 2,000-character draft of the kind learners write, with a phone number, an address, a trip
  and a health detail in it; goal under 5 ms. Baseline: ``str.split`` over the same text.
- 100 KB of hostile text (long digit runs, digit groups that look like phone and card numbers,
  repeated punctuation and @ signs, capitals, mixed scripts); goal under 100 ms: a pattern that
  backtracks badly would take seconds here. Baseline: ``str.split`` over the same text.

Repetitions of a figure and its baseline alternate, so a busy machine slows both.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DRAFT_PARTS = [
    "What a week it has been at the office. ",
    "Thirty years in the same firm, and I still learn something new every Monday. ",
    "Kari did brilliant work on the 2024 budget, and the board approved it on 12.03.2024. ",
    "Vi er på hytta til søndag, så ring meg på 912 34 567 om det haster. ",
    "The course costs kr 1 299 and starts at 14.30 in room 214; 45 % have signed up already. ",
    "Min mor har fått demens, og vi har det travelt for tiden. ",
    "New address from May: Storgata 3B, Oslo. Version 3.2.1 of the app is out. ",
    "GDPR training for everyone in HR and IT next Tuesday, with NAV presenting. ",
    "Takk til alle som kom på foredraget i Bergen! Det var en fin kveld med gode spørsmål. ",
]


def draft(size: int = 2000) -> str:
    text = ""
    i = 0
    while len(text) < size:
        text += DRAFT_PARTS[i % len(DRAFT_PARTS)]
        i += 1
    return text[:size]


def hostile(size: int = 100_000, seed: int = 7) -> str:
    """Text built to make a careless pattern backtrack: every trap at once, shuffled."""
    rng = random.Random(seed)
    pieces = [
        lambda: "9" * rng.randint(500, 3000),  # a long digit run
        lambda: " ".join("1234" for _ in range(rng.randint(50, 300))),  # card-like groups
        lambda: " ".join(f"{rng.randint(10, 99)}" for _ in range(rng.randint(50, 300))),
        lambda: "+" + "4" * rng.randint(20, 400),
        lambda: "!" * rng.randint(100, 2000),
        lambda: "?!" * rng.randint(50, 500),
        lambda: "." * rng.randint(100, 1000),
        lambda: "a" * rng.randint(100, 2000) + "@" + "b" * rng.randint(100, 2000),
        lambda: "@" * rng.randint(50, 500),
        lambda: "x." * rng.randint(50, 500),
        lambda: " ".join("ABCDEFG" for _ in range(rng.randint(20, 200))),
        lambda: "Кириллица العربية 中文字符 ελληνικά עברית " * rng.randint(5, 40),
        lambda: "Storgata " * rng.randint(50, 300),
        lambda: "Per is a " * rng.randint(50, 300) + "idiot",
        lambda: "my password is " * rng.randint(20, 200),
        lambda: "12.03." * rng.randint(50, 300),
        lambda: "-" * rng.randint(100, 2000),
        lambda: "Aa" * rng.randint(100, 1500) + " 12",
    ]
    text = ""
    while len(text) < size:
        text += rng.choice(pieces)() + rng.choice([" ", "\n", ""])
    return text[:size]


def timed(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def cpu_timed(function: Callable[[], object]) -> float:
    """CPU time: on a shared machine the wall clock also counts the time others had the CPU."""
    start = time.process_time()
    function()
    return time.process_time() - start


def compare(name: str, text: str, repeats: int, goal: float) -> tuple[str, bool]:
    from tutor.checks import check_post

    ours: list[float] = []
    base: list[float] = []
    cpu: list[float] = []
    for _ in range(repeats):
        ours.append(timed(lambda: check_post(text)))
        base.append(timed(lambda: text.split()))
        cpu.append(cpu_timed(lambda: check_post(text)))
    median, base_median = statistics.median(ours), statistics.median(base)
    ok = median < goal
    line = (f"{name:<26} {median * 1e3:>7.2f} ms (cpu {statistics.median(cpu) * 1e3:>6.2f} ms)"
            f"   str.split {base_median * 1e3:>6.3f} ms   ratio {median / base_median:>5.0f}x"
            f"   goal < {goal * 1e3:.0f} ms   {'ok' if ok else 'MISSED'}")
    return line, ok


def first_call() -> float:
    """The first check in a fresh process, imports of phonenumbers and stdnum included."""
    code = ("import time; t = time.perf_counter(); from tutor.checks import check_post; "
            "check_post('Ring 912 34 567, kort 4111 1111 1111 1111, fnr 15108695088'); "
            "print(time.perf_counter() - t)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, check=True).stdout
    return float(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    from tutor.checks import check_post

    check_post(draft() + hostile(5000))  # the imports and data files, once
    small, big = draft(), hostile()
    findings = len(check_post(small))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {load:.1f}; "
          f"the 2,000-character draft has {findings} findings")
    print(f"{'first call, fresh process':<26} {first_call() * 1e3:>7.1f} ms   "
          "(imports phonenumbers and stdnum)")
    results = [
        compare("2,000-character draft", small, 30 if args.quick else 200, 0.005),
        compare("100 KB of hostile text", big, 3 if args.quick else 15, 0.100),
    ]
    for line, _ in results:
        print(line)
    return 1 if args.check and not all(ok for _, ok in results) else 0


if __name__ == "__main__":
    sys.exit(main())
