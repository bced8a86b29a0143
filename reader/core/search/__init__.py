"""The search engine: articles -> a Whoosh index on disk -> ranked hits with highlighted snippets.

analysis (the words of a text, once per distinct word), schema (an article's fields), index and
index_writer (the index on disk and the one writer of it), whoosh_import (Whoosh without what
reader never uses), queries (query text -> hits, facets, spelling suggestions), highlight
(character spans of the matches), syntax (the query language, as the help shows it).
"""

from typing import TYPE_CHECKING

from reader.core.exports import lazy

__all__ = ["SYNTAX", "Hit", "Index", "Results", "search"]
__getattr__ = lazy(globals(), {"SYNTAX": "reader.core.search.syntax",
                               "Hit": "reader.core.search.queries",
                               "Results": "reader.core.search.queries",
                               "search": "reader.core.search.queries",
                               "Index": "reader.core.search.index"})

if TYPE_CHECKING:
    from reader.core.search.index import Index
    from reader.core.search.queries import Hit, Results, search
    from reader.core.search.syntax import SYNTAX
