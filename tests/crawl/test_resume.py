"""A crawl stopped by Ctrl-C or killed outright continues on the next run: nothing lost, nothing
stored twice, and the archive stays sound."""

from __future__ import annotations

import os
import signal
import sqlite3
import time

import pytest

from clusterwatch.demo.replicas import ReplicaServer

from ..helpers import (
    helper_processes,
    is_worker,
    local_canonical,
    make_config,
    run_cli,
    start_cli,
    workers_of,
)


def count_articles(db) -> int:
    if not db.exists():
        return 0
    try:
        connection = sqlite3.connect(db, timeout=5)
        try:
            return connection.execute("select count(*) from articles").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.OperationalError:  # not migrated yet
        return 0


@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGINT], ids=["sigkill", "ctrl-c"])
def test_interrupted_crawl_continues_without_loss_or_duplicates(tmp_path, manifest, stop):
    # downloads, not extraction, must be the slow part: then a stop leaves pages unfetched
    with ReplicaServer(latency=1.0) as server:
        config = make_config(server, tmp_path)
        db = tmp_path / "archive.db"
        process = start_cli("crawl", "--config", str(config))
        deadline = time.monotonic() + 120
        while count_articles(db) < 8 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
        assert process.poll() is None, "the crawl ended before it could be interrupted"
        assert workers_of(process.pid), "the crawl extracts in worker processes"
        workers = helper_processes(process.pid)  # and their forkserver
        os.kill(process.pid, stop)
        process.wait(timeout=60)
        # its extraction workers do not outlive it, killed or not
        deadline = time.monotonic() + 10
        while any(is_worker(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(is_worker(pid) for pid in workers)
        interrupted_with = count_articles(db)
        assert 8 <= interrupted_with < len(manifest["articles"])

        again = run_cli("crawl", "--config", str(config))
        assert again.returncode == 0, again.stdout + again.stderr

        connection = sqlite3.connect(db)
        try:
            urls = [url for (url,) in connection.execute("select url from articles")]
            expected = {local_canonical(server, a["url"]) for a in manifest["articles"]}
            assert len(urls) == len(set(urls)) and set(urls) == expected
            assert connection.execute("select count(*) from revisions").fetchone()[0] == len(urls)
            assert (
                connection.execute(
                    "select count(*) from (select revision, topic, term, field, hit_start from matches "
                    "group by 1, 2, 3, 4, 5 having count(*) > 1)"
                ).fetchone()[0]
                == 0
            )
            assert connection.execute("pragma integrity_check").fetchone()[0] == "ok"
            assert connection.execute("pragma foreign_key_check").fetchall() == []
            statuses = [
                s for (s,) in connection.execute("select status from crawl_runs order by id")
            ]
            assert statuses.count("running") == 0
            assert statuses[-4:] == ["finished"] * 4
            assert set(statuses[:-4]) <= {"interrupted", "finished"}
            new_in_second = connection.execute(
                "select sum(new_articles) from crawl_runs where id > (select max(id) - 4 from crawl_runs)"
            ).fetchone()[0]
            assert new_in_second == len(expected) - interrupted_with
        finally:
            connection.close()
