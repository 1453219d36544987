"""What the ``clusterwatch`` commands share: the consoles, the configuration options and errors,
Scrapy's log level and the table of a crawl's results."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from clusterwatch.config import Config, ConfigError, load_config

console = Console(stderr=True)
out = Console()


EX_TEMPFAIL = 75  # sysexits.h: try again later (another process holds the sources)


class ConfigProblem(click.ClickException):
    """A configuration that cannot be used: one line, exit code 2, nothing written."""

    exit_code = 2


class Commands(click.Group):
    """The command group: a file given as the archive that cannot be one (:class:`ArchiveError`,
    raised before anything is written) is a one-line error, whichever command opened it."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except Exception as exc:
            # not imported here: the store (sqlite-utils) would slow every command's start, and
            # a command that never imported it cannot have raised its error
            store = sys.modules.get("clusterwatch.archive.store")
            if store is not None and isinstance(exc, store.ArchiveError):
                raise ConfigProblem(str(exc)) from None
            raise


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
        callback=check_redis_url,
        metavar="URL",
        help=help,
    )


def check_redis_url(ctx: click.Context, param: Any, value: str | None) -> str | None:
    if value is not None and not re.match(r"^(redis|rediss|unix)://", value):
        raise click.BadParameter("a Redis URL starts with redis://, rediss:// or unix://")
    return value


def get_config(config_path: Path | None, db: Path | None) -> Config:
    from clusterwatch.crawl.runner import known_spiders

    try:
        return load_config(config_path, db=db, spiders=known_spiders())
    except ConfigError as exc:
        raise ConfigProblem(str(exc)) from None


def require_archive(config: Config) -> None:
    """Commands that only read the archive never create one (a mistyped ``--db`` would
    otherwise leave an empty archive behind and answer as if it were the real one)."""
    if not config.db_path.is_file():
        raise click.ClickException(
            f"no archive at {config.db_path}: run `clusterwatch crawl` first"
        )


def scrapy_log_level(ctx: click.Context) -> str:
    verbose = (ctx.parent.params.get("verbose") if ctx.parent else 0) or 0
    return {0: "WARNING", 1: "INFO"}.get(verbose, "DEBUG")


def run_table(summaries: list[Any]) -> Table:
    table = Table(title="Crawl")
    for column in ("source", "status", "pages", "new", "updated", "errors", "not stored", "health"):
        table.add_column(
            column, justify="right" if column in ("pages", "new", "updated", "errors") else "left"
        )
    for s in summaries:
        table.add_row(
            s.source,
            s.status,
            str(s.pages),
            str(s.new_articles),
            str(s.updated_articles),
            str(s.errors),
            not_stored_text(s.not_stored),
            health_text(s.health),
        )
    return table


def health_text(health: str) -> str:
    """A source's health for a table: anything but "ok" stands out."""
    return health if health == "ok" else f"[yellow]{escape(health)}[/yellow]"


def not_stored_text(counts: dict[str, int] | str | None) -> str:
    """Pages fetched but not stored, per reason, most first: "12 listing, 3 too short"."""
    if isinstance(counts, str):
        counts = json.loads(counts)
    if not counts:
        return "-"
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return ", ".join(f"{count} {reason}" for reason, count in ordered)


def topics_line(config: Config) -> str:
    """The line of ``status`` and ``sources`` saying which alert topics apply and where they come
    from (markup: the ``[topics]`` it names is escaped)."""
    return f"topics: {escape(config.topics_description)}"
