"""Start-up of the interface and searching never load spaCy: entities were computed at index time."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT

SCRIPT = """
import asyncio, sys
from reader.ui.app import ReaderApp

async def main():
    app = ReaderApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.query_one("#articles").row_count == 5
        app.library.search("Zelensky")
    print("spacy" in sys.modules, "thinc" in sys.modules)

asyncio.run(main())
"""


def test_interface_start_and_search_do_not_import_spacy(tmp_path):
    env = dict(os.environ, READER_HOME=str(tmp_path))
    subprocess.run([sys.executable, "-m", "reader", "index"], env=env, cwd=ROOT, check=True,
                   capture_output=True)
    result = subprocess.run([sys.executable, "-c", SCRIPT], env=env, cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "False False"
