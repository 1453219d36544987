"""A distributed crawl's worker side (see ``distributed``): its life in Redis (heartbeat, leases,
waiting for work), its record book read from Redis, and what it sends to the writer."""

from __future__ import annotations

import json
import logging
import pickle
import time
import uuid
from collections import Counter
from collections.abc import Iterable
from typing import Any

import redis
from scrapy import signals
from scrapy.exceptions import DontCloseSpider

from .config import Config
from .distributed import (
    HEARTBEAT_SECONDS,
    Keys,
    give_back,
    keys_for,
    lease_owner,
    redis_client,
    requeue_dead,
)
from .items import ArticleItem, AttachmentItem
from .session import COUNTERS, RecordBook
from .urls import canonical_url

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
        self.server = redis_client(settings["CLUSTERWATCH_REDIS_URL"])
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
                    scheduler.queue.ack(lease)

        engine._remove_request = remove_and_ack
        self.beat()
        for interval, call in (
            (HEARTBEAT_SECONDS / 3, self.beat),
            # each crawler looks after its own source (the writer after all of them): a worker
            # of hundreds of sources makes hundreds of checks, not hundreds squared
            (
                HEARTBEAT_SECONDS / 2,
                lambda: requeue_dead(self.server, self.keys, [spider.source_name]),
            ),
            # an idle engine looks at its scheduler every 5 s; work pushed by other workers
            # should not wait that long
            (0.25, lambda: engine._slot and engine._slot.nextcall.schedule()),
        ):
            loop = task.LoopingCall(call)
            loop.start(interval, now=False)
            self.loops.append(loop)

    def beat(self) -> None:
        self.server.set(self.keys.worker(self.worker_id), "1", ex=HEARTBEAT_SECONDS)

    def spider_idle(self, spider: Any) -> None:
        from .session import CrawlSession

        CrawlSession.for_crawler(self.crawler).flush()  # the writer sees all this worker did
        leased = self.server.hlen(self.source_keys.leases)
        if leased or self.idle_exit is None:
            self.idle_since = None
            raise DontCloseSpider
        now = time.monotonic()
        self.idle_since = self.idle_since or now
        if now - self.idle_since < self.idle_exit:
            raise DontCloseSpider

    def spider_closed(self, spider: Any, reason: str) -> None:
        for loop in self.loops:
            if loop.running:
                loop.stop()
        mine = [
            lease.decode()
            for lease in self.server.hkeys(self.source_keys.leases)
            if lease.decode().rsplit("#", 1)[0] == self.worker_id
        ]
        if mine:
            give_back(self.server, self.source_keys, mine)
            logger.info("%d unfinished requests of %s back in the queue", len(mine), spider.name)
        self.server.delete(self.keys.worker(self.worker_id))


# -- what workers send to the writer --------------------------------------------------------------


def push(server: redis.Redis, keys: Keys, message: dict[str, Any], pages: Any = None) -> None:
    message["id"] = uuid.uuid4().hex
    pipe = server.pipeline(transaction=True)
    if pages:
        pipe.hset(keys.pages, mapping=pages)
    pipe.lpush(keys.items, pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))
    pipe.execute()


class RemoteSession(RecordBook):
    """A worker's :class:`~clusterwatch.session.RecordBook`: earlier runs' rows come from
    ``<source>:pages`` in Redis, batches go to the writer."""

    def __init__(self, crawler: Any, config: Config, source: str):
        super().__init__()
        self.crawler = crawler
        self.config = config
        self.source = source
        self.server = redis_client(crawler.settings["CLUSTERWATCH_REDIS_URL"])
        self.keys = keys_for(crawler.settings, source)
        self.source_domains = {s.name: list(s.allowed_domains) for s in config.sources}
        self.last_run_complete = bool(self.server.get(self.keys.complete))
        self._run: tuple[float, int | None] = (0.0, None)
        crawler.signals.connect(self._spider_closed, signal=signals.spider_closed)

    @property
    def run_id(self) -> int | None:
        """The source's current run, as the last seeding set it (looked up every 2 s)."""
        checked, run = self._run
        if time.monotonic() - checked > 2:
            value = self.server.get(self.keys.run)
            run = int(value) if value else None
            self._run = (time.monotonic(), run)
        return run

    def _load(self, url: str) -> dict[str, Any] | None:
        raw = self.server.hget(self.keys.pages, url)
        return json.loads(raw) if raw else None

    def _article_rows(self, now: str) -> Iterable[dict[str, Any]]:
        for _, raw in self.server.hscan_iter(self.keys.pages, count=1000):
            row = json.loads(raw)
            if row.get("kind") == "article":
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
        push(
            self.server,
            self.keys,
            message,
            {url: json.dumps(row) for url, row in pages.items()},
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
        from .session import CrawlSession

        session = CrawlSession.for_crawler(self.crawler)
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
            push(session.server, session.keys, message)
            self.crawler.stats.inc_value("clusterwatch/pushed")
        elif isinstance(item, AttachmentItem):
            message = {"type": "attachment", "source": session.source, "item": item}
            push(session.server, session.keys, message)
        return item
