"""Practice where nothing can go wrong: the learner drafts a post (or a profile) in a sandbox
and the built-in checks say what it gives away, why that matters and how to say it better.

A pack may only choose which built-in checks apply and add its own prompt, hint and example
draft; it never supplies a pattern. Drafts are the learner's own words: kept with their
progress like a reflection, never put in a summary or export.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from tutor.checks import AUDIENCES, CHECKS, Finding, check_post, check_profile
from tutor.kinds.base import Kind, PlanItem, Step
from tutor.progress.model import StepRecord, read_int
from tutor.text import clean, clean_line

if TYPE_CHECKING:
    from tutor.packs.fields import Fields

MODES = ("post", "profile")
MAX_DRAFT = 5_000
MAX_HEADLINE = 300


@dataclass(frozen=True)
class PracticeStep(Step):
    kind: ClassVar[str] = "practice"
    mode: str
    prompt: str
    hint: str = ""
    example: str = ""
    """A draft to start from (for instance one with a mistake to mend); the learner edits it."""
    example_headline: str = ""
    checks: tuple[str, ...] = CHECKS
    audience: str = "everyone"
    plan: bool = False
    """Offer the learner to keep their draft in the action plan (they choose; off by default)."""


@dataclass
class PracticeRecord(StepRecord):
    kind: ClassVar[str] = "practice"
    draft: str = ""
    headline: str = ""
    audience: str = ""
    in_plan: bool = False
    """The learner chose to keep this draft in their action plan."""
    checked: int = 0
    """How often the learner asked for a check."""
    found: int = 0
    """How many findings the last check had."""

    def _fields(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for name in ("draft", "headline", "audience"):
            if getattr(self, name):
                data[name] = getattr(self, name)
        if self.in_plan:
            data["in_plan"] = True
        if self.checked:
            data["checked"] = self.checked
            data["found"] = self.found
        return data

    def _read(self, data: dict[str, Any]) -> None:
        draft, headline, audience = (data.get(n, "") for n in ("draft", "headline", "audience"))
        if not draft and isinstance(data.get("text"), str):
            draft = data["text"]  # the step was a reflection once: the learner's words carry over
        self.draft = clean(draft)[:MAX_DRAFT] if isinstance(draft, str) else ""
        self.headline = clean_line(headline)[:MAX_HEADLINE] if isinstance(headline, str) else ""
        self.audience = audience if audience in AUDIENCES else ""
        self.in_plan = data.get("in_plan") is True
        self.checked = max(0, read_int(data.get("checked"), 0))
        self.found = max(0, read_int(data.get("found"), 0))


class PracticeKind(Kind[PracticeStep, PracticeRecord]):
    name = "practice"
    step_type = PracticeStep
    record_type = PracticeRecord
    fields = ("mode", "prompt", "hint", "example", "example_headline", "checks", "audience",
              "plan")

    def parse(self, fields: Fields, key: str) -> PracticeStep:
        mode = fields.line("mode")
        if mode and mode not in MODES:
            fields.problem("mode", f"'{mode[:40]}' is not a practice mode",
                           "use mode = \"post\" or mode = \"profile\"")
        prompt = fields.text("prompt")
        hint = fields.text("hint", required=False)
        example = fields.text("example", required=False)
        example_headline = fields.line("example_headline", required=False)
        if example_headline and mode != "profile":
            fields.problem("example_headline", "only a profile practice has a headline",
                           "remove it, or use mode = \"profile\"")
        checks = fields.lines("checks", 1, len(CHECKS), required=False)
        unknown = [name for name in checks if name not in CHECKS]
        if unknown:
            fields.problem("checks", f"'{unknown[0][:40]}' is not a built-in check",
                           "use some of: " + ", ".join(CHECKS))
        if checks and mode == "profile":
            fields.problem("checks", "a profile practice always uses every check",
                           "remove checks, or use mode = \"post\"")
        audience = fields.line("audience", required=False) or "everyone"
        if audience not in AUDIENCES:
            fields.problem("audience", f"'{audience[:40]}' is not an audience",
                           "use one of: " + ", ".join(AUDIENCES))
        plan = fields.boolean("plan")
        return PracticeStep(key, mode=mode, prompt=prompt, hint=hint, example=example,
                            example_headline=example_headline,
                            checks=tuple(checks) or CHECKS, audience=audience, plan=plan)

    def texts(self, step: PracticeStep) -> Iterator[str]:
        yield step.prompt
        if step.hint:
            yield step.hint

    def plan_items(self, step: PracticeStep, record: PracticeRecord) -> Iterator[PlanItem]:
        """Only a draft the learner chose to keep goes into the plan."""
        if not (step.plan and record.in_plan):
            return
        text = "\n".join(part for part in (record.headline.strip(), record.draft.strip()) if part)
        if text:
            yield PlanItem(text, prompt=step.prompt)

    # What the learner does -------------------------------------------------------------------

    def start(self, step: PracticeStep, record: PracticeRecord) -> None:
        """A first visit starts from the pack's example, which the learner then mends."""
        if not record.draft and not record.headline and not record.checked:
            record.draft = step.example
            record.headline = step.example_headline
        if not record.audience:
            record.audience = step.audience

    def write(self, record: PracticeRecord, draft: str | None = None,
              headline: str | None = None) -> bool:
        """Keep the draft (and headline) as typed; True when something changed."""
        before = (record.draft, record.headline)
        if draft is not None:
            record.draft = clean(draft)[:MAX_DRAFT]
        if headline is not None:
            record.headline = clean_line(headline)[:MAX_HEADLINE]
        return (record.draft, record.headline) != before

    def set_audience(self, record: PracticeRecord, audience: str) -> bool:
        if audience not in AUDIENCES or audience == record.audience:
            return False
        record.audience = audience
        return True

    def keep_in_plan(self, step: PracticeStep, record: PracticeRecord, keep: bool) -> bool:
        if not step.plan or record.in_plan == keep:
            return False
        record.in_plan = keep
        return True

    def check(self, step: PracticeStep, record: PracticeRecord) -> list[Finding]:
        """Run the step's checks on the draft as it is now, and count the check."""
        findings = self.findings(step, record)
        record.checked += 1
        record.found = len(findings)
        return findings

    def findings(self, step: PracticeStep, record: PracticeRecord) -> list[Finding]:
        if step.mode == "profile":
            return check_profile(record.headline, record.draft)
        return check_post(record.draft, record.audience or step.audience, step.checks)


KIND = PracticeKind()
