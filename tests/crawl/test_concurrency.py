"""CONCURRENT_REQUESTS_PER_DOMAIN holds in real crawls, as counted by the sites themselves.

Two article sites on 127.0.0.1 (one port each) answer every request slowly and record how many
requests they are serving at once. Scrapy 2.14–2.19 with the asyncio reactor lets a whole queue
of requests through a per-domain limit (see ``clusterwatch.crawl.downloader``); the first test proves
that our downloader holds the limit and still uses it, the second that the stock downloader does
not, so when that one fails Scrapy has fixed the bug and the subclass can go.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from clusterwatch.archive.urls import canonical_url

from ..helpers import ROOT, run_cli

ARTICLES_PER_SITE = 30
RESPONSE_SECONDS = 0.25
LIMIT = 2


# requests one site is serving right now, and the most it ever served at once
@dataclass
class InFlight:
    current: int = 0
    maximum: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def enter(self) -> None:
        with self.lock:
            self.current += 1
            self.maximum = max(self.maximum, self.current)

    def leave(self) -> None:
        with self.lock:
            self.current -= 1


def article_html(site: str, number: int) -> str:
    text = " ".join(
        f"Report {number} from {site}, paragraph {line}: the cluster of {number * 7 + line} firms "
        f"met the regional agency to discuss exports, training and a shared laboratory."
        for line in range(4)
    )
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{site} report {number}</title>"
        f'<meta property="og:type" content="article"></head><body>'
        f"<article><h1>{site} report {number}</h1><p>{text}</p></article></body></html>"
    )


def index_html(site: str, paths: list[str]) -> str:
    links = "".join(f'<li><a href="{path}">{path}</a></li>' for path in paths)
    return f"<!doctype html><html><head><title>{site}</title></head><body><ul>{links}</ul></body>"


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64  # the default 5 could hold connections back in the kernel


# one site on its own port: an index linking its articles; every answer takes a while
class ArticleSite:
    def __init__(self, name: str):
        self.name = name
        self.in_flight = InFlight()
        self.pages = {
            f"/news/report-{n}.html": article_html(name, n) for n in range(1, ARTICLES_PER_SITE + 1)
        }
        self.pages["/"] = index_html(name, list(self.pages))
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.in_flight.enter()
                try:
                    time.sleep(RESPONSE_SECONDS)
                    status, body = site.answer(self.path)
                    self.send_response(status)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                finally:
                    site.in_flight.leave()

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = Server(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def article_urls(self) -> set[str]:
        return {canonical_url(self.url + path.lstrip("/")) for path in self.pages if path != "/"}

    def answer(self, path: str) -> tuple[int, bytes]:
        if path in self.pages:
            return 200, self.pages[path].encode()
        return 404, b"<html><body>not found</body></html>"

    def __enter__(self) -> ArticleSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


@pytest.fixture
def sites() -> Iterator[tuple[ArticleSite, ArticleSite]]:
    with ArticleSite("site-a") as site_a, ArticleSite("site-b") as site_b:
        yield site_a, site_b


def write_config(directory: Path, site_a: ArticleSite, site_b: ArticleSite) -> Path:
    config = directory / "clusterwatch.toml"
    config.write_text(
        f"""\
[archive]
path = "archive.db"

[crawl]
allow_private_addresses = ["127.0.0.1"]
download_delay = 0.0
autothrottle = false
concurrent_requests_per_domain = {LIMIT}

[[sources]]
name = "site-a"
start_urls = ["{site_a.url}"]

[[sources]]
name = "site-b"
start_urls = ["{site_b.url}"]
""",
        encoding="utf-8",
    )
    return config


def stored_urls(db_path: Path) -> set[str]:
    connection = sqlite3.connect(db_path)
    try:
        return {row[0] for row in connection.execute("select url from articles")}
    finally:
        connection.close()


def test_crawl_holds_the_per_site_limit_and_uses_it(sites, tmp_path):
    site_a, site_b = sites
    config = write_config(tmp_path, site_a, site_b)
    result = run_cli("crawl", "--config", str(config), timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    stored = stored_urls(tmp_path / "archive.db")
    for site in sites:
        assert site.article_urls() <= stored, sorted(site.article_urls() - stored)
    assert len(stored) == 2 * ARTICLES_PER_SITE
    maxima = {site.name: site.in_flight.maximum for site in sites}
    assert maxima == {"site-a": LIMIT, "site-b": LIMIT}, maxima


def test_stock_scrapy_downloader_still_overshoots_the_limit(sites, tmp_path):
    # when this fails, Scrapy enforces the limit itself: drop clusterwatch.crawl.downloader
    site_a, site_b = sites
    config = write_config(tmp_path, site_a, site_b)
    result = subprocess.run(
        [
            str(Path(sys.executable).with_name("scrapy")),
            "crawl",
            "generic",
            "-a",
            "source=site-a",
            "-s",
            "DOWNLOADER=scrapy.core.downloader.Downloader",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "CLUSTERWATCH_CONFIG": str(config)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert site_a.in_flight.maximum > LIMIT, site_a.in_flight.maximum
