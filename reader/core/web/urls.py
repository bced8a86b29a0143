"""Web addresses: which arguments are URLs, one spelling per page, and a file name for each."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

# Query parameters that only say where a reader came from: two URLs that differ in them are one page.
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|mc_cid|mc_eid|ocid|cmpid|smid|icid|"
                       r"_ga|ref_src|guccounter)$", re.IGNORECASE)


def is_url(text: str) -> bool:
    """True for an http(s) address (what `reader add` fetches rather than reads from disk)."""
    return bool(re.match(r"^https?://[^\s/]+", text.strip(), re.IGNORECASE))


def normalise(url: str) -> str:
    """One spelling per page: lower-case scheme and host, no default port, no fragment, no
    tracking parameters, and '/' for an empty path. Raises ValueError for a non-http(s) URL."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) URL: {url!r}")
    host = parts.hostname.lower()
    port = parts.port
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not _TRACKING.match(k)])
    return urlunsplit((scheme, host, parts.path or "/", query, ""))


def absolute(href: str, base: str) -> str | None:
    """href resolved against base, normalised; None when it is not an http(s) address."""
    try:
        return normalise(urljoin(base, href.strip()))
    except ValueError:
        return None


def page_stem(url: str) -> str:
    """A file name (without extension) for a page: a slug of its address and a short hash.

    Stable for a URL, so fetching a page again replaces its file; readable as an article id."""
    parts = urlsplit(url)
    words = [w for w in re.split(r"[/_.\-]+", parts.path.lower()) if w and w not in
             ("html", "htm", "php", "aspx", "index", "amp")]
    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(words[-8:])).strip("-")[:60].strip("-")
    slug = slug or re.sub(r"[^a-z0-9]+", "-", (parts.hostname or "page").lower()).strip("-")
    digest = hashlib.blake2b(url.encode("utf-8"), digest_size=4).hexdigest()
    return f"{slug}-{digest}"


def entry_stem(title: str, key: str) -> str:
    """A file name for a feed entry that names no page: a slug of its title and a hash of its key."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60].strip("-") or "entry"
    return f"{slug}-{hashlib.blake2b(key.encode('utf-8'), digest_size=4).hexdigest()}"


def host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()
