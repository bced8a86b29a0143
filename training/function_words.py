"""Write reader's table of other languages' function words: `python -m training.function_words`.

spaCy (MIT, already reader's NER) ships stop-word lists for some 70 languages. The single words
of those written with spaces between words become reader/core/data/function_words.txt.gz, one
"language<TAB>word" a line (and "=language<TAB>its English name" for each): what tells a paragraph of Portuguese or Russian prose from a menu, as
reader's own English list does for English (reader.core.ingest.words.STOP_WORDS, not repeated here).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
from pathlib import Path

from training.tables import write_table

OUT = Path(__file__).resolve().parent.parent / "reader" / "core" / "data" / "function_words.txt.gz"
# Scripts written without spaces between words (a stop word is never a whole token there), the
# ancient languages, and English (reader's own list).
SKIP = {"en", "ja", "zh", "th", "bo", "grc", "la", "sa", "ko"}
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def lists() -> dict[str, tuple[str, set[str]]]:
    """Language code -> (its English name, its function words)."""
    import spacy.lang
    import spacy.util

    out: dict[str, tuple[str, set[str]]] = {}
    for module in pkgutil.iter_modules(spacy.lang.__path__):
        if module.name in SKIP:
            continue
        try:
            words = importlib.import_module(f"spacy.lang.{module.name}.stop_words").STOP_WORDS
        except ModuleNotFoundError:
            continue
        kept = {w.lower() for w in words if _WORD.fullmatch(w)}
        if len(kept) >= 30:
            out[module.name] = (spacy.util.get_lang_class(module.name).__name__, kept)
    return out


def main() -> int:
    table = lists()
    lines = [f"={lang}\t{table[lang][0]}" for lang in sorted(table)]
    lines += [f"{lang}\t{word}" for lang in sorted(table) for word in sorted(table[lang][1])]
    write_table(OUT, "Function words of other languages from spaCy's stop-word lists (MIT), written by "
                     "training/function_words.py", lines)
    print(f"wrote {len(lines)} words of {len(table)} languages to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
