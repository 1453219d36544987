"""Export the archive: one record per article (a contract other tools rely on)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import IO, Any

from sqlite_utils import Database

FIELDS = ["url", "title", "published", "language", "source", "text", "story", "topics", "revisions"]

_SQL = """
select a.url, a.title, a.published, a.language, a.source, a.text, a.story,
       coalesce((select json_group_array(topic) from
                   (select distinct topic from matches where matches.article = a.id order by topic)), '[]')
         as topics,
       (select count(*) from revisions where revisions.article = a.id) as revisions
from articles a
order by a.id
"""


def article_records(db: Database) -> Iterator[dict[str, Any]]:
    for row in db.query(_SQL):
        row["topics"] = json.loads(row["topics"])
        yield row


def write_export(db: Database, out: IO[str], fmt: str) -> int:
    count = 0
    if fmt == "jsonl":
        for record in article_records(db):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=FIELDS)
        writer.writeheader()
        for record in article_records(db):
            writer.writerow({**record, "topics": json.dumps(record["topics"], ensure_ascii=False)})
            count += 1
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return count
