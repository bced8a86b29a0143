"""The domain core: plain data in, plain data out; no Textual or Rich imports.

The stages an article passes through, in order (each package's docstring says what goes in and
what comes out): web (addresses and feeds -> pages on disk), ingest (a file -> cleaned text and
fields), language (text -> entities and figures), search (articles -> an index -> hits), relate
(articles -> comparisons and stories), library (all of it kept up to date: the Library facade
the interface and the command line use). Shared by every stage: models (the plain data), text
(normalising text), versions (of what reader stores), data/ (the models and tables shipped).
"""
