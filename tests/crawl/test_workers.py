"""Extraction off the reactor: real worker processes, a worker that dies, and an archive that a
crawl writes while Datasette reads and a digest runs."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from clusterwatch.archive.store import open_db
from clusterwatch.crawl.workers import WorkerCrashed, WorkerPool
from clusterwatch.demo.replicas import ReplicaServer

from ..helpers import (
    free_port,
    local_canonical,
    make_config,
    run_cli,
    start_cli,
    start_server,
    workers_of,
)


def crash_on_boom(text: str, url: str) -> tuple[int, str]:
    """A task for the pool: dies, as a worker killed by the kernel would, on one input."""
    if text == "boom":
        os._exit(137)
    time.sleep(0.2)
    return os.getpid(), text.upper()


def meet(name: str, directory: str) -> tuple[int, bool]:
    """A task for the pool: tells whether its partner task ("a" or "b") was running at the same
    time (waiting for it at most 30 s), and in which process it ran itself."""
    here = Path(directory)
    (here / name).touch()
    partner = here / ("b" if name == "a" else "a")
    deadline = time.monotonic() + 30
    while not partner.exists():
        if time.monotonic() > deadline:
            return os.getpid(), False
        time.sleep(0.01)
    return os.getpid(), True


async def run_all(pool: WorkerPool, texts: list[str]) -> list[object]:
    return await asyncio.gather(
        *(pool.process(t, f"https://x/{t}") for t in texts), return_exceptions=True
    )


def test_a_dying_worker_fails_its_page_and_no_other():
    pool = WorkerPool(2, {}, task=crash_on_boom)
    try:
        texts = ["a", "b", "boom", "c", "d", "e"]
        results = asyncio.run(run_all(pool, texts))
        assert isinstance(results[2], WorkerCrashed)
        assert [r[1] for i, r in enumerate(results) if i != 2] == ["A", "B", "C", "D", "E"]
        # the pool goes on with new workers afterwards: none of the processes of the broken pool
        after = asyncio.run(run_all(pool, ["f", "g"]))
        assert [r[1] for r in after] == ["F", "G"]
        before = {r[0] for i, r in enumerate(results) if i != 2}
        assert not {r[0] for r in after} & (before | {os.getpid()})
    finally:
        pool.close()


def test_work_runs_in_other_processes_in_parallel(tmp_path):
    pool = WorkerPool(2, {}, task=meet)

    async def both() -> list[tuple[int, bool]]:
        return await asyncio.gather(
            pool.process("a", str(tmp_path)), pool.process("b", str(tmp_path))
        )

    try:
        results = asyncio.run(both())
    finally:
        pool.close()
    # each task saw the other one running: two at a time, not one after the other
    assert [met for _, met in results] == [True, True]
    pids = {pid for pid, _ in results}
    assert len(pids) == 2 and os.getpid() not in pids


def test_killing_workers_mid_crawl_loses_nothing(tmp_path, manifest):
    with ReplicaServer(latency=0.05) as server:
        config = make_config(server, tmp_path)
        db = tmp_path / "archive.db"
        process = start_cli(
            "crawl", "--config", str(config), stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        killed = 0
        deadline = time.monotonic() + 60
        while process.poll() is None and time.monotonic() < deadline and killed < 2:
            workers = workers_of(process.pid)
            stored = 0
            if db.exists():
                try:
                    with sqlite3.connect(db, timeout=5) as connection:
                        stored = connection.execute("select count(*) from articles").fetchone()[0]
                except sqlite3.OperationalError:
                    stored = 0
            if workers and stored >= 5 * (killed + 1):
                os.kill(workers[0], signal.SIGKILL)
                killed += 1
            time.sleep(0.05)
        stdout, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, stdout + stderr
        assert killed >= 1
        expected = {local_canonical(server, a["url"]) for a in manifest["articles"]}
        with sqlite3.connect(db) as connection:
            stored = {url for (url,) in connection.execute("select url from articles")}
            statuses = {s for (s,) in connection.execute("select status from crawl_runs")}
            crashed = {
                local_canonical(server, url)
                for (url,) in connection.execute(
                    "select url from fetches where error = 'worker-crashed'"
                )
            }
        # the crawl went on; a killed worker's pages were tried again in a fresh process, and
        # only a page whose second process was killed too failed, recorded
        assert statuses == {"finished"}
        assert stored | crashed == expected
        assert len(crashed) <= killed
        # such a page is fetched in full by the next crawl, not answered with a 304
        second = run_cli("crawl", "--config", str(config))
        assert second.returncode == 0, second.stdout + second.stderr
    with sqlite3.connect(db) as connection:
        stored = {url for (url,) in connection.execute("select url from articles")}
    assert stored == expected


@pytest.mark.timeout(600)
def test_a_crawl_a_datasette_and_a_digest_share_the_archive(tmp_path):
    with ReplicaServer(latency=0.02) as server:
        config = make_config(server, tmp_path)
        db = tmp_path / "archive.db"
        open_db(db).conn.close()  # the archive exists, migrated
        port = free_port()
        serve = start_server(db, port, "--config", str(config))
        crawl = start_cli(
            "crawl",
            "--config",
            str(config),
            "--full",
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        try:
            import httpx

            reads = 0
            digests = []
            while crawl.poll() is None:
                response = httpx.get(
                    f"http://127.0.0.1:{port}/archive/articles.json?_size=5", timeout=10
                )
                assert response.status_code == 200, response.text
                reads += 1
                if len(digests) < 3 and count(db) > 10 * (len(digests) + 1):
                    digests.append(
                        run_cli("digest", "--config", str(config), "--out", str(tmp_path / "out"))
                    )
                time.sleep(0.1)
            crawl_output = crawl.communicate(timeout=60)[0]
        finally:
            serve.terminate()
            serve_output = "".join(serve.communicate(timeout=30))  # its stdout and stderr
    assert crawl.returncode == 0, crawl_output
    assert reads > 5 and digests
    for result in digests:
        assert result.returncode == 0, result.stdout + result.stderr
    for output in (crawl_output, serve_output, *(d.stdout + d.stderr for d in digests)):
        assert "database is locked" not in output


def count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as connection:
            return connection.execute("select count(*) from articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
