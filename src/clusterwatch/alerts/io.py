"""Alerts in and out: matching JSON lines (``clusterwatch match``) and listing stored alerts.

The ``match`` contract (other tools rely on it: keep it stable). Input, one JSON object a line:
``{"id": any JSON value, "text": "…"}``. Output, one line per input line, in order:
``{"id": …, "topics": ["belarus", …], "hits": [{"topic", "term", "start", "end", "text"}, …]}``
where ``topics`` is sorted, ``hits`` are in text order per topic, ``start``/``end`` are
character offsets (Unicode code points, end exclusive) in ``text``, ``term`` is the rule term
that matched as the configuration or gazetteer writes it and ``text`` the matched words.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from .topics import Hit, TopicMatcher, mark


@dataclass(frozen=True)
class LineError:
    line: int
    why: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.why}"


def hit_record(hit: Hit, text: str) -> dict[str, Any]:
    return {
        "topic": hit.topic,
        "term": hit.term,
        "start": hit.start,
        "end": hit.end,
        "text": text[hit.start : hit.end],
    }


def match_record(matcher: TopicMatcher, id_: Any, text: str) -> dict[str, Any]:
    hits = matcher.match(text)
    return {
        "id": id_,
        "topics": sorted({hit.topic for hit in hits}),
        "hits": [hit_record(hit, text) for hit in hits],
    }


def match_lines(
    matcher: TopicMatcher, lines: Iterable[str | bytes]
) -> Iterator[dict[str, Any] | LineError]:
    """A record per JSON line (UTF-8 when bytes), or a ``LineError`` for a line that is not a
    valid request; blank lines are skipped."""
    for number, raw in enumerate(lines, start=1):
        try:
            line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        except UnicodeDecodeError as exc:
            yield LineError(number, f"not UTF-8 (byte {exc.start + 1})")
            continue
        if not line.strip():
            continue
        try:
            request = json.loads(line)
        except json.JSONDecodeError as exc:
            yield LineError(number, f"not JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(request, dict):
            yield LineError(number, 'expected an object {"id": …, "text": …}')
        elif not isinstance(request.get("text"), str):
            yield LineError(number, '"text" is missing or not a string')
        else:
            yield match_record(matcher, request.get("id"), request["text"])


def list_alerts(
    db: Database, *, since: str | None = None, topic: str | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """Stored alerts, newest first: when matched, topic, term, article, and the marked snippet."""
    where, params = [], []
    if since:
        where.append("m.matched >= ?")
        params.append(since)
    if topic:
        where.append("m.topic = ?")
        params.append(topic)
    sql = (
        "select m.matched, m.topic, m.term, m.field, m.snippet, m.hit_start, m.hit_end, "
        "m.revision, a.id as article, a.title, a.url, a.source, a.published "
        "from matches m join articles a on a.id = m.article"
        + (" where " + " and ".join(where) if where else "")
        + " order by m.matched desc, a.id, m.topic, m.field desc, m.hit_start"
        + (f" limit {int(limit)}" if limit else "")
    )
    cursor = db.execute(sql, params)
    columns = [column[0] for column in cursor.description]
    rows = []
    for row in cursor.fetchall():
        record = dict(zip(columns, row, strict=True))
        record["snippet_marked"] = mark(record["snippet"], record["hit_start"], record["hit_end"])
        rows.append(record)
    return rows
