"""The writer the index is written with: Whoosh's own, with shortcuts that leave its files as
Whoosh writes them (the tests compare them) and take about half the time.

Only reader.core.search.index writes; it imports this module when it does, never to search.
"""

from __future__ import annotations

import functools
from array import array
from collections.abc import Iterable
from pickle import dumps
from typing import Any

from whoosh.codec.whoosh3 import (
    W3Codec,
    W3FieldWriter,
    W3PerDocWriter,
    W3PostingsWriter,
    W3Segment,
    W3TermInfo,
)
from whoosh.filedb.filetables import _lengths as _ENTRY_LENGTHS
from whoosh.filedb.filetables import md5
from whoosh.index import Index as WhooshIndex
from whoosh.system import pack_ushort
from whoosh.util.numeric import length_to_byte

from reader.core.search.schema import SpelledText

_TERM_INFO = W3TermInfo._struct  # noqa: SLF001 - the layout of a term's entry
# A posting as Whoosh's pool holds it: (field, term, document, weight, encoded value)
Posting = tuple[str, bytes, int, float, bytes | None]


class _LengthsReadOnce:
    """The per-document reader Whoosh hands its postings writer, with each field's lengths read
    once into a list.

    Whoosh asks for a document's field length once per posting (1.4 million times for BBC)
    through a chain of calls, and for a field without lengths (the unscored ID fields) it looks
    for the column file again on each call.
    """

    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self._lengths: dict[tuple[str, int], list[int | None]] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int | None:
        lengths = self._lengths.get((fieldname, default))
        if lengths is None:
            read = self._reader.doc_field_length
            lengths = [read(d, fieldname, default) for d in range(self._reader.doc_count_all())]
            self._lengths[(fieldname, default)] = lengths
        return lengths[docnum]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._reader, name)


class _PostingsWriter(W3PostingsWriter):
    """Whoosh's postings writer, with its inlining of short posting lists mended.

    A posting list shorter than `inlinelimit` documents is meant to be kept in the term's entry
    instead of in a block of its own, which costs a pickle, a compression and a block header per
    term; Whoosh 2.7 calls a method that does not exist (`set_inline`, not `set_inlined`), so its
    default limit of 1 turns it off. Readers already read inlined postings.
    """

    def finish_postings(self) -> Any:
        if self.written() or len(self) >= self._inlinelimit:
            return super().finish_postings()
        terminfo = self._terminfo
        terminfo.add_block(self)
        # Fields without values (IDs) keep none; a reader expects one (empty) per posting.
        terminfo.set_inlined(self._ids, self._weights, self._values or [b""] * len(self._ids))
        self._terminfo = None
        return terminfo


class _PerDocWriter(W3PerDocWriter):
    """Whoosh's per-document writer, with the stored fields' offsets written for any number of
    documents (Whoosh writes them above 32,768 only). Without them, every process that opens
    the index adds up all the lengths in Python first (~4 ms of a `reader search` at 20,000)."""

    def _create_column(self, fieldname: str, column: Any) -> None:
        super()._create_column(fieldname, column)
        if fieldname == "_stored":
            self._colwriters[fieldname]._child.cutoff = 0  # (the bytes column inside the pickles)


class _FieldWriter(W3FieldWriter):
    """Whoosh's term writer, with a short path for the terms whose postings are inlined.

    Whoosh goes through half a dozen calls and objects per term (a TermInfo, a postings
    buffer, arrays, block statistics), 20 µs a term; four in five terms of BBC are word pairs
    in one or two articles. For those terms this builds the same entry directly; the bytes
    written are the same (the test compares them), terms with more postings take Whoosh's path.
    """

    def add_postings(self, schema: Any, lengths: Any, items: Iterable[Posting]) -> None:
        limit = self._codec._inlinelimit  # noqa: SLF001 - (our codec's)
        tindex = self._tindex
        dbfile, buckets, offsets = tindex.dbfile, tindex.buckets, tindex.index
        out = bytearray()  # entries not yet written; they start at `base` in the terms file
        base = dbfile.tell()
        float32: dict[float, float] = {}  # weights as Whoosh's arrays of floats keep them
        length_bytes: dict[int | None, int] = {}
        fieldname, btext, prefix = None, b"", b""
        field_length = None
        group: list[tuple[int, float, bytes | None]] = []

        def entry() -> None:
            nonlocal base
            if len(group) >= limit:  # a posting list of its own: Whoosh's path
                if out:
                    dbfile.write(bytes(out))
                    out.clear()
                self.start_term(btext)
                for docnum, weight, value in group:
                    self.add(docnum, weight, value or b"", field_length(docnum, fieldname))
                self.finish_term()
                base = dbfile.tell()
                return
            ids, weights, values, found = [], [], [], []
            for docnum, weight, value in group:
                ids.append(docnum)
                w = float32.get(weight)
                if w is None:
                    w = float32[weight] = array("f", (weight,))[0]
                weights.append(w)
                if value:
                    values.append(value)
                length = field_length(docnum, fieldname)
                if length:
                    found.append(length)
            shortest, longest = (min(found), max(found)) if found else (None, 0)
            lowest = length_bytes.get(shortest)
            if lowest is None:
                lowest = length_bytes[shortest] = length_to_byte(shortest)
            highest = length_bytes.get(longest)
            if highest is None:
                highest = length_bytes[longest] = length_to_byte(longest)
            info = _TERM_INFO.pack(1, sum(weights), len(ids), lowest, highest, max(0, *weights),
                                   ids[0], ids[-1])
            data = info + dumps((tuple(ids), tuple(weights), tuple(values or [b""] * len(ids))), 2)
            key = prefix + btext
            at = base + len(out)
            offsets.append(at)
            hashed = int.from_bytes(md5(key).digest()[-4:], "big")  # filetables.md5_hash
            buckets[hashed & 255].append((hashed, at))
            out.extend(_ENTRY_LENGTHS.pack(len(key), len(data)))
            out.extend(key)
            out.extend(data)
            tindex.lastkey = key

        for name, text, docnum, weight, value in items:
            if text != btext or name != fieldname:
                if group:
                    entry()
                    group.clear()
                if name != fieldname:
                    if fieldname is not None:
                        self.finish_field()
                    fieldname = name
                    self.start_field(name, schema[name])
                    prefix = pack_ushort(self._fieldid)
                    field_length = lengths.doc_field_length if lengths else (lambda _d, _f: 0)
                btext = text
            if docnum != -1:  # (Whoosh's old marker of spelling words; they are a field now)
                group.append((docnum, weight, value))
        if group:
            entry()
        if out:
            dbfile.write(bytes(out))
        if fieldname is not None:
            self.finish_field()


def _add_posting(pool: Any, item: Posting) -> None:
    """Whoosh's PostingPool.add, without the type checks and the set of field names (read by
    Whoosh's multiprocessing writer only) that it pays for on every posting."""
    # (the same size estimate as Whoosh's, which decides when the pool spills to disk)
    pool.currentsize += 150 + len(item[0]) + 2 * len(item[1]) + len(item[4] or b"")
    if pool.currentsize > pool.limit:
        pool.save()
    pool.current.append(item)


class _Codec(W3Codec):
    """Whoosh's codec with posting lists of up to three documents inlined (see _PostingsWriter),
    and the stored fields' offsets written (see _PerDocWriter).

    Most terms are in few documents (four in five word pairs are in one article), so this takes
    about a fifth off writing the index. Searches read the same postings either way.
    """

    def __init__(self, short_path: bool = True) -> None:
        super().__init__(inlinelimit=4)
        self.short_path = short_path  # (see _FieldWriter; the test compares both)

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> _PostingsWriter:
        # Term vectors (byteids) keep their blocks: a vector is found by its place in the file.
        return _PostingsWriter(dbfile, blocklimit=self._blocklimit, byteids=byteids,
                               compression=self._compression,
                               inlinelimit=1 if byteids else self._inlinelimit)

    def field_writer(self, storage: Any, segment: Any) -> W3FieldWriter:
        writer = _FieldWriter if self.short_path else W3FieldWriter
        return writer(self, storage, segment)

    def per_document_writer(self, storage: Any, segment: Any) -> _PerDocWriter:
        return _PerDocWriter(self, storage, segment)

    def new_segment(self, storage: Any, indexname: str) -> W3Segment:
        # The segment names the codec that reads it: Whoosh's own, so the index stays plain Whoosh.
        return W3Segment(W3Codec(), indexname)


def writer_for(ix: WhooshIndex) -> Any:
    """A writer for ix that never builds compound files, writes with _Codec, reads field
    lengths once per commit, adds each spelling word once (see SpelledText) and postings
    without checks (see _add_posting)."""
    writer = ix.writer(timeout=120.0, limitmb=512, compound=False, codec=_Codec())
    writer.pool.add = functools.partial(_add_posting, writer.pool)
    for field in writer.schema:  # (a disk index reads its schema afresh for each writer)
        if isinstance(field, SpelledText):
            field.given = set()
    per_document_reader = writer.per_document_reader
    writer.per_document_reader = lambda: _LengthsReadOnce(per_document_reader())
    return writer
