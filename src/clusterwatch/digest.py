"""Digests: what is new for a recipient, grouped by topic and story, rendered and recorded.

An item is one (article revision, topic) pair. A recipient gets every item exactly once:
``digest_items`` holds what each recipient has been given (unique per recipient, revision
and topic), written only when a digest has been delivered (sent, or written to files).
Copies of one story fold into one entry ("also on: …"); a later revision is marked updated.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape
from sqlite_utils import Database

from .store import utcnow

logger = logging.getLogger(__name__)

FILES_RECIPIENT = "files"


@dataclass
class Entry:
    """One story under one topic: its lead article and the copies elsewhere."""

    topic: str
    story: int
    title: str
    url: str
    source: str
    published: str | None
    updated: bool
    snippet: str
    hit_start: int
    hit_end: int
    term: str
    also_on: list[str] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)  # (match, article, revision, topic)

    @property
    def snippet_html(self) -> Markup:
        s = self.snippet
        return (
            escape(s[: self.hit_start])
            + Markup('<mark style="background:#ffe58a;">')
            + escape(s[self.hit_start : self.hit_end])
            + Markup("</mark>")
            + escape(s[self.hit_end :])
        )

    @property
    def snippet_text(self) -> str:
        s = self.snippet
        return f"{s[: self.hit_start]}**{s[self.hit_start : self.hit_end]}**{s[self.hit_end :]}"


@dataclass
class Digest:
    recipient: str
    created: str
    topics: dict[str, list[Entry]]

    @property
    def item_count(self) -> int:
        return sum(len(entry.items) for entries in self.topics.values() for entry in entries)

    @property
    def entry_count(self) -> int:
        return sum(len(entries) for entries in self.topics.values())

    @property
    def story_count(self) -> int:
        return len({entry.story for entries in self.topics.values() for entry in entries})


def pending_items(
    db: Database, recipient: str, topics: list[str] | None, since: str | None = None
) -> list[dict]:
    """(match, article, revision, topic) rows not yet given to ``recipient``: one per pair."""
    clauses = [
        "not exists (select 1 from digest_items d where d.recipient = :recipient "
        "and d.revision = m.revision and d.topic = m.topic)"
    ]
    params: dict[str, Any] = {"recipient": recipient}
    if topics is not None:
        names = {f"t{i}": t for i, t in enumerate(topics)}
        if not names:
            return []
        clauses.append(f"m.topic in ({', '.join(':' + k for k in names)})")
        params.update(names)
    if since:
        clauses.append("m.matched >= :since")
        params["since"] = since
    sql = f"""
        select m.id as match, m.article, m.revision, m.topic, m.term, m.field, m.snippet,
               m.hit_start, m.hit_end, a.title, a.url, a.source, a.published, a.story,
               a.first_seen, r.number as revision_number
        from matches m
        join articles a on a.id = m.article
        join revisions r on r.id = m.revision
        where {" and ".join(clauses)}
        order by m.topic, a.story, a.first_seen, a.id, m.field, m.id
    """
    rows = list(db.query(sql, params))
    # one row per (revision, topic): the first hit, a sentence of the text before the title
    seen: set[tuple[int, str]] = set()
    unique = []
    for row in rows:
        key = (row["revision"], row["topic"])
        if key not in seen:
            seen.add(key)
            unique.append(row)
    return unique


def build_digest(
    db: Database, recipient: str, topics: list[str] | None, since: str | None = None
) -> Digest:
    rows = pending_items(db, recipient, topics, since)
    grouped: dict[str, dict[int, Entry]] = defaultdict(dict)
    for row in rows:
        entries = grouped[row["topic"]]
        entry = entries.get(row["story"])
        if entry is None:
            entry = entries[row["story"]] = Entry(
                topic=row["topic"],
                story=row["story"],
                title=row["title"],
                url=row["url"],
                source=row["source"],
                published=row["published"],
                updated=row["revision_number"] > 1,
                snippet=row["snippet"],
                hit_start=row["hit_start"],
                hit_end=row["hit_end"],
                term=row["term"],
            )
        elif row["source"] != entry.source and row["source"] not in entry.also_on:
            entry.also_on.append(row["source"])
        entry.items.append(
            {
                "match": row["match"],
                "article": row["article"],
                "revision": row["revision"],
                "topic": row["topic"],
            }
        )
    ordered = {
        topic: sorted(entries.values(), key=lambda e: (e.published or "", e.title), reverse=True)
        for topic, entries in sorted(grouped.items())
    }
    return Digest(recipient=recipient, created=utcnow(), topics=ordered)


_env = Environment(
    loader=PackageLoader("clusterwatch", "templates"),
    autoescape=select_autoescape(["html", "xml"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def render(digest: Digest, fmt: str, title: str = "clusterwatch digest") -> str:
    template = _env.get_template(
        {"html": "digest.html", "md": "digest.md", "txt": "digest.txt"}[fmt]
    )
    return template.render(digest=digest, title=title)


def record_delivery(
    db: Database, digest: Digest, *, status: str, path: str | None = None, error: str | None = None
) -> int:
    """Record a digest; only a delivered one (sent, written) marks its items as given."""
    with db.atomic():
        digest_id = (
            db["digests"]
            .insert(
                {
                    "recipient": digest.recipient,
                    "created": digest.created,
                    "status": status,
                    "items": digest.item_count,
                    "error": error,
                    "sent": utcnow() if status in ("sent", "written") else None,
                    "path": path,
                }
            )
            .last_pk
        )
        if status in ("sent", "written"):
            db["digest_items"].insert_all(
                (
                    {"digest": digest_id, "recipient": digest.recipient, **item}
                    for entries in digest.topics.values()
                    for entry in entries
                    for item in entry.items
                ),
                ignore=True,
            )
    return digest_id


def write_files(
    db: Database, out_dir: Path, topics: list[str] | None = None, since: str | None = None
) -> tuple[Digest, list[Path]]:
    """Write the pending digest as Markdown and HTML files into ``out_dir`` and record it."""
    digest = build_digest(db, FILES_RECIPIENT, topics, since)
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = digest.created.replace(":", "").replace("-", "")[:15]
    written = []
    for fmt in ("md", "html"):
        path = out_dir / f"digest-{stamp}.{fmt}"
        path.write_text(render(digest, fmt), encoding="utf-8")
        written.append(path)
    record_delivery(db, digest, status="written", path=str(written[0]))
    return digest, written
