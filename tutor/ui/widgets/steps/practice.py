"""The practice sandbox: a draft (or a profile) the learner writes, checks, mends and checks
again. Findings mark the very words in the draft, by underline and number, not by colour."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import HorizontalGroup, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Static, TextArea

from tutor.checks import AUDIENCES, Finding, headline_limit
from tutor.kinds.practice import MAX_HEADLINE
from tutor.messages import t
from tutor.text import clean
from tutor.ui.literal import bold, hanging, literal, say
from tutor.ui.widgets.steps.base import StepView
from tutor.ui.widgets.tick_list import TickList
from tutor.wording import finding_lines, findings_heading


def marked(text: str, findings: list[Finding]) -> Content:
    """``text`` with each finding's words underlined and followed by its number."""
    parts: list[Content] = []
    position = 0
    for number, finding in enumerate(findings, start=1):
        if finding.start < position or finding.end > len(text):
            continue
        parts.append(literal(text[position:finding.start]))
        parts.append(literal(text[finding.start:finding.end]).stylize("bold underline"))
        parts.append(literal(f" ({number})").stylize("bold"))
        position = finding.end
    parts.append(literal(text[position:]))
    return Content.assemble(*parts)


class PracticeView(StepView):
    def compose(self) -> ComposeResult:
        record = self.session.practice()
        yield Static(bold(self.step.prompt), classes="step-title")
        if self.step.hint:
            yield Static(literal(self.step.hint), classes="muted hint")
        yield Static(say("practice.sandbox"), classes="muted")
        if self.step.mode == "profile":
            yield Static(say("practice.headline"), classes="field-label")
            yield Input(record.headline, id="headline", max_length=MAX_HEADLINE)
            yield Static(id="headline-count", classes="muted")
            yield Static(say("practice.about"), classes="field-label")
        else:
            yield Static(say("practice.audience"), classes="field-label")
            with HorizontalGroup(id="audience"):
                for audience in AUDIENCES:
                    yield Button("", id=f"audience-{audience}", classes="audience",
                                 name=audience)
            yield Static(say("practice.draft"), classes="field-label")
        yield TextArea(record.draft, id="draft", soft_wrap=True, show_line_numbers=False,
                       tab_behavior="focus")
        yield Button(say("practice.check"), id="check-draft", variant="primary")
        if self.step.plan:
            yield TickList([t("practice.keep")], {0} if record.in_plan else set(), id="keep")
        yield Vertical(id="findings")

    def on_mount(self) -> None:
        self.count_headline()
        self.show_audience()

    def show_audience(self) -> None:
        """The chosen audience is marked by a filled circle and bold, not by colour alone."""
        if self.step.mode == "profile":
            return
        chosen = self.session.practice().audience or self.step.audience
        for button in self.query(".audience").results(Button):
            picked = button.name == chosen
            button.label = literal(("◉ " if picked else "○ ") + t(f"practice.{button.name}"))
            button.set_class(picked, "-picked")

    def focus_first(self) -> None:
        box = self.query_one("#headline" if self.step.mode == "profile" else "#draft")
        box.focus(scroll_visible=False)
        if isinstance(box, TextArea):
            box.move_cursor(box.document.end)

    @on(TextArea.Changed, "#draft")
    def written(self, event: TextArea.Changed) -> None:
        event.stop()
        self.session.draft(text=event.text_area.text)

    @on(Input.Changed, "#headline")
    def headline_typed(self, event: Input.Changed) -> None:
        event.stop()
        self.session.draft(headline=event.value)
        self.count_headline()

    def count_headline(self) -> None:
        if self.step.mode != "profile":
            return
        length = len(self.session.practice().headline)
        self.query_one("#headline-count", Static).update(
            say("practice.headline_count", count=length, limit=headline_limit()))

    @on(TickList.Changed, "#keep")
    def keep_changed(self, event: TickList.Changed) -> None:
        event.stop()
        self.session.keep_draft_in_plan(bool(event.ticked))

    @on(Button.Pressed, ".audience")
    def audience_picked(self, event: Button.Pressed) -> None:
        event.stop()
        self.session.set_audience(event.button.name or "everyone")
        self.show_audience()

    @on(Button.Pressed, "#check-draft")
    async def check(self, event: Button.Pressed) -> None:
        event.stop()
        record = self.session.practice()
        box = self.query_one("#findings", Vertical)
        await box.remove_children()
        if not (record.draft.strip() or record.headline.strip()):
            await box.mount(Static(say("practice.empty")))
            box.set_classes("clear")
            return
        findings = self.session.check_draft()
        parts: list[Static] = []
        if self.step.mode == "profile":
            parts += [Static(say("practice.card").stylize("bold")),
                      Static(self._card(record.headline, record.draft), classes="card")]
        parts.append(Static(literal(findings_heading(len(findings))).stylize("bold")))
        if findings and self.step.mode != "profile":
            parts += [Static(say("practice.marked")),
                      Static(marked(record.draft, findings), classes="marked")]
        for number, finding in enumerate(findings, start=1):
            lines = finding_lines(finding.what, finding.why, finding.fix)
            parts.append(Static(hanging(f"{number}.", "\n".join(lines)), classes="finding"))
        parts.append(Static(say("practice.again"), classes="muted"))
        await box.mount_all(parts)
        box.set_classes("found" if findings else "clear")
        self.keep_in_view(box, box)

    @staticmethod
    def _card(headline: str, about: str) -> Content:
        """The profile as a stranger meets it: the headline cut where many places cut it."""
        limit = headline_limit()
        shown = headline if len(headline) <= limit else headline[: limit - 1] + "…"
        return Content.assemble(literal(shown or " ").stylize("bold"), literal("\n"),
                                literal(clean(about)))
