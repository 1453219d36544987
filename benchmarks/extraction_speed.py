"""Extraction speed: the full extraction against bare ``trafilatura.extract``, in one run.

The full extraction is ``extract_article(html, url)`` as the Scrapy pipeline calls it for a site
without rules (parsing, pruning, thread detection, trafilatura, metadata and dates, cleaning,
language). Both run on the same pages, the evaluation pages when present, else the replica
pages (cycled until a run takes about a second), in alternation and several times; CPU time
(``time.process_time``) of the fastest repetition of each gives pages per second per core: on a
shared machine single runs vary by a third. Goal (issue 25): the full extraction costs at most
twice the bare one (it runs trafilatura a second time, in its precision mode).

    .venv/bin/python benchmarks/extraction_speed.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import trafilatura  # noqa: E402
from _common import cpu_seconds, extraction_pages, print_table  # noqa: E402

from clusterwatch.extract.article import extract_article  # noqa: E402

GOAL = 2.0


def full_extraction(html: str, url: str | None) -> object:
    return extract_article(html, url)


def bare_trafilatura(html: str, url: str | None) -> object:
    return trafilatura.extract(html, url=url)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each (default 5)")
    args = parser.parse_args(argv)
    pages, origin = extraction_pages()
    logging.disable(logging.WARNING)  # trafilatura logs every page it finds short
    # warm-up (imports, language model, trafilatura's lazily built stoplists), then enough
    # rounds over small page sets for a run to last about a second
    first = cpu_seconds(bare_trafilatura, pages) + cpu_seconds(full_extraction, pages)
    pages = pages * max(1, round(2 / max(first, 0.01)))
    bare, full = [], []
    for _ in range(max(1, args.repeat)):
        bare.append(cpu_seconds(bare_trafilatura, pages))
        full.append(cpu_seconds(full_extraction, pages))
    logging.disable(logging.NOTSET)
    bare_s, full_s = min(bare), min(full)
    ratio = full_s / bare_s
    print(f"Extraction speed on {origin}; CPU time, best of {len(bare)} runs\n")
    # pages/s count every pass over a page (small page sets are cycled)
    print_table(
        ["extraction", "CPU s", "ms/page", "pages/s per core"],
        [
            [
                name,
                f"{seconds:.2f}",
                f"{1000 * seconds / len(pages):.1f}",
                f"{len(pages) / seconds:.1f}",
            ]
            for name, seconds in (
                (f"bare trafilatura {trafilatura.__version__}", bare_s),
                ("clusterwatch extract_article", full_s),
            )
        ],
    )
    print(
        f"\nfull / bare = {ratio:.2f}x (goal <= {GOAL}x: {'met' if ratio <= GOAL else 'NOT met'})"
    )
    return {
        "pages": len(pages),
        "bare_seconds": bare_s,
        "full_seconds": full_s,
        "ratio": ratio,
        "goal": GOAL,
    }


if __name__ == "__main__":
    main()
