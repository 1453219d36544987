"""Source health: a source that used to yield articles and yields none, or whose pages no longer
extract, is flagged in the crawl summary, in `clusterwatch sources` and in the view."""

from __future__ import annotations

import re
import shutil
import sqlite3

from clusterwatch import paths
from clusterwatch.replicas import ReplicaServer

from .helpers import make_config, run_cli


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
