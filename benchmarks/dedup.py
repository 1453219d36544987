"""Deduplication and search at 10k and 100k articles, measured in one run.

    .venv/bin/python benchmarks/dedup.py                  # 10k and 100k: about 15 minutes here
    .venv/bin/python benchmarks/dedup.py --sizes 2000,10000

A generated Polish corpus (real word forms from simplemma's dictionary, Zipf-distributed) with known
groups is written once; then, for each size, a fresh subprocess stores its first N articles through
``ingest_article`` (the crawler's path: one transaction per article, revisions, stories, search
terms) into a new archive and reports:

- the per-article cost, over the whole run and over its last 10% (the cost at that archive size);
  the ratio of the latter at the largest size to the smallest (goal ≤ 1.3);
- pairwise precision and recall of the story grouping against the known groups (goal ≥ 0.98);
- peak RSS of that process (goal ≤ 1 GB at 100k), simplemma's Polish dictionary included;
- latency of ``search.search`` (FTS5 query, ranking, snippets; goal p95 ≤ 50 ms at 100k).

The corpus, modelled on the real pairs of the evaluation set: a quarter of the stories are copied
1–4 times — exact copies with other dashes and quotes, word edits, trims to 50–85%, republications
with a "Źródło:" line, updates with a paragraph added, a rewritten lead, and the hardest: a rewritten
lead plus a trim plus edits (Jaccard 0.3–0.5, like the real pfrr.pl / budowlanyklaster.pl pair);
8% are series of different articles on one subject from one site (a template lead with other places
and dates, the same project sentence; a fifth are short notes), which must stay apart; every source
appends its footer to half its articles. Articles arrive shuffled within a window, so a copy
often comes before its original.
"""

from __future__ import annotations

import argparse
import heapq
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from itertools import count
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [f"site{n:02d}" for n in range(40)]
FUNCTION_WORDS = [
    "w",
    "i",
    "na",
    "z",
    "do",
    "się",
    "że",
    "nie",
    "o",
    "od",
    "po",
    "dla",
    "przez",
    "jest",
    "to",
    "a",
    "oraz",
    "jak",
    "co",
    "ich",
    "jego",
    "przy",
    "za",
    "ze",
    "we",
    "już",
    "także",
    "też",
    "był",
    "była",
    "było",
    "są",
    "może",
    "tym",
    "ten",
    "ta",
    "tego",
    "które",
    "który",
    "która",
    "jako",
    "tak",
    "więc",
]
WINDOW = 150  # units: how far apart a story's copies may arrive
QUERY_COUNT = 300


# the corpus


class Vocabulary:
    """Lemmas with their inflected forms, drawn Zipf-like, plus function words."""

    def __init__(self, rng: random.Random, size: int = 20_000):
        from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

        forms: dict[str, list[str]] = defaultdict(list)
        for form, lemma in DefaultDictionaryFactory().get_dictionary("pl").items():
            if 3 <= len(lemma) <= 14 and lemma.isalpha() and form.isalpha():
                forms[lemma].append(form)
        lemmas = sorted(lemma for lemma, f in forms.items() if len(f) >= 3)
        chosen = rng.sample(lemmas, size)
        self.forms = [sorted(set(forms[lemma])) for lemma in chosen]
        weights = [1 / (rank + 10) ** 1.05 for rank in range(size)]
        self.cumulative = list(_accumulate(weights))
        self.function_cumulative = list(
            _accumulate(1 / (r + 2) for r in range(len(FUNCTION_WORDS)))
        )

    def words(self, rng: random.Random, n: int) -> list[str]:
        content = rng.choices(range(len(self.forms)), cum_weights=self.cumulative, k=n)
        out = []
        for index in content:
            if rng.random() < 0.3:
                out.append(
                    rng.choices(FUNCTION_WORDS, cum_weights=self.function_cumulative, k=1)[0]
                )
            out.append(rng.choice(self.forms[index]))
        return out[:n]

    def sentence(self, rng: random.Random, low: int = 8, high: int = 22) -> str:
        words = self.words(rng, rng.randint(low, high))
        if rng.random() < 0.15:  # a quotation or a dash, for the copies that change them
            i = rng.randrange(1, len(words))
            words[i] = rng.choice(["„" + words[i] + "”", "– " + words[i]])
        return " ".join(words).capitalize() + "."

    def paragraph(self, rng: random.Random, low: int = 2, high: int = 4) -> str:
        return " ".join(self.sentence(rng) for _ in range(rng.randint(low, high)))


def _accumulate(values: Iterator[float] | list[float]) -> Iterator[float]:
    total = 0.0
    for value in values:
        total += value
        yield total


def edit(rng: random.Random, vocab: Vocabulary, paragraph: str, rate: float) -> str:
    """Replace or drop about ``rate`` of the words."""
    out = []
    for word in paragraph.split(" "):
        roll = rng.random()
        if roll < rate * 0.65:
            out.append(vocab.words(rng, 1)[0])
        elif roll >= rate:
            out.append(word)
    return " ".join(out)


def copy_of(
    rng: random.Random, vocab: Vocabulary, kind: str, paragraphs: list[str], original_url: str
) -> list[str]:
    source_line = f"Źródło: {original_url}"
    if len(paragraphs) < 3 and kind in ("trim", "rewrite-lead", "heavy"):
        kind = "edit"  # a short note has no lead to rewrite and nothing to cut
    if kind == "exact":
        return [
            p.replace("„", '"').replace("”", '"').replace("–", "-").replace(". ", ".  ")
            for p in paragraphs
        ]
    if kind == "edit":
        out = [edit(rng, vocab, p, 0.05) for p in paragraphs]
        out[rng.randrange(len(out))] += " " + vocab.sentence(rng)
        return out
    if kind == "trim":
        keep = max(2, round(len(paragraphs) * rng.uniform(0.5, 0.85)))
        return [edit(rng, vocab, p, 0.01) for p in paragraphs[:keep]]
    if kind == "republish":
        keep = len(paragraphs) - (1 if len(paragraphs) > 2 and rng.random() < 0.3 else 0)
        return [edit(rng, vocab, p, 0.01) for p in paragraphs[:keep]] + [source_line]
    if kind == "update":
        return [edit(rng, vocab, p, 0.02) for p in paragraphs] + [
            "Aktualizacja: " + vocab.paragraph(rng, 1, 2)
        ]
    if kind == "rewrite-lead":
        out = [vocab.paragraph(rng)] + [edit(rng, vocab, p, 0.03) for p in paragraphs[1:]]
        return out + ([source_line] if rng.random() < 0.5 else [])
    if kind == "heavy":  # rewritten lead, trimmed end, edits: Jaccard about 0.3–0.5
        keep = max(3, len(paragraphs) - rng.randint(0, 1))
        return [vocab.paragraph(rng)] + [edit(rng, vocab, p, 0.04) for p in paragraphs[1:keep]]
    raise ValueError(kind)


COPY_KINDS = (
    ("exact", 15),
    ("edit", 20),
    ("trim", 20),
    ("republish", 15),
    ("update", 10),
    ("rewrite-lead", 10),
    ("heavy", 10),
)


def generate(path: Path, size: int, seed: int) -> None:
    """Write ``size`` articles as JSON lines: url, source, title, text, group, kind."""
    rng = random.Random(seed)
    vocab = Vocabulary(rng)
    footers = {s: vocab.sentence(rng, 14, 20) for s in SOURCES}
    pending: list[tuple[float, int, dict]] = []
    order = count()
    written = 0
    with path.open("w", encoding="utf-8") as out:
        for unit in count():
            for record in _unit(rng, vocab, footers, unit):
                heapq.heappush(pending, (unit + rng.random() * WINDOW, next(order), record))
            while pending and pending[0][0] <= unit and written < size:
                out.write(json.dumps(heapq.heappop(pending)[2], ensure_ascii=False) + "\n")
                written += 1
            if written >= size:
                return


def _unit(rng: random.Random, vocab: Vocabulary, footers: dict[str, str], unit: int) -> list[dict]:
    roll = rng.random()
    if roll < 0.08:
        return _series(rng, vocab, footers, unit)
    copies = 0
    if roll < 0.33:
        copies = rng.choices([1, 2, 3, 4], [50, 25, 15, 10])[0]
    paragraphs = [vocab.paragraph(rng) for _ in range(rng.randint(4, 7))]
    return _with_copies(
        rng, vocab, footers, f"u{unit}", paragraphs, vocab.sentence(rng, 5, 9), copies
    )


def _with_copies(
    rng: random.Random,
    vocab: Vocabulary,
    footers: dict[str, str],
    group: str,
    paragraphs: list[str],
    title: str,
    copies: int,
    source: str | None = None,
) -> list[dict]:
    sources = rng.sample(SOURCES, copies + 1)
    if source:
        sources[0] = source
    url = f"https://{sources[0]}.example.pl/{group}/"
    records = [_record(rng, footers, sources[0], url, title, paragraphs, group, "original")]
    for n in range(copies):
        kind = rng.choices([k for k, _ in COPY_KINDS], [w for _, w in COPY_KINDS])[0]
        text = copy_of(rng, vocab, kind, paragraphs, url)
        copy_url = f"https://{sources[n + 1]}.example.pl/{group}-{n}/"
        records.append(_record(rng, footers, sources[n + 1], copy_url, title, text, group, kind))
    return records


def _series(
    rng: random.Random, vocab: Vocabulary, footers: dict[str, str], unit: int
) -> list[dict]:
    """Different articles on one subject from one source, shaped like the pfrr.pl seminar
    series: a template lead with other places and dates, own paragraphs, the same project
    sentence; a fifth are short notes (the lead and one to three sentences of their own)."""
    source = rng.choice(SOURCES)
    lead = vocab.words(rng, 20)
    slots = sorted(rng.sample(range(2, 20), 3))
    project = vocab.sentence(rng, 15, 22)
    records = []
    for member in range(rng.randint(3, 6)):
        words = list(lead)
        for slot in slots:
            words[slot] = vocab.words(rng, 1)[0]
        first = " ".join(words).capitalize() + "."
        if rng.random() < 0.2:
            paragraphs = [first + " " + vocab.paragraph(rng, 1, 3)]
        else:
            paragraphs = [first] + [vocab.paragraph(rng) for _ in range(rng.randint(3, 6))]
        if rng.random() < 0.8:
            paragraphs.append(project)
        copies = 1 if rng.random() < 0.2 else 0
        title = " ".join(lead[:4]).capitalize() + " " + " ".join(words[s] for s in slots)
        records += _with_copies(
            rng, vocab, footers, f"s{unit}-{member}", paragraphs, title, copies, source
        )
    return records


def _record(
    rng: random.Random,
    footers: dict[str, str],
    source: str,
    url: str,
    title: str,
    paragraphs: list[str],
    group: str,
    kind: str,
) -> dict:
    text = "\n\n".join(paragraphs + ([footers[source]] if rng.random() < 0.5 else []))
    return {
        "url": url,
        "source": source,
        "title": title,
        "text": text,
        "group": group,
        "kind": kind,
    }


# one size, in its own process


def run_size(corpus: Path, size: int, db_path: Path, window_end: int) -> dict:
    sys.path.insert(0, str(ROOT / "src"))
    from clusterwatch.archive import dedup
    from clusterwatch.archive.ingest import ingest_article
    from clusterwatch.archive.store import open_db
    from clusterwatch.extract.article import Extracted
    from clusterwatch.search import fts as search

    found: list[int] = []
    candidates = dedup.candidates

    def counting(db, signature):
        result = candidates(db, signature)
        found.append(len(result))
        return result

    dedup.candidates = counting
    db = open_db(db_path)
    db["sources"].insert_all([{"name": s, "spider": "generic"} for s in SOURCES])
    truth: dict[str, str] = {}
    costs: list[float] = []
    started = time.perf_counter()
    with corpus.open(encoding="utf-8") as lines:
        for _, line in zip(range(size), lines, strict=False):
            record = json.loads(line)
            truth[record["url"]] = record["group"]
            extracted = Extracted(title=record["title"], text=record["text"], language="pl")
            before = time.perf_counter()
            ingest_article(db, extracted, url=record["url"], source=record["source"], matcher=None)
            costs.append(time.perf_counter() - before)
    wall = time.perf_counter() - started
    stories = dict(db.execute("select url, story from articles").fetchall())
    precision, recall = pairwise(truth, stories)
    latencies, results = time_queries(db, search)
    tail = costs[-max(1, len(costs) // 10) :]
    window = costs[max(1, window_end - window_end // 10) : window_end]  # the smallest size's tail
    tenth = max(1, len(costs) // 10)
    return {
        "articles": len(costs),
        "wall_s": wall,
        "first_article_s": costs[0],
        "mean_ms": 1000 * statistics.fmean(costs[1:]),
        "tail_ms": 1000 * statistics.fmean(tail),
        "window_ms": 1000 * statistics.fmean(window),
        "tenths_ms": [
            1000 * statistics.fmean(costs[i : i + tenth]) for i in range(0, len(costs), tenth)
        ],
        "candidates": statistics.fmean(found) if found else 0.0,
        "precision": precision,
        "recall": recall,
        "stories": len(set(stories.values())),
        "rss_mb": peak_rss_mb(),
        "query_p50_ms": 1000 * statistics.median(latencies),
        "query_p95_ms": 1000 * statistics.quantiles(latencies, n=20)[-1],
        "query_max_ms": 1000 * max(latencies),
        "query_hits": statistics.fmean(results),
        "archive_mb": sum(p.stat().st_size for p in db_path.parent.glob(db_path.name + "*"))
        / 2**20,
    }


def peak_rss_mb() -> float:
    """This process's peak RSS. Linux's ru_maxrss survives exec, so a child would report the
    parent's peak (the corpus generator's dictionary); VmHWM belongs to this process's image."""
    try:
        status = Path("/proc/self/status").read_text()
        return int(status.split("VmHWM:")[1].split()[0]) / 1024
    except (OSError, IndexError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pairwise(truth: dict[str, str], stories: dict[str, int]) -> tuple[float, float]:
    """Pairwise precision and recall of the stories against the true groups."""

    def pairs(counter: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in counter.values())

    both = pairs(Counter((truth[url], stories[url]) for url in truth))
    predicted = pairs(Counter(stories[url] for url in truth))
    actual = pairs(Counter(truth.values()))
    return (both / predicted if predicted else 1.0), (both / actual if actual else 1.0)


def time_queries(db, search) -> tuple[list[float], list[int]]:
    """Queries made of words of stored articles: single words (also typed without diacritics),
    two words, a two-word phrase, an OR; one warm-up round, then each query once."""
    from clusterwatch.text import WORD_RE, fold

    rng = random.Random(7)
    total = db.execute("select max(id) from articles").fetchone()[0]
    queries = []
    while len(queries) < QUERY_COUNT:
        text = db.execute(
            "select text from articles where id = ?", [rng.randint(1, total)]
        ).fetchone()[0]
        words = [w for w in WORD_RE.findall(text) if len(w) >= 4 and not w[0].isdigit()]
        if len(words) < 2:
            continue
        i = rng.randrange(len(words) - 1)
        kind = rng.random()
        if kind < 0.45:
            queries.append(words[i])
        elif kind < 0.6:
            queries.append(fold(words[i]))
        elif kind < 0.8:
            queries.append(f"{words[i]} {rng.choice(words)}")
        elif kind < 0.9:
            queries.append(f'"{words[i]} {words[i + 1]}"')
        else:
            queries.append(f"{words[i]} OR {rng.choice(words)}")
    for query in queries[:20]:
        search.search(db, query)
    latencies, results = [], []
    for query in queries:
        before = time.perf_counter()
        found = search.search(db, query)
        latencies.append(time.perf_counter() - before)
        results.append(len(found))
    return latencies, results


# the table


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated corpus sizes")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--workdir", type=Path, help="keep the corpus and archives here")
    parser.add_argument(
        "--child", nargs=4, metavar=("CORPUS", "SIZE", "DB", "WINDOW"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.child:
        corpus, size, db, window = args.child
        print(json.dumps(run_size(Path(corpus), int(size), Path(db), int(window))))
        return {}
    sizes = sorted(int(s) for s in args.sizes.split(","))
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="dedup-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    corpus = workdir / "corpus.jsonl"
    generate(corpus, sizes[-1], args.seed)
    print(
        f"corpus of {sizes[-1]} articles in {time.perf_counter() - started:.0f} s", file=sys.stderr
    )
    results = {}
    try:
        for size in sizes:
            db = workdir / f"archive-{size}.db"
            for stale in workdir.glob(db.name + "*"):
                stale.unlink()
            child = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--child",
                    str(corpus),
                    str(size),
                    str(db),
                    str(sizes[0]),
                ],
                capture_output=True,
                text=True,
                check=False,
                env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
            )
            if child.returncode != 0:
                raise SystemExit(f"size {size} failed:\n{child.stderr}")
            results[size] = json.loads(child.stdout.splitlines()[-1])
            print(f"{size} articles in {results[size]['wall_s']:.0f} s", file=sys.stderr)
    finally:
        if not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    print_table(results, time.perf_counter() - started)
    return results


def print_table(results: dict[int, dict], seconds: float) -> None:
    sizes = sorted(results)
    small, large = results[sizes[0]], results[sizes[-1]]
    rows = [
        ("articles stored", "articles", "{:.0f}", None),
        ("wall time, s", "wall_s", "{:.0f}", None),
        ("first article (loads simplemma), s", "first_article_s", "{:.1f}", None),
        ("per-article cost, mean, ms", "mean_ms", "{:.2f}", None),
        ("per-article cost, last 10%, ms", "tail_ms", "{:.2f}", "ratio ≤ 1.3"),
        (f"… of articles {sizes[0] * 9 // 10 + 1:,}–{sizes[0]:,}, ms", "window_ms", "{:.2f}", None),
        ("LSH candidates per new article", "candidates", "{:.2f}", None),
        ("stories", "stories", "{:.0f}", None),
        ("pairwise precision", "precision", "{:.4f}", "≥ 0.98"),
        ("pairwise recall", "recall", "{:.4f}", "≥ 0.98"),
        ("peak RSS, MB", "rss_mb", "{:.0f}", "≤ 1024 at 100k"),
        ("search p50, ms", "query_p50_ms", "{:.1f}", None),
        ("search p95, ms", "query_p95_ms", "{:.1f}", "≤ 50 at 100k"),
        ("search max, ms", "query_max_ms", "{:.1f}", None),
        ("results per query (limit 20)", "query_hits", "{:.1f}", None),
        ("archive size, MB", "archive_mb", "{:.0f}", None),
    ]
    header = ["", *(f"{s:,}" for s in sizes), f"{sizes[-1]:,} ÷ {sizes[0]:,}", "goal"]
    lines = [header]
    for label, key, fmt, goal in rows:
        ratio = large[key] / small[key] if small[key] else float("nan")
        lines.append(
            [label, *(fmt.format(results[s][key]) for s in sizes), f"{ratio:.2f}", goal or ""]
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    for line in lines:
        print(
            "  ".join(
                cell.ljust(w) if i == 0 else cell.rjust(w)
                for i, (cell, w) in enumerate(zip(line, widths, strict=True))
            )
        )
    within = large["tail_ms"] / large["window_ms"]
    print(
        f"per-article cost within the {sizes[-1]:,} run, at {sizes[-1]:,} ÷ at {sizes[0]:,}: "
        f"{within:.2f} (goal ≤ 1.3); by tenths of that run, ms: "
        + " ".join(f"{c:.1f}" for c in large["tenths_ms"])
    )
    print(f"(one run, {seconds / 60:.1f} min)")


if __name__ == "__main__":
    main()
