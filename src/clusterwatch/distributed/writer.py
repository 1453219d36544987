"""A distributed crawl's archive side (see ``queues``): the one writer, and the seeding of
runs."""

from __future__ import annotations

import json
import logging
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from clusterwatch.archive import store
from clusterwatch.config import Config
from clusterwatch.crawl.records import with_outcome, with_validators

from .codec import Refused, decode_message, one_line
from .link import settled
from .queues import (
    RUN_SETTLE_SECONDS,
    WRITER_BATCH,
    WRITER_LOCK_SECONDS,
    Keys,
    redact,
    redis_client,
    requeue_dead,
    worker_identity,
)

logger = logging.getLogger(__name__)

# -- the writer -----------------------------------------------------------------------------------


class WriterBusy(Exception):
    """Another writer holds the lock: there is one writer per archive and Redis."""


class Writer:
    """Stores what the workers send, in batches, exactly once; finishes runs that ran dry."""

    def __init__(self, config: Config, url: str, *, idle_exit: float | None = None):
        from clusterwatch.alerts.topics import TopicMatcher
        from clusterwatch.archive.ingest import ingest_article

        self.config = config
        self.url = url
        self.server = redis_client(url)
        self.keys = Keys(config.crawl.redis_prefix)
        self.idle_exit = idle_exit
        self.identity = worker_identity()
        self.db = store.open_db(config.db_path)
        store.save_sources(self.db, config.sources)
        self._ingest = ingest_article
        self._matcher: Any = None
        self._matcher_factory = lambda: TopicMatcher.from_config(
            {name: spec.model_dump() for name, spec in config.topics.items()}
        )
        self.source_domains = {s.name: list(s.allowed_domains) for s in config.sources}
        self.stored = Counter[str]()
        self._dry: dict[str, float] = {}

    def lock(self, wait: bool = False) -> None:
        """Take or keep the writer's lock. A lock left by a writer that died expires within
        ``WRITER_LOCK_SECONDS``: with ``wait``, wait that long for it before giving up."""
        deadline = time.monotonic() + (WRITER_LOCK_SECONDS + 1 if wait else 0)
        while True:
            self.server.set(self.keys.writer, self.identity, nx=True, ex=WRITER_LOCK_SECONDS)
            holder = (self.server.get(self.keys.writer) or b"").decode()
            if holder == self.identity:
                self.server.expire(self.keys.writer, WRITER_LOCK_SECONDS)
                return
            if time.monotonic() >= deadline:
                raise WriterBusy(f"another writer ({holder}) is storing from {redact(self.url)}")
            if wait:
                logger.warning("another writer (%s) holds the lock: waiting for it", holder)
                wait = False  # say it once
            time.sleep(0.5)

    def unlock(self) -> None:
        if (self.server.get(self.keys.writer) or b"").decode() == self.identity:
            self.server.delete(self.keys.writer)

    def run(self, on_batch: Callable[[Counter[str]], None] | None = None) -> Counter[str]:
        self.lock(wait=True)
        try:
            # a batch left by a writer that died is stored first (its ids make this idempotent)
            left = self.server.lrange(self.keys.writing, 0, -1)
            if left:
                logger.warning("storing %d items left by a stopped writer", len(left))
                self.store_batch(list(reversed(left)))
            last_work = time.monotonic()
            last_check = 0.0
            while True:
                batch = self.take_batch()
                if batch:
                    self.store_batch(batch)
                    last_work = time.monotonic()
                    if on_batch:
                        on_batch(self.stored)
                if time.monotonic() - last_check > 1.0:
                    last_check = time.monotonic()
                    self.lock()
                    if settled(self.url):  # after an outage, workers get time to beat again
                        requeue_dead(self.server, self.keys)
                    open_runs = self.finish_dry_runs()
                    if (
                        self.idle_exit is not None
                        and not batch
                        and not open_runs
                        and time.monotonic() - last_work >= self.idle_exit
                    ):
                        return self.stored
        finally:
            self.unlock()

    def take_batch(self) -> list[bytes]:
        """Up to ``WRITER_BATCH`` items moved to ``items:writing``, oldest first.

        The batch is what that list holds, not what the moves answered: a move sent again after
        a lost reply has moved one item more, which must be stored too.
        """
        if self.server.blmove(self.keys.items, self.keys.writing, 1.0, "RIGHT", "LEFT") is None:
            return []
        for _ in range(WRITER_BATCH - 1):
            if self.server.lmove(self.keys.items, self.keys.writing, "RIGHT", "LEFT") is None:
                break
        return list(reversed(self.server.lrange(self.keys.writing, 0, -1)))

    def store_batch(self, batch: list[bytes]) -> None:
        pages: dict[str, dict[str, str]] = {}
        failed: list[bytes] = []
        with self.db.atomic():
            for raw in batch:
                try:
                    with self.db.atomic():  # a savepoint: an item that fails leaves no trace
                        self.store_one(raw, pages)
                except Refused as exc:
                    # not what a worker sends (never unpickled, never run): kept for a look
                    logger.error(
                        "refused an item that is no clusterwatch message (kept in %s): %s",
                        self.keys.failed,
                        one_line(exc),
                    )
                    failed.append(raw)
                    self.stored["refused"] += 1
                except Exception as exc:
                    # kept aside, not lost, and not in the way of the items after it
                    logger.error(
                        "an item could not be stored (kept in %s): %s",
                        self.keys.failed,
                        one_line(exc),
                    )
                    failed.append(raw)
                    self.stored["failed"] += 1
        # committed: the batch is safe in the archive
        pipe = self.server.pipeline(transaction=True)
        for source, rows in pages.items():
            pipe.hset(self.keys.of(source).pages, mapping=rows)
        if failed:
            pipe.lpush(self.keys.failed, *failed)
        pipe.delete(self.keys.writing)
        pipe.execute()

    def store_one(self, raw: bytes, pages: dict[str, dict[str, str]]) -> None:
        message = decode_message(raw)
        if self.db.execute("select 1 from received_items where id = ?", [message["id"]]).fetchone():
            self.stored["duplicates"] += 1
            return
        self.apply(message, pages)
        self.db["received_items"].insert(
            {"id": message["id"], "type": message["type"], "received": store.utcnow()}
        )

    def apply(self, message: dict[str, Any], pages: dict[str, dict[str, str]]) -> None:
        kind = message["type"]
        run = message.get("run")
        if kind == "records":
            if message["fetches"]:
                self.db["fetches"].insert_all(message["fetches"])
            if message["pages"]:
                self.db["pages"].upsert_all(message["pages"], pk="url")
            if message["counts"] and run:
                store.count_run(self.db, run, **message["counts"])
        elif kind == "article":
            item = message["item"]
            if item.prepared is None and self._matcher is None:
                self._matcher = self._matcher_factory()
            result = self._ingest(
                self.db,
                item.extracted,
                url=item.url,
                source=item.source,
                matcher=self._matcher if item.prepared is None else None,
                crawl_run=run,
                fetched_url=item.fetched_url,
                source_domains=self.source_domains,
                prepared=item.prepared,
            )
            self.stored[result.status] += 1
            if result.status in ("new", "updated") and run:
                store.count_run(self.db, run, **{f"{result.status}_articles": 1})
            row = message["page"]
            if row is not None:
                if message["validators"] is not None:
                    with_validators(row, message["validators"])
                with_outcome(row, result.status, item.extracted.published)
                self.db["pages"].upsert(row, pk="url")
                pages.setdefault(message["source"], {})[row["url"]] = json.dumps(row)
        elif kind == "attachment":
            from clusterwatch.extract.article import extract_pdf_text

            item = message["item"]
            text, error = (
                extract_pdf_text(item.body) if b"%PDF" in item.body[:1024] else (None, "not a PDF")
            )
            store.save_attachment(self.db, item, text, error)
            self.stored["attachments"] += 1

    def finish_dry_runs(self) -> int:
        """Finish the runs whose queue, leases and items stayed empty; returns how many remain."""
        remaining = 0
        pending_items = self.server.llen(self.keys.items)
        for source in sorted(s.decode() for s in self.server.smembers(self.keys.sources)):
            keys = self.keys.of(source)
            value = self.server.get(keys.run)
            if not value:
                continue
            run = self.db["crawl_runs"].get(int(value)) if value else None
            if run is None or run["status"] != "running":
                continue
            busy = (
                pending_items or self.server.zcard(keys.requests) or self.server.hlen(keys.leases)
            )
            if busy:
                self._dry.pop(source, None)
                remaining += 1
                continue
            since = self._dry.setdefault(source, time.monotonic())
            if time.monotonic() - since < RUN_SETTLE_SECONDS:
                remaining += 1
                continue
            store.close_run(self.db, run["id"], source, "finished", {"distributed": True})
            self.server.set(keys.complete, "1")
            self._dry.pop(source, None)
        return remaining


# -- seeding ----------------------------------------------------------------------------------------


def open_runs(config: Config, sources: list[Any], url: str) -> dict[str, tuple[int, bool]]:
    """A run per source in the archive, and Redis ready for it: returns {source: (run, new)}.

    A source whose last run still has queued or leased requests keeps that run (its start pages
    are queued again); otherwise a new run starts with an empty duplicate filter, and the
    archive's ``pages`` rows of the source are copied to Redis for the workers.
    """
    server = redis_client(url)
    db = store.open_db(config.db_path)
    store.save_sources(db, config.sources)
    keys = Keys(config.crawl.redis_prefix)
    runs = {}
    for source in sources:
        source_keys = keys.of(source.name)
        value = server.get(source_keys.run)
        current = db["crawl_runs"].get(int(value)) if value else None
        busy = server.zcard(source_keys.requests) or server.hlen(source_keys.leases)
        if current is not None and current["status"] == "running" and busy:
            runs[source.name] = (current["id"], False)
            continue
        if current is not None and current["status"] == "running":
            store.close_run(db, current["id"], source.name, "finished", {"distributed": True})
        run_id = store.start_run(db, source.name)
        complete = store.last_run_complete(db, source.name, before=run_id)
        server.delete(source_keys.seen, source_keys.pages)
        cursor = db.execute("select * from pages where source = ?", [source.name])
        columns = [c[0] for c in cursor.description]
        while rows := cursor.fetchmany(1000):
            server.hset(
                source_keys.pages,
                mapping={row[0]: json.dumps(dict(zip(columns, row, strict=True))) for row in rows},
            )
        pipe = server.pipeline(transaction=True)
        pipe.set(source_keys.run, run_id)
        if complete:
            pipe.set(source_keys.complete, "1")
        else:
            pipe.delete(source_keys.complete)
        pipe.sadd(keys.sources, source.name)
        pipe.execute()
        runs[source.name] = (run_id, True)
    return runs
