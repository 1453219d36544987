"""``clusterwatch match``, ``alerts``, ``rematch``, ``search`` and ``extract``: reading texts,
alerts and the archive."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import click
from rich.table import Table

from clusterwatch.config import Config

from .common import config_options, console, get_config, out, require_archive


@click.command()
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

    from clusterwatch.alerts.io import LineError, match_lines
    from clusterwatch.alerts.topics import TopicMatcher

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


@click.command()
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

    from clusterwatch.alerts.io import list_alerts
    from clusterwatch.archive.store import open_db

    config = get_config(config_path, db)
    require_archive(config)
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


@click.command()
@config_options
@click.option(
    "--topic",
    "topic_names",
    multiple=True,
    help="Only this topic (repeatable; default: every configured topic).",
)
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Only articles first seen on or after this date (YYYY-MM-DD).",
)
@click.option("--dry-run", is_flag=True, help="Count what would change; write nothing.")
def rematch(
    config_path: Path | None,
    db: Path | None,
    topic_names: tuple[str, ...],
    since: Any,
    dry_run: bool,
) -> None:
    """Match the archive again with the configured topics, after adding a topic or mending a
    rule: alerts the rules give now are added (the next digest carries them), and those they no
    longer give are removed, unless a digest already carried them."""
    from rich.progress import Progress

    from clusterwatch.alerts.topics import TopicMatcher
    from clusterwatch.archive import topic_state
    from clusterwatch.archive.rematch import rematch as rematch_archive
    from clusterwatch.archive.store import open_db

    config = get_config(config_path, db)
    unknown = [name for name in topic_names if name not in config.topics]
    if unknown:
        raise click.BadParameter(
            f"no topic named {unknown[0]!r} (configured: {', '.join(config.topics) or 'none'})",
            param_hint="--topic",
        )
    require_archive(config)
    names = list(topic_names) or list(config.topics)
    if not names:
        raise click.ClickException(f"{config.path} has no topics")
    matcher = TopicMatcher.from_config({name: config.topics[name] for name in names})
    database = open_db(config.db_path)
    day = since.strftime("%Y-%m-%d") if since else None
    total = database.execute(
        "select count(*) from articles where ? is null or first_seen >= ?", [day, day]
    ).fetchone()[0]
    with Progress(console=console, transient=True, disable=not console.is_terminal) as progress:
        task = progress.add_task("matching", total=total)
        changes = rematch_archive(
            database,
            matcher,
            since=day,
            dry_run=dry_run,
            progress=lambda n: progress.advance(task, n),
        )
    if not dry_run:
        topic_state.record(database, config.topics, names=names, since=day, how="rematch")
    title = f"Rematch of {total} article{'' if total == 1 else 's'}" + (
        " (dry run: nothing written)" if dry_run else ""
    )
    table = Table(title=title)
    for column in ("topic", "articles before", "after", "alerts added", "removed", "kept (sent)"):
        table.add_column(column, justify="left" if column == "topic" else "right")
    for name, change in changes.items():
        table.add_row(
            name,
            str(change.articles_before),
            str(change.articles_after),
            str(change.added),
            str(change.removed),
            str(change.kept_sent),
        )
    out.print(table)


class QueryProblem(click.ClickException):
    """A search query that cannot be run: one line, exit code 2 (a usage error)."""

    exit_code = 2


@click.command()
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
    from clusterwatch.archive.store import open_db
    from clusterwatch.search.fts import search as search_archive
    from clusterwatch.search.query import QueryError

    config = get_config(config_path, db)
    require_archive(config)
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


@click.command()
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
    limit, the User-Agent); a page of a configured source uses its site's extraction rules and
    leaves out the chrome the crawl learned of that site (blocks recurring on its pages).
    """
    import json

    from clusterwatch.archive.blocks import learned_for_url
    from clusterwatch.crawl.encoding import decode_body
    from clusterwatch.crawl.fetch import FetchError, fetch
    from clusterwatch.extract.article import extract_article

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
    result = extract_article(
        decode_body(body, declared),
        url,
        rules=site_rules_for(config, url),
        boilerplate=learned_for_url(config, url),
    )
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
    from clusterwatch.archive.urls import domain_allowed
    from clusterwatch.crawl.runner import spider_loader

    if not url:
        return None
    for source in config.sources:
        if source.spider != "generic" and domain_allowed(
            url, source.allowed_domains or source.start_urls
        ):
            return getattr(spider_loader().load(source.spider), "rules", None)
    return None
