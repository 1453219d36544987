"""Whether the archive's alerts follow the configured topics, or a topic needs ``rematch``.

Alerts are matched when an article or a new revision of it is stored, with the topics configured
then. After an analyst edits a topic (or its gazetteer), new articles get the new rules, and the
articles stored before keep the alerts of the old ones until ``clusterwatch rematch`` applies
the new rules to them. So the archive records, per topic, a fingerprint of the rules its
alerts were last matched with as a whole (table ``topic_rules``), and ``crawl``, ``schedule``
and ``status`` compare it with the configuration.

A topic's rules count as applied to the archive:

- when a crawl starts on an archive that holds no article yet: all it stores is matched with
  them;
- when ``rematch`` has applied them (with ``--since``: to the articles first seen since then);
- for an archive that holds articles but no record yet (it predates the record), the first
  time it is checked: nothing tells what its alerts were matched with, and the configured
  topics are the likeliest.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from clusterwatch.alerts.topics import topic_fingerprint

from .store import utcnow


@dataclass(frozen=True)
class TopicState:
    topic: str
    status: str  # "applied", "changed" (since ``applied``) or "new" (never applied)
    applied: str | None = None  # when the recorded rules were applied
    since: str | None = None  # they were applied to the articles first seen since then only

    @property
    def stale(self) -> bool:
        return self.status != "applied"

    def advice(self) -> str:
        """One line for the analyst when the topic needs a rematch."""
        command = f"`clusterwatch rematch --topic {self.topic}`"
        if self.status == "new":
            return (
                f"topic {self.topic!r} was added after articles were stored: they were not "
                f"matched with it; {command} does that"
            )
        return (
            f"the rules of topic {self.topic!r} changed since they were applied to the archive "
            f"({_minutes(self.applied)}): the articles stored before keep the old alerts; "
            f"{command} applies the new rules to them"
        )


def check(db: Database, topics: Mapping[str, Any]) -> list[TopicState]:
    """The state of each configured topic in the archive; records the topics as applied where
    the archive gives no reason to doubt it (see the module docstring)."""
    prints = {name: topic_fingerprint(name, spec) for name, spec in topics.items()}
    recorded = {row["topic"]: row for row in db["topic_rules"].rows}
    holds_articles = db.execute("select exists (select 1 from articles)").fetchone()[0]
    if not holds_articles or not recorded:
        _save(db, prints, how="assumed" if holds_articles else "empty archive", since=None)
        recorded = {row["topic"]: row for row in db["topic_rules"].rows}
    states = []
    for name, fingerprint in prints.items():
        row = recorded.get(name)
        if row is None:
            states.append(TopicState(name, "new"))
        elif row["fingerprint"] != fingerprint:
            states.append(TopicState(name, "changed", row["applied"], row["since"]))
        else:
            states.append(TopicState(name, "applied", row["applied"], row["since"]))
    return states


def record(
    db: Database,
    topics: Mapping[str, Any],
    *,
    how: str,
    names: Iterable[str] | None = None,
    since: str | None = None,
) -> None:
    """Record ``topics`` (only ``names`` of them, when given) as applied to the archive now."""
    chosen = names if names is not None else topics
    _save(
        db, {name: topic_fingerprint(name, topics[name]) for name in chosen}, how=how, since=since
    )


def _save(db: Database, prints: Mapping[str, str], *, how: str, since: str | None) -> None:
    now = utcnow()
    rows = [
        {"topic": name, "fingerprint": fingerprint, "applied": now, "since": since, "how": how}
        for name, fingerprint in prints.items()
    ]
    with db.atomic():
        db["topic_rules"].upsert_all(rows, pk="topic")


def _minutes(timestamp: str | None) -> str:
    return (timestamp or "?").replace("T", " ")[:16]
