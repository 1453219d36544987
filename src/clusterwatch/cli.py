"""The ``clusterwatch`` command: one click group, each command a thin layer over the core."""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from . import __version__
from .config import Config, ConfigError, load_config

console = Console(stderr=True)
out = Console()


EX_TEMPFAIL = 75  # sysexits.h: try again later (another process holds the sources)


class ConfigProblem(click.ClickException):
    """A configuration that cannot be used: one line, exit code 2, nothing written."""

    exit_code = 2


def config_options(func: Any) -> Any:
    func = click.option(
        "--db",
        "db",
        type=click.Path(dir_okay=False, path_type=Path),
        envvar="CLUSTERWATCH_DB",
        help="Archive file (default: [archive] path of the configuration; env CLUSTERWATCH_DB).",
    )(func)
    func = click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False, path_type=Path),
        envvar="CLUSTERWATCH_CONFIG",
        help="Configuration file (default: ./clusterwatch.toml, else the bundled one; env CLUSTERWATCH_CONFIG).",
    )(func)
    return func


def redis_option(help: str) -> Any:
    return click.option(
        "--redis",
        "redis_url",
        envvar="CLUSTERWATCH_REDIS",
        callback=_check_redis_url,
        metavar="URL",
        help=help,
    )


def _check_redis_url(ctx: click.Context, param: Any, value: str | None) -> str | None:
    if value is not None and not re.match(r"^(redis|rediss|unix)://", value):
        raise click.BadParameter("a Redis URL starts with redis://, rediss:// or unix://")
    return value


def get_config(config_path: Path | None, db: Path | None) -> Config:
    try:
        return load_config(config_path, db=db)
    except ConfigError as exc:
        raise ConfigProblem(str(exc)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="clusterwatch")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """Monitor news on Polish–Belarusian economic cooperation: crawl, extract, deduplicate,
    alert and digest."""
    from rich.logging import RichHandler

    level = logging.WARNING - 10 * min(verbose, 2)
    handler = RichHandler(console=console, show_path=False, show_time=verbose > 0)
    handler.setLevel(level)  # Scrapy sets its own loggers to DEBUG: the handler decides
    logging.basicConfig(level=level, format="%(name)s: %(message)s", handlers=[handler], force=True)


@cli.command()
@config_options
@click.option("--source", "sources", multiple=True, help="Crawl only this source (repeatable).")
@click.option(
    "--max-pages", type=click.IntRange(min=1), help="Stop each source after this many pages."
)
@click.option(
    "--full", is_flag=True, help="Check every known article and listing page, not only what is due."
)
@redis_option(
    "Do not crawl here: open a run per source and queue its start pages in this Redis for "
    "`clusterwatch worker` processes (env CLUSTERWATCH_REDIS)."
)
@click.pass_context
def crawl(
    ctx: click.Context,
    config_path: Path | None,
    db: Path | None,
    sources: tuple[str, ...],
    max_pages: int | None,
    full: bool,
    redis_url: str | None,
) -> None:
    """Crawl the configured sources now and store new and changed articles.

    Incremental: listings, feeds and sitemaps are read every time, known articles only when due
    for a check (with conditional requests), unless --full. With --redis, seed a distributed
    crawl instead (see `clusterwatch worker` and `clusterwatch writer`).
    """
    from .crawl import crawl_sources

    config = get_config(config_path, db)
    if redis_url and (full or max_pages):
        raise click.UsageError(
            "--full and --max-pages apply to a crawl in this process, not --redis"
        )
    try:
        selected = (
            [config.source(name) for name in sources]
            if sources
            else [s for s in config.sources if s.enabled]
        )
    except ConfigError as exc:
        raise click.BadParameter(str(exc).split(": ", 1)[1], param_hint="--source") from None
    if not selected:
        raise click.ClickException("no sources to crawl: add [[sources]] to the configuration")
    if redis_url:
        from .cli_distributed import seed

        seed(config, selected, redis_url, log_level=_scrapy_log_level(ctx))
        return
    summaries = crawl_sources(
        config,
        selected,
        max_pages=max_pages,
        full=full,
        progress=console.is_terminal,
        log_level=_scrapy_log_level(ctx),
    )
    out.print(run_table(summaries))
    failed = [s.source for s in summaries if s.status in ("failed", "not started")]
    if failed:
        raise click.ClickException(
            f"the crawl of {', '.join(failed)} did not run to its end (see above)"
        )
    if all(s.status.startswith("skipped") for s in summaries):
        console.print("every source is being crawled by another process: nothing done")
        ctx.exit(EX_TEMPFAIL)


def _scrapy_log_level(ctx: click.Context) -> str:
    verbose = (ctx.parent.params.get("verbose") if ctx.parent else 0) or 0
    return {0: "WARNING", 1: "INFO"}.get(verbose, "DEBUG")


def run_table(summaries: list[Any]) -> Table:
    table = Table(title="Crawl")
    for column in ("source", "status", "pages", "new", "updated", "errors", "health"):
        table.add_column(
            column, justify="right" if column in ("pages", "new", "updated", "errors") else "left"
        )
    for s in summaries:
        health = s.health if s.health == "ok" else f"[yellow]{s.health}[/yellow]"
        table.add_row(
            s.source,
            s.status,
            str(s.pages),
            str(s.new_articles),
            str(s.updated_articles),
            str(s.errors),
            health,
        )
    return table


@cli.command()
@config_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv"]),
    default="jsonl",
    show_default=True,
    help="Output format.",
)
@click.option(
    "-o",
    "--output",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="Write here instead of stdout.",
)
def export(config_path: Path | None, db: Path | None, fmt: str, output: Any) -> None:
    """Export every article: url, title, published, language, source, text, story, topics, revisions."""
    from .export import write_export
    from .store import open_db

    config = get_config(config_path, db)
    count = write_export(open_db(config.db_path), output, fmt)
    console.print(f"{count} articles exported", style="dim")


@cli.command()
@config_options
def sources(config_path: Path | None, db: Path | None) -> None:
    """List the configured sources with their last run and health."""
    from .store import open_db, save_sources, source_summaries

    config = get_config(config_path, db)
    database = open_db(config.db_path)
    save_sources(database, config.sources)
    rows = {row["source"]: row for row in source_summaries(database)}
    table = Table(title=f"Sources ({config.path})")
    for column in (
        "source",
        "spider",
        "schedule",
        "last run",
        "status",
        "new",
        "articles",
        "health",
    ):
        table.add_column(column)
    for source in config.sources:
        row = rows.get(source.name, {})
        health = row.get("health", "never crawled")
        table.add_row(
            source.name,
            source.spider,
            source.schedule or "-",
            (row.get("last_run_started") or "never").replace("T", " ")[:16],
            row.get("last_run_status") or "-",
            str(row.get("last_run_new_articles") or 0),
            str(row.get("articles") or 0),
            health if health == "ok" else f"[yellow]{health}[/yellow]",
        )
    out.print(table)


@cli.command()
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

    Each item reaches each recipient in exactly one digest; a failed send marks nothing as sent,
    and the items go out with the next digest.
    """
    from . import digest as digests
    from .store import open_db

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
    failed = False
    if send:
        from .mailer import deliver_all

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
        result, written = digests.write_files(
            database,
            out_dir or config.digest_dir,
            None,
            since_utc,
            weeks=settings.weeks_in_chart,
            timezone=settings.timezone,
        )
        console.print(
            f"{result.story_count} stories, {result.item_count} items → {', '.join(str(p) for p in written)}"
        )
    if failed:
        raise click.ClickException("some digests were not sent")


@cli.command()
@click.option(
    "--port-base",
    type=click.IntRange(1024, 65000),
    default=18470,
    show_default=True,
    help="First port of the replica sites (one port per site).",
)
@click.option(
    "--workdir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where the demo's configuration, archive and digests go (default: data/demo-run).",
)
@click.pass_context
def demo(ctx: click.Context, port_base: int, workdir: Path | None) -> None:
    """Serve the bundled replica sites on 127.0.0.1 and run the whole chain on them.

    Crawl → extract → store → deduplicate → alerts → digest files, then a summary. Run it again
    to see the archive reused and nothing new found.
    """
    from . import digest as digests
    from .crawl import crawl_sources
    from .demo import demo_workdir, write_demo_config
    from .replicas import ReplicaServer
    from .store import open_db

    workdir = workdir or demo_workdir()
    try:
        server = ReplicaServer(base_port=port_base).start()
    except OSError as exc:
        raise click.ClickException(
            f"cannot serve the replica sites from port {port_base}: {exc} (try --port-base)"
        ) from None
    try:
        for site in server.sites:
            console.print(f"serving {site.name:<26} at {site.local_base}", style="dim")
        config = get_config(write_demo_config(server, workdir), None)
        existed = config.db_path.exists()
        summaries = crawl_sources(
            config,
            list(config.sources),
            progress=console.is_terminal,
            log_level=_scrapy_log_level(ctx),
        )
    finally:
        server.stop()
    out.print(run_table(summaries))
    database = open_db(config.db_path)
    result, written = digests.write_files(database, config.digest_dir)
    print_demo_summary(database, config, summaries, result, written, existed)


def print_demo_summary(
    database: Any,
    config: Config,
    summaries: list[Any],
    result: Any,
    written: list[Path],
    existed: bool,
) -> None:
    new = sum(s.new_articles for s in summaries)
    updated = sum(s.updated_articles for s in summaries)
    articles = database["articles"].count
    stories = database["stories"].count
    grouped = database.execute("select count(*) from stories where articles > 1").fetchone()[0]
    table = Table(title="Demo archive", show_header=False)
    table.add_column("what")
    table.add_column("value")
    table.add_row("articles", f"{articles} ({new} new, {updated} updated in this run)")
    table.add_row("stories", f"{stories} ({grouped} with copies on several sites)")
    for topic, count in database.execute(
        "select topic, count(distinct article) from matches group by topic order by topic"
    ).fetchall():
        table.add_row(f"alerts: {topic}", f"{count} articles")
    table.add_row(
        "digest", f"{result.story_count} stories, {result.item_count} items → {written[1]}"
    )
    table.add_row("archive", str(config.db_path))
    out.print(table)
    if existed and new == 0 and updated == 0:
        out.print(
            "[green]Nothing new: the archive was reused and every article was already there.[/green]"
        )
    out.print(f"Open the archive in Datasette:  clusterwatch serve --db {config.db_path}")


@cli.command()
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

    from .schedule import job_specs, next_run, run_forever

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


@cli.command()
@config_options
def status(config_path: Path | None, db: Path | None) -> None:
    """Per source: the last run, its result, new articles, errors, health, and the next scheduled run."""
    from zoneinfo import ZoneInfo

    from .schedule import job_specs, next_run
    from .store import open_db, save_sources, source_summaries

    config = get_config(config_path, db)
    database = open_db(config.db_path)
    save_sources(database, config.sources)
    rows = {row["source"]: row for row in source_summaries(database)}
    upcoming = {spec.source: next_run(spec) for spec in job_specs(config) if spec.kind == "crawl"}
    zone = ZoneInfo(config.digest.timezone)
    table = Table(title=f"Status ({config.db_path})")
    for column in ("source", "last run", "result", "new", "errors", "health", "next run"):
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
            health if health == "ok" else f"[yellow]{health}[/yellow]",
            when.astimezone(zone).strftime("%Y-%m-%d %H:%M") if when else "not scheduled",
        )
    out.print(table)
    last_digest = database.execute(
        "select max(sent) from digests where status = 'sent'"
    ).fetchone()[0]
    out.print(f"last digest sent: {last_digest or 'never'}")


@cli.command()
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

    from . import serve as serving
    from .store import open_db

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


@cli.command()
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="CLUSTERWATCH_CONFIG",
    help="Configuration file whose topics to use (default: ./clusterwatch.toml, else the bundled one; env CLUSTERWATCH_CONFIG).",
)
def match(config_path: Path | None) -> None:
    """Match JSON lines from stdin against the topics; print one JSON line per input line.

    Input: {"id": …, "text": …} per line. Output: {"id": …, "topics": [...], "hits": [{"topic",
    "term", "start", "end", "text"}, …]} (offsets in characters of "text"). A malformed line gets
    a one-line error on stderr naming its number; the run goes on, and exits with status 1.
    """
    import json

    from .alerts import TopicMatcher
    from .alerts_io import LineError, match_lines

    config = get_config(config_path, None)
    matcher = TopicMatcher.from_config(config.topics)
    failed = 0
    for result in match_lines(matcher, sys.stdin.buffer):
        if isinstance(result, LineError):
            failed += 1
            click.echo(f"clusterwatch match: {result}", err=True)
            continue
        click.echo(json.dumps(result, ensure_ascii=False))
        sys.stdout.flush()  # a line out per line in, for tools that talk to it through a pipe
    if failed:
        sys.exit(1)


@cli.command()
@config_options
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Only alerts matched on or after this date (YYYY-MM-DD).",
)
@click.option("--topic", help="Only alerts of this topic.")
@click.option(
    "--limit", type=click.IntRange(min=1), default=200, show_default=True, help="At most this many."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl"]),
    default="table",
    show_default=True,
    help="Output format.",
)
def alerts(
    config_path: Path | None,
    db: Path | None,
    since: Any,
    topic: str | None,
    limit: int,
    fmt: str,
) -> None:
    """List stored alerts, newest first: when, topic, term, article and the marked sentence."""
    import json

    from rich.markup import escape

    from .alerts_io import list_alerts
    from .store import open_db

    config = get_config(config_path, db)
    if topic and topic not in config.topics:
        console.print(
            f"topic {topic!r} is not in {config.path}: listing what is stored", style="dim"
        )
    records = list_alerts(
        open_db(config.db_path),
        since=since.strftime("%Y-%m-%d") if since else None,
        topic=topic,
        limit=limit,
    )
    if fmt == "jsonl":
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
        return
    table = Table(title=f"Alerts ({len(records)})")
    for column in ("matched", "topic", "term", "article", "sentence"):
        table.add_column(column, overflow="fold")
    for record in records:
        table.add_row(
            record["matched"].replace("T", " ")[:16],
            record["topic"],
            escape(record["term"]),
            escape(f"{record['title'] or record['url']}\n{record['url']}"),
            escape(record["snippet_marked"]),
        )
    out.print(table)


class QueryProblem(click.ClickException):
    """A search query that cannot be run: one line, exit code 2 (a usage error)."""

    exit_code = 2


@cli.command()
@config_options
@click.argument("query")
@click.option(
    "--source", "sources", multiple=True, help="Only articles of this source (repeatable)."
)
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Only articles published on or after this date (YYYY-MM-DD).",
)
@click.option("--topic", help="Only articles that raised an alert on this topic.")
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=20,
    show_default=True,
    help="At most this many stories.",
)
def search(
    config_path: Path | None,
    db: Path | None,
    query: str,
    sources: tuple[str, ...],
    since: Any,
    topic: str | None,
    limit: int,
) -> None:
    """Search the archive: the stories that match QUERY, best first (bm25), with the matching
    words marked in a snippet.

    A word finds its inflected forms, with or without diacritics ("Białoruś", "bialorus" and
    "białoruskich" find each other). "Quoted phrases", a trailing * for a prefix, AND, OR, NOT
    (upper case) and parentheses work as in SQLite FTS5. Copies of a story on other sites are
    listed under its best-ranked article.
    """
    from .search import QueryError
    from .search import search as search_archive
    from .store import open_db

    config = get_config(config_path, db)
    if not config.db_path.is_file():
        raise click.ClickException(
            f"no archive at {config.db_path}: run `clusterwatch crawl` first"
        )
    try:
        results = search_archive(
            open_db(config.db_path),
            query,
            sources=sources,
            since=since.strftime("%Y-%m-%d") if since else None,
            topic=topic,
            limit=limit,
        )
    except QueryError as exc:
        raise QueryProblem(f"malformed query: {exc}") from None
    for number, result in enumerate(results, 1):
        _echo_marked(f"{number}. ", result.title, result.title_hits)
        _echo_marked("   ", f"{result.source} · {result.published or '-'} · {result.url}", ())
        _echo_marked("   ", result.snippet, result.snippet_hits)
        if result.copies:
            also = "; ".join(f"{c.source} {c.url}" for c in result.copies)
            _echo_marked("   ", f"also on: {also}", ())
        click.echo()
    if not results:
        summary = f"no articles match {query!r}"
    else:
        summary = f"{len(results)} {'story' if len(results) == 1 else 'stories'}"
        summary += " (the first; --limit shows more)" if len(results) == limit else ""
    console.print(summary, style="dim", highlight=False)


def _echo_marked(prefix: str, text: str, spans: Any) -> None:
    """A line with ``spans`` of ``text`` marked: highlighted on a terminal, else **bold**."""
    if out.is_terminal:
        from rich.text import Text

        line = Text(prefix + text)
        for start, end in spans:
            line.stylize("bold yellow", len(prefix) + start, len(prefix) + end)
        out.print(line, soft_wrap=True)
        return
    pieces, last = [prefix], 0
    for start, end in spans:
        pieces += [text[last:start], "**", text[start:end], "**"]
        last = end
    click.echo("".join([*pieces, text[last:]]))


@cli.command()
@click.argument("path_or_url")
@click.option(
    "--url", help="The page's address, when PATH_OR_URL is a saved file (for links and metadata)."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "text"]),
    default="json",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="CLUSTERWATCH_CONFIG",
    help="Configuration (fetch policy, site rules of the configured sources).",
)
def extract(path_or_url: str, url: str | None, fmt: str, config_path: Path | None) -> None:
    """Extract one article from a saved HTML file or a URL: title, text, published, author,
    language.

    A URL is fetched under the crawl's rules (no private addresses unless allowed, the size
    limit, the User-Agent); a page of a configured source uses its site's extraction rules.
    """
    import json

    from .encoding import decode_body
    from .extract import extract_article
    from .fetch import FetchError, fetch

    config = get_config(config_path, None)
    declared = None
    if re.match(r"^https?://", path_or_url):
        try:
            page = fetch(path_or_url, config)
        except FetchError as exc:
            raise click.ClickException(str(exc)) from None
        body, url = page.body, url or page.url
        declared = (page.content_type or "").partition("charset=")[2].split(";")[0].strip() or None
    else:
        try:
            body = Path(path_or_url).read_bytes()
        except OSError as exc:
            raise click.ClickException(f"{path_or_url}: {exc.strerror}") from None
    result = extract_article(decode_body(body, declared), url, rules=site_rules_for(config, url))
    if result is None:
        raise click.ClickException(f"{url or path_or_url}: no article text found")
    if fmt == "json":
        out.print_json(json.dumps({"url": url, **result.as_dict()}, ensure_ascii=False))
    else:
        out.print(result.title, markup=False, highlight=False)
        out.print(
            f"{result.published or 'no date'} · {result.author or 'no author'} · {result.language}",
            markup=False,
        )
        out.print()
        out.print(result.text, markup=False, highlight=False)


def site_rules_for(config: Config, url: str | None) -> Any:
    """The extraction rules of the site spider of the configured source ``url`` belongs to."""
    from .crawl import spider_loader
    from .urls import domain_allowed

    if not url:
        return None
    for source in config.sources:
        if source.spider != "generic" and domain_allowed(
            url, source.allowed_domains or source.start_urls
        ):
            return getattr(spider_loader().load(source.spider), "rules", None)
    return None


from . import cli_distributed  # noqa: E402  (its commands join the group)

cli_distributed.register(cli)


def main() -> None:  # pragma: no cover - the console script
    cli(prog_name="clusterwatch")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
