"""STYLE rule 1: the core never imports Textual or Rich, not even through another package."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import reader.core

MODULES = sorted(m.name for m in pkgutil.walk_packages(reader.core.__path__, "reader.core."))


def _toolkits_after_importing(modules: list[str]) -> str:
    code = (f"import sys\nfor m in {modules!r}: __import__(m)\n"
            "print(','.join(m for m in ('textual', 'rich') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-500:]
    return result.stdout.strip()


def test_core_modules_do_not_import_ui_toolkits():
    assert len(MODULES) > 40  # every module of every stage, not only the top level
    if _toolkits_after_importing(MODULES):  # one process for all; then find the culprit
        culprits = {m: found for m in MODULES if (found := _toolkits_after_importing([m]))}
        raise AssertionError(f"core modules importing UI toolkits: {culprits}")
