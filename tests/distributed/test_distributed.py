"""Distributed crawling with a real Redis server: two workers and the writer on a generated site
of 500 articles, a worker killed, a writer killed, Redis stopped and started again."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis

from clusterwatch.demo.replicas import ReplicaServer
from clusterwatch.demo.sitegen import generate_site, site_config

from ..helpers import ROOT, free_port, run_cli

ARTICLES = 500

pytestmark = [
    pytest.mark.skipif(
        shutil.which("redis-server") is None,
        reason="redis-server is not installed (Debian package redis-server; .ci/run installs it)",
    ),
    pytest.mark.timeout(600),
]


class RedisServer:
    """redis-server on 127.0.0.1 and a free port, with an append-only file so that a restart
    keeps the queues, as a production Redis would."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--dir",
                str(self.workdir),
                "--save",
                "",
                "--appendonly",
                "yes",
                "--appendfsync",
                "always",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def client(self) -> redis.Redis:
        return redis.Redis(port=self.port)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    manifest = generate_site(root / "site", articles=ARTICLES)
    return root, manifest


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def crawl_setup(site, tmp_path):
    """The site served with a little latency, and a configuration crawling it."""
    root, manifest = site
    with ReplicaServer(root, latency=0.01) as server:
        work = tmp_path / "work"
        work.mkdir()
        config = site_config(server, work, concurrency=4)
        expected = {server.local_url(url) for url in manifest["articles"]}
        yield config, work / "archive.db", expected


_started: list[subprocess.Popen] = []


@pytest.fixture(autouse=True)
def _stop_leftovers():
    """A failing test leaves no worker or writer running."""
    yield
    while _started:
        process = _started.pop()
        if process.poll() is None:
            process.kill()
            process.wait()


def start(*args: str, log: Path) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "clusterwatch", *args],
        cwd=ROOT,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        env={**os.environ, "COLUMNS": "200"},
    )
    _started.append(process)
    return process


def stored_urls(db: Path) -> list[str]:
    if not db.exists():
        return []
    with sqlite3.connect(db, timeout=30) as connection:
        return [url for (url,) in connection.execute("select url from articles")]


def wait_for(condition, timeout: float = 240, message: str = "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {message}")


def seed(config: Path, url: str) -> None:
    result = run_cli("crawl", "--config", str(config), "--redis", url)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "new run" in result.stdout


def worker(config: Path, url: str, log: Path, idle_exit: str = "4") -> subprocess.Popen:
    return start(
        "worker", "--config", str(config), "--redis", url, "--idle-exit", idle_exit, log=log
    )


def writer(config: Path, url: str, log: Path, idle_exit: str = "4") -> subprocess.Popen:
    return start(
        "writer", "--config", str(config), "--redis", url, "--idle-exit", idle_exit, log=log
    )


def assert_each_stored_once(db: Path, expected: set[str]) -> None:
    urls = stored_urls(db)
    assert len(urls) == len(set(urls))
    assert set(urls) == expected
    with sqlite3.connect(db) as connection:
        statuses = [s for (s,) in connection.execute("select status from crawl_runs")]
    assert statuses and set(statuses) == {"finished"}


def test_two_workers_and_a_writer_store_every_article_once(crawl_setup, redis_server, tmp_path):
    config, db, expected = crawl_setup
    url = redis_server.url
    seed(config, url)
    workers = [worker(config, url, tmp_path / f"worker{i}.log") for i in range(2)]
    the_writer = writer(config, url, tmp_path / "writer.log")
    for process in [*workers, the_writer]:
        assert process.wait(timeout=400) == 0
    assert_each_stored_once(db, expected)
    # both workers did part of the work
    fetched = [
        int((tmp_path / f"worker{i}.log").read_text().split(" pages fetched")[0].split()[-1])
        for i in range(2)
    ]
    assert all(count > 20 for count in fetched), fetched
    # nothing left behind in Redis: queues and leases are empty
    client = redis_server.client()
    assert client.zcard("clusterwatch:bench:requests") == 0
    assert client.hlen("clusterwatch:bench:leases") == 0
    assert client.llen("clusterwatch:items") == 0

    # the next run is incremental: listings again, known articles are not due yet
    seed(config, url)
    again = worker(config, url, tmp_path / "again.log", idle_exit="2")
    the_writer = writer(config, url, tmp_path / "writer2.log", idle_exit="2")
    assert again.wait(timeout=300) == 0 and the_writer.wait(timeout=300) == 0
    pages = int((tmp_path / "again.log").read_text().split(" pages fetched")[0].split()[-1])
    assert pages < 60  # the listings, robots.txt, the home page: no article
    assert_each_stored_once(db, expected)

    # an article that has come due is asked for by the seeding crawl itself, conditionally
    due = sorted(expected)[0]
    with sqlite3.connect(db) as connection:
        connection.execute(
            "update pages set next_check = '2000-01-01T00:00:00+00:00' where url = ?", [due]
        )
    seed(config, url)
    third = worker(config, url, tmp_path / "third.log", idle_exit="2")
    the_writer = writer(config, url, tmp_path / "writer3.log", idle_exit="2")
    assert third.wait(timeout=300) == 0 and the_writer.wait(timeout=300) == 0
    with sqlite3.connect(db) as connection:
        run = connection.execute("select max(id) from crawl_runs").fetchone()[0]
        fetched = dict(
            connection.execute("select url, status from fetches where crawl_run = ?", [run])
        )
        next_check = connection.execute(
            "select next_check from pages where url = ?", [due]
        ).fetchone()[0]
    assert fetched.get(due) == 304
    assert not (set(fetched) & expected) - {due}
    assert next_check > "2001"


def test_a_worker_killed_mid_crawl_loses_no_url(crawl_setup, redis_server, tmp_path):
    config, db, expected = crawl_setup
    url = redis_server.url
    seed(config, url)
    victim = worker(config, url, tmp_path / "victim.log", idle_exit="600")
    survivor = worker(config, url, tmp_path / "survivor.log", idle_exit="15")
    the_writer = writer(config, url, tmp_path / "writer.log", idle_exit="15")
    client = redis_server.client()
    wait_for(
        lambda: (
            len(stored_urls(db)) >= ARTICLES // 2 and client.hlen("clusterwatch:bench:leases") > 0
        ),
        message="half of the articles",
    )
    leased = [lease.decode() for lease in client.hkeys("clusterwatch:bench:leases")]
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait()
    assert survivor.wait(timeout=400) == 0
    assert the_writer.wait(timeout=400) == 0
    assert_each_stored_once(db, expected)
    assert leased  # requests were in flight when the worker died; they were done again


def test_the_writer_killed_mid_stream_loses_no_item_and_stores_duplicates_once(
    crawl_setup, redis_server, tmp_path
):
    config, db, expected = crawl_setup
    url = redis_server.url
    seed(config, url)
    # the workers crawl with no writer running: the items wait in Redis
    workers = [worker(config, url, tmp_path / f"worker{i}.log", idle_exit="3") for i in range(2)]
    for process in workers:
        assert process.wait(timeout=400) == 0
    client = redis_server.client()
    items = client.lrange("clusterwatch:items", 0, -1)
    articles = [raw for raw in items if json.loads(raw)["type"] == "article"]
    assert len(articles) == ARTICLES
    # Redis delivers some of them twice (as a producer retrying after a lost reply would), and
    # something that is no item at all arrives among them
    client.lpush("clusterwatch:items", *articles[:25])
    client.lpush("clusterwatch:items", b"not an item")

    first = writer(config, url, tmp_path / "writer1.log", idle_exit="60")
    wait_for(lambda: len(stored_urls(db)) >= 50, message="the writer to start storing")
    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    assert len(stored_urls(db)) < ARTICLES
    second = writer(config, url, tmp_path / "writer2.log", idle_exit="3")
    assert second.wait(timeout=400) == 0
    assert_each_stored_once(db, expected)
    assert "delivered twice, stored once" in (tmp_path / "writer2.log").read_text()
    # the bad one was refused with an error line, kept aside, and held nothing up
    assert set(client.lrange("clusterwatch:items:failed", 0, -1)) == {b"not an item"}
    logs = (tmp_path / "writer1.log").read_text() + (tmp_path / "writer2.log").read_text()
    assert (
        "refused an item that is no clusterwatch message (kept in clusterwatch:items:failed)"
        in " ".join(logs.split())
    )
    with sqlite3.connect(db) as connection:
        received = connection.execute("select count(*) from received_items").fetchone()[0]
    assert received == len(items)  # each item once, the copies and the replayed batch not


def test_workers_and_writer_wait_while_redis_is_down(crawl_setup, redis_server, tmp_path):
    config, db, expected = crawl_setup
    url = redis_server.url
    seed(config, url)
    workers = [worker(config, url, tmp_path / f"worker{i}.log", idle_exit="8") for i in range(2)]
    the_writer = writer(config, url, tmp_path / "writer.log", idle_exit="8")
    wait_for(lambda: len(stored_urls(db)) >= 100, message="a first hundred articles")
    redis_server.stop()
    time.sleep(3)
    redis_server.start()
    for process in [*workers, the_writer]:
        assert process.wait(timeout=400) == 0
    assert_each_stored_once(db, expected)
    logs = [(tmp_path / name).read_text() for name in ("worker0.log", "worker1.log", "writer.log")]
    joined = " ".join(" ".join(log.split()) for log in logs)
    assert f"Redis at {url} is unreachable" in joined
    assert f"Redis at {url} is back" in joined


def test_commands_refuse_bad_redis_use(crawl_setup, redis_server, tmp_path):
    config, _, _ = crawl_setup
    result = run_cli("worker", "--config", str(config))
    assert result.returncode == 2 and "--redis URL" in result.stderr
    result = run_cli("crawl", "--config", str(config), "--redis", "http://127.0.0.1:1/")
    assert result.returncode == 2 and "redis://" in result.stderr
    # one writer per archive and Redis: a second one says who holds it
    first = writer(config, redis_server.url, tmp_path / "writer.log", idle_exit="30")
    client = redis_server.client()
    wait_for(lambda: client.exists("clusterwatch:writer"), message="the first writer")
    second = run_cli("writer", "--config", str(config), "--redis", redis_server.url)
    first.terminate()
    first.wait(timeout=30)
    assert second.returncode == 1
    # it waited for the lock as long as a dead writer's would take to expire, then gave up
    assert "holds the lock: waiting for it" in second.stderr
    assert second.stderr.strip().splitlines()[-1].startswith("Error: another writer (")
