"""``clusterwatch rematch``: the archive matched again after the topics changed, on a real
archive file, through the command; what a digest carried stays on record."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing

from clusterwatch.alerts.topics import TopicMatcher
from clusterwatch.archive.ingest import ingest_article
from clusterwatch.archive.store import open_db
from clusterwatch.digest import build as digests
from clusterwatch.extract.article import Extracted

from ..helpers import run_cli

OLD_TOPICS = """
[topics.clusters]
terms = ["~klaster", "klastrow*"]
"""
# the analyst mends a trap (computer clusters) and adds a topic
NEW_TOPICS = """
[topics.clusters]
terms = ["~klaster", "klastrow*"]
exclude = ["~klaster NEAR/2 (serwer* OR obliczeniow*)"]

[topics.belarus]
terms = ["białoru*", "mińsk*"]
"""
ARTICLES = [
    (
        "https://pfrr.pl/a/",
        "Klaster z Mińska",
        "Klaster energii podpisał umowę z partnerem z Mińska.",
    ),
    ("https://pfrr.pl/b/", "Serwery", "Uczelnia kupiła klaster serwerów do obliczeń."),
    ("https://pfrr.pl/c/", "Superkomputer", "Nowy klaster obliczeniowy ruszył w marcu."),
    ("https://pfrr.pl/d/", "Targi", "Targi rolne w Łomży przyciągnęły wystawców."),
]


def config_file(tmp_path, topics: str):
    path = tmp_path / "clusterwatch.toml"
    path.write_text(
        f'[archive]\npath = "{tmp_path / "archive.db"}"\n\n[digest]\nout_dir = "{tmp_path}"\n'
        + topics,
        encoding="utf-8",
    )
    return path


def content(db_path) -> list[str]:
    """The archive as SQL statements."""
    with closing(sqlite3.connect(db_path)) as connection:
        return list(connection.iterdump())


def stored(db_path) -> set[tuple[str, str]]:
    db = open_db(db_path)
    return {
        (row[0], row[1])
        for row in db.execute(
            "select a.url, m.topic from matches m join articles a on a.id = m.article"
        )
    }


def test_rematch_adds_what_new_rules_find_and_removes_what_they_no_longer_do(tmp_path):
    db_path = tmp_path / "archive.db"
    db = open_db(db_path)
    db["sources"].insert({"name": "pfrr", "spider": "pfrr"})
    old = TopicMatcher.from_config({"clusters": {"terms": ["~klaster", "klastrow*"]}})
    for url, title, text in ARTICLES:
        ingest_article(db, Extracted(title=title, text=text), url=url, source="pfrr", matcher=old)
    # a digest carried the alerts of the server cluster (b) before the trap was mended
    digests.write_files(db, tmp_path / "before", ["clusters"])
    db.execute(
        "delete from digest_items where article != (select id from articles where url = ?)",
        ["https://pfrr.pl/b/"],
    )
    db.conn.commit()
    assert stored(db_path) == {(u, "clusters") for u, _, _ in ARTICLES[:3]}

    config = config_file(tmp_path, NEW_TOPICS)
    # the archive's content, read through SQLite: reading the live file itself would make this
    # process drop its SQLite locks on it (POSIX locks go with any descriptor of the file closed)
    before = content(db_path)
    dry = run_cli("rematch", "--config", str(config), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "dry run: nothing written" in dry.stdout
    assert content(db_path) == before
    assert stored(db_path) == {(u, "clusters") for u, _, _ in ARTICLES[:3]}

    done = run_cli("rematch", "--config", str(config))
    assert done.returncode == 0, done.stderr
    rows = {line.split("│")[1].strip(): line for line in done.stdout.splitlines() if "│" in line}
    # clusters: 3 articles before; c's alert removed, b's kept (a digest carried it), a's stays
    assert [c.strip() for c in rows["clusters"].split("│")[2:7]] == ["3", "2", "0", "1", "1"]
    # belarus: new, found in a only (in its title and its text: two alerts)
    assert [c.strip() for c in rows["belarus"].split("│")[2:7]] == ["0", "1", "2", "0", "0"]
    assert stored(db_path) == {
        ("https://pfrr.pl/a/", "clusters"),
        ("https://pfrr.pl/a/", "belarus"),
        ("https://pfrr.pl/b/", "clusters"),  # sent: stays on record
    }
    assert content(db_path) != before

    again = run_cli("rematch", "--config", str(config), "--topic", "belarus")
    assert again.returncode == 0, again.stderr
    assert [c.strip() for c in again.stdout.split("belarus", 1)[1].split("│")[1:6]] == [
        "1",
        "1",
        "0",
        "0",
        "0",
    ]

    # the next digest carries the new belarus alert, once
    listed = run_cli("alerts", "--config", str(config), "--topic", "belarus", "--format", "jsonl")
    assert {json.loads(line)["url"] for line in listed.stdout.splitlines()} == {
        "https://pfrr.pl/a/"
    }
    first, _ = digests.write_files(open_db(db_path), tmp_path / "after", ["belarus"])
    second, _ = digests.write_files(open_db(db_path), tmp_path / "later", ["belarus"])
    assert (first.item_count, second.item_count) == (1, 0)


def test_rematch_names_an_unknown_topic_and_a_missing_archive(tmp_path):
    config = config_file(tmp_path, NEW_TOPICS)
    missing = run_cli("rematch", "--config", str(config))
    assert missing.returncode == 1
    assert (
        missing.stderr.strip()
        == f"Error: no archive at {tmp_path / 'archive.db'}: run `clusterwatch crawl` first"
    )
    open_db(tmp_path / "archive.db")
    unknown = run_cli("rematch", "--config", str(config), "--topic", "energia")
    assert unknown.returncode == 2
    assert "no topic named 'energia' (configured: clusters, belarus)" in unknown.stderr


def test_rematch_since_a_date_leaves_older_articles_alone(tmp_path):
    db_path = tmp_path / "archive.db"
    db = open_db(db_path)
    db["sources"].insert({"name": "pfrr", "spider": "pfrr"})
    for url, title, text in ARTICLES[:1] + [
        ("https://pfrr.pl/e/", "Forum", "Firmy z Mińska i Grodna.")
    ]:
        ingest_article(db, Extracted(title=title, text=text), url=url, source="pfrr", matcher=None)
    db.execute(
        "update articles set first_seen = '2019-05-01T10:00:00+00:00' where url = ?",
        [ARTICLES[0][0]],
    )
    db.conn.commit()
    config = config_file(tmp_path, NEW_TOPICS)
    done = run_cli(
        "rematch", "--config", str(config), "--topic", "belarus", "--since", "2020-01-01"
    )
    assert done.returncode == 0, done.stderr
    assert "Rematch of 1 article" in done.stdout and "1 articles" not in done.stdout
    assert stored(db_path) == {("https://pfrr.pl/e/", "belarus")}
