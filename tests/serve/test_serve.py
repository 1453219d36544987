"""`clusterwatch serve`: the archive in a real Datasette, its metadata, queries, facets and feed.

Most tests talk to Datasette through its own ASGI client (``datasette.client``); the command
itself runs as a real server on 127.0.0.1 and a free port.
"""

from __future__ import annotations

import asyncio
import socket
import sqlite3
import time
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner

from clusterwatch.archive.store import open_db
from clusterwatch.cli.main import cli
from clusterwatch.serve import app as serve

from ..helpers import free_port, start_server, stop_server

ATOM = "{http://www.w3.org/2005/Atom}"
QUERIES = sorted(serve.load_metadata()["databases"]["archive"]["queries"])


def get(ds: Any, path: str) -> Any:
    return asyncio.run(ds.client.get(path))


def local(url: str) -> str:
    """The path and query of a URL Datasette made absolute."""
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def rows(db: Path, sql: str, params: list[Any] | None = None) -> list[sqlite3.Row]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, params or []).fetchall()
    finally:
        conn.close()


@pytest.fixture
def empty_archive(tmp_path: Path) -> Path:
    path = tmp_path / "archive.db"
    open_db(path).conn.close()
    return path


@pytest.fixture(scope="module")
def crawled_ds(crawled: dict[str, Any]) -> Any:
    return serve.build_datasette(crawled["db"])


def test_the_canned_queries_are_the_ones_the_analysts_asked_for():
    assert set(QUERIES) == {
        "new_this_week",
        "alerts_by_topic",
        "alerts_feed",
        "belarus_and_clusters",
        "stories_on_several_sites",
        "updated_articles",
        "source_status",
        "mentions_per_week",
    }


@pytest.mark.parametrize("query", QUERIES)
def test_every_canned_query_runs_on_an_empty_archive(empty_archive, query):
    ds = serve.build_datasette(empty_archive)
    data = get(ds, f"/archive/{query}.json?_shape=objects").json()
    assert data["ok"] and data["rows"] == [], data.get("error")
    assert get(ds, f"/archive/{query}").status_code == 200


@pytest.mark.parametrize("query", QUERIES)
def test_every_canned_query_runs_on_a_crawled_archive(crawled_ds, query):
    response = get(crawled_ds, f"/archive/{query}.json?_shape=objects")
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["ok"], data.get("error")
    if query != "updated_articles":  # a first crawl has no second revision
        assert data["rows"], query
    assert get(crawled_ds, f"/archive/{query}").status_code == 200


def test_alerts_by_topic_shows_one_topic_with_the_matched_words_marked(crawled_ds):
    found = get(crawled_ds, "/archive/alerts_by_topic.json?_shape=array&topic=belarus").json()
    assert found and {r["topic"] for r in found} == {"belarus"}
    for row in found:
        hit = row["snippet"][row["hit_start"] : row["hit_end"]]
        assert hit and hit.strip() == hit, row
    everything = get(crawled_ds, "/archive/alerts_by_topic.json?_shape=array").json()
    assert {r["topic"] for r in everything} == {"belarus", "clusters"}
    page = get(crawled_ds, "/archive/alerts_by_topic?topic=belarus").text
    assert "<mark>" in page and 'href="/archive/articles/' in page


def test_articles_on_both_topics_include_the_seed_article(crawled_ds, crawled):
    found = get(crawled_ds, "/archive/belarus_and_clusters.json?_shape=array").json()
    titles = {r["title"] for r in found}
    assert "Rozwój systemu klastrowego na Białorusi" in titles
    both = rows(
        crawled["db"],
        "select count(*) from articles where id in (select article from matches"
        " where topic = 'belarus') and id in (select article from matches where topic = 'clusters')",
    )[0][0]
    assert len(found) == both
    assert all(r["belarus_alerts"] > 0 and r["clusters_alerts"] > 0 for r in found)


def test_stories_on_several_sites_list_every_copy(crawled_ds):
    found = get(crawled_ds, "/archive/stories_on_several_sites.json?_shape=array").json()
    by_story: dict[int, set[str]] = {}
    for row in found:
        by_story.setdefault(row["story"], set()).add(row["source"])
        assert row["sites"] > 1
    assert by_story and all(len(sources) > 1 for sources in by_story.values())


def test_source_health_and_new_this_week_cover_the_crawl(crawled_ds, crawled):
    health = get(crawled_ds, "/archive/source_status.json?_shape=array").json()
    assert {r["source"] for r in health} == {
        "polskapomoc",
        "pfrr",
        "budowlanyklaster",
        "metalklaster",
    }
    assert all(r["days_since_last_run"] == 0 for r in health)
    new = get(crawled_ds, "/archive/new_this_week.json?_shape=array").json()
    assert len(new) == rows(crawled["db"], "select count(*) from articles")[0][0]


def test_mentions_per_week_has_every_week_for_every_topic(crawled_ds):
    found = get(crawled_ds, "/archive/mentions_per_week.json?_shape=array").json()
    weeks = sorted({r["week"] for r in found})
    assert {r["topic"] for r in found} == {"belarus", "clusters"}
    assert len(found) == 2 * len(weeks) and sum(r["articles"] for r in found) > 0
    assert len(weeks) > 1 and time.strptime(weeks[-1], "%Y-%m-%d").tm_wday == 0  # Mondays
    since = get(crawled_ds, f"/archive/mentions_per_week.json?_shape=array&since={weeks[-1]}")
    assert {r["week"] for r in since.json()} == {weeks[-1]}


def test_the_front_page_names_the_monitored_sites_and_their_licences(crawled_ds):
    page = get(crawled_ds, "/").text
    assert "Licence notes." in page
    for source in ("polskapomoc", "pfrr", "budowlanyklaster", "metalklaster"):
        assert f"<code>{source}</code>" in page, source


def test_the_chart_is_drawn_by_datasette_vega(crawled_ds):
    plugins = {p["name"]: p for p in get(crawled_ds, "/-/plugins.json").json()}
    assert plugins["datasette-vega"]["version"] == "0.6.2"
    assert plugins["datasette-atom"]["version"] == "0.9"
    page = get(crawled_ds, "/archive/mentions_per_week").text
    assert "/-/static-plugins/datasette_vega/" in page
    # the database page links to the query with the chart's settings in the fragment
    index = get(crawled_ds, "/archive").text.replace("&amp;", "&")
    assert "mentions_per_week#g.mark=line&g.x_column=week&g.x_type=temporal" in index


def test_the_alerts_feed_is_atom_with_marked_snippets(crawled_ds):
    response = get(crawled_ds, "/archive/alerts_feed.atom?topic=clusters")
    assert response.status_code == 200, response.text
    feed = ET.fromstring(response.content)
    assert feed.findtext(f"{ATOM}title") == "clusterwatch alerts (Atom feed)"
    entries = feed.findall(f"{ATOM}entry")
    assert entries and all(e.findtext(f"{ATOM}title").startswith("[clusters] ") for e in entries)
    assert all(e.find(f"{ATOM}link").get("href").startswith("http://127.0.0.1") for e in entries)
    assert "<strong>" in entries[0].findtext(f"{ATOM}content")


def test_the_alerts_feed_of_an_empty_archive_is_an_empty_feed(empty_archive):
    # datasette-atom alone answers 500 (max() of no rows)
    response = get(serve.build_datasette(empty_archive), "/archive/alerts_feed.atom")
    assert response.status_code == 200, response.text
    assert ET.fromstring(response.content).findall(f"{ATOM}entry") == []


def test_updated_articles_show_their_diff(crawled, tmp_path):
    archive = tmp_path / "archive.db"
    with sqlite3.connect(crawled["db"]) as source, sqlite3.connect(archive) as copy:
        source.backup(copy)
    with sqlite3.connect(archive) as conn:
        article, text = conn.execute("select id, text from articles order by id limit 1").fetchone()
        diff = "--- 1\n+++ 2\n@@ -1 +1,2 @@\n " + text[:40] + "\n+Aktualizacja: nowy akapit."
        conn.execute(
            "insert into revisions (article, number, title, text, seen, diff)"
            " values (?, 2, 'x', ?, '2026-01-01T00:00:00+00:00', ?)",
            [article, text + "\nAktualizacja: nowy akapit.", diff],
        )
        conn.execute("update articles set revision = 2 where id = ?", [article])
    ds = serve.build_datasette(archive)
    found = get(ds, "/archive/updated_articles.json?_shape=array").json()
    assert [(r["article"], r["revision"]) for r in found] == [(article, 2)]
    page = get(ds, "/archive/updated_articles").text
    assert '<span style="background:#e6ffec">+Aktualizacja: nowy akapit.</span>' in page


def test_articles_have_facets_on_source_language_topic_and_month(crawled_ds, crawled):
    data = get(crawled_ds, "/archive/articles.json?_size=0").json()
    facets = {f["name"]: f for f in data["facet_results"].values()}
    assert set(facets) == {"source", "language", "topic", "published"}
    assert facets["published"]["type"] == "month"
    assert all(len(v["value"]) == 7 for v in facets["published"]["results"])
    belarus = next(v for v in facets["topic"]["results"] if v["value"] == "belarus")
    expected = rows(
        crawled["db"], "select count(distinct article) from matches where topic = ?", ["belarus"]
    )
    assert belarus["count"] == expected[0][0]
    narrowed = get(crawled_ds, local(belarus["toggle_url"])).json()
    assert narrowed["filtered_table_rows_count"] == belarus["count"]
    month = facets["published"]["results"][0]
    narrowed = get(crawled_ds, local(month["toggle_url"])).json()
    assert narrowed["filtered_table_rows_count"] == month["count"]
    months = {f["name"]: f for f in narrowed["facet_results"].values()}["published"]["results"]
    assert [(m["value"], m["selected"]) for m in months] == [(month["value"], True)]


def test_search_finds_inflected_and_unaccented_forms(crawled_ds, crawled):
    only_inflected = [
        r["id"]
        for r in rows(crawled["db"], "select id, title, text from articles")
        if "białoru" in (text := f"{r['title']} {r['text']}".casefold()) and "białoruś" not in text
    ]
    assert only_inflected
    for query in ("Białoruś", "bialorus"):
        found = get(crawled_ds, f"/archive/articles.json?_search={query}&_shape=array&_size=max")
        ids = {r["id"] for r in found.json()}
        assert set(only_inflected) <= ids, query


def test_without_the_polish_index_search_falls_back_to_raw_fts5(empty_archive):
    with sqlite3.connect(empty_archive) as conn:
        conn.execute("drop table article_terms_fts")
        conn.execute("insert into sources (name) values ('pfrr')")
        conn.execute(
            "insert into articles (url, source, title, text) values"
            " ('https://pfrr.pl/a', 'pfrr', 'Klastry', 'Seminarium na Białorusi')"
        )
    ds = serve.build_datasette(empty_archive)
    found = get(ds, "/archive/articles.json?_search=białoru*&_shape=array").json()
    assert [r["url"] for r in found] == ["https://pfrr.pl/a"]


def test_every_table_and_column_an_analyst_sees_is_described(empty_archive):
    ds = serve.build_datasette(empty_archive)
    db = ds.get_database("archive")
    hidden = set(asyncio.run(db.hidden_table_names()))
    names = asyncio.run(db.table_names()) + asyncio.run(db.view_names())
    tables = ds.metadata()["databases"]["archive"]["tables"]
    visible = [n for n in names if n not in hidden and not tables.get(n, {}).get("hidden")]
    assert "articles" in visible and "source_health" in visible
    for name in visible:
        meta = tables.get(name, {})
        assert meta.get("description") or meta.get("description_html"), name
        columns = [
            r[1] for r in sqlite3.connect(empty_archive).execute(f"pragma table_info([{name}])")
        ]
        undescribed = [c for c in columns if not meta.get("columns", {}).get(c)]
        assert not undescribed, f"{name}: {undescribed}"


def test_visitors_cannot_write(crawled_ds, tmp_path):
    metadata = serve.load_metadata()
    for query in metadata["databases"]["archive"]["queries"].values():
        assert not query.get("write")
    db = crawled_ds.get_database("archive")
    assert db.is_mutable  # live, not --immutable: a crawl may be writing
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        asyncio.run(db.execute("update articles set title = 'x'"))
    sql = "/archive.json?sql=delete+from+articles"
    assert get(crawled_ds, sql).status_code == 400
    writable = tmp_path / "metadata.yml"
    writable.write_text(
        "databases:\n  archive:\n    queries:\n      wipe:\n        sql: delete from articles\n"
        "        write: true\n",
        encoding="utf-8",
    )
    with pytest.raises(serve.ServeError, match="write is not allowed"):
        serve.load_metadata(writable)


def test_snippets_and_diffs_render_safely():
    assert serve.mark_hit("na <Białorusi>!", 3, 14) == "na <mark>&lt;Białorusi&gt;</mark>!"
    assert serve.mark_hit("za krótki", 3, 99) == "za krótki"
    diff = serve.render_diff("--- a\n+++ b\n-<old>\n+new")
    assert '<span style="background:#ffebe9">-&lt;old&gt;</span>' in diff


def test_serve_needs_an_existing_archive(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1, result.output
    assert "no archive at" in result.output and not (tmp_path / "none.db").exists()


def test_serve_says_when_the_port_is_taken(empty_archive):
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--db", str(empty_archive), "--port", str(port)])
    assert result.exit_code == 1, result.output
    assert f"cannot listen on 127.0.0.1:{port}" in result.output


def listening_addresses(port: int) -> set[str]:
    """The IPv4 addresses a socket listens on at ``port``, from /proc/net/tcp."""
    found = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, hex_port = local.split(":")
        if state == "0A" and int(hex_port, 16) == port:
            found.add(socket.inet_ntoa(bytes.fromhex(address)[::-1]))
    return found


def test_serve_command_serves_the_archive_on_127_0_0_1_only(crawled):
    port = free_port()
    process = start_server(crawled["db"], port)
    try:
        base = f"http://127.0.0.1:{port}"
        with urllib.request.urlopen(f"{base}/archive/articles.json?_size=0") as response:
            assert b'"filtered_table_rows_count": 47' in response.read()
        with urllib.request.urlopen(f"{base}/archive/alerts_feed.atom") as response:
            assert response.headers["content-type"].startswith("application/xml")
        if Path("/proc/net/tcp").exists():
            assert listening_addresses(port) == {"127.0.0.1"}
    finally:
        stop_server(process)
    assert "read-only at http://127.0.0.1:" in process.stderr.read()
