"""Datasette facets of ``clusterwatch serve``: articles per month, and per value of a table
that points at them (``matches.topic``: articles per alert topic)."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.utils import escape_sqlite, path_with_added_args
from datasette.utils import path_with_removed_args as path_without


class _CountingFacet(Facet):
    """What the two facets share: a counting query under the facet time limit, and values that
    toggle a filter."""

    async def counts(self, sql: str) -> list[Any] | None:
        """The rows of ``sql`` (value, count), or None when it ran out of time."""
        try:
            results = await self.ds.execute(
                self.database,
                sql,
                self.params,
                truncate=False,
                custom_time_limit=self.ds.setting("facet_time_limit_ms"),
            )
        except QueryInterrupted:
            return None
        return list(results.rows)

    def value(self, row: Any, selected: bool, toggle: str) -> dict[str, Any]:
        return {
            "value": row["value"],
            "label": row["value"],
            "count": row["count"],
            "toggle_url": self.ds.absolute_url(self.request, toggle),
            "selected": selected,
        }


class MonthFacet(_CountingFacet):
    """``_facet_month=published``: counts per YYYY-MM, newest first; a value filters with
    ``published__startswith``."""

    type = "month"

    async def facet_results(self) -> tuple[list[dict[str, Any]], list[str]]:
        results, timed_out = [], []
        args = dict(self.get_querystring_pairs())
        size = self.get_facet_size()
        for source_and_config in self.get_configs():
            config = source_and_config["config"]
            column = config.get("column") or config["simple"]
            col = escape_sqlite(column)
            rows = await self.counts(
                f"select substr({col}, 1, 7) as value, count(*) as count from ({self.sql})"
                f" where {col} glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'"
                f" group by value order by value desc limit {size + 1}"
            )
            if rows is None:
                timed_out.append(column)
                continue
            key = f"{column}__startswith"
            values = []
            for row in rows[:size]:
                arg = {key: row["value"]}
                selected = args.get(key) == row["value"]
                toggle = (path_without if selected else path_with_added_args)(self.request, arg)
                values.append(self.value(row, selected, toggle))
            results.append(
                {
                    "name": column,
                    "type": self.type,
                    "results": values,
                    "hideable": source_and_config["source"] != "metadata",
                    "toggle_url": path_without(self.request, {"_facet_month": column}),
                    "truncated": len(rows) > size,
                }
            )
        return results, timed_out


class ThroughFacet(_CountingFacet):
    """``{"through": {"table": "matches", "column": "topic"}}``: counts of this table's rows per
    value of a column in a table with a foreign key to this one; a value filters with
    ``_through``."""

    type = "through"

    async def facet_results(self) -> tuple[list[dict[str, Any]], list[str]]:
        results, timed_out = [], []
        size = self.get_facet_size()
        db = self.ds.get_database(self.database)
        for source_and_config in self.get_configs():
            table, column = (
                source_and_config["config"]["table"],
                source_and_config["config"]["column"],
            )
            fks = [
                f for f in await db.foreign_keys_for_table(table) if f["other_table"] == self.table
            ]
            if not fks:
                continue
            ours, theirs = escape_sqlite(fks[0]["other_column"]), escape_sqlite(fks[0]["column"])
            rows = await self.counts(
                f"select t.{escape_sqlite(column)} as value, count(distinct us.{ours}) as count"
                f" from ({self.sql}) as us join {escape_sqlite(table)} as t on t.{theirs} = us.{ours}"
                f" where value is not null group by value order by count desc, value limit {size + 1}"
            )
            if rows is None:
                timed_out.append(column)
                continue
            values = []
            for row in rows[:size]:
                through = {"table": table, "column": column, "value": str(row["value"])}
                selected = through in self.selected_throughs()
                toggle = (
                    self.path_without_through(through)
                    if selected
                    else path_with_added_args(self.request, {"_through": json.dumps(through)})
                )
                values.append(self.value(row, selected, toggle))
            results.append(
                {
                    "name": column,
                    "type": table,  # shown as "topic (matches)"
                    "results": values,
                    "hideable": False,
                    "toggle_url": self.ds.absolute_url(self.request, self.request.path),
                    "truncated": len(rows) > size,
                }
            )
        return results, timed_out

    def selected_throughs(self) -> list[dict[str, str]]:
        return [
            {k: str(v) for k, v in json.loads(value).items()}
            for key, value in self.get_querystring_pairs()
            if key == "_through"
        ]

    def path_without_through(self, through: dict[str, str]) -> str:
        kept = [
            (key, value)
            for key, value in self.get_querystring_pairs()
            if key != "_through" or {k: str(v) for k, v in json.loads(value).items()} != through
        ]
        return self.request.path + (f"?{urlencode(kept)}" if kept else "")
