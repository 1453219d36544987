"""A crawl stores several articles to a write transaction (``store.WriteBatch``), on a real
archive file: others see them once the batch is committed (full, old enough, or by its timer),
and what a batch held is lost together when it is never committed."""

from __future__ import annotations

import sqlite3

from clusterwatch.archive.store import WriteBatch, crawl_writer, open_db


class Timers:
    """The crawl's reactor stands behind ``call_later``; here the test fires the timer itself."""

    def __init__(self):
        self.pending: list[tuple[float, object]] = []

    def __call__(self, seconds, callback):
        timer = Timer(callback)
        self.pending.append((seconds, timer))
        return timer


class Timer:
    def __init__(self, callback):
        self.callback = callback
        self.cancelled = False
        self.fired = False

    def active(self):
        return not (self.cancelled or self.fired)

    def cancel(self):
        self.cancelled = True

    def fire(self):
        self.fired = True
        self.callback()


def store_source(db, name):
    db.execute(
        "insert into sources (name, spider, start_urls, allowed_domains) values (?, 'generic', '[]', '[]')",
        [name],
    )


def new_batch(tmp_path, **limits):
    """A batch over a fresh archive file, its timers fired by the test: (path, timers, batch)."""
    path = tmp_path / "archive.db"
    timers = Timers()
    return path, timers, WriteBatch(open_db(path), call_later=timers, **limits)


def count_elsewhere(path) -> int:
    with sqlite3.connect(path) as other:
        return other.execute("select count(*) from sources where name like 'batch-%'").fetchone()[0]


def test_a_full_batch_is_committed_and_seen_by_other_connections(tmp_path):
    path, timers, batch = new_batch(tmp_path, max_items=3, max_seconds=60)
    for n in range(3):
        batch.begin()
        store_source(batch.db, f"batch-{n}")
        assert count_elsewhere(path) == 0  # not before the commit
        batch.stored()
    assert count_elsewhere(path) == 3
    assert len(timers.pending) == 1 and timers.pending[0][0] == 60
    assert timers.pending[0][1].cancelled  # the commit stopped the timer


def test_the_timer_commits_a_batch_that_does_not_fill(tmp_path):
    path, timers, batch = new_batch(tmp_path, max_items=100, max_seconds=0.5)
    batch.begin()
    store_source(batch.db, "batch-1")
    batch.stored()
    assert count_elsewhere(path) == 0
    timers.pending[0][1].fire()
    assert count_elsewhere(path) == 1
    # the next article opens a new batch with a new timer
    batch.begin()
    assert len(timers.pending) == 2


def test_a_batch_never_committed_loses_all_it_held_and_nothing_before(tmp_path):
    path, _, batch = new_batch(tmp_path, max_items=2, max_seconds=60)
    db = batch.db
    for n in range(3):  # two committed, the third left open
        batch.begin()
        store_source(db, f"batch-{n}")
        batch.stored()
    db.conn.close()  # the crawl dies
    assert count_elsewhere(path) == 2


def test_crawls_of_one_process_share_one_writer_per_archive(tmp_path):
    first, batch = crawl_writer(tmp_path / "a.db")
    again, same_batch = crawl_writer(tmp_path / "." / "a.db")
    other, _ = crawl_writer(tmp_path / "b.db")
    assert first is again and batch is same_batch and other is not first


def test_a_batch_committed_by_someone_else_leaves_no_timer_behind(tmp_path):
    path, timers, batch = new_batch(tmp_path, max_items=100, max_seconds=0.5)
    batch.begin()
    store_source(batch.db, "batch-1")
    batch.db.conn.execute("COMMIT")  # e.g. a maintenance step on the same connection
    batch.begin()
    first, second = (timer for _, timer in timers.pending)
    assert first.cancelled and second.active()
    assert count_elsewhere(path) == 1
