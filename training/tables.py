"""Write a reference table of reader/core/data: one entry a line, gzipped, the same bytes each run
(read back by reader.core.ingest.words.data_lines)."""

from __future__ import annotations

import gzip
from pathlib import Path


def write_table(path: Path, about: str, lines: list[str]) -> None:
    """A "# about" comment line, then the lines; no time in the gzip header (versions.DATA_DIGEST)."""
    text = f"# {about}\n" + "\n".join(lines) + "\n"
    with gzip.GzipFile(path, "wb", compresslevel=9, mtime=0) as handle:
        handle.write(text.encode("utf-8"))
