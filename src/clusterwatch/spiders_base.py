"""The generic spider, and the base every site spider in ``spiders/`` extends.

A source needs only a configuration entry: the generic spider starts from its start URLs,
follows in-scope links (bounded by depth and page limits) and hands every page that looks
like an article to the pipelines. A site spider overrides only what its site does plainly:
which URLs are articles, which are listings, where pagination is, and extraction rules.
"""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator, Iterable
from typing import Any

import scrapy
from courlan import is_navigation_page, is_not_crawlable
from scrapy.http import Request, Response, TextResponse
from scrapy.linkextractors import LinkExtractor

from .config import Config, SourceConfig, load_config
from .extract import SiteRules
from .items import PageItem
from .urls import canonical_url, domain_allowed, netloc_of

logger = logging.getLogger(__name__)

# Pages that are never articles, whatever the site: contact, login, search, tags, calendars…
DEFAULT_DENY = (
    r"/(?:kontakt|contact|o-nas|about|o-fundacji|o-klastrze|impressum|polityka-prywatnosci|privacy|rodo"
    r"|cookies?|regulamin|login|logowanie|wp-login|wp-admin|rejestracja|register|szukaj|search|wyszukiwarka"
    r"|tag|tagi|author|autor|kalendarz|calendar|newsletter|sonda|mapa-strony|sitemap)(?:[/.?#,]|$)",
    r"[?&](?:s|q|search|replytocom|share|print)=",
    r"\.(?:jpe?g|png|gif|webp|svg|ico|css|js|zip|rar|7z|docx?|xlsx?|pptx?|mp[34]|avi|mov)(?:$|\?)",
)
PDF_LINK = re.compile(r"\.pdf(?:$|\?)", re.I)


class ClusterwatchSpider(scrapy.Spider):
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

    config: Config
    source: SourceConfig

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, source: str | None = None, **kwargs: Any):
        config = load_config(
            crawler.settings.get("CLUSTERWATCH_CONFIG"),
            db=crawler.settings.get("CLUSTERWATCH_DB"),
            check_spiders=False,
        )
        source_config = config.source(source or cls.name)
        apply_config_settings(crawler.settings, config, source_config)
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.config = config
        spider.source = source_config
        spider.source_name = source_config.name
        spider.start_urls = list(source_config.start_urls)
        spider.scope_domains = list(source_config.allowed_domains) or sorted(
            {netloc_of(u) for u in source_config.start_urls}
        )
        spider.allow_private_addresses = config.crawl.allow_private_addresses
        return spider

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._article_re = [re.compile(p) for p in self.article_patterns]
        self._listing_re = [re.compile(p) for p in self.listing_patterns]
        self._deny_re = [re.compile(p, re.I) for p in self.deny_patterns]

    async def start(self) -> AsyncIterator[Request]:
        for url in self.start_urls:
            yield Request(url, callback=self.parse, dont_filter=True, meta={"cw_kind": "start"})

    # -- what a page is ------------------------------------------------------------------------

    def is_denied(self, url: str) -> bool:
        return any(p.search(url) for p in self._deny_re)

    def is_article_url(self, url: str) -> bool:
        if self._article_re:
            return any(p.search(url) for p in self._article_re) and not self.is_denied(url)
        return False

    def is_listing_url(self, url: str) -> bool:
        return any(p.search(url) for p in self._listing_re)

    def is_article_page(self, response: TextResponse) -> bool:
        if self._article_re:
            return self.is_article_url(response.url)
        return looks_like_article(response) and not self.is_denied(response.url)

    def in_scope(self, url: str) -> bool:
        return domain_allowed(url, self.scope_domains)

    # -- callbacks -----------------------------------------------------------------------------

    def parse(self, response: Response, **kwargs: Any) -> Iterable[Any]:
        if not isinstance(response, TextResponse):
            return
        if self.is_article_page(response):
            yield self.page_item(response)
            yield from self.attachment_requests(response)
        yield from self.follow_links(response)

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
        for link in LinkExtractor(allow=[PDF_LINK.pattern], deny_extensions=[]).extract_links(
            response
        ):
            if self.in_scope(link.url):
                yield Request(
                    link.url,
                    callback=self.parse_attachment,
                    meta={
                        "cw_kind": "attachment",
                        "cw_article": page_url,
                        "cw_title": link.text.strip(),
                    },
                    priority=-1,
                )

    def parse_attachment(self, response: Response) -> Iterable[Any]:
        from .items import AttachmentItem

        yield AttachmentItem(
            article_url=response.meta["cw_article"],
            url=response.url,
            title=response.meta.get("cw_title") or response.url.rsplit("/", 1)[-1],
            content_type=response.headers.get(b"Content-Type", b"").decode("latin-1"),
            body=response.body,
        )

    def follow_links(self, response: TextResponse) -> Iterable[Request]:
        if self._article_re or self._listing_re:
            yield from self._follow_by_patterns(response)
        else:
            yield from self._follow_generic(response)

    def _follow_by_patterns(self, response: TextResponse) -> Iterable[Request]:
        restrict = [c for c in (self.article_links_css,) if c]
        for link in LinkExtractor(restrict_css=restrict or None).extract_links(response):
            if self.in_scope(link.url) and self.is_article_url(link.url):
                yield Request(
                    link.url, callback=self.parse, priority=1, meta={"cw_kind": "article"}
                )
        restrict = [c for c in (self.next_page_css,) if c]
        for link in LinkExtractor(restrict_css=restrict or None).extract_links(response):
            if (
                self.in_scope(link.url)
                and self.is_listing_url(link.url)
                and not self.is_article_url(link.url)
            ):
                yield Request(link.url, callback=self.parse, meta={"cw_kind": "listing"})

    def _follow_generic(self, response: TextResponse) -> Iterable[Request]:
        for link in LinkExtractor().extract_links(response):
            url = link.url
            if not self.in_scope(url) or self.is_denied(url) or is_not_crawlable(url):
                continue
            kind = "listing" if is_navigation_page(url) else "page"
            yield Request(
                url,
                callback=self.parse,
                priority=0 if kind == "listing" else 1,
                meta={"cw_kind": kind},
            )


def looks_like_article(response: TextResponse) -> bool:
    """Signals a page gives when it is one article rather than a list of them."""
    if response.css('meta[property="og:type"][content="article"]'):
        return True
    if response.xpath('//script[@type="application/ld+json"][contains(., "Article")]'):
        return True
    if response.css('meta[property="article:published_time"]'):
        return True
    articles = response.css("article")
    return len(articles) == 1 and bool(articles.css("h1, h2"))


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
        "DEPTH_LIMIT": source.max_depth or crawl.max_depth,
        "CLOSESPIDER_PAGECOUNT": source.max_pages or crawl.max_pages,
    }
    for key, value in values.items():
        # "spider" priority beats the project's settings.py, not options given on the command line
        settings.set(key, value, priority="spider")
