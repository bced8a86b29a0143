"""Language: a cleaned body -> its entities and figures.

ner (spaCy in worker processes: text -> raw spans), entities (raw spans -> canonical mentions of
people, organisations, places, groups and other names, one entity across spellings, kinds agreed
across the library by votes), kinds (a learned model's verdict on each name's kind, and on the
names spaCy missed), summaries (entities across articles, with counts and spellings), folding and truecase (spellings and capitals brought to one form), figures
(numbers, money and quotes with their context), sentences (a body -> sentences), evaluate
(entity scores against hand labels).
"""

from typing import TYPE_CHECKING

from reader.core.exports import lazy

__all__ = ["NAME_KINDS", "EntitySummary", "Tagger", "canonicalise"]
__getattr__ = lazy(globals(), {"NAME_KINDS": "reader.core.language.entities",
                               "EntitySummary": "reader.core.language.summaries",
                               "canonicalise": "reader.core.language.entities",
                               "Tagger": "reader.core.language.ner"})

if TYPE_CHECKING:
    from reader.core.language.entities import canonicalise
    from reader.core.language.names import NAME_KINDS
    from reader.core.language.ner import Tagger
    from reader.core.language.summaries import EntitySummary
