"""The command line: a thin shell over the library; stdout is data, errors go to stderr.

arguments (the grammar), commands and web (one function per command), output (printing, and the
sync each command starts with), compare_text (a comparison laid out in two columns).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from reader.cli.arguments import parse_options
from reader.cli.commands import COMMANDS
from reader.cli.output import err
from reader.core.models import ReaderError

__all__ = ["entry", "main"]


def main(argv: Sequence[str] | None = None, check: Any = None) -> int:
    """Run one command; `check` is a check of the last sync's snapshot already started (see
    reader.launch), for `reader search`."""
    options = parse_options(sys.argv[1:] if argv is None else argv)
    if check is not None:
        options = replace(options, check=check)
    if options.command is None:
        from reader.ui.app import run

        return run()
    from reader.core.library import Library

    library = Library()
    try:
        return COMMANDS[options.command](library, options)
    except ReaderError as exc:
        err(f"reader: {exc}")
        return 1
    except KeyboardInterrupt:
        err("reader: interrupted; the library is intact and the next run continues")
        return 130
    except BrokenPipeError:  # e.g. `reader list | head`: the reader of our output has gone
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    finally:
        library.close()


def entry(check: Any = None) -> None:
    """The `reader` command (through reader.launch). A command (not the interface) ends with
    os._exit once its output is flushed and its library closed: tearing the interpreter down would
    add ~15 ms to a ~100 ms `reader search`, and there is nothing left to clean up."""
    code = main(check=check)
    if len(sys.argv) <= 1:
        raise SystemExit(code)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        pass  # the reader of our output has gone (`reader list | head`), as in main()
    except OSError as exc:
        err(f"reader: could not write the output ({exc.strerror})")
        code = 1
    sys.stderr.flush()
    os._exit(code)
