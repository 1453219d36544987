"""`clusterwatch try URL`: a site that is not configured yet, read as a configured source would
be — on sites of the zoo and a bundled replica served on 127.0.0.1, through the real command."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from clusterwatch import paths
from clusterwatch.archive.urls import canonical_url
from clusterwatch.config import load_config
from clusterwatch.demo.replicas import ReplicaServer

from ..helpers import free_port, make_config, run_cli

KEYS = {
    "url",
    "feeds",
    "sitemaps",
    "listings",
    "article_patterns",
    "articles",
    "rejected",
    "verdict",
    "config",
}
ARTICLE_KEYS = {"url", "title", "published", "language", "words", "topics"}
CONFIG = """# my sources: kept as I wrote them
[crawl]
allow_private_addresses = ["127.0.0.1"]  # the sites of the tests
download_delay = 0.0
autothrottle = false
"""


def files_under(directory: Path) -> dict[str, int]:
    return {str(p.relative_to(directory)): p.stat().st_mtime_ns for p in directory.rglob("*")}


def try_json(url: str, config: Path, *args: str) -> dict:
    result = run_cli("try", url, "--config", str(config), "--json", *args, cwd=config.parent)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# one shape of each fold: developed on, held out, never seen while the crawler was written
@pytest.mark.parametrize("shape", ["drupal", "joomla", "typo3"])
def test_try_lists_the_sites_articles_and_writes_nothing(zoo, tmp_path, shape):
    server, manifest = zoo
    entry = manifest[shape]
    config = tmp_path / "clusterwatch.toml"
    config.write_text(CONFIG, encoding="utf-8")
    before = files_under(tmp_path)
    start = server.local_url(entry["start_urls"][0])
    report = try_json(start, config, "--max-pages", "500")
    assert files_under(tmp_path) == before  # no archive, no state, no digest: nothing
    assert set(report) == KEYS
    expected = {canonical_url(server.local_url(u)) for u in entry["articles"]}
    listed = {item["url"] for item in report["articles"]}
    assert listed == expected, {"missing": expected - listed, "extra": listed - expected}
    for item in report["articles"]:
        assert set(item) == ARTICLE_KEYS
        assert item["title"] and item["words"] > 50
        assert item["language"] in entry.get("languages", [item["language"]])
    assert report["article_patterns"]
    assert report["listings"]
    assert report["verdict"].startswith(f"found {len(expected)} articles")
    for item in report["rejected"]:
        assert item["url"] not in expected
        assert item["reason"]
    reasons = {item["reason"] for item in report["rejected"]}
    assert "listing" in reasons
    assert load_config(config).sources == ()  # the configuration is as it was


def test_a_bounded_try_lists_only_articles(zoo, tmp_path):
    server, manifest = zoo
    entry = manifest["wagtail"]
    config = tmp_path / "clusterwatch.toml"
    config.write_text(CONFIG, encoding="utf-8")
    before = server.site("wagtail").requests
    report = try_json(server.local_url(entry["start_urls"][0]), config, "--max-pages", "12")
    # at most the page budget, and robots.txt
    assert server.site("wagtail").requests - before <= 13
    expected = {canonical_url(server.local_url(u)) for u in entry["articles"]}
    listed = {item["url"] for item in report["articles"]}
    assert listed and listed <= expected
    assert "raise --max-pages" in report["verdict"]


def test_the_written_entry_loads_keeps_comments_and_crawls_the_same_articles(zoo, tmp_path):
    server, manifest = zoo
    entry = manifest["drupal"]
    config = tmp_path / "clusterwatch.toml"
    config.write_text(CONFIG, encoding="utf-8")
    start = server.local_url(entry["start_urls"][0])
    result = run_cli(
        "try", start, "--config", str(config), "--write", "--max-pages", "500", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    text = config.read_text(encoding="utf-8")
    assert text.startswith(CONFIG)  # comments and all
    assert "Verdict: found" in result.stdout
    assert "[[sources]]" in result.stdout  # the entry, printed to paste
    loaded = load_config(config)
    [source] = loaded.sources
    assert source.start_urls == [start]
    assert source.spider == "generic"
    listed = {
        line.split()[1]
        for line in result.stdout.splitlines()
        if line.startswith("│ http") and "/node/" in line
    }
    crawl = run_cli("crawl", "--config", str(config), cwd=tmp_path)
    assert crawl.returncode == 0, crawl.stderr
    connection = sqlite3.connect(tmp_path / "archive.db")
    stored = {url for (url,) in connection.execute("select url from articles")}
    connection.close()
    expected = {canonical_url(server.local_url(u)) for u in entry["articles"]}
    assert stored == expected
    assert listed and listed <= stored  # the articles `try` printed (its table shows 20)
    # a second --write of the same site is refused, and the file stays as it is
    again = run_cli("try", start, "--config", str(config), "--write", cwd=tmp_path)
    assert again.returncode == 1
    assert "configured already" in again.stderr
    assert config.read_text(encoding="utf-8") == text


def test_try_on_a_bundled_replica_finds_what_its_own_spider_stores(tmp_path):
    with ReplicaServer() as server:
        site_config = make_config(server, tmp_path / "site")
        crawl = run_cli(
            "crawl", "--config", str(site_config), "--source", "budowlanyklaster", cwd=tmp_path
        )
        assert crawl.returncode == 0, crawl.stderr
        connection = sqlite3.connect(tmp_path / "site" / "archive.db")
        stored = {url for (url,) in connection.execute("select url from articles")}
        connection.close()
        config = tmp_path / "clusterwatch.toml"
        config.write_text(CONFIG, encoding="utf-8")
        start = load_config(site_config).source("budowlanyklaster").start_urls[0]
        report = try_json(start, config, "--max-pages", "300")
    listed = {item["url"] for item in report["articles"]}
    assert stored and listed == stored
    # Polish in windows-1250, read without mojibake
    assert all(item["language"] == "pl" for item in report["articles"])
    assert not any("Ã" in (item["title"] or "") for item in report["articles"])


def test_bad_urls_unreachable_sites_and_closed_sites_get_one_line(tmp_path):
    config = tmp_path / "clusterwatch.toml"
    config.write_text(CONFIG, encoding="utf-8")
    bad = run_cli("try", "ftp://example.org/", "--config", str(config), cwd=tmp_path)
    assert bad.returncode != 0
    assert bad.stderr.strip().count("\n") == 0 and "not an http(s) URL" in bad.stderr
    port = free_port()
    closed = run_cli("try", f"http://127.0.0.1:{port}/", "--config", str(config), cwd=tmp_path)
    assert closed.returncode != 0
    assert closed.stderr.strip().count("\n") == 0 and "cannot reach" in closed.stderr
    # a site whose robots.txt closes it to every crawler
    sites = tmp_path / "sites"
    (sites / "closed").mkdir(parents=True)
    (sites / "closed" / "_site.json").write_text(
        '{"source": "closed", "bases": ["https://closed.example"]}'
    )
    (sites / "closed" / "robots.txt").write_text("User-agent: *\nDisallow: /\n")
    (sites / "closed" / "index.html").write_text("<html><body><p>Hello</p></body></html>")
    with ReplicaServer(sites) as server:
        url = server.local_url("https://closed.example/")
        robots = run_cli("try", url, "--config", str(config), cwd=tmp_path)
    assert robots.returncode != 0
    assert robots.stderr.strip().count("\n") == 0 and "robots.txt" in robots.stderr
    # and without an allowance for private addresses, loopback is refused in so many words
    plain = tmp_path / "plain.toml"
    plain.write_text("[crawl]\ndownload_delay = 0.0\n", encoding="utf-8")
    private = run_cli("try", f"http://127.0.0.1:{port}/", "--config", str(plain), cwd=tmp_path)
    assert private.returncode != 0 and "private address" in private.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "clusterwatch.toml",
        "plain.toml",
        "sites",
    ]


def test_the_bundled_configuration_is_never_written(tmp_path):
    bundled = paths.default_config_path()
    before = bundled.read_bytes()
    # no --config and no ./clusterwatch.toml: the bundled configuration applies, and stays
    result = run_cli("try", f"http://127.0.0.1:{free_port()}/", "--write", cwd=tmp_path)
    assert result.returncode != 0
    assert "bundled configuration is not changed" in result.stderr
    assert bundled.read_bytes() == before
    assert list(tmp_path.iterdir()) == []


def test_max_pages_bounds_the_requests_of_a_crawl(zoo, tmp_path):
    server, manifest = zoo
    entry = manifest["wordpress"]
    config = tmp_path / "clusterwatch.toml"
    start = server.local_url(entry["start_urls"][0])
    config.write_text(
        CONFIG + f'[[sources]]\nname = "wp"\nstart_urls = ["{start}"]\n', encoding="utf-8"
    )
    before = server.site("wordpress").requests
    result = run_cli("crawl", "--config", str(config), "--max-pages", "5", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert server.site("wordpress").requests - before <= 6  # five pages and robots.txt
    connection = sqlite3.connect(tmp_path / "archive.db")
    stored = connection.execute("select count(*) from articles").fetchone()[0]
    refused = connection.execute(
        "select count(*) from fetches where error = 'page-limit'"
    ).fetchone()[0]
    status, complete = connection.execute("select status, complete from crawl_runs").fetchone()
    connection.close()
    assert stored <= 5 and refused > 0
    # the run ended as at the end of a site, but it did not read every listing
    assert (status, complete) == ("finished", 0)


@pytest.mark.parametrize("shape", ["wordpress", "aspnet"])
def test_pages_judged_no_article_are_not_revisited_as_articles(zoo, tmp_path, shape):
    """A second crawl of an unchanged site asks again for its listings, feeds and sitemaps, and
    for no page that the first judged a listing or another page (nor any article: none is due)."""
    server, manifest = zoo
    start = server.local_url(manifest[shape]["start_urls"][0])
    config = tmp_path / "clusterwatch.toml"
    config.write_text(
        CONFIG + f'[[sources]]\nname = "site"\nstart_urls = ["{start}"]\n', encoding="utf-8"
    )
    for _ in range(2):
        result = run_cli("crawl", "--config", str(config), cwd=tmp_path)
        assert result.returncode == 0, result.stderr
    connection = sqlite3.connect(tmp_path / "archive.db")
    judged = dict(
        connection.execute("select url, kind from pages where kind in ('other', 'listing')")
    )
    second = connection.execute(
        "select url, kind from fetches where crawl_run = (select max(id) from crawl_runs)"
    ).fetchall()
    first_pages = connection.execute(
        "select count(*) from fetches where crawl_run = (select min(id) from crawl_runs)"
    ).fetchone()[0]
    connection.close()
    assert judged
    # fetched as a page that might be an article: none in the second run
    assert [url for url, kind in second if kind in ("page", "article")] == []
    # what the second run fetched again were its start page and what it reads every run
    kinds = {kind for url, kind in second if not url.endswith("/robots.txt")}
    assert kinds <= {"start", "listing", "feed", "sitemap", "probe"}
    assert len(second) < first_pages / 2
