"""The archive's schema comes only from migrations: on an empty file and on an existing one."""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from clusterwatch.archive.migrations import migrations
from clusterwatch.archive.store import open_db
from clusterwatch.cli.main import cli

TABLES = {
    "sources",
    "crawl_runs",
    "fetches",
    "articles",
    "stories",
    "revisions",
    "matches",
    "attachments",
    "digests",
    "digest_items",
    "article_signatures",
    "lsh_bands",
}


def test_empty_archive_gets_every_table_view_and_setting(tmp_path):
    db = open_db(tmp_path / "archive.db")
    assert set(db.table_names()) >= TABLES
    assert "source_health" in db.view_names()
    assert db["articles"].detect_fts() == "articles_fts"
    assert db.journal_mode == "wal"
    assert db.execute("pragma busy_timeout").fetchone()[0] >= 5000
    assert db.execute("pragma foreign_keys").fetchone()[0] == 1
    fks = {(fk.column, fk.other_table) for fk in db["articles"].foreign_keys}
    assert {("source", "sources"), ("story", "stories")} <= fks
    applied = [m.name for m in migrations.applied(db)]
    assert applied == [m.name for m in migrations._migrations]


def test_migrating_twice_changes_nothing(tmp_path):
    path = tmp_path / "archive.db"
    open_db(path).execute("select 1")
    schema = (
        sqlite3.connect(path).execute("select group_concat(sql, ';') from sqlite_master").fetchone()
    )
    open_db(path)
    assert (
        sqlite3.connect(path).execute("select group_concat(sql, ';') from sqlite_master").fetchone()
        == schema
    )


def test_existing_archive_is_upgraded_and_keeps_its_rows(tmp_path):
    path = tmp_path / "archive.db"
    db = Database(path)
    migrations.apply(db, stop_before="m003_near_duplicates")
    assert "lsh_bands" not in db.table_names()
    db["sources"].insert({"name": "pfrr", "spider": "pfrr"})
    story = db["stories"].insert({"title": "t"}).last_pk
    db["articles"].insert(
        {
            "url": "https://pfrr.pl/a/",
            "source": "pfrr",
            "story": story,
            "title": "Tytuł",
            "text": "Treść o Białorusi",
        }
    )
    db.close()

    upgraded = open_db(path)
    assert set(upgraded.table_names()) >= TABLES
    assert upgraded["articles"].count == 1
    # the full-text index added by a later migration covers rows that were there before it
    found = list(upgraded.query("select rowid from articles_fts where articles_fts match 'tresc'"))
    assert len(found) == 1


def test_full_text_index_follows_title_and_text_only(tmp_path):
    db = open_db(tmp_path / "archive.db")
    db["sources"].insert({"name": "pfrr", "spider": "pfrr"})
    story = db["stories"].insert({"title": "t"}).last_pk
    article = (
        db["articles"]
        .insert(
            {"url": "https://pfrr.pl/a/", "source": "pfrr", "title": "Tytuł", "text": "klaster"}
        )
        .last_pk
    )
    changes = db.conn.total_changes
    # seen again, moved to a story: the row alone changes (the index's rows stay as they are)
    db.execute(
        "update articles set last_seen = '2026-01-01', story = ? where id = ?", [story, article]
    )
    assert db.conn.total_changes - changes == 1

    db.execute("update articles set text = 'Mińsk' where id = ?", [article])
    matched = "select rowid from articles_fts where articles_fts match ?"
    assert [r[0] for r in db.execute(matched, ["minsk"])] == [article]
    assert list(db.execute(matched, ["klaster"])) == []


@pytest.mark.parametrize(
    "command",
    [
        ["search", "klaster"],
        ["alerts"],
        ["export"],
        ["status"],
        ["digest"],
        ["serve"],
        ["rematch"],
        ["crawl", "--source", "pfrr"],
    ],
)
def test_a_file_that_is_not_an_archive_is_a_one_line_error_and_stays_as_it_was(tmp_path, command):
    garbage = tmp_path / "notes.db"
    garbage.write_bytes(b"not a database, but an analyst's notes\n" * 100)
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("create table notes (text)")
        conn.execute("insert into notes values ('kept')")
    conn.close()
    before = other.read_bytes()
    for path, why in ((garbage, "not an SQLite database"), (other, "another database")):
        content = path.read_bytes()
        result = CliRunner().invoke(cli, [*command, "--db", str(path)])
        assert result.exit_code == 2, result.output
        lines = result.output.strip().splitlines()
        assert len(lines) == 1, result.output
        assert lines[0].startswith(f"Error: {path} is not a clusterwatch archive: "), lines
        assert why in lines[0]
        assert path.read_bytes() == content  # nothing written, not even WAL mode
    assert other.read_bytes() == before
    assert not list(tmp_path.glob("*-wal"))


def test_an_empty_file_becomes_an_archive(tmp_path):
    path = tmp_path / "archive.db"
    path.touch()
    assert set(open_db(path).table_names()) >= TABLES


@pytest.mark.parametrize("command", [["search", "klaster"], ["alerts"], ["export"], ["rematch"]])
def test_reading_commands_never_create_an_archive(tmp_path, command):
    """A mistyped --db is an error, not an empty archive answering for the real one."""
    path = tmp_path / "typo" / "archive.db"
    result = CliRunner().invoke(cli, [*command, "--db", str(path)])
    assert result.exit_code == 1, result.output
    assert result.output.strip() == f"Error: no archive at {path}: run `clusterwatch crawl` first"
    assert not (tmp_path / "typo").exists()


@pytest.mark.parametrize("command", ["status", "sources"])
def test_status_and_sources_before_the_first_crawl_show_the_configuration(tmp_path, command):
    path = tmp_path / "archive.db"
    result = CliRunner().invoke(cli, [command, "--db", str(path)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "polskapomoc" in result.output and "never" in result.output
    assert f"no archive yet at {path}: `clusterwatch crawl` creates it" in result.output
    assert not path.exists()
