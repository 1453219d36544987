"""A distributed crawl's worker side (see ``queues``): its life in Redis (heartbeat, leases,
waiting for work), its record book read from Redis, and what it sends to the writer.

All of it runs on the reactor, so it talks to Redis through a ``distributed_link.RedisLink``
and sends through the crawler's outbox: while Redis is away the worker fetches what it had
taken, holds what it would send, takes nothing new, and goes on when Redis is back."""

from __future__ import annotations

import json
import logging
import time
from collections import Counter
from collections.abc import Iterable
from typing import Any

from scrapy import signals
from scrapy.exceptions import DontCloseSpider

from clusterwatch.archive.urls import canonical_url
from clusterwatch.config import Config
from clusterwatch.crawl.items import ArticleItem, AttachmentItem
from clusterwatch.crawl.records import COUNTERS, RecordBook, session_for

from .link import CLOSE_WAIT, RedisDown, link_for, outbox_for, redact, settled
from .queues import HEARTBEAT_SECONDS, give_back, keys_for, lease_owner, redis_client, requeue_dead

logger = logging.getLogger(__name__)


class WorkerExtension:
    """A worker's life in Redis: heartbeat, acknowledgements, giving back, waiting for work.

    Acknowledging needs the moment the engine is done with a request, response and items
    included; Scrapy signals no such moment, so the engine's ``_remove_request`` (called
    exactly then, Scrapy 2.13–2.19) is wrapped. Requests still leased when the worker stops
    go back into the queue.
    """

    def __init__(self, crawler: Any):
        self.crawler = crawler
        settings = crawler.settings
        self.link = link_for(settings)
        self.server = self.link.client
        self.outbox = outbox_for(crawler)
        self.keys = keys_for(settings)
        self.idle_exit = settings.getfloat("CLUSTERWATCH_IDLE_EXIT", 0) or None
        self.idle_since: float | None = None
        self.loops: list[Any] = []
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Any) -> WorkerExtension:
        return cls(crawler)

    def spider_opened(self, spider: Any) -> None:
        from twisted.internet import task

        engine = self.crawler.engine
        if not hasattr(engine, "_remove_request") or not hasattr(engine, "_slot"):
            raise RuntimeError("this Scrapy version's engine cannot acknowledge leased requests")
        self.source_keys = self.keys.of(spider.source_name)
        self.worker_id = lease_owner(self.crawler.settings, spider.source_name)
        scheduler = engine._slot.scheduler
        remove = engine._remove_request

        def remove_and_ack(result: Any, request: Any) -> Any:
            try:
                return remove(result, request=request)
            finally:
                lease = request.meta.get("cw_lease")
                # a worker that is stopping may have cut this request short: left leased,
                # it goes back into the queue when the spider closes
                if lease and not engine._slot.closing:
                    scheduler.give_up(lease)

        engine._remove_request = remove_and_ack
        self.beat()
        # after an outage: beat before the others take this worker for dead, then catch up
        self.link.on_back.extend((self.beat, self.outbox.flush))
        for interval, call in (
            (HEARTBEAT_SECONDS / 3, self.beat),
            # each crawler looks after its own source (the writer after all of them): a worker
            # of hundreds of sources makes hundreds of checks, not hundreds squared
            (HEARTBEAT_SECONDS / 2, lambda: self.requeue_dead(spider.source_name)),
            # an idle engine looks at its scheduler every 5 s; work pushed by other workers
            # should not wait that long
            (0.25, lambda: engine._slot and engine._slot.nextcall.schedule()),
            (0.5, self.outbox.flush),  # what waited for Redis goes as soon as it is back
        ):
            loop = task.LoopingCall(call)
            loop.start(interval, now=False)
            self.loops.append(loop)

    def beat(self) -> None:
        self.link.attempt(
            self.server.set, self.keys.worker(self.worker_id), "1", ex=HEARTBEAT_SECONDS
        )

    def requeue_dead(self, source: str) -> None:
        # after an outage, the other workers get a heartbeat's time to beat again
        if settled(self.link.url):
            self.link.attempt(requeue_dead, self.server, self.keys, [source])

    def spider_idle(self, spider: Any) -> None:
        session_for(self.crawler).flush()  # the writer sees all this worker did
        try:
            busy = not self.outbox.flush() or self.link.call(
                self.server.hlen, self.source_keys.leases
            )
        except RedisDown:
            busy = True
        if busy or self.idle_exit is None:
            self.idle_since = None
            raise DontCloseSpider
        now = time.monotonic()
        self.idle_since = self.idle_since or now
        if now - self.idle_since < self.idle_exit:
            raise DontCloseSpider

    async def spider_closed(self, spider: Any, reason: str) -> None:
        for loop in self.loops:
            if loop.running:
                loop.stop()
        for hook in (self.beat, self.outbox.flush):
            if hook in self.link.on_back:
                self.link.on_back.remove(hook)
        # what the record book sends on closing is in the outbox once drain() first yields
        if not await self.outbox.drain(timeout=CLOSE_WAIT):
            logger.warning(
                "Redis at %s is unreachable: %d messages of %s not sent; its requests go back "
                "to the queue once its heartbeat expired",
                redact(self.link.url),
                len(self.outbox),
                spider.name,
            )
            return
        try:
            mine = [
                lease.decode()
                for lease in self.link.call(self.server.hkeys, self.source_keys.leases)
                if lease.decode().rsplit("#", 1)[0] == self.worker_id
            ]
            if mine:
                self.link.call(give_back, self.server, self.source_keys, mine)
                logger.info(
                    "%d unfinished requests of %s back in the queue", len(mine), spider.name
                )
            self.link.call(self.server.delete, self.keys.worker(self.worker_id))
        except RedisDown:
            logger.warning(
                "Redis went away: the requests %s had taken go back to the queue once its "
                "heartbeat expired",
                spider.name,
            )


# -- what workers send to the writer --------------------------------------------------------------


class RemoteSession(RecordBook):
    """A worker's :class:`~clusterwatch.crawl.records.RecordBook`: earlier runs' rows come from
    ``<source>:pages`` in Redis, batches go to the writer."""

    def __init__(self, crawler: Any, config: Config, source: str):
        super().__init__()
        self.crawler = crawler
        self.config = config
        self.source = source
        self.link = link_for(crawler.settings)
        self.server = self.link.client
        self.outbox = outbox_for(crawler)
        self.keys = keys_for(crawler.settings, source)
        self.source_domains = {s.name: list(s.allowed_domains) for s in config.sources}
        try:
            self.last_run_complete = bool(self.link.call(self.server.get, self.keys.complete))
        except RedisDown:
            self.last_run_complete = False  # the safe guess: follow every listing
        self._run: tuple[float, int | None] = (0.0, None)
        crawler.signals.connect(self._spider_closed, signal=signals.spider_closed)

    @property
    def run_id(self) -> int | None:
        """The source's current run, as the last seeding set it (looked up every 2 s)."""
        checked, run = self._run
        if time.monotonic() - checked > 2:
            try:
                value = self.link.call(self.server.get, self.keys.run)
                run = int(value) if value else None
            except (RedisDown, ValueError):
                pass  # the run as last seen
            self._run = (time.monotonic(), run)
        return run

    def _load(self, url: str) -> dict[str, Any] | None:
        # while Redis is away a page counts as unknown: fetched in full, not lost
        try:
            raw = self.link.call(self.server.hget, self.keys.pages, url)
            row = json.loads(raw) if raw else None
        except (RedisDown, ValueError):
            return None
        return row if isinstance(row, dict) else None

    def _article_rows(self, now: str) -> Iterable[dict[str, Any]]:
        # read by the seeding crawl only, before it queues anything: it may wait for Redis
        server = redis_client(self.crawler.settings["CLUSTERWATCH_REDIS_URL"])
        for _, raw in server.hscan_iter(self.keys.pages, count=1000):
            try:
                row = json.loads(raw)
            except ValueError:
                continue
            if isinstance(row, dict) and row.get("kind") == "article":
                yield row

    def flush(self) -> None:
        fetches, self._fetches = self._fetches, []
        pages, self._pages = self._pages, {}
        counters, self.counters = self.counters, Counter()
        if not (fetches or pages or counters):
            return
        message = {
            "type": "records",
            "source": self.source,
            "run": self.run_id,
            "fetches": fetches,
            "pages": list(pages.values()),
            "counts": {k: counters[k] for k in COUNTERS if counters[k]},
        }
        self.outbox.message(
            self.keys, message, {url: json.dumps(row) for url, row in pages.items()}
        )

    def _spider_closed(self, spider: Any, reason: str) -> None:
        if not self.closed:
            self.closed = True
            self.flush()


class PushPipeline:
    """A worker's last pipeline: articles and attachments go to the writer through Redis."""

    def __init__(self, crawler: Any):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> PushPipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        session = session_for(self.crawler)
        assert isinstance(session, RemoteSession)
        if isinstance(item, ArticleItem):
            row, validators = session.take(canonical_url(item.fetched_url))
            message = {
                "type": "article",
                "source": item.source,
                "run": session.run_id,
                "item": item,
                "page": row,
                "validators": validators,
            }
            session.outbox.message(session.keys, message)
            self.crawler.stats.inc_value("clusterwatch/pushed")
        elif isinstance(item, AttachmentItem):
            message = {"type": "attachment", "source": session.source, "item": item}
            session.outbox.message(session.keys, message)
        return item
