"""Write reader's table of given names from Faker's person providers: `python -m training.given_names`.

Faker (MIT) lists the first names of some 80 locales. The Latin-script ones, ASCII-folded
spellings added, become reader/core/data/given_names.txt.gz, one name a line: the evidence that a
bare "Dan Milmo" above a story is a person and "Share This" is not (needs `pip install '.[train]'`).
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import unicodedata
from pathlib import Path

from training.tables import write_table

OUT = Path(__file__).resolve().parent.parent / "reader" / "core" / "data" / "given_names.txt.gz"
_LISTS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 or not c.isalpha() for c in name)


def _fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def given_names() -> set[str]:
    import faker.providers.person as people

    names: set[str] = set()
    for module in pkgutil.iter_modules(people.__path__):
        provider = getattr(importlib.import_module(f"{people.__name__}.{module.name}"), "Provider", None)
        for attribute in _LISTS:
            # Class attributes along the provider's bases (some are properties on instances).
            found = next((k.__dict__[attribute] for k in getattr(provider, "__mro__", ())
                          if attribute in k.__dict__), None)
            if isinstance(found, dict):
                found = list(found)
            if isinstance(found, (list, tuple)):
                names.update(n.strip() for n in found if isinstance(n, str))
    out = set()
    for name in names:
        if name and _latin(name) and name[0].isupper() and " " not in name:
            out.update({name, _fold(name)})
    return out


def main() -> int:
    names = sorted(given_names())
    write_table(OUT, "Given names from Faker's person providers (MIT), written by training/given_names.py", names)
    print(f"wrote {len(names)} names to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
