"""What the commands print: data on stdout (never a control code from an article), progress and
errors on stderr, and the sync every command starts with."""

from __future__ import annotations

import json
import sys
from typing import Any

from reader.core.text import strip_controls


def out(text: str = "") -> None:
    sys.stdout.write(strip_controls(text) + "\n")


def err(text: str) -> None:
    sys.stderr.write(strip_controls(text) + "\n")


def out_styled(text: str) -> None:
    """A line whose parts were stripped of control codes already, with our own styling codes."""
    sys.stdout.write(text + "\n")


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word if n == 1 else (words or word + 's')}"


def print_json(data: Any) -> None:
    # json.dumps escapes every control character, so no escape sequence reaches the terminal.
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def sync(library: Any, rebuild: bool = False, quiet: bool = False, check: Any = None) -> Any:
    """Update the library, printing progress and refused files on stderr; return the report."""
    from reader.core.models import SyncReport

    report = SyncReport()
    tty = sys.stderr.isatty()
    for step in library.sync(rebuild=rebuild, report=report, check=check):
        if step.message:
            err(f"reader: {step.message}")
        if step.problem:
            if tty:
                sys.stderr.write("\r\x1b[K")
            err(f"reader: {step.problem}")
        elif tty and not quiet and step.total:
            sys.stderr.write(f"\rindexing {step.done}/{step.total} …")
            sys.stderr.flush()
    if tty and not quiet and (report.added or report.updated):
        sys.stderr.write("\r\x1b[K")
    return report


class ProgressLine:
    """A context giving a function that shows one progress line on stderr (a terminal only)."""

    def __enter__(self) -> Any:
        self.tty = sys.stderr.isatty()

        def show(text: str) -> None:
            if self.tty:
                sys.stderr.write("\r\x1b[K" + strip_controls(text))
                sys.stderr.flush()
        return show

    def __exit__(self, *exc: object) -> None:
        if self.tty:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def summary(library: Any, report: Any) -> dict[str, Any]:
    return {"added": report.added, "updated": report.updated, "deleted": report.deleted,
            "unchanged": report.unchanged, "problems": [str(p) for p in report.problems],
            "articles": library.catalogue.count()}
