"""The themes netsteps offers. Many learners are older or see less well, so every letter on
screen is readable: "netsteps" (the default) reaches WCAG AA, 4.5:1, and "high-contrast"
reaches WCAG AAA, 7:1, in every state (focus, hover, highlight, disabled, feedback).
tests/test_contrast.py measures both on the rendered screens, as a truecolor terminal shows
them and as a 256-colour one does (Textual then picks the nearest of 256 colours, so a tinted
dark grey can turn teal: the panel behind the key bar is a plain grey for that reason)."""

from __future__ import annotations

from textual.theme import Theme

DEFAULT_THEME = "netsteps"

# A light blue that carries dark letters when it fills a focused button or a highlighted answer
# (about 7:1) and still reads as a letter colour on the dark background (about 7:1 too). The
# muted and disabled greys are solid colours, never a see-through white that the background
# would wash out.
NETSTEPS = Theme(
    name="netsteps",
    primary="#58A6FF",
    secondary="#1F6FEB",
    accent="#FFA62B",
    warning="#FFA62B",
    error="#FF7B8A",
    success="#56D364",
    foreground="#E6E6E6",
    background="#121212",
    surface="#1E1E1E",
    panel="#303030",
    dark=True,
    variables={
        "text-muted": "#B0B0B0",
        "text-disabled": "#A0A0A0",
        "block-cursor-foreground": "#0D1117",
        "block-cursor-blurred-foreground": "#E6E6E6",
        "block-cursor-blurred-background": "#2B4A6F",
        "button-color-foreground": "#0D1117",
        # A focused button is underlined, not drawn in reverse: its letters keep their colours.
        "button-focus-text-style": "bold underline",
        "footer-key-foreground": "#FFB84D",
    },
)

# Black and white with yellow: the yellow fills what has the focus (black letters on it,
# 19:1) and marks borders and headings; every grey letter is at least 9:1 on black.
HIGH_CONTRAST = Theme(
    name="high-contrast",
    primary="#FFE000",
    secondary="#00E5FF",
    accent="#00E5FF",
    warning="#FFE000",
    error="#FF8C8C",
    success="#66FF80",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    dark=True,
    variables={
        "text-muted": "#D0D0D0",
        "text-disabled": "#C0C0C0",
        "block-cursor-foreground": "#000000",
        "block-cursor-blurred-foreground": "#FFFFFF",
        "block-cursor-blurred-background": "#333333",
        "button-color-foreground": "#000000",
        "button-focus-text-style": "bold underline",
        "border-blurred": "#808080",
        "footer-key-foreground": "#FFE000",
    },
)

OWN_THEMES: dict[str, Theme] = {theme.name: theme for theme in (NETSTEPS, HIGH_CONTRAST)}
THEMES: tuple[str, ...] = tuple(OWN_THEMES)
"""The themes netsteps made, in the order a settings screen lists them."""
