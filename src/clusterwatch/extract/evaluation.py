"""Scoring text extraction against third-party evaluation pages, shared by tests and benchmarks.

Two data sets live outside the project, in ``../shared/eval`` (``CLUSTERWATCH_EVAL_DIR``
overrides it); nothing here copies them in:

- ``pl-extraction/``: Polish news and forum pages with snippets that must (``with``) and must
  not (``without``) appear. Scored as trafilatura's own evaluation does: a snippet found in
  the extracted text is a true positive (``with``) or a false positive (``without``), whitespace
  normalised on both sides; precision, recall and F1 are taken over all snippets of a kind.
- ``scrapinghub-aeb/``: the article-extraction-benchmark pages with their true ``articleBody``.
  Scored as that benchmark does: word 4-gram shingles, true/false positives and false
  negatives normalised per page, precision and recall averaged over pages, F1 from the means.

Each set is split into two fixed folds by a hash of the page's id (:func:`fold_of`): rules are
developed on fold 1 and kept only when fold 2 does not get worse; both are reported.

An extractor is any ``callable(html: str, url: str | None) -> str | None``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from statistics import mean

from charset_normalizer import from_bytes
from w3lib.encoding import html_body_declared_encoding

from clusterwatch import paths

Extractor = Callable[[str, str | None], str | None]
PL_DIR = "pl-extraction"
AEB_DIR = "scrapinghub-aeb"
_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def eval_dir() -> Path:
    """``$CLUSTERWATCH_EVAL_DIR``, else ``shared/eval`` beside the project root."""
    override = os.environ.get("CLUSTERWATCH_EVAL_DIR")
    if override:
        return Path(override)
    return paths.project_root().parent / "shared" / "eval"


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    pages: int


@dataclass(frozen=True)
class SnippetPage:
    url: str
    kind: str  # "news" or "forum"
    html: str
    with_: tuple[str, ...]
    without: tuple[str, ...]


@dataclass(frozen=True)
class BodyPage:
    key: str
    url: str
    html: str
    body: str


def decode_html(body: bytes) -> str:
    """Text of a saved page: UTF-8, else the charset it declares, else charset_normalizer's
    guess, as trafilatura decodes bytes (so its scores here match those measured with it).
    Two forum pages declare no charset and are guessed wrong: their snippets with Polish
    letters cannot be found by any extractor."""
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = html_body_declared_encoding(body)
    if declared:
        try:
            return body.decode(declared, errors="replace")
        except LookupError:
            pass
    best = from_bytes(body).best()
    return str(best) if best is not None else body.decode("utf-8", errors="replace")


def load_snippet_pages(root: Path | None = None) -> list[SnippetPage]:
    folder = (root or eval_dir()) / PL_DIR
    entries = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
    return [
        SnippetPage(
            url=url,
            kind=entry["kind"],
            html=decode_html((folder / "html" / entry["file"]).read_bytes()),
            with_=tuple(entry["with"]),
            without=tuple(entry["without"]),
        )
        for url, entry in entries.items()
    ]


def load_body_pages(root: Path | None = None) -> list[BodyPage]:
    folder = (root or eval_dir()) / AEB_DIR
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        BodyPage(
            key=key,
            url=entry.get("url", ""),
            html=decode_html(gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())),
            body=entry.get("articleBody", ""),
        )
        for key, entry in sorted(truth.items())
    ]


def _normalise(text: str) -> str:
    return " ".join(text.split())


def snippet_counts(text: str | None, page: SnippetPage) -> tuple[int, int, int, int]:
    """``(tp, fn, fp, tn)`` of one page; no text finds nothing, wanted or not."""
    if not text:
        return 0, len(page.with_), 0, len(page.without)
    found = _normalise(text)
    tp = sum(_normalise(snippet) in found for snippet in page.with_)
    fp = sum(_normalise(snippet) in found for snippet in page.without)
    return tp, len(page.with_) - tp, fp, len(page.without) - fp


def snippet_scores(counts: Iterable[tuple[int, int, int, int]]) -> Scores:
    rows = list(counts)
    tp, fn, fp, _tn = (sum(column) for column in zip(*rows, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return Scores(precision, recall, f1, len(rows))


def _shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN_RE.findall(text or "")
    return Counter(
        tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n]
    )


def shingle_counts(true: str, predicted: str | None) -> tuple[float, float, float]:
    """``(tp, fp, fn)`` over word 4-gram shingles, normalised to sum to 1 (as the benchmark)."""
    truth, guess = _shingles(true), _shingles(predicted or "")
    tp = sum((truth & guess).values())
    fp = sum((guess - truth).values())
    fn = sum((truth - guess).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def shingle_scores(counts: Iterable[tuple[float, float, float]]) -> Scores:
    rows = list(counts)

    def precision(tp: float, fp: float, fn: float) -> float:
        if fp == fn == 0:
            return 1.0
        return 0.0 if tp == fp == 0 else tp / (tp + fp)

    def recall(tp: float, fp: float, fn: float) -> float:
        if fp == fn == 0:
            return 1.0
        return 0.0 if tp == fn == 0 else tp / (tp + fn)

    p = mean(precision(*row) for row in rows if row[0] + row[1] > 0)
    r = mean(recall(*row) for row in rows if row[0] + row[2] > 0)
    return Scores(p, r, 2 * p * r / (p + r) if p + r else 0.0, len(rows))


def fold_of(page_id: str) -> int:
    """The fixed fold (1 or 2) of a page, by a hash of its id (URL, or the benchmark's key):
    the same page is in the same fold in every run, on every machine. Fold 1 is the one to
    develop on; fold 2 checks that a rule holds on pages it was not made on."""
    return 1 + hashlib.sha256(page_id.encode("utf-8")).digest()[0] % 2


FOLDS = (1, 2)


def score_extractor(
    extractor: Extractor,
    snippet_pages: list[SnippetPage],
    body_pages: list[BodyPage],
) -> dict[str, Scores]:
    """Scores of ``extractor`` by data set and fold: ``pl news``, ``pl forum``, ``pl fold 1``,
    ``pl fold 2`` (news and forums together), ``scrapinghub``, ``scrapinghub fold 1`` and
    ``scrapinghub fold 2``; each page is extracted once."""
    results: dict[str, Scores] = {}
    if snippet_pages:
        counts = {
            page.url: snippet_counts(extractor(page.html, page.url), page) for page in snippet_pages
        }
        for kind in ("news", "forum"):
            pages = [page for page in snippet_pages if page.kind == kind]
            if pages:
                results[f"pl {kind}"] = snippet_scores(counts[page.url] for page in pages)
        for fold in FOLDS:
            results[f"pl fold {fold}"] = snippet_scores(
                counts[page.url] for page in snippet_pages if fold_of(page.url) == fold
            )
    if body_pages:
        shingles = {
            page.key: shingle_counts(page.body, extractor(page.html, page.url))
            for page in body_pages
        }
        results["scrapinghub"] = shingle_scores(shingles.values())
        for fold in FOLDS:
            results[f"scrapinghub fold {fold}"] = shingle_scores(
                shingles[page.key] for page in body_pages if fold_of(page.key) == fold
            )
    return results
