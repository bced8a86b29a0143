"""The interface's settings (theme, sort, layout), kept between runs in the config folder."""

from __future__ import annotations

import json
import os
from typing import Any

from reader.core.library import Paths

FILE = "interface.json"


def load(paths: Paths) -> dict[str, Any]:
    """The saved settings, or none when the file is missing or unreadable."""
    try:
        data = json.loads((paths.config / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save(paths: Paths, values: dict[str, Any]) -> None:
    """Write the settings (atomically); a read-only config folder only loses them."""
    target = paths.config / FILE
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_text(json.dumps(values, indent=2), encoding="utf-8")
        os.replace(tmp, target)
    except OSError:
        pass  # settings are a convenience; reading must go on
