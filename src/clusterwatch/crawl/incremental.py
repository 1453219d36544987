"""When a known URL is worth fetching again: the policy of incremental crawls.

Listings, feeds and sitemaps are fetched on every run: they are where new articles appear.
A known article is fetched again only when it is due — soon after publication, when edits are
likely, then less and less often while it stays unchanged — or when its change signal moved;
the crawl asks for its due articles itself (``RecordBook.due_articles``) as well as following the
listings. A fetch of a known article is a conditional request (ETag / If-Modified-Since), so an
unchanged page costs a 304 and no body.

A change signal is what a sitemap (``<lastmod>``) or a feed (an item's date) says of a page. The
values seen when the page was last fetched are kept (``pages.signal``); a value not among them
makes the page due, whatever the dates say against the clock: sites backdate, print dates
without times and run wrong clocks, so a value is compared for difference, as text. A page a
sitemap and a feed both list has a value from each (one per line): neither alone is a change.
"""

from __future__ import annotations

import email.utils
from datetime import UTC, date, datetime, timedelta
from typing import Any

ALWAYS_FETCHED = {"start", "listing", "feed", "sitemap", "page", "robots"}
FRESH = timedelta(days=14)
FRESH_INTERVAL = timedelta(days=1)
OLD_INTERVAL = timedelta(days=7)
MAX_INTERVAL = timedelta(days=60)
OTHER_INTERVAL = timedelta(days=30)


def _parse(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def next_check(
    page: dict[str, Any], published: str | None, now: datetime | None = None
) -> str | None:
    """When ``page`` is next due, as an ISO timestamp; None when it is fetched every run."""
    now = now or datetime.now(UTC)
    kind = page.get("kind")
    if kind in ALWAYS_FETCHED:
        return None
    if kind != "article":
        return (now + OTHER_INTERVAL).replace(microsecond=0).isoformat()
    born = _parse(published) or _parse(page.get("first_fetched")) or now
    base = FRESH_INTERVAL if now - born < FRESH else OLD_INTERVAL
    interval = min(base * 2 ** (page.get("unchanged_checks") or 0), MAX_INTERVAL)
    return (now + interval).replace(microsecond=0).isoformat()


def signal_value(raw: str | None) -> str | None:
    """A sitemap's ``<lastmod>`` or a feed item's date as kept and compared: the site's own text,
    whitespace aside; None when there is none."""
    value = " ".join(raw.split()) if raw else ""
    return value or None


def signals_of(stored: str | None) -> set[str]:
    """The values of a ``pages.signal`` column (one per line: a sitemap's, a feed's…)."""
    return set(stored.split("\n")) if stored else set()


def stored_signals(values: set[str]) -> str:
    """``values`` as kept in ``pages.signal``."""
    return "\n".join(sorted(values))


def is_due(
    page: dict[str, Any] | None, signal: str | None = None, now: datetime | None = None
) -> bool:
    """Whether a URL should be fetched in this run.

    ``signal``: the page's ``<lastmod>`` in a sitemap or its date in a feed of this run. One not
    among the values seen when the page was last fetched makes it due; without such values (a
    page fetched before they were kept), one later than that fetch does.
    """
    if page is None:
        return True
    now = now or datetime.now(UTC)
    signal = signal_value(signal)
    if signal is not None:
        seen = signals_of(page.get("signal"))
        if seen:
            if signal not in seen:
                return True
        else:
            fetched = _parse(page.get("last_fetched"))
            changed = _signal_time(signal)
            # equal counts as changed: a lastmod has coarser resolution than our own clock
            if changed is not None and (fetched is None or changed >= fetched):
                return True
    due = _parse(page.get("next_check"))
    return due is None or due <= now


def _signal_time(value: str) -> datetime | None:
    """A W3C datetime (sitemaps, Atom), a date alone, or an RFC 822 date (RSS)."""
    if "T" in value:
        return _parse(value)
    if value[:1].isdigit():
        return _lastmod_date(value)
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _lastmod_date(value: str | None) -> datetime | None:
    """A sitemap's date-only lastmod counts as the end of that day."""
    if not value:
        return None
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return None
    return datetime(day.year, day.month, day.day, 23, 59, 59, tzinfo=UTC)


def conditional_headers(page: dict[str, Any] | None) -> dict[str, str]:
    """Validators from the last fetch, for a request that may be answered with 304."""
    if not page or page.get("last_status") != 200:
        return {}
    headers = {}
    if page.get("etag"):
        headers["If-None-Match"] = page["etag"]
    if page.get("last_modified"):
        headers["If-Modified-Since"] = page["last_modified"]
    return headers
