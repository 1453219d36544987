"""Crawls killed outright (SIGKILL) leave true counts: once the next run of the source starts,
each killed run says how many articles it stored, new and updated, as the archive holds them.

Real crawls (``clusterwatch crawl`` in a subprocess) of a generated site served on 127.0.0.1,
killed at different moments: early in a run, in the middle, and while it stores new revisions.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import time
from pathlib import Path

from clusterwatch.demo.replicas import ReplicaServer
from clusterwatch.demo.sitegen import generate_site, site_config

from ..helpers import query, run_cli, start_cli

ARTICLES = 240
EDITED = range(0, ARTICLES, 4)  # the articles whose text changes after the first full crawl


def scalar(db: Path, sql: str) -> int:
    """One number from the archive, 0 before the crawl has created and migrated it."""
    if not db.exists():
        return 0
    try:
        connection = sqlite3.connect(db, timeout=30)
        try:
            return connection.execute(sql).fetchone()[0] or 0
        finally:
            connection.close()
    except sqlite3.OperationalError:  # no such table yet
        return 0


def kill_when(db: Path, config: Path, sql: str, at_least: int, *args: str) -> None:
    """Start a crawl and SIGKILL it once ``sql`` counts ``at_least`` in the archive."""
    process = start_cli("crawl", "--config", str(config), *args)
    try:
        deadline = time.monotonic() + 300  # a guard against a hang, not a measure
        while scalar(db, sql) < at_least and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert process.poll() is None, f"the crawl ended before {sql} reached {at_least}"
        assert scalar(db, sql) >= at_least, f"{sql} did not reach {at_least}"
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=60)


def edit_articles(site: Path) -> None:
    """Change the text of some articles: a crawl that fetches them again stores a revision."""
    for number in EDITED:
        page = site / "aktualnosci" / f"wpis-{number:05d}" / "index.html"
        html = page.read_text(encoding="utf-8")
        addition = "Aktualizacja: organizatorzy podali nowy termin spotkania i listę gości. "
        page.write_text(html.replace("<p>", f"<p>{addition}", 1), encoding="utf-8")


ARTICLE_COUNT = "select count(*) from articles"
UPDATE_COUNT = "select count(*) from revisions where number > 1"


def test_killed_runs_count_what_they_stored(tmp_path):
    site = tmp_path / "sites" / "bench"
    generate_site(site, articles=ARTICLES)
    db = tmp_path / "archive.db"
    # each answer takes a while, as a distant server's would: a crawl is still going on when the
    # archive reaches a count, and is killed in the middle of its work
    with ReplicaServer(tmp_path / "sites", latency=0.05) as server:
        config = site_config(server, tmp_path, concurrency=2)
        kill_when(db, config, ARTICLE_COUNT, 30)
        kill_when(db, config, ARTICLE_COUNT, scalar(db, ARTICLE_COUNT) + 60)
        kill_when(db, config, ARTICLE_COUNT, scalar(db, ARTICLE_COUNT) + 5)
        done = run_cli("crawl", "--config", str(config))
        assert done.returncode == 0, done.stdout + done.stderr
        assert scalar(db, ARTICLE_COUNT) == ARTICLES

        edit_articles(site)
        kill_when(db, config, UPDATE_COUNT, 20, "--full")
        again = run_cli("crawl", "--config", str(config), "--full")
        assert again.returncode == 0, again.stdout + again.stderr

    runs = query(
        db,
        "select id, status, new_articles, updated_articles, pages from crawl_runs order by id",
    )
    assert [status for _, status, *_ in runs] == ["interrupted"] * 3 + ["finished"] + [
        "interrupted",
        "finished",
    ], runs
    stored = {
        run: (new, updated)
        for run, new, updated in query(
            db,
            "select crawl_run, count(*) filter (where number = 1), "
            "count(*) filter (where number > 1) from revisions group by crawl_run",
        )
    }
    fetched = dict(query(db, "select crawl_run, count(status) from fetches group by crawl_run"))
    for run, status, new, updated, pages in runs:
        assert (new, updated) == stored.get(run, (0, 0)), (run, status, runs, stored)
        assert pages == fetched.get(run, 0), (run, status, pages, fetched)
    killed = [run for run in runs if run[1] == "interrupted"]
    assert all(new for _, _, new, _, _ in killed[:3]), "each killed run stored articles"
    assert killed[3][3] >= 20, "the killed --full run stored revisions"
    assert sum(new for _, _, new, _, _ in runs) == ARTICLES == scalar(db, ARTICLE_COUNT)
    assert sum(updated for _, _, _, updated, _ in runs) == len(EDITED) == scalar(db, UPDATE_COUNT)
