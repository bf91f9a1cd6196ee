"""FSRS or Leitner boxes for netsteps' review of missed questions: simulated learners, one table.

    python benchmarks/review_schedulers.py            # 2,000 learners
    python benchmarks/review_schedulers.py --quick    # 300 learners

What is simulated (a model of memory of our own, the same for both schedulers, and not FSRS's,
so FSRS is not marked by its own formula):

- a learner misses about a third of the course's 26 questions on the first try; each missed
  question, after its feedback, is remembered with a stability S (days until recall falls to
  90%) drawn around 1.5 days, and a difficulty d between 0.6 and 1.6;
- recall t days after the last look is 0.9 ** (t / S) (exponential forgetting) or
  (1 + t / (9 S)) ** -1 (power-law forgetting): both are run, since which one holds for people
  is argued over, and FSRS assumes the second;
- a review the learner gets right makes S grow more the harder the recall was (the spacing
  effect): S *= 1 + (8 (1 - R) + 0.5) / d; one they get wrong is learnt again from the
  feedback: S = max(S0, 0.3 S);
- review is optional: the learner opens netsteps on a given day with probability 0.6, and then
  answers every question that is due;
- after 120 days, what is kept is the mean recall probability of the missed questions then,
  and, as a second figure, the mean recall over days 30 to 120.

The figure the decision rests on is reviews per question kept at day 120 (reviews / mean
recall), lower is better; both schedulers should also keep most of what was missed.
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

QUESTIONS = 26
MISS_RATE = 1 / 3
DAYS = 120
OPENS = 0.6
START = datetime(2026, 1, 5, 12, tzinfo=UTC)
LEITNER_DAYS = (1, 3, 7, 21)


def exponential(t: float, s: float) -> float:
    return float(0.9 ** (t / s))


def power(t: float, s: float) -> float:
    return float((1 + t / (9 * s)) ** -1)


@dataclass
class Memory:
    s0: float
    d: float
    s: float
    last: int = 0


class Leitner:
    """Boxes of 1, 3, 7 and 21 days; right moves a box on, wrong starts again; right in the last
    box retires the question (``keep``: it stays at 21 days instead)."""

    def __init__(self, keep: bool = False) -> None:
        self.keep = keep
        self.box: dict[int, int] = {}

    def enrol(self, item: int, day: int) -> int | None:
        self.box[item] = 0
        return day + LEITNER_DAYS[0]

    def review(self, item: int, day: int, right: bool) -> int | None:
        box = self.box[item] + 1 if right else 0
        if box >= len(LEITNER_DAYS):
            if not self.keep:
                return None
            box = len(LEITNER_DAYS) - 1
        self.box[item] = box
        return day + LEITNER_DAYS[box]


class Fsrs:
    """FSRS with its default parameters, as netsteps uses it: no same-day learning steps."""

    def __init__(self, retention: float = 0.9) -> None:
        from fsrs import Card, Rating, Scheduler

        self.rating = Rating
        self.card_type = Card
        self.scheduler = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False,
                                   maximum_interval=365, desired_retention=retention)
        self.cards: dict[int, object] = {}

    def _at(self, day: int) -> datetime:
        return START + timedelta(days=day)

    def _day(self, due: datetime) -> int:
        return (due.date() - START.date()).days

    def enrol(self, item: int, day: int) -> int | None:
        card, _ = self.scheduler.review_card(self.card_type(card_id=item + 1), self.rating.Again,
                                             self._at(day))
        self.cards[item] = card
        return self._day(card.due)

    def review(self, item: int, day: int, right: bool) -> int | None:
        card, _ = self.scheduler.review_card(
            self.cards[item], self.rating.Good if right else self.rating.Again, self._at(day))
        self.cards[item] = card
        return self._day(card.due)


@dataclass
class Outcome:
    reviews: float
    kept_end: float
    kept_mean: float


def learner(rng: random.Random, make: Callable[[], Leitner | Fsrs],
            curve: Callable[[float, float], float]) -> Outcome | None:
    missed = [i for i in range(QUESTIONS) if rng.random() < MISS_RATE]
    if not missed:
        return None
    scheduler = make()
    memories: dict[int, Memory] = {}
    due: dict[int, int | None] = {}
    for item in missed:
        s0 = math.exp(rng.gauss(math.log(1.5), 0.7))
        memories[item] = Memory(s0=s0, d=rng.uniform(0.6, 1.6), s=s0)
        due[item] = scheduler.enrol(item, 0)
    reviews = 0
    kept_over_time = []
    for day in range(1, DAYS + 1):
        if rng.random() < OPENS:
            for item in missed:
                when = due[item]
                if when is None or when > day:
                    continue
                memory = memories[item]
                recall = curve(day - memory.last, memory.s)
                right = rng.random() < recall
                if right:
                    memory.s *= 1 + (8 * (1 - recall) + 0.5) / memory.d
                else:
                    memory.s = max(memory.s0, 0.3 * memory.s)
                memory.last = day
                reviews += 1
                due[item] = scheduler.review(item, day, right)
        if day >= 30:
            kept_over_time.append(statistics.fmean(
                curve(day - memories[i].last, memories[i].s) for i in missed))
    kept_end = statistics.fmean(curve(DAYS - memories[i].last, memories[i].s) for i in missed)
    return Outcome(reviews / len(missed), kept_end, statistics.fmean(kept_over_time))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    learners = 300 if args.quick else 2000
    schedulers: dict[str, Callable[[], Leitner | Fsrs]] = {
        "fsrs (defaults, 90%)": Fsrs,
        "fsrs 80% (netsteps)": lambda: Fsrs(0.8),
        "Leitner 1-3-7-21, retired": Leitner,
        "Leitner 1-3-7-21, kept": lambda: Leitner(keep=True),
    }
    print(f"{learners} learners, {QUESTIONS} questions, {DAYS} days, opens netsteps on "
          f"{OPENS:.0%} of days")
    print(f"{'forgetting':<12}{'scheduler':<28}{'reviews/q':>10}{'kept d120':>10}"
          f"{'kept 30-120':>12}{'reviews/kept':>14}")
    for name, curve in (("exponential", exponential), ("power", power)):
        for label, make in schedulers.items():
            rng = random.Random(1)
            outcomes = [o for _ in range(learners) if (o := learner(rng, make, curve))]
            reviews = statistics.fmean(o.reviews for o in outcomes)
            end = statistics.fmean(o.kept_end for o in outcomes)
            mean = statistics.fmean(o.kept_mean for o in outcomes)
            print(f"{name:<12}{label:<28}{reviews:>10.2f}{end:>10.1%}{mean:>12.1%}"
                  f"{reviews / end:>14.2f}")


if __name__ == "__main__":
    main()
