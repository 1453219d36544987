"""How the spiders find their way: robots.txt, sitemaps, feeds, a page's links and listings.

Part of :class:`~clusterwatch.crawl.spiders.ClusterwatchSpider` (a mixin: its methods use the
spider's notion of scope and article URLs, and its requests), kept apart to keep each module
readable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.http import Request, Response, TextResponse
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from trafilatura.feeds import FeedParameters, determine_feed
from trafilatura.feeds import extract_links as feed_links
from w3lib.url import safe_url_string

from clusterwatch.archive.urls import canonical_url

# Pages that are never articles, whatever the site: contact, login, search, tags, calendars…
DEFAULT_DENY = (
    r"/(?:kontakt|contact|o-nas|about|o-fundacji|o-klastrze|impressum|polityka-prywatnosci|privacy|rodo"
    r"|cookies?|regulamin|login|logowanie|wp-login|wp-admin|rejestracja|register|szukaj|search|wyszukiwarka"
    r"|tag|tagi|author|autor|kalendarz|calendar|events?/day|newsletter|sonda|mapa-strony|sitemap)(?:[/.?#,]|$)",
    r"[?&](?:s|q|search|replytocom|share|print|format|ical|outlook-ical)=",
    # PDFs are attachments of the article linking them (spiders_base.attachment_requests)
    r"\.(?:jpe?g|png|gif|webp|svg|ico|css|js|pdf|zip|rar|7z|docx?|xlsx?|pptx?|mp[34]|avi|mov|xml|rss|json)(?:$|\?)",
)
PDF_LINK = re.compile(r"\.pdf(?:$|\?)", re.I)
# pagination in URLs and in link texts (Polish, English, Russian, Belarusian)
PAGINATION_URL = re.compile(
    r"[?&](?:page|strona|str|p|pg|paged|start|limitstart|offset|pagen_\d+|pagenum|pageno|page_no)=\d+"
    r"|/(?:page|strona)[-/_]?\d+(?:/|\.html?)?(?:$|[?#])",
    re.I,
)
PAGINATION_TEXT = re.compile(
    r"^\s*(?:następn\w*(?: strona)?|dalej|starsze(?: wpisy)?|więcej wpisów|»|›|>|>>|next(?: page)?|older(?: posts)?"
    r"|следующая|далее|наступная|далей|наступна|далі"
    r"|(?:pokaż|załaduj|wczytaj) więcej|(?:load|show) more|показать (?:ещё|еще)|загрузить (?:ещё|еще)"
    r"|показати ще|завантажити ще|паказаць яшчэ)\s*[»›>]*\s*$",
    re.I,
)
MAX_PAGINATION = 1000  # pages of one listing, at most
# links that lead to another view of the same page or to an action, never to an article: print
# views, sharing, replying, logging in (Polish, English, Russian, Belarusian, Ukrainian)
NOT_CONTENT_TEXT = re.compile(
    r"^\s*(?:drukuj|wydrukuj|wersja do druku|print(?: version| this)?|printer[- ]friendly"
    r"|печать|распечатать|версия для печати|друк|друкувати|версія для друку|друкаваць"
    r"|odpowiedz|reply|ответить|відповісти|адказаць|udostępnij|share|поделиться|поділитися"
    r"|zaloguj(?: się)?|log ?in|войти|увійти|pdf|rss)\s*$",
    re.I,
)

# a feed item's date, by preference: Atom's updated and published, RSS's pubDate and dc:date
FEED_DATES = ("updated", "published", "pubDate", "date")
_FEED_PARSER = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)


class LinkFinder:
    """Requests from what a site says about its pages: its robots.txt and sitemaps, its feeds,
    and the links of a page (listings, pagination). Mixed into the spider."""

    _classified: dict[str, tuple[bool, bool, bool, bool]]
    _resolved: dict[tuple[str, str], str]
    _fed: set[str]
    _sitemap_origins: set[str]
    crawler: Any
    _article_re: list[Any]
    next_page_css: str | None

    def parse_robots(self, response: Response, origin: str) -> Iterable[Request]:
        sitemaps = (
            list(sitemap_urls_from_robots(response.body, base_url=origin))
            if isinstance(response, TextResponse) and response.status == 200
            else []
        )
        yield from self.sitemap_requests(origin, sitemaps)

    def sitemap_requests(self, origin: str, sitemaps: list[str]) -> Iterable[Request]:
        # without a Sitemap line, /sitemap.xml is a guess: its 404 is no error of the site
        kind = "sitemap" if sitemaps else "probe"
        for url in sitemaps or [f"{origin}/sitemap.xml"]:
            url = urljoin(origin + "/", url)
            if self.in_scope(url):
                yield Request(
                    url, callback=self.parse_sitemap, errback=self.on_error, meta={"cw_kind": kind}
                )

    def robots_sitemaps(self, response: Response) -> Iterable[Request]:
        """Sitemaps named by the robots.txt of the response's host, once per host: read from
        the robots.txt Scrapy's middleware fetched before this response (not fetched twice);
        fetched here when the middleware has none (robots.txt not obeyed, or not read yet)."""
        parts = urlsplit((response.meta.get("redirect_urls") or [response.url])[0])
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._sitemap_origins:
            return
        self._sitemap_origins.discard(origin)
        parsers = None
        for middleware in self.crawler.engine.downloader.middleware.middlewares:
            if isinstance(middleware, RobotsTxtMiddleware):
                parsers = getattr(middleware, "_parsers", None)
        parser = parsers.get(parts.netloc, False) if isinstance(parsers, dict) else False
        rules = getattr(parser, "rp", None)
        if parser is None or rules is not None:  # no robots.txt (None), or its rules
            yield from self.sitemap_requests(origin, list(rules.sitemaps) if rules else [])
            return
        yield Request(
            f"{origin}/robots.txt",
            callback=self.parse_robots,
            meta={"cw_kind": "robots"},
            errback=self.on_error,
            cb_kwargs={"origin": origin},
        )

    def parse_sitemap(self, response: Response) -> Iterable[Request]:
        body = response.body
        if (
            response.status != 200
            or b"<urlset" not in body[:2000]
            and b"<sitemapindex" not in body[:2000]
        ):
            return
        sitemap = Sitemap(body)
        for entry in sitemap:
            url = entry.get("loc", "")
            if not url or not self.in_scope(url):
                continue
            if sitemap.type == "sitemapindex":
                yield Request(
                    url,
                    callback=self.parse_sitemap,
                    errback=self.on_error,
                    meta={"cw_kind": "sitemap"},
                )
            elif self.is_article_url(url):
                request = self.article_request(url, depth=1, signal=entry.get("lastmod"))
                if request is not None:
                    yield request

    def feed_requests(self, response: TextResponse) -> Iterable[Request]:
        params = FeedParameters(response.url, urlsplit(response.url).netloc, response.url)
        for url in determine_feed(response.text, params):
            if self.in_scope(url):
                yield Request(
                    url, callback=self.parse_feed, errback=self.on_error, meta={"cw_kind": "feed"}
                )

    def parse_feed(self, response: Response) -> Iterable[Request]:
        if not isinstance(response, TextResponse):
            return
        params = FeedParameters(response.url, urlsplit(response.url).netloc, response.url)
        dates = feed_items(response.body, response.url)
        links = {canonical_url(url): url for url in feed_links(response.text, params)}
        # trafilatura's links pass courlan's filter, which turns down hosts ending like a file
        # name (.pl: Perl) and IP addresses: the items' own links are taken too
        for canonical in dates:
            links.setdefault(canonical, canonical)
        for canonical, url in links.items():
            if self.in_scope(url) and self.is_article_url(url):
                self._fed.add(canonical)  # a feed's item: an article of the site
                request = self.article_request(url, depth=1, signal=dates.get(canonical))
                if request is not None:
                    yield request

    def listing_links(self, response: TextResponse) -> Iterable[tuple[str, bool]]:
        """(url, is_next_page) for the listing pages a page links to."""
        next_urls = {
            response.urljoin(h)
            for h in response.css(
                'link[rel="next"]::attr(href), a[rel~="next"]::attr(href)'
            ).getall()
        }
        following = str(response.meta.get("cw_page", 1) + 1)
        for link in self.links(response, self.next_page_css):
            url = link.url
            in_scope, _, listing, denied = self.classify(url)
            if not in_scope or denied:
                continue
            if not listing and not self._article_re:
                # the generic spider: the site's pages of this URL shape were listings
                listing = self.session.shapes.learned(url) == "listing"
            is_next = (
                url in next_urls
                or bool(PAGINATION_TEXT.match(link.text))
                or (link.text == following and bool(PAGINATION_URL.search(url)))
            )
            if is_next or listing:
                yield url, is_next or bool(PAGINATION_URL.search(url))

    def links(self, response: TextResponse, region: str | None) -> list[PageLink]:
        """The distinct links of ``response`` (in ``region``), once per page and region.

        Leaner than Scrapy's LinkExtractor, which this replaced on the hot path: a site's menus
        and footers repeat the same hrefs on every page, so resolved URLs are remembered.
        """
        cache = response.meta.setdefault("cw_links", {})
        if region in cache:
            return cache[region]
        base = response.css("base::attr(href)").get() or response.url
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(base))
        found: dict[str, PageLink] = {}
        roots = [s.root for s in response.css(region)] if region else [response.selector.root]
        anchors = (a for root in roots for a in root.iter("a") if a.get("href"))
        for anchor in anchors:
            href = anchor.get("href").strip()
            if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
                continue
            key = (origin, href) if href.startswith("/") else (base, href)
            url = self._resolved.get(key)
            if url is None:
                url = safe_url_string(urljoin(base, href)).split("#", 1)[0]
                if len(self._resolved) < 200_000:
                    self._resolved[key] = url
            if url not in found:
                found[url] = PageLink(url, anchor)
        cache[region] = list(found.values())
        return cache[region]

    def classify(self, url: str) -> tuple[bool, bool, bool, bool]:
        """(in scope, article URL, listing URL, denied), remembered: menus repeat on every page."""
        known = self._classified.get(url)
        if known is None:
            known = (
                self.in_scope(url),
                self.is_article_url(url),
                self.is_listing_url(url),
                self.is_denied(url),
            )
            if len(self._classified) < 200_000:  # bounded: a page never needs more than its links
                self._classified[url] = known
        return known


def feed_items(body: bytes, base: str) -> dict[str, str | None]:
    """The items of an RSS or Atom feed: each one's canonical URL and date as the feed writes it
    (None without one), in the feed's order."""
    try:
        root = etree.fromstring(body, _FEED_PARSER)
    except etree.Error:
        return {}
    if root is None:
        return {}
    items: dict[str, str | None] = {}
    for item in root.iter("{*}item", "{*}entry"):
        link = _item_link(item)
        if link:
            url = canonical_url(urljoin(base, link))
            items[url] = items.get(url) or _item_date(item)
    return items


def _item_link(item: Any) -> str | None:
    for node in item.iterchildren("{*}link"):
        href = node.get("href")
        if href is None:  # RSS: the link is the element's text
            if node.text and node.text.strip():
                return node.text.strip()
        elif node.get("rel", "alternate") == "alternate":  # Atom
            return href.strip()
    return None


def _item_date(item: Any) -> str | None:
    for name in FEED_DATES:
        for node in item.iterchildren(f"{{*}}{name}"):
            if node.text and node.text.strip():
                return node.text.strip()
    return None


class PageLink:
    """A link of a page; its text is read only when asked for (pagination words)."""

    __slots__ = ("url", "_anchor", "_text")

    def __init__(self, url: str, anchor: Any):
        self.url, self._anchor, self._text = url, anchor, None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = " ".join(self._anchor.text_content().split())
        return self._text
