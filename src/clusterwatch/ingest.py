"""Storing one extracted article: revisions, story grouping and alert matches, in one transaction.

``ingest_article`` is what every writer calls (the Scrapy pipeline today; any other writer
later), so the rules live in one place:

- the canonical URL identifies an article; the same URL with changed title or text becomes a
  new revision (with a unified diff to the previous one), never a new article;
- a new article joins the story of an exact copy (same normalised text) or of a near-duplicate
  (MinHash), else starts a story; copies are kept and listed, never dropped;
- alerts are matched on new articles and new revisions only, each once.
"""

from __future__ import annotations

import difflib
import logging
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from . import dedup
from .alerts import TopicMatcher, snippet_for
from .extract import Extracted
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
) -> IngestResult:
    """Store ``extracted`` under its canonical ``url``; see the module docstring."""
    seen = seen or utcnow()
    url = canonical_url(url)
    with db.atomic():
        existing = db.execute(
            "select id, title, text, revision, story, published from articles where url = ?", [url]
        ).fetchone()
        if existing is None:
            return _insert_new(
                db, extracted, url, source, matcher, crawl_run, fetched_url, seen, source_domains
            )
        article_id, old_title, old_text, number, story, published = existing
        changed = dedup.normalise(old_title or "") != dedup.normalise(
            extracted.title
        ) or dedup.normalise(old_text or "") != dedup.normalise(extracted.text)
        if not changed:
            db.execute("update articles set last_seen = ? where id = ?", [seen, article_id])
            current = db.execute(
                "select id from revisions where article = ? and number = ?", [article_id, number]
            ).fetchone()
            return IngestResult("unchanged", article_id, current[0], story)
        diff = "\n".join(
            difflib.unified_diff(
                f"{old_title}\n\n{old_text}".splitlines(),
                f"{extracted.title}\n\n{extracted.text}".splitlines(),
                fromfile=f"revision {number}",
                tofile=f"revision {number + 1}",
                lineterm="",
            )
        )
        revision_id = _insert_revision(db, article_id, number + 1, extracted, seen, crawl_run, diff)
        db["articles"].update(
            article_id,
            {
                "title": extracted.title,
                "text": extracted.text,
                "content_hash": dedup.content_hash(extracted.text),
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
        signature = dedup.Signature.of(extracted.text)
        if signature is not None:
            dedup.save_signature(db, article_id, signature)
        _touch_story(db, story, seen)
        topics = _save_matches(db, matcher, article_id, revision_id, extracted, seen)
        return IngestResult("updated", article_id, revision_id, story, topics)


def _insert_new(
    db: Database,
    extracted: Extracted,
    url: str,
    source: str,
    matcher: TopicMatcher | None,
    crawl_run: int | None,
    fetched_url: str | None,
    seen: str,
    source_domains: dict[str, list[str]] | None,
) -> IngestResult:
    text_hash = dedup.content_hash(extracted.text)
    signature = dedup.Signature.of(extracted.text)
    story = None
    exact = db.execute(
        "select story from articles where content_hash = ? order by id limit 1", [text_hash]
    ).fetchone()
    if exact:
        story = exact[0]
    elif signature is not None:
        near = dedup.find_near_duplicate(db, signature)
        if near:
            story = db.execute("select story from articles where id = ?", [near[0]]).fetchone()[0]
    published, published_from = extracted.published, extracted.published_from
    if not published:
        published, published_from = seen[:10], "first-seen"
    article_id = (
        db["articles"]
        .insert(
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
                "content_hash": text_hash,
                "revision": 1,
                "first_seen": seen,
                "last_seen": seen,
                "fetched_url": fetched_url or url,
            }
        )
        .last_pk
    )
    if story is None:
        named = dedup.named_source(extracted.text)
        story = (
            db["stories"]
            .insert(
                {
                    "title": extracted.title,
                    "first_article": article_id,
                    "original_source": _source_for(named, source_domains) or source,
                    "original_url": named if named and named.startswith("http") else url,
                    "first_seen": seen,
                    "last_seen": seen,
                    "articles": 0,
                }
            )
            .last_pk
        )
    db["articles"].update(article_id, {"story": story})
    _touch_story(db, story, seen)
    if signature is not None:
        dedup.save_signature(db, article_id, signature)
    revision_id = _insert_revision(db, article_id, 1, extracted, seen, crawl_run, None)
    topics = _save_matches(db, matcher, article_id, revision_id, extracted, seen)
    return IngestResult("new", article_id, revision_id, story, topics)


def _insert_revision(
    db: Database,
    article_id: int,
    number: int,
    extracted: Extracted,
    seen: str,
    crawl_run: int | None,
    diff: str | None,
) -> int:
    return (
        db["revisions"]
        .insert(
            {
                "article": article_id,
                "number": number,
                "title": extracted.title,
                "text": extracted.text,
                "content_hash": dedup.content_hash(extracted.text),
                "seen": seen,
                "crawl_run": crawl_run,
                "diff": diff,
            }
        )
        .last_pk
    )


def _touch_story(db: Database, story: int, seen: str) -> None:
    db.execute(
        "update stories set last_seen = ?, articles = (select count(*) from articles where story = ?) "
        "where id = ?",
        [seen, story, story],
    )


def _save_matches(
    db: Database,
    matcher: TopicMatcher | None,
    article_id: int,
    revision_id: int,
    extracted: Extracted,
    seen: str,
) -> tuple[str, ...]:
    if matcher is None:
        return ()
    rows: list[dict[str, Any]] = []
    for field, text in (("title", extracted.title), ("text", extracted.text)):
        for hit in matcher.match(text):
            snippet, start, end = snippet_for(text, hit)
            rows.append(
                {
                    "article": article_id,
                    "revision": revision_id,
                    "topic": hit.topic,
                    "term": hit.term,
                    "field": field,
                    "snippet": snippet,
                    "hit_start": start,
                    "hit_end": end,
                    "matched": seen,
                }
            )
    if rows:
        db["matches"].insert_all(rows, ignore=True)
    return tuple(sorted({row["topic"] for row in rows}))


def _source_for(named: str | None, source_domains: dict[str, list[str]] | None) -> str | None:
    """The configured source whose domains hold a "Źródło:" URL, else that URL's host."""
    if not named or not named.startswith("http"):
        return named
    for name, domains in (source_domains or {}).items():
        if domains and domain_allowed(named, domains):
            return name
    return host_of(named) or None
