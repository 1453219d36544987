"""Digests: what is new for a recipient, grouped by topic and story, rendered and recorded.

An item is one (article revision, topic) pair. Each recipient gets each item in exactly one
digest, through an outbox: a digest is first *reserved* (a ``digests`` row in state
``sending`` with its items in ``digest_items``, whose unique index on recipient, revision and
topic keeps an item out of any other digest), then sent, then marked ``sent``. A failed send
*releases* the reservation (state ``failed``, items freed for the next digest). Only a process
killed between the server's acceptance and our commit leaves a ``sending`` digest behind; the
next run sends that same digest again with the same Message-ID, so nothing is lost and a mail
client can tell the copy.

Digests written to files use the recipient ``files`` and the same outbox: the files are rendered
under temporary names (a hidden ``.digest-*`` directory in the output directory, so on the same
file system), the digest is reserved, the files are renamed into place, and the digest is marked
``written``. Any failure until then removes the files and releases the reservation: nothing of
the digest remains and its items stay for the next one. A process killed after the reservation
leaves the digest in ``sending``; the next run renders it again under its own names.

Markdown is rendered with every scraped field escaped (:func:`markdown_text`) and only http(s)
addresses linked (:func:`markdown_link`): a renderer shows the text as it was, never as markup.

Day boundaries (``--since``) and weeks (the chart) are in the digest's time zone
(``[digest] timezone``, Europe/Warsaw by default).
"""

from __future__ import annotations

import io
import logging
import os
import re
import shutil
import sqlite3
import tempfile
import time as clock
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from email.utils import make_msgid
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape
from sqlite_utils import Database
from w3lib.url import safe_url_string

from clusterwatch.archive.store import utcnow

logger = logging.getLogger(__name__)

FILES_RECIPIENT = "files"
STAGING_PREFIX = ".digest-"
STALE_STAGING_SECONDS = 3600  # a staging directory this old was left by a killed process


class DigestNotWritten(Exception):
    """A file digest could not be rendered, recorded or put in place: none of its files remain
    and its items stay for the next digest."""


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

    @property
    def snippet_markdown(self) -> str:
        s, start, end = self.snippet, self.hit_start, self.hit_end
        return (
            f"{markdown_text(s[:start])}**{markdown_text(s[start:end])}**{markdown_text(s[end:])}"
        )


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


# CommonMark 0.31, 2.4: any ASCII punctuation character may be backslash-escaped, and then
# stands for itself (no emphasis, link, HTML tag, entity, list marker or heading)
_MARKDOWN_PUNCTUATION = re.compile(r"""([!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])""")
_WHITESPACE = re.compile(r"\s+")


def markdown_text(value: object) -> str:
    """``value`` as Markdown that renders as exactly this text, on one line.

    Every ASCII punctuation character is backslash-escaped and every run of whitespace (line
    breaks too, which could end a list item or start a block) becomes one space.
    """
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", _WHITESPACE.sub(" ", str(value)))


def markdown_link(text: object, url: str | None) -> str:
    """``text`` linked to ``url`` when that is an http(s) address, else both as plain text.

    The destination is percent-encoded (spaces, quotes, ``<>``, non-ASCII) and written in the
    ``<…>`` form, in which parentheses need no escaping.
    """
    label = markdown_text(str(text).strip())
    try:
        href = safe_url_string((url or "").strip())
        parts = urlsplit(href)
        linkable = parts.scheme in ("http", "https") and bool(parts.netloc)
    except ValueError:  # a port out of range, a broken IPv6 host
        linkable = False
    if linkable and not any(c in href for c in "<>\\\r\n"):
        return f"[{label}](<{href}>)"
    return f"{label} ({markdown_text(url)})" if url else label


_env = Environment(
    loader=PackageLoader("clusterwatch.digest", "templates"),
    autoescape=select_autoescape(["html", "xml"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters["md"] = markdown_text
_env.filters["md_link"] = markdown_link


def render(
    digest: Digest, fmt: str, title: str = "clusterwatch digest", chart: str | None = None
) -> str:
    """``fmt``: html, md or txt. ``chart``: the image's address (``cid:…`` in mail, a file name)."""
    template = _env.get_template(
        {"html": "digest.html", "md": "digest.md", "txt": "digest.txt"}[fmt]
    )
    return template.render(digest=digest, title=title, chart=chart)


# -- the outbox ------------------------------------------------------------------------------


class DigestRaced(Exception):
    """Another digest for the same recipient claimed some of these items first (two processes
    built the same digest at once): build it again, without them."""


# builds of one digest when other processes keep claiming its items (each build is fresh)
RACE_ATTEMPTS = 3


def reserve(db: Database, digest: Digest, *, domain: str = "clusterwatch.local") -> int:
    """Record ``digest`` as being sent and claim its items; returns the digest id. Raises
    :class:`DigestRaced` (and records nothing) when another digest claimed an item first."""
    digest.message_id = digest.message_id or make_msgid(domain=domain)
    try:
        digest_id = _reserve(db, digest)
    except sqlite3.IntegrityError as exc:
        # digest_items holds each (recipient, revision, topic) once: another digest has it
        if "UNIQUE constraint failed: digest_items" in str(exc):
            raise DigestRaced(str(exc)) from exc
        raise
    digest.digest_id = digest_id  # only once committed: a rolled-back digest has no id
    return digest_id


def _reserve(db: Database, digest: Digest) -> int:
    with db.atomic():
        digest_id = (
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
            {"digest": digest_id, "recipient": digest.recipient, **item} for item in digest.items
        )
    return digest_id


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
    """Write the pending digest as Markdown and HTML (with its chart) and an Atom feed.

    Returns the digest and its files (Markdown, HTML, chart, feed), followed by the files of any
    digest a killed run left unfinished (written before it). The files appear only once the
    digest is recorded; on failure :class:`DigestNotWritten` is raised and none of them remain.
    """
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _not_written(exc) from exc
    _remove_stale_staging(out_dir)
    pending = unfinished(db, FILES_RECIPIENT)
    fresh = build_digest(db, FILES_RECIPIENT, topics, since, weeks=weeks, timezone=timezone)
    recovered: list[Path] = []
    for digest in pending:
        logger.info("digest %s was reserved but never written: writing it now", digest.digest_id)
        digest.weekly = fresh.weekly
        recovered += _publish(db, digest, out_dir)
    for attempt in range(RACE_ATTEMPTS):
        try:
            written = _publish(db, fresh, out_dir, feed=lambda: atom_feed(db, topics))
            break
        except DigestRaced:
            if attempt == RACE_ATTEMPTS - 1:
                raise
            # another process's digest took some items meanwhile: this one goes without them
            fresh = build_digest(db, FILES_RECIPIENT, topics, since, weeks=weeks, timezone=timezone)
    return fresh, written + recovered


def _publish(
    db: Database, digest: Digest, out_dir: Path, feed: Callable[[], bytes] | None = None
) -> list[Path]:
    """Render into a staging directory, reserve (unless already reserved), rename, mark."""
    stamp = digest.created.replace(":", "").replace("-", "")[:15]
    chart, markdown, html = (f"digest-{stamp}.{ext}" for ext in ("png", "md", "html"))
    try:
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out_dir))
    except OSError as exc:
        raise _not_written(exc) from exc
    placed: list[Path] = []
    reserved_here = digest.digest_id is None
    try:
        (staging / chart).write_bytes(chart_png(digest.weekly))
        (staging / markdown).write_text(render(digest, "md", chart=chart), encoding="utf-8")
        (staging / html).write_text(render(digest, "html", chart=chart), encoding="utf-8")
        names = [markdown, html, chart]
        if feed is not None:
            (staging / "alerts.atom").write_bytes(feed())
            names.append("alerts.atom")  # last: a failure before it keeps the previous feed
        if reserved_here:
            reserve(db, digest)  # the commit: from here on the items are this digest's
        for name in names:
            os.replace(staging / name, out_dir / name)
            placed.append(out_dir / name)
        mark_delivered(db, digest.digest_id, status="written", path=str(out_dir / html))
    except BaseException as exc:
        _undo(db, digest, placed, exc)
        if isinstance(exc, (OSError, sqlite3.Error)) and not isinstance(exc, DigestRaced):
            raise _not_written(exc) from exc
        raise  # a bug, or Ctrl-C: undone all the same
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return placed


def _not_written(exc: BaseException) -> DigestNotWritten:
    return DigestNotWritten(
        f"the digest was not written, its items stay for the next one: {type(exc).__name__}: {exc}"
    )


def _undo(db: Database, digest: Digest, placed: list[Path], exc: BaseException) -> None:
    for path in placed:
        path.unlink(missing_ok=True)
    if digest.digest_id is None:  # the reservation rolled back, or was never made
        return
    try:
        release(db, digest.digest_id, f"{type(exc).__name__}: {exc}")
    except sqlite3.Error:
        # still "sending": the next run renders it again, so its items are not lost either
        logger.warning("digest %s could not be released", digest.digest_id, exc_info=True)


def _remove_stale_staging(out_dir: Path) -> None:
    # what a process killed while rendering left behind; a younger one may be another run's
    cutoff = clock.time() - STALE_STAGING_SECONDS
    for staging in out_dir.glob(f"{STAGING_PREFIX}*"):
        try:
            if staging.is_dir() and staging.stat().st_mtime < cutoff:
                shutil.rmtree(staging, ignore_errors=True)
        except OSError:
            continue


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
