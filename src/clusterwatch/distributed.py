"""Crawling on several processes and machines: scrapy-redis queues, one archive writer.

``clusterwatch crawl --redis URL`` opens a run per source in the archive and seeds the source's
start pages into Redis; ``clusterwatch worker --redis URL`` (any number, on any machine with the
same configuration) crawls from those queues with scrapy-redis's scheduler and duplicate filter;
extracted articles and the crawl's records travel through a Redis list to the one
``clusterwatch writer --redis URL``, the only process that writes the archive.

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

import json
import logging
import os
import pickle
import socket
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

import redis
from redis.backoff import ExponentialBackoff
from redis.retry import Retry
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler

from . import store
from .config import Config
from .items import ArticleItem, AttachmentItem
from .session import COUNTERS, RecordBook, close_run, with_outcome, with_validators
from .urls import canonical_url

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


# -- the writer -----------------------------------------------------------------------------------


class WriterBusy(Exception):
    """Another writer holds the lock: there is one writer per archive and Redis."""


class Writer:
    """Stores what the workers send, in batches, exactly once; finishes runs that ran dry."""

    def __init__(self, config: Config, url: str, *, idle_exit: float | None = None):
        from .alerts import TopicMatcher
        from .ingest import ingest_article

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
                except Exception as exc:
                    # kept aside, not lost, and not in the way of the items after it
                    logger.error(
                        "an item could not be stored (kept in %s): %s", self.keys.failed, exc
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
        message = pickle.loads(raw)
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
            from .extract import extract_pdf_text
            from .pipelines import save_attachment

            item = message["item"]
            text, error = (
                extract_pdf_text(item.body) if b"%PDF" in item.body[:1024] else (None, "not a PDF")
            )
            save_attachment(self.db, item, text, error)
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
            close_run(self.db, run["id"], source, "finished", {"distributed": True})
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
            close_run(db, current["id"], source.name, "finished", {"distributed": True})
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


def distributed_settings(url: str, role: str, config: Config, **extra: Any) -> dict[str, Any]:
    """Scrapy settings for a seeding crawl or a worker."""
    settings: dict[str, Any] = {
        "SCHEDULER": "clusterwatch.distributed.LeasingScheduler",
        "CLUSTERWATCH_REDIS_URL": url,
        "CLUSTERWATCH_REDIS_ROLE": role,
        "CLUSTERWATCH_REDIS_PREFIX": config.crawl.redis_prefix,
        # a long-lived worker is not stopped by a page count meant for one run
        "CLOSESPIDER_PAGECOUNT": 0,
        **extra,
    }
    if role == "worker":
        settings["ITEM_PIPELINES"] = {
            "clusterwatch.pipelines.ExtractPipeline": 300,
            "clusterwatch.distributed.PushPipeline": 800,
        }
        settings["EXTENSIONS"] = {"clusterwatch.distributed.WorkerExtension": 500}
        settings.setdefault("CLUSTERWATCH_WORKER_ID", worker_identity())
    else:
        settings["ITEM_PIPELINES"] = {}
    return settings
