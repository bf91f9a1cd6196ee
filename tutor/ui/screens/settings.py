"""Settings: the language and the colours, chosen with the keyboard and saved at once."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from tutor.messages import DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES, catalog, language, t
from tutor.ui.literal import literal, say
from tutor.ui.screens.base import TutorScreen
from tutor.ui.themes import THEMES
from tutor.ui.widgets.footer import KeyFooter

LANGUAGE_SETTING = "language"
THEME_SETTING = "theme"


def theme_label(name: str) -> str:
    """A theme as the learner reads it; a theme the catalog does not name yet shows its name."""
    key = f"settings.themes.{name}"
    return t(key) if key in catalog(DEFAULT_LANGUAGE) else name


def choices(names: list[tuple[str, str]], chosen: str) -> list[Option]:
    """One line per choice; the chosen one is marked with a tick and a word, not colour alone."""
    return [Option(literal(f"✓ {label} ({t('settings.chosen')})" if value == chosen
                           else f"  {label}"), id=value) for value, label in names]


class SettingsScreen(TutorScreen[None]):
    CSS_PATH = "settings.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "key.close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="settings-area"):
            yield Static(say("settings.title"), id="settings-title")
            yield Static(say("settings.intro"), classes="muted")
            yield Static(say("settings.language"), classes="settings-heading")
            yield OptionList(*self.language_options(), id="languages")
            yield Static(say("settings.theme"), classes="settings-heading")
            yield OptionList(*self.theme_options(), id="themes")
            yield Static(say("followup.setting"), classes="settings-heading")
            yield OptionList(*self.followup_options(), id="followup")
            yield Static(id="settings-saved")
            yield Button(say("settings.close"), id="close", variant="primary")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.show_choices()

    def show_choices(self) -> None:
        self.query_one("#languages", OptionList).focus()
        self.mark(self.query_one("#languages", OptionList), language())
        self.mark(self.query_one("#themes", OptionList), self.app.theme)
        self.mark(self.query_one("#followup", OptionList), self.followup_choice())

    def language_options(self) -> list[Option]:
        return choices([(code, LANGUAGE_NAMES[code]) for code in LANGUAGES], language())

    def theme_options(self) -> list[Option]:
        return choices([(name, theme_label(name)) for name in THEMES], self.app.theme)

    def followup_choice(self) -> str:
        from tutor import followup

        return "on" if followup.is_on(self.tutor.store) else "off"

    def followup_options(self) -> list[Option]:
        return choices([("on", t("followup.setting_on")), ("off", t("followup.setting_off"))],
                       self.followup_choice())

    @on(OptionList.OptionSelected, "#followup")
    def followup_chosen(self, event: OptionList.OptionSelected) -> None:
        from tutor import followup

        followup.switch(self.tutor.store, event.option.id == "on")
        options = self.query_one("#followup", OptionList)
        options.clear_options()
        options.add_options(self.followup_options())
        self.mark(options, self.followup_choice())
        self.said(t("followup.setting_saved"))

    @staticmethod
    def mark(options: OptionList, chosen: str) -> None:
        """The highlight starts on the learner's current choice."""
        for index in range(options.option_count):
            if options.get_option_at_index(index).id == chosen:
                options.highlighted = index

    @on(OptionList.OptionSelected, "#languages")
    async def language_chosen(self, event: OptionList.OptionSelected) -> None:
        from tutor.messages import set_language
        from tutor.ui.screens.home import HomeScreen

        code = event.option.id or DEFAULT_LANGUAGE
        self.tutor.store.set_setting(LANGUAGE_SETTING, set_language(code))
        # Every word on show is drawn again: the home screen below (its big button keeps the
        # focus, as when it first opened), then this one.
        for screen in self.app.screen_stack:
            if isinstance(screen, HomeScreen):
                await screen.recompose()
                screen.focus_next(Button)
        await self.recompose()
        self.show_choices()
        self.said(t("settings.language_saved"))
        self.refresh_bindings()

    @on(OptionList.OptionSelected, "#themes")
    def theme_chosen(self, event: OptionList.OptionSelected) -> None:
        name = event.option.id or ""
        if name not in self.app.available_themes:
            return
        self.app.theme = name
        self.tutor.store.set_setting(THEME_SETTING, name)
        themes = self.query_one("#themes", OptionList)
        themes.clear_options()
        themes.add_options(self.theme_options())
        self.mark(themes, name)
        self.said(t("settings.theme_saved"))

    def said(self, text: str) -> None:
        self.query_one("#settings-saved", Static).update(Content(text))

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss()
