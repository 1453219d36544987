"""Change signals: a sitemap's <lastmod> or a feed item's date unlike the one seen when an article
was last fetched makes the next crawl fetch it again (conditionally), whatever those dates are
against the clock; unchanged ones leave it alone. Crawled with the real command over the pfrr
replica (a WordPress site with a sitemap and a feed that both list its posts)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from scrapy.http import Headers

from clusterwatch import paths
from clusterwatch.demo import replicas
from clusterwatch.demo.replicas import ReplicaServer

from ..helpers import make_config, run_cli

EDITED = "kontynuujemy-seminaria-informacyjne-homel-pinsk-grodno"  # its lastmod: 2019-11-08
FED = "centrum-pomocy-humanitarnej-w-bialymstoku-bedzie-dzialac-dalej"  # Fri, 17 Feb 2023
QUIET = "pozyczki-dla-mikro-malych-i-srednich-przedsiebiorstw"  # text changed, no signal
ADDED = "<p>Aktualizacja: seminarium w Grodnie przeniesiono do Lidy.</p>"


class Site:
    """A copy of the replica sites served on 127.0.0.1, with the pfrr source's archive; the
    server notes each request to pfrr: its path and If-None-Match header."""

    def __init__(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
        self.root = tmp_path / "sites"
        shutil.copytree(
            paths.demo_sites_dir(),
            self.root,
            ignore=shutil.ignore_patterns("_source", "_templates"),
        )
        self.pfrr = self.root / "pfrr.pl"
        self.requests: list[tuple[str, str | None]] = []
        handler_for = replicas._handler_for

        def recording(site, server):
            handler = handler_for(site, server)
            requests = self.requests

            class Recording(handler):
                def do_GET(self) -> None:  # noqa: N802
                    if site.name == "pfrr.pl":
                        path = unquote(urlsplit(self.path).path)
                        requests.append((path, self.headers.get("If-None-Match")))
                    super().do_GET()

            return Recording

        monkeypatch.setattr(replicas, "_handler_for", recording)
        self.server = ReplicaServer(self.root).start()
        self.config = make_config(self.server, tmp_path / "run")
        self.db = tmp_path / "run" / "archive.db"

    def url(self, slug: str) -> str:
        return f"{self.server.site('pfrr.pl').local_base}/{slug}/"

    def crawl(self) -> dict[str, int]:
        """One crawl of pfrr: the status of each article it fetched."""
        start = len(self.requests)
        result = run_cli("crawl", "--config", str(self.config), "--source", "pfrr")
        assert result.returncode == 0, result.stdout + result.stderr
        self.last_requests = self.requests[start:]
        with sqlite3.connect(self.db) as connection:
            run = connection.execute("select max(id) from crawl_runs").fetchone()[0]
            return dict(
                connection.execute(
                    "select url, status from fetches where crawl_run = ? and kind = 'article'",
                    [run],
                ).fetchall()
            )

    def edit(self, slug: str) -> None:
        page = self.pfrr / slug / "index.html"
        html = page.read_text(encoding="utf-8")
        marker = '</div>\n  <footer class="entry-footer">'
        assert html.count(marker) == 1
        page.write_text(html.replace(marker, ADDED + marker), encoding="utf-8")

    def replace(self, name: str, old: str, new: str) -> None:
        file = self.pfrr / name
        text = file.read_text(encoding="utf-8")
        assert text.count(old) == 1, old
        file.write_text(text.replace(old, new), encoding="utf-8")

    def move_lastmod(self, slug: str, old: str, new: str) -> None:
        self.replace(
            "wp-sitemap-posts-post-1.xml",
            f"/{slug}/</loc><lastmod>{old}</lastmod>",
            f"/{slug}/</loc><lastmod>{new}</lastmod>",
        )

    def query(self, sql: str, *params: object) -> list[tuple]:
        with sqlite3.connect(self.db) as connection:
            return connection.execute(sql, params).fetchall()

    def revisions(self, slug: str) -> list[int]:
        return [
            number
            for (number,) in self.query(
                "select number from revisions join articles on articles.id = revisions.article "
                "where articles.url = ? order by number",
                self.url(slug),
            )
        ]

    def etag(self, slug: str) -> str:
        return self.query("select etag from pages where url = ?", self.url(slug))[0][0]

    def stop(self) -> None:
        self.server.stop()


@pytest.fixture
def site(tmp_path, monkeypatch):
    site = Site(tmp_path, monkeypatch)
    yield site
    site.stop()


@pytest.fixture(scope="module")
def changed(tmp_path_factory):
    """pfrr crawled once; then one post's sitemap lastmod moved from a past date to another past
    date, another's feed date, each with its text edited, and a third post's text edited with
    no signal moved; then crawled again."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        site = Site(tmp_path_factory.mktemp("changed"), monkeypatch)
    try:
        yield crawled_after_changes(site)
    finally:
        site.stop()


def crawled_after_changes(site: Site) -> Site:
    first = site.crawl()
    assert site.url(EDITED) in first and site.url(FED) in first and site.url(QUIET) in first
    site.etags = {slug: site.etag(slug) for slug in (EDITED, FED, QUIET)}
    site.edit(EDITED)
    site.move_lastmod(EDITED, "2019-11-08", "2019-11-10")
    site.edit(FED)
    site.replace("feed.xml", "Fri, 17 Feb 2023 09:30:00 +0100", "Mon, 20 Feb 2023 09:30:00 +0100")
    site.edit(QUIET)
    site.second = site.crawl()
    site.second_requests = site.last_requests
    return site


def test_a_lastmod_moved_between_past_dates_refetches_the_article_conditionally(changed):
    site = changed
    assert site.second.get(site.url(EDITED)) == 200
    assert (f"/{EDITED}/", site.etags[EDITED]) in site.second_requests  # If-None-Match
    assert site.revisions(EDITED) == [1, 2]
    signal = site.query("select signal from pages where url = ?", site.url(EDITED))[0][0]
    assert "2019-11-10" in signal.splitlines() and "2019-11-08" not in signal.splitlines()


def test_a_feed_date_moved_between_past_dates_refetches_the_article_conditionally(changed):
    site = changed
    assert site.second.get(site.url(FED)) == 200
    assert (f"/{FED}/", site.etags[FED]) in site.second_requests
    assert site.revisions(FED) == [1, 2]
    signal = site.query("select signal from pages where url = ?", site.url(FED))[0][0]
    # the sitemap's value, unchanged, is kept beside the feed's new one
    assert set(signal.splitlines()) == {"2023-02-17", "Mon, 20 Feb 2023 09:30:00 +0100"}


def test_articles_whose_signals_did_not_change_are_left_alone(changed):
    site = changed
    # only the two articles whose signals moved were fetched: not the one edited quietly, nor
    # the eleven others (the sitemap and the feed list them with the values seen last time)
    assert set(site.second) == {site.url(EDITED), site.url(FED)}
    article_paths = {urlsplit(url).path for (url,) in site.query("select url from articles")}
    assert {path for path, _ in site.second_requests} & article_paths == {
        f"/{EDITED}/",
        f"/{FED}/",
    }
    assert site.revisions(QUIET) == [1]
    # and a third crawl of the site, unchanged since, fetches no article
    assert site.crawl() == {}


def test_an_archive_without_signals_keeps_them_without_fetching_then_sees_changes(site):
    site.crawl()
    with sqlite3.connect(site.db) as connection:
        connection.execute("update pages set signal = null")  # as an archive from before m013
    # a lastmod moved between past dates is no later than the last fetch: not fetched (the
    # rule before signals were kept), but the values are kept
    site.move_lastmod(EDITED, "2019-11-08", "2019-11-10")
    assert site.crawl() == {}
    kept = dict(site.query("select url, signal from pages where kind = 'article'"))
    assert len(kept) == 14 and all(kept.values())
    assert "2019-11-10" in kept[site.url(EDITED)].splitlines()
    # from then on a move is a change
    site.edit(EDITED)
    site.move_lastmod(EDITED, "2019-11-10", "2019-11-12")
    assert site.crawl() == {site.url(EDITED): 200}
    assert site.revisions(EDITED) == [1, 2]


def test_a_change_seen_by_a_failed_fetch_is_seen_again_by_the_next_run(site):
    site.crawl()
    page = site.pfrr / EDITED / "index.html"
    html = page.read_text(encoding="utf-8")
    page.unlink()  # the fetch the moved lastmod asks for fails
    site.move_lastmod(EDITED, "2019-11-08", "2019-11-10")
    assert site.crawl() == {site.url(EDITED): 404}
    signal = site.query("select signal from pages where url = ?", site.url(EDITED))[0][0]
    assert "2019-11-10" not in signal.splitlines()
    page.write_text(html, encoding="utf-8")
    site.edit(EDITED)
    assert site.crawl() == {site.url(EDITED): 200}
    assert site.revisions(EDITED) == [1, 2]
    signal = site.query("select signal from pages where url = ?", site.url(EDITED))[0][0]
    assert "2019-11-10" in signal.splitlines()


# -- the record book: a signal counts once the page is dealt with -------------------------------


@pytest.fixture
def session(tmp_path):
    from scrapy import Spider
    from scrapy.crawler import Crawler

    from clusterwatch.config import load_config
    from clusterwatch.crawl.session import CrawlSession

    with ReplicaServer() as server:
        config = load_config(make_config(server, tmp_path))
    return CrawlSession(Crawler(Spider, {}), config, "pfrr")


def stored(session, url: str) -> dict:
    session.flush()
    cursor = session.db.execute("select signal, etag from pages where url = ?", [url])
    return dict(zip(("signal", "etag"), cursor.fetchone(), strict=True))


def test_a_signal_is_kept_once_the_page_is_stored_and_values_after_that_at_once(session):
    url = "https://pfrr.pl/wpis/"
    session.see_signal(url, " 2019-11-10 ")
    session.record_page(url, "article", 200, Headers({"ETag": '"v2"'}))
    assert stored(session, url) == {"signal": None, "etag": None}  # not stored yet
    session.record_article(url, "updated", None)
    assert stored(session, url) == {"signal": "2019-11-10", "etag": '"v2"'}
    # the feed of the same run lists it too: kept beside the sitemap's value
    assert session.see_signal(url, "Sun, 10 Nov 2019 09:30:00 +0100")
    assert stored(session, url)["signal"] == "2019-11-10\nSun, 10 Nov 2019 09:30:00 +0100"


def test_a_signal_of_a_page_that_could_not_be_dealt_with_is_dropped(session):
    url = "https://pfrr.pl/wpis/"
    session.db["pages"].insert({"url": url, "source": "pfrr", "kind": "article", "signal": "a"})
    session.see_signal(url, "b")
    session.record_page(url, "article", 200, Headers({"ETag": '"v2"'}))
    session.unsettle(url)  # its extraction worker died
    assert stored(session, url)["signal"] == "a"
    # a page judged not to be an article was dealt with
    session.see_signal(url, "c")
    session.record_page(url, "article", 200, Headers({"ETag": '"v3"'}))
    session.mark(url, "other")
    assert stored(session, url) == {"signal": "c", "etag": '"v3"'}


def test_a_distributed_worker_hands_the_signals_to_the_writer_with_the_article(session):
    url = "https://pfrr.pl/wpis/"
    session.see_signal(url, "2019-11-10")
    session.record_page(url, "article", 200, Headers({"ETag": '"v2"'}))
    row, validators = session.take(url)
    assert row["signal"] == "2019-11-10" and validators == ('"v2"', None)
