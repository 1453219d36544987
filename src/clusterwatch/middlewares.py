"""Downloader middlewares: where a request may go, and a record of every fetch.

``ScopeMiddleware`` replaces Scrapy's offsite middleware: allowed domains may carry a port
(replica sites share 127.0.0.1), non-http(s) schemes are refused, and so are private,
loopback and link-local addresses unless ``[crawl] allow_private_addresses`` allows them.
It sits at the engine end, so redirects, which come back through it as new requests, are
checked too.

``FetchLogMiddleware`` sits at the downloader end and records each network attempt's outcome
(status, error kind, bytes, time) in ``fetches``; refusals by earlier middlewares (robots.txt,
scope) reach its ``process_exception`` and are recorded with their kind.
"""

from __future__ import annotations

import ipaddress
import logging
import time
from typing import Any

from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from twisted.internet import error as twisted_error
from twisted.web._newclient import ResponseFailed

from .session import CrawlSession
from .urls import domain_allowed, host_of

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
    Host names are judged by their resolved addresses elsewhere; here only ``localhost`` is.
    """
    host = host.strip("[]").lower()
    if allow is True:
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        if host == "localhost" or host.endswith(".localhost"):
            address = ipaddress.ip_address("127.0.0.1")
        else:
            return True
    if address.is_global:
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


def error_kind(exception: BaseException) -> str:
    if isinstance(exception, RefusedRequest):
        return exception.kind
    name = type(exception).__name__
    if isinstance(exception, IgnoreRequest):
        if "robots.txt" in str(exception):
            return "robots"
        return "ignored"
    if (
        isinstance(exception, (twisted_error.TimeoutError, twisted_error.TCPTimedOutError))
        or "Timeout" in name
    ):
        return "timeout"
    if isinstance(exception, twisted_error.DNSLookupError):
        return "dns"
    if isinstance(
        exception,
        (
            twisted_error.ConnectionRefusedError,
            twisted_error.ConnectionLost,
            twisted_error.ConnectionDone,
        ),
    ):
        return "connection"
    if isinstance(exception, ResponseFailed):
        return (
            "truncated"
            if "PotentialDataLoss" in repr(exception) or "DataLoss" in repr(exception)
            else "connection"
        )
    if "maxsize" in str(exception).lower() or "Cancelled" in name:
        return "too-large"
    if "ConnectError" in name or "Connection" in name:
        return "connection"
    return name


class FetchLogMiddleware:
    def __init__(self, crawler: Any):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> FetchLogMiddleware:
        return cls(crawler)

    def _session(self) -> CrawlSession:
        return CrawlSession.for_crawler(self.crawler)

    def process_request(self, request: Request) -> None:
        request.meta["cw_started"] = time.monotonic()

    def process_response(self, request: Request, response: Response) -> Response:
        started = request.meta.get("cw_started")
        self._session().record_fetch(
            {
                "url": request.url,
                "status": response.status,
                "error": None,
                "content_type": response.headers.get(b"Content-Type", b"").decode("latin-1")
                or None,
                "bytes": len(response.body),
                "seconds": round(time.monotonic() - started, 4) if started else None,
            }
        )
        return response

    def process_exception(self, request: Request, exception: BaseException) -> None:
        started = request.meta.get("cw_started")
        kind = error_kind(exception)
        self._session().record_fetch(
            {
                "url": request.url,
                "status": None,
                "error": kind,
                "error_detail": str(exception)[:500] or type(exception).__name__,
                "bytes": None,
                "seconds": round(time.monotonic() - started, 4) if started else None,
            }
        )
        return None
