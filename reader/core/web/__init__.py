"""The web: addresses and feeds -> pages stored as fetched, which the library reads like files.

urls (one spelling per page), http (polite fetching with httpx), feeds (RSS/Atom with feedparser,
feed discovery, canonical URLs), opml (subscriptions in and out), store (web.sqlite3 and the
pages folder), fetch (a whole fetch: pages by URL, feeds and their new entries).
"""

from typing import TYPE_CHECKING

from reader.core.exports import lazy

__all__ = ["NotOpml", "is_url", "read_opml", "write_opml"]
__getattr__ = lazy(globals(), {"is_url": "reader.core.web.urls",
                               "NotOpml": "reader.core.web.opml",
                               "read_opml": "reader.core.web.opml",
                               "write_opml": "reader.core.web.opml"})

if TYPE_CHECKING:
    from reader.core.web.opml import NotOpml, read_opml, write_opml
    from reader.core.web.urls import is_url
