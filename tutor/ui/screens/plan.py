"""The action plan: one list of actions by when, ticked done with Enter or a click; the
learner's own "when" for each; their words; how their confidence grew; and the exports."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from tutor import followup
from tutor.confidence import Change, chart_row
from tutor.messages import t
from tutor.plan import Plan, PlanAction, default_export_path, export, heading, plan_for, sentence
from tutor.plan import small_print as small_print_of
from tutor.progress.store import StoreError
from tutor.text import clean
from tutor.ui.literal import bold, literal, say
from tutor.ui.screens.base import TutorScreen
from tutor.ui.widgets.footer import KeyFooter
from tutor.ui.widgets.tick_list import TICKED, UNTICKED


def action_prompt(action: PlanAction) -> Table:
    """A tick (a character, not a colour), the sentence, and the small print under it."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    words = Text(clean(sentence(action)))
    words.append("\n" + clean(small_print_of(action)), style="italic")
    grid.add_row(Text(TICKED if action.done else UNTICKED), words)
    return grid


def confidence_chart(changes: list[Change]) -> Content:
    """One row per lesson: its title, then "before ██░░░ 2   after ████░ 4 ↑ more sure"."""
    lines: list[Content] = []
    for change in changes:
        picture, word = chart_row(change)
        lines.append(literal(change.lesson).stylize("bold"))
        lines.append(literal(f"  {picture}  {word}"))
    return Content("\n").join(lines)


class PlanScreen(TutorScreen[None]):
    CSS_PATH = "plan.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "key.close"),
        Binding("c", "cue", "plan.list.cue"),
        Binding("m", "export('md')", "key.export_md", show=False),
        Binding("t", "export('txt')", "key.export_txt", show=False),
        Binding("w", "export('html')", "key.export_html", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="plan-area"):
            yield Static(say("plan.title"), id="plan-title")
            yield Static(say("plan.list.how"), id="plan-how", classes="muted")
            yield OptionList(id="plan-list")
            with Horizontal(id="plan-list-actions"):
                yield Button(say("plan.list.mark"), id="mark")
                yield Button(say("plan.list.cue"), id="cue")
            with Vertical(id="cue-row"):
                yield Static(id="cue-label")
                with Horizontal():
                    yield Input(placeholder=t("plan.list.cue_placeholder"), id="cue-input",
                                max_length=followup.MAX_CUE)
                    yield Button(say("plan.list.cue_save"), id="cue-save")
            yield Static(id="plan-said")
            yield Static(id="plan-body")
            yield Static(id="plan-confidence")
            yield Static(say("plan.export_intro"), classes="muted")
            with Horizontal(id="plan-actions"):
                yield Button(say("plan.export_txt"), id="export-txt", variant="primary")
                yield Button(say("plan.export_html"), id="export-html")
                yield Button(say("plan.export_md"), id="export-md")
                yield Button(say("plan.back"), id="close")
            yield Static(id="exported")
        yield KeyFooter()

    editing: PlanAction | None = None

    def on_mount(self) -> None:
        self.tutor.save_now()
        self.query_one("#cue-row").display = False
        self.show_plan()
        if self.plan.actions:
            self.query_one("#plan-list", OptionList).focus()
        else:
            self.query_one("#export-txt", Button).focus()

    # Drawing

    def show_plan(self, keep: str | None = None) -> None:
        """Read the plan afresh (another window may have ticked something) and draw it;
        the highlight stays on the action ``keep`` wherever it moved to."""
        self.plan = plan_for(self.tutor.packs, self.tutor.store)
        self.refresh_bindings()  # "Add when" is offered only when there is an action
        plan = self.plan
        body = self.query_one("#plan-body", Static)
        body.update(self.render_plan(plan))
        body.display = plan.is_empty or bool(plan.reflections)
        options = self.query_one("#plan-list", OptionList)
        options.clear_options()
        self.rows: list[PlanAction | None] = []
        for group, actions in plan.groups():
            options.add_option(Option(literal(heading(group)).stylize("bold"), disabled=True))
            self.rows.append(None)
            for action in actions:
                options.add_option(Option(action_prompt(action), id=action.key))
                self.rows.append(action)
        for widget in ("#plan-list", "#plan-how", "#plan-list-actions"):
            self.query_one(widget).display = bool(plan.actions)
        if plan.actions:
            index = next((i for i, row in enumerate(self.rows)
                          if row is not None and row.key == keep), None)
            options.highlighted = index if index is not None else next(
                i for i, row in enumerate(self.rows) if row is not None)
        chart = self.query_one("#plan-confidence", Static)
        changes = [*plan.confidence, *([plan.course] if plan.course else [])]
        chart.display = bool(changes)
        if changes:
            chart.update(bold(t("confidence.title")) + literal("\n" + t("confidence.intro") + "\n")
                         + confidence_chart(changes))

    @staticmethod
    def render_plan(plan: Plan) -> Content:
        """What is not ticked in the list: the learner's own words under their prompts (or how
        the plan fills, while it is empty)."""
        if plan.is_empty:
            return say("plan.empty")
        if not plan.reflections:
            return Content("")
        parts: list[Content] = [bold(t("plan.list.own_words"))]
        lesson = ""
        for item in plan.reflections:
            if item.lesson != lesson:
                lesson = item.lesson
                parts.append(literal(lesson).stylize("bold"))
            parts.append(literal(item.prompt).stylize("italic"))
            parts.append(literal("  " + item.text.replace("\n", "\n  ")))
        return Content("\n").join(parts)

    # Ticking done, and the learner's own "when"

    def highlighted(self) -> PlanAction | None:
        index = self.query_one("#plan-list", OptionList).highlighted
        return self.rows[index] if index is not None and 0 <= index < len(self.rows) else None

    @on(OptionList.OptionSelected, "#plan-list")
    def selected(self, event: OptionList.OptionSelected) -> None:
        self.toggle(self.rows[event.option_index])

    @on(Button.Pressed, "#mark")
    def mark_pressed(self) -> None:
        self.toggle(self.highlighted())
        self.query_one("#plan-list", OptionList).focus()

    def toggle(self, action: PlanAction | None) -> None:
        if action is None:
            return
        try:
            if action.done:
                followup.undone(self.tutor.store, action)
                said = t("plan.list.marked_undone", action=action.text)
            else:
                followup.done(self.tutor.store, action)
                said = t("plan.list.marked_done", action=action.text)
        except StoreError as error:
            self.notify(str(error), markup=False, severity="error", timeout=15)
            return
        self.show_plan(keep=action.key)
        self.query_one("#plan-said", Static).update(literal(said))
        self.query_one("#plan-said").add_class("-said")

    @on(Button.Pressed, "#cue")
    def action_cue(self) -> None:
        action = self.highlighted()
        if action is None:
            return
        self.editing = action
        row = self.query_one("#cue-row")
        row.display = True
        self.query_one("#cue-label", Static).update(
            say("plan.list.cue_ask") + literal("\n") + say("plan.list.cue_for",
                                                           action=action.text))
        box = self.query_one("#cue-input", Input)
        box.value = action.cue
        box.focus()
        row.scroll_visible(animate=False)

    @on(Input.Submitted, "#cue-input")
    @on(Button.Pressed, "#cue-save")
    def save_cue(self) -> None:
        action = self.editing
        if action is None:
            return
        try:
            followup.set_cue(self.tutor.store, action, self.query_one("#cue-input", Input).value)
        except StoreError as error:
            self.notify(str(error), markup=False, severity="error", timeout=15)
            return
        self.editing = None
        self.query_one("#cue-row").display = False
        self.show_plan(keep=action.key)
        now = next((a for a in self.plan.actions if a.key == action.key), action)
        self.query_one("#plan-said").add_class("-said")
        self.query_one("#plan-said", Static).update(say("plan.list.cue_saved",
                                                        sentence=sentence(now)))
        self.query_one("#plan-list", OptionList).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Letters typed into the "when" box are words, not keys; with no action yet there is
        # nothing to add a "when" to, so the key is not offered.
        plan = getattr(self, "plan", None)  # None until the plan is first drawn
        if action == "cue" and (plan is None or not plan.actions):
            return False
        return not (action in ("cue", "export") and isinstance(self.focused, Input))

    # Exports and leaving

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
        if self.query_one("#cue-row").display:  # Escape in the "when" box closes just the box
            self.query_one("#cue-row").display = False
            self.query_one("#plan-list", OptionList).focus()
            return
        self.app.pop_screen()
