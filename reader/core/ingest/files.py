"""Files -> RawDocument: find articles, detect encodings, extract HTML, refuse what is not text."""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from reader.core.ingest.source import front_matter
from reader.core.models import RawDocument, ReaderError
from reader.core.text import normalise

SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
            ".html": "html", ".htm": "html", ".mhtml": "mhtml", ".mht": "mhtml",
            ".webarchive": "webarchive", ".eml": "email"}
MAX_BYTES = 64 * 1024 * 1024

_MAGIC = {
    b"\x89PNG": "a PNG image", b"PK\x03\x04": "a zip archive", b"%PDF": "a PDF document",
    b"GIF8": "a GIF image", b"\xff\xd8\xff": "a JPEG image", b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable", b"BZh": "a bzip2 archive", b"\xfd7zXZ": "an xz archive",
    b"SQLite format 3": "an SQLite database", b"RIFF": "a RIFF media file",
}
_HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<head|<body)", re.IGNORECASE)


def find_articles(root: Path) -> Iterator[Path]:
    """Yield article files under root (or root itself), sorted, following no symlink loops."""
    for path, _ in scan_articles(root):
        yield Path(path)


def scan_articles(root: Path, folders_seen: list[tuple[str, int]] | None = None
                  ) -> Iterator[tuple[str, os.stat_result]]:
    """Yield (resolved path, stat) of the article files under root, or of root itself.

    Each folder listed is appended to `folders_seen` with the mtime_ns it had before listing.

    Sorted by name, folders after the files beside them; hidden names are skipped, and so is the
    folder of a page saved complete by a browser ("Page_files" beside "Page.html", or its name in
    the browser's language, "Page-Dateien": its frames, "saved_resource.html", are ads and
    widgets, not articles); symlinked folders are followed
    once (no loops). Built on os.scandir so that a 20,000-file library is
    listed in a fraction of a second. Anything that is not a folder is yielded (pipes included):
    reading decides what is refused, with a reason.
    """
    root = root.expanduser().resolve()
    if not root.is_dir():
        try:
            yield str(root), root.stat()
        except OSError:
            pass
        return
    seen: set[tuple[int, int]] = set()
    stack = [str(root)]
    while stack:
        folder = stack.pop()
        try:
            st = os.stat(folder)
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) in seen:  # a symlink loop or a folder linked twice
            continue
        seen.add((st.st_dev, st.st_ino))
        if folders_seen is not None:
            folders_seen.append((folder, st.st_mtime_ns))
        folders: list[str] = []
        pages = {os.path.splitext(e.name)[0] for e in entries
                 if os.path.splitext(e.name)[1].lower() in (".html", ".htm")}
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir():
                    if _saved_page_folder(entry, pages):
                        continue  # a saved page's pictures, scripts and frames ("Page.html" + "Page_files")
                    folders.append(os.path.realpath(entry.path) if entry.is_symlink() else entry.path)
                    continue
                if os.path.splitext(entry.name)[1].lower() not in SUFFIXES:
                    continue
                info = entry.stat()
            except OSError:  # vanished, or a broken link
                continue
            yield (os.path.realpath(entry.path) if entry.is_symlink() else entry.path), info
        stack.extend(reversed(folders))


# "Page_files" in Chrome and English Firefox; Firefox names it in the user's language
# ("Page-Dateien", "Page_fichiers", "Page_archivos"): the page's name, a dash or an underscore, one word.
_RESOURCES_NAME = re.compile(r"(.+)[_-]([^\W\d_]+)")
_TEXT_SUFFIXES = tuple(s for s, kind in SUFFIXES.items() if kind in ("text", "markdown"))
_RESOURCE_SUFFIXES = (".js", ".css", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".ico")


def _saved_page_folder(entry: os.DirEntry, pages: set[str]) -> bool:
    """Whether a folder holds the pictures, scripts and frames of a page saved beside it: named
    "<page>_files", or "<page>" and one other word (a localised browser's name) when it holds
    scripts, styles or pictures and no text or Markdown file (a user's own "<page>_notes" folder
    of texts, or "<page>_old" of pages, is read)."""
    match = _RESOURCES_NAME.fullmatch(entry.name)
    if not match or match.group(1) not in pages:
        return False
    if match.group(2) == "files":
        return True
    try:
        with os.scandir(entry.path) as inside:
            names = [e.name.lower() for e in inside]
    except OSError:
        return False
    return (any(name.endswith(_RESOURCE_SUFFIXES) for name in names)
            and not any(name.endswith(_TEXT_SUFFIXES) for name in names))


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)
# As browsers read them (the WHATWG encoding standard): these labels mean windows-1252.
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp819"}


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag near its start, if any."""
    found = _META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii").lower() if found else None


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding): a BOM first, then the declared charset (an HTTP header's or an
    HTML meta tag's) when the bytes decode with it, then UTF-8, cp1252, Latin-1 (never fails)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    for bom, name in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        # UTF-16 text has NUL bytes: every space, digit and line break is one byte and a NUL.
        # Without any, the two bytes are a cp1252 file's "ÿþ", not a byte order mark.
        if data.startswith(bom) and b"\x00" in data[2:4098]:
            return data[2:].decode(name, errors="replace"), "utf-16"
    if name := _bomless_utf16(data):
        return data.decode(name, errors="replace"), "utf-16"
    if declared and not declared.lower().startswith(("utf-16", "utf-32")):  # those need a BOM
        name = "cp1252" if declared.lower() in _AS_CP1252 else declared.lower()
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _bomless_utf16(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for UTF-16 text saved without a byte order mark (some Windows
    tools), told by its NUL bytes: in text in a Latin script every other byte is one, always on
    the same side of the pair. None otherwise (binary data has NULs anywhere)."""
    head = data[:4096]
    if len(head) < 16 or b"\x00" not in head:
        return None
    pairs = len(head) // 2
    low, high = head[0:pairs * 2:2].count(0), head[1:pairs * 2:2].count(0)
    if high >= 0.9 * pairs and low <= 0.02 * pairs:
        return "utf-16-le"
    if low >= 0.9 * pairs and high <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            return kind
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or _bomless_utf16(head):
        return None
    if b"\x00" in head:
        return "binary data (contains NUL bytes)"
    return None


# Characters no text holds: unassigned, private-use and surrogate code points (with the replacement
# of bytes that failed to decode, and control codes other than tab and line breaks: _noise()).
_NOISE = frozenset({"Cn", "Co", "Cs"})


def _noise(ch: str) -> bool:
    kind = unicodedata.category(ch)
    return ch == "\ufffd" or kind in _NOISE or (kind == "Cc" and ch not in "\t\n\r")


def _refuse_noise(text: str, encoding: str) -> None:
    """Refuse bytes behind a UTF-16 byte order mark that are not UTF-16 text. Any two bytes make a
    UTF-16 character, so random data decodes into CJK, private-use and unassigned code points and
    broken surrogates (about one character in six); real text in any script has almost none."""
    if encoding != "utf-16":
        return
    sample = text[:4096]
    noise = sum(map(_noise, sample))
    if noise > max(2, len(sample) // 50):
        raise ReaderError("not a text file (binary data after a UTF-16 byte order mark)")


def read_document(path: Path, charset: str | None = None, url: str | None = None) -> RawDocument:
    """Read one file into a RawDocument, or raise ReaderError with a one-line reason.

    `charset`: what the server said the page is in (a fetched page); `url`: its address."""
    fmt = SUFFIXES.get(path.suffix.lower(), "text")
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            raise ReaderError("is a folder, not a file")
        if not stat.S_ISREG(st.st_mode):
            raise ReaderError("not a regular file (a pipe, device or socket)")
        size = st.st_size
        if size > MAX_BYTES:
            raise ReaderError(f"too large ({size / 2**20:.0f} MB; the limit is {MAX_BYTES // 2**20} MB)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReaderError("file not found (removed while reading?)") from None
    except IsADirectoryError:
        raise ReaderError("is a folder, not a file") from None
    except PermissionError:
        raise ReaderError("permission denied") from None
    except OSError as exc:
        raise ReaderError(f"cannot read ({exc.strerror or exc})") from None
    if not data.strip():
        raise ReaderError("empty file" if not data else "file holds only whitespace")
    if fmt == "webarchive" or data.startswith(b"bplist00"):
        data, charset, location = _safari_page(data)
        url = url or location
        fmt = "html"
    kind = _binary_kind(data)
    if kind:
        raise ReaderError(f"not a text file ({kind})")
    if fmt == "text" and _HTML_START.match(data[:1024]):
        fmt = "html"
    if fmt == "email":
        return _from_email(str(path), data)
    if fmt == "mhtml":
        data, charset, location = _archived_page(data)
        url = url or location
        fmt = "html"
    if fmt == "html":
        text, encoding = decode(data, charset or declared_charset(data))
        _refuse_noise(text, encoding)
        return _from_html(str(path), text, encoding, url)
    text, encoding = decode(data, charset)
    _refuse_noise(text, encoding)
    text = normalise(text)
    # Front matter stays in the text (its lines are the file's lines); the cleaner reads it.
    if not front_matter(text)[0].strip():
        raise ReaderError("no article text (only front matter or invisible characters)")
    return RawDocument(path=str(path), text=text, format=fmt, encoding=encoding)


def archived_page(path: Path) -> bytes | None:
    """The HTML of the page inside a web archive file (.mhtml, .webarchive) or of a saved e-mail's
    message (.eml), for a browser, which cannot open the file itself; None for any other file.
    Raises ReaderError as read_document."""
    kind = SUFFIXES.get(path.suffix.lower())
    if kind not in ("mhtml", "webarchive", "email"):
        return None
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReaderError(f"cannot read ({exc.strerror or exc})") from None
    if kind == "email":
        from html import escape

        from reader.core.ingest.emails import read_message

        message = read_message(data)
        # (Written as UTF-8, whatever charset the mail's own HTML declares further down.)
        page = message.body if message.html else f"<pre>{escape(message.body)}</pre>"
        return f'<meta charset="utf-8">{page}'.encode("utf-8")
    return (_archived_page(data) if kind == "mhtml" else _safari_page(data))[0]


def _archived_page(data: bytes) -> tuple[bytes, str | None, str | None]:
    """The page of a web archive saved as one file (MHTML: "Save as, webpage, single file"): its
    HTML as bytes, the charset its part declares and the address it was saved from."""
    import email
    import email.policy

    try:
        archive = email.message_from_bytes(data, policy=email.policy.compat32)
        for part in archive.walk():
            if part.get_content_type() == "text/html":
                html = part.get_payload(decode=True)
                if isinstance(html, bytes) and html.strip():
                    location = part.get("Content-Location") or archive.get("Snapshot-Content-Location")
                    where = str(location).strip() if location else ""
                    return html, part.get_content_charset(), where if where.startswith("http") else None
    except (ValueError, LookupError, TypeError):
        pass
    raise ReaderError("not a web archive with a page in it (no text/html part)")


def _safari_page(data: bytes) -> tuple[bytes, str | None, str | None]:
    """The page of a Safari web archive (.webarchive, a binary property list): its HTML as bytes,
    the text encoding Safari recorded and the address it was saved from."""
    import plistlib
    import struct

    try:
        main = plistlib.loads(data)["WebMainResource"]
        html, charset, location = (main["WebResourceData"], main.get("WebResourceTextEncodingName"),
                                   main.get("WebResourceURL"))
    except (plistlib.InvalidFileException, ValueError, KeyError, TypeError, IndexError, OverflowError,
            struct.error):
        raise ReaderError("not a Safari web archive with a page in it") from None
    if not isinstance(html, bytes) or not html.strip():
        raise ReaderError("not a Safari web archive with a page in it")
    where = location if isinstance(location, str) and location.startswith("http") else None
    return html, charset if isinstance(charset, str) else None, where


_LAYOUT_TABLE = re.compile(r"<(/?)(?:table|tbody|thead|tfoot|tr|td|th)\b[^>]*>", re.IGNORECASE)


def _from_email(path: str, data: bytes) -> RawDocument:
    """A newsletter saved from a mail program: its HTML or text, with its subject, date and sender
    as the header's fields (a field the message prints itself is read by the cleaner as well)."""
    from reader.core.ingest.emails import read_message

    message = read_message(data)
    if message.html:
        # A mail's HTML is laid out in tables (its columns, its padding): their cells are its
        # paragraphs, not a table's data.
        doc = _from_html(path, _LAYOUT_TABLE.sub(r"<\1div>", message.body), "utf-8")
        doc.meta.update(message.meta)
        return doc
    text = normalise(message.body)
    return RawDocument(path=path, text=text, format="text", encoding="utf-8", meta=message.meta)


def _from_html(path: str, html: str, encoding: str, url: str | None = None) -> RawDocument:
    from reader.core.ingest.html import extract

    text, meta = extract(html)
    if url:
        meta["url"] = url
    text = normalise(text)
    if not text.strip():
        raise ReaderError("no article text found in this HTML page")
    return RawDocument(path=path, text=text, format="html", encoding=encoding, meta=meta)
