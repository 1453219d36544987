"""Digests: what is new for a recipient, grouped by topic and story, rendered and recorded.

An item is one (article revision, topic) pair. Each recipient gets each item in exactly one
digest, through an outbox: a digest is first *reserved* (a ``digests`` row in state
``sending`` with its items in ``digest_items``, whose unique index on recipient, revision and
topic keeps an item out of any other digest), then sent, then marked ``sent``. A failed send
*releases* the reservation (state ``failed``, items freed for the next digest). Only a process
killed between the server's acceptance and our commit leaves a ``sending`` digest behind; the
next run sends that same digest again with the same Message-ID, so nothing is lost and a mail
client can tell the copy. Digests written to files use the recipient ``files``.

Day boundaries (``--since``) and weeks (the chart) are in the digest's time zone
(``[digest] timezone``, Europe/Warsaw by default).
"""

from __future__ import annotations

import io
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from email.utils import make_msgid
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

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
        s, start, end = self.snippet, self.hit_start, self.hit_end
        mark = Markup('<mark style="background:#ffe58a;">')
        return escape(s[:start]) + mark + escape(s[start:end]) + Markup("</mark>") + escape(s[end:])

    @property
    def snippet_text(self) -> str:
        s, start, end = self.snippet, self.hit_start, self.hit_end
        return f"{s[:start]}**{s[start:end]}**{s[end:]}"


@dataclass
class Digest:
    recipient: str
    created: str
    topics: dict[str, list[Entry]]
    weekly: dict[str, list[tuple[date, int]]] = field(default_factory=dict)
    message_id: str | None = None
    digest_id: int | None = None

    @property
    def item_count(self) -> int:
        return sum(len(entry.items) for entries in self.topics.values() for entry in entries)

    @property
    def entry_count(self) -> int:
        return sum(len(entries) for entries in self.topics.values())

    @property
    def story_count(self) -> int:
        return len({entry.story for entries in self.topics.values() for entry in entries})

    @property
    def items(self) -> list[dict[str, Any]]:
        return [
            item for entries in self.topics.values() for entry in entries for item in entry.items
        ]


def day_start_utc(day: str, timezone: str) -> str:
    """The UTC timestamp at which ``day`` (YYYY-MM-DD) begins in ``timezone``."""
    local = datetime.combine(date.fromisoformat(day), time.min, tzinfo=ZoneInfo(timezone))
    return local.astimezone(UTC).replace(tzinfo=UTC).isoformat()


_ITEM_SQL = """
    select m.id as match, m.article, m.revision, m.topic, m.term, m.field, m.snippet,
           m.hit_start, m.hit_end, a.title, a.url, a.source, a.published, a.story,
           a.first_seen, r.number as revision_number
    from matches m
    join articles a on a.id = m.article
    join revisions r on r.id = m.revision
    where {where}
    order by m.topic, a.story, a.first_seen, a.id, m.field, m.id
"""


def pending_items(
    db: Database, recipient: str, topics: list[str] | None, since: str | None = None
) -> list[dict[str, Any]]:
    """(match, article, revision, topic) rows not yet given to ``recipient``: one per pair."""
    clauses = [
        "not exists (select 1 from digest_items d where d.recipient = :recipient "
        "and d.revision = m.revision and d.topic = m.topic)"
    ]
    params: dict[str, Any] = {"recipient": recipient}
    if topics is not None:
        if not topics:
            return []
        names = {f"t{i}": t for i, t in enumerate(topics)}
        clauses.append(f"m.topic in ({', '.join(':' + k for k in names)})")
        params.update(names)
    if since:
        clauses.append("m.matched >= :since")
        params["since"] = since
    return _first_per_item(db.query(_ITEM_SQL.format(where=" and ".join(clauses)), params))


def reserved_items(db: Database, digest_id: int) -> list[dict[str, Any]]:
    """The items a reserved digest carries (to send it again after a crash)."""
    where = "m.id in (select match from digest_items where digest = :digest)"
    return _first_per_item(db.query(_ITEM_SQL.format(where=where), {"digest": digest_id}))


def _first_per_item(rows: Any) -> list[dict[str, Any]]:
    # one row per (revision, topic): the first hit, a sentence of the text before the title
    seen: set[tuple[int, str]] = set()
    unique = []
    for row in rows:
        key = (row["revision"], row["topic"])
        if key not in seen:
            seen.add(key)
            unique.append(row)
    return unique


def group(rows: list[dict[str, Any]]) -> dict[str, list[Entry]]:
    """Fold rows into entries: one per topic and story, copies listed as "also on"."""
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
    return {
        topic: sorted(entries.values(), key=lambda e: (e.published or "", e.title), reverse=True)
        for topic, entries in sorted(grouped.items())
    }


def build_digest(
    db: Database,
    recipient: str,
    topics: list[str] | None,
    since: str | None = None,
    *,
    weeks: int = 12,
    timezone: str = "Europe/Warsaw",
) -> Digest:
    rows = pending_items(db, recipient, topics, since)
    return Digest(
        recipient=recipient,
        created=utcnow(),
        topics=group(rows),
        weekly=weekly_mentions(db, topics, weeks, timezone),
    )


def weekly_mentions(
    db: Database, topics: list[str] | None, weeks: int, timezone: str, today: date | None = None
) -> dict[str, list[tuple[date, int]]]:
    """Articles per topic per week (Monday to Sunday, by publication date), the last ``weeks``."""
    today = today or datetime.now(ZoneInfo(timezone)).date()
    this_monday = today - timedelta(days=today.weekday())
    mondays = [this_monday - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    counts: dict[str, dict[date, int]] = defaultdict(lambda: dict.fromkeys(mondays, 0))
    names = (
        topics
        if topics is not None
        else [r[0] for r in db.execute("select distinct topic from matches")]
    )
    for name in names:
        counts[name]  # every followed topic gets a line, even without mentions
    rows = db.execute(
        "select m.topic, a.published, count(distinct a.id) from matches m join articles a on a.id = m.article "
        "where a.published >= ? group by m.topic, a.published",
        [mondays[0].isoformat()],
    )
    for topic, published, count in rows:
        if topic not in counts or not published:
            continue
        day = date.fromisoformat(published[:10])
        monday = day - timedelta(days=day.weekday())
        if monday in counts[topic]:
            counts[topic][monday] += count
    return {topic: sorted(per_week.items()) for topic, per_week in sorted(counts.items())}


def chart_png(weekly: dict[str, list[tuple[date, int]]]) -> bytes:
    """A small line chart of mentions per topic per week, as PNG (mail clients show PNG)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    figure, axes = plt.subplots(figsize=(6.4, 1.8), dpi=100)
    for topic, series in weekly.items():
        axes.plot(
            [d for d, _ in series], [n for _, n in series], marker="o", linewidth=1.5, label=topic
        )
    axes.set_ylabel("articles / week", fontsize=8)
    axes.tick_params(labelsize=7)
    axes.grid(alpha=0.3)
    axes.set_ylim(bottom=0)
    if weekly:
        axes.legend(fontsize=7, loc="upper left", frameon=False)
    figure.autofmt_xdate()
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    return buffer.getvalue()


_env = Environment(
    loader=PackageLoader("clusterwatch", "templates"),
    autoescape=select_autoescape(["html", "xml"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def render(
    digest: Digest, fmt: str, title: str = "clusterwatch digest", chart: str | None = None
) -> str:
    """``fmt``: html, md or txt. ``chart``: the image's address (``cid:…`` in mail, a file name)."""
    template = _env.get_template(
        {"html": "digest.html", "md": "digest.md", "txt": "digest.txt"}[fmt]
    )
    return template.render(digest=digest, title=title, chart=chart)


# -- the outbox ------------------------------------------------------------------------------


def reserve(db: Database, digest: Digest, *, domain: str = "clusterwatch.local") -> int:
    """Record ``digest`` as being sent and claim its items; returns the digest id."""
    digest.message_id = digest.message_id or make_msgid(domain=domain)
    with db.atomic():
        digest.digest_id = (
            db["digests"]
            .insert(
                {
                    "recipient": digest.recipient,
                    "created": digest.created,
                    "status": "sending",
                    "items": digest.item_count,
                    "message_id": digest.message_id,
                }
            )
            .last_pk
        )
        db["digest_items"].insert_all(
            {"digest": digest.digest_id, "recipient": digest.recipient, **item}
            for item in digest.items
        )
    return digest.digest_id


def mark_delivered(
    db: Database, digest_id: int, *, status: str = "sent", path: str | None = None
) -> None:
    with db.atomic():
        db["digests"].update(
            digest_id, {"status": status, "sent": utcnow(), "path": path, "error": None}
        )


def release(db: Database, digest_id: int, error: str) -> None:
    """A send failed: nothing of this digest counts as given."""
    with db.atomic():
        db.execute("delete from digest_items where digest = ?", [digest_id])
        db["digests"].update(digest_id, {"status": "failed", "error": error[:500]})


def unfinished(db: Database, recipient: str) -> list[Digest]:
    """Digests left in ``sending`` by a process that stopped between sending and recording."""
    digests = []
    for row in db["digests"].rows_where(
        "recipient = ? and status = 'sending'", [recipient], order_by="id"
    ):
        digests.append(
            Digest(
                recipient=recipient,
                created=row["created"],
                topics=group(reserved_items(db, row["id"])),
                message_id=row["message_id"],
                digest_id=row["id"],
            )
        )
    return digests


def write_files(
    db: Database,
    out_dir: Path,
    topics: list[str] | None = None,
    since: str | None = None,
    *,
    weeks: int = 12,
    timezone: str = "Europe/Warsaw",
) -> tuple[Digest, list[Path]]:
    """Write the pending digest as Markdown and HTML (with its chart) and an Atom feed."""
    digest = build_digest(db, FILES_RECIPIENT, topics, since, weeks=weeks, timezone=timezone)
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = digest.created.replace(":", "").replace("-", "")[:15]
    chart = out_dir / f"digest-{stamp}.png"
    chart.write_bytes(chart_png(digest.weekly))
    written = []
    for fmt in ("md", "html"):
        path = out_dir / f"digest-{stamp}.{fmt}"
        path.write_text(render(digest, fmt, chart=chart.name), encoding="utf-8")
        written.append(path)
    feed = out_dir / "alerts.atom"
    feed.write_bytes(atom_feed(db, topics))
    written += [chart, feed]
    digest_id = reserve(db, digest)
    mark_delivered(db, digest_id, status="written", path=str(written[1]))
    return digest, written


def atom_feed(
    db: Database,
    topics: list[str] | None = None,
    limit: int = 200,
    title: str = "clusterwatch alerts",
) -> bytes:
    """The latest alerts as an Atom feed: one entry per article and topic, newest first."""
    from feedgen.feed import FeedGenerator

    generator = FeedGenerator()
    generator.id("urn:clusterwatch:alerts")
    generator.title(title)
    generator.link(href="urn:clusterwatch:alerts", rel="self")
    generator.updated(datetime.now(UTC))
    where = ""
    params: list[Any] = []
    if topics is not None:
        where = f"where m.topic in ({', '.join('?' for _ in topics)})" if topics else "where 0"
        params = list(topics)
    rows = db.execute(
        "select m.topic, a.id, a.url, a.title, a.source, min(m.matched), "
        "(select snippet from matches s where s.article = a.id and s.topic = m.topic order by s.field, s.id limit 1) "
        f"from matches m join articles a on a.id = m.article {where} "
        "group by m.topic, a.id order by min(m.matched) desc, a.id desc limit ?",
        [*params, limit],
    ).fetchall()
    for topic, article_id, url, article_title, source, matched, snippet in reversed(rows):
        entry = generator.add_entry()
        entry.id(f"urn:clusterwatch:alert:{topic}:{article_id}")
        entry.title(f"[{topic}] {article_title}")
        entry.link(href=url)
        entry.author(name=source)
        entry.category(term=topic)
        entry.summary(snippet or "")
        entry.updated(datetime.fromisoformat(matched))
    return generator.atom_str(pretty=True)
