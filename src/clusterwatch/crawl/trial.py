"""``clusterwatch try URL``: how clusterwatch would read a site that is not configured yet.

The trial is a real crawl of a bounded sample — the generic spider, the configuration's
politeness rules (robots.txt, at most 2 requests in flight, its User-Agent), extraction and
alerts as in a scheduled crawl — into an archive in a temporary directory, which is read for
the report and then deleted. Nothing of the user's is written, but for the configuration
entry that ``--write`` appends.

The report (:class:`Trial`, and its JSON form, a contract for other tools):
``{"url", "feeds", "sitemaps", "listings", "article_patterns", "articles": [{"url", "title",
"published", "language", "words", "topics"}], "rejected": [{"url", "reason"}], "verdict",
"config"}``.
"""

from __future__ import annotations

import re
import sqlite3
import tempfile
import tomllib
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import tomli_w

from clusterwatch import paths
from clusterwatch.config import (
    ConfigError,
    config_from_dict,
    find_config_path,
    load_config,
    read_toml,
)

from .runner import crawl_sources, known_spiders

DEFAULT_MAX_PAGES = 30
# network errors of a fetch, and our own refusals, as the report names them
_REFUSALS = {
    "robots": "robots",
    "offsite": "out of scope",
    "private-address": "private address",
    "scheme": "scheme",
    "not-html": "not html",
}


class TrialError(Exception):
    """The site cannot be tried: one line saying why (exit status 1)."""


@dataclass
class Trial:
    url: str
    feeds: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    listings: list[str] = field(default_factory=list)
    article_patterns: list[str] = field(default_factory=list)
    articles: list[dict[str, Any]] = field(default_factory=list)
    rejected: list[dict[str, str]] = field(default_factory=list)
    verdict: str = ""
    config: str = ""
    # for the printed report only (not in the JSON contract)
    listing_patterns: list[str] = field(default_factory=list)
    unfetched: int = 0
    pages: int = 0
    name: str = ""

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("listing_patterns", "unfetched", "pages", "name"):
            del data[key]
        return data


def check_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise TrialError(f"{url!r} is not an http(s) URL")
    try:
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        raise TrialError(f"{url!r} has a bad port") from None
    return url.strip() if parts.path else url.strip() + "/"


def source_name(url: str, taken: set[str]) -> str:
    """A source name from the URL's host: ``https://www.assoc.example/`` → ``assoc-example``."""
    parts = urlsplit(url)
    host = (parts.hostname or "site").removeprefix("www.")
    name = re.sub(r"[^a-z0-9]+", "-", f"{host}-{parts.port}" if parts.port else host).strip("-")
    name = name or "site"
    candidate, number = name, 2
    while candidate in taken:
        candidate, number = f"{name}-{number}", number + 1
    return candidate


def entry_toml(entry: dict[str, Any]) -> str:
    """The ``[[sources]]`` table to paste into the configuration."""
    return tomli_w.dumps({"sources": [entry]})


def run_trial(
    url: str,
    config_path: str | Path | None = None,
    *,
    max_pages: int = DEFAULT_MAX_PAGES,
    progress: bool = False,
    log_level: str = "WARNING",
) -> Trial:
    """Crawl a sample of ``url``'s site into a temporary archive and report what was found.
    Raises :class:`TrialError` for a bad URL, or a site that cannot be read at all, and
    :class:`~clusterwatch.config.ConfigError` for a configuration that cannot be used."""
    url = check_url(url)
    base_path = find_config_path(config_path)
    # a --config that does not exist yet (``--write`` creates it): the defaults
    raw = read_toml(base_path, "configuration file not found") if base_path.exists() else {}
    taken = {s.get("name") for s in raw.get("sources", []) if isinstance(s, dict)}
    entry = {"name": source_name(url, taken), "start_urls": [url]}
    with tempfile.TemporaryDirectory(prefix="clusterwatch-try-") as tmp:
        work = Path(tmp)
        trial_raw = {key: value for key, value in raw.items() if key != "sources"}
        crawl = dict(trial_raw.get("crawl", {}))
        crawl["concurrent_requests_per_domain"] = min(
            crawl.get("concurrent_requests_per_domain", 2), 2
        )
        crawl["state_dir"] = str(work / "state")
        crawl["max_pages"] = max_pages
        crawl["retries"] = min(crawl.get("retries", 1), 1)  # a sample: a failing page is a finding
        trial_raw["crawl"] = crawl
        trial_raw["archive"] = {"path": str(work / "archive.db")}
        trial_raw["digest"] = {**trial_raw.get("digest", {}), "out_dir": str(work / "digests")}
        trial_raw["sources"] = [entry]
        # the crawl's spider reads its configuration from a file, as in any crawl
        trial_path = work / "clusterwatch.toml"
        trial_path.write_text(tomli_w.dumps(trial_raw), encoding="utf-8")
        config = load_config(trial_path, spiders=known_spiders())
        crawl_sources(
            config, config.sources, max_pages=max_pages, progress=progress, log_level=log_level
        )
        trial = read_trial(config.db_path, url)
    trial.config = entry_toml(entry)
    trial.name = entry["name"]
    return trial


def read_trial(db_path: Path, url: str) -> Trial:
    """The report of a trial crawl, from its archive."""
    db = sqlite3.connect(db_path)
    db.row_factory = sqlite3.Row
    try:
        _check_start(db, url)
        trial = Trial(url=url)
        trial.feeds = _urls(
            db, "select distinct url from fetches where kind = 'feed' and status = 200"
        )
        trial.sitemaps = _urls(
            db, "select distinct url from fetches where kind = 'sitemap' and status = 200"
        )
        trial.listings = _urls(
            db, "select url from pages where kind in ('listing', 'start') order by first_fetched"
        )
        for row in db.execute(
            "select shape, articles, listings, others from site_shapes "
            "order by articles + listings + others desc, shape"
        ):
            if row["articles"] > row["listings"] + row["others"]:
                trial.article_patterns.append(row["shape"])
            elif row["listings"] > row["articles"] + row["others"]:
                trial.listing_patterns.append(row["shape"])
        for row in db.execute(
            "select a.id, a.url, a.title, a.published, a.language, a.text, "
            "(select group_concat(distinct m.topic) from matches m where m.article = a.id) as topics "
            "from articles a order by a.published desc, a.url"
        ):
            trial.articles.append(
                {
                    "url": row["url"],
                    "title": row["title"],
                    "published": row["published"],
                    "language": row["language"],
                    "words": len((row["text"] or "").split()),
                    "topics": sorted((row["topics"] or "").split(",")) if row["topics"] else [],
                }
            )
        trial.rejected = _rejected(db)
        trial.unfetched = db.execute(
            "select count(distinct url) from fetches where error = 'page-limit'"
        ).fetchone()[0]
        trial.pages = db.execute("select count(status) from fetches").fetchone()[0]
    finally:
        db.close()
    trial.verdict = verdict(trial)
    return trial


def _urls(db: sqlite3.Connection, sql: str) -> list[str]:
    return [row[0] for row in db.execute(sql)]


def _check_start(db: sqlite3.Connection, url: str) -> None:
    """A site that cannot be read at all is an error, not a report."""
    rows = db.execute(
        "select url, status, error, error_detail from fetches where kind = 'start' order by id"
    ).fetchall()
    if not rows:
        raise TrialError(f"{url} was not fetched")
    last = rows[-1]
    if last["status"] is not None and last["status"] < 400:
        return
    host = urlsplit(url).netloc
    if last["error"] == "robots":
        raise TrialError(f"robots.txt of {host} does not allow clusterwatch to fetch {url}")
    if last["error"] == "private-address":
        raise TrialError(
            f"{host} is a private address: allow it with [crawl] allow_private_addresses"
        )
    if last["status"] is not None:
        raise TrialError(f"{url} answered HTTP {last['status']}")
    raise TrialError(f"cannot reach {url}: {last['error']} ({last['error_detail']})")


def _rejected(db: sqlite3.Connection) -> list[dict[str, str]]:
    rejected = {
        row["url"]: row["reason"]
        for row in db.execute(
            "select url, reason from pages where reason is not null order by last_fetched, url"
        )
    }
    for row in db.execute(
        "select url, status, error from fetches "
        "where kind in ('start', 'listing', 'page', 'article') "
        "and (status >= 400 or error is not null) and coalesce(error, '') != 'page-limit' "
        "order by id"
    ):
        reason = _REFUSALS.get(row["error"], "error")
        rejected.setdefault(row["url"], reason)
    return [{"url": u, "reason": r} for u, r in rejected.items()]


def verdict(trial: Trial) -> str:
    """One sentence: what was found, and through what; or why nothing was."""
    found = len(trial.articles)
    sample = f"in {trial.pages} pages" + (
        " (raise --max-pages to read more of the site)" if trial.unfetched else ""
    )
    if found:
        ways = [
            name
            for name, present in (
                ("its listings", trial.listings),
                ("its feed", trial.feeds),
                ("its sitemap", trial.sitemaps),
            )
            if present
        ]
        through = " through " + _joined(ways) if ways else ""
        noun = "article" if found == 1 else "articles"
        return f"found {found} {noun}{through}, {sample}"
    reasons = Counter(item["reason"] for item in trial.rejected)
    if not reasons:
        return f"found no articles {sample}: the start page links to no page of the site"
    common = ", ".join(f"{n} {r}" for r, n in reasons.most_common(3))
    hint = (
        "start from the site's news page rather than its home page, or raise --max-pages"
        if trial.unfetched or reasons.get("listing")
        else "its pages hold little text: the site may render its news with scripts"
        if reasons.get("navigation", 0) + reasons.get("too short", 0) >= sum(reasons.values()) / 2
        else "see the rejected pages below"
    )
    return f"found no articles {sample} ({common}): {hint}"


def _joined(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def check_writable(config_path: Path) -> None:
    """``--write`` changes the user's configuration, never the bundled one."""
    if config_path.resolve() == paths.default_config_path().resolve():
        raise TrialError(
            "the bundled configuration is not changed: --write needs your own "
            "(--config FILE, CLUSTERWATCH_CONFIG or ./clusterwatch.toml)"
        )


def append_entry(config_path: Path, trial: Trial) -> Path:
    """Append the trial's ``[[sources]]`` entry to ``config_path`` (created when missing),
    keeping what the file holds, comments included; the result must load before it is
    written, and replaces the file in one rename."""
    check_writable(config_path)
    text = config_path.read_text(encoding="utf-8") if config_path.exists() else ""
    raw = tomllib.loads(text) if text else {}
    for source in raw.get("sources", []):
        if trial.url in source.get("start_urls", []):
            raise TrialError(f"{trial.url} is configured already (source {source.get('name')!r})")
    new_text = text + ("\n" if text and not text.endswith("\n") else "")
    new_text += ("\n" if text else "") + f"# added by `clusterwatch try {trial.url}`\n"
    new_text += trial.config
    try:
        config_from_dict(tomllib.loads(new_text), config_path, spiders=known_spiders())
    except (tomllib.TOMLDecodeError, ConfigError) as exc:
        raise TrialError(f"{config_path}: the entry cannot be added: {exc}") from None
    temporary = config_path.with_name(f".{config_path.name}.try")
    temporary.write_text(new_text, encoding="utf-8")
    temporary.replace(config_path)
    return config_path
