"""The archive in Datasette, behind ``clusterwatch serve``.

Datasette 0.65 (the stable line) with the project's metadata, ``data/datasette/metadata.yml``:
descriptions of every table and column an analyst sees, full-text search and facets on articles,
canned queries, an Atom feed of alerts (datasette-atom) and a chart of mentions per topic per week
(datasette-vega, preconfigured by the canned query's URL fragment); templates in the same directory
give an article's page its text to read.

Search on articles uses the Polish-aware index of :mod:`clusterwatch.search.fts` (``article_terms_fts``,
folded lemmas): Datasette's table search runs ``match escape_fts(:search)``, and on the archive's
connections ``escape_fts`` is replaced by :func:`search_query.parse_query`. An archive without
that index is searched through SQLite's own ``articles_fts`` in raw FTS5 syntax instead.

Read-only for visitors, and live: the archive is attached as a *mutable* database, which Datasette
reads only through ``mode=ro`` connections (it opens a writing connection only for writable canned
queries, and :func:`load_metadata` refuses those). Not ``--immutable``: the scheduler or a crawl may
be writing while the archive is served, and SQLite's ``immutable=1`` takes no locks and does not read
the WAL file: readers would not see what was committed since the last checkpoint, and could read pages
that a checkpoint is rewriting.

Datasette 0.65 lacks two facets the analysts need; a small plugin registered here adds them
(:mod:`.facets`):
``month`` (YYYY-MM of a date column; the built-in ``_facet_date`` counts days) and ``through``
(values of a column in a table that points at this one, such as the topics of an article's alerts,
filtered with Datasette's own ``_through``). The plugin also links article and story ids in query
results, marks the matched words in alert snippets, colours diffs, and gives datasette-atom an empty
feed instead of its error when no alert matches yet.
"""

from __future__ import annotations

import copy
import logging
import sqlite3
import sys
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import Any

from datasette import hookimpl
from datasette.app import Datasette
from datasette.database import Database
from datasette.facets import Facet
from datasette.plugins import pm
from datasette.utils import (
    BadMetadataError,
    parse_metadata,
)
from markupsafe import Markup

from clusterwatch import paths

from .facets import MonthFacet, ThroughFacet

logger = logging.getLogger(__name__)

DATABASE_NAME = "archive"  # the archive's name in Datasette's URLs, whatever its file is called
POLISH_FTS_TABLE = "article_terms_fts"  # folded lemmas of each article (search.py)
PLAIN_SEARCH_HTML = (
    "One row per article under its canonical URL. Search uses SQLite FTS5 over title and text, "
    "folding case and most diacritics (not <em>ł</em>), in FTS5 syntax: <code>białoru*</code> "
    'finds every word beginning so, <code>"polska pomoc"</code> a phrase.'
)
PLUGIN_NAME = "clusterwatch"
SETTINGS = {
    "sql_time_limit_ms": 3000,
    "facet_time_limit_ms": 500,
    "default_facet_size": 12,
    "allow_download": False,
    "truncate_cells_html": 400,  # article texts in lists; an article's own page shows it whole
}


class ServeError(Exception):
    """The archive or the metadata cannot be served: the message says why."""


def metadata_path() -> Path:
    return paths.data_dir() / "datasette" / "metadata.yml"


def templates_dir() -> Path:
    return paths.data_dir() / "datasette" / "templates"


def load_metadata(path: Path | None = None) -> dict[str, Any]:
    """Datasette metadata for the archive, refusing anything that would let a visitor write."""
    path = path or metadata_path()
    try:
        metadata = parse_metadata(path.read_text(encoding="utf-8"))
    except (OSError, BadMetadataError) as exc:
        raise ServeError(f"{path}: {exc}") from None
    for name, database in (metadata.get("databases") or {}).items():
        for query, spec in (database.get("queries") or {}).items():
            if isinstance(spec, dict) and spec.get("write"):
                raise ServeError(f"{path}: databases.{name}.queries.{query}: write is not allowed")
    return metadata


def build_datasette(
    db_path: Path, *, metadata: dict[str, Any] | None = None, settings: dict[str, Any] | None = None
) -> Datasette:
    """A Datasette instance on the archive at ``db_path``, named ``archive``, with the metadata."""
    register_plugin()
    metadata = metadata if metadata is not None else load_metadata()
    if not has_table(db_path, POLISH_FTS_TABLE):
        metadata = plain_search_metadata(metadata)
    ds = Datasette(
        [],
        metadata=metadata,
        settings={**SETTINGS, **(settings or {})},
        template_dir=str(templates_dir()),
    )
    ds.remove_database("_memory")  # Datasette adds it when given no files
    ds.add_database(Database(ds, path=str(db_path), is_mutable=True), name=DATABASE_NAME)
    return ds


def has_table(db_path: Path, name: str) -> bool:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return bool(conn.execute("select 1 from sqlite_master where name = ?", [name]).fetchone())
    finally:
        conn.close()


def plain_search_metadata(metadata: dict[str, Any]) -> dict[str, Any]:
    """The metadata with articles searched through SQLite's own ``articles_fts`` in raw FTS5
    syntax, for an archive without the Polish-aware index."""
    metadata = copy.deepcopy(metadata)
    tables = metadata.get("databases", {}).get(DATABASE_NAME, {}).get("tables", {})
    articles = tables.setdefault("articles", {})
    articles.pop("fts_table", None)
    articles.pop("fts_pk", None)
    articles["searchmode"] = "raw"
    articles["description_html"] = PLAIN_SEARCH_HTML
    return metadata


def serve(db_path: Path, *, host: str, port: int, metadata: dict[str, Any] | None = None) -> None:
    """Serve the archive until interrupted (uvicorn, one worker, as ``datasette serve`` does)."""
    import uvicorn

    ds = build_datasette(db_path, metadata=metadata)
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on", workers=1)


# --- the plugin ---------------------------------------------------------------------------------


# ids in query results that name a row of these tables become links to it
_LINKED_COLUMNS = {"article": "articles", "story": "stories"}


@hookimpl
def register_facet_classes() -> list[type[Facet]]:
    return [MonthFacet, ThroughFacet]


@hookimpl
def render_cell(
    row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any
) -> Markup | None:
    if database != DATABASE_NAME:
        return None
    keys = set(row.keys())
    if column == "snippet" and isinstance(value, str) and {"hit_start", "hit_end"} <= keys:
        return mark_hit(value, row["hit_start"], row["hit_end"])
    if column == "diff" and isinstance(value, str) and value:
        return render_diff(value)
    if table is None and column in _LINKED_COLUMNS and isinstance(value, int):
        url = datasette.urls.row(database, _LINKED_COLUMNS[column], value)
        return Markup(f'<a href="{escape(url)}">{value}</a>')
    return None


@hookimpl(trylast=True)  # called after Datasette's own, so this escape_fts replaces its
def prepare_connection(conn: sqlite3.Connection, database: str, datasette: Any) -> None:
    # Datasette's table search runs "fts_table match escape_fts(:search)": on the Polish-aware
    # index, escape_fts turns what the analyst typed into folded lemmas (search_query.parse_query)
    if database != DATABASE_NAME:
        return
    articles = datasette.table_metadata(database, "articles") or {}
    if articles.get("fts_table") == POLISH_FTS_TABLE:
        path = datasette.get_database(database).path
        conn.create_function("escape_fts", 1, polish_fts_query(path))


def polish_fts_query(path: str) -> Any:
    """``escape_fts`` for the lemma index: the FTS5 expression of what was typed."""
    from sqlite_utils import Database as Archive

    from clusterwatch.search.query import QueryError, parse_query

    vocabulary: list[Archive] = []  # opened on first use, in the thread that searches

    def escape_fts(typed: str) -> str:
        if not vocabulary:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            vocabulary.append(Archive(conn))
        try:
            return parse_query(vocabulary[0], typed or "").fts
        except QueryError as exc:
            logger.info("search %r: %s", typed, exc)
            return '""'  # an empty phrase: no results rather than an SQL error

    return escape_fts


@hookimpl(trylast=True)  # called last, so this "atom" renderer replaces datasette-atom's
def register_output_renderer(datasette: Any) -> dict[str, Any] | None:
    try:
        import datasette_atom
    except ImportError:
        return None

    def render(
        datasette: Any,
        request: Any,
        sql: str,
        columns: list[str],
        rows: list[Any],
        database: str,
        table: str | None,
        query_name: str | None,
        view_name: str,
        data: dict[str, Any],
    ) -> Any:
        if rows:
            return datasette_atom.render_atom(
                datasette, request, sql, columns, rows, database, table, query_name, view_name, data
            )
        return empty_atom_feed(datasette, request, database, table, query_name)

    return {"extension": "atom", "render": render, "can_render": datasette_atom.can_render_atom}


def mark_hit(snippet: str, start: Any, end: Any) -> Markup:
    """The snippet with the matched words in ``<mark>``; plain when the offsets do not fit."""
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(snippet)):
        return Markup(escape(snippet))
    return Markup(
        f"{escape(snippet[:start])}<mark>{escape(snippet[start:end])}</mark>{escape(snippet[end:])}"
    )


def render_diff(diff: str) -> Markup:
    """A unified diff with added lines green and removed lines red."""
    styles = {"+": "background:#e6ffec", "-": "background:#ffebe9", "@": "color:#6e7781"}
    lines = []
    for line in diff.splitlines():
        style = styles.get(line[:1], "")
        if line.startswith(("+++", "---")):
            style = "font-weight:bold"
        lines.append(f'<span style="{style}">{escape(line)}</span>' if style else escape(line))
    return Markup('<pre class="diff" style="margin:0">' + "\n".join(lines) + "</pre>")


def empty_atom_feed(
    datasette: Any, request: Any, database: str, table: str | None, query_name: str | None
) -> Any:
    # datasette-atom 0.9 fails with "max() arg is an empty sequence" when no row matches
    from datasette.utils.asgi import Response
    from feedgen.feed import FeedGenerator

    queries = (datasette.metadata(database=database) or {}).get("queries") or {}
    query = queries.get(query_name) if query_name else None
    feed = FeedGenerator()
    feed.id(request.url)
    feed.link(href=request.url, rel="self")
    feed.updated(datetime.now(UTC))
    feed.title(query.get("title", query_name) if isinstance(query, dict) else table or database)
    return Response(
        feed.atom_str(pretty=True), content_type="application/xml; charset=utf-8", status=200
    )


def register_plugin() -> None:
    """Register the hooks with Datasette's plugin manager, once per process."""
    # Datasette wants plugins to be modules: this one is
    if pm.get_plugin(PLUGIN_NAME) is None:
        pm.register(sys.modules[__name__], name=PLUGIN_NAME)
