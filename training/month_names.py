"""Write reader's table of month names in other languages: `python -m training.month_names`.

dateparser (BSD, already reader's date parser) ships the month names of some 200 locales. Those
of the languages reader tells by their function words (training/function_words.py) become
reader/core/data/month_names.txt.gz, one "language<TAB>month number<TAB>name" a line, lower
case: what finds "22 de outubro de 2010", "24 сентября 2018" or "12. Juni 2025" on a page written
in that language (reader.core.ingest.dates.find_dates). English names are reader's own
(dates.MONTHS).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from training.tables import write_table

OUT = Path(__file__).resolve().parent.parent / "reader" / "core" / "data" / "month_names.txt.gz"
MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december")
MIN_CHARS = 3  # shorter abbreviations ("ma") are too easily something else


def months() -> dict[str, dict[str, int]]:
    """Language -> lower-case month name -> its number (1-12), for the languages of the
    function-word table that dateparser has a locale of."""
    from dateparser.languages.loader import LocaleDataLoader

    from reader.core.ingest.dates import MONTHS
    from reader.core.ingest.words import data_lines

    languages = sorted({line.split("\t")[0] for line in data_lines("function_words.txt.gz")
                        if not line.startswith("=")})
    english = re.compile(rf"{MONTHS}", re.IGNORECASE)
    loader = LocaleDataLoader()
    table: dict[str, dict[str, int]] = {}
    for language in languages:
        try:
            info = loader.get_locale(language).info
        except (KeyError, ValueError):
            continue  # a language dateparser has no locale of
        numbers: dict[str, set[int]] = {}
        for number, key in enumerate(MONTH_KEYS, 1):
            for name in info.get(key, []):
                name = name.lower().rstrip(".")
                if len(name) >= MIN_CHARS and not re.search(r"[\d\s]", name) and not english.fullmatch(name):
                    numbers.setdefault(name, set()).add(number)
        if names := {name: min(found) for name, found in numbers.items() if len(found) == 1}:
            table[language] = names
    return table


def main() -> int:
    table = months()
    lines = [f"{language}\t{number}\t{name}" for language in sorted(table)
             for name, number in sorted(table[language].items(), key=lambda kv: (kv[1], kv[0]))]
    write_table(OUT, "Month names of other languages from dateparser's locale data (BSD), written by "
                     "training/month_names.py", lines)
    print(f"wrote {len(lines)} month names of {len(table)} languages to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
