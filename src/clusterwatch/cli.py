"""The ``clusterwatch`` command: one click group, each command a thin layer over the core."""

from __future__ import annotations

import logging
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
@click.pass_context
def crawl(
    ctx: click.Context,
    config_path: Path | None,
    db: Path | None,
    sources: tuple[str, ...],
    max_pages: int | None,
    full: bool,
) -> None:
    """Crawl the configured sources now and store new and changed articles.

    Incremental: listings, feeds and sitemaps are read every time, known articles only when due
    for a check (with conditional requests), unless --full.
    """
    from .crawl import crawl_sources

    config = get_config(config_path, db)
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
    help="Directory for the digest files (default: [digest] out_dir).",
)
@click.option("--since", help="Only alerts matched on or after this date (YYYY-MM-DD).")
@click.option("--dry-run", is_flag=True, help="Print the digest; record nothing.")
def digest(
    config_path: Path | None,
    db: Path | None,
    out_dir: Path | None,
    since: str | None,
    dry_run: bool,
) -> None:
    """Write what is new since the last digest, grouped by topic and story, as Markdown and HTML."""
    from . import digest as digests
    from .store import open_db

    config = get_config(config_path, db)
    database = open_db(config.db_path)
    if dry_run:
        pending = digests.build_digest(database, digests.FILES_RECIPIENT, None, since)
        out.print(digests.render(pending, "md"), markup=False, highlight=False)
        return
    result, written = digests.write_files(database, out_dir or config.digest_dir, None, since)
    console.print(
        f"{result.story_count} stories, {result.item_count} items → {', '.join(str(p) for p in written)}"
    )


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
    out.print(f"Open the archive in Datasette:  datasette {config.db_path}")


def main() -> None:  # pragma: no cover - the console script
    cli(prog_name="clusterwatch")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
