"""The generic spider, and the base every site spider in ``spiders/`` extends.

A source needs only a configuration entry. From its start URLs the spider finds articles
through a fallback chain: feeds (RSS/Atom, autodiscovered from ``<link rel="alternate">``),
sitemaps (robots.txt ``Sitemap:`` lines, else ``/sitemap.xml``), listing pages and their
pagination (``rel="next"``, "Następna", "»", ``?page=``, ``?strona=``, ``/page/N/``), and
article-link heuristics (courlan's navigation and crawlability filters). A site spider overrides
only what its site says plainly: which URLs are articles and listings, where the links are, and
extraction rules.

Incremental: known articles are skipped until due (see ``incremental``), and fetched with
conditional requests when they are; when the source's last run was complete, pagination stops
at a listing page that brings nothing new, and the due articles are asked for by their URLs.
Bounded: link depth (pagination hops not counted), pagination length, pages per run.
"""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator, Iterable
from typing import Any
from urllib.parse import urlsplit

import scrapy
from courlan import is_navigation_page, is_not_crawlable
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Request, Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError

from clusterwatch.archive.urls import Scope, canonical_url
from clusterwatch.config import Config, SourceConfig, load_config
from clusterwatch.extract.article import SiteRules

from . import incremental, pagekind
from .items import AttachmentItem, PageItem
from .links import (
    DEFAULT_DENY,
    MAX_PAGINATION,
    NOT_CONTENT_TEXT,
    PAGINATION_URL,
    PDF_LINK,
    LinkFinder,
)
from .records import RecordBook, session_for
from .shapes import LEARNED_AFTER, news_shape_of, shape_of

logger = logging.getLogger(__name__)

#: pages of a URL shape not learned yet fetched at once; links of the shape beyond them wait
EXPLORE = 3
# why a page judged by its content is not an article (pagekind's reasons, as runs count them)
REASONS = {"no prose": "navigation", "too little prose": "too short"}


class ClusterwatchSpider(LinkFinder, scrapy.Spider):
    """The generic spider (``spider = "generic"``, the default)."""

    name = "generic"

    #: regexes (searched in the URL) of article pages; empty: judge by the page itself
    article_patterns: tuple[str, ...] = ()
    #: regexes of listing pages worth following for links (pagination, categories)
    listing_patterns: tuple[str, ...] = ()
    #: regexes of pages never followed
    deny_patterns: tuple[str, ...] = DEFAULT_DENY
    #: CSS selector of the region holding article links on listing pages
    article_links_css: str | None = None
    #: CSS selector of pagination links
    next_page_css: str | None = None
    #: extraction rules for this site's article pages
    rules: SiteRules | None = None
    #: look for feeds and sitemaps too
    use_feeds: bool = True
    use_sitemaps: bool = True

    config: Config
    source: SourceConfig

    @classmethod
    def from_crawler(
        cls, crawler: Any, *args: Any, source: str | None = None, full: Any = False, **kwargs: Any
    ):
        config = load_config(
            crawler.settings.get("CLUSTERWATCH_CONFIG"), db=crawler.settings.get("CLUSTERWATCH_DB")
        )
        source_config = config.source(source or cls.name)
        apply_config_settings(crawler.settings, config, source_config)
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.config = config
        spider.source = source_config
        spider.source_name = source_config.name
        spider.start_urls = list(source_config.start_urls)
        spider._start_shapes = {shape_of(canonical_url(u)) for u in spider.start_urls}
        spider.scope = Scope.of(
            source_config.start_urls, source_config.scope, source_config.allowed_domains
        )
        spider.scope_domains = spider.scope.hosts  # what the downloader lets through at all
        crawler.signals.connect(spider.decide_pending, signal=signals.spider_idle)
        spider.allow_private_addresses = config.crawl.allow_private_addresses
        spider.max_depth = source_config.max_depth or config.crawl.max_depth
        spider.full = full in (True, "1", "true", "yes")
        return spider

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._article_re = [re.compile(p) for p in self.article_patterns]
        self._listing_re = [re.compile(p) for p in self.listing_patterns]
        self._deny_re = [re.compile(p, re.I) for p in self.deny_patterns]
        self._seen_articles: set[str] = set()
        # article URLs this run already asked for: their links on other pages (menus, "related
        # articles") would only make requests for Scrapy's duplicate filter to drop, after a
        # look-up of the page's record each
        self._requested: set[str] = set()
        self._unknown: set[str] = set()  # of which the archive knew nothing before this run
        self._listed: set[str] = set()  # article URLs seen on listing pages of this run
        self._classified: dict[str, tuple[bool, bool, bool, bool]] = {}
        self._resolved: dict[tuple[str, str], str] = {}
        # judged by content (the generic spider): pages teasers of this run link to, pages feeds
        # list, and prose pages no teaser has linked to yet, held until one does or the crawl
        # runs dry (then :meth:`decide_pending`)
        self._teased: set[str] = set()  # linked from teasers of any page: followed first
        # linked from teasers of the news listings (the start pages, their pagination, pages
        # shaped like them, and the listings a start page that is no listing leads to): news
        self._news: set[str] = set()
        self._news_shapes: set[str] = set()
        self._fed: set[str] = set()
        self._start_shapes: set[str] = set()  # URL shapes of the start pages (from_crawler)
        self._stored: set[str] = set()  # article URLs this run sent to be stored
        self._series_seen: dict[frozenset[str], int] = {}  # teaser series met, by their links
        self._sitemap_origins: set[str] = set()
        self._pending: dict[str, tuple[PageItem, pagekind.PageKind, list[Request]]] = {}
        # links of a URL shape not learned yet: a few are fetched to learn it, the rest wait
        self._explored: dict[str, int] = {}
        self._deferred: dict[str, dict[str, tuple[str, int]]] = {}

    @property
    def session(self) -> RecordBook:
        return session_for(self.crawler)

    async def start(self) -> AsyncIterator[Request]:
        if self.settings.get("CLUSTERWATCH_REDIS_ROLE") == "worker":
            return  # a distributed worker takes its requests from Redis, seeded by `crawl --redis`
        origins = []
        for url in self.start_urls:
            yield self.listing_request(url, depth=0, page=1, kind="start")
            origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))
            if origin not in origins:
                origins.append(origin)
        if self.use_sitemaps:
            # a host's robots.txt names its sitemaps: read when the host's first page arrives,
            # from the robots.txt Scrapy fetched to obey it (robots_sitemaps)
            self._sitemap_origins.update(origins)
        for request in self.revisit_requests():
            yield request

    def revisit_requests(self) -> Iterable[Request]:
        """Known articles due for a check, asked for without waiting for a listing to show them:
        after a complete run, pagination stops at the first listing page with nothing
        new, so an older article (or one whose worker died) may never be shown again. After new
        articles and listings (lower priority); their links are not followed."""
        if self.full:
            return  # every article is fetched from the listings anyway
        for row in self.session.due_articles():
            url = row["url"]
            if not self.in_scope(url) or not self.is_article_url(url):
                continue  # the configuration changed since
            request = self.article_request(url, depth=self.max_depth, found=False)
            if request is not None:
                self.crawler.stats.inc_value("clusterwatch/revisits")
                yield request.replace(priority=-1)

    # -- what a URL or page is -------------------------------------------------------------------

    def is_denied(self, url: str) -> bool:
        return any(p.search(url) for p in self._deny_re)

    def is_article_url(self, url: str) -> bool:
        """Site spiders: the URL says so. Generic: any in-scope page that is not navigation."""
        if self.is_denied(url):
            return False
        if self._article_re:
            return any(p.search(url) for p in self._article_re)
        return (
            not is_navigation_page(url)
            and not is_not_crawlable(url)
            and not PAGINATION_URL.search(url)
        )

    def is_listing_url(self, url: str) -> bool:
        if self._listing_re:
            return any(p.search(url) for p in self._listing_re)
        return bool(is_navigation_page(url) or PAGINATION_URL.search(url))

    def is_article_page(self, response: TextResponse) -> bool:
        """Site spiders: the page's URL says so (the generic spider judges content: judge)."""
        return self.is_article_url(response.url)

    def in_scope(self, url: str) -> bool:
        return url in self.scope

    # -- requests --------------------------------------------------------------------------------

    def listing_request(self, url: str, *, depth: int, page: int, kind: str = "listing") -> Request:
        return Request(
            canonical_url(url),
            callback=self.parse,
            errback=self.on_error,
            meta={"cw_kind": kind, "cw_depth": depth, "cw_page": page},
        )

    def article_request(
        self, url: str, *, depth: int, signal: str | None = None, found: bool = True
    ) -> Request | None:
        """A request for an article URL, unless it is known and not due, or already asked for
        in this run (then None). ``signal``: its ``<lastmod>`` in a sitemap or its date in a
        feed (see ``incremental``). ``found``: a page of the site links to it (a revisit of a
        known article is not a link found, which the source's health counts)."""
        url = canonical_url(url)
        if found:
            self.found_article(url)
        # the session keeps the value as seen at this run's fetch once the page is dealt with
        # (at once when it was already)
        signal = incremental.signal_value(signal)
        dealt_with = signal is not None and self.session.see_signal(url, signal)
        if url in self._requested or dealt_with:
            return None
        page = self.session.page(url)
        if page is not None and page.get("kind") in ("listing", "start") and not self._article_re:
            # a page judged a listing by its content, linked as if it were an article
            self._requested.add(url)
            return self.listing_request(url, depth=depth, page=1)
        if not self.full and page is not None:
            if not incremental.is_due(page, signal):
                if signal is not None and not page.get("signal"):
                    # last fetched before signals were kept: this value stands for that fetch
                    self.session.keep_signals(url)
                self.crawler.stats.inc_value("clusterwatch/known_skipped")
                return None
            if signal is not None and not incremental.is_due(page):
                self.crawler.stats.inc_value("clusterwatch/signal_changed")
        self._requested.add(url)
        if page is None:
            self._unknown.add(url)
        return Request(
            url,
            callback=self.parse,
            errback=self.on_error,
            priority=1,
            headers=incremental.conditional_headers(page),
            meta={
                "cw_kind": "article" if self._article_re else "page",
                "cw_depth": depth,
                "handle_httpstatus_list": [304],
            },
        )

    def found_article(self, url: str) -> None:
        """A page of this run links to the (canonical) article URL: counted once per run."""
        if url not in self._seen_articles:
            self._seen_articles.add(url)
            self.session.count("article_links")

    # -- callbacks -------------------------------------------------------------------------------

    def parse(self, response: Response, **kwargs: Any) -> Iterable[Any]:
        if response.status == 304:
            url = canonical_url(response.url)
            known = (self.session.page(url) or {}).get("kind")
            if known in ("other", "listing"):
                self.session.mark(url, known)
            else:
                self.session.record_article(url, "unchanged", None)
            self.crawler.stats.inc_value("clusterwatch/not_modified")
            return
        from .middlewares import is_html

        if not isinstance(response, TextResponse) or not is_html(response):
            # a PDF, an image, JSON where a page was expected (``not-html`` in fetches): another
            # page, checked once in a while, not on every run as a page that may be an article
            self.reject(canonical_url(response.url), "other", "not html")
            return
        yield from self.robots_sitemaps(response)
        if self._article_re:  # a site spider: its URL patterns say what a page is
            if self.is_article_page(response):
                self.session.count("article_pages")
                yield self.page_item(response)
                yield from self.attachment_requests(response)
            else:  # a listing, or another page: revisited as such, not as an article
                kind = response.meta.get("cw_kind")
                listing = kind in ("start", "listing") or self.is_listing_url(response.url)
                url = canonical_url(response.url)
                self.reject(
                    url, "listing" if listing else "other", "listing" if listing else "navigation"
                )
        else:
            yield from self.judge(response)
        if self.use_feeds and (
            response.meta.get("cw_kind") in ("start", "listing")
            or response.meta.get("cw_judged") == "listing"
        ):
            yield from self.feed_requests(response)
        yield from self.follow_links(response)

    # -- pages judged by their content (the generic spider) ----------------------------------

    def judge(self, response: TextResponse) -> Iterable[Any]:
        """What the page is, by its content (:mod:`.pagekind`); an article is stored once a
        teaser or a feed of the site links to it, or the archive knows it as one; until then
        it waits (:meth:`decide_pending`). Markup that declares an article (``og:type``) is
        no proof: CMS plugins declare their static pages articles too."""
        url = canonical_url(response.url)
        if not self.in_scope(response.url):  # a redirect led out of the source's scope
            self.reject(url, "other", "out of scope")
            response.meta["cw_judged"] = "other"
            return
        base = response.css("base::attr(href)").get() or response.url
        verdict = pagekind.classify(
            response.selector.root,
            response.url,
            self.in_scope,
            base,
            recurring=lambda links: self._series_seen.get(links, 0) > 0,
        )
        for links in verdict.series:
            self._series_seen[links] = self._series_seen.get(links, 0) + 1
        response.meta["cw_content_links"] = {canonical_url(u) for u in verdict.content_links}
        kind = verdict.kind
        if kind == "other" and response.meta.get("cw_page", 1) > 1:
            kind = "listing"  # the last page of a listing, with a teaser or two left
        response.meta["cw_judged"] = kind
        news = (
            response.meta.get("cw_news")
            or response.meta.get("cw_kind") == "start"
            or shape_of(url) in self._start_shapes
        )
        if news and kind == "listing":
            response.meta["cw_news"] = True  # its pagination is news listing too
        new_shapes = set()
        for link in verdict.teaser_links:
            teased = canonical_url(link)
            self._teased.add(teased)
            shape = news_shape_of(teased)
            if news:
                self._news.add(teased)
                if shape not in self._news_shapes:
                    self._news_shapes.add(shape)
                    new_shapes.add(shape)
            if teased in self._pending and self._is_news(teased):
                yield from self._accept(teased)
        if new_shapes:  # pages teased elsewhere before, shaped like the news: news too
            for name in [n for n in self._pending if n in self._teased]:
                if news_shape_of(name) in new_shapes:
                    yield from self._accept(name)
        if kind != "article":
            self.session.shapes.count(url, kind)
            self.reject(url, kind, "listing" if kind == "listing" else REASONS[verdict.reason])
            yield from self._release(url)
            return
        if _noindex(response):  # the site says the page is not for search engines
            self.session.shapes.count(url, "other")
            self.reject(url, "other", "noindex")
            yield from self._release(url)
            return
        item = self.page_item(response)
        if item.url != url and (item.url in self._requested or item.url in self._stored):
            # a copy of a page this run fetches under its own URL (its rel=canonical says so)
            self.reject(url, "other", "copy")
            return
        self._requested.add(item.url)
        attachments = list(self.attachment_requests(response))
        known = (self.session.page(url) or {}).get("kind") == "article"
        names = {url, item.url}
        if response.request is not None:
            names.add(canonical_url(response.request.url))
        listed = any(self._is_news(n) or n in self._fed for n in names)
        if not (known or listed) and self._worker() and not verdict.dated:
            # a distributed worker cannot wait for a teaser: without one, a date decides
            self.reject(url, "other", "static page")
            return
        if known or listed or self._worker():
            self.session.count("article_pages")
            self.session.shapes.count(url, "article")
            self._stored.add(item.url)
            yield item
            yield from attachments
            yield from self._release(url)
        else:
            self._pending[url] = (item, verdict, attachments)
            for name in names:
                self._pending.setdefault(name, self._pending[url])

    def _is_news(self, url: str) -> bool:
        """A teaser of a news listing links to ``url``, or a teaser elsewhere (a category, an
        archive, a related box) links to it and it is shaped like the news listings' articles
        (a tender or an event listed in a section of its own is not)."""
        return url in self._news or (
            url in self._teased and news_shape_of(url) in self._news_shapes
        )

    def reject(self, url: str, kind: str, reason: str) -> None:
        """The page fetched from ``url`` is not stored as an article, for ``reason`` (one of
        :data:`REASONS`' values, or ``out of scope``, ``noindex``, ``copy``, ``not news``,
        ``static page``, ``not html``): kept on its ``pages`` row, counted in the run."""
        self.session.mark(url, kind, reason)
        self.crawler.stats.inc_value(f"clusterwatch/not_stored/{reason}")

    def _defer(self, url: str, canonical: str, depth: int) -> bool:
        """Whether the link waits: its URL shape is not learned yet and :data:`EXPLORE` pages
        of it are being fetched already (the answer decides for the rest, see :meth:`_release`)."""
        shapes = self.session.shapes
        if shapes.learned(url) is not None or shapes.total(url) >= LEARNED_AFTER:
            return False
        shape = shape_of(url)
        if self._explored.get(shape, 0) < EXPLORE:
            self._explored[shape] = self._explored.get(shape, 0) + 1
            return False
        self._deferred.setdefault(shape, {})[canonical] = (url, depth)
        return True

    def _release(self, url: str, final: bool = False) -> list[Request]:
        """The links waiting for the shape of ``url``, once it is learned (or the crawl ran dry:
        ``final``): none when its pages are other pages, else all of them."""
        shape = shape_of(url)
        waiting = self._deferred.get(shape)
        if not waiting:
            return []
        shapes = self.session.shapes
        learned = shapes.learned(url)
        if learned == "other":
            self.crawler.stats.inc_value("clusterwatch/shape_skipped", len(waiting))
            del self._deferred[shape]
            return []
        if not (final or learned or shapes.total(url) >= LEARNED_AFTER):
            return []
        del self._deferred[shape]
        requests = []
        for link, depth in waiting.values():
            request = self.article_request(link, depth=depth)
            if request is not None:
                requests.append(request)
        return requests

    def _worker(self) -> bool:
        return self.settings.get("CLUSTERWATCH_REDIS_ROLE") == "worker"

    def _accept(self, name: str) -> Iterable[Any]:
        held = self._pending.get(name)
        if held is None:
            return
        item, _, attachments = held
        for key in [k for k, v in self._pending.items() if v is held]:
            del self._pending[key]
        url = canonical_url(item.fetched_url)
        self.session.count("article_pages")
        self.session.shapes.count(url, "article")
        self._stored.add(item.url)
        yield item
        yield from attachments
        yield from self._release(url)

    def decide_pending(self, spider: Any = None) -> None:
        """When the crawl runs dry: prose pages no teaser or feed linked to are articles only
        when a date is printed by their heading and their URL has the shape of the pages the
        teasers did link to; the rest — about, contact, accessibility pages in an article's
        template — are other pages. On a site that showed no teasers at all (its index a bare
        list of links), a page is an article when it is dated or its markup declares one."""
        if spider is not None and spider is not self:
            return
        held_pages = list({id(v): v for v in self._pending.values()}.values())
        accepted = []
        for held in held_pages:
            item, verdict, attachments = held
            url = canonical_url(item.fetched_url)
            if self._news:
                article = verdict.dated and news_shape_of(url) in self._news_shapes
            else:
                article = verdict.dated or verdict.declared
            if article:
                accepted.append(held)
            else:
                self.session.shapes.count(url, "other")
                self.reject(url, "other", "not news" if verdict.dated else "static page")
        self._pending.clear()
        engine = self.crawler.engine
        for item, _, attachments in accepted:
            self.session.count("article_pages")
            self.session.shapes.count(canonical_url(item.fetched_url), "article")
            self._stored.add(item.url)
            engine.scraper._start_itemproc_nowait(item)
            for request in attachments:
                engine.crawl(request)
        # the links that waited for their shape: dropped for other pages, fetched otherwise
        released = []
        for waiting in list(self._deferred.values()):
            url, _ = next(iter(waiting.values()))
            released.extend(self._release(url, final=True))
        for request in released:
            engine.crawl(request)
        if accepted or released:
            raise DontCloseSpider

    def page_item(self, response: TextResponse) -> PageItem:
        canonical = response.css('link[rel="canonical"]::attr(href)').get()
        url = response.urljoin(canonical) if canonical else response.url
        if not self.in_scope(url):  # a canonical link pointing away is not trusted
            url = response.url
        return PageItem(
            url=canonical_url(url),
            fetched_url=response.url,
            source=self.source_name,
            html=response.text,
            encoding=response.encoding,
        )

    def attachment_requests(self, response: TextResponse) -> Iterable[Request]:
        page_url = canonical_url(response.url)
        for link in self.links(response, None):
            if PDF_LINK.search(link.url) and self.in_scope(link.url):
                yield Request(
                    link.url,
                    callback=self.parse_attachment,
                    errback=self.on_error,
                    priority=-1,
                    meta={
                        "cw_kind": "attachment",
                        "cw_article": page_url,
                        "cw_title": link.text.strip(),
                        "download_maxsize": self.config.crawl.max_pdf_bytes,
                    },
                )

    def parse_attachment(self, response: Response) -> Iterable[Any]:
        yield AttachmentItem(
            article_url=response.meta["cw_article"],
            url=response.url,
            title=response.meta.get("cw_title") or response.url.rsplit("/", 1)[-1],
            content_type=response.headers.get(b"Content-Type", b"").decode("latin-1"),
            body=response.body,
        )

    def follow_links(self, response: TextResponse) -> Iterable[Request]:
        depth = response.meta.get("cw_depth", 0)
        page = response.meta.get("cw_page", 1)
        # article links no listing page of this run showed yet: a page of related-article links
        # may have shown them, so only listings count (else a listing whose articles an article
        # page linked to first would look like a trap and end its pagination)
        fresh = 0
        on_listing = response.meta.get("cw_kind") in ("start", "listing")
        new = 0  # of which the archive does not know (due ones are revisits: revisit_requests)
        judged = response.meta.get("cw_judged")
        on_listing = on_listing or judged == "listing"
        learning = not self._article_re  # the generic spider learns the site's URL shapes
        # a start page that is no listing (a home page, a hub): the listings it leads to are the
        # news listings, and its menus are followed; elsewhere links in menus, headers, footers
        # and sidebars lead to sections and static pages, followed when they look like listings
        hub = learning and response.meta.get("cw_kind") == "start" and judged != "listing"
        content = None if hub else response.meta.get("cw_content_links")
        for link in self.links(response, self.article_links_css):
            url = link.url
            in_scope, article, listing, denied = self.classify(url)
            if not in_scope or denied:
                continue
            canonical = canonical_url(url)
            if learning:
                if self._is_news(canonical):
                    article, listing = True, False  # a news teaser links to it: an article
                else:
                    learned = self.session.shapes.learned(url)
                    if learned == "listing":
                        article, listing = False, True
                    elif learned == "other" and self.session.shapes.skip(url):
                        self.crawler.stats.inc_value("clusterwatch/shape_skipped")
                        continue
            if not article or listing:
                continue
            if depth + 1 > self.max_depth:
                continue
            if on_listing and canonical not in self._listed:
                self._listed.add(canonical)
                fresh += 1
            if learning and not self._is_news(canonical) and canonical not in self._requested:
                if (
                    content is not None
                    and canonical not in content
                    and not self.session.shapes.like_listing(url)
                ):
                    continue  # page chrome, and not shaped like a listing of the site
                if NOT_CONTENT_TEXT.match(link.text):
                    continue  # a print view, a reply form, a share button
                if self._defer(url, canonical, depth + 1):
                    continue
            if canonical in self._requested:  # this page's request would be a duplicate
                self.found_article(canonical)
                new += canonical in self._unknown
                continue
            request = self.article_request(url, depth=depth + 1)
            if request is not None:
                new += canonical in self._unknown
                if hub:
                    request.meta["cw_news"] = True  # a listing a home page leads to is news
                yield request
        if response.meta.get("cw_kind") == "article" and self._article_re:
            return  # site spiders find listings from listings, not from every article
        # when the last run was complete (it stored everything older), a listing page bringing
        # nothing new ends its pagination; a page repeating what this run saw ends it anyway
        # (a trap)
        exhausted = (new == 0 and self.session.last_run_complete and not self.full) or (
            fresh == 0 and page > 1
        )
        for url, is_next in self.listing_links(response):
            if is_next:
                if exhausted or page >= MAX_PAGINATION:
                    continue
                request = self.listing_request(url, depth=depth, page=page + 1)
                request.meta["cw_news"] = response.meta.get("cw_news") or hub
                yield request
            elif depth + 1 <= self.max_depth:
                request = self.listing_request(url, depth=depth + 1, page=1)
                request.meta["cw_news"] = hub
                yield request

    def on_error(self, failure: Any) -> None:
        """Failures no middleware recorded (raised while handling a response)."""
        from .middlewares import error_kind

        request = failure.request
        if request.meta.get("cw_logged_exception") or failure.check(HttpError):
            return
        self.session.record_fetch(
            {
                "url": request.url,
                "kind": request.meta.get("cw_kind"),
                "status": None,
                "error": error_kind(failure.value),
                "error_detail": str(failure.value)[:500],
            }
        )


def _noindex(response: TextResponse) -> bool:
    content = response.xpath("//meta[translate(@name, 'ROBTS', 'robts')='robots']/@content").get()
    return bool(content) and "noindex" in content.lower()


def apply_config_settings(settings: Any, config: Config, source: SourceConfig) -> None:
    """Politeness, limits and identity from the configuration, at spider priority."""
    crawl = config.crawl
    values = {
        "USER_AGENT": config.user_agent,
        "ROBOTSTXT_OBEY": crawl.obey_robots_txt,
        "CONCURRENT_REQUESTS_PER_DOMAIN": crawl.concurrent_requests_per_domain,
        "DOWNLOAD_DELAY": crawl.download_delay,
        "AUTOTHROTTLE_ENABLED": crawl.autothrottle,
        "AUTOTHROTTLE_START_DELAY": max(crawl.download_delay, 0.1),
        "DOWNLOAD_TIMEOUT": crawl.timeout,
        "DOWNLOAD_MAXSIZE": crawl.max_page_bytes,
        "RETRY_TIMES": crawl.retries,
        "CLUSTERWATCH_MAX_PAGES": source.max_pages or crawl.max_pages,
    }
    for key, value in values.items():
        # "spider" priority beats the project's settings.py, not options given on the command line
        settings.set(key, value, priority="spider")
