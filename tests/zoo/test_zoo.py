"""The generic spider on the zoo: sites in the shapes of the CMS families monitored organisations
use, with no site rules — every article and nothing else, in few requests.

The zoo (``clusterwatch.zoo.sites``) is generated and served on 127.0.0.1. Each shape's manifest says
which pages are articles, listings, feeds and sitemaps; a first crawl must store exactly its
articles and make at most 1.3 × (articles + listings + feeds and sitemaps + robots.txt) requests.
``benchmarks/zoo.py`` prints the same per shape, beside a naive crawler.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from clusterwatch.archive.urls import canonical_url
from clusterwatch.demo.replicas import ReplicaServer
from clusterwatch.zoo.sites import SHAPES

from ..helpers import run_cli


def _entry(manifest: dict, shape: str) -> dict:
    return manifest["sites"][shape] if "sites" in manifest else manifest[shape]


def crawl(server: ReplicaServer, entry: dict, shape: str, workdir: Path) -> tuple[set[str], int]:
    site = server.site(shape)
    config = workdir / "clusterwatch.toml"
    if not config.exists():
        starts = [server.local_url(u) for u in entry["start_urls"]]
        config.write_text(
            f"""
[archive]
path = "archive.db"
[crawl]
allow_private_addresses = ["127.0.0.1"]
download_delay = 0.0
autothrottle = false
[[sources]]
name = "{shape}"
start_urls = {json.dumps(starts)}
""",
            encoding="utf-8",
        )
    before = site.requests
    result = run_cli("crawl", "--config", str(config))
    assert result.returncode == 0, result.stdout + result.stderr
    connection = sqlite3.connect(workdir / "archive.db")
    stored = {url for (url,) in connection.execute("select url from articles")}
    connection.close()
    return stored, site.requests - before


@pytest.mark.parametrize("shape", SHAPES)
def test_every_article_and_nothing_else_within_the_request_budget(zoo, tmp_path, shape):
    server, manifest = zoo
    entry = _entry(manifest, shape)
    stored, requests = crawl(server, entry, shape, tmp_path)
    expected = {canonical_url(server.local_url(u)) for u in entry["articles"]}
    assert stored == expected, {
        "missing": sorted(expected - stored),
        "extra": sorted(stored - expected),
    }
    budget = 1.3 * (
        len(entry["articles"])
        + len(entry["listings"])
        + len(entry["feeds"])
        + len(entry["sitemaps"])
        + 1
    )
    assert requests <= budget, f"{requests} requests, budget {budget:.0f}"


def test_what_a_site_taught_is_kept_shown_and_used_by_the_next_crawl(zoo, tmp_path):
    server, manifest = zoo
    shape = "static"  # numbered pages, galleries and an endless calendar
    entry = _entry(manifest, shape)
    _, first = crawl(server, entry, shape, tmp_path)
    connection = sqlite3.connect(tmp_path / "archive.db")
    learned = dict(connection.execute("select shape, kind from site_shapes where kind is not null"))
    connection.close()
    assert "/news/{n}.html" in learned and learned["/news/{n}.html"] == "article"
    shown = run_cli("sources", "--config", str(tmp_path / "clusterwatch.toml"))
    assert shown.returncode == 0, shown.stderr
    assert "/news/{n}.html" in shown.stdout
    # the second crawl of the unchanged site: listings, feeds and due pages only
    stored, second = crawl(server, entry, shape, tmp_path)
    assert stored == {canonical_url(server.local_url(u)) for u in entry["articles"]}
    assert second < first / 3, (first, second)
