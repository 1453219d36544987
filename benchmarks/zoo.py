"""The generic spider on the site zoo: precision and recall of stored article URLs, and requests.

Builds the zoo (``clusterwatch.zoo.sites``: 19 generated sites in the CMS families small associations,
municipalities and agencies use, in three folds: dev, heldout, unseen) in a temporary directory,
serves it on 127.0.0.1, and for each shape runs

- the product: ``python -m clusterwatch crawl`` with a configuration naming only the shape's start
  URLs (no site spider, no allowed_domains), its articles read from the archive;
- a naive baseline in this process: breadth-first over every link on the same host and port
  (two requests at a time, urllib), keeping every HTML page ``trafilatura.extract`` finds text in.

Stored and expected URLs are compared in their canonical form (``clusterwatch.archive.urls.canonical_url``
of the local URL), the form the archive keeps. Requests are the site's own count
(``Site.requests``): robots.txt, feeds, sitemaps, 404s and redirects included. The budget is
1.3 x (articles + listings + feeds + sitemaps + 1 for robots.txt) of the manifest; requests per
article divide by the expected articles.

    .venv/bin/python benchmarks/zoo.py [--shape NAME]... [--json] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urljoin, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

import trafilatura  # noqa: E402
from _common import print_table  # noqa: E402
from lxml import html as lxml_html  # noqa: E402

from clusterwatch.archive.urls import canonical_url  # noqa: E402
from clusterwatch.demo.replicas import ReplicaServer  # noqa: E402
from clusterwatch.zoo.sites import SHAPES, build_zoo  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BUDGET_FACTOR = 1.3
BASELINE_MAX_PAGES = 3000
# the crawls talk to 127.0.0.1 only: no proxy in between
LOCAL_ENV = {
    **{
        k: v
        for k, v in os.environ.items()
        if k.lower() not in ("http_proxy", "https_proxy", "all_proxy")
    },
    "NO_PROXY": "127.0.0.1",
}


def budget(entry: dict) -> float:
    pages = sum(len(entry[k]) for k in ("articles", "listings", "feeds", "sitemaps"))
    return BUDGET_FACTOR * (pages + 1)


def crawl_product(server: ReplicaServer, shape: str, start_urls: list[str], workdir: Path) -> dict:
    """One ``clusterwatch crawl`` of the shape in a subprocess: stored URLs, requests, seconds."""
    workdir.mkdir(parents=True, exist_ok=True)
    config = workdir / "clusterwatch.toml"
    config.write_text(
        f"""[archive]
path = "archive.db"
[crawl]
allow_private_addresses = ["127.0.0.1"]
download_delay = 0.0
autothrottle = false
[[sources]]
name = "{shape}"
start_urls = {json.dumps(start_urls)}
""",
        encoding="utf-8",
    )
    site = server.site(shape)
    before = site.requests
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "clusterwatch", "crawl", "--config", str(config)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=1800,
        env=LOCAL_ENV,
    )
    seconds = time.monotonic() - started
    if result.returncode != 0:
        raise SystemExit(f"crawl of {shape} failed:\n{result.stdout}\n{result.stderr}")
    db = sqlite3.connect(workdir / "archive.db")
    stored = {url for (url,) in db.execute("select url from articles")}
    db.close()
    return {"stored": stored, "requests": site.requests - before, "seconds": seconds}


class _SameHostRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects only on the host and port the crawl started on."""

    def __init__(self, netloc: str):
        self.netloc = netloc

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).netloc != self.netloc:
            return None
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def crawl_baseline(server: ReplicaServer, shape: str, start_urls: list[str]) -> dict:
    """Breadth-first over every same-host link, two requests at a time; a page is stored when
    trafilatura extracts any text from it."""
    site = server.site(shape)
    netloc = site.netloc
    opener = urllib.request.build_opener(
        urllib.request.ProxyHandler({}), _SameHostRedirects(netloc)
    )
    queue: deque[str] = deque()
    seen: set[str] = set()
    for url in start_urls:
        url = url.split("#", 1)[0]
        if url not in seen:
            seen.add(url)
            queue.append(url)
    stored: set[str] = set()
    lock = threading.Lock()
    before = site.requests
    started = time.monotonic()

    def fetch(url: str) -> list[str]:
        try:
            with opener.open(url, timeout=30) as response:
                final = response.geturl().split("#", 1)[0]
                kind = response.headers.get("Content-Type", "")
                body = response.read()
        except (urllib.error.URLError, OSError, ValueError):
            return []
        if not kind.startswith("text/html"):
            return []
        if trafilatura.extract(body):
            with lock:
                stored.add(final)
        try:
            document = lxml_html.fromstring(body)
        except (ValueError, lxml_html.etree.ParserError):
            return []
        base = (document.xpath("//base/@href") or [final])[0]
        found = []
        for href in document.xpath("//a/@href"):
            href = href.strip()
            if not href or href.startswith(("mailto:", "tel:", "javascript:")):
                continue
            link = urljoin(base, href).split("#", 1)[0]
            if urlsplit(link).scheme in ("http", "https") and urlsplit(link).netloc == netloc:
                found.append(link)
        return found

    fetched = 0
    with ThreadPoolExecutor(max_workers=2) as pool:
        while queue and fetched < BASELINE_MAX_PAGES:
            batch = [queue.popleft() for _ in range(min(2, len(queue)))]
            fetched += len(batch)
            for links in pool.map(fetch, batch):
                for link in links:
                    if link not in seen:
                        seen.add(link)
                        queue.append(link)
    return {
        "stored": stored,
        "requests": site.requests - before,
        "seconds": time.monotonic() - started,
    }


def score(run: dict, expected: set[str], entry: dict) -> dict:
    stored = {canonical_url(u) for u in run["stored"]}
    found = stored & expected
    articles = len(entry["articles"])
    limit = budget(entry)
    return {
        "stored": len(stored),
        "found": len(found),
        "precision": len(found) / len(stored) if stored else 0.0,
        "recall": len(found) / len(expected) if expected else 0.0,
        "requests": run["requests"],
        "requests_per_article": run["requests"] / articles if articles else 0.0,
        "budget": limit,
        "within_budget": run["requests"] <= limit,
        "seconds": round(run["seconds"], 2),
        "extra": sorted(stored - expected)[:5],
        "missing": sorted(expected - stored)[:5],
    }


def totals(results: dict, fold: str, crawler: str) -> dict:
    rows = [r for r in results.values() if r["fold"] == fold]
    stored = sum(r[crawler]["stored"] for r in rows)
    found = sum(r[crawler]["found"] for r in rows)
    expected = sum(r["articles"] for r in rows)
    requests = sum(r[crawler]["requests"] for r in rows)
    return {
        "shapes": len(rows),
        "articles": expected,
        "precision": found / stored if stored else 0.0,
        "recall": found / expected if expected else 0.0,
        "requests": requests,
        "requests_per_article": requests / expected if expected else 0.0,
        "budget": sum(r[crawler]["budget"] for r in rows),
        "within_budget": sum(1 for r in rows if r[crawler]["within_budget"]),
    }


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shape", action="append", choices=SHAPES, help="only this shape")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    shapes = args.shape or SHAPES
    results: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "zoo"
        manifest = build_zoo(root, seed=args.seed)
        with ReplicaServer(sites_dir=root) as server:
            for shape in shapes:
                entry = manifest[shape]
                start = [server.local_url(u) for u in entry["start_urls"]]
                expected = {canonical_url(server.local_url(u)) for u in entry["articles"]}
                product = crawl_product(server, shape, start, Path(tmp) / "runs" / shape)
                baseline = crawl_baseline(server, shape, start)
                results[shape] = {
                    "fold": entry["fold"],
                    "family": entry["family"],
                    "articles": len(entry["articles"]),
                    "product": score(product, expected, entry),
                    "baseline": score(baseline, expected, entry),
                }
                if not args.json:
                    print(f"{shape}: done", file=sys.stderr)
    folds = {
        fold: {crawler: totals(results, fold, crawler) for crawler in ("product", "baseline")}
        for fold in ("dev", "heldout", "unseen")
        if any(r["fold"] == fold for r in results.values())
    }
    report = {"seed": args.seed, "shapes": results, "folds": folds}
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return report

    def cells(run: dict) -> list[str]:
        return [
            f"{run['precision']:.2f}",
            f"{run['recall']:.2f}",
            str(run["requests"]),
            f"{run['requests_per_article']:.1f}",
            (
                f"{run['within_budget']}/{run['shapes']}"  # a fold's totals: shapes within
                if "shapes" in run
                else ("yes" if run["within_budget"] else "no")
            ),
        ]

    header = ["shape", "fold", "articles", "budget"] + [
        f"{who} {what}"
        for who in ("product", "naive")
        for what in ("P", "R", "req", "req/art", "in budget")
    ]
    rows = [
        [
            shape,
            r["fold"],
            r["articles"],
            f"{r['product']['budget']:.0f}",
            *cells(r["product"]),
            *cells(r["baseline"]),
        ]
        for shape, r in results.items()
    ]
    for fold, by_crawler in folds.items():
        rows.append(
            [
                f"all {fold}",
                fold,
                by_crawler["product"]["articles"],
                f"{by_crawler['product']['budget']:.0f}",
                *cells(by_crawler["product"]),
                *cells(by_crawler["baseline"]),
            ]
        )
    print_table(header, rows)
    print(
        "\nP/R: precision/recall of stored article URLs (canonical forms); req: requests the "
        "replica server counted;\nbudget = 1.3 x (articles + listings + feeds + sitemaps + 1); "
        "req/art = requests / expected articles; naive = same-host BFS + trafilatura"
    )
    return report


if __name__ == "__main__":
    main()
