"""Redis seen from a reactor thread (a worker, a seeding crawl): never wait for it.

A Twisted reactor that waits on a socket waits with every download and timer of the process, so
the code on it talks to Redis through a :class:`RedisLink`: short socket timeouts, and while
Redis is unreachable no attempt at all — a call raises :class:`RedisDown` at once, the outage is
logged once, and a thread pings Redis (with backoff) until it answers again. What a crawler sends
goes through its :class:`Outbox`: in order, at once while Redis answers, kept in memory (bounded)
while it does not, and sent when it is back.

The outbox keeps the guarantee of the leases (see ``queues``): a lease is given up only
after what its request produced — new requests, items — and the outbox sends a crawler's
operations in the order they were made, so whatever part of them reached Redis, no lease is
given up whose results are missing. Every operation may be sent twice (a reply lost with the
connection): queueing a request is a no-op the second time (the duplicate filter), a message
carries an id the writer stores once, giving up a lease twice is giving it up.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
import uuid
import weakref
from collections import deque
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

import redis
from redis.backoff import ExponentialBackoff, NoBackoff
from redis.retry import Retry

from .codec import Unsendable, encode_message, one_line

logger = logging.getLogger(__name__)

# a worker's blocking calls: at most this long on a silent (not refusing) Redis, once per outage
SOCKET_TIMEOUT = 5.0
CONNECT_TIMEOUT = 1.5
HEARTBEAT_SECONDS = 10  # a worker silent this long is dead: its leases go back to the queue
OUTBOX_BYTES = 64 * 1024 * 1024  # kept while Redis is away; beyond it the crawler stops
OUTBOX_BATCH = 200  # operations per round trip when catching up
CLOSE_WAIT = 30.0  # a worker stopping while Redis is away waits this long to send what it holds


def redact(url: str) -> str:
    """A Redis URL fit for a log line or an error message: without its password."""
    try:
        parts = urlsplit(url)
        netloc = parts.netloc
        if parts.password is not None:
            user = parts.username or ""
            netloc = f"{user}:***@" + netloc.rsplit("@", 1)[1]
        query = urlencode(
            [(k, "***" if k.lower() == "password" else v) for k, v in parse_qsl(parts.query)],
            safe="*/",
        )
        return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))
    except ValueError:
        return "(a Redis URL that could not be read)"


def scrub(text: object, url: str) -> str:
    """``text`` (an error message) on one line, without the password of ``url`` in any form."""
    line = one_line(text)
    try:
        parts = urlsplit(url)
        secrets = [parts.password] + [v for k, v in parse_qsl(parts.query) if k == "password"]
    except ValueError:
        secrets = []
    for secret in filter(None, secrets):
        for form in {secret, unquote(secret), quote(unquote(secret), safe="")}:
            line = line.replace(form, "***")
    return line


_recovered: dict[str, float] = {}


def note_recovery(url: str) -> None:
    _recovered[url] = time.monotonic()


def settled(url: str) -> bool:
    """Whether Redis has answered this process for a heartbeat's time since it was last away:
    until then a missing heartbeat may be one that Redis lost while down, not a dead worker."""
    return time.monotonic() - _recovered.get(url, float("-inf")) >= HEARTBEAT_SECONDS


class RedisDown(Exception):
    """Redis is unreachable: the call was not made, or its outcome is unknown."""


class RedisLink:
    """A Redis client for the reactor thread: a call answers or raises :class:`RedisDown`."""

    def __init__(self, url: str, client: redis.Redis):
        self.url = url
        self.client = client
        self.down_since: float | None = None
        # called on the reactor as soon as Redis is back (heartbeats, what waits to be sent)
        self.on_back: list[Callable[[], Any]] = []
        self._lock = threading.Lock()

    @property
    def up(self) -> bool:
        return self.down_since is None

    def call(self, function: Any, *args: Any, **kwargs: Any) -> Any:
        """``function(*args, **kwargs)``, which talks to Redis through :attr:`client`."""
        if self.down_since is not None:
            raise RedisDown
        try:
            return function(*args, **kwargs)
        except redis.AuthenticationError:
            raise  # not an outage: a configuration to mend
        except (redis.ConnectionError, redis.TimeoutError) as error:
            self._went_down(error)
            raise RedisDown from None

    def attempt(self, function: Any, *args: Any, **kwargs: Any) -> Any:
        """:meth:`call`, or None while Redis is away (for what the next time does again)."""
        try:
            return self.call(function, *args, **kwargs)
        except RedisDown:
            return None

    def _went_down(self, error: Exception) -> None:
        with self._lock:
            if self.down_since is not None:
                return
            self.down_since = time.monotonic()
        logger.warning(
            "Redis at %s is unreachable (%s): waiting and retrying",
            redact(self.url),
            scrub(error, self.url),
        )
        threading.Thread(target=self._wait_for_redis, name="redis-wait", daemon=True).start()

    def _wait_for_redis(self) -> None:
        """Off the reactor: ping until Redis answers, then let the calls through again."""
        backoff = ExponentialBackoff(cap=2.0, base=0.1)  # a ping costs the reactor nothing
        attempts = 0
        while True:
            attempts += 1
            time.sleep(backoff.compute(attempts))
            try:
                self.client.ping()
            except (redis.ConnectionError, redis.TimeoutError):
                continue
            except redis.RedisError:
                pass  # it answers: what it said is for the next call to find out
            break
        assert self.down_since is not None
        outage = time.monotonic() - self.down_since
        note_recovery(self.url)
        logger.warning(
            "Redis at %s is back (after %d attempts, %.0f s)", redact(self.url), attempts, outage
        )
        self.down_since = None
        reactor = sys.modules.get("twisted.internet.reactor")  # never installed from here
        if reactor is not None and reactor.running:
            for hook in list(self.on_back):
                reactor.callFromThread(hook)


_links: dict[str, RedisLink] = {}


def link_for(settings: Any) -> RedisLink:
    """The process's link to the Redis of ``settings`` (``REDIS_URL``), one per URL.

    The client is made by scrapy-redis from ``REDIS_URL`` and ``REDIS_PARAMS``: redis-py's
    ``from_url`` with the URL as given (``rediss://`` for TLS, its password, its options)."""
    from scrapy_redis.connection import get_redis_from_settings

    url = settings["REDIS_URL"]
    if url not in _links:
        _links[url] = RedisLink(url, get_redis_from_settings(settings))
    return _links[url]


def reactor_redis_params() -> dict[str, Any]:
    """``REDIS_PARAMS`` for a client on the reactor thread: short timeouts, one quick retry
    (a pooled connection that Redis closed while restarting is replaced), never a wait."""
    return {
        "redis_cls": "redis.Redis",
        "socket_timeout": SOCKET_TIMEOUT,
        "socket_connect_timeout": CONNECT_TIMEOUT,
        "retry_on_timeout": False,
        "retry": Retry(NoBackoff(), 1, supported_errors=(redis.ConnectionError,)),
        "health_check_interval": 15,
    }


# -- the outbox -----------------------------------------------------------------------------------

# a request into the queue unless its fingerprint was seen (no fingerprint: always)
_QUEUE = """
if ARGV[1] ~= '' and redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
return 1
"""


class Outbox:
    """What one crawler sends to Redis — requests to queue, messages to the writer, leases
    given up — in the order it made them; kept while Redis is away."""

    def __init__(self, crawler: Any, link: RedisLink):
        self.crawler = crawler
        self.link = link
        self._queue = link.client.register_script(_QUEUE)
        self._held: deque[tuple[Any, ...]] = deque()
        self.held_bytes = 0
        self.overflowed = False

    def __len__(self) -> int:
        return len(self._held)

    def queue_request(self, keys: Any, fingerprint: str, score: float, data: bytes) -> bool:
        """Queue a request unless seen (False); True when queued, or held to be queued."""
        sent = self._send(("request", keys.seen, keys.requests, fingerprint, score, data))
        return sent is None or bool(sent)

    def message(self, keys: Any, message: dict[str, Any], pages: Any = None) -> None:
        """A message to the writer (with rows for ``<source>:pages``), with an id of its own."""
        message["id"] = uuid.uuid4().hex
        try:
            raw = encode_message(message)
        except Unsendable as exc:
            logger.error("a %s message cannot be sent: %s", message.get("type"), one_line(exc))
            return
        self._send(("message", keys.items, keys.pages, pages or None, raw))

    def give_up(self, keys: Any, lease: str) -> None:
        """The lease's request is done with."""
        self._send(("ack", keys.leases, lease))

    def _send(self, op: tuple[Any, ...]) -> Any:
        """The operation's answer, or None when it is held (Redis away, or operations before
        it still held)."""
        if self.overflowed:
            return None  # the crawler is stopping: later operations must not overtake
        if self.flush():
            try:
                return self.link.call(self._apply, op)
            except RedisDown:
                pass
        self._hold(op)
        return None

    def _hold(self, op: tuple[Any, ...]) -> None:
        self._held.append(op)
        self.held_bytes += _size(op)
        if self.held_bytes > OUTBOX_BYTES:
            self.overflowed = True
            logger.error(
                "Redis at %s is away and %.1f MB wait to be sent: %s stops; its unfinished "
                "requests go back to the queue once its heartbeat expires",
                redact(self.link.url),
                self.held_bytes / 2**20,
                self.crawler.spider.name,
            )
            from scrapy.utils.defer import deferred_from_coro

            deferred_from_coro(self.crawler.engine.close_spider_async(reason="redis-unreachable"))

    def flush(self) -> bool:
        """Send what is held, in order, in batches; True when nothing is held any more."""
        while self._held and self.link.up:
            batch = [self._held[i] for i in range(min(OUTBOX_BATCH, len(self._held)))]
            try:
                self.link.call(self._apply_all, batch)
            except RedisDown:
                return False
            for op in batch:
                self._held.popleft()
                self.held_bytes -= _size(op)
        return not self._held

    async def drain(self, timeout: float | None) -> bool:
        """Wait (without blocking the reactor) until everything held is sent, at most
        ``timeout`` seconds (None: as long as it takes); True when it was."""
        from scrapy.utils.defer import maybe_deferred_to_future
        from twisted.internet import reactor, task

        deadline = None if timeout is None else time.monotonic() + timeout
        delay = 0.0  # first, let the other handlers of the moment add what they send
        while True:
            await maybe_deferred_to_future(task.deferLater(reactor, delay, lambda: None))
            if self.flush():
                return True
            if deadline is not None and time.monotonic() >= deadline:
                return False
            delay = 0.5

    def _apply(self, op: tuple[Any, ...]) -> Any:
        kind = op[0]
        if kind == "request":
            _, seen, requests, fingerprint, score, data = op
            return self._queue(keys=[seen, requests], args=[fingerprint, score, data])
        if kind == "ack":
            return self.link.client.hdel(op[1], op[2])
        pipe = self.link.client.pipeline(transaction=True)
        self._add(pipe, op)
        return pipe.execute()

    def _apply_all(self, ops: list[tuple[Any, ...]]) -> None:
        pipe = self.link.client.pipeline(transaction=True)
        for op in ops:
            self._add(pipe, op)
        pipe.execute()

    def _add(self, pipe: Any, op: tuple[Any, ...]) -> None:
        kind = op[0]
        if kind == "request":
            _, seen, requests, fingerprint, score, data = op
            self._queue(keys=[seen, requests], args=[fingerprint, score, data], client=pipe)
        elif kind == "ack":
            pipe.hdel(op[1], op[2])
        else:
            _, items, pages_key, pages, raw = op
            if pages:
                pipe.hset(pages_key, mapping=pages)
            pipe.lpush(items, raw)


def _size(op: tuple[Any, ...]) -> int:
    return sum(len(part) for part in op if isinstance(part, bytes | str)) + sum(
        len(k) + len(v) for part in op if isinstance(part, dict) for k, v in part.items()
    )


_outboxes: weakref.WeakKeyDictionary[Any, Outbox] = weakref.WeakKeyDictionary()


def outbox_for(crawler: Any) -> Outbox:
    """The crawler's outbox (its scheduler, pipeline and record book send through it)."""
    if crawler not in _outboxes:
        _outboxes[crawler] = Outbox(crawler, link_for(crawler.settings))
    return _outboxes[crawler]
