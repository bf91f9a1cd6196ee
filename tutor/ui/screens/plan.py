"""The action plan: every commitment and plan reflection, grouped by lesson, ready to export."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Static

from tutor.messages import t
from tutor.plan import Plan, build_plan, default_export_path, export
from tutor.ui.literal import bold, literal, say
from tutor.ui.screens.base import TutorScreen
from tutor.wording import by_when


class PlanScreen(TutorScreen[None]):
    CSS_PATH = "plan.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "key.close"),
        Binding("m", "export('md')", "key.export_md", show=False),
        Binding("t", "export('txt')", "key.export_txt", show=False),
        Binding("w", "export('html')", "key.export_html", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="plan-area"):
            yield Static(say("plan.title"), id="plan-title")
            yield Static(id="plan-body")
            yield Static(say("plan.export_intro"), classes="muted")
            with Horizontal(id="plan-actions"):
                yield Button(say("plan.export_txt"), id="export-txt", variant="primary")
                yield Button(say("plan.export_html"), id="export-html")
                yield Button(say("plan.export_md"), id="export-md")
                yield Button(say("plan.back"), id="close")
            yield Static(id="exported")
        yield Footer()

    def on_mount(self) -> None:
        self.tutor.save_now()
        self.plan = build_plan(self.tutor.packs, self.tutor.store)
        self.query_one("#plan-body", Static).update(self.render_plan(self.plan))
        self.query_one("#export-txt", Button).focus()

    @staticmethod
    def render_plan(plan: Plan) -> Content:
        if plan.is_empty:
            return say("plan.empty")
        parts: list[Content] = []
        for section in plan.sections:
            lines = [bold(section.lesson)]
            for item in section.items:
                if item.is_reflection:
                    lines.append(literal(item.prompt).stylize("italic"))
                    lines.append(literal("  " + item.text.replace("\n", "\n  ")))
                else:
                    by = by_when(item.by)
                    lines.append(literal(f"☐ {item.text}{by}"))
            parts.append(Content("\n").join(lines))
        return Content("\n\n").join(parts)

    def action_export(self, fmt: str) -> None:
        folder = self.tutor.documents_dir
        path = default_export_path(fmt, folder)
        try:
            written = export(self.plan, path, fmt)
        except OSError as error:
            self.notify(t("plan.export_failed", path=path, reason=error.strerror or error),
                        markup=False, severity="error", timeout=15)
            return
        self.query_one("#exported", Static).update(say("plan.exported", path=written))
        self.notify(t("plan.exported", path=written), markup=False, timeout=10)

    @on(Button.Pressed, "#export-md")
    def export_md(self) -> None:
        self.action_export("md")

    @on(Button.Pressed, "#export-txt")
    def export_txt(self) -> None:
        self.action_export("txt")

    @on(Button.Pressed, "#export-html")
    def export_html(self) -> None:
        self.action_export("html")

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.app.pop_screen()
