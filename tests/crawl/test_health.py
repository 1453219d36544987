"""Source health: a source that used to yield articles and yields none, or whose pages no longer
extract, is flagged in the crawl summary, in `clusterwatch sources` and in the view."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3

from clusterwatch import paths
from clusterwatch.demo.replicas import ReplicaServer

from ..helpers import make_config, run_cli


def health(db) -> str:
    connection = sqlite3.connect(db)
    try:
        return connection.execute(
            "select health from source_health where source = 'budowlanyklaster'"
        ).fetchone()[0]
    finally:
        connection.close()


def copy_sites(tmp_path):
    sites = tmp_path / "sites"
    shutil.copytree(
        paths.demo_sites_dir(), sites, ignore=shutil.ignore_patterns("_source", "_templates")
    )
    return sites / "www.budowlanyklaster.pl"


def test_a_site_whose_links_changed_shape_is_flagged(tmp_path):
    site = copy_sites(tmp_path)
    with ReplicaServer(site.parent) as server:
        config = make_config(server, tmp_path / "run")
        first = run_cli("crawl", "--config", str(config), "--source", "budowlanyklaster")
        assert first.returncode == 0, first.stderr
        assert health(tmp_path / "run" / "archive.db") == "ok"
        # the CMS moves its news to another URL scheme the spider does not know
        for listing in (site / "dziaania-klastra").glob("*.html"):
            if "," not in listing.name:
                text = listing.read_bytes().decode("cp1250")
                listing.write_bytes(
                    re.sub(r"/dziaania-klastra/([^\"]+),(\d+)\.html", r"/news/\2/\1", text).encode(
                        "cp1250"
                    )
                )
        second = run_cli("crawl", "--config", str(config), "--source", "budowlanyklaster")
        assert second.returncode == 0, second.stderr
    expected = "no articles found any more: layout changed?"
    assert health(tmp_path / "run" / "archive.db") == expected
    assert "no articles found any more" in second.stdout
    listed = run_cli("sources", "--config", str(config))
    assert "no articles found any more" in listed.stdout


def test_a_site_whose_pages_no_longer_extract_is_flagged(tmp_path):
    site = copy_sites(tmp_path)
    with ReplicaServer(site.parent) as server:
        config = make_config(server, tmp_path / "run")
        assert (
            run_cli("crawl", "--config", str(config), "--source", "budowlanyklaster").returncode
            == 0
        )
        # the site turns into a script-rendered shell: nothing left to extract
        for page in (site / "dziaania-klastra").glob("*,*.html"):
            page.write_text(
                '<html><body><div id="app"></div><script src="/app.js"></script></body></html>'
            )
        second = run_cli("crawl", "--config", str(config), "--source", "budowlanyklaster", "--full")
        assert second.returncode == 0, second.stderr
    assert (
        health(tmp_path / "run" / "archive.db") == "extraction fails on most pages: layout changed?"
    )
    # nothing stored before is lost
    connection = sqlite3.connect(tmp_path / "run" / "archive.db")
    assert (
        connection.execute(
            "select count(*) from articles where source = 'budowlanyklaster'"
        ).fetchone()[0]
        == 10
    )
    connection.close()


def write_site_without_articles(root):
    """A small association site whose pages are all navigation: a home page, a contact page,
    a members' list and a gallery of links, none of them an article."""
    site = root / "assoc"
    site.mkdir(parents=True)
    (site / "_site.json").write_text(
        '{"source": "assoc", "bases": ["https://assoc.example"], "charset": "utf-8"}'
    )
    menu = "".join(
        f'<li><a href="/{slug}/">{label}</a></li>'
        for slug, label in (
            ("kontakt", "Kontakt"),
            ("czlonkowie", "Członkowie"),
            ("galeria", "Galeria"),
        )
    )

    def page(title, body):
        return (
            f'<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>{title}</title>'
            f"</head><body><nav><ul>{menu}</ul></nav><main><h1>{title}</h1>{body}</main>"
            "<footer>Stowarzyszenie, ul. Polna 1</footer></body></html>"
        )

    (site / "index.html").write_text(page("Stowarzyszenie", "<p>Witamy.</p>"), encoding="utf-8")
    pages = {
        "kontakt": "<p>tel. 12 345 67 89</p>",
        "czlonkowie": "<ul>"
        + "".join(f'<li><a href="https://firma{i}.example">Firma {i}</a></li>' for i in range(8))
        + "</ul>",
        "galeria": "".join(f'<a href="/galeria/{i}.jpg">Zdjęcie {i}</a> ' for i in range(6)),
    }
    for slug, body in pages.items():
        (site / slug).mkdir()
        (site / slug / "index.html").write_text(page(slug.title(), body), encoding="utf-8")
    return site


def test_a_new_site_that_yields_no_article_says_so(tmp_path):
    write_site_without_articles(tmp_path / "sites")
    with ReplicaServer(tmp_path / "sites") as server:
        start = server.local_url("https://assoc.example/")
        config = tmp_path / "clusterwatch.toml"
        config.write_text(
            f"""
[crawl]
allow_private_addresses = ["127.0.0.1"]
download_delay = 0.0
autothrottle = false
[[sources]]
name = "assoc"
start_urls = ["{start}"]
""",
            encoding="utf-8",
        )
        result = run_cli("crawl", "--config", str(config))
    assert result.returncode == 0, result.stderr
    advice = f"no articles found: check the site with `clusterwatch try {start}`"
    assert "no articles found" in result.stdout
    connection = sqlite3.connect(tmp_path / "archive.db")
    row = connection.execute(
        "select health, last_run_pages, last_run_not_stored from source_health"
    ).fetchone()
    reasons = dict(connection.execute("select reason, count(*) from pages group by reason"))
    fetched = connection.execute(
        "select count(*) from fetches where status = 200 and kind in ('start', 'page')"
    ).fetchone()[0]
    connection.close()
    assert row[0] == advice
    assert fetched >= 3  # the home page, the members' list, the gallery (a contact link is no news)
    # every page fetched is accounted for, by reason, in the run and on its page
    counted = json.loads(row[2])
    assert sum(counted.values()) == fetched
    assert set(counted) <= {"navigation", "too short", "listing", "static page"}
    assert sum(n for reason, n in reasons.items() if reason) == fetched
    status = run_cli("status", "--config", str(config))
    assert status.returncode == 0, status.stderr
    assert "no articles found" in status.stdout
    assert "navigation" in status.stdout or "too short" in status.stdout
