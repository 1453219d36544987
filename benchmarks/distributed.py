"""Distributed crawling: throughput of 2 workers ÷ 1 worker on a fetch-bound site.

A generated site of realistic Polish article pages is served on 127.0.0.1 with 50 ms of latency
per answer, as a distant server would add; a redis-server is started on a free port. Each run
seeds the crawl (``clusterwatch crawl --redis``), starts N workers and the writer, and follows
the archive: throughput is the articles stored per second between 10 % and 90 % of the site
(the steady state, without start-up and the last stragglers). Both runs in one process, same
site, same settings; politeness: one request at a time per site and worker, no delay (lifted
for the benchmark only; real crawls keep their limits).

    .venv/bin/python benchmarks/distributed.py [--articles 600]
"""

from __future__ import annotations

import argparse
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from clusterwatch.demo.replicas import ReplicaServer
from clusterwatch.demo.sitegen import generate_site, site_config

ROOT = Path(__file__).resolve().parent.parent
LATENCY = 0.05


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as connection:
            return connection.execute("select count(*) from articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def run(site: Path, articles: int, workers: int, tmp: Path) -> dict:
    work = tmp / f"workers-{workers}"
    work.mkdir()
    port = free_port()
    redis = subprocess.Popen(
        ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", ""],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    command = [sys.executable, "-m", "clusterwatch"]
    try:
        time.sleep(0.3)
        with ReplicaServer(site, latency=LATENCY) as server:
            config = str(site_config(server, work, concurrency=1))
            db = work / "archive.db"
            subprocess.run(
                [*command, "crawl", "--config", config, "--redis", url],
                check=True,
                capture_output=True,
                cwd=ROOT,
            )
            processes = [
                subprocess.Popen(
                    [*command, role, "--config", config, "--redis", url, "--idle-exit", "2"],
                    cwd=ROOT,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                for role in ["worker"] * workers + ["writer"]
            ]
            started = time.monotonic()
            marks: dict[float, float] = {}
            while len(marks) < 2:
                count = stored(db)
                for share in (0.1, 0.9):
                    if share not in marks and count >= share * articles:
                        marks[share] = time.monotonic()
                if any(p.poll() not in (None, 0) for p in processes):
                    raise RuntimeError("a worker or the writer failed")
                time.sleep(0.05)
            for process in processes:
                process.wait(timeout=600)
            wall = time.monotonic() - started
    finally:
        redis.terminate()
        redis.wait()
    return {
        "workers": workers,
        "articles": stored(db),
        "pages_per_s": 0.8 * articles / (marks[0.9] - marks[0.1]),
        "wall_seconds": wall,
    }


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=600)
    args = parser.parse_args(argv)
    if shutil.which("redis-server") is None:
        raise SystemExit("redis-server is not installed (Debian package redis-server)")
    with tempfile.TemporaryDirectory() as directory:
        tmp = Path(directory)
        site = tmp / "sites"
        # long listings: a site map of the news, as most news sites have
        generate_site(site / "site", articles=args.articles, per_page=100)
        one = run(site, args.articles, 1, tmp)
        two = run(site, args.articles, 2, tmp)
    ratio = two["pages_per_s"] / one["pages_per_s"]
    print(f"site of {args.articles} articles, {LATENCY * 1000:.0f} ms latency; 2 cores here")
    print(f"{'workers':<10}{'articles':>10}{'pages/s':>10}{'wall s':>10}")
    for result in (one, two):
        print(
            f"{result['workers']:<10}{result['articles']:>10}{result['pages_per_s']:>10.1f}"
            f"{result['wall_seconds']:>10.1f}"
        )
    print(f"2 workers ÷ 1 worker, pages/s: {ratio:.2f} (goal >= 1.8)")
    return {"one": one, "two": two, "ratio": ratio}


if __name__ == "__main__":
    main()
