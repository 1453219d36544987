"""Extraction and everything the text alone gives, in worker processes off the reactor.

Scrapy downloads on one thread; trafilatura costs 10–18 ms of CPU per page, and hashing,
shingling, lemmatising and alert matching more. Done in the pipeline itself, that work would
stall the downloader and leave the second core idle. Here it runs in a process pool sized to the
cores (``[crawl] workers``, 0 for in-process), awaited from the async pipeline; the one SQLite
writer stays in the crawl process. Each worker builds its topic matcher once, when it starts
(the lemma forms come from a small cache, see ``alerts_lemmas``), and lemmatises with its own
copy of simplemma's low-memory dictionaries.

A worker that dies (killed, out of memory) breaks Python's pool and every task in it. The pool
is replaced and each page whose task broke is tried once more, alone, in a process of its own:
the page that kills that one too is the culprit and fails — recorded — while the others go on.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from typing import Any

from .alerts import TopicMatcher
from .extract import Extracted, SiteRules, extract_article
from .ingest import Prepared

logger = logging.getLogger(__name__)

_matcher: TopicMatcher | None = None


def _start_worker(topics: dict[str, Any]) -> None:
    """Once per worker process."""
    global _matcher
    # Ctrl-C reaches the whole process group: the crawl stops the pool itself, cleanly
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # a crawl killed outright cannot stop its pool, and the pool's queue never tells the workers
    # (each holds a writing end of it): they watch for their parent instead
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    _matcher = TopicMatcher.from_config(topics) if topics else None


def _exit_with_parent(parent: int) -> None:
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(0)


def process_page(
    html: str, url: str, rules: SiteRules | None
) -> tuple[Extracted | None, Prepared | None]:
    """Extract ``html`` and prepare what storing it needs (in a worker, or in-process)."""
    extracted = extract_article(html, url, rules=rules)
    if extracted is None:
        return None, None
    return extracted, Prepared.of(extracted, _matcher)


class WorkerCrashed(Exception):
    """The page's worker process died twice: the page fails, the crawl goes on."""


class WorkerPool:
    """A process pool for :func:`process_page`, replaced when a worker dies."""

    def __init__(self, workers: int, topics: dict[str, Any], task: Any = None):
        self.workers = workers
        self.topics = topics
        self.task = task or process_page  # a module-level function: workers import it by name
        self._executor = self._new(workers) if workers > 0 else None
        if workers == 0 and _matcher is None:
            _start_worker(topics)

    def _new(self, workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=workers,
            # spawn, not fork: the crawl process runs threads and a reactor
            mp_context=get_context("spawn"),
            initializer=_start_worker,
            initargs=(self.topics,),
        )

    async def process(self, *args: Any) -> Any:
        """``task(*args)`` in a worker (default: :func:`process_page`)."""
        if self._executor is None:
            return self.task(*args)
        executor = self._executor
        try:
            return await asyncio.wrap_future(executor.submit(self.task, *args))
        except BrokenProcessPool:
            if self._executor is executor:
                logger.warning("a worker process died: starting a new pool")
                self._executor = self._new(self.workers)
                executor.shutdown(wait=False, cancel_futures=True)
        # once more, alone: only the page that breaks this process too is at fault
        alone = self._new(1)
        try:
            return await asyncio.wrap_future(alone.submit(self.task, *args))
        except BrokenProcessPool:
            raise WorkerCrashed(
                f"the worker processing {args[1] if len(args) > 1 else args!r} died twice"
            ) from None
        finally:
            alone.shutdown(wait=False)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None


_pools: dict[str, WorkerPool] = {}
_users: dict[str, int] = {}


def default_workers() -> int:
    return (
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    )


def acquire(key: str, workers: int, topics: dict[str, Any]) -> WorkerPool:
    """The process's pool for ``key`` (one per topic set), shared by its crawlers."""
    if key not in _pools:
        _pools[key] = WorkerPool(workers, topics)
        _users[key] = 0
    _users[key] += 1
    return _pools[key]


def release(key: str) -> None:
    """A crawler is done with the pool; the last one closes it."""
    _users[key] -= 1
    if _users[key] == 0:
        _pools.pop(key).close()
        del _users[key]
