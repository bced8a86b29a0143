"""Versions of what reader stores: bump one and the data it names is rebuilt from the source files."""

PIPELINE = "7"  # cleaning and entity output: every file is processed again (7: no HTML date from a copyright year)
INDEX_SCHEMA = 9  # the Whoosh schema and analyzers: the index is rebuilt (9: their classes moved to reader.core.search)
CATALOGUE_SCHEMA = 3  # the SQLite tables: the catalogue is rebuilt (it is a cache)


def stamp() -> str:
    """All of them in one string, kept with whatever depends on them."""
    return f"{PIPELINE}/{INDEX_SCHEMA}/{CATALOGUE_SCHEMA}"
