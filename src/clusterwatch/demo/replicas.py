"""Serve the replica sites in ``data/demo-sites/`` over HTTP on 127.0.0.1, one port per site.

Each site directory holds static files in the real site's URL shapes and a ``_site.json``:

``{"source": "pfrr", "bases": ["https://pfrr.pl", "http://pfrr.pl"], "charset": "utf-8",
  "routes": {"/aktualnosci/?page=2": "aktualnosci/page-2.html"},
  "redirects": {"/old,1.html": "https://pfrr.pl/new/"}}``

Pages keep the real sites' absolute URLs; the server rewrites every known real base to the
local address of the site serving it, so links, canonical tags and redirects across sites
work as they do on the web. Responses carry ETag and Last-Modified and answer conditional
requests with 304, as the real servers do.
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import logging
import mimetypes
import threading
import time
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from clusterwatch import paths

logger = logging.getLogger(__name__)

REWRITTEN_TYPES = ("text/html", "application/xml", "text/xml", "application/rss+xml", "text/plain")


@dataclass
class Site:
    name: str  # the directory name
    root: Path
    source: str
    bases: list[str]
    charset: str = "utf-8"
    routes: dict[str, str] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)
    port: int = 0
    requests: int = 0  # requests this site answered (counted under the server's lock)

    @classmethod
    def load(cls, root: Path) -> Site:
        spec = json.loads((root / "_site.json").read_text(encoding="utf-8"))
        return cls(
            name=root.name,
            root=root,
            source=spec["source"],
            bases=spec["bases"],
            charset=spec.get("charset", "utf-8"),
            routes={_route_key(k): v for k, v in spec.get("routes", {}).items()},
            redirects=spec.get("redirects", {}),
        )

    @property
    def local_base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def netloc(self) -> str:
        return f"127.0.0.1:{self.port}"


def _route_key(path_and_query: str) -> str:
    parts = urlsplit(path_and_query)
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return unquote(parts.path) + ("?" + query if query else "")


def load_sites(sites_dir: Path | None = None) -> list[Site]:
    sites_dir = sites_dir or paths.demo_sites_dir()
    return [Site.load(p) for p in sorted(sites_dir.iterdir()) if (p / "_site.json").exists()]


class ReplicaServer:
    """All replica sites, each on its own port of 127.0.0.1, served from threads."""

    def __init__(
        self,
        sites_dir: Path | None = None,
        ports: dict[str, int] | None = None,
        base_port: int = 0,
        latency: float = 0.0,
    ):
        self.sites = load_sites(sites_dir)
        self.latency = latency  # seconds before each answer, as a distant server would take
        self.requests = 0
        self._count_lock = threading.Lock()
        self._servers: list[ThreadingHTTPServer] = []
        self._threads: list[threading.Thread] = []
        self._ports = ports or {}
        self._base_port = base_port

    def start(self) -> ReplicaServer:
        for index, site in enumerate(self.sites):
            port = self._ports.get(site.name, self._base_port + index if self._base_port else 0)
            server = ThreadingHTTPServer(("127.0.0.1", port), _handler_for(site, self))
            server.daemon_threads = True
            site.port = server.server_address[1]
            thread = threading.Thread(
                target=server.serve_forever, name=f"replica-{site.name}", daemon=True
            )
            thread.start()
            self._servers.append(server)
            self._threads.append(thread)
        self._rewrites = sorted(
            (
                (base.encode(), site.local_base.encode())
                for site in self.sites
                for base in site.bases
            ),
            key=lambda pair: -len(pair[0]),
        )
        return self

    def stop(self) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()
        self._servers.clear()

    def __enter__(self) -> ReplicaServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def site(self, name: str) -> Site:
        return next(s for s in self.sites if s.name == name)

    def local_url(self, real_url: str) -> str:
        """A real site's URL as served here (unchanged when no replica holds it)."""
        for base, local in self._rewrites:
            if real_url.startswith(base.decode()):
                return local.decode() + real_url[len(base) :]
        return real_url

    def rewrite(self, body: bytes) -> bytes:
        for base, local in self._rewrites:
            body = body.replace(base, local)
        return body

    def netlocs_of_source(self, source: str) -> list[str]:
        return [s.netloc for s in self.sites if s.source == source]


def _handler_for(site: Site, server: ReplicaServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "replica/1.0"
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            logger.debug("%s %s", site.name, format % args)

        def do_HEAD(self) -> None:  # noqa: N802
            self._serve(head=True)

        def do_GET(self) -> None:  # noqa: N802
            self._serve(head=False)

        def _serve(self, head: bool) -> None:
            with server._count_lock:
                server.requests += 1
                site.requests += 1
            if server.latency:
                time.sleep(server.latency)
            parts = urlsplit(self.path)
            key = _route_key(self.path)
            target = site.redirects.get(key) or site.redirects.get(unquote(parts.path))
            if target:
                self._send(
                    HTTPStatus.MOVED_PERMANENTLY, b"", {"Location": server.local_url(target)}, head
                )
                return
            file = self._file_for(unquote(parts.path), key)
            if file is None:
                body = f"<html><body><h1>404</h1><p>{parts.path}</p></body></html>".encode()
                self._send(
                    HTTPStatus.NOT_FOUND, body, {"Content-Type": "text/html; charset=utf-8"}, head
                )
                return
            body = file.read_bytes()
            content_type = _content_type(file, site.charset)
            if content_type.startswith(REWRITTEN_TYPES):
                body = server.rewrite(body)
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            modified = email.utils.formatdate(file.stat().st_mtime, usegmt=True)
            headers = {"Content-Type": content_type, "ETag": etag, "Last-Modified": modified}
            if self.headers.get("If-None-Match") == etag or (
                not self.headers.get("If-None-Match")
                and self.headers.get("If-Modified-Since") == modified
            ):
                self._send(HTTPStatus.NOT_MODIFIED, b"", headers, head=True)
                return
            self._send(HTTPStatus.OK, body, headers, head)

        def _file_for(self, path: str, key: str) -> Path | None:
            route = site.routes.get(key)
            if route:
                return site.root / route
            relative = path.lstrip("/")
            if ".." in relative.split("/") or relative.startswith("_"):
                return None
            candidate = site.root / relative
            for option in (
                candidate,
                candidate.with_name(candidate.name + ".html"),
                candidate / "index.html",
            ):
                if option.is_file():
                    return option
            return None

        def _send(
            self, status: HTTPStatus, body: bytes, headers: dict[str, str], head: bool
        ) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header(
                "Content-Length", str(0 if status == HTTPStatus.NOT_MODIFIED else len(body))
            )
            self.end_headers()
            if not head and status != HTTPStatus.NOT_MODIFIED:
                self.wfile.write(body)

    return Handler


def _content_type(file: Path, charset: str) -> str:
    if file.name == "robots.txt":
        return "text/plain; charset=utf-8"
    guessed, _ = mimetypes.guess_type(file.name)
    guessed = guessed or "text/html"
    if guessed.startswith("text/") or guessed in ("application/xml", "application/rss+xml"):
        return f"{guessed}; charset={charset}"
    return guessed
