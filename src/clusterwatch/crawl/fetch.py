"""Fetching one page outside a crawl (``clusterwatch extract URL``), under the crawl's rules.

The same policy as the crawler: http(s) only, no private, loopback or link-local address —
checked on the resolved addresses of every hop, redirects included — unless
``[crawl] allow_private_addresses`` allows it; the configured User-Agent, timeout and size
limit. httpx does the HTTP; redirects are followed here, one hop at a time, so each is checked.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from clusterwatch.config import Config

from .middlewares import address_allowed

MAX_REDIRECTS = 10


class FetchError(Exception):
    """A page that could not or may not be fetched; the message says which and why."""


@dataclass
class Fetched:
    url: str  # after redirects
    status: int
    content_type: str | None
    body: bytes


def check_address(url: str, allow: bool | list[str]) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"{url}: only http and https URLs are fetched")
    host = parts.hostname or ""
    try:
        addresses = {
            info[4][0]
            for info in socket.getaddrinfo(host, parts.port or 80, proto=socket.IPPROTO_TCP)
        }
    except socket.gaierror as exc:
        raise FetchError(f"{url}: cannot resolve {host}: {exc.strerror}") from None
    for address in sorted(addresses):
        if not address_allowed(address, allow) or not address_allowed(host, allow):
            raise FetchError(
                f"{url}: {host} is a private address (set [crawl] allow_private_addresses)"
            )


def fetch(url: str, config: Config) -> Fetched:
    crawl = config.crawl
    headers = {
        "User-Agent": config.user_agent,
        "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
    }
    with httpx.Client(
        headers=headers, timeout=crawl.timeout, follow_redirects=False, trust_env=False
    ) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_address(url, crawl.allow_private_addresses)
            try:
                with client.stream("GET", url) as response:
                    if response.is_redirect:
                        url = urljoin(url, response.headers["location"])
                        continue
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body += chunk
                        if len(body) > crawl.max_page_bytes:
                            raise FetchError(
                                f"{url}: larger than max_page_bytes ({crawl.max_page_bytes})"
                            )
                    if response.status_code >= 400:
                        raise FetchError(f"{url}: HTTP {response.status_code}")
                    return Fetched(
                        str(response.url),
                        response.status_code,
                        response.headers.get("content-type"),
                        bytes(body),
                    )
            except httpx.HTTPError as exc:
                raise FetchError(f"{url}: {type(exc).__name__}: {exc}") from None
    raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")
