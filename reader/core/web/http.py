"""Fetching over HTTP, politely: conditional GETs, bounded connections (per host too), timeouts,
a size limit, a bounded number of redirects, compressed responses. httpx does the protocol.

In: URLs (and what an earlier fetch was told: ETag, Last-Modified). Out: `Fetched`, the body as
bytes with the headers that matter, or a one-line reason it could not be had; nothing raises.
"""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass, field
from typing import Any

from reader import __version__
from reader.core.web.urls import host

TIMEOUT = 15.0  # seconds without a byte (connect, read); READER_TIMEOUT overrides
DEADLINE = 60.0  # seconds for a whole response, however it trickles
MAX_BYTES = 10 * 2**20  # a response larger than this (once decompressed) is refused
MAX_REDIRECTS = 5
CONNECTIONS = 16  # at once, across hosts
PER_HOST = 4  # at once, to one host
USER_AGENT = f"reader/{__version__} (terminal news reader; +https://pypi.org/project/reader/)"
FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
               "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5")
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"


@dataclass(frozen=True)
class Fetched:
    """One response: status 304 means unchanged since the ETag/Last-Modified given."""

    url: str  # as asked
    final_url: str  # after redirects
    status: int = 0  # 0: no response at all
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names
    error: str | None = None  # why there is nothing to use, in one line
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None and self.status == 200

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            name, _, value = part.partition("=")
            if name.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'").lower()
        return None


def timeout_from_env() -> float:
    try:
        return max(0.1, float(os.environ.get("READER_TIMEOUT", TIMEOUT)))
    except ValueError:
        return TIMEOUT


class Client:
    """An httpx.AsyncClient with reader's limits; use `async with Client() as client`."""

    def __init__(self, timeout: float | None = None, max_bytes: int = MAX_BYTES,
                 deadline: float = DEADLINE, connections: int = CONNECTIONS,
                 per_host: int = PER_HOST) -> None:
        self.timeout = timeout if timeout is not None else timeout_from_env()
        self.max_bytes = max_bytes
        self.deadline = max(deadline, self.timeout)
        self.connections = connections
        self.per_host = per_host
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._client: Any = None

    async def __aenter__(self) -> Client:
        import httpx

        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(self.timeout), follow_redirects=True, max_redirects=MAX_REDIRECTS,
            limits=httpx.Limits(max_connections=self.connections,
                                max_keepalive_connections=self.connections),
            headers={"User-Agent": USER_AGENT}, trust_env=False)
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._client.aclose()

    async def get(self, url: str, etag: str | None = None, modified: str | None = None,
                  accept: str = PAGE_ACCEPT) -> Fetched:
        """GET url (conditionally when etag or modified is given); never raises for network trouble."""
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        semaphore = self._hosts.setdefault(host(url), asyncio.Semaphore(self.per_host))
        loop = asyncio.get_running_loop()
        started = loop.time()
        async with semaphore:
            try:
                result = await asyncio.wait_for(self._get(url, headers), self.deadline)
            except TimeoutError:
                result = Fetched(url, url, error=f"no complete answer within {self.deadline:g} s")
        return _timed(result, loop.time() - started)

    async def _get(self, url: str, headers: dict[str, str]) -> Fetched:
        import httpx

        try:
            async with self._client.stream("GET", url, headers=headers) as response:
                final = str(response.url)
                kept = {k.lower(): v for k, v in response.headers.items()
                        if k.lower() in ("content-type", "etag", "last-modified", "content-encoding",
                                         "content-location")}
                if response.status_code == 304:
                    return Fetched(url, final, 304, headers=kept)
                if response.status_code >= 400:
                    phrase = response.reason_phrase or ""
                    return Fetched(url, final, response.status_code, headers=kept,
                                   error=f"HTTP {response.status_code} {phrase}".strip())
                if response.status_code != 200:
                    return Fetched(url, final, response.status_code, headers=kept,
                                   error=f"unexpected HTTP status {response.status_code}")
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    return Fetched(url, final, 200, headers=kept, error=self._too_large())
                chunks: list[bytes] = []
                size = 0
                async for chunk in response.aiter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        return Fetched(url, final, 200, headers=kept, error=self._too_large())
                    chunks.append(chunk)
                return Fetched(url, final, 200, b"".join(chunks), kept)
        except httpx.TooManyRedirects:
            return Fetched(url, url, error=f"too many redirects (more than {MAX_REDIRECTS})")
        except httpx.TimeoutException:
            return Fetched(url, url, error=f"timed out (no answer for {self.timeout:g} s)")
        except httpx.ConnectError as exc:
            return Fetched(url, url, error=f"could not connect ({_first_line(exc) or 'refused'})")
        except httpx.DecodingError:
            return Fetched(url, url, error="could not decompress the response")
        except httpx.UnsupportedProtocol:
            return Fetched(url, url, error="not an http(s) address")
        except (httpx.HTTPError, httpx.InvalidURL, ValueError, OSError) as exc:
            return Fetched(url, url, error=f"{type(exc).__name__}: {_first_line(exc) or 'failed'}")

    def _too_large(self) -> str:
        return f"response larger than the {self.max_bytes / 2**20:g} MB limit"


def _timed(result: Fetched, seconds: float) -> Fetched:
    from dataclasses import replace

    return replace(result, seconds=seconds)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else ""
