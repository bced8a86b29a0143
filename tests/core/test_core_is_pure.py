"""STYLE rule 1: the core never imports Textual or Rich."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import reader.core

MODULES = sorted(f"reader.core.{m.name}" for m in pkgutil.iter_modules(reader.core.__path__))


@pytest.mark.parametrize("module", MODULES)
def test_core_module_does_not_import_ui_toolkits(module):
    code = (f"import sys, {module}; bad = [m for m in ('textual', 'rich') if m in sys.modules]; "
            "print(','.join(bad)); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, f"{module} imports {result.stdout.strip()} {result.stderr[-300:]}"
