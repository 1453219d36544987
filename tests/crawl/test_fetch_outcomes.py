"""Every fetch row has an outcome (#24): a page URL answered with no HTML is ``not-html``, a
redirect to another scheme is ``scheme``, a host written as a number in any form is read as the
address it is and refused as ``private-address`` before any resolution.

Real servers on 127.0.0.1 (and one on 127.0.0.2 that nothing may reach), a real archive, the
real ``clusterwatch crawl``. The other private addresses redirected to (10.0.0.1,
169.254.169.254) are never contacted: they are refused before the network, and the fixture
checks that they will be before it starts the crawl.
"""

from __future__ import annotations

import ipaddress
import json
from datetime import UTC, datetime, timedelta

import pytest

from clusterwatch.archive.urls import host_address, host_of
from clusterwatch.crawl.middlewares import address_allowed

from ..faultserver import FaultServer
from ..helpers import query, run_cli

ALLOWED = ["127.0.0.1"]  # the test server's address, as the configuration spells it

# spellings of 127.0.0.2 (a server listens there: nothing may reach it), 10.0.0.1 and
# 169.254.169.254 (nothing listens; nothing may try)
LOOPBACK_2 = {
    "decimal": "2130706434",
    "octal": "0177.0.0.2",
    "octal-whole": "017700000002",
    "hex": "0x7f.0.0.2",
    "hex-whole": "0x7f000002",
    "short": "127.2",
    "short-3": "127.0.2",
    "mixed": "0x7f.0.02",
    "mapped": "[::ffff:127.0.0.2]",
    "mapped-hex": "[::ffff:7f00:2]",
}
OTHER_PRIVATE = {
    "ten-decimal": "167772161",
    "ten-octal": "012.0.0.1",
    "ten-hex": "0xa000001",
    "ten-short": "10.1",
    "ten-mapped": "[::ffff:10.0.0.1]",
    "metadata-decimal": "2852039166",
    "metadata-octal": "0251.0376.0251.0376",
    "metadata-hex": "0xa9.0xfe.0xa9.0xfe",
    "metadata-hex-whole": "0xa9fea9fe",
    "metadata-short": "169.254.43518",
    "metadata-mapped": "[::ffff:a9fe:a9fe]",
}
NUMERIC = {**LOOPBACK_2, **OTHER_PRIVATE}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    server = FaultServer().start()
    other = FaultServer("127.0.0.2").start()
    for name, host in NUMERIC.items():
        # a path of its own each: Scrapy's duplicate filter takes two spellings of one IPv6
        # address for one URL
        server.redirect_targets[f"/to-{name}"] = f"http://{host}:{other.port}/secret-{name}"
    for target in server.redirect_targets.values():
        # the crawl must refuse these before the network: if it would not, stop here
        assert not address_allowed(host_of(target), ALLOWED), target
    workdir = tmp_path_factory.mktemp("outcomes")
    config = workdir / "clusterwatch.toml"
    config.write_text(
        f"""
[archive]
path = "archive.db"
[crawl]
allow_private_addresses = {json.dumps(ALLOWED)}
download_delay = 0.0
autothrottle = false
timeout = 5.0
retries = 0
[[sources]]
name = "outcomes"
start_urls = ["{server.base}/outcomes"]
""",
        encoding="utf-8",
    )
    first = run_cli("crawl", "--config", str(config), timeout=300)
    hits_after_first = list(server.hits)
    second = run_cli("crawl", "--config", str(config), timeout=300)
    yield {
        "runs": [first, second],
        "db": workdir / "archive.db",
        "server": server,
        "other": other,
        "first_hits": hits_after_first,
    }
    server.stop()
    other.stop()


def rows(crawled, url, run=1):
    return query(
        crawled["db"],
        "select status, error, content_type from fetches where url = ? and crawl_run = ? "
        "order by id",
        [url, run],
    )


def outcomes(crawled, url):
    return [(status, error) for status, error, _ in rows(crawled, url)]


def test_both_crawls_finish(crawled):
    for result in crawled["runs"]:
        assert result.returncode == 0, result.stdout + result.stderr
    assert query(crawled["db"], "select status from crawl_runs order by id") == [
        ("finished",),
        ("finished",),
    ]


@pytest.mark.parametrize(
    ("path", "content_type"),
    [("/report", "application/pdf"), ("/photo", "image/png"), ("/export", "application/json")],
)
def test_a_page_url_answered_with_no_html_is_not_html(crawled, path, content_type):
    url = crawled["server"].base + path
    assert rows(crawled, url) == [(200, "not-html", content_type)]
    assert not query(crawled["db"], "select 1 from articles where url = ?", [url])


@pytest.mark.parametrize("path", ["/report", "/photo", "/export"])
def test_a_page_that_is_no_html_is_not_fetched_again_every_run(crawled, path):
    url = crawled["server"].base + path
    ((kind, reason, next_check),) = query(
        crawled["db"], "select kind, reason, next_check from pages where url = ?", [url]
    )
    assert (kind, reason) == ("other", "not html")
    assert datetime.fromisoformat(next_check) > datetime.now(UTC) + timedelta(days=7)
    assert rows(crawled, url, run=2) == []
    fetched = [p for p, _ in crawled["server"].hits if p == path]
    assert len(fetched) == 1, fetched


def test_the_runs_count_pages_that_are_no_html(crawled):
    ((not_stored,),) = query(crawled["db"], "select not_stored from crawl_runs where id = 1")
    assert json.loads(not_stored)["not html"] == 3  # the PDF, the PNG, the JSON


def test_attachments_feeds_robots_and_real_pages_have_no_outcome_error(crawled):
    base = crawled["server"].base
    # a PDF linked as an attachment is fetched on purpose and kept
    assert query(
        crawled["db"],
        "select kind, status, error, content_type from fetches where url = ?",
        [base + "/files/raport.pdf"],
    ) == [("attachment", 200, None, "application/pdf")]
    assert query(crawled["db"], "select article_url from attachments") == [
        (base + "/with-attachment",)
    ]
    # XML and text read as such
    assert rows(crawled, base + "/outcomes.rss") == [(200, None, "application/rss+xml")]
    assert rows(crawled, base + "/robots.txt") == [(200, None, "text/plain")]
    # pages: compressed, without a Content-Type, XHTML
    for path in ("/outcomes", "/with-attachment", "/gzipped", "/untyped", "/xhtml"):
        assert outcomes(crawled, base + path) == [(200, None)], path
    titles = {title for (title,) in query(crawled["db"], "select title from articles")}
    assert {"Raport klastra", "Spakowany artykuł", "Bez nagłówka typu"} <= titles


def test_a_redirect_to_a_file_url_records_the_refused_target(crawled):
    base = crawled["server"].base
    assert outcomes(crawled, base + "/to-file") == [(301, None)]
    assert query(
        crawled["db"],
        "select kind, status, error, error_detail from fetches where url = 'file:///etc/passwd'",
    ) == [("page", None, "scheme", f"redirect from {base}/to-file: scheme 'file' is not fetched")]


@pytest.mark.parametrize("name", list(NUMERIC))
def test_a_redirect_to_a_numeric_private_host_is_refused_before_resolution(crawled, name):
    server = crawled["server"]
    assert outcomes(crawled, f"{server.base}/to-{name}") == [(302, None)]
    target = server.redirect_targets[f"/to-{name}"]
    assert query(crawled["db"], "select status, error from fetches where url = ?", [target]) == [
        (None, "private-address")
    ]


def test_nothing_reached_the_private_addresses(crawled):
    assert crawled["other"].hits == []  # 127.0.0.2, in ten spellings
    assert not query(crawled["db"], "select url, error from fetches where error = 'dns'")
    # no attempt at the network for any of them: each refused once, nothing else recorded
    targets = list(crawled["server"].redirect_targets.values())
    recorded = query(
        crawled["db"],
        f"select url, error from fetches where url in ({', '.join('?' * len(targets))})",
        targets,
    )
    assert sorted(recorded) == sorted((t, "private-address") for t in targets)


# -- the host parser and the policy, alone ------------------------------------------------------


@pytest.mark.parametrize(
    ("host", "address"),
    [
        ("127.0.0.1", "127.0.0.1"),
        ("2130706433", "127.0.0.1"),
        ("2130706434", "127.0.0.2"),
        ("0177.0.0.1", "127.0.0.1"),
        ("017700000001", "127.0.0.1"),
        ("0x7f.0.0.1", "127.0.0.1"),
        ("0X7F.0.0.1", "127.0.0.1"),
        ("0x7f000001", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("127.0.1", "127.0.0.1"),
        ("0x7f.1", "127.0.0.1"),
        ("127.0.0.1.", "127.0.0.1"),  # a trailing dot, as browsers read it
        ("0", "0.0.0.0"),
        ("167772161", "10.0.0.1"),
        ("0xa9fea9fe", "169.254.169.254"),
        ("169.254.43518", "169.254.169.254"),
        ("[::ffff:127.0.0.1]", "127.0.0.1"),
        ("[::ffff:7f00:1]", "127.0.0.1"),
        ("::ffff:a9fe:a9fe", "169.254.169.254"),
        ("[::1]", "::1"),
        ("[2001:db8::1]", "2001:db8::1"),
    ],
)
def test_every_spelling_of_an_address_is_read_as_that_address(host, address):
    assert host_address(host) == ipaddress.ip_address(address)


@pytest.mark.parametrize(
    "host",
    [
        "example.com",
        "localhost",
        "cafe",  # hex digits, but no 0x: a name
        "deadbeef.pl",
        "0x7f.example.com",
        "1.2.3.4.5",  # too many parts
        "256.1.1.1",  # a part out of range
        "4294967296",  # past 32 bits
        "08.0.0.1",  # not octal: a resolver asks DNS
        "127.0.0.1..",
        "127.0.0.1 x",
        "[not-ipv6]",
        "",
    ],
)
def test_names_are_not_addresses(host):
    assert host_address(host) is None


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "2130706433", "0x7f.1", "[::ffff:7f00:1]", "127.0.0.1.", "localhost"]
)
def test_allowing_an_address_allows_its_every_spelling(host):
    assert address_allowed(host, ["127.0.0.1"])
    assert not address_allowed(host, [])


@pytest.mark.parametrize(
    "host",
    [
        *NUMERIC.values(),
        "[::1]",
        "[::7f00:1]",  # IPv4-compatible IPv6 (deprecated)
        "[64:ff9b::a9fe:a9fe]",  # NAT64 of 169.254.169.254
        "[fe80::1%25eth0]",
    ],
)
def test_private_addresses_in_any_spelling_are_refused(host):
    assert not address_allowed(host, ALLOWED)
    assert address_allowed(host, True)


@pytest.mark.parametrize(
    "host", ["example.com", "8.8.8.8", "134744072", "0x08080808", "[2606:4700:4700::1111]"]
)
def test_public_addresses_and_names_are_allowed(host):
    assert address_allowed(host, [])
