"""Reading and cleaning: a file (text, Markdown, HTML) -> a cleaned article's text and fields.

In order: files (find article files, decode bytes, refuse what is not text), html (trafilatura
for HTML pages), source (lines and Markdown of a text page), blocks and block_features (a page as
blocks, each described by numbers), boilerplate and trees (the learned model that tells article
text from page chrome), templates (lines a site repeats on its pages), headline, metadata and
dates (title, byline, outlet, date, agencies), clean (all of it together: RawDocument -> Cleaned).
"""

from typing import TYPE_CHECKING

from reader.core.exports import lazy

__all__ = ["SUFFIXES", "clean", "read_document"]
__getattr__ = lazy(globals(), {"SUFFIXES": "reader.core.ingest.files",
                               "read_document": "reader.core.ingest.files",
                               "clean": "reader.core.ingest.clean"})

if TYPE_CHECKING:
    from reader.core.ingest.clean import clean
    from reader.core.ingest.files import SUFFIXES, read_document
