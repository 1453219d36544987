"""Helpers shared by the extraction benchmarks: which pages to run on, CPU timing, tables."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from clusterwatch import paths
from clusterwatch.extract import evaluation as extract_eval

Page = tuple[str, str | None]  # (html, url)


def extraction_pages(eval_dir: Path | None = None) -> tuple[list[Page], str]:
    """The evaluation pages when present (``CLUSTERWATCH_EVAL_DIR``), else the replica pages
    bundled in ``data/demo-sites``; and a line saying which."""
    root = eval_dir or extract_eval.eval_dir()
    pages: list[Page] = []
    if (root / extract_eval.PL_DIR).is_dir():
        pages += [(page.html, page.url) for page in extract_eval.load_snippet_pages(root)]
    if (root / extract_eval.AEB_DIR).is_dir():
        pages += [(page.html, page.url) for page in extract_eval.load_body_pages(root)]
    if pages:
        return pages, f"{len(pages)} evaluation pages from {root}"
    sites = paths.demo_sites_dir()
    for file in sorted(sites.rglob("*.html")):
        if file.relative_to(sites).parts[0].startswith("_"):
            continue  # _source, _templates: what the pages are built from
        url = "https://" + file.relative_to(sites).as_posix()
        pages.append((extract_eval.decode_html(file.read_bytes()), url))
    return pages, f"{len(pages)} replica pages from {sites} (no evaluation data at {root})"


def cpu_seconds(function: Callable[[str, str | None], object], pages: Sequence[Page]) -> float:
    """CPU time (this process, all threads) of ``function`` over every page once, with the
    garbage collector paused as ``timeit`` does (its runs would land on either side at random)."""
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        for html, url in pages:
            function(html, url)
        return time.process_time() - start
    finally:
        gc.enable()


def print_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    cells = [[str(cell) for cell in row] for row in [header, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    for number, row in enumerate(cells):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
        if number == 0:
            print("  ".join("-" * width for width in widths))
