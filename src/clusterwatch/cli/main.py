"""The ``clusterwatch`` command: one click group, each command a thin layer over the core.

Here: ``crawl``, ``export``, ``sources`` and ``demo``; the other commands are in ``archive``,
``service`` and ``distributed``, and join the group below.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

import click
from rich.table import Table

from clusterwatch import __version__
from clusterwatch.config import Config, ConfigError

from . import archive as cli_archive
from . import distributed as cli_distributed
from . import service as cli_service
from .common import (
    EX_TEMPFAIL,
    Commands,
    ConfigProblem,
    config_options,
    console,
    get_config,
    health_text,
    out,
    redis_option,
    require_archive,
    run_table,
    scrapy_log_level,
    topics_line,
)


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
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
    if not verbose:  # a page trafilatura cannot parse: the command says so in its own words
        logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


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
    from clusterwatch.crawl.runner import crawl_sources

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
        from .distributed import seed

        seed(config, selected, redis_url, log_level=scrapy_log_level(ctx))
        return
    summaries = crawl_sources(
        config,
        selected,
        max_pages=max_pages,
        full=full,
        progress=console.is_terminal,
        log_level=scrapy_log_level(ctx),
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
    from clusterwatch.archive.export import write_export
    from clusterwatch.archive.store import open_db

    config = get_config(config_path, db)
    require_archive(config)
    count = write_export(open_db(config.db_path), output, fmt)
    console.print(f"{count} articles exported", style="dim")


@cli.command()
@config_options
def sources(config_path: Path | None, db: Path | None) -> None:
    """List the configured sources with their last run and health."""
    from clusterwatch.archive.store import open_db, save_sources, source_summaries

    config = get_config(config_path, db)
    rows = {}
    archive = config.db_path.is_file()  # before the first crawl: the configuration alone
    if archive:
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
            health_text(health),
        )
    out.print(table)
    out.print(topics_line(config))
    if not archive:
        console.print(f"no archive yet at {config.db_path}: `clusterwatch crawl` creates it")
    out.print(_learned_table(config, database if archive else None))


def _learned_table(config: Any, database: Any) -> Table:
    """Per source: where its crawl may go, and the URL shapes its pages taught (the generic
    spider's site knowledge, kept in ``site_shapes``)."""
    from clusterwatch.archive.urls import Scope
    from clusterwatch.crawl.shapes import KINDS

    learned: dict[str, dict[str, list[str]]] = {}
    if database is not None and database["site_shapes"].exists():
        for row in database.query(
            "select source, shape, kind, articles + listings + others as pages from site_shapes "
            "where kind is not null order by source, pages desc, shape"
        ):
            shapes = learned.setdefault(row["source"], {kind: [] for kind in KINDS})
            shapes[row["kind"]].append(f"{row['shape']} ({row['pages']})")
    table = Table(title="Scope and learned URL shapes")
    for column in ("source", "scope", "articles", "listings", "not fetched (other pages)"):
        table.add_column(column, overflow="fold")
    for source in config.sources:
        scope = Scope.of(source.start_urls, source.scope, source.allowed_domains)
        shapes = learned.get(source.name, {kind: [] for kind in KINDS})
        table.add_row(
            source.name,
            scope.describe(),
            "\n".join(shapes["article"][:5]) or "-",
            "\n".join(shapes["listing"][:5]) or "-",
            "\n".join(shapes["other"][:5]) or "-",
        )
    return table


@cli.command(name="try")
@click.argument("url")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="CLUSTERWATCH_CONFIG",
    help="Configuration whose crawl rules and topics apply, and which --write extends "
    "(default: ./clusterwatch.toml, else the bundled one; env CLUSTERWATCH_CONFIG).",
)
@click.option(
    "--max-pages",
    type=click.IntRange(min=1),
    default=30,
    show_default=True,
    help="Fetch at most this many pages of the site.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
@click.option("--write", is_flag=True, help="Append the source's entry to the configuration file.")
@click.pass_context
def try_site(
    ctx: click.Context,
    url: str,
    config_path: Path | None,
    max_pages: int,
    as_json: bool,
    write: bool,
) -> None:
    """Try a site before adding it: crawl a sample of URL as a configured source would be
    crawled (robots.txt, 2 requests at a time, the User-Agent) and report what was found.

    Prints the feeds, sitemaps and listings found, the URL shapes of articles, sample articles
    with the topics they raise, the pages rejected and why, a verdict, and the configuration
    entry to paste (--write appends it). No archive is written: the sample is crawled into a
    temporary directory, deleted afterwards.
    """
    import json

    from clusterwatch.config import find_config_path
    from clusterwatch.crawl.trial import TrialError, append_entry, check_writable, run_trial

    if scrapy_log_level(ctx) == "WARNING":
        # a site that fails is the report's one line, not a screen of retries (-v shows them)
        for handler in logging.getLogger().handlers:
            handler.setLevel(logging.CRITICAL)
    try:
        if write:  # before the crawl: say at once that nothing could be written
            check_writable(find_config_path(config_path))
        trial = run_trial(
            url,
            config_path,
            max_pages=max_pages,
            progress=console.is_terminal and not as_json,
            log_level=scrapy_log_level(ctx),
        )
        written = append_entry(find_config_path(config_path), trial) if write else None
    except ConfigError as exc:
        raise ConfigProblem(str(exc)) from None
    except TrialError as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps(trial.as_json(), ensure_ascii=False, indent=2))
    else:
        print_trial(trial)
    if written:
        console.print(f"added source {trial.name!r} to {written}")


def print_trial(trial: Any) -> None:
    from rich.markup import escape

    found = Table(title=f"What clusterwatch found at {trial.url}", show_header=False)
    found.add_column("what")
    found.add_column("", overflow="fold")
    for label, items in (
        ("feeds", trial.feeds),
        ("sitemaps", trial.sitemaps),
        ("listings", trial.listings),
        ("article URL shapes", trial.article_patterns),
        ("listing URL shapes", trial.listing_patterns),
    ):
        found.add_row(label, escape("\n".join(items[:8])) + (" …" if len(items) > 8 else "") or "-")
    out.print(found)
    articles = Table(title=f"Articles ({len(trial.articles)})")
    for column in ("url", "title", "date", "language", "words", "topics"):
        articles.add_column(
            column, overflow="fold", justify="right" if column == "words" else "left"
        )
    for item in trial.articles[:20]:
        articles.add_row(
            escape(item["url"]),
            escape(item["title"] or "-"),
            (item["published"] or "-")[:10],
            item["language"] or "-",
            str(item["words"]),
            ", ".join(item["topics"]) or "-",
        )
    out.print(articles)
    if trial.rejected:
        rejected = Table(title=f"Pages not stored ({len(trial.rejected)})")
        rejected.add_column("url", overflow="fold")
        rejected.add_column("reason")
        for item in trial.rejected[:30]:
            rejected.add_row(escape(item["url"]), item["reason"])
        out.print(rejected)
    out.print(f"[bold]Verdict:[/bold] {escape(trial.verdict)}")
    out.print("Configuration entry to paste (or run again with --write):")
    out.print(escape(trial.config), highlight=False)


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
    from clusterwatch.archive.store import open_db
    from clusterwatch.crawl.runner import crawl_sources
    from clusterwatch.demo.replicas import ReplicaServer
    from clusterwatch.demo.run import demo_workdir, write_demo_config
    from clusterwatch.digest import build as digests

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
            log_level=scrapy_log_level(ctx),
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


for command in (
    cli_archive.match,
    cli_archive.alerts,
    cli_archive.rematch,
    cli_archive.search,
    cli_archive.extract,
    cli_service.digest,
    cli_service.schedule,
    cli_service.status,
    cli_service.serve,
):
    cli.add_command(command)
cli_distributed.register(cli)


def main() -> None:  # pragma: no cover - the console script
    cli(prog_name="clusterwatch")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
