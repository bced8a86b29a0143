"""Colours for entities, search hits and comparisons, readable on the active theme's background.

Each kind keeps its hue (people pink, places green, ...); its lightness is moved until the text
has a WCAG contrast of at least 4.5:1 with the background, on dark and light themes alike.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass

MINIMUM = 4.5  # WCAG AA for ordinary text

HUES = {
    "person": "#f0a0ff",
    "org": "#7fd4ff",
    "place": "#8ee08e",
    "group": "#e6c07b",
    "other": "#c8a2ff",
    "date": "#b0b0ff",
    "number": "#ffb86c",
    "money": "#ffd75f",
}
SHARED_HUES = ("#2e8b57", "#3a6ea5")  # aligned passages, alternately
ONLY_HUE = "#f08050"  # what only one side of a comparison has
REASON_HUE = "#d08770"


def _rgb(color: str) -> tuple[float, float, float]:
    color = color.lstrip("#")
    return tuple(int(color[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c * 255))):02x}" for c in rgb)


def luminance(color: str) -> float:
    """WCAG relative luminance of a #rrggbb colour."""
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable(color: str, background: str, minimum: float = MINIMUM) -> str:
    """The colour with its hue and saturation, lightened or darkened until readable on background."""
    h, lightness, s = colorsys.rgb_to_hls(*_rgb(color))
    towards_light = luminance(background) < 0.18
    step = 0.02 if towards_light else -0.02
    candidate = color
    for _ in range(60):
        if contrast(candidate, background) >= minimum:
            return candidate
        lightness = min(1.0, max(0.0, lightness + step))
        candidate = _hex(colorsys.hls_to_rgb(h, lightness, s))
    return "#ffffff" if towards_light else "#000000"


def blend(a: str, b: str, share: float) -> str:
    """a with `share` of b mixed in."""
    return _hex(tuple(x + (y - x) * share for x, y in zip(_rgb(a), _rgb(b))))  # type: ignore[arg-type]


@dataclass(frozen=True)
class Palette:
    """Rich styles for one theme."""

    background: str
    foreground: str
    entity: dict[str, str]  # kind -> style
    match: str
    current_match: str
    shared: tuple[str, ...]  # background tints of aligned passages (text in the foreground colour)
    only: str
    reason: str
    heading: str = "bold underline"
    removed: str = "strike"

    def entity_style(self, kind: str) -> str:
        return self.entity.get(kind, "bold")


def palette(background: str, foreground: str, surface: str | None = None) -> Palette:
    """The styles for a theme with this background (and panel surface) and text colour."""
    grounds = [background] + ([surface] if surface else [])

    def legible(hue: str) -> str:
        for ground in grounds:  # readable on the screen and on its panels
            hue = readable(hue, ground)
        return hue

    entity = {}
    for kind, hue in HUES.items():
        weight = "bold " if kind in ("person", "org", "place") else ""
        entity[kind] = weight + legible(hue)
    shared = []
    for hue in SHARED_HUES:
        share = 0.35
        tint = blend(background, hue, share)
        while share > 0.05 and contrast(foreground, tint) < MINIMUM:
            share -= 0.05
            tint = blend(background, hue, share)
        shared.append(f"{foreground} on {tint}")
    return Palette(
        background=background, foreground=foreground, entity=entity,
        match="bold #000000 on #ffd75f", current_match="bold #000000 on #ff8c00",
        shared=tuple(shared), only=legible(ONLY_HUE), reason="italic " + legible(REASON_HUE),
    )


def theme_colors(variables: dict[str, str], dark: bool) -> tuple[str, str, str]:
    """(background, foreground, surface) as #rrggbb from a Textual theme's CSS variables.

    ANSI themes leave the colours to the terminal: black or white is assumed, by the theme's
    darkness, so the colours stay readable on the common terminal backgrounds.
    """
    def solid(value: str | None, fallback: str) -> str:
        if value and value.startswith("#") and len(value) >= 7:
            return value[:7].lower()
        return fallback

    background = solid(variables.get("background"), "#000000" if dark else "#ffffff")
    foreground = solid(variables.get("foreground"), "#ffffff" if dark else "#000000")
    surface = solid(variables.get("surface"), background)
    if contrast(foreground, background) < MINIMUM:
        foreground = "#ffffff" if luminance(background) < 0.18 else "#000000"
    return background, foreground, surface


DEFAULT = palette("#1e1e1e", "#e0e0e0")
