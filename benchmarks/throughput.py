"""Crawl throughput on both cores, and memory as a crawl grows.

Serves a generated site of realistic Polish article pages (about 75 kB each, with menus, scripts
and footers) on 127.0.0.1 and prints, from one run:

- the full pipeline's pages/s (``clusterwatch crawl`` with the alert topics the project ships,
  politeness limits lifted for the benchmark only) ÷ bare ``trafilatura.extract`` on one core over
  the same pages (goal ≥ 1.7 on 2 cores);
- the pipeline ÷ a bare Scrapy spider that only fetches the same pages (the crawl's overhead);
- peak RSS of the whole crawl (its process and its workers) of 20,000 pages ÷ 2,000 pages
  (goal ≤ 1.2, and ≤ 800 MB absolute);
- CPU per stored page of the crawl process, of its workers and of the replica server, and the
  pages/s those allow on this machine's cores: the ceiling of the first ratio, whatever the
  overlap of the processes.

    .venv/bin/python benchmarks/throughput.py [--articles 2000] [--large 20000]
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
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from clusterwatch.demo.replicas import ReplicaServer  # noqa: E402
from clusterwatch.demo.sitegen import generate_site, site_config  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

FETCH_ONLY = '''
import scrapy
from scrapy.linkextractors import LinkExtractor

class FetchOnly(scrapy.Spider):
    """Fetches the listings and the articles they link to, and nothing else: no extraction."""
    name = "fetch-only"
    custom_settings = {"LOG_LEVEL": "WARNING", "ROBOTSTXT_OBEY": False, "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
                       "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "TELNETCONSOLE_ENABLED": False}
    links = LinkExtractor(restrict_css="main")

    def parse(self, response):
        if "/aktualnosci/wpis-" in response.url:
            self.crawler.stats.inc_value("articles")
            return
        for link in self.links.extract_links(response):
            yield response.follow(link.url, self.parse)
'''


def tree_pids(pid: int) -> list[int]:
    """A process and all its descendants."""
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                stack.extend(int(c) for c in (task / "children").read_text().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
    return found


def rss_mb(pid: int) -> float:
    """Resident memory of one process, in MB (0 once it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0.0


def cpu_seconds_of(pid: int) -> float | None:
    """User + system CPU seconds a process has used so far (None once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_measured(command: list[str], cwd: Path = ROOT) -> tuple[float, float, str, list]:
    """Run ``command``; return wall seconds, peak RSS of its process tree, output, and what
    polling saw every 0.1 s: (time, CPU seconds of the command's process, of its descendants,
    of this process: the replica server's threads and this polling)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    peak = 0.0
    output: list[str] = []
    reader = threading.Thread(target=lambda: output.append(process.stdout.read()), daemon=True)
    reader.start()
    seen: dict[int, float] = {}  # a process's last figure stays once it is gone
    samples = []
    while process.poll() is None:
        pids = tree_pids(process.pid)
        peak = max(peak, sum(rss_mb(pid) for pid in pids))
        for pid in pids:
            seen[pid] = cpu_seconds_of(pid) or seen.get(pid, 0.0)
        main_cpu = seen.get(process.pid, 0.0)
        samples.append((time.time(), main_cpu, sum(seen.values()) - main_cpu, time.process_time()))
        time.sleep(0.1)
    reader.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{''.join(output)}")
    return time.perf_counter() - started, peak, "".join(output), samples


def cpu_between(samples: list, start: float, finish: float) -> tuple[dict[str, float], float]:
    """CPU seconds each part used between two times (epoch seconds), from the first and last
    polls between them, and the seconds between those polls."""
    inside = [s for s in samples if start <= s[0] <= finish] or samples
    first, last = inside[0], inside[-1]
    parts = ("crawl process", "workers", "replica server")
    return {name: last[i] - first[i] for i, name in enumerate(parts, start=1)}, last[0] - first[0]


def bare_trafilatura(site: Path, limit: int) -> float:
    """Pages per second of bare trafilatura.extract on one core (CPU time)."""
    import trafilatura

    pages = [
        p.read_text(encoding="utf-8")
        for p in sorted((site / "aktualnosci").glob("wpis-*/index.html"))[:limit]
    ]
    started = time.process_time()
    for html in pages:
        trafilatura.extract(html)
    return len(pages) / (time.process_time() - started)


def pipeline(tmp: Path, articles: int) -> dict:
    """Crawl a fresh site of ``articles`` pages with clusterwatch; pages/s and peak RSS."""
    work = tmp / f"pipeline-{articles}"
    generate_site(work / "site", articles=articles)
    with ReplicaServer(work) as server:
        config = site_config(server, work, concurrency=8, topics=True)
        seconds, peak, _, samples = run_measured(
            [sys.executable, "-m", "clusterwatch", "crawl", "--config", str(config)]
        )
    with sqlite3.connect(work / "archive.db") as db:
        stats = json.loads(
            db.execute("select stats from crawl_runs order by id desc limit 1").fetchone()[0]
        )
        stored = db.execute("select count(*) from articles").fetchone()[0]
    elapsed = stats["elapsed_time_seconds"]
    cpu, polled = cpu_between(
        samples,
        datetime.fromisoformat(stats["start_time"]).timestamp(),
        datetime.fromisoformat(stats["finish_time"]).timestamp(),
    )
    return {
        "articles": stored,
        "seconds": elapsed,
        "pages_per_s": stored / elapsed,
        "peak_rss_mb": peak,
        "wall": seconds,
        # CPU milliseconds per stored page while crawling (the polled CPU rate × crawling time)
        "cpu_ms": {name: used / polled * elapsed * 1000 / stored for name, used in cpu.items()},
    }


def fetch_only(tmp: Path, articles: int) -> float:
    work = tmp / f"pipeline-{articles}"
    spider = tmp / "fetch_only.py"
    spider.write_text(FETCH_ONLY, encoding="utf-8")
    with ReplicaServer(work) as server:
        start = f"{server.sites[0].local_base}/aktualnosci/"
        stats_file = tmp / "fetch-only-stats.json"
        code = (
            "import json,sys; from scrapy.crawler import CrawlerProcess; "
            "sys.path.insert(0, sys.argv[1]); from fetch_only import FetchOnly; "
            "p = CrawlerProcess(); c = p.create_crawler(FetchOnly); "
            "p.crawl(c, start_urls=[sys.argv[2]]); p.start(); "
            "json.dump({k: str(v) for k, v in c.stats.get_stats().items()}, open(sys.argv[3], 'w'))"
        )
        run_measured([sys.executable, "-c", code, str(tmp), start, str(stats_file)], cwd=tmp)
    stats = json.loads(stats_file.read_text())
    return int(stats["articles"]) / float(stats["elapsed_time_seconds"])


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument(
        "--large", type=int, default=20000, help="pages of the memory run (0: skip it)"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as directory:
        tmp = Path(directory)
        small = pipeline(tmp, args.articles)
        bare = bare_trafilatura(tmp / f"pipeline-{args.articles}" / "site", args.articles)
        fetch = fetch_only(tmp, args.articles)
        large = pipeline(tmp, args.large) if args.large else None
    result = {
        "pipeline": small,
        "bare_trafilatura_pages_per_s": bare,
        "fetch_only_pages_per_s": fetch,
        "pipeline_vs_trafilatura": small["pages_per_s"] / bare,
        "pipeline_vs_fetch_only": small["pages_per_s"] / fetch,
        "large": large,
        "rss_ratio": large["peak_rss_mb"] / small["peak_rss_mb"] if large else None,
    }
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    cpu_ms = small["cpu_ms"]
    per_page = sum(cpu_ms.values())
    ceiling = cores * 1000 / per_page  # pages/s if every core were busy all the time
    result["cpu_ms_per_page"] = per_page
    result["ceiling_vs_trafilatura"] = ceiling / bare
    print(f"site of {args.articles} articles, about 75 kB a page; {cores} cores here")
    print(f"{'what':<44}{'pages/s':>10}")
    print(f"{'bare trafilatura.extract, one core':<44}{bare:>10.1f}")
    print(f"{'bare Scrapy, fetching only':<44}{fetch:>10.1f}")
    print(f"{'clusterwatch crawl (extract, store, alerts)':<44}{small['pages_per_s']:>10.1f}")
    print(
        f"{'  the same, start-up included':<44}{small['articles'] / small['wall']:>10.1f}"
        f"  ({small['wall']:.1f} s for the command, {small['seconds']:.1f} s of crawling)"
    )
    print(f"pipeline ÷ bare trafilatura: {result['pipeline_vs_trafilatura']:.2f} (goal >= 1.7)")
    print(f"pipeline ÷ fetch only:       {result['pipeline_vs_fetch_only']:.2f}")
    print(
        "CPU per stored page while crawling: "
        + ", ".join(f"{name} {ms:.1f} ms" for name, ms in cpu_ms.items())
        + f"; {per_page:.1f} ms in all"
    )
    print(
        f"  at that, {cores} cores allow at most {ceiling:.0f} pages/s, "
        f"{result['ceiling_vs_trafilatura']:.2f}× bare trafilatura "
        f"(1.7× needs at most {cores * 1000 / (1.7 * bare):.1f} ms a page; "
        f"bare trafilatura takes {1000 / bare:.1f})"
    )
    print(f"peak RSS, {args.articles} pages: {small['peak_rss_mb']:.0f} MB")
    if large:
        print(
            f"peak RSS, {args.large} pages: {large['peak_rss_mb']:.0f} MB (goal <= 800); "
            f"ratio {result['rss_ratio']:.2f} (goal <= 1.2); {large['pages_per_s']:.1f} pages/s"
        )
    return result


if __name__ == "__main__":
    main()
