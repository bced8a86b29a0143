"""A change to what cleaning or tagging make must reach libraries made before it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import reader.core.data
from reader.core import versions


def data_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(Path(reader.core.data.__path__[0]).iterdir()):
        if path.is_file() and path.suffix in (".json", ".gz"):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def test_the_models_and_tables_are_those_the_pipeline_version_names():
    """A retrained model or an edited table changes every library's articles: bump
    versions.PIPELINE (so syncs process every file again) and set DATA_DIGEST to the new digest."""
    assert data_digest() == versions.DATA_DIGEST, (
        f"reader/core/data changed (digest {data_digest()}): bump versions.PIPELINE and DATA_DIGEST")
