"""Quality floors of the bundled topics on the labelled data in the evaluation folder.

The data stays outside the project (``CLUSTERWATCH_EVAL_DIR``, default ``../shared/eval``);
without it these tests skip. ``benchmarks/alerts.py`` prints the figures and every miss.
"""

from __future__ import annotations

import pytest

from clusterwatch.alerts import evaluation as alerts_eval
from clusterwatch.alerts.topics import TopicMatcher
from clusterwatch.config import load_config
from clusterwatch.paths import default_config_path

from ..helpers import EVAL_DIR

FLOOR = 0.97
TOPICS = ("belarus", "clusters")
pytestmark = pytest.mark.skipif(
    not (EVAL_DIR / alerts_eval.DEV_SET).is_file(),
    reason=f"no evaluation data at {EVAL_DIR} (set CLUSTERWATCH_EVAL_DIR)",
)


@pytest.fixture(scope="module")
def matcher() -> TopicMatcher:
    return TopicMatcher.from_config(load_config(default_config_path()).topics)


def need(path):
    if not path.is_file():
        pytest.skip(f"no evaluation data at {path} (set CLUSTERWATCH_EVAL_DIR)")
    return path


@pytest.mark.parametrize("topic", TOPICS)
def test_precision_and_recall_on_the_labelled_sentences(matcher, topic):
    examples = alerts_eval.load_examples(need(EVAL_DIR / alerts_eval.DEV_SET), TOPICS)
    result = alerts_eval.score(matcher, examples, TOPICS)[topic]
    misses = {"false alarms": result.false_positives, "missed": result.false_negatives}
    assert result.precision >= FLOOR, misses
    assert result.recall >= FLOOR, misses


def test_every_sgjp_form_raises_its_topic_and_no_other_lemma_raises_any(matcher):
    failures = alerts_eval.sgjp_failures(matcher, need(EVAL_DIR / alerts_eval.SGJP_FORMS))
    assert failures == []
