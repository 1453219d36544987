"""The generic spider: a new site needs only a configuration entry.

It finds the replica sites' articles through feeds, sitemaps, listings and link heuristics,
and stores no listing, category, contact or about page as an article.
"""

from __future__ import annotations

import sqlite3

import pytest

from ..helpers import local_canonical, run_cli


@pytest.mark.parametrize(
    ("source", "site", "start"),
    [
        ("pfrr", "pfrr.pl", "/"),
        ("metalklaster", "www.metalklaster.pl", "/"),
        ("budowlanyklaster", "www.budowlanyklaster.pl", "/dziaania-klastra/"),
        ("polskapomoc", "www.gov.pl", "/web/polskapomoc"),
    ],
)
def test_generic_spider_finds_every_article_and_nothing_else(
    replicas, manifest, tmp_path, source, site, start
):
    replica = replicas.site(site)
    config = tmp_path / "clusterwatch.toml"
    config.write_text(
        f"""
[archive]
path = "archive.db"
[crawl]
allow_private_addresses = ["127.0.0.1"]
download_delay = 0.0
autothrottle = false
[[sources]]
name = "{source}"
start_urls = ["{replica.local_base}{start}"]
allowed_domains = {replicas.netlocs_of_source(source)!r}
""",
        encoding="utf-8",
    )
    result = run_cli("crawl", "--config", str(config))
    assert result.returncode == 0, result.stdout + result.stderr
    connection = sqlite3.connect(tmp_path / "archive.db")
    stored = {url for (url,) in connection.execute("select url from articles")}
    connection.close()
    expected = {
        local_canonical(replicas, a["url"]) for a in manifest["articles"] if a["source"] == source
    }
    assert stored == expected, {
        "missing": sorted(expected - stored),
        "extra": sorted(stored - expected),
    }


@pytest.mark.parametrize("spider", ["generic", "polskapomoc"])
def test_gov_pl_listed_news_only_with_clean_titles_and_dates(replicas, manifest, tmp_path, spider):
    """The real gov.pl template: every page of the service (about, BIP, careers, the
    accessibility declaration with its dates) is in the article template, and the portal around
    it is one click away. The news is what the listing lists — on both of its pages."""
    gov = replicas.site("www.gov.pl")
    config = tmp_path / "clusterwatch.toml"
    config.write_text(
        f"""
[archive]
path = "archive.db"
[crawl]
allow_private_addresses = ["127.0.0.1"]
download_delay = 0.0
autothrottle = false
[[sources]]
name = "polskapomoc"
spider = "{spider}"
start_urls = ["{gov.local_base}/web/polskapomoc/aktualnosci"]
""",
        encoding="utf-8",
    )
    result = run_cli("crawl", "--config", str(config))
    assert result.returncode == 0, result.stdout + result.stderr
    connection = sqlite3.connect(tmp_path / "archive.db")
    stored = {
        url: (title, published)
        for url, title, published in connection.execute(
            "select url, title, published from articles"
        )
    }
    fetched = {url for (url,) in connection.execute("select url from fetches")}
    connection.close()
    expected = {
        local_canonical(replicas, a["url"]): (a["title"], a["published"])
        for a in manifest["articles"]
        if a["source"] == "polskapomoc" and "www.gov.pl" in a["url"]
    }
    assert stored == expected
    # the default scope is the service's section: nothing of the portal around it was fetched
    assert not [url for url in fetched if "/web/polskapomoc/" not in url and "/robots" not in url]
