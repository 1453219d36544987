"""Canonical URLs: one article, one URL, however a link spelled it.

courlan does the heavy lifting (case, default ports, dot segments, tracking parameters such as
utm_*, fbclid, gclid, sorted query); on top of it we drop fragments, session ids and index
pages.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from courlan import normalize_url

_SESSION_PARAMS = re.compile(
    r"^(?:phpsessid|jsessionid|sid|sessionid|session_id|s|zenid|osc?sid)$", re.I
)
_INDEX_PAGES = re.compile(r"/(?:index|default)\.(?:html?|php|aspx?|jsp)$", re.I)
_SESSION_IN_PATH = re.compile(r";(?:jsessionid|phpsessid|sid)=[^/?#]*", re.I)


@lru_cache(maxsize=16384)  # pages link the same URLs (menus, related articles) over and over
def canonical_url(url: str) -> str:
    """The form under which a URL is stored and compared."""
    url = _SESSION_IN_PATH.sub("", url.strip())
    normal = normalize_url(url, strict=False, trailing_slash=True)
    parts = urlsplit(normal)
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not _SESSION_PARAMS.match(k)
    ]
    # RFC 3986 dot segments ("/a/./b/../c"), which courlan leaves inside a path
    path = (
        urlsplit(urljoin("http://h/", parts.path or "/")).path
        if "/." in parts.path
        else parts.path or "/"
    )
    if not query:
        path = _INDEX_PAGES.sub("/", path)
    return urlunsplit((parts.scheme, parts.netloc, path, urlencode(query), ""))


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


# what inet_aton may read as an IPv4 address: numbers (decimal, 0-octal, 0x-hex) and dots
_NUMERIC_HOST = re.compile(r"[0-9a-fx.]+")


def host_address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address a URL's host denotes, however it is spelled; None for a name.

    Resolvers read ``2130706433``, ``0177.0.0.1``, ``0x7f000001`` and ``127.1`` as 127.0.0.1
    without asking DNS (inet_aton, which browsers' WHATWG host parser follows; it also allows
    a trailing dot), where ``ipaddress.ip_address`` takes only the dotted quad. An IPv6 host
    (brackets allowed) is an address too; an IPv4-mapped one (``::ffff:7f00:1``) is the IPv4
    address it maps, which is where a connection to it goes.
    """
    host = host.strip().lower()
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if ":" in host:
        try:
            address = ipaddress.IPv6Address(host)
        except ValueError:
            return None
        return address.ipv4_mapped or address
    if host.endswith("."):
        host = host[:-1]
    if not _NUMERIC_HOST.fullmatch(host):
        return None  # (inet_aton would also read "127.0.0.1 anything")
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        return None  # a name: 08.1 or 256.1.1.1 are no address to a resolver either


def netloc_of(url: str) -> str:
    """Host and explicit non-default port: what tells two local replica sites apart."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    default = {"http": 80, "https": 443}.get(parts.scheme)
    return f"{host}:{parts.port}" if parts.port and parts.port != default else host


def domain_allowed(url: str, allowed: list[str] | tuple[str, ...]) -> bool:
    """Whether ``url`` lies inside the allowed domains.

    An entry ``example.org`` allows that host and its subdomains on any port; an entry with a
    port (``127.0.0.1:8001``) allows exactly that host and port — what keeps replica sites
    served from one address apart.
    """
    host = host_of(url)
    netloc = netloc_of(url)
    for entry in allowed:
        entry = entry.lower().strip()
        if ":" in entry and not _is_ipv6(entry):
            if netloc == entry:
                return True
        elif host == entry or host.endswith("." + entry):
            return True
    return False


def _is_ipv6(value: str) -> bool:
    try:
        return isinstance(ipaddress.ip_address(value.strip("[]")), ipaddress.IPv6Address)
    except ValueError:
        return False


def section_of(url: str) -> str:
    """The section of its site a start URL belongs to: its path without the last segment.

    ``/web/polskapomoc/aktualnosci`` → ``/web/polskapomoc/``; ``/ru/news/`` → ``/ru/``;
    ``/aktualnosci/`` and ``/`` → ``/`` (the whole host).
    """
    path = urlsplit(url).path or "/"
    segments = [s for s in path.split("/") if s]
    return "/" + "".join(s + "/" for s in segments[:-1])


class Scope:
    """Where a source's crawl may go: hosts (with their subdomains) and host + path prefixes.

    Built from a source's configuration: ``scope`` entries when given, else each start URL's
    section of its host (:func:`section_of`); ``allowed_domains`` add whole domains. Robots.txt,
    sitemaps and feeds of an allowed host are read wherever they live; the pages followed and
    stored (links, sitemap and feed entries, redirect targets, canonical URLs) must lie inside.
    """

    def __init__(self, prefixes: list[tuple[str, str]], domains: list[str]):
        self.prefixes = prefixes  # (netloc, path prefix)
        self.domains = domains

    @classmethod
    def of(
        cls, start_urls: list[str], scope: list[str] = (), allowed_domains: list[str] = ()
    ) -> Scope:
        prefixes: list[tuple[str, str]] = []
        domains = list(allowed_domains)
        for entry in scope or start_urls:
            if "://" not in entry:
                domains.append(entry)
                continue
            # a configured prefix as written; a start URL: its section
            prefix = (urlsplit(entry).path or "/") if scope else section_of(entry)
            prefixes.append((_bare(netloc_of(entry)), prefix))
        return cls(prefixes, domains)

    @property
    def hosts(self) -> list[str]:
        """The hosts (or domains) a request may go to at all."""
        hosts = list(self.domains)
        # a bare host name allows its www. form too (sites redirect one to the other)
        for netloc, _ in self.prefixes:
            if netloc not in hosts:
                hosts.append(netloc)
        return hosts

    def __contains__(self, url: str) -> bool:
        if self.domains and domain_allowed(url, self.domains):
            return True
        if not self.prefixes:
            return False
        netloc = _bare(netloc_of(url))
        path = urlsplit(url).path or "/"
        return any(netloc == n and path.startswith(p) for n, p in self.prefixes)

    def describe(self) -> str:
        parts = [
            f"{n}{p}"
            for n, p in self.prefixes
            if not domain_allowed(f"http://{n}{p}", self.domains)  # a domain takes it whole
        ] + [f"{d} (whole domain)" for d in self.domains]
        return ", ".join(parts)


def _bare(netloc: str) -> str:
    """A host without its ``www.``: ``www.gov.pl`` and ``gov.pl`` are one site."""
    return netloc[4:] if netloc.startswith("www.") else netloc
