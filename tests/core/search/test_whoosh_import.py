"""Whoosh imported without the modules it never needs here, and working the same."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT

SCRIPT = """
import json, sys
from reader.core.search import whoosh_import
whoosh_import.load()
import reader.core.search.index, reader.core.search.queries  # what `reader search` imports (writing is not its business)
report = {"loaded": sorted(m for m in ("asyncio", "urllib.request", "whoosh.lang.morph_en", "cached_property",
                                     "hashlib", "tempfile", "shutil", "queue", "whoosh.writing",
                                     "reader.core.search.index_writer")
                           if m in sys.modules)}
from whoosh.fields import ID, TEXT, Schema
from whoosh.filedb.filestore import RamStorage
from whoosh.query import Term, Variations
ix = RamStorage().create_index(Schema(id=ID(stored=True, unique=True), body=TEXT))
with ix.writer() as w:
    w.add_document(id="a", body="grain deal")
    w.add_document(id="b", body="grain talks dealt with")
with ix.writer() as w:
    w.delete_by_term("id", "a")  # reading it goes through SegmentReader.deleted_docs_set
with ix.searcher() as s:
    report["grain"] = [h["id"] for h in s.search(Term("body", "grain"))]
    report["variations"] = [h["id"] for h in s.search(Variations("body", "deal"))]
import urllib.request
report["urllib"] = hasattr(urllib.request, "Request")
import hashlib
from whoosh.filedb import filetables
report["md5"] = filetables.md5_hash(b"grain") == int(hashlib.md5(b"grain").hexdigest(), 16) & 0xFFFFFFFF
from whoosh.filedb import filestore
import tempfile
report["tempdir"] = filestore.tempfile.gettempdir() == tempfile.gettempdir()
from whoosh import compat
report["queue"] = compat.queue.Queue().empty()
print(json.dumps(report))
"""


def test_whoosh_loads_without_the_modules_it_does_not_need_here_and_still_works():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, cwd=ROOT, check=True)
    report = json.loads(out.stdout)
    assert report["loaded"] == []  # neither imported nor left behind as stand-ins
    assert report["grain"] == ["b"]  # the deleted document stays deleted
    assert report["variations"] == ["b"]  # morph_en, imported on first use: deal -> dealt
    assert report["urllib"]  # the real module once something asks for it
    assert report["md5"]  # the hash tables' md5, built in, hashes as hashlib's does
    assert report["tempdir"] and report["queue"]  # real modules on first use
