"""Crawling on several processes and machines: scrapy-redis queues, one archive writer.

``clusterwatch crawl --redis URL`` opens a run per source in the archive and seeds the source's
start pages into Redis; ``clusterwatch worker --redis URL`` (any number, on any machine with the
same configuration) crawls from those queues with scrapy-redis's scheduler and duplicate filter;
extracted articles and the crawl's records travel through a Redis list to the one
``clusterwatch writer --redis URL``, the only process that writes the archive. This module holds
Redis, the keys, the leasing queue and scheduler and the settings; the worker's Scrapy parts are
in ``distributed_worker``, the writer and the seeding of runs in ``distributed_writer``.

Keys (prefix ``clusterwatch`` unless ``[crawl] redis_prefix`` says otherwise), per source:
``<source>:requests`` (scrapy-redis's priority queue), ``<source>:seen`` (its duplicate filter,
per run), ``<source>:leases`` (requests a worker has taken and not finished), ``<source>:pages``
(what the archive knows of each URL, for incremental crawling without the archive),
``<source>:run``; and ``items`` (to the writer), ``items:writing`` (the batch the writer is
storing), ``items:failed`` (items the writer could not store, kept for a look),
``workers:<id>`` (heartbeats), ``writer`` (the writer's lock).

Nothing is lost when a process dies:

- a worker takes a request by moving it from the queue into ``leases`` (one Lua script) and
  gives the lease back only once the request is fully handled — its response parsed, the new
  requests queued and the items pushed. A worker's heartbeat expires when it dies; any other
  process then moves its leases back into the queue (:func:`requeue_dead`);
- the writer moves a batch of items into ``items:writing`` before storing it and empties that
  list only after the archive's transaction committed; a writer that starts finds the batch
  there and stores it again. Each item carries an id, recorded in ``received_items`` in the same
  transaction, so an item delivered twice is stored once;
- while Redis is unreachable every command waits and retries (:class:`WaitingRetry`), with one
  log line when Redis goes and one when it is back.
"""

from __future__ import annotations

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
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler

from .config import Config

logger = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 10  # a worker silent this long is dead: its leases go back to the queue
WRITER_LOCK_SECONDS = 10  # refreshed every second by the writer that holds it
WRITER_BATCH = 200
RUN_SETTLE_SECONDS = 3.0  # a run is finished once its queue, leases and items stay empty this long


def redact(url: str) -> str:
    """A Redis URL fit for a log line: without its password."""
    parsed = redis.connection.urlparse(url)
    if parsed.password:
        return url.replace(f":{parsed.password}@", ":***@")
    return url


class WaitingRetry(Retry):
    """Retry a Redis command for as long as Redis is unreachable, saying so once each way."""

    def __init__(self, url: str):
        super().__init__(ExponentialBackoff(cap=5.0, base=0.2), retries=-1)
        self.url = redact(url)

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
                if is_retryable and not is_retryable(error):
                    raise
                failures += 1
                fail(error, failures) if with_failure_count else fail(error)
                if failures == 1:
                    logger.warning(
                        "Redis at %s is unreachable (%s): waiting and retrying", self.url, error
                    )
                time.sleep(self._backoff.compute(failures))
                continue
            if failures:
                logger.warning("Redis at %s is back (after %d attempts)", self.url, failures)
            return result


_clients: dict[str, redis.Redis] = {}


def redis_client(url: str) -> redis.Redis:
    """One client (connection pool) per URL and process; its commands wait out an outage."""
    if url not in _clients:
        _clients[url] = redis.Redis.from_url(
            url,
            retry=WaitingRetry(url),
            retry_on_error=[redis.ConnectionError, redis.TimeoutError],
            socket_timeout=30,
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
# a request into the queue unless its fingerprint was seen (no fingerprint: always)
_QUEUE = """
if ARGV[1] ~= '' and redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
return 1
"""
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
    """scrapy-redis's priority queue; a request taken stays leased until :meth:`ack`."""

    def __init__(self, server: redis.Redis, spider: Any, keys: Keys, worker_id: str):
        super().__init__(server, spider, keys.requests)
        self.leases = keys.leases
        self.seen = keys.seen
        self.worker_id = worker_id
        self._counter = 0
        self._take = server.register_script(_TAKE)
        self._queue = server.register_script(_QUEUE)

    def push_unless_seen(self, request: Any, fingerprint: str) -> bool:
        """Queue ``request`` unless ``fingerprint`` is in the duplicate filter (which it joins)."""
        data = self._encode_request(request)
        return bool(
            self._queue(keys=[self.seen, self.key], args=[fingerprint, -request.priority, data])
        )

    def pop(self, timeout: int = 0) -> Any:
        self._counter += 1
        lease = f"{self.worker_id}#{self._counter}"
        data = self._take(keys=[self.key, self.leases], args=[lease])
        if not data:
            return None
        request = self._decode_request(data)
        request.meta["cw_lease"] = lease
        return request

    def ack(self, lease: str) -> None:
        self.server.hdel(self.leases, lease)


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

    Role ``seed`` only queues (the spider's start requests); role ``worker`` also takes.
    """

    @classmethod
    def from_crawler(cls, crawler: Any) -> LeasingScheduler:
        settings = crawler.settings
        server = redis_client(settings["CLUSTERWATCH_REDIS_URL"])
        scheduler = cls(server=server, persist=True)
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
        self.server.sadd(self.keys.sources, spider.source_name)

    def enqueue_request(self, request: Any) -> bool:
        # a retry or a redirect carries the lease of the request it replaces: that one is
        # acknowledged when the engine is done with it, this one gets a lease of its own
        request.meta.pop("cw_lease", None)
        fingerprint = "" if request.dont_filter else self.df.request_fingerprint(request)
        if not self.queue.push_unless_seen(request, fingerprint):
            self.df.log(request, self.spider)
            return False
        self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def next_request(self) -> Any:
        if self.role != "worker":
            return None
        request = self.queue.pop()
        if request is not None:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def has_pending_requests(self) -> bool:
        return self.role == "worker" and len(self) > 0


def worker_identity() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def lease_owner(settings: Any, source: str) -> str:
    """Who holds a lease: this worker process's crawler of ``source`` (one heartbeat each)."""
    return f"{settings.get('CLUSTERWATCH_WORKER_ID') or 'seed'}/{source}"


def distributed_settings(url: str, role: str, config: Config, **extra: Any) -> dict[str, Any]:
    """Scrapy settings for a seeding crawl or a worker."""
    settings: dict[str, Any] = {
        "SCHEDULER": "clusterwatch.distributed.LeasingScheduler",
        "CLUSTERWATCH_REDIS_URL": url,
        "CLUSTERWATCH_REDIS_ROLE": role,
        "CLUSTERWATCH_REDIS_PREFIX": config.crawl.redis_prefix,
        # a long-lived worker is not stopped by a page count meant for one run
        "CLUSTERWATCH_MAX_PAGES": 0,
        **extra,
    }
    if role == "worker":
        settings["ITEM_PIPELINES"] = {
            "clusterwatch.pipelines.ExtractPipeline": 300,
            "clusterwatch.distributed_worker.PushPipeline": 800,
        }
        settings["EXTENSIONS"] = {"clusterwatch.distributed_worker.WorkerExtension": 500}
        settings.setdefault("CLUSTERWATCH_WORKER_ID", worker_identity())
    else:
        settings["ITEM_PIPELINES"] = {}
    return settings
