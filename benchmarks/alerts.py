"""Alerts: quality on the labelled sentences, speed per core, and the lemmatiser's memory.

1. Quality (when the evaluation data is there, ``CLUSTERWATCH_EVAL_DIR``): precision and recall
   per topic of the bundled topics on ``alerts-dev.tsv``, with every miss; and the SGJP forms
   of ``pl-inflections/sgjp_forms.tsv`` that raise the wrong topics. Goal: ≥ 0.97 each, none.
2. Memory: reading simplemma's dictionaries for the lemma terms (seconds, peak RSS), and the
   resident memory once the matcher is built and the dictionaries let go.
3. Speed: articles per second per core (CPU time) on 600-word articles made of the replica
   sites' sentences (dense in hits: a worst case), with the bundled topics (goal ≥ 2,000),
   and with 1,000 generated rules added (goal: at most twice the cost).

    .venv/bin/python benchmarks/alerts.py [--articles 2000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import print_table  # noqa: E402

from clusterwatch import paths  # noqa: E402
from clusterwatch.alerts import evaluation as alerts_eval
from clusterwatch.alerts import lemmas as alerts_lemmas
from clusterwatch.alerts.topics import TopicMatcher, compile_topic, compile_topics  # noqa: E402
from clusterwatch.config import load_config  # noqa: E402

TOPICS = ("belarus", "clusters")
SPEED_GOAL = 2000
RULES_GOAL = 2.0


def quality(matcher: TopicMatcher) -> None:
    root = alerts_eval.eval_dir()
    if not (root / alerts_eval.DEV_SET).is_file():
        print(f"quality: skipped, no {alerts_eval.DEV_SET} in {root} (CLUSTERWATCH_EVAL_DIR)")
        return
    examples = alerts_eval.load_examples(root / alerts_eval.DEV_SET, TOPICS)
    scores = alerts_eval.score(matcher, examples, TOPICS)
    print(f"Quality on {len(examples)} sentences of {root / alerts_eval.DEV_SET}")
    rows = [
        (t, f"{s.precision:.3f}", f"{s.recall:.3f}", len(s.false_positives), len(s.false_negatives))
        for t, s in scores.items()
    ]
    print_table(("topic", "precision", "recall", "false alarms", "missed"), rows)
    text_of = {example.id: example.text for example in examples}
    for topic, result in scores.items():
        for kind, ids in (
            ("false alarm", result.false_positives),
            ("missed", result.false_negatives),
        ):
            for id_ in ids:
                print(f"  {topic} {kind} {id_}: {text_of[id_]}")
    forms = root / alerts_eval.SGJP_FORMS
    if forms.is_file():
        failures = alerts_eval.sgjp_failures(matcher, forms)
        print(f"SGJP forms raising the wrong topics: {len(failures)}")
        for line in failures:
            print(f"  {line}")
    print()


def corpus_sentences() -> list[str]:
    """Sentences of the replica sites' articles (project data, not the evaluation set)."""
    sentences = []
    for file in sorted((paths.demo_sites_dir() / "_source").glob("*.toml")):
        for article in tomllib.loads(file.read_text(encoding="utf-8")).get("articles", []):
            body = " ".join([article.get("title", ""), article.get("lead", ""), article["body"]])
            sentences += [s for s in re.split(r"(?<=[.!?])\s+", body) if len(s.split()) > 3]
    return sentences


def articles(count: int, words: int = 600, seed: int = 6) -> list[str]:
    rng = random.Random(seed)
    sentences = corpus_sentences()
    made = []
    for _ in range(count):
        picked: list[str] = []
        while sum(len(s.split()) for s in picked) < words:
            picked.append(rng.choice(sentences))
        made.append(" ".join(picked))
    return made


def generated_rules(count: int, *, realistic: bool, seed: int = 6) -> dict[str, dict]:
    """``count`` rules in topics of 20: prefixes, phrases, NEAR, AND NOT.

    ``realistic``: as an analyst's rules name things most articles do not mention (companies,
    people, programmes), the words are made-up names, and one rule in ten uses words of the
    corpus so that some do fire. Otherwise every word comes from the corpus, so that most rules
    have words in every article (a stress case, no goal).
    """
    rng = random.Random(seed)
    corpus = sorted(
        {w.lower() for s in corpus_sentences() for w in re.findall(r"\w{6,}", s) if w.isalpha()}
    )
    syllables = ["ka", "ro", "mil", "tek", "san", "wor", "lu", "bre", "dan", "zo", "pol", "vi"]

    def word(real: bool) -> str:
        if real:
            return rng.choice(corpus)
        return "".join(rng.choice(syllables) for _ in range(rng.randint(3, 5)))

    specs: dict[str, dict] = {}
    for number in range(count):
        real = not realistic or number % 10 == 0
        a, b, c, d, e = (word(real) for _ in range(5))
        shapes = [
            f'{a[:6]}* NEAR/5 ({b} OR "{c} {d}")',
            f"({a} OR {b[:6]}*) AND NOT {c}",
            f'"{a} {b[:6]}*" OR {c} NEAR/3 {d[:6]}*',
            f"{a} AND ({b} OR {c} OR {d[:6]}*) AND NOT {e}",
        ]
        specs.setdefault(f"generated{number // 20:02d}", {"rules": []})["rules"].append(
            shapes[number % len(shapes)]
        )
    return specs


def cpu_per_article(matcher: TopicMatcher, texts: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for text in texts:
            matcher.match(text)
        best = min(best, time.process_time() - start)
    return best / len(texts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="600-word articles to match.")
    parser.add_argument("--repeat", type=int, default=3, help="Runs; the fastest counts.")
    parser.add_argument("--rules", type=int, default=1000, help="Generated rules for the 2nd run.")
    args = parser.parse_args(argv)

    topic_specs = load_config(paths.default_config_path()).topics
    started = time.perf_counter()
    matcher = TopicMatcher.from_config(topic_specs)
    built = time.perf_counter() - started
    quality(matcher)

    print("Memory")
    for lang, load in alerts_lemmas.LOADS.items():
        print(
            f"  simplemma {lang}: {load['forms']:,.0f} forms read in {load['seconds']:.1f} s, "
            f"peak RSS {load['peak_rss_mb']:.0f} MB while reading; then let go"
        )
    print(f"  matcher with the bundled topics built in {built:.1f} s; {rss_mb()} MB resident now")
    print()

    texts = articles(args.articles)
    default_cost = cpu_per_article(matcher, texts, args.repeat)
    rows = [("bundled", "-", f"{1 / default_cost:,.0f}", "1.00", f">= {SPEED_GOAL:,}/s")]
    for realistic, label in ((True, "names"), (False, "corpus words (stress)")):
        topics = compile_topics(topic_specs)
        for name, spec in generated_rules(args.rules, realistic=realistic).items():
            topics[name] = compile_topic(name, spec)
        big = TopicMatcher(topics)
        cost = cpu_per_article(big, texts, args.repeat)
        fired = sum(len({h.topic for h in big.match(t)}) for t in texts[:100]) / min(
            100, len(texts)
        )
        label += f", {fired - 2:.0f} of {len(topics) - 2} topics fire per article"
        goal = f"<= {RULES_GOAL:.1f}" if realistic else "-"
        rows.append(
            (
                f"bundled + {args.rules} rules, {label}",
                args.rules,
                f"{1 / cost:,.0f}",
                f"{cost / default_cost:.2f}",
                goal,
            )
        )
    hits = sum(1 for text in texts[:200] if matcher.match(text)) / min(200, len(texts))
    print(f"Speed on {len(texts)} articles of 600 words ({hits:.0%} with a default-topic hit)")
    print_table(("topics", "rules", "articles/s per core", "cost", "goal"), rows)
    return 0


def rss_mb() -> int:
    status = Path("/proc/self/status")
    if not status.exists():
        return alerts_lemmas.peak_rss_mb()
    for line in status.read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    return 0


if __name__ == "__main__":
    sys.exit(main())
