"""Measuring the topics against labelled data: precision and recall per topic, and the misses.

The data stays outside the project (``CLUSTERWATCH_EVAL_DIR``, default ``../shared/eval``):
``alerts-dev.tsv`` (id, lang, one 0/1 column per topic, text) and
``pl-inflections/sgjp_forms.tsv`` (every SGJP form of a few lemmas). Used by
``tests/test_alerts_quality.py`` and ``benchmarks/alerts.py``.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from clusterwatch.paths import project_root

from .topics import TopicMatcher

DEV_SET = "alerts-dev.tsv"
SGJP_FORMS = Path("pl-inflections") / "sgjp_forms.tsv"

# which lemmas of sgjp_forms.tsv must raise which topic; every other lemma must raise none
# (Lida, a Belarusian town that is also a first name, is left out either way)
SGJP_POSITIVE = {
    "Białoruś": "belarus",
    "białoruski": "belarus",
    "Białorusin": "belarus",
    "Białorusinka": "belarus",
    "Mińsk": "belarus",
    "Grodno": "belarus",
    "Brześć": "belarus",
    "Homel": "belarus",
    "Witebsk": "belarus",
    "Pińsk": "belarus",
    "Mohylew": "belarus",
    "klaster": "clusters",
}
SGJP_IGNORED = {"Lida"}


def eval_dir() -> Path:
    default = project_root().parent / "shared" / "eval"
    return Path(os.environ.get("CLUSTERWATCH_EVAL_DIR", default))


@dataclass(frozen=True)
class Example:
    id: str
    lang: str
    text: str
    labels: frozenset[str]


def load_examples(path: Path, topics: Iterable[str]) -> list[Example]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    topics = list(topics)
    return [
        Example(
            row["id"],
            row.get("lang", ""),
            row["text"],
            frozenset(t for t in topics if row.get(t, "0").strip() == "1"),
        )
        for row in rows
    ]


@dataclass
class TopicScore:
    topic: str
    true_positives: int = 0
    false_positives: list[str] = field(default_factory=list)  # ids
    false_negatives: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + len(self.false_positives)
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        relevant = self.true_positives + len(self.false_negatives)
        return self.true_positives / relevant if relevant else 1.0


def score(matcher: TopicMatcher, examples: list[Example], topics: Iterable[str]) -> dict:
    """``{topic: TopicScore}`` of the matcher on the examples."""
    scores = {topic: TopicScore(topic) for topic in topics}
    for example in examples:
        fired = {hit.topic for hit in matcher.match(example.text)}
        for topic, result in scores.items():
            if topic in fired and topic in example.labels:
                result.true_positives += 1
            elif topic in fired:
                result.false_positives.append(example.id)
            elif topic in example.labels:
                result.false_negatives.append(example.id)
    return scores


def sgjp_failures(matcher: TopicMatcher, path: Path) -> list[str]:
    """Forms that miss their topic or raise a topic they should not, as readable lines."""
    failures = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            lemma, form = row["lemma"], row["form"]
            if lemma in SGJP_IGNORED:
                continue
            fired = {hit.topic for hit in matcher.match(form)}
            wanted = {SGJP_POSITIVE[lemma]} if lemma in SGJP_POSITIVE else set()
            if fired != wanted:
                failures.append(
                    f"{form} ({lemma}): raised {sorted(fired)}, wanted {sorted(wanted)}"
                )
    return failures
