"""End to end: crawl the replica sites over real HTTP on 127.0.0.1 and check the archive."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from clusterwatch import paths
from clusterwatch.demo.replicas import ReplicaServer

from ..helpers import ROOT, free_port_block, local_canonical, make_config, run_cli

MOJIBAKE = ("\ufffd", "Ă", "Ĺ", "Å", "Ä…", "Ã³", "Å‚")


def rows(db_path: Path, sql: str, params=()) -> list[sqlite3.Row]:
    connection = sqlite3.connect(db_path)
    connection.row_factory = sqlite3.Row
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def test_every_article_is_stored_and_no_other_page(crawled, manifest, replicas):
    stored = {r["url"] for r in rows(crawled["db"], "select url from articles")}
    expected = {local_canonical(replicas, a["url"]) for a in manifest["articles"]}
    assert stored == expected, {
        "missing": sorted(expected - stored),
        "extra": sorted(stored - expected),
    }
    non_articles = {local_canonical(replicas, p["url"]) for p in manifest["pages"]}
    assert not stored & non_articles
    assert len(stored) >= 40


def test_seed_articles_with_their_titles_dates_and_no_site_chrome(crawled, replicas):
    seed_000 = rows(
        crawled["db"],
        "select * from articles where url = ?",
        [local_canonical(replicas, "https://pfrr.pl/rozwoj-systemu-klastrowego-na-bialorusi/")],
    )[0]
    assert seed_000["title"] == "Rozwój systemu klastrowego na Białorusi"
    assert seed_000["published"] == "2019-01-28" and seed_000["published_from"] == "page"
    assert seed_000["source"] == "pfrr" and seed_000["language"] == "pl"
    assert seed_000["text"].startswith("Ponad 90 uczestników ze wszystkich regionów Białorusi")
    seed_002 = rows(
        crawled["db"],
        "select * from articles where url like ?",
        ["%polsko-bialoruskie-rozmowy-w-klastrach-i-o-klastrach-,425.html"],
    )[0]
    assert seed_002["title"] == "Polsko-białoruskie rozmowy w klastrach i o klastrach."
    assert seed_002["published"] == "2017-12-13"
    assert seed_002["text"].startswith("To był tydzień, w którym Wschodni Klaster Budowlany")
    for text in (seed_000["text"], seed_002["text"]):
        for chrome in (
            "Nasze publikacje",
            "Sonda",
            "Zobacz pozostałe artykuły",
            "Zapisz się do newslettera",
            "Powrót",
        ):
            assert chrome not in text


def test_windows_1250_site_is_stored_as_polish_text(crawled):
    texts = rows(
        crawled["db"], "select title, text from articles where source = 'budowlanyklaster'"
    )
    assert len(texts) == 10
    joined = " ".join(r["title"] + r["text"] for r in texts)
    assert "Białystok" in joined and "Wschodni Klaster Budowlany" in joined and "ż" in joined
    assert not any(bad in joined for bad in MOJIBAKE)


def test_old_polskapomoc_urls_redirect_to_one_gov_pl_article(crawled, replicas):
    old = replicas.local_url("https://www.polskapomoc.gov.pl/Klastry,na,Bialorusi,2827.html")
    new = local_canonical(replicas, "https://www.gov.pl/web/polskapomoc/klastry-na-bialorusi")
    fetched = rows(crawled["db"], "select status from fetches where url = ?", [old])
    assert [r["status"] for r in fetched] == [301]
    articles = rows(crawled["db"], "select url from articles where title = 'Klastry na Białorusi'")
    assert [r["url"] for r in articles] == [new]


def test_copies_share_a_story_and_other_articles_do_not(crawled, manifest, replicas):
    story_of = {
        r["url"]: r["story"] for r in rows(crawled["db"], "select url, story from articles")
    }
    groups: dict[str, set[int]] = {}
    for article in manifest["articles"]:
        story = story_of[local_canonical(replicas, article["url"])]
        groups.setdefault(article["story"] or article["key"], set()).add(story)
    assert all(len(stories) == 1 for stories in groups.values()), groups
    assert len({next(iter(s)) for s in groups.values()}) == len(groups)
    # the republished seed names its source: the story's original points at polskapomoc
    story = story_of[
        local_canonical(replicas, "https://pfrr.pl/rozwoj-systemu-klastrowego-na-bialorusi/")
    ]
    assert (
        rows(crawled["db"], "select original_source from stories where id = ?", [story])[0][0]
        == "polskapomoc"
    )


def test_alerts_on_both_topics_and_traps_stay_quiet(crawled, manifest, replicas):
    topics_of = {
        r["url"]: set((r["topics"] or "").split(",")) - {""}
        for r in rows(
            crawled["db"],
            "select a.url, group_concat(distinct m.topic) as topics from articles a left join matches m on m.article = a.id group by a.id",
        )
    }
    wrong = {
        a["key"]: (sorted(topics_of[local_canonical(replicas, a["url"])]), a["topics"])
        for a in manifest["articles"]
        if topics_of[local_canonical(replicas, a["url"])] != set(a["topics"])
    }
    assert not wrong
    counts = dict(rows(crawled["db"], "select topic, count(*) from matches group by topic"))
    assert counts["belarus"] > 20 and counts["clusters"] > 20
    snippet = rows(
        crawled["db"],
        "select snippet, hit_start, hit_end, term from matches where topic = 'belarus' and field = 'text' limit 1",
    )[0]
    assert 0 <= snippet["hit_start"] < snippet["hit_end"] <= len(snippet["snippet"])


def test_pdf_attachment_text_is_stored_with_its_article(crawled, manifest, replicas):
    article = next(a for a in manifest["articles"] if a["attachment"])
    attachment = rows(
        crawled["db"],
        "select attachments.*, articles.url as article_url2 from attachments join articles on articles.id = attachments.article",
    )
    assert len(attachment) == 1
    assert attachment[0]["article_url2"] == local_canonical(replicas, article["url"])
    assert "Nowopołock" in attachment[0]["text"] and attachment[0]["error"] is None


def test_runs_and_fetches_are_recorded(crawled):
    runs = rows(crawled["db"], "select * from crawl_runs")
    assert {r["source"] for r in runs} == {
        "polskapomoc",
        "pfrr",
        "budowlanyklaster",
        "metalklaster",
    }
    for run in runs:
        assert run["status"] == "finished" and run["finished"] >= run["started"]
        assert run["pages"] > 0 and run["errors"] == 0
        assert json.loads(run["stats"])["finish_reason"] == "finished"
    assert (
        sum(r["new_articles"] for r in runs)
        == rows(crawled["db"], "select count(*) from articles")[0][0]
    )
    fetch = rows(crawled["db"], "select * from fetches where status = 200 limit 1")[0]
    assert fetch["bytes"] > 0 and fetch["seconds"] is not None and fetch["crawl_run"]
    assert "Crawl" in crawled["output"] and "metalklaster" in crawled["output"]


def test_export_is_one_record_per_article_with_the_contract_fields(crawled):
    result = run_cli("export", "--config", str(crawled["config"]), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == rows(crawled["db"], "select count(*) from articles")[0][0]
    for record in records:
        assert set(record) == {
            "url",
            "title",
            "published",
            "language",
            "source",
            "text",
            "story",
            "topics",
            "revisions",
        }
        assert len(record["published"]) == 10 and record["language"] in {"pl", "ru", "be", "en"}
        assert isinstance(record["topics"], list) and record["revisions"] >= 1
    csv_result = run_cli("export", "--config", str(crawled["config"]), "--format", "csv")
    assert (
        csv_result.stdout.splitlines()[0]
        == "url,title,published,language,source,text,story,topics,revisions"
    )


def test_sources_command_shows_the_last_run(crawled):
    result = run_cli("sources", "--config", str(crawled["config"]))
    assert result.returncode == 0, result.stderr
    for name in ("polskapomoc", "pfrr", "budowlanyklaster", "metalklaster"):
        assert name in result.stdout
    assert "finished" in result.stdout and "ok" in result.stdout


def test_digest_files_group_copies_into_one_item(crawled, tmp_path):
    result = run_cli("digest", "--config", str(crawled["config"]), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    markdown = next(tmp_path.glob("*.md")).read_text(encoding="utf-8")
    html = next(tmp_path.glob("*.html")).read_text(encoding="utf-8")
    assert "## belarus" in markdown and "## clusters" in markdown
    assert "also on:" in markdown and "<mark" in html
    # everything was given once: a second digest has nothing
    again = run_cli("digest", "--config", str(crawled["config"]), "--out", str(tmp_path / "again"))
    assert "0 stories, 0 items" in again.stderr


def test_a_changed_article_becomes_a_revision_not_a_new_article(tmp_path):
    sites = tmp_path / "sites"
    shutil.copytree(
        paths.demo_sites_dir(), sites, ignore=shutil.ignore_patterns("_source", "_templates")
    )
    with ReplicaServer(sites) as server:
        config = make_config(server, tmp_path / "run")
        first = run_cli("crawl", "--config", str(config), "--source", "pfrr")
        assert first.returncode == 0, first.stderr
        page = (
            sites
            / "pfrr.pl"
            / "kontynuujemy-seminaria-informacyjne-homel-pinsk-grodno"
            / "index.html"
        )
        html = page.read_text(encoding="utf-8")
        page.write_text(
            html.replace(
                '</div>\n  <footer class="entry-footer">',
                '<p>Aktualizacja: seminarium w Grodnie przeniesiono do Lidy.</p></div>\n  <footer class="entry-footer">',
            ),
            encoding="utf-8",
        )
        # as WordPress does, the sitemap tells when the post changed: the next crawl re-checks it
        sitemap = sites / "pfrr.pl" / "wp-sitemap-posts-post-1.xml"
        now = datetime.now(UTC).replace(microsecond=0).isoformat()
        sitemap.write_text(
            re.sub(
                r"(kontynuujemy-seminaria-informacyjne-homel-pinsk-grodno/</loc><lastmod>)[^<]+",
                rf"\g<1>{now}",
                sitemap.read_text(encoding="utf-8"),
            ),
            encoding="utf-8",
        )
        second = run_cli("crawl", "--config", str(config), "--source", "pfrr")
        assert second.returncode == 0, second.stderr
    db = tmp_path / "run" / "archive.db"
    article = rows(db, "select * from articles where url like '%kontynuujemy%'")
    assert len(article) == 1 and article[0]["revision"] == 2
    revisions = rows(
        db, "select * from revisions where article = ? order by number", [article[0]["id"]]
    )
    assert [r["number"] for r in revisions] == [1, 2]
    assert "+Aktualizacja: seminarium w Grodnie przeniesiono do Lidy." in revisions[1]["diff"]
    runs = rows(db, "select new_articles, updated_articles from crawl_runs order by id")
    assert [tuple(r) for r in runs] == [(14, 0), (0, 1)]
    # alerts are matched again on the new revision only
    assert (
        rows(
            db, "select count(distinct revision) from matches where article = ?", [article[0]["id"]]
        )[0][0]
        == 2
    )


def test_demo_runs_the_whole_chain_and_reuses_the_archive(tmp_path):
    port = free_port_block(5)
    first = run_cli("demo", "--port-base", str(port), "--workdir", str(tmp_path))
    assert first.returncode == 0, first.stdout + first.stderr
    assert "47 (47 new, 0 updated in this run)" in first.stdout
    assert "alerts: belarus" in first.stdout and "alerts: clusters" in first.stdout
    assert len(list((tmp_path / "digests").glob("digest-*.html"))) == 1
    second = run_cli("demo", "--port-base", str(port), "--workdir", str(tmp_path))
    assert second.returncode == 0, second.stdout + second.stderr
    assert "47 (0 new, 0 updated in this run)" in second.stdout
    assert "Nothing new" in second.stdout


@pytest.mark.parametrize("command", [["list"]])
def test_scrapy_lists_the_site_spiders_from_the_project_root(command):
    scrapy = Path(sys.executable).with_name("scrapy")
    result = subprocess.run(
        [str(scrapy), *command], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert set(result.stdout.split()) == {
        "generic",
        "polskapomoc",
        "pfrr",
        "budowlanyklaster",
        "metalklaster",
    }
