"""Run every benchmark in this directory and print one table of figures and ratios.

    make bench            (or: .venv/bin/python benchmarks/run_all.py [--quick])

``--quick`` runs the smaller sizes (a few minutes instead of about half an hour).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

# (module, arguments, [(label, how to read the figure from its result, goal)])
BENCHMARKS = [
    (
        "extraction_quality",
        [],
        [
            (
                f"{data}: F1 clusterwatch / trafilatura {base}",
                (lambda d, b: lambda r: r[d]["clusterwatch"]["f1"] / r[d][b]["f1"])(data, key),
                "-",
            )
            for data in ("pl fold 1", "pl fold 2", "scrapinghub fold 1", "scrapinghub fold 2")
            for base, key in (
                ("defaults", "trafilatura_defaults"),
                ("favor_precision", "trafilatura_precision"),
            )
        ]
        + [
            (f"{data}: F1", (lambda d: lambda r: r[d]["clusterwatch"]["f1"])(data), goal)
            for data, goal in (
                ("pl fold 1", ">= 0.96"),
                ("pl fold 2", ">= 0.96"),
                ("pl forum", ">= 0.85"),
                ("scrapinghub", ">= 0.97"),
                ("scrapinghub fold 1", "-"),
                ("scrapinghub fold 2", "-"),
            )
        ]
        + [
            (
                f"{data}: F1 of the folds, apart",
                (lambda d: lambda r: r["fold_gaps"][d])(data),
                "<= 0.02",
            )
            for data in ("pl", "scrapinghub")
        ],
    ),
    (
        "extraction_speed",
        [],
        [("full extraction ÷ bare trafilatura, CPU", lambda r: r["ratio"], "<= 2.0")],
    ),
    ("alerts", [], None),
    (
        "recrawl",
        ["--articles", "2000"],
        [
            ("second ÷ first crawl, requests", lambda r: r["request_ratio"], "<= 0.05"),
            ("second ÷ first crawl, time", lambda r: r["time_ratio"], "<= 0.10"),
        ],
    ),
    (
        "throughput",
        ["--articles", "2000", "--large", "20000"],
        [
            (
                "pipeline ÷ bare trafilatura, pages/s",
                lambda r: r["pipeline_vs_trafilatura"],
                ">= 1.7",
            ),
            ("pipeline ÷ fetch-only Scrapy, pages/s", lambda r: r["pipeline_vs_fetch_only"], "-"),
            ("CPU per stored page, every process, ms", lambda r: r["cpu_ms_per_page"], "-"),
            (
                "pages/s the cores allow at that ÷ bare trafilatura",
                lambda r: r["ceiling_vs_trafilatura"],
                "-",
            ),
            ("peak RSS 20k ÷ 2k pages", lambda r: r["rss_ratio"], "<= 1.2"),
            ("peak RSS 20k pages, MB", lambda r: r["large"]["peak_rss_mb"], "<= 800"),
        ],
    ),
    (
        "dedup",
        [],
        [
            (
                "per-article cost, largest ÷ smallest corpus",
                lambda r: _last(r)["tail_ms"] / _first(r)["tail_ms"],
                "<= 1.3",
            ),
            ("pairwise precision, largest corpus", lambda r: _last(r)["precision"], ">= 0.98"),
            ("pairwise recall, largest corpus", lambda r: _last(r)["recall"], ">= 0.98"),
            ("peak RSS, largest corpus, MB", lambda r: _last(r)["rss_mb"], "<= 1024"),
            ("search p95, largest corpus, ms", lambda r: _last(r)["query_p95_ms"], "<= 50"),
        ],
    ),
    (
        "distributed",
        ["--articles", "600"],
        [("2 workers ÷ 1 worker, pages/s (50 ms latency)", lambda r: r["ratio"], ">= 1.8")],
    ),
]
QUICK = {
    "recrawl": ["--articles", "500"],
    "throughput": ["--articles", "1000", "--large", "0"],
    "dedup": ["--sizes", "2000,10000"],
    "distributed": ["--articles", "300"],
}


def _first(results: dict) -> dict:
    return results[min(results)]


def _last(results: dict) -> dict:
    return results[max(results)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    rows = []
    for name, arguments, figures in BENCHMARKS:
        module = importlib.import_module(name)
        if args.quick and name in QUICK:
            arguments = QUICK[name]
        started = time.perf_counter()
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            try:
                result = module.main(arguments)
            except SystemExit as stop:  # a benchmark that cannot run here says why
                print(f"skipped: {stop}")
                result = None
        seconds = time.perf_counter() - started
        print(f"== {name} ({seconds:.0f} s)\n{output.getvalue()}", flush=True)
        for label, read, goal in figures or []:
            try:
                value = read(result)
            except (KeyError, TypeError):
                continue
            if value is not None:  # a figure of a part this run left out (--quick)
                rows.append((name, label, value, goal))
    print("== summary")
    width = max([len("benchmark"), *(len(name) for name, *_ in rows)]) + 2
    figure = max([len("figure"), *(len(label) for _, label, *_ in rows)]) + 2
    print(f"{'benchmark':<{width}}{'figure':<{figure}}{'value':>10}  goal")
    for name, label, value, goal in rows:
        print(f"{name:<{width}}{label:<{figure}}{value:>10.3f}  {goal}")


if __name__ == "__main__":
    main()
