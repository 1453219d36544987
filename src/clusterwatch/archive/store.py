"""The archive: opening it, and idempotent ``save_*`` functions over sqlite-utils.

Every write is a short transaction so that Datasette and a digest can read while a crawl writes
(WAL mode, a busy timeout); a crawl stores several articles to a transaction, for half a second
at most (:class:`WriteBatch`). Network code never lives here: callers hand in plain records.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from .migrations import migrate, migrations

logger = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 30_000


# fetch outcomes of our own rules, not failures of the site (not counted as a run's errors)
POLICY_OUTCOMES = ("robots", "offsite", "private-address", "scheme", "page-limit", "not-html")


def utcnow() -> str:
    """Timestamps are stored as ISO 8601 UTC with seconds: sortable and readable in Datasette."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class ArchiveError(Exception):
    """The file given as the archive cannot be one: not SQLite, damaged, or another program's
    database. Raised before anything is written to it."""


# what SQLite says of a file that no amount of waiting makes an archive
_NOT_AN_ARCHIVE = {
    "SQLITE_NOTADB": "not an SQLite database",
    "SQLITE_CORRUPT": "the database file is damaged",
    "SQLITE_CANTOPEN": "cannot open it",
}


class Archive(Database):
    """sqlite-utils' database whose write transactions take the write lock up front.

    sqlite-utils' ``atomic()`` opens a deferred transaction (``BEGIN``): its first read takes a
    snapshot, and when it then writes while another connection (a crawl) has committed since,
    SQLite answers "database is locked" (SQLITE_BUSY_SNAPSHOT) at once — the busy timeout does
    not apply, since waiting cannot make the snapshot current. ``BEGIN IMMEDIATE`` waits (up to
    the busy timeout) for the write lock first, then reads what is current. Readers are not
    affected: in WAL mode they never wait for a writer.
    """

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Archive]:
        if self.conn.in_transaction:  # nested: sqlite-utils' savepoint
            with super().atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.conn.rollback()
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.rollback()
                raise


def open_db(path: str | Path, *, migrate_schema: bool = True) -> Database:
    """Open (creating if needed) the archive at ``path``, in WAL mode, migrated.

    A file that is not an archive (:class:`ArchiveError`) is left as it was.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    # the transactions Python opens itself (before a statement that writes) take the lock up
    # front too (see Archive)
    conn.isolation_level = "IMMEDIATE"
    db = Archive(conn)
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        if migrate_schema:
            _check_is_archive(db, path)
        if db.journal_mode != "wal":
            db.enable_wal()
        db.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as exc:
        why = _NOT_AN_ARCHIVE.get(getattr(exc, "sqlite_errorname", ""))
        if why is None:
            raise  # "database is locked" and the like: not the file's fault
        conn.close()
        raise ArchiveError(f"{path} is not a clusterwatch archive: {why}") from None
    except ArchiveError:
        conn.close()
        raise
    if migrate_schema:
        migrate(db)
    return db


def _check_is_archive(db: Database, path: Path) -> None:
    """An empty database becomes an archive; one holding other tables is another program's."""
    tables = set(db.table_names())
    if not tables or "articles" in tables or migrations.applied(db):  # applied: read-only
        return
    shown = ", ".join(sorted(tables)[:5]) + (", …" if len(tables) > 5 else "")
    raise ArchiveError(
        f"{path} is not a clusterwatch archive: it is another database (tables: {shown})"
    )


class WriteBatch:
    """Articles stored by a crawl, several to a write transaction.

    Each transaction has a cost of its own (the WAL commit, a new segment for the full-text
    index): one per article was a quarter of the crawl process's time. A batch stays open for at
    most ``max_seconds`` (a timer of the reactor commits it) or ``max_items`` articles, so other
    writers (a digest) wait no longer than that. What a batch holds is lost together if the crawl
    dies before the commit: the articles *and* the records of their pages (written on the same
    connection), so that the next crawl fetches those pages in full.
    """

    def __init__(
        self,
        db: Database,
        max_items: int = 100,
        max_seconds: float = 0.5,
        call_later: Callable[[float, Callable[[], None]], Any] | None = None,
    ):
        self.db = db
        self.max_items = max_items
        self.max_seconds = max_seconds
        self.items = 0
        self.opened = 0.0
        self._call_later = call_later  # default: the Twisted reactor's, where the crawl runs
        self._timer: Any = None

    def begin(self) -> None:
        """Before storing an article: open a transaction unless one is open."""
        if self.db.conn.in_transaction:
            return
        self._stop_timer()  # of a batch that something else committed
        self.db.conn.execute("BEGIN IMMEDIATE")
        self.items, self.opened = 0, time.monotonic()
        if self._call_later is None:
            from twisted.internet import reactor

            self._call_later = reactor.callLater
        self._timer = self._call_later(self.max_seconds, self.commit)

    def stored(self) -> None:
        """After storing an article: commit when the batch is full or old enough."""
        self.items += 1
        if self.items >= self.max_items or time.monotonic() - self.opened >= self.max_seconds:
            self.commit()

    def commit(self) -> None:
        self._stop_timer()
        if self.db.conn.in_transaction:
            self.db.conn.execute("COMMIT")

    def _stop_timer(self) -> None:
        if self._timer is not None and self._timer.active():
            self._timer.cancel()
        self._timer = None


_writers: dict[Path, tuple[Database, WriteBatch]] = {}


def crawl_writer(path: str | Path) -> tuple[Database, WriteBatch]:
    """The one connection (and its write batch) through which this process's crawls write the
    archive at ``path``. One, not one per source: with a batch open on one connection, a write
    on another would wait for a lock that the same thread holds."""
    key = Path(path).resolve()
    if key not in _writers:
        db = open_db(key)
        _writers[key] = (db, WriteBatch(db))
    return _writers[key]


def save_sources(db: Database, sources: Iterable[Any]) -> None:
    """Record the configured sources (a source is never deleted: its articles stay)."""
    now = utcnow()
    with db.atomic():
        for source in sources:
            existing = db["sources"].count_where("name = ?", [source.name])
            row = {
                "name": source.name,
                "spider": source.spider,
                "start_urls": json.dumps(list(source.start_urls)),
                "allowed_domains": json.dumps(list(source.allowed_domains)),
                "schedule": source.schedule,
                "last_configured": now,
            }
            if not existing:
                row["first_configured"] = now
            db["sources"].upsert(row, pk="name")


def start_run(db: Database, source: str) -> int:
    with db.atomic():
        return (
            db["crawl_runs"]
            .insert({"source": source, "started": utcnow(), "status": "running"})
            .last_pk
        )


def last_run_complete(db: Database, source: str, before: int | None = None) -> bool:
    """Whether the last run of ``source`` (before run ``before``) went through every listing.

    Only then may a crawl stop paginating at a listing page with nothing new: after a run that
    was interrupted, new articles may lie past the first listing page that shows none, listed
    below the ones that run stored before it stopped.
    """
    row = db.execute(
        "select complete from crawl_runs where source = ? and id != ? "
        "order by started desc, id desc limit 1",
        [source, before if before is not None else -1],
    ).fetchone()
    return bool(row and row[0])


def finish_run(
    db: Database, run_id: int, *, status: str, reason: str | None, stats: dict[str, Any] | None
) -> None:
    with db.atomic():
        db["crawl_runs"].update(
            run_id,
            {
                "finished": utcnow(),
                "status": status,
                "finish_reason": reason,
                "stats": json.dumps(stats or {}, default=str, sort_keys=True),
            },
        )


def close_run(db: Any, run_id: int, source: str, reason: str, stats: dict[str, Any]) -> None:
    """Finish run ``run_id``: its page and error counts from its fetches, status from ``reason``."""
    status = (
        "finished"
        if reason in ("finished", "closespider_pagecount", "closespider_itemcount")
        else ("interrupted" if reason == "shutdown" else "failed")
    )
    # the article counters are complete here (a crawl flushed them just before, a distributed
    # writer commits them with the articles); a run killed before this point is recounted from
    # its revisions when the next run of its source starts (mark_stale_runs)
    counts = run_fetch_counts(db, run_id)
    # a finished run went through every listing (or stopped where all was known already),
    # unless the page limit left some of them unfetched
    complete = reason == "finished" and not stats.get("clusterwatch/page_limit")
    db["crawl_runs"].update(run_id, {**counts, "complete": int(complete)})
    finish_run(db, run_id, status=status, reason=reason, stats=stats)
    logger.info("crawl run %s of %s: %s (%s)", run_id, source, status, reason)


def count_run(db: Database, run_id: int, **increments: int) -> None:
    """Add to a run's counters (pages, new_articles, updated_articles, errors)."""
    assignments = ", ".join(f"{name} = coalesce({name}, 0) + ?" for name in increments)
    with db.atomic():
        db.execute(
            f"update crawl_runs set {assignments} where id = ?", [*increments.values(), run_id]
        )


def save_fetches(db: Database, fetches: list[dict[str, Any]]) -> None:
    if fetches:
        with db.atomic():
            db["fetches"].insert_all(fetches)


def mark_stale_runs(db: Database, source: str) -> int:
    """Runs of ``source`` left 'running' by a killed process become 'interrupted', their counts
    taken again from what the archive holds of them (:func:`recount_run`).

    Called when a new run of ``source`` starts, under the source's lock: no process of ours
    writes those runs any more.
    """
    with db.atomic():
        stale = [
            run_id
            for (run_id,) in db.execute(
                "select id from crawl_runs where source = ? and status = 'running'", [source]
            ).fetchall()
        ]
        db.execute(
            "update crawl_runs set status = 'interrupted', finished = coalesce(finished, ?) "
            "where source = ? and status = 'running'",
            [utcnow(), source],
        )
        for run_id in stale:
            recount_run(db, run_id)
    if stale:
        logger.info("runs %s of %s were left unfinished: marked interrupted", stale, source)
    return len(stale)


def recount_run(db: Database, run_id: int) -> dict[str, int]:
    """Set the counts of run ``run_id`` to what the archive holds of it; returns them.

    A crawl's counters reach the archive every ``FETCH_BATCH`` fetches, in other transactions
    than the articles they count: a run killed in between said 34 new articles where it had
    stored 72. The archive's own records cannot drift: new and updated articles are the
    revisions the run stored (number 1, and later numbers), pages and errors its fetches. The
    other counters (links, not stored…) are flushed with the fetches and agree with them.

    Meant for a run left unfinished, not for each run's end, whose counters are complete.
    """
    counts = {**run_article_counts(db, run_id), **run_fetch_counts(db, run_id)}
    with db.atomic():  # in the caller's transaction, if there is one
        db.execute(
            "update crawl_runs set new_articles = ?, updated_articles = ?, pages = ?, errors = ? "
            "where id = ?",
            [
                counts["new_articles"],
                counts["updated_articles"],
                counts["pages"],
                counts["errors"],
                run_id,
            ],
        )
    return counts


def run_article_counts(db: Database, run_id: int) -> dict[str, int]:
    """The articles run ``run_id`` stored: first revisions (new) and later ones (updated)."""
    new, updated = db.execute(
        "select count(*) filter (where number = 1), count(*) filter (where number > 1) "
        "from revisions where crawl_run = ?",
        [run_id],
    ).fetchone()
    return {"new_articles": new, "updated_articles": updated}


def run_fetch_counts(db: Database, run_id: int) -> dict[str, int]:
    """The pages run ``run_id`` fetched (those answered) and its errors: an HTTP error but for
    a probe's, or a failure that is not an outcome of our own rules (robots.txt, offsite…)."""

    pages, errors = db.execute(
        "select count(status), count(*) filter (where (status >= 400 and coalesce(kind, '') != 'probe') "
        f"or (error is not null and error not in ({', '.join('?' * len(POLICY_OUTCOMES))}))) "
        "from fetches where crawl_run = ?",
        [*POLICY_OUTCOMES, run_id],
    ).fetchone()
    return {"pages": pages, "errors": errors}


def source_summaries(db: Database) -> list[dict[str, Any]]:
    """Per source: its last run and article count (for ``clusterwatch sources``)."""
    return list(db.query("select * from source_health order by source"))


def load_shapes(db: Database, source: str, cap: int = 50) -> list[dict[str, Any]]:
    """What earlier crawls learned of ``source``'s URL shapes (see :mod:`clusterwatch.crawl.shapes`). Counts are
    scaled down to ``cap`` pages a shape, so that a site that changes is relearned in a few runs
    rather than outvoted by its past."""
    if not db["site_shapes"].exists():
        return []
    rows = []
    for row in db.query("select * from site_shapes where source = ?", [source]):
        total = row["articles"] + row["listings"] + row["others"]
        if total > cap:
            for key in ("articles", "listings", "others"):
                row[key] = round(row[key] * cap / total)
        rows.append(row)
    return rows


def save_attachment(db: Any, item: Any, text: str | None, error: str | None) -> None:
    """A fetched attachment (a crawl's ``AttachmentItem``) and its text or extraction error."""
    row = db.execute("select id from articles where url = ?", [item.article_url]).fetchone()
    with db.atomic():
        db["attachments"].insert(
            {
                "article": row[0] if row else None,
                "article_url": item.article_url,
                "url": item.url,
                "title": item.title,
                "content_type": item.content_type,
                "bytes": len(item.body),
                "text": text,
                "error": error,
                "fetched": utcnow(),
            },
            replace=True,  # the unique (article_url, url) index: a re-fetch replaces the row
        )
