"""Entity F1 on CoNLL-2003 news reader was not written from: `python -m benchmarks.entities_conll`.

Reads ../shared/eval/ner/conll2003-valid.txt (the development split; the judging set is another
split). Each document's tokens are joined with spaces; mentions are compared as exact character
spans with their kind: person -> PER, org -> ORG, place -> LOC, group and other -> MISC.
Reported per kind for the spaCy model alone, for reader's rules (the same model, then canonical
names, reference places and the library's vote on each name's kind) and for the whole pipeline,
whose last step, the kinds model, learns from this very split: its figure here is in-sample, and
the one to quote is training/kinds.py's, held out by runs of documents (stored in the model file).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from benchmarks.common import SHARED

CONLL = SHARED / "eval" / "ner" / "conll2003-valid.txt"
KIND_TO_CONLL = {"person": "PER", "org": "ORG", "place": "LOC", "group": "MISC", "other": "MISC"}
Span = tuple[int, int, str]


def documents(path: Path = CONLL) -> list[tuple[str, set[Span]]]:
    """(text, gold spans) of every document: sentences on their own lines, tokens spaced."""
    docs: list[tuple[str, set[Span]]] = []
    tokens: list[tuple[str, str]] = []

    def flush() -> None:
        if not tokens:
            return
        text, spans, offset, current = [], set(), 0, None
        for token, tag in tokens:
            if token == "\n":
                text.append("\n")
                offset += 1
                if current:
                    spans.add(current)
                current = None
                continue
            if text and text[-1] != "\n":
                text.append(" ")
                offset += 1
            start, end = offset, offset + len(token)
            text.append(token)
            offset = end
            kind = tag[2:] if tag != "O" else None
            if tag.startswith("B-") or (tag.startswith("I-") and (current is None or current[2] != kind)):
                if current:
                    spans.add(current)
                current = (start, end, kind or "")
            elif tag.startswith("I-") and current:
                current = (current[0], end, current[2])
            else:
                if current:
                    spans.add(current)
                current = None
        if current:
            spans.add(current)
        docs.append(("".join(text), spans))
        tokens.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if tokens and tokens[-1][0] != "\n":
                tokens.append(("\n", "O"))
            continue
        if parts[0] == "-DOCSTART-":
            flush()
            continue
        tokens.append((parts[0], parts[-1]))
    flush()
    return docs


def score(gold: list[set[Span]], found: list[set[Span]]) -> dict[str, dict[str, float]]:
    """Precision, recall and F1 per kind and micro-averaged over all kinds."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, f in zip(gold, found):
        for span in f & g:
            tp[span[2]] += 1
        for span in f - g:
            fp[span[2]] += 1
        for span in g - f:
            fn[span[2]] += 1
    out = {}
    for kind in ("PER", "ORG", "LOC", "MISC", "all"):
        t = sum(tp.values()) if kind == "all" else tp[kind]
        p_ = sum(fp.values()) if kind == "all" else fp[kind]
        n_ = sum(fn.values()) if kind == "all" else fn[kind]
        precision = t / (t + p_) if t + p_ else 0.0
        recall = t / (t + n_) if t + n_ else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[kind] = {"p": round(precision, 3), "r": round(recall, 3), "f1": round(f1, 3)}
    return out


def measure(path: Path = CONLL) -> dict[str, dict[str, dict[str, float]]]:
    from reader.core.language import kinds, ner
    from reader.core.language.entities import KIND_OF
    from reader.core.language.votes import library_entities

    docs = documents(path)
    texts = [text for text, _ in docs]
    gold = [spans for _, spans in docs]
    bare = ner.recognise(texts, recase=False, places=False)
    alone = [{(m.start, m.end, KIND_TO_CONLL[k]) for m in raw
              if (k := KIND_OF.get(m.label)) in KIND_TO_CONLL} for raw in bare]
    raw = ner.recognise(texts)
    out = {"spaCy model alone": score(gold, alone)}
    for name, judged in (("reader rules", False), ("reader, in-sample", True)):
        tagged = library_entities(texts, raw, judged=judged)
        out[name] = score(gold, [{(m.start, m.end, KIND_TO_CONLL[m.label]) for m in mentions
                                  if m.label in KIND_TO_CONLL} for mentions in tagged])
    return out | {"reader, kinds model held out": kinds.held_out()}


def main() -> int:
    if not CONLL.exists():
        print(f"entities_conll: {CONLL} is missing", file=sys.stderr)
        return 1
    print(json.dumps(measure(), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
