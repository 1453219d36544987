"""Downloader middlewares: where a request may go, and a record of every fetch.

``ScopeMiddleware`` replaces Scrapy's offsite middleware: allowed domains may carry a port
(replica sites share 127.0.0.1), non-http(s) schemes are refused, and so are private,
loopback and link-local addresses, in any spelling (``2130706433``, ``0x7f.1``,
``[::ffff:7f00:1]``), unless ``[crawl] allow_private_addresses`` allows them.
It sits at the engine end, so redirects, which come back through it as new requests, are
checked too.

``FetchLogMiddleware`` sits at the downloader end and records each network attempt's outcome
(status, error kind, bytes, time) in ``fetches``; refusals by earlier middlewares (robots.txt,
scope) reach its ``process_exception`` and are recorded with their kind. A page that is no
HTML (a PDF or an image where a page was expected) keeps its status and is ``not-html``.
"""

from __future__ import annotations

import asyncio
import email.utils
import ipaddress
import logging
import random
import time
from datetime import UTC, datetime
from typing import Any

from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response, TextResponse
from scrapy.resolver import CachingThreadedResolver
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.response import response_status_message
from twisted.internet import error as twisted_error
from twisted.web._newclient import ResponseFailed

from clusterwatch.archive.urls import canonical_url, domain_allowed, host_address, host_of

from .records import RecordBook, session_for

logger = logging.getLogger(__name__)


class RefusedRequest(IgnoreRequest):
    """A request our rules do not allow; ``kind`` names the rule."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def address_allowed(host: str, allow: bool | list[str] | tuple[str, ...]) -> bool:
    """Whether ``host`` (a name or an IP literal) may be fetched under the private-address policy.

    Public addresses are always allowed; private, loopback, link-local, reserved and
    multicast ones only when ``allow`` is True or lists the address or a network holding it.
    An address is judged in whatever spelling it comes (:func:`~.urls.host_address`), before
    any resolver sees it: allowing 127.0.0.1 allows ``2130706433`` too, being the same address.
    Host names are judged by their resolved addresses elsewhere; here only ``localhost`` is.
    """
    host = host.strip("[]").lower()
    if allow is True:
        return True
    address = host_address(host)
    if address is None:
        if host == "localhost" or host.endswith(".localhost"):
            address = ipaddress.ip_address("127.0.0.1")
        else:
            return True
    # Python counts IPv6's reserved ::/8 global: IPv4-compatible (::7f00:1) and NAT64
    # (64:ff9b::a9fe:a9fe) forms of private addresses lie there
    if address.is_global and not (address.is_reserved or address.is_multicast):
        return True
    for entry in allow or ():
        try:
            if address in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            if entry.lower() == host:
                return True
    return False


class ScopeMiddleware:
    def __init__(self, crawler: Any):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> ScopeMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        spider = self.crawler.spider
        scheme = request.url.split(":", 1)[0].lower()
        if scheme not in ("http", "https"):
            raise RefusedRequest("scheme", f"scheme {scheme!r} is not fetched: {request.url}")
        host = host_of(request.url)
        allow = getattr(spider, "allow_private_addresses", False)
        if not address_allowed(host, allow):
            raise RefusedRequest(
                "private-address",
                f"{host} is a private address (set [crawl] allow_private_addresses): {request.url}",
            )
        domains = getattr(spider, "scope_domains", None)
        if (
            domains
            and not request.meta.get("cw_any_domain")
            and not domain_allowed(request.url, domains)
        ):
            raise RefusedRequest("offsite", f"outside {', '.join(domains)}: {request.url}")


class PageBudgetMiddleware:
    """At most ``CLUSTERWATCH_MAX_PAGES`` network requests per crawl (robots.txt aside; 0: no
    bound). Later requests are refused as ``page-limit`` before they reach the network, so the
    crawl runs dry as it would at the end of a site — its pending pages are decided, its items
    stored — instead of closing with requests in flight (Scrapy's ``CLOSESPIDER_PAGECOUNT``
    counts responses, after the fact: ``--max-pages 5`` fetched 20 pages)."""

    def __init__(self, crawler: Any):
        self.crawler = crawler
        self.limit = crawler.settings.getint("CLUSTERWATCH_MAX_PAGES")
        self.sent = 0

    @classmethod
    def from_crawler(cls, crawler: Any) -> PageBudgetMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        if not self.limit or request.meta.get("dont_obey_robotstxt"):
            return
        if self.sent >= self.limit:
            self.crawler.stats.inc_value("clusterwatch/page_limit")
            raise RefusedRequest(
                "page-limit", f"over the limit of {self.limit} pages: {request.url}"
            )
        self.sent += 1


_SCRAPY_ERRORS = {
    "DownloadTimeoutError": "timeout",
    "CannotResolveHostError": "dns",
    "DownloadConnectionRefusedError": "connection",
    "DownloadFailedError": "connection",
    "ResponseDataLossError": "truncated",
    "DownloadCancelledError": "too-large",  # Scrapy cancels a download over DOWNLOAD_MAXSIZE
    "UnsupportedURLSchemeError": "scheme",
}


def error_kind(exception: BaseException) -> str:
    """A short, stable name for why a fetch failed (the ``fetches.error`` column)."""
    if isinstance(exception, RefusedRequest):
        return exception.kind
    message = str(exception)
    cause = f"{message} {exception.__cause__ or ''} {exception.__context__ or ''}"
    if "private address" in cause:
        return "private-address"
    if isinstance(exception, IgnoreRequest):
        if "robots.txt" in message:
            return "robots"
        if "redirect loop" in message or "max redirections" in message:
            return "redirect-loop"
        if "DOWNLOAD_MAXSIZE" in message or "max size" in message:
            return "too-large"
        return "ignored"
    name = type(exception).__name__
    if name in _SCRAPY_ERRORS:
        return _SCRAPY_ERRORS[name]
    if isinstance(exception, (twisted_error.TimeoutError, twisted_error.TCPTimedOutError)):
        return "timeout"
    if isinstance(exception, twisted_error.DNSLookupError):
        return "dns"
    if isinstance(
        exception, (twisted_error.ConnectError, twisted_error.ConnectionLost, ResponseFailed)
    ):
        return "connection"
    return name


#: what a request is for (``cw_kind``) when it asks for a page: anything but an attachment, a
#: feed, a sitemap or robots.txt, which are not HTML on purpose
PAGE_KINDS = frozenset({"start", "listing", "page", "article"})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/vnd.wap.xhtml+xml"})


def is_html(response: Response) -> bool:
    """Whether ``response`` is a web page: its Content-Type says HTML or XHTML; without one,
    what Scrapy made of its URL and body (text), or a compressed body not yet decompressed."""
    content_type = response.headers.get(b"Content-Type", b"").decode("latin-1")
    media_type = content_type.split(";", 1)[0].strip().lower()
    if media_type:
        return media_type in HTML_TYPES
    return isinstance(response, TextResponse) or b"Content-Encoding" in response.headers


def failure_row(request: Request, exception: BaseException) -> dict[str, Any]:
    """The ``fetches`` row of a request that got no response, for ``exception``."""
    started = request.meta.get("cw_started")
    return {
        "url": request.url,
        "kind": request.meta.get("cw_kind", "other"),
        "status": None,
        "error": error_kind(exception),
        "error_detail": str(exception)[:500] or type(exception).__name__,
        "bytes": None,
        "seconds": round(time.monotonic() - started, 4) if started else None,
    }


class FetchLogMiddleware:
    def __init__(self, crawler: Any):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> FetchLogMiddleware:
        return cls(crawler)

    def _session(self) -> RecordBook:
        return session_for(self.crawler)

    def process_request(self, request: Request) -> None:
        request.meta["cw_started"] = time.monotonic()

    def process_response(self, request: Request, response: Response) -> Response:
        started = request.meta.get("cw_started")
        kind = request.meta.get("cw_kind", "other")
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1") or None
        error = error_detail = None
        if response.status == 200 and kind in PAGE_KINDS and not is_html(response):
            # a PDF or an image where a page was expected: fetched fine, nothing to read
            error, error_detail = "not-html", f"{content_type or 'no Content-Type'}: no page"
        session = self._session()
        session.record_page(canonical_url(request.url), kind, response.status, response.headers)
        session.record_fetch(
            {
                "url": request.url,
                "kind": kind,
                "status": response.status,
                "error": error,
                "error_detail": error_detail,
                "content_type": content_type,
                "bytes": len(response.body),
                "seconds": round(time.monotonic() - started, 4) if started else None,
            }
        )
        return response

    def process_exception(self, request: Request, exception: BaseException) -> None:
        request.meta["cw_logged_exception"] = True
        self._session().record_fetch(failure_row(request, exception))
        return None


class PoliteRetryMiddleware(RetryMiddleware):
    """Scrapy's retries, with backoff between attempts, honouring ``Retry-After``.

    The stock middleware retries at once (a 503 with ``Retry-After: 1`` was retried after
    0.05 s). Here attempt n waits ``RETRY_BACKOFF_BASE * 2**(n-1)`` seconds with jitter, or
    what a 429/503 ``Retry-After`` asks (seconds or an HTTP date) when that is longer, up to
    ``RETRY_AFTER_MAX``; a server asking for more than that is left alone for this run.
    The wait happens in this request's middleware chain, so other requests go on meanwhile.
    """

    def __init__(self, settings: Any):
        super().__init__(settings)
        self.backoff_base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        self.retry_after_max = settings.getfloat("RETRY_AFTER_MAX", 120.0)

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if request.meta.get("dont_retry") or response.status not in self.retry_http_codes:
            return response
        wait = self._backoff(request)
        asked = retry_after_seconds(response.headers.get(b"Retry-After"))
        if asked is not None and response.status in (429, 503):
            if asked > self.retry_after_max:
                logger.warning("%s asks to retry after %.0f s: not in this run", request.url, asked)
                return response
            wait = max(wait, asked)
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        await asyncio.sleep(wait)
        return retry

    async def process_exception(self, request: Request, exception: Exception) -> Request | None:
        if not isinstance(exception, self.exceptions_to_retry) or request.meta.get("dont_retry"):
            return None
        retry = self._retry(request, exception)
        if retry is not None:
            await asyncio.sleep(self._backoff(request))
        return retry

    def _backoff(self, request: Request) -> float:
        attempt = request.meta.get("retry_times", 0) + 1
        return self.backoff_base * 2 ** (attempt - 1) * random.uniform(0.8, 1.2)


def retry_after_seconds(value: bytes | None) -> float | None:
    """``Retry-After`` as seconds: a number of seconds or an HTTP date (RFC 9110)."""
    if not value:
        return None
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class LoopAwareRedirectMiddleware(RedirectMiddleware):
    """Scrapy's redirects, refusing one that leads back to a URL of the same chain, and
    recording one to another scheme.

    Stock Scrapy follows a loop until ``REDIRECT_MAX_TIMES`` (or the duplicate filter drops it
    silently); naming it lets the fetch log say ``redirect-loop``. A ``Location`` with another
    scheme than http(s) (``file:///etc/passwd``) it drops without a word, passing the 3xx on:
    its target is recorded here as refused (``scheme``), and still never requested.
    """

    def _build_redirect_request(
        self, source_request: Request, response: Response, *, url: str, **kwargs: Any
    ) -> Request:
        # RedirectMiddleware.process_response builds the request for every Location, then
        # returns the response instead when the scheme is not http(s)
        redirected = super()._build_redirect_request(source_request, response, url=url, **kwargs)
        scheme = urlparse_cached(redirected).scheme
        if scheme not in ("http", "https"):
            refusal = RefusedRequest(
                "scheme", f"redirect from {source_request.url}: scheme {scheme!r} is not fetched"
            )
            row = {**failure_row(source_request, refusal), "url": redirected.url, "seconds": None}
            session_for(self.crawler).record_fetch(row)
        return redirected

    def _redirect(self, redirected: Request, request: Request, reason: Any) -> Request:
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if redirected.url in chain:
            raise IgnoreRequest(f"redirect loop: {' -> '.join([*chain, redirected.url])}")
        return super()._redirect(redirected, request, reason)


class PublicAddressResolver(CachingThreadedResolver):
    """Scrapy's caching resolver that refuses names resolving to private addresses.

    Addresses, however spelled, are judged before they reach a resolver (ScopeMiddleware);
    every host name reaches it, on every connection, redirects included — so a public name
    pointing at 127.0.0.1 or 169.254.169.254 is refused after resolution, not before.
    """

    def __init__(self, reactor: Any, cache_size: int, timeout: float, allow: bool | list[str]):
        super().__init__(reactor, cache_size, timeout)
        self.allow = allow

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: Any) -> PublicAddressResolver:
        settings = crawler.settings
        cache_size = settings.getint("DNSCACHE_SIZE") if settings.getbool("DNSCACHE_ENABLED") else 0
        allow = settings.get("CLUSTERWATCH_ALLOW_PRIVATE_ADDRESSES")
        if allow is None:  # run as `scrapy crawl`: read the configuration
            from clusterwatch.config import load_config

            allow = load_config(settings.get("CLUSTERWATCH_CONFIG")).crawl.allow_private_addresses
        return cls(reactor, cache_size, settings.getfloat("DNS_TIMEOUT"), allow)

    def getHostByName(self, name: str, timeout: Any = ()) -> Any:  # noqa: N802 - Twisted's API
        deferred = super().getHostByName(name, timeout)

        def check(address: str) -> str:
            if not address_allowed(address, self.allow):
                raise twisted_error.DNSLookupError(f"{name} resolves to private address {address}")
            return address

        return deferred.addCallback(check)
