"""``clusterwatch digest``, ``schedule``, ``status`` and ``serve``: what runs around the crawls."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import click
from rich.table import Table

from .common import (
    config_options,
    console,
    get_config,
    health_text,
    not_stored_text,
    out,
    topics_line,
)


@click.command()
@config_options
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write the digest as Markdown, HTML, chart and Atom files here (default without --send: "
    "[digest] out_dir).",
)
@click.option("--send", is_flag=True, help="Email each recipient the topics they follow.")
@click.option(
    "--since",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Only alerts matched on or after this day (YYYY-MM-DD, in [digest] timezone).",
)
@click.option(
    "--dry-run", is_flag=True, help="Show what would go out; send, write and record nothing."
)
def digest(
    config_path: Path | None,
    db: Path | None,
    out_dir: Path | None,
    send: bool,
    since: Any,
    dry_run: bool,
) -> None:
    """Everything new since the last digest, grouped by topic and story: emailed with --send,
    written as files with --out.

    Each item reaches each recipient in exactly one digest; a failed send or write marks nothing
    as sent and leaves no files, and the items go out with the next digest.
    """
    from clusterwatch.archive.store import open_db
    from clusterwatch.digest import build as digests

    config = get_config(config_path, db)
    database = open_db(config.db_path)
    settings = config.digest
    since_utc = (
        digests.day_start_utc(since.date().isoformat(), settings.timezone) if since else None
    )
    if dry_run:
        targets = (
            [(r.email, list(r.topics) or list(config.topics)) for r in settings.recipients]
            if send
            else []
        )
        targets = targets or [(digests.FILES_RECIPIENT, None)]
        for recipient, topics in targets:
            pending = digests.build_digest(
                database,
                recipient,
                topics,
                since_utc,
                weeks=settings.weeks_in_chart,
                timezone=settings.timezone,
            )
            out.rule(f"{recipient}: {pending.story_count} stories, {pending.item_count} items")
            out.print(digests.render(pending, "md"), markup=False, highlight=False)
        return
    from clusterwatch.crawl.locks import held_lock

    # one digest at a time: a digest left "sending" is then one a crashed run left, never one
    # another process is sending now (which would go out twice)
    with held_lock(config.state_dir, "digest"):
        failed = _make_digests(database, config, out_dir, send, since_utc)
    if failed:
        raise click.ClickException("some digests were not sent")


def _make_digests(
    database: Any, config: Any, out_dir: Path | None, send: bool, since_utc: str | None
) -> bool:
    """Send and write the digests; True when a send failed."""
    from clusterwatch.digest import build as digests

    settings = config.digest
    failed = False
    if send:
        from clusterwatch.digest.mailer import deliver_all

        if not settings.recipients:
            raise click.ClickException(
                "no recipients: add [[digest.recipients]] to the configuration"
            )
        for result in deliver_all(database, config, since_utc):
            if result.status == "failed":
                failed = True
                console.print(
                    f"[red]{result.recipient}: not sent, kept for the next digest: {result.error}[/red]"
                )
            else:
                console.print(
                    f"{result.recipient}: {result.status} ({result.stories} stories, {result.items} items)"
                )
    if out_dir or not send:
        try:
            result, written = digests.write_files(
                database,
                out_dir or config.digest_dir,
                None,
                since_utc,
                weeks=settings.weeks_in_chart,
                timezone=settings.timezone,
            )
        except digests.DigestNotWritten as exc:
            raise click.ClickException(str(exc)) from None
        console.print(
            f"{result.story_count} stories, {result.item_count} items → {', '.join(str(p) for p in written)}"
        )
    return failed


@click.command()
@config_options
@click.option(
    "--list", "list_jobs", is_flag=True, help="Print the jobs and their next run times, then exit."
)
def schedule(config_path: Path | None, db: Path | None, list_jobs: bool) -> None:
    """Run the scheduled crawls and the daily digest in the foreground (APScheduler).

    Each job runs as a subprocess; a job missed while the machine slept or the scheduler was down
    runs once. SIGTERM or Ctrl-C stop it cleanly: a running crawl is interrupted resumably.
    """
    from zoneinfo import ZoneInfo

    from clusterwatch.schedule.scheduler import job_specs, next_run, run_forever

    config = get_config(config_path, db)
    specs = job_specs(config)
    if list_jobs:
        zone = ZoneInfo(config.digest.timezone)
        table = Table(title=f"Jobs ({config.path})")
        for column in ("job", "when", f"next run ({config.digest.timezone})"):
            table.add_column(column)
        for spec in specs:
            upcoming = next_run(spec)
            table.add_row(
                spec.id,
                spec.describe(),
                upcoming.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S") if upcoming else "-",
            )
        out.print(table)
        return
    if not specs:
        raise click.ClickException(
            "nothing to schedule: no source has a schedule and no digest has recipients"
        )
    logging.getLogger("clusterwatch").setLevel(logging.INFO)
    logging.getLogger("apscheduler").setLevel(logging.INFO)
    for handler in logging.getLogger().handlers:
        handler.setLevel(logging.INFO)
    run_forever(config)


@click.command()
@config_options
def status(config_path: Path | None, db: Path | None) -> None:
    """Per source: the last run, its result, new articles, errors, health, and the next scheduled run."""
    from zoneinfo import ZoneInfo

    from clusterwatch.archive.store import open_db, save_sources, source_summaries
    from clusterwatch.schedule.scheduler import job_specs, next_run

    config = get_config(config_path, db)
    database = None
    rows = {}
    if config.db_path.is_file():  # before the first crawl: the configuration and schedule alone
        database = open_db(config.db_path)
        save_sources(database, config.sources)
        rows = {row["source"]: row for row in source_summaries(database)}
    upcoming = {spec.source: next_run(spec) for spec in job_specs(config) if spec.kind == "crawl"}
    zone = ZoneInfo(config.digest.timezone)
    table = Table(title=f"Status ({config.db_path})")
    for column in (
        "source",
        "last run",
        "result",
        "new",
        "errors",
        "not stored",
        "health",
        "next run",
    ):
        table.add_column(column, justify="right" if column in ("new", "errors") else "left")
    for source in config.sources:
        row = rows.get(source.name, {})
        health = row.get("health") or "never crawled"
        when = upcoming.get(source.name)
        table.add_row(
            source.name,
            (row.get("last_run_started") or "never").replace("T", " ")[:16],
            row.get("last_run_status") or "-",
            str(row.get("last_run_new_articles") or 0),
            str(row.get("last_run_errors") or 0),
            not_stored_text(row.get("last_run_not_stored")),
            health_text(health),
            when.astimezone(zone).strftime("%Y-%m-%d %H:%M") if when else "not scheduled",
        )
    out.print(table)
    out.print(topics_line(config))
    if database is None:
        console.print(f"no archive yet at {config.db_path}: `clusterwatch crawl` creates it")
        return
    last_digest = database.execute(
        "select max(sent) from digests where status = 'sent'"
    ).fetchone()[0]
    out.print(f"last digest sent: {last_digest or 'never'}")
    if config.topics:
        out.print(topics_table(database, config.topics))


def topics_table(database: Any, topics: Any) -> Table:
    """Per topic: the articles whose current revision has its alerts, and whether the archive
    was matched with the topic's rules as configured now (else: what `rematch` would mend)."""
    from clusterwatch.archive import topic_state

    counts = dict(
        database.execute(
            "select m.topic, count(distinct m.article) from matches m"
            " join articles a on a.id = m.article"
            " join revisions r on r.article = a.id and r.number = a.revision"
            " where m.revision = r.id group by m.topic"
        ).fetchall()
    )
    table = Table(title="Topics")
    for column in ("topic", "articles with alerts", "rules applied to the archive"):
        table.add_column(column, justify="right" if column.startswith("articles") else "left")
    for state in topic_state.check(database, topics):
        when = (state.applied or "").replace("T", " ")[:16]
        if state.since:
            when += f" (articles since {state.since})"
        applied = {
            "applied": when,
            "changed": f"[yellow]changed since {when}: clusterwatch rematch --topic "
            f"{state.topic}[/yellow]",
            "new": f"[yellow]never (added later): clusterwatch rematch --topic {state.topic}"
            "[/yellow]",
        }[state.status]
        table.add_row(state.topic, str(counts.get(state.topic, 0)), applied)
    return table


@click.command()
@config_options
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; anything but 127.0.0.1 lets other machines in.",
)
@click.option(
    "--port", type=click.IntRange(1, 65535), default=8001, show_default=True, help="Port."
)
def serve(config_path: Path | None, db: Path | None, host: str, port: int) -> None:
    """Open the archive in Datasette, read-only: search, facets, canned queries, an Atom feed
    of alerts and a chart of mentions per topic per week.

    The archive stays live: what a running crawl stores shows on the next page load.
    """
    import socket

    from clusterwatch.archive.store import open_db
    from clusterwatch.serve import app as serving

    config = get_config(config_path, db)
    if not config.db_path.is_file():
        raise click.ClickException(
            f"no archive at {config.db_path}: run `clusterwatch crawl` or `clusterwatch demo` first"
        )
    open_db(config.db_path).conn.close()  # an older archive gets the schema the queries expect
    try:
        metadata = serving.load_metadata()
    except serving.ServeError as exc:
        raise click.ClickException(str(exc)) from None
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc} (try --port)") from None
    if host not in ("127.0.0.1", "localhost", "::1"):
        console.print(
            f"[yellow]listening on {host}: whoever reaches this machine can read the archive"
            " (Datasette has no login here)[/yellow]"
        )
    console.print(
        f"Serving {config.db_path} read-only at http://{host}:{port}/{serving.DATABASE_NAME}"
        " (Ctrl-C to stop)",
        soft_wrap=True,
    )
    serving.serve(config.db_path, host=host, port=port, metadata=metadata)
