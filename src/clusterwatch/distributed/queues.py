"""Crawling on several processes and machines: scrapy-redis queues, one archive writer.

``clusterwatch crawl --redis URL`` opens a run per source in the archive and seeds the source's
start pages into Redis; ``clusterwatch worker --redis URL`` (any number, on any machine with the
same configuration) crawls from those queues with scrapy-redis's scheduler and duplicate filter;
extracted articles and the crawl's records travel through a Redis list to the one
``clusterwatch writer --redis URL``, the only process that writes the archive. This module holds
Redis, the keys, the leasing queue and scheduler and the settings; the worker's Scrapy parts are
in ``worker``, the writer and the seeding of runs in ``writer``.

Keys (prefix ``clusterwatch`` unless ``[crawl] redis_prefix`` says otherwise), per source:
``<source>:requests`` (scrapy-redis's priority queue), ``<source>:seen`` (its duplicate filter,
per run), ``<source>:leases`` (requests a worker has taken and not finished), ``<source>:pages``
(what the archive knows of each URL, for incremental crawling without the archive),
``<source>:run``, ``<source>:requests:refused`` (entries of the queue that were no request);
and ``items`` (to the writer), ``items:writing`` (the batch the writer is storing),
``items:failed`` (items the writer refused or could not store, kept for a look),
``workers:<id>`` (heartbeats), ``writer`` (the writer's lock).

Nothing is lost when a process dies:

- a worker takes a request by moving it from the queue into ``leases`` (one Lua script) and
  gives the lease back only once the request is fully handled — its response parsed, the new
  requests queued and the items pushed. A worker's heartbeat expires when it dies; any other
  process then moves its leases back into the queue (:func:`requeue_dead`), except in the
  heartbeat's time after Redis came back (a heartbeat may have expired while Redis was away);
- the writer moves a batch of items into ``items:writing`` before storing it and empties that
  list only after the archive's transaction committed; a writer that starts finds the batch
  there and stores it again. Each item carries an id, recorded in ``received_items`` in the same
  transaction, so an item delivered twice is stored once;
- while Redis is unreachable the writer and the commands wait and retry (:class:`WaitingRetry`);
  a worker's reactor does not wait: its calls go through a ``distributed_link.RedisLink`` and
  what it sends waits in its ``Outbox``. One log line when Redis goes, one when it is back.

Nothing that comes from Redis is code: requests and items are JSON (``codec``), and a
request or an item that is not what clusterwatch sends is refused with an error line and kept
aside (``<source>:requests:refused``, ``items:failed``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import time
import uuid
from collections.abc import Callable
from typing import Any

import redis
from redis.backoff import ExponentialBackoff
from redis.retry import Retry
from scrapy import signals
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler

from clusterwatch.config import Config

from . import codec
from .codec import Refused, Unsendable, one_line, request_from_data, request_to_data
from .link import (
    HEARTBEAT_SECONDS,
    RedisDown,
    link_for,
    note_recovery,
    outbox_for,
    reactor_redis_params,
    redact,
    scrub,
)

__all__ = ["HEARTBEAT_SECONDS", "redact", "scrub"]

logger = logging.getLogger(__name__)

WRITER_LOCK_SECONDS = 10  # refreshed every second by the writer that holds it
WRITER_BATCH = 200
RUN_SETTLE_SECONDS = 3.0  # a run is finished once its queue, leases and items stay empty this long


class WaitingRetry(Retry):
    """Retry a Redis command for as long as Redis is unreachable, saying so once each way (for
    the writer and the commands, which have nothing better to do; not on a reactor)."""

    def __init__(self, url: str):
        super().__init__(ExponentialBackoff(cap=5.0, base=0.2), retries=-1)
        self.url = url

    def call_with_retry(
        self,
        do: Callable[[], Any],
        fail: Callable[..., Any],
        is_retryable: Callable[[Exception], bool] | None = None,
        with_failure_count: bool = False,
    ) -> Any:
        self._backoff.reset()
        failures = 0
        while True:
            try:
                result = do()
            except self._supported_errors as error:
                if isinstance(error, redis.AuthenticationError):
                    raise  # not an outage: waiting would not mend a wrong password
                if is_retryable and not is_retryable(error):
                    raise
                failures += 1
                fail(error, failures) if with_failure_count else fail(error)
                if failures == 1:
                    logger.warning(
                        "Redis at %s is unreachable (%s): waiting and retrying",
                        redact(self.url),
                        scrub(error, self.url),
                    )
                time.sleep(self._backoff.compute(failures))
                continue
            if failures:
                note_recovery(self.url)
                logger.warning(
                    "Redis at %s is back (after %d attempts)", redact(self.url), failures
                )
            return result


_clients: dict[str, redis.Redis] = {}


def redis_client(url: str) -> redis.Redis:
    """One client (connection pool) per URL and process; its commands wait out an outage.

    For the writer and the commands: code on a reactor uses ``distributed_link.link_for``."""
    if url not in _clients:
        _clients[url] = redis.Redis.from_url(
            url,
            retry=WaitingRetry(url),
            retry_on_error=[redis.ConnectionError, redis.TimeoutError],
            socket_timeout=10,  # above the writer's 1 s BLMOVE
            socket_connect_timeout=5,
            health_check_interval=30,
        )
    return _clients[url]


class Keys:
    def __init__(self, prefix: str, source: str | None = None):
        self.prefix = prefix
        self.source = source
        self.sources = f"{prefix}:sources"
        self.items = f"{prefix}:items"
        self.writing = f"{prefix}:items:writing"
        self.failed = f"{prefix}:items:failed"
        self.writer = f"{prefix}:writer"
        if source is not None:
            base = f"{prefix}:{source}"
            self.requests = f"{base}:requests"
            self.seen = f"{base}:seen"
            self.leases = f"{base}:leases"
            self.pages = f"{base}:pages"
            self.run = f"{base}:run"
            self.complete = f"{base}:complete"
            self.refused = f"{base}:requests:refused"

    def worker(self, worker_id: str) -> str:
        return f"{self.prefix}:workers:{worker_id}"

    def of(self, source: str) -> Keys:
        return Keys(self.prefix, source)


def keys_for(settings: Any, source: str | None = None) -> Keys:
    return Keys(settings.get("CLUSTERWATCH_REDIS_PREFIX") or "clusterwatch", source)


# -- the queue: scrapy-redis's priority queue, with leases ---------------------------------------

# Every change of a queue is one script: a command whose reply was lost (Redis went away) is
# sent again, and must then do nothing more than it did the first time.

# take the first request out of the queue and into the leases, as "score\nrequest"; sent again
# with the same lease, it returns the request it took
_TAKE = """
local held = redis.call('HGET', KEYS[2], ARGV[1])
if held then return string.sub(held, string.find(held, '\\n', 1, true) + 1) end
local r = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #r == 0 then return false end
redis.call('ZREM', KEYS[1], r[1])
redis.call('HSET', KEYS[2], ARGV[1], r[2] .. '\\n' .. r[1])
return r[1]
"""
# (queueing a request unless seen is the outbox's script: ``link``)

# a lease back into the queue (once, if it is still there)
_GIVE_BACK = """
local v = redis.call('HGET', KEYS[1], ARGV[1])
if not v then return 0 end
local i = string.find(v, '\\n', 1, true)
redis.call('ZADD', KEYS[2], tonumber(string.sub(v, 1, i - 1)), string.sub(v, i + 1))
redis.call('HDEL', KEYS[1], ARGV[1])
return 1
"""


class LeasingQueue(PriorityQueue):
    """scrapy-redis's priority queue; a request taken stays leased until given up (the
    crawler's outbox sends that, after what the request produced). Requests are JSON."""

    REFUSED_PER_POP = 10  # refused entries read in one go before the engine gets its turn

    def __init__(self, server: redis.Redis, spider: Any, keys: Keys, worker_id: str):
        super().__init__(server, spider, keys.requests, serializer=codec)
        self.leases = keys.leases
        self.refused = keys.refused
        self.worker_id = worker_id
        self._counter = 0
        self._lease: str | None = None
        self._take = server.register_script(_TAKE)

    def _encode_request(self, request: Any) -> bytes:
        return request_to_data(request, self.spider)

    def _decode_request(self, encoded_request: bytes) -> Any:
        return request_from_data(encoded_request, self.spider)

    def pop(self, timeout: int = 0) -> Any:
        """The first request, leased; None when the queue is empty. A take whose answer was
        lost (Redis went away) is asked for again with the same lease, which returns what it
        took. Something in the queue that is not a request is refused: kept aside, logged."""
        for _ in range(self.REFUSED_PER_POP):
            if self._lease is None:
                self._counter += 1
                self._lease = f"{self.worker_id}#{self._counter}"
            lease = self._lease
            data = self._take(keys=[self.key, self.leases], args=[lease])
            if not data:
                return None
            self._lease = None
            try:
                request = self._decode_request(data)
            except Refused as exc:
                self.refuse(lease, data, exc)
                continue
            request.meta["cw_lease"] = lease
            return request
        return None

    def refuse(self, lease: str, data: bytes, reason: Exception) -> None:
        logger.error(
            "refused an entry of %s that is no request (kept in %s): %s",
            self.key,
            self.refused,
            one_line(reason),
        )
        pipe = self.server.pipeline(transaction=True)
        pipe.lpush(self.refused, data)
        pipe.hdel(self.leases, lease)
        pipe.execute()


def give_back(server: redis.Redis, keys: Keys, leases: list[str]) -> int:
    script = server.register_script(_GIVE_BACK)
    return sum(script(keys=[keys.leases, keys.requests], args=[lease]) for lease in leases)


def requeue_dead(server: redis.Redis, keys: Keys, sources: list[str] | None = None) -> int:
    """Leases of workers whose heartbeat expired go back into their queues (of ``sources``,
    default: every source)."""
    moved = 0
    alive: dict[str, bool] = {}
    if sources is None:
        sources = sorted(s.decode() for s in server.smembers(keys.sources))
    for source in sources:
        source_keys = keys.of(source)
        dead = []
        for field in server.hkeys(source_keys.leases):
            lease = field.decode()
            worker = lease.rsplit("#", 1)[0]
            if worker not in alive:
                alive[worker] = bool(server.exists(keys.worker(worker)))
            if not alive[worker]:
                dead.append(lease)
        if dead:
            moved += give_back(server, source_keys, dead)
    if moved:
        logger.warning("%d requests of stopped workers went back into the queues", moved)
    return moved


class LeasingScheduler(Scheduler):
    """scrapy-redis's scheduler on the source's own keys, taking requests on lease.

    Role ``seed`` only queues (the spider's start requests); role ``worker`` also takes. On the
    reactor: while Redis is away nothing is taken (the engine asks again later), what is queued
    waits in the crawler's outbox, and the spider does not count as idle.
    """

    @classmethod
    def from_crawler(cls, crawler: Any) -> LeasingScheduler:
        settings = crawler.settings
        link = link_for(settings)
        scheduler = cls(server=link.client, persist=True, serializer=codec)
        scheduler.link = link
        scheduler.outbox = outbox_for(crawler)
        scheduler.stats = crawler.stats
        scheduler.crawler = crawler
        scheduler.role = settings.get("CLUSTERWATCH_REDIS_ROLE", "worker")
        return scheduler

    def open(self, spider: Any) -> None:
        self.spider = spider
        self.keys = keys_for(self.crawler.settings, spider.source_name)
        owner = lease_owner(self.crawler.settings, spider.source_name)
        self.queue = LeasingQueue(self.server, spider, self.keys, owner)
        self.df = RFPDupeFilter(self.server, key=self.keys.seen)
        with contextlib.suppress(RedisDown):  # else the seeding added it
            self.link.call(self.server.sadd, self.keys.sources, spider.source_name)
        if self.role == "seed":
            # a seeding crawl is done once its start requests are in Redis, however long
            # Redis takes to come back
            self.crawler.signals.connect(self._sent, signal=signals.spider_closed)

    async def _sent(self, spider: Any, reason: str) -> None:
        await self.outbox.drain(timeout=None)

    def enqueue_request(self, request: Any) -> bool:
        # a retry or a redirect carries the lease of the request it replaces: that one is
        # acknowledged when the engine is done with it, this one gets a lease of its own
        request.meta.pop("cw_lease", None)
        try:
            data = self.queue._encode_request(request)
        except (Unsendable, ValueError) as exc:
            # an object in its meta, or a callback that is no method of the spider
            logger.error("a request cannot be queued in Redis: %s", one_line(exc))
            self.stats.inc_value("clusterwatch/unsendable_requests")
            return False
        fingerprint = "" if request.dont_filter else self.df.request_fingerprint(request)
        if not self.outbox.queue_request(self.keys, fingerprint, -request.priority, data):
            self.df.log(request, self.spider)
            return False
        self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def next_request(self) -> Any:
        # nothing new is taken while what this crawler made waits to be sent
        if self.role != "worker" or not self.outbox.flush():
            return None
        try:
            request = self.link.call(self.queue.pop)
        except RedisDown:
            return None
        if request is not None:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def has_pending_requests(self) -> bool:
        if self.role != "worker":
            return False
        if len(self.outbox):
            return True
        try:
            return self.link.call(len, self.queue) > 0
        except RedisDown:
            return True  # not idle while Redis is away

    def give_up(self, lease: str) -> None:
        """The engine is done with the request of ``lease`` (sent after what it produced)."""
        self.outbox.give_up(self.keys, lease)


def worker_identity() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def lease_owner(settings: Any, source: str) -> str:
    """Who holds a lease: this worker process's crawler of ``source`` (one heartbeat each)."""
    return f"{settings.get('CLUSTERWATCH_WORKER_ID') or 'seed'}/{source}"


def distributed_settings(url: str, role: str, config: Config, **extra: Any) -> dict[str, Any]:
    """Scrapy settings for a seeding crawl or a worker."""
    settings: dict[str, Any] = {
        "SCHEDULER": "clusterwatch.distributed.queues.LeasingScheduler",
        "SCHEDULER_SERIALIZER": "clusterwatch.distributed.codec",
        # scrapy-redis makes the client: redis-py's from_url(REDIS_URL, **REDIS_PARAMS)
        "REDIS_URL": url,
        "REDIS_PARAMS": reactor_redis_params(),
        "CLUSTERWATCH_SESSION": "clusterwatch.distributed.worker.RemoteSession",
        "CLUSTERWATCH_REDIS_URL": url,
        "CLUSTERWATCH_REDIS_ROLE": role,
        "CLUSTERWATCH_REDIS_PREFIX": config.crawl.redis_prefix,
        # a long-lived worker is not stopped by a page count meant for one run
        "CLUSTERWATCH_MAX_PAGES": 0,
        **extra,
    }
    if role == "worker":
        settings["ITEM_PIPELINES"] = {
            "clusterwatch.crawl.pipelines.ExtractPipeline": 300,
            "clusterwatch.distributed.worker.PushPipeline": 800,
        }
        settings["EXTENSIONS"] = {"clusterwatch.distributed.worker.WorkerExtension": 500}
        settings.setdefault("CLUSTERWATCH_WORKER_ID", worker_identity())
    else:
        settings["ITEM_PIPELINES"] = {}
    return settings
