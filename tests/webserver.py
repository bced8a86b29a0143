"""A real HTTP server on 127.0.0.1 for the tests: routes made by each test, requests counted.

Nothing here reaches beyond this machine's loopback interface.
"""

from __future__ import annotations

import gzip
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None  # answered with 304 when the client sends it back
    redirect: str | None = None  # Location of a 302
    delay: float = 0.0  # seconds before answering (a server that never answers: a long delay)
    gzip: bool = False
    headers: dict[str, str] = field(default_factory=dict)


class _QuietServer(ThreadingHTTPServer):
    """Keeps a request's error (a client that hung up early) out of the stderr tests read."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.errors: list[str] = []

    def handle_error(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        import traceback

        self.errors.append(traceback.format_exc())


class Server:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: dict[str, int] = {}  # path -> requests
        self.full: dict[str, int] = {}  # path -> 200 answers with a body
        self.stop = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body are two writes: no 40 ms stall between

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                path = self.path
                server.hits[path] = server.hits.get(path, 0) + 1
                route = server.routes.get(path)
                if route is None:
                    self._send(404, b"not here", "text/plain")
                    return
                if route.delay:
                    server.stop.wait(route.delay)
                    if server.stop.is_set():
                        return
                if route.redirect:
                    self.send_response(302)
                    self.send_header("Location", route.redirect)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self.send_response(304)
                    self.send_header("ETag", route.etag)
                    self.end_headers()
                    return
                body = route.body
                extra = dict(route.headers)
                if route.etag:
                    extra["ETag"] = route.etag
                if route.gzip:
                    body = gzip.compress(body)
                    extra["Content-Encoding"] = "gzip"
                if route.status == 200:
                    server.full[path] = server.full.get(path, 0) + 1
                self._send(route.status, body, route.content_type, extra)

            def _send(self, status: int, body: bytes, kind: str, extra: dict[str, str] | None = None
                      ) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                for name, value in (extra or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: bytes | str = b"", **options: object) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(body=data, **options)  # type: ignore[arg-type]
        return self.url(path)

    def close(self) -> None:
        self.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def article_page(title: str, paragraphs: list[str], canonical: str | None = None,
                 charset: str = "utf-8", site: str = "Test Gazette", date: str = "2025-05-19") -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!doctype html><html><head><meta charset="{charset}"><title>{title} | {site}</title>'
            f'<meta property="og:site_name" content="{site}">'
            f'<meta property="article:published_time" content="{date}T09:00:00Z">{link}</head>'
            f'<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>{title}</h1>'
            f'{body}</article><footer>© {site} 2025. All rights reserved.</footer></body></html>')


def rss(title: str, items: list[dict[str, str]]) -> str:
    parts = []
    for item in items:
        fields = "".join(f'<guid isPermaLink="false">{v}</guid>' if k == "guid" else f"<{k}>{v}</{k}>"
                         for k, v in item.items())
        parts.append(f"<item>{fields}</item>")
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f'<link>http://example.invalid/</link><description>test</description>{"".join(parts)}'
            f"</channel></rss>")


def wait_for(predicate, timeout: float = 5.0) -> bool:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.02)
    return False
