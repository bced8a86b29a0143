"""Bare spaCy NER over the cleaned bodies of a library: the floor the ingestion pipeline is compared to.

`python -m benchmarks.bare_ner HOME` prints the seconds from importing spaCy to the last entity,
on the same texts, with the same model and the same number of processes as `reader add`.
"""

from __future__ import annotations

import os
import sys
import time


def main() -> int:
    os.environ["READER_HOME"] = sys.argv[1]
    from reader.core.language.ner import MAX_CHARS, NOT_NEEDED, model_name
    from reader.core.library.facade import Library

    bodies = [a.body[:MAX_CHARS] for a in Library().catalogue.all()]
    processes = 2 if len(bodies) >= 200 and (os.cpu_count() or 1) > 1 else 1
    start = time.perf_counter()
    import spacy

    nlp = spacy.load(model_name(), exclude=NOT_NEEDED)  # as reader loads it, without the ruler
    entities = sum(len(doc.ents) for doc in nlp.pipe(bodies, batch_size=32, n_process=processes))
    print(f"{time.perf_counter() - start:.3f} {len(bodies)} {entities}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
