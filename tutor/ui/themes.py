"""The themes netsteps offers. Many learners are older or see less well, so every letter on
screen is readable: "netsteps" (the default) reaches WCAG AA, 4.5:1, and "high-contrast"
reaches WCAG AAA, 7:1, in every state (focus, hover, highlight, disabled, feedback).
tests/test_contrast.py measures both on the rendered screens."""

from __future__ import annotations

from textual.theme import Theme

DEFAULT_THEME = "netsteps"

NETSTEPS = Theme(
    name="netsteps",
    primary="#0178D4",
    secondary="#004578",
    accent="#ffa62b",
    warning="#ffa62b",
    error="#ba3c5b",
    success="#4EBF71",
    foreground="#e0e0e0",
    dark=True,
)

HIGH_CONTRAST = Theme(
    name="high-contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ffff00",
    warning="#ffd700",
    error="#ff8080",
    success="#7fff7f",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#000000",
    dark=True,
)

OWN_THEMES: dict[str, Theme] = {theme.name: theme for theme in (NETSTEPS, HIGH_CONTRAST)}
THEMES: tuple[str, ...] = tuple(OWN_THEMES)
"""The themes netsteps made, in the order a settings screen lists them."""
