"""The archive knows which topic rules its alerts were matched with: ``crawl`` and ``status``
say when a topic changed or was added and needs ``clusterwatch rematch``; real crawls of a
replica site, a real archive file, the real commands."""

from __future__ import annotations

import sqlite3

from clusterwatch.alerts import topics as alerts
from clusterwatch.alerts.topics import topic_fingerprint
from clusterwatch.demo.replicas import ReplicaServer

from ..helpers import make_config, run_cli

# the analyst mends the clusters topic and adds one
CHANGED = '[topics.clusters]\nrules = ["zrzeszeni* NEAR/3 firm*"]\n'
ADDED = '\n[topics.aid]\nterms = ["polsk* pomoc*"]\n'


def recorded(db) -> dict[str, tuple[str, str | None]]:
    with sqlite3.connect(db) as connection:
        return {
            topic: (how, since)
            for topic, how, since in connection.execute("select topic, how, since from topic_rules")
        }


def topic_lines(output: str) -> dict[str, str]:
    """The rows of the Topics table of ``status``, by topic."""
    rows = output.split("Topics", 1)[1].splitlines()
    return {
        cells[0]: " ".join(cells)
        for line in rows
        if (cells := [c.strip() for c in line.split("│")[1:-1]]) and cells[0]
    }


def test_a_changed_or_added_topic_is_reported_until_rematch_applies_it(tmp_path):
    with ReplicaServer(latency=0.0) as server:
        config = make_config(server, tmp_path)
        db = tmp_path / "archive.db"
        first = run_cli("crawl", "--config", str(config), "--source", "budowlanyklaster")
        assert first.returncode == 0, first.stdout + first.stderr
        assert "rematch" not in first.stderr
        # the first crawl stored everything with the configured topics
        assert recorded(db) == {
            "belarus": ("empty archive", None),
            "clusters": ("empty archive", None),
        }
        status = run_cli("status", "--config", str(config))
        assert status.returncode == 0, status.stderr
        assert "rematch" not in status.stdout

        text = config.read_text(encoding="utf-8")
        assert "[topics.clusters]\n" in text and "rules =" not in text.split("[topics.clusters]")[1]
        config.write_text(text.replace("[topics.clusters]\n", CHANGED) + ADDED, encoding="utf-8")
        second = run_cli("crawl", "--config", str(config), "--source", "budowlanyklaster")
        assert second.returncode == 0, second.stdout + second.stderr
        warnings = " ".join(second.stderr.split())
        assert "topic 'aid' was added after articles were stored" in warnings
        assert "the rules of topic 'clusters' changed since" in warnings
        assert "clusterwatch rematch --topic clusters" in warnings
        assert "'belarus'" not in warnings

    status = topic_lines(run_cli("status", "--config", str(config)).stdout)
    assert (
        "changed since" in status["clusters"] and "rematch --topic clusters" in status["clusters"]
    )
    assert "never (added later)" in status["aid"]
    assert "rematch" not in status["belarus"]

    # a dry run applies nothing; a rematch applies the rules it ran
    assert (
        run_cli("rematch", "--config", str(config), "--topic", "clusters", "--dry-run").returncode
        == 0
    )
    assert recorded(db)["clusters"] == ("empty archive", None)
    assert run_cli("rematch", "--config", str(config), "--topic", "clusters").returncode == 0
    since = run_cli("rematch", "--config", str(config), "--topic", "aid", "--since", "2020-01-01")
    assert since.returncode == 0, since.stderr
    assert recorded(db) == {
        "belarus": ("empty archive", None),
        "clusters": ("rematch", None),
        "aid": ("rematch", "2020-01-01"),
    }
    status = topic_lines(run_cli("status", "--config", str(config)).stdout)
    assert "rematch" not in " ".join(status.values())
    assert "(articles since 2020-01-01)" in status["aid"]
    # the articles with alerts of each topic, as the archive holds them
    with sqlite3.connect(db) as connection:
        clusters = connection.execute(
            "select count(distinct article) from matches where topic = 'clusters'"
        ).fetchone()[0]
    assert clusters > 0 and status["clusters"].split()[1] == str(clusters)


def test_an_archive_older_than_the_record_takes_the_configured_topics(tmp_path):
    """Nothing tells what an archive's alerts were matched with before the record existed: the
    configured topics are taken, and no rematch is asked for."""
    with ReplicaServer(latency=0.0) as server:
        config = make_config(server, tmp_path)
        first = run_cli("crawl", "--config", str(config), "--source", "budowlanyklaster")
        assert first.returncode == 0, first.stdout + first.stderr
    db = tmp_path / "archive.db"
    with sqlite3.connect(db) as connection:
        connection.execute("delete from topic_rules")
    status = run_cli("status", "--config", str(config))
    assert status.returncode == 0, status.stderr
    assert "rematch" not in status.stdout
    assert {how for how, _ in recorded(db).values()} == {"assumed"}


def test_the_fingerprint_follows_what_a_topic_matches_with(tmp_path, monkeypatch):
    (tmp_path / "gazetteers").mkdir()
    places = tmp_path / "gazetteers" / "places.txt"
    places.write_text("# places\nMińsk\n!mińsk* mazowieck*\n", encoding="utf-8")
    monkeypatch.setattr(alerts.paths, "data_dir", lambda: tmp_path)
    spec = {"terms": ["białoru*"], "gazetteers": ["places"], "description": "Belarus"}
    before = topic_fingerprint("belarus", spec)
    # a comment, the description and the order of repeated entries change nothing
    places.write_text("# the capital\nMińsk  # Minsk\n!mińsk* mazowieck*\n", encoding="utf-8")
    assert topic_fingerprint("belarus", {**spec, "description": "the country"}) == before
    assert topic_fingerprint("belarus", {**spec, "terms": ["białoru*", "białoru*"]}) == before
    # a term, an exclude entry or a line of the gazetteer does
    assert topic_fingerprint("belarus", {**spec, "terms": ["białoru*", "belarus*"]}) != before
    assert topic_fingerprint("belarus", {**spec, "exclude": ["ruś"]}) != before
    places.write_text("Mińsk\nGrodno\n!mińsk* mazowieck*\n", encoding="utf-8")
    assert topic_fingerprint("belarus", spec) != before
