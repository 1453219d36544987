"""Incremental crawling: the second crawl of an unchanged site against the first.

Serves a generated site of 2,000+ Polish article pages on 127.0.0.1, crawls it into a fresh
archive, then crawls it again, and prints both crawls' requests (counted by the server) and
times (Scrapy's elapsed time, without interpreter start-up) with their ratios.
Goals: the second crawl makes at most 5% of the first crawl's requests and takes at most 10% of
its time.

    .venv/bin/python benchmarks/recrawl.py [--articles 2000]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from clusterwatch.demo.replicas import ReplicaServer  # noqa: E402
from clusterwatch.demo.sitegen import generate_site, site_config  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def crawl(config: Path, server: ReplicaServer) -> dict:
    before = server.requests
    result = subprocess.run(
        [sys.executable, "-m", "clusterwatch", "crawl", "--config", str(config)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"crawl failed:\n{result.stdout}\n{result.stderr}")
    db = sqlite3.connect(config.parent / "archive.db")
    stats, new = db.execute(
        "select stats, new_articles from crawl_runs order by id desc limit 1"
    ).fetchone()
    articles = db.execute("select count(*) from articles").fetchone()[0]
    db.close()
    return {
        "requests": server.requests - before,
        "seconds": json.loads(stats)["elapsed_time_seconds"],
        "new": new,
        "articles": articles,
    }


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        generate_site(Path(tmp) / "site", articles=args.articles)
        with ReplicaServer(Path(tmp)) as server:
            config = site_config(server, Path(tmp))
            first = crawl(config, server)
            second = crawl(config, server)
    result = {
        "articles": args.articles,
        "first": first,
        "second": second,
        "request_ratio": second["requests"] / first["requests"],
        "time_ratio": second["seconds"] / first["seconds"],
    }
    print(f"site: {args.articles} articles; stored after the first crawl: {first['articles']}")
    print(f"{'crawl':<8}{'requests':>10}{'seconds':>10}{'new':>7}")
    for name in ("first", "second"):
        run = result[name]
        print(f"{name:<8}{run['requests']:>10}{run['seconds']:>10.2f}{run['new']:>7}")
    print(f"second/first requests: {result['request_ratio']:.3f} (goal <= 0.05)")
    print(f"second/first time:     {result['time_ratio']:.3f} (goal <= 0.10)")
    return result


if __name__ == "__main__":
    main()
