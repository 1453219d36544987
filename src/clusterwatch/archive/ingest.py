"""Storing one extracted article: revisions, story grouping and alert matches, in one transaction.

``ingest_article`` is what every writer calls (the Scrapy pipeline today; any other writer
later), so the rules live in one place:

- the canonical URL identifies an article; the same URL with changed title or text becomes a
  new revision (with a unified diff to the previous one), never a new article;
- a new article joins the story of an exact copy (same normalised text) or of a near-duplicate
  (MinHash candidates, checked on exact shingles: dedup.py), else starts a story; copies are kept
  and listed, never dropped. A story's original source is the one its articles name
  ("Źródło: …"), else the source of its first article;
- the search terms (search_terms.py) and the near-duplicate signature follow every new text;
- alerts are matched on new articles and new revisions only, each once.

What needs no database (hashes, shingles, lemmas, matches: :mod:`.prepare`; the first
lemmatisation in a process loads simplemma's data) is computed before the write transaction
starts, so that it never holds the archive's write lock.
"""

from __future__ import annotations

import difflib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from clusterwatch.alerts.topics import TopicMatcher
from clusterwatch.extract.article import Extracted
from clusterwatch.search import terms as search_terms
from clusterwatch.text import named_source

from . import dedup
from .prepare import Match, Prepared
from .store import utcnow
from .urls import canonical_url, domain_allowed, host_of

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class IngestResult:
    status: str  # new, updated, unchanged
    article: int
    revision: int
    story: int
    topics: tuple[str, ...] = ()


def ingest_article(
    db: Database,
    extracted: Extracted,
    *,
    url: str,
    source: str,
    matcher: TopicMatcher | None,
    crawl_run: int | None = None,
    fetched_url: str | None = None,
    seen: str | None = None,
    source_domains: dict[str, list[str]] | None = None,
    prepared: Prepared | None = None,
) -> IngestResult:
    """Store ``extracted`` under its canonical ``url``; see the module docstring.

    ``prepared`` may come from a worker process (with its matches); else it is computed here
    with ``matcher``.
    """
    seen = seen or utcnow()
    url = canonical_url(url)
    existing = _current(db, url)
    if existing is not None and not _changed(existing, extracted):
        return _unchanged(db, existing, seen)
    if prepared is None or (prepared.matches is None and matcher is not None):
        prepared = Prepared.of(extracted, matcher)
    with db.atomic():
        existing = _current(db, url)  # again: another writer may have stored it meanwhile
        if existing is None:
            return _insert_new(
                db,
                extracted,
                prepared,
                url,
                source,
                crawl_run,
                fetched_url,
                seen,
                source_domains,
            )
        if not _changed(existing, extracted):
            return _unchanged(db, existing, seen)
        article_id, old_title, old_text, number, story, _ = existing
        diff = "\n".join(
            difflib.unified_diff(
                f"{old_title}\n\n{old_text}".splitlines(),
                f"{extracted.title}\n\n{extracted.text}".splitlines(),
                fromfile=f"revision {number}",
                tofile=f"revision {number + 1}",
                lineterm="",
            )
        )
        revision_id = _insert_revision(
            db, article_id, number + 1, extracted, prepared, seen, crawl_run, diff
        )
        _update(
            db,
            "articles",
            article_id,
            {
                "title": extracted.title,
                "text": extracted.text,
                "content_hash": prepared.text_hash,
                "revision": number + 1,
                "last_seen": seen,
                "author": extracted.author,
                "language": extracted.language,
                "description": extracted.description,
                # a page that now states its date corrects a first-seen guess, never the reverse
                **(
                    {"published": extracted.published, "published_from": "page"}
                    if extracted.published
                    else {}
                ),
            },
        )
        dedup.save_signature(db, article_id, prepared.signature)
        search_terms.save_terms(db, article_id, prepared.terms)
        _touch_story(db, story, seen)
        topics = save_matches(db, prepared.matches, article_id, revision_id, seen)
        return IngestResult("updated", article_id, revision_id, story, topics)


def _current(db: Database, url: str) -> tuple[Any, ...] | None:
    return db.execute(
        "select id, title, text, revision, story, published from articles where url = ?", [url]
    ).fetchone()


def _changed(existing: tuple[Any, ...], extracted: Extracted) -> bool:
    _, old_title, old_text, *_ = existing
    old = (dedup.normalise(old_title or ""), dedup.normalise(old_text or ""))
    return old != (dedup.normalise(extracted.title), dedup.normalise(extracted.text))


def _unchanged(db: Database, existing: tuple[Any, ...], seen: str) -> IngestResult:
    article_id, _, _, number, story, _ = existing
    with db.atomic():
        db.execute("update articles set last_seen = ? where id = ?", [seen, article_id])
        current = db.execute(
            "select id from revisions where article = ? and number = ?", [article_id, number]
        ).fetchone()
    return IngestResult("unchanged", article_id, current[0], story)


def _insert_new(
    db: Database,
    extracted: Extracted,
    prepared: Prepared,
    url: str,
    source: str,
    crawl_run: int | None,
    fetched_url: str | None,
    seen: str,
    source_domains: dict[str, list[str]] | None,
) -> IngestResult:
    story = _story_of_copies(db, prepared, source_domains)
    published, published_from = extracted.published, extracted.published_from
    if not published:
        published, published_from = seen[:10], "first-seen"
    article_id = _insert(
        db,
        "articles",
        {
            "url": url,
            "source": source,
            "title": extracted.title,
            "text": extracted.text,
            "published": published,
            "published_from": published_from,
            "author": extracted.author,
            "language": extracted.language,
            "description": extracted.description,
            "content_hash": prepared.text_hash,
            "revision": 1,
            "first_seen": seen,
            "last_seen": seen,
            "fetched_url": fetched_url or url,
        },
    )
    named = prepared.named_source
    if story is None:
        story = _insert(
            db,
            "stories",
            {
                "title": extracted.title,
                "first_article": article_id,
                "original_source": _source_for(named, source_domains) or source,
                "original_url": named if named and named.startswith("http") else url,
                "first_seen": seen,
                "last_seen": seen,
                "articles": 0,
            },
        )
    elif named:
        _adopt_named_source(db, story, named, source_domains)
    db.execute("update articles set story = ? where id = ?", [story, article_id])
    _touch_story(db, story, seen)
    dedup.save_signature(db, article_id, prepared.signature)
    search_terms.save_terms(db, article_id, prepared.terms)
    revision_id = _insert_revision(db, article_id, 1, extracted, prepared, seen, crawl_run, None)
    db.execute(
        "update attachments set article = ? where article_url = ? and article is null",
        [article_id, url],
    )  # a PDF fetched before its article was stored
    topics = save_matches(db, prepared.matches, article_id, revision_id, seen)
    return IngestResult("new", article_id, revision_id, story, topics)


def _story_of_copies(
    db: Database, prepared: Prepared, source_domains: dict[str, list[str]] | None
) -> int | None:
    """The story of the stored copies of a new text: of an exact copy, else of its
    near-duplicates. When these are in several stories, the new text bridges them (copies that
    arrived before their original, too different from each other to be grouped): they are merged
    into the earliest."""
    exact = db.execute(
        "select story from articles where content_hash = ? order by id limit 1",
        [prepared.text_hash],
    ).fetchone()
    if exact:
        return exact[0]
    if prepared.signature is None:
        return None
    near = [n.article for n in dedup.find_near_duplicates(db, prepared.grams, prepared.signature)]
    if not near:
        return None
    stories = [
        row[0]
        for row in db.execute(
            f"select id from stories where id in (select story from articles where id in "
            f"({', '.join('?' * len(near))})) order by first_seen, id",
            near,
        )
    ]
    if len(stories) > 1:
        _merge_stories(db, stories[0], stories[1:], source_domains)
    return stories[0] if stories else None


def _merge_stories(
    db: Database, into: int, others: list[int], source_domains: dict[str, list[str]] | None
) -> None:
    marks = ", ".join("?" * len(others))
    logger.info("stories %s merged into story %d", others, into)
    db.execute(f"update articles set story = ? where story in ({marks})", [into, *others])
    db.execute(f"delete from stories where id in ({marks})", others)
    first_seen = db.execute(
        "select min(first_seen) from articles where story = ?", [into]
    ).fetchone()[0]
    db.execute("update stories set first_seen = ? where id = ?", [first_seen, into])
    # the original named by any of the merged copies (the earliest such), else unchanged
    for (text,) in db.execute(
        "select text from articles where story = ? order by first_seen, id", [into]
    ).fetchall():
        if named := named_source(text or ""):
            _adopt_named_source(db, into, named, source_domains)
            break


def _adopt_named_source(
    db: Database, story: int, named: str, source_domains: dict[str, list[str]] | None
) -> None:
    """A copy that names its source ("Źródło: …") corrects a story whose original was only
    guessed from its first article (which named none)."""
    row = db.execute(
        "select s.original_source, a.source, a.text from stories s "
        "join articles a on a.id = s.first_article where s.id = ?",
        [story],
    ).fetchone()
    if row is None or row[0] != row[1] or named_source(row[2] or "") is not None:
        return
    db.execute(
        "update stories set original_source = ?, original_url = coalesce(?, original_url) "
        "where id = ?",
        [
            _source_for(named, source_domains) or row[1],
            named if named.startswith("http") else None,
            story,
        ],
    )


def _insert_revision(
    db: Database,
    article_id: int,
    number: int,
    extracted: Extracted,
    prepared: Prepared,
    seen: str,
    crawl_run: int | None,
    diff: str | None,
) -> int:
    return _insert(
        db,
        "revisions",
        {
            "article": article_id,
            "number": number,
            "title": extracted.title,
            "text": extracted.text,
            "content_hash": prepared.text_hash,
            "seen": seen,
            "crawl_run": crawl_run,
            "diff": diff,
        },
    )


# plain SQL on the path every article takes: sqlite-utils' insert() and update() read the table's
# schema on each call, which cost more than the writes themselves here
def _insert(db: Database, table: str, row: dict[str, Any]) -> int:
    columns = ", ".join(f"[{c}]" for c in row)
    cursor = db.execute(
        f"insert into [{table}] ({columns}) values ({', '.join('?' * len(row))})",
        list(row.values()),
    )
    return cursor.lastrowid


def _update(db: Database, table: str, pk: int, values: dict[str, Any]) -> None:
    assignments = ", ".join(f"[{c}] = ?" for c in values)
    db.execute(f"update [{table}] set {assignments} where id = ?", [*values.values(), pk])


def _touch_story(db: Database, story: int, seen: str) -> None:
    db.execute(
        "update stories set last_seen = ?, articles = (select count(*) from articles where story = ?) "
        "where id = ?",
        [seen, story, story],
    )


def save_matches(
    db: Database,
    matches: Sequence[Match] | None,
    article_id: int,
    revision_id: int,
    seen: str,
) -> tuple[str, ...]:
    """Store the matches of one revision (those it already has are left); their topics."""
    if not matches:
        return ()
    # one prepared statement for all (sqlite-utils' insert_all reads the schema on every call)
    db.conn.executemany(
        "insert or ignore into matches (article, revision, topic, term, field, snippet,"
        " hit_start, hit_end, matched) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                article_id,
                revision_id,
                m.topic,
                m.term,
                m.field,
                m.snippet,
                m.hit_start,
                m.hit_end,
                seen,
            )
            for m in matches
        ],
    )
    return tuple(sorted({m.topic for m in matches}))


def _source_for(named: str | None, source_domains: dict[str, list[str]] | None) -> str | None:
    """The configured source whose domains hold a "Źródło:" URL, else that URL's host."""
    if not named or not named.startswith("http"):
        return named
    for name, domains in (source_domains or {}).items():
        if domains and domain_allowed(named, domains):
            return name
    return host_of(named) or None
