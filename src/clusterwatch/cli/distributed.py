"""``clusterwatch worker`` and ``clusterwatch writer``, and ``crawl --redis``: distributed crawling
(see ``distributed``)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import click
from rich.table import Table


def reach(url: str) -> None:
    """Redis answers (waited for while it is unreachable); a wrong password, a URL that cannot
    be read or another refusal is a one-line error without the password."""
    import redis

    from clusterwatch.distributed.queues import redact, redis_client, scrub

    try:
        redis_client(url).ping()
    except (redis.RedisError, ValueError) as exc:
        raise click.ClickException(f"Redis at {redact(url)}: {scrub(exc, url)}") from None


def seed(config: Any, sources: list[Any], url: str, *, log_level: str) -> None:
    """Open a run per source and queue its start pages in Redis."""
    from clusterwatch.archive import topic_state
    from clusterwatch.archive.store import open_db
    from clusterwatch.distributed.queues import Keys, redact, redis_client
    from clusterwatch.distributed.runner import crawl_with_redis
    from clusterwatch.distributed.writer import open_runs

    from .common import out

    reach(url)
    archive = open_db(config.db_path)
    for state in topic_state.check(archive, config.topics):
        if state.stale:
            logging.getLogger(__name__).warning(state.advice())
    archive.conn.close()
    runs = open_runs(config, sources, url)
    crawl_with_redis(config, sources, url, role="seed", log_level=log_level)
    server = redis_client(url)
    keys = Keys(config.crawl.redis_prefix)
    table = Table(title=f"queued in {redact(url)}")
    for column in ("source", "run", "", "queued", "taken"):
        table.add_column(
            column, justify="right" if column in ("run", "queued", "taken") else "left"
        )
    for source in sources:
        run, new = runs[source.name]
        source_keys = keys.of(source.name)
        table.add_row(
            source.name,
            str(run),
            "new run" if new else "still running: start pages queued again",
            str(server.zcard(source_keys.requests)),
            str(server.hlen(source_keys.leases)),
        )
    out.print(table)


def register(cli: click.Group) -> None:
    from .common import config_options, console, get_config, out, redis_option, scrapy_log_level

    @cli.command()
    @config_options
    @click.option(
        "--source", "sources", multiple=True, help="Work only on this source (repeatable)."
    )
    @redis_option("The Redis server holding the queues (env CLUSTERWATCH_REDIS).")
    @click.option(
        "--idle-exit",
        type=click.FloatRange(min=0),
        help="Stop once the queues stayed empty this many seconds (default: run until stopped).",
    )
    @click.pass_context
    def worker(
        ctx: click.Context,
        config_path: Path | None,
        db: Path | None,
        sources: tuple[str, ...],
        redis_url: str | None,
        idle_exit: float | None,
    ) -> None:
        """Crawl from the Redis queues that `crawl --redis` seeds; send articles to the writer.

        Run any number of workers, on any machines with the same configuration; the archive
        is not needed here. Ctrl-C or SIGTERM puts unfinished requests back in the queue; a
        worker that is killed has them put back by the others within seconds.
        """
        from clusterwatch.distributed.runner import crawl_with_redis

        if not redis_url:
            raise click.UsageError("--redis URL (or CLUSTERWATCH_REDIS) is required")
        config = get_config(config_path, db)
        reach(redis_url)
        selected = [config.source(name) for name in sources] if sources else config.sources
        crawlers = crawl_with_redis(
            config,
            [s for s in selected if s.enabled or sources],
            redis_url,
            role="worker",
            idle_exit=idle_exit,
            progress=console.is_terminal,
            log_level=scrapy_log_level(ctx),
        )
        pushed = sum(c.stats.get_value("clusterwatch/pushed", 0) for c in crawlers)
        pages = sum(c.stats.get_value("response_received_count", 0) for c in crawlers)
        out.print(f"{pages} pages fetched, {pushed} articles sent to the writer")

    @cli.command()
    @config_options
    @redis_option("The Redis server the workers send to (env CLUSTERWATCH_REDIS).")
    @click.option(
        "--idle-exit",
        type=click.FloatRange(min=0),
        help="Stop once nothing arrived this many seconds and every run is finished "
        "(default: run until stopped).",
    )
    def writer(
        config_path: Path | None, db: Path | None, redis_url: str | None, idle_exit: float | None
    ) -> None:
        """Store what the workers send in the archive: the one process that writes it.

        Exactly once: an item delivered twice is stored once, and a writer stopped mid-batch
        stores that batch when it starts again. Finishes each run once its queue ran dry.
        """
        from clusterwatch.distributed.writer import Writer, WriterBusy

        if not redis_url:
            raise click.UsageError("--redis URL (or CLUSTERWATCH_REDIS) is required")
        config = get_config(config_path, db)
        reach(redis_url)
        writer = Writer(config, redis_url, idle_exit=idle_exit)
        try:
            if console.is_terminal:
                with console.status("waiting for items") as status:
                    stored = writer.run(
                        on_batch=lambda c: status.update(
                            f"{c['new']} new, {c['updated']} updated, {c['unchanged']} unchanged"
                        )
                    )
            else:
                stored = writer.run()
        except WriterBusy as exc:
            raise click.ClickException(str(exc)) from None
        except KeyboardInterrupt:
            stored = writer.stored
        out.print(
            f"{stored['new']} new, {stored['updated']} updated, {stored['unchanged']} unchanged "
            f"articles; {stored['duplicates']} items delivered twice, stored once"
            + (f"; {stored['refused']} refused" if stored["refused"] else "")
        )
