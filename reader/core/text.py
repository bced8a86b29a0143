"""Text hygiene: invisible characters, line endings, and control codes that must never reach a terminal."""

from __future__ import annotations

import re

# ESC-introduced sequences (CSI, OSC, DCS/PM/APC strings, two-byte escapes) and their 8-bit forms.
_ESCAPES = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]                     # CSI: colours, cursor movement
  | \x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?   # OSC/DCS/SOS/PM/APC strings (title, clipboard)
  | \x1b[ -/]*[0-~]                             # other two-byte escapes
  | \x9b[0-?]*[ -/]*[@-~]                       # 8-bit CSI
  | \x9d[^\x07\x9c]*(?:\x07|\x9c)?              # 8-bit OSC
    """,
    re.VERBOSE,
)
# Control characters other than tab and newline, including C1 and a lone ESC.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_REMOVE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2007\u2009\u200a\u3000"), " ")
_NEWLINES = {ord("\u2028"): "\n", ord("\u2029"): "\n\n"}


def strip_controls(text: str) -> str:
    """Return text without terminal escape sequences or control characters (tab and newline stay)."""
    text = _ESCAPES.sub("", text)
    return _CONTROLS.sub("", text)


def normalise(text: str) -> str:
    """Return text with unified newlines, invisible characters removed and odd spaces made plain.

    Visible text is unchanged: zero-width spaces and soft hyphens disappear, no-break spaces become
    ordinary spaces, and control codes (which a terminal would execute) are removed.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_REMOVE).translate(_SPACES).translate(_NEWLINES)
    return strip_controls(text)


def paragraphs(text: str) -> list[str]:
    """Split text into non-empty paragraphs separated by blank lines."""
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
