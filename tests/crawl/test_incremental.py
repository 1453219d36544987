"""Incremental crawls over the replicas: known articles are fetched again when due, even when no
listing page of the run shows them any more, and pagination stops early only after a complete
run."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from urllib.parse import urljoin

import httpx
from bs4 import BeautifulSoup

from clusterwatch.archive.urls import canonical_url
from clusterwatch.demo.replicas import ReplicaServer

from ..helpers import make_config, run_cli


def article_links(url: str) -> set[str]:
    html = httpx.get(url, timeout=10).text
    soup = BeautifulSoup(html, "html.parser")
    return {canonical_url(urljoin(url, a["href"])) for a in soup.select("a[href]")}


def test_due_and_unstored_articles_past_the_stopping_listing_are_fetched(tmp_path):
    with ReplicaServer(latency=0.0) as server:
        config = make_config(server, tmp_path)
        db = tmp_path / "archive.db"
        first = run_cli("crawl", "--config", str(config), "--source", "budowlanyklaster")
        assert first.returncode == 0, first.stdout + first.stderr
        with sqlite3.connect(db) as connection:
            stored = {url for (url,) in connection.execute("select url from articles")}
        listing = server.local_url("http://www.budowlanyklaster.pl/dziaania-klastra/")
        on_page_1 = article_links(listing) & stored
        page_2 = listing.rstrip("/") + "/strona-2.html"
        only_on_page_2 = sorted((article_links(page_2) & stored) - on_page_1)
        assert len(only_on_page_2) >= 2
        due, unstored = only_on_page_2[:2]
        due_on_page_1 = sorted(on_page_1)[0]
        past = (datetime.now(UTC) - timedelta(hours=1)).replace(microsecond=0).isoformat()
        with sqlite3.connect(db) as connection:
            # one article is due for a check; the other is left as a crash leaves a page the
            # archive never got: no validators, no next check
            for url in (due, due_on_page_1):
                connection.execute("update pages set next_check = ? where url = ?", [past, url])
            connection.execute(
                "update pages set next_check = null, etag = null, last_modified = null "
                "where url = ?",
                [unstored],
            )

        second = run_cli("crawl", "--config", str(config), "--source", "budowlanyklaster")
        assert second.returncode == 0, second.stdout + second.stderr
        with sqlite3.connect(db) as connection:
            run = connection.execute("select max(id) from crawl_runs").fetchone()[0]
            fetched = {
                canonical_url(url): status
                for url, status in connection.execute(
                    "select url, status from fetches where crawl_run = ?", [run]
                )
            }
            next_checks = dict(
                connection.execute(
                    "select url, next_check from pages where url in (?, ?, ?)",
                    [due, unstored, due_on_page_1],
                ).fetchall()
            )
            links_found = connection.execute(
                "select article_links from crawl_runs where id = ?", [run]
            ).fetchone()[0]
    # the first listing page brought nothing new (a due article is not new), so the run did not
    # page on to where the two articles are listed; it asked for them itself, the due ones
    # conditionally
    assert canonical_url(listing) in fetched
    assert canonical_url(page_2) not in fetched
    assert fetched.get(due) == 304 and fetched.get(due_on_page_1) == 304
    assert fetched.get(unstored) == 200
    # they are settled again, and nothing else known was fetched
    assert all(value and value > past for value in next_checks.values())
    assert not (set(fetched) & stored) - {due, unstored, due_on_page_1}
    # revisits are not links the site showed (the source's health counts those)
    assert links_found == len(on_page_1)


def test_due_articles_are_read_in_batches_and_only_the_due_ones(tmp_path):
    from scrapy import Spider
    from scrapy.crawler import Crawler

    from clusterwatch.config import load_config
    from clusterwatch.crawl.session import CrawlSession

    with ReplicaServer(latency=0.0) as server:
        config = load_config(make_config(server, tmp_path))
    session = CrawlSession(Crawler(Spider, {}), config, "pfrr")
    now = datetime.now(UTC).replace(microsecond=0)
    past, future = (now - timedelta(days=1)).isoformat(), (now + timedelta(days=1)).isoformat()
    rows, due = [], set()
    for n in range(2_600):  # more than two batches
        url = f"https://pfrr.pl/wpis-{n}/"
        row = {"url": url, "source": "pfrr", "kind": "article", "last_status": 200}
        if n % 3 == 0:
            row["next_check"] = future  # not due yet
        elif n % 7 == 0:
            row.update(next_check=past, last_status=404)  # gone: left to the listings
        elif n % 11 == 0:
            row.update(next_check=past, last_status=503)  # a server error: tried again
            due.add(url)
        else:
            row["next_check"] = None if n % 2 else past  # unsettled, or due
            due.add(url)
        rows.append(row)
    rows.append({"url": "https://pfrr.pl/", "source": "pfrr", "kind": "listing"})
    rows.append({"url": "https://x.pl/a/", "source": "budowlanyklaster", "kind": "article"})
    session.db["pages"].insert_all(rows, pk="url")
    found = [row["url"] for row in session.due_articles(now)]
    assert len(found) == len(set(found)) and set(found) == due


def test_after_an_interrupted_run_every_listing_page_is_read_again(tmp_path):
    with ReplicaServer(latency=0.0) as server:
        config = make_config(server, tmp_path)
        db = tmp_path / "archive.db"

        def crawl() -> dict[str, int]:
            result = run_cli("crawl", "--config", str(config), "--source", "budowlanyklaster")
            assert result.returncode == 0, result.stdout + result.stderr
            with sqlite3.connect(db) as connection:
                run = connection.execute("select max(id) from crawl_runs").fetchone()[0]
                return {
                    canonical_url(url): status
                    for url, status in connection.execute(
                        "select url, status from fetches where crawl_run = ?", [run]
                    )
                }

        def forget(url: str) -> None:
            """As if no run had reached ``url`` yet: the archive has no record of fetching it."""
            with sqlite3.connect(db) as connection:
                connection.execute("delete from pages where url = ?", [url])

        crawl()
        with sqlite3.connect(db) as connection:
            stored = {url for (url,) in connection.execute("select url from articles")}
        listing = server.local_url("http://www.budowlanyklaster.pl/dziaania-klastra/")
        page_2 = listing.rstrip("/") + "/strona-2.html"
        unseen = sorted((article_links(page_2) & stored) - article_links(listing))[0]

        # the last run was interrupted: articles new since the run before may be listed below
        # those it stored, past a first listing page with nothing new
        forget(unseen)
        with sqlite3.connect(db) as connection:
            connection.execute(
                "insert into crawl_runs (source, started, status, complete) "
                "values ('budowlanyklaster', ?, 'interrupted', 0)",
                [datetime.now(UTC).isoformat()],
            )
        fetched = crawl()
        assert canonical_url(page_2) in fetched and fetched.get(unseen) == 200

        # after that complete run, the first listing page with nothing new ends pagination
        forget(unseen)
        fetched = crawl()
        assert canonical_url(page_2) not in fetched and unseen not in fetched


# -- change signals: a sitemap's <lastmod> or a feed item's date --------------------------------

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def known_page(**values) -> dict:
    """An article fetched an hour before ``NOW`` and not due for a week."""
    return {
        "kind": "article",
        "last_fetched": (NOW - timedelta(hours=1)).isoformat(),
        "next_check": (NOW + timedelta(days=7)).isoformat(),
        **values,
    }


def test_a_signal_unlike_the_one_seen_at_the_last_fetch_makes_an_article_due():
    from clusterwatch.crawl.incremental import is_due

    page = known_page(signal="2019-11-08")
    # moved from one past date to another past date: due, whatever the clock says
    assert is_due(page, "2019-11-10", now=NOW)
    assert is_due(page, "2019-11-01", now=NOW)  # backdated
    assert is_due(page, "2019-11-08T10:00:00+01:00", now=NOW)  # a time added: a new text
    # the same value, whitespace aside, leaves the article to its next check
    assert not is_due(page, "2019-11-08", now=NOW)
    assert not is_due(page, "\n  2019-11-08 ", now=NOW)
    assert is_due({**page, "next_check": (NOW - timedelta(seconds=1)).isoformat()}, "2019-11-08")
    assert not is_due(page, None, now=NOW) and not is_due(page, "  ", now=NOW)


def test_an_article_listed_by_a_sitemap_and_a_feed_is_due_when_either_value_changes():
    from clusterwatch.crawl.incremental import is_due

    page = known_page(signal="2019-11-08\nFri, 08 Nov 2019 09:30:00 +0100")
    assert not is_due(page, "2019-11-08", now=NOW)
    assert not is_due(page, "Fri, 08 Nov 2019 09:30:00 +0100", now=NOW)
    assert is_due(page, "Sat, 09 Nov 2019 09:30:00 +0100", now=NOW)
    assert is_due(page, "2019-11-09", now=NOW)


def test_without_a_stored_signal_only_a_date_later_than_the_last_fetch_makes_it_due():
    from clusterwatch.crawl.incremental import is_due

    page = known_page()  # fetched before signals were kept
    assert not is_due(page, "2019-11-10", now=NOW)
    assert not is_due(page, "Sun, 10 Nov 2019 09:30:00 +0100", now=NOW)
    assert is_due(page, (NOW - timedelta(minutes=5)).isoformat(), now=NOW)
    assert is_due(page, "Fri, 20 Nov 2026 11:55:00 +0000", now=NOW)
    # a date without a time counts as the end of its day
    assert is_due(page, NOW.date().isoformat(), now=NOW)
    # a value that is no date it can read leaves the article to its next check
    assert not is_due(page, "yesterday", now=NOW)
    assert is_due(None, "2019-11-10", now=NOW)
