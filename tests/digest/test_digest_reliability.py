"""A file digest appears only once it is recorded: a digest whose recording fails (a real SQLite
trigger) or whose files cannot be put in place (a real directory in the way) leaves no file, not
even a temporary one, and its items go to the next digest; a digest a killed run left reserved is
written by the next run. Real archives under tmp_path, the real command in a subprocess."""

from __future__ import annotations

import os
import time

import pytest

from clusterwatch.alerts.topics import TopicMatcher
from clusterwatch.archive.ingest import ingest_article
from clusterwatch.archive.store import open_db, save_sources
from clusterwatch.config import load_config
from clusterwatch.digest import build as digests
from clusterwatch.extract.article import Extracted

from ..helpers import query, run_cli

CONFIG = """
[[sources]]
name = "blog"
start_urls = ["https://example.org/news/"]

[topics.clusters]
terms = ["klaster"]

[digest]
out_dir = "digests"
"""

ARTICLES = {
    "Klaster z Grodna podpisał umowę": "Umowa obejmuje wspólne szkolenia i targi maszyn rolniczych.",
    "Klaster w Mińsku otwiera biuro": "Biuro przy alei Niepodległości przyjmie pierwszych członków w maju.",
    "Nowy klaster energetyczny na Podlasiu": "Gminy powiatu sejneńskiego chcą razem kupować prąd z farm.",
}


@pytest.fixture
def archive(tmp_path):
    """An archive of three articles, each an alert of ``clusters``, and nothing digested yet."""
    config_path = tmp_path / "clusterwatch.toml"
    config_path.write_text(CONFIG, encoding="utf-8")
    config = load_config(config_path)
    db_path = tmp_path / "archive.db"
    db = open_db(db_path)
    save_sources(db, config.sources)
    matcher = TopicMatcher.from_config(config.topics)
    for n, (title, text) in enumerate(ARTICLES.items()):
        ingest_article(
            db,
            Extracted(title=title, text=f"{title}. {text} " * 8, published=f"2026-11-2{n}"),
            url=f"https://example.org/news/{n}",
            source="blog",
            matcher=matcher,
        )
    db.close()
    return {"config": config_path, "db": db_path, "out": tmp_path / "out"}


def write_digest(archive):
    return run_cli(
        "digest",
        "--config",
        str(archive["config"]),
        "--db",
        str(archive["db"]),
        "--out",
        str(archive["out"]),
    )


def given_to_files(db_path) -> list[tuple]:
    return query(
        db_path,
        "select revision, topic from digest_items where recipient = 'files' order by 1, 2",
    )


def all_items(db_path) -> list[tuple]:
    return query(db_path, "select distinct revision, topic from matches order by 1, 2")


def names(directory) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


@pytest.mark.parametrize("table", ["digests", "digest_items"])
def test_a_digest_that_cannot_be_recorded_leaves_no_file_and_its_items_go_next(archive, table):
    assert len(all_items(archive["db"])) == 3
    query(
        archive["db"],
        f"create trigger refuse_digest before insert on {table} "
        "begin select raise(abort, 'the archive refuses digests'); end",
    )
    failed = write_digest(archive)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "not written, its items stay for the next one" in failed.stderr
    assert "the archive refuses digests" in failed.stderr
    assert "Traceback" not in failed.stderr
    assert names(archive["out"]) == []  # no digest file, no feed, no temporary
    assert query(archive["db"], "select count(*) from digests") == [(0,)]
    assert given_to_files(archive["db"]) == []

    query(archive["db"], "drop trigger refuse_digest")
    written = write_digest(archive)
    assert written.returncode == 0, written.stdout + written.stderr
    assert sorted(p.suffix for p in archive["out"].iterdir()) == [".atom", ".html", ".md", ".png"]
    assert given_to_files(archive["db"]) == all_items(archive["db"])
    markdown = next(archive["out"].glob("*.md")).read_text(encoding="utf-8")
    assert all(title in markdown for title in ARTICLES)
    assert query(archive["db"], "select status, items from digests") == [("written", 3)]


def test_a_digest_whose_files_cannot_be_put_in_place_is_undone(archive):
    # recorded, then renaming the feed over a directory fails: the digest is released again
    archive["out"].mkdir()
    (archive["out"] / "alerts.atom").mkdir()
    failed = write_digest(archive)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "not written, its items stay for the next one: IsADirectoryError" in failed.stderr
    assert names(archive["out"]) == ["alerts.atom"]  # the obstacle alone
    assert given_to_files(archive["db"]) == []
    assert query(archive["db"], "select status from digests") == [("failed",)]

    (archive["out"] / "alerts.atom").rmdir()
    written = write_digest(archive)
    assert written.returncode == 0, written.stdout + written.stderr
    assert given_to_files(archive["db"]) == all_items(archive["db"])
    assert query(archive["db"], "select status from digests order by id") == [
        ("failed",),
        ("written",),
    ]


def test_a_digest_a_killed_run_left_reserved_is_written_by_the_next_run(archive):
    db = open_db(archive["db"])
    left = digests.build_digest(db, digests.FILES_RECIPIENT, None)
    left.created = "2026-11-30T06:00:00+00:00"
    digests.reserve(db, left)  # killed after the commit, before the files were renamed
    db.close()
    archive["out"].mkdir()
    stale = archive["out"] / ".digest-killed"
    stale.mkdir()
    (stale / "digest-20261130T060000.md").write_text("half", encoding="utf-8")
    two_hours_ago = time.time() - 7200
    os.utime(stale, (two_hours_ago, two_hours_ago))
    young = archive["out"] / ".digest-another-run"
    young.mkdir()

    result = write_digest(archive)
    assert result.returncode == 0, result.stdout + result.stderr
    recovered = archive["out"] / "digest-20261130T060000.md"
    assert recovered.is_file()
    assert all(title in recovered.read_text(encoding="utf-8") for title in ARTICLES)
    assert query(
        archive["db"], "select status, path from digests where id = ?", [left.digest_id]
    ) == [("written", str(archive["out"] / "digest-20261130T060000.html"))]
    fresh = [p for p in archive["out"].glob("digest-*.md") if p != recovered]
    assert len(fresh) == 1
    assert "Nothing new since the last digest." in fresh[0].read_text(encoding="utf-8")
    assert given_to_files(archive["db"]) == all_items(archive["db"])  # each item once
    assert not stale.exists() and young.is_dir()


def test_two_digests_built_at_once_give_each_item_once(archive):
    """Two processes build the same digest at once (a scheduled one and one by hand): the first
    to record it gets the items, the second is built again without them and records nothing."""
    from clusterwatch.digest.mailer import claim

    config = load_config(archive["config"])
    first_db, second_db = open_db(archive["db"]), open_db(archive["db"])
    first = digests.build_digest(first_db, "analyst@example.org", ["clusters"], None)
    second = digests.build_digest(second_db, "analyst@example.org", ["clusters"], None)
    assert first.item_count == second.item_count == len(ARTICLES)
    digests.reserve(first_db, first)
    with pytest.raises(digests.DigestRaced):
        digests.reserve(second_db, second)  # the archive's unique index is the arbiter
    again = claim(second_db, second, "analyst@example.org", ["clusters"], None, config)
    assert again.item_count == 0 and again.digest_id is None
    claimed = query(
        archive["db"],
        "select count(*), count(distinct revision) from digest_items "
        "where recipient = 'analyst@example.org'",
    )
    assert claimed == [(len(ARTICLES), len(ARTICLES))]
    # files: a digest another process reserved (and never wrote) is written by the next run,
    # and the fresh one beside it holds nothing twice
    digests.reserve(first_db, digests.build_digest(first_db, "files", None, None))
    result = write_digest(archive)
    assert result.returncode == 0, result.stderr
    assert given_to_files(archive["db"]) == all_items(archive["db"])
    first_db.close()
    second_db.close()
