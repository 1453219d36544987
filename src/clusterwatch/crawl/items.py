"""What the spiders hand to the pipelines."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class PageItem:
    """An article page as fetched: decoded HTML, before extraction."""

    url: str  # canonical
    fetched_url: str
    source: str
    html: str
    encoding: str


@dataclass
class ArticleItem:
    """An extracted article, ready to store."""

    url: str
    fetched_url: str
    source: str
    extracted: Any  # clusterwatch.extract.article.Extracted
    prepared: Any = None  # clusterwatch.archive.ingest.Prepared, computed by a worker


@dataclass
class AttachmentItem:
    """A document linked from an article (PDF), fetched with a bounded size."""

    article_url: str
    url: str
    title: str
    content_type: str
    body: bytes
