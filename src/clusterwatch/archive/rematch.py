"""Matching the archive again after the topics changed (``clusterwatch rematch``).

Alerts are matched once, when an article or a new revision of it is stored (see ``ingest``).
When an analyst adds a topic or mends a trap, the archive already holds articles that the new
rules raise, or should not. ``rematch`` runs the configured topics over each article's current
revision:

- a hit the rules give now and the archive lacks is stored (``matched`` is now): it shows in
  ``clusterwatch alerts`` and goes out with the next digest, once, as any new alert does (a
  digest already sent for that revision and topic is not sent again);
- a match the rules no longer give is removed, unless a digest carried it: what was sent stays
  on record;
- matches of other topics, and of older revisions, are left as they are.

Articles are read and written in batches, each batch its own short transaction, so that a crawl,
Datasette and a digest go on meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlite_utils import Database

from clusterwatch.alerts.topics import TopicMatcher
from clusterwatch.extract.article import Extracted

from .ingest import save_matches
from .prepare import find_matches
from .store import utcnow

BATCH = 200


@dataclass
class TopicChanges:
    """What a rematch did (or would do) to one topic's alerts."""

    articles_before: int = 0  # articles whose current revision had an alert of the topic
    articles_after: int = 0
    added: int = 0  # matches
    removed: int = 0
    kept_sent: int = 0  # no longer given by the rules, but a digest carried them


def rematch(
    db: Database,
    matcher: TopicMatcher,
    *,
    since: str | None = None,
    dry_run: bool = False,
    batch: int = BATCH,
    progress: Callable[[int], None] | None = None,
) -> dict[str, TopicChanges]:
    """Bring the alerts of each article's current revision in line with ``matcher``'s topics
    (only those), for the articles first seen on or after ``since`` (YYYY-MM-DD; all without);
    ``progress`` is told how many articles each batch held."""
    topics = sorted(matcher.topics)
    changes = {topic: TopicChanges() for topic in topics}
    marks = ", ".join("?" for _ in topics)
    now = utcnow()
    last = 0
    while True:
        rows = db.execute(
            "select r.article, r.id, r.title, r.text from revisions r"
            " join articles a on a.id = r.article"
            " where r.article > ? and (? is null or a.first_seen >= ?) and r.number ="
            " (select max(number) from revisions where article = r.article)"
            " order by r.article limit ?",
            [last, since, since, batch],
        ).fetchall()
        if not rows:
            return changes
        last = rows[-1][0]
        with db.atomic():
            for article, revision, title, text in rows:
                stored = db.execute(
                    "select id, topic, term, field, hit_start,"
                    " exists (select 1 from digest_items d where d.match = m.id)"
                    f" from matches m where revision = ? and topic in ({marks})",
                    [revision, *topics],
                ).fetchall()
                found = find_matches(matcher, Extracted(title=title or "", text=text or ""))
                _apply(db, article, revision, stored, found, changes, now, dry_run)
        if progress is not None:
            progress(len(rows))


def _apply(
    db: Database,
    article: int,
    revision: int,
    stored: list[tuple],
    found: list,
    changes: dict[str, TopicChanges],
    now: str,
    dry_run: bool,
) -> None:
    old = {
        (topic, term, field, start): (match, sent)
        for match, topic, term, field, start, sent in stored
    }
    new = {(m.topic, m.term, m.field, m.hit_start): m for m in found}
    after = set()
    for key, (match, sent) in old.items():
        if key in new:
            after.add(key[0])
        elif sent:
            changes[key[0]].kept_sent += 1
            after.add(key[0])
        else:
            changes[key[0]].removed += 1
            if not dry_run:
                db.execute("delete from matches where id = ?", [match])
    added = [m for key, m in new.items() if key not in old]
    for m in added:
        changes[m.topic].added += 1
        after.add(m.topic)
    if added and not dry_run:
        save_matches(db, added, article, revision, now)
    for topic in {key[0] for key in old}:
        changes[topic].articles_before += 1
    for topic in after:
        changes[topic].articles_after += 1
