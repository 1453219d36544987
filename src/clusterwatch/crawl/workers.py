"""Extraction and everything the text alone gives, in worker processes off the reactor.

Scrapy downloads on one thread; trafilatura costs 10–18 ms of CPU per page, and hashing,
shingling, lemmatising and alert matching more. Done in the pipeline itself, that work would
stall the downloader and leave the second core idle. Here it runs in a process pool of one
worker per core but one (``[crawl] workers``, 0 for in-process), awaited from the async pipeline,
while the crawl process keeps the remaining core busy with downloads and storing; the one SQLite
writer stays in the crawl process. Each worker builds its topic matcher once, when it starts
(the lemma forms come from a small cache, see :mod:`clusterwatch.alerts.lemmas`).

Workers are forked from a server process (multiprocessing's ``forkserver``; ``spawn`` where
there is none) that imported the extraction modules and loaded simplemma's Polish dictionary
once, before any worker existed (:mod:`.workers_preload`): a new worker is ready at once, where a
spawned one spent about 3 s of CPU on imports and the dictionary. The server is a fresh
process, not a fork of the crawl with its threads and reactor.

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
from multiprocessing import get_all_start_methods, get_context
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any

from clusterwatch.alerts.topics import TopicMatcher
from clusterwatch.archive.prepare import Prepared
from clusterwatch.extract.article import Extracted, SiteRules, extract_article

logger = logging.getLogger(__name__)

_matcher: TopicMatcher | None = None


def _start_worker(topics: dict[str, Any], crawl: int) -> None:
    """Once per worker process; ``crawl`` is the pid of the crawl process that owns the pool."""
    # Ctrl-C reaches the whole process group: the crawl stops the pool itself, cleanly
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # a crawl killed outright cannot stop its pool, and the pool's queue never tells the workers
    # (each holds a writing end of it): they watch for the crawl instead. Not for their parent:
    # that is the forkserver, which in turn waits for its workers to end before it does.
    threading.Thread(target=_exit_with, args=(crawl,), daemon=True).start()
    _load_matcher(topics)


def _load_matcher(topics: dict[str, Any]) -> None:
    global _matcher
    _matcher = TopicMatcher.from_config(topics) if topics else None


def _exit_with(crawl: int) -> None:
    while True:
        time.sleep(1.0)
        if not _alive(crawl):
            os._exit(0)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # killed but not yet waited for by its own parent: a zombie
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True  # no /proc here: alive as far as can be told
    return stat.rsplit(")", 1)[-1].split()[0] != "Z"


def process_page(
    html: str, url: str, rules: SiteRules | None, boilerplate: frozenset[str] | None = None
) -> tuple[Extracted | None, Prepared | None]:
    """Extract ``html`` and prepare what storing it needs (in a worker, or in-process);
    ``boilerplate``: the blocks the crawl learned as the source's chrome (:mod:`clusterwatch.archive.blocks`)."""
    extracted = extract_article(html, url, rules=rules, boilerplate=boilerplate)
    if extracted is None:
        return None, None
    return extracted, Prepared.of(extracted, _matcher)


def _context() -> BaseContext:
    """forkserver, preloaded, where the platform has it; else spawn. Never a plain fork: the
    crawl process runs threads and a reactor."""
    if "forkserver" not in get_all_start_methods():
        return get_context("spawn")
    context = get_context("forkserver")
    # read when the server starts (once per crawl process); an import error there is ignored
    # by multiprocessing, and the workers then import what they need themselves
    context.set_forkserver_preload(["clusterwatch.crawl.workers_preload"])
    return context


def start_server() -> None:
    """Start the forkserver now rather than at the first page: it loads what workers need
    (~2.5 s of CPU) while the crawl itself starts up and fetches its first listings."""
    context = _context()
    if context.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


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
            _load_matcher(topics)  # in the crawl process: its signals and life stay its own

    def _new(self, workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=workers,
            mp_context=_context(),
            initializer=_start_worker,
            initargs=(self.topics, os.getpid()),
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
    """One worker per core but one: the crawl process (downloads, parsing, the archive writer)
    keeps a core busy itself. On 2 cores (the crawl of benchmarks/throughput.py, paired runs)
    one worker was 8–15 % faster than two, which compete with the crawl process for a core."""
    cores = (
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    )
    return max(1, cores - 1)


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
