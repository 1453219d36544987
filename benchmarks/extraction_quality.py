"""Extraction quality: clusterwatch's extraction against trafilatura's defaults and its
precision mode, in one run, on every evaluation set and each of its two fixed folds.

Scores them on the evaluation pages in ``../shared/eval`` (``CLUSTERWATCH_EVAL_DIR``) as the
tests do (see ``clusterwatch.extract.evaluation``): Polish news and forum pages by snippets that must
and must not appear, the scrapinghub article-extraction-benchmark pages by word 4-gram shingles.
Each set is split into two folds by a hash of the page id (``extract_eval.fold_of``): rules are
developed on fold 1, and one that helps a fold and hurts the other is dropped.
Goals (issue 25): both Polish folds F1 >= 0.96, scrapinghub >= 0.97, folds of a set no more than
0.02 apart.

    .venv/bin/python benchmarks/extraction_quality.py
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import trafilatura  # noqa: E402
from _common import print_table  # noqa: E402

from clusterwatch.extract import evaluation as extract_eval  # noqa: E402
from clusterwatch.extract.article import extract_article  # noqa: E402

GOALS = {
    "pl news": 0.96,
    "pl forum": 0.85,
    "pl fold 1": 0.96,
    "pl fold 2": 0.96,
    "scrapinghub": 0.97,
    "scrapinghub fold 1": 0.96,
    "scrapinghub fold 2": 0.96,
}
MAX_FOLD_GAP = 0.02


def clusterwatch_text(html: str, url: str | None) -> str | None:
    extracted = extract_article(html, url)
    return extracted.text if extracted else None


def trafilatura_defaults(html: str, url: str | None) -> str | None:
    return trafilatura.extract(html, url=url)


def trafilatura_precision(html: str, url: str | None) -> str | None:
    return trafilatura.extract(html, url=url, favor_precision=True)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=None, help="evaluation data folder")
    args = parser.parse_args(argv)
    root = args.eval_dir or extract_eval.eval_dir()
    snippet_pages = (
        extract_eval.load_snippet_pages(root) if (root / extract_eval.PL_DIR).is_dir() else []
    )
    body_pages = (
        extract_eval.load_body_pages(root) if (root / extract_eval.AEB_DIR).is_dir() else []
    )
    if not snippet_pages and not body_pages:
        print(f"skipped: no evaluation data in {root} (set CLUSTERWATCH_EVAL_DIR)")
        return {}
    logging.disable(logging.WARNING)  # trafilatura logs every page it finds short
    ours = extract_eval.score_extractor(clusterwatch_text, snippet_pages, body_pages)
    default = extract_eval.score_extractor(trafilatura_defaults, snippet_pages, body_pages)
    precise = extract_eval.score_extractor(trafilatura_precision, snippet_pages, body_pages)
    logging.disable(logging.NOTSET)
    print(
        f"Extraction quality on {len(snippet_pages) + len(body_pages)} pages from {root}\n"
        f"(clusterwatch vs trafilatura {trafilatura.__version__} defaults and favor_precision,"
        " same run; fold 1 is the development fold)\n"
    )
    rows = []
    for name, score in ours.items():
        rows.append(
            [
                f"{name} ({score.pages} pages)",
                f"{score.precision:.3f}",
                f"{score.recall:.3f}",
                f"{score.f1:.3f}",
                f"{default[name].f1:.3f}",
                f"{precise[name].f1:.3f}",
                f"{GOALS[name]:.2f}",
                "yes" if score.f1 >= GOALS[name] else "NO",
            ]
        )
    print_table(["data", "P", "R", "F1", "trafi F1", "trafi precision F1", "goal F1", "met"], rows)
    gaps = {
        data: abs(ours[f"{data} fold 1"].f1 - ours[f"{data} fold 2"].f1)
        for data in ("pl", "scrapinghub")
        if f"{data} fold 1" in ours
    }
    print()
    for data, gap in gaps.items():
        met = "met" if gap <= MAX_FOLD_GAP else "NOT met"
        print(f"{data}: folds {gap:.3f} apart (goal <= {MAX_FOLD_GAP}: {met})")
    return {
        **{
            name: {
                "clusterwatch": vars(ours[name]),
                "trafilatura_defaults": vars(default[name]),
                "trafilatura_precision": vars(precise[name]),
                "goal_f1": GOALS[name],
            }
            for name in ours
        },
        "fold_gaps": gaps,
    }


if __name__ == "__main__":
    main()
