"""Extraction quality gates on third-party evaluation pages, kept outside the project.

The pages are read from ``../shared/eval`` (``CLUSTERWATCH_EVAL_DIR`` overrides it) and scored as
``benchmarks/extraction_quality.py`` scores them (``clusterwatch.extract_eval``). The floors sit
0.01 under what the extraction reached when they were pinned: a regression fails here, an
improvement should raise them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from clusterwatch import extract_eval
from clusterwatch.extract import extract_article

# data set: (precision, recall, F1) floors; reached: news 0.977/1.000/0.989,
# forums 0.986/0.973/0.980, scrapinghub 0.955/0.979/0.967 (trafilatura 2.3.1 defaults:
# 0.774/0.953/0.854, 0.754/0.703/0.727, 0.928/0.978/0.953)
FLOORS = {
    "pl news": (0.967, 0.990, 0.979),
    "pl forum": (0.976, 0.963, 0.970),
    "scrapinghub": (0.945, 0.969, 0.957),
}
FOLDERS = {
    "pl news": extract_eval.PL_DIR,
    "pl forum": extract_eval.PL_DIR,
    "scrapinghub": extract_eval.AEB_DIR,
}


def extracted_text(html: str, url: str | None) -> str | None:
    result = extract_article(html, url)
    return result.text if result else None


@cache
def scores(root: Path, folder: str) -> dict[str, extract_eval.Scores]:
    if folder == extract_eval.PL_DIR:
        return extract_eval.score_extractor(
            extracted_text, extract_eval.load_snippet_pages(root), []
        )
    return extract_eval.score_extractor(extracted_text, [], extract_eval.load_body_pages(root))


@pytest.mark.parametrize("data_set", list(FLOORS))
def test_extraction_quality_stays_above_its_floor(data_set):
    root = extract_eval.eval_dir()
    folder = root / FOLDERS[data_set]
    if not folder.is_dir():
        pytest.skip(f"no evaluation data at {folder} (set CLUSTERWATCH_EVAL_DIR to its folder)")
    reached = scores(root, FOLDERS[data_set])[data_set]
    precision, recall, f1 = FLOORS[data_set]
    message = f"{data_set}: {reached}"
    assert reached.f1 >= f1, message
    assert reached.precision >= precision, message
    assert reached.recall >= recall, message


def test_snippet_scoring_counts_as_trafilatura_does():
    page = extract_eval.SnippetPage(
        url="https://example.org/a",
        kind="news",
        html="",
        with_=("Pierwsze  zdanie", "drugie zdanie", "brakujące"),
        without=("Reklama", "Powrót"),
    )
    counts = extract_eval.snippet_counts("Pierwsze zdanie\ni drugie\nzdanie. Reklama", page)
    assert counts == (2, 1, 1, 1)  # tp, fn, fp, tn: whitespace normalised on both sides
    assert extract_eval.snippet_counts(None, page) == (0, 3, 0, 2)
    scores = extract_eval.snippet_scores([counts])
    assert (scores.precision, scores.recall) == (2 / 3, 2 / 3)


def test_shingle_scoring_follows_the_article_extraction_benchmark():
    truth = "one two three four five six"
    assert extract_eval.shingle_counts(truth, truth) == (1.0, 0.0, 0.0)
    tp, fp, fn = extract_eval.shingle_counts(truth, "one two three four five six seven eight")
    assert (round(tp, 3), round(fp, 3), fn) == (0.6, 0.4, 0.0)
    # a page with no prediction counts for recall only, as in the benchmark
    scores = extract_eval.shingle_scores(
        [extract_eval.shingle_counts(truth, truth), extract_eval.shingle_counts(truth, None)]
    )
    assert (scores.precision, scores.recall) == (1.0, 0.5)
