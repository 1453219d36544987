"""Distributed mode trusts Redis with data, never with code, and rides out a Redis outage (#24).

Round trips of the JSON codec for what this project puts on requests and sends to the writer;
crafted pickles and requests refused by a real worker and writer; a worker's Redis calls that
do not wait while Redis is away; a two-worker crawl through a Redis restart; ``rediss://`` with
a password against a real TLS redis-server, the password in no log.
"""

from __future__ import annotations

import datetime
import ipaddress
import json
import logging
import pickle
import shutil
import socket
import subprocess
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
import redis
from scrapy import Request, Spider
from scrapy.settings import Settings
from scrapy.statscollectors import MemoryStatsCollector

from clusterwatch.archive.prepare import Match, Prepared
from clusterwatch.crawl.items import ArticleItem, AttachmentItem
from clusterwatch.demo.replicas import ReplicaServer
from clusterwatch.demo.sitegen import generate_site, site_config
from clusterwatch.distributed import codec
from clusterwatch.distributed.link import RedisDown, RedisLink, scrub
from clusterwatch.distributed.queues import Keys, LeasingScheduler, distributed_settings, redact
from clusterwatch.extract.article import Extracted

from ..helpers import free_port, run_cli
from .test_distributed import (
    RedisServer,
    assert_each_stored_once,
    seed,
    start,
    stored_urls,
    wait_for,
    worker,
    writer,
)

needs_redis = pytest.mark.skipif(
    shutil.which("redis-server") is None,
    reason="redis-server is not installed (Debian package redis-server; .ci/run installs it)",
)


class SiteSpider(Spider):
    """The callbacks and errbacks of the project's spiders (spiders_base, spiders_links)."""

    name = "bench"
    source_name = "bench"

    def parse(self, response, **kwargs):  # pragma: no cover - never called here
        pass

    parse_attachment = parse_sitemap = parse_robots = parse_feed = parse

    def on_error(self, failure):  # pragma: no cover
        pass


SPIDER = SiteSpider()

#: the requests this project makes, with the meta keys it and Scrapy's middlewares put on them
PROJECT_REQUESTS = {
    # spiders_base.listing_request, with cw_news set by follow_links
    "listing": Request(
        "http://127.0.0.1:8000/news/?page=2",
        callback=SPIDER.parse,
        errback=SPIDER.on_error,
        meta={"cw_kind": "listing", "cw_depth": 1, "cw_page": 2, "cw_news": True},
    ),
    # spiders_base.article_request: conditional headers, a 304 let through
    "article": Request(
        "http://127.0.0.1:8000/wpis-00001.html",
        callback=SPIDER.parse,
        errback=SPIDER.on_error,
        priority=1,
        headers={"If-None-Match": '"abc"', "If-Modified-Since": "Mon, 01 Jan 2024 00:00:00 GMT"},
        meta={"cw_kind": "article", "cw_depth": 3, "handle_httpstatus_list": [304]},
    ),
    # spiders_base.attachment_requests
    "attachment": Request(
        "http://127.0.0.1:8000/doc.pdf",
        callback=SPIDER.parse_attachment,
        errback=SPIDER.on_error,
        priority=-1,
        meta={
            "cw_kind": "attachment",
            "cw_article": "http://127.0.0.1:8000/wpis-00001.html",
            "cw_title": "Raport (PDF) – żółć",
            "download_maxsize": 5_000_000,
        },
    ),
    # spiders_links: robots.txt with its origin as a callback argument, sitemaps, feeds
    "robots": Request(
        "http://127.0.0.1:8000/robots.txt",
        callback=SPIDER.parse_robots,
        errback=SPIDER.on_error,
        meta={"cw_kind": "robots"},
        cb_kwargs={"origin": "http://127.0.0.1:8000"},
    ),
    "sitemap": Request(
        "http://127.0.0.1:8000/sitemap.xml",
        callback=SPIDER.parse_sitemap,
        errback=SPIDER.on_error,
        meta={"cw_kind": "probe"},
    ),
    # a retried redirect, as Scrapy's and the project's middlewares leave it (a float, lists of
    # mixed types), and what a parsed response's meta holds (a set, a dict keyed by None)
    "redirected": Request(
        "http://127.0.0.1:8000/moved.html",
        callback=SPIDER.parse_feed,
        errback=SPIDER.on_error,
        dont_filter=True,
        meta={
            "cw_kind": "feed",
            "cw_started": 12345.678,
            "cw_logged_exception": True,
            "retry_times": 2,
            "redirect_times": 1,
            "redirect_ttl": 19,
            "redirect_urls": ["http://127.0.0.1:8000/old.html"],
            "redirect_reasons": [301, "meta refresh"],
            "download_slot": "127.0.0.1",
            "depth": 2,
            "cw_content_links": {"http://127.0.0.1:8000/a", "http://127.0.0.1:8000/b"},
            "cw_links": {None: [], "main": []},
            "cw_judged": "listing",
        },
    ),
    # a body in bytes that is no UTF-8, a tuple, and a dict that reads like a tag
    "odd": Request(
        "http://127.0.0.1:8000/form",
        method="POST",
        body=b"\x00\xff\xfe binary",
        callback=SPIDER.parse,
        meta={"pair": (1, "a"), "frozen": frozenset({3}), "tagged": {"$bytes": "not base64"}},
    ),
}


@pytest.mark.parametrize("name", sorted(PROJECT_REQUESTS))
def test_the_projects_requests_round_trip_through_json(name):
    request = PROJECT_REQUESTS[name]
    data = codec.request_to_data(request, SPIDER)
    json.loads(data)  # JSON, nothing else
    back = codec.request_from_data(data, SPIDER)
    assert type(back) is Request
    for attribute in ("url", "method", "body", "priority", "dont_filter", "cb_kwargs", "flags"):
        assert getattr(back, attribute) == getattr(request, attribute), attribute
    assert back.meta == request.meta
    assert {k: type(v) for k, v in back.meta.items()} == {
        k: type(v) for k, v in request.meta.items()
    }
    assert dict(back.headers) == dict(request.headers)
    assert back.callback == request.callback and back.errback == request.errback


def test_a_value_json_cannot_carry_fails_loudly_naming_its_key():
    request = Request("http://127.0.0.1/", meta={"cw_links": {"main": [object()]}})
    with pytest.raises(codec.Unsendable, match=r"meta\.cw_links\.main\[0\] holds a object"):
        codec.request_to_data(request, SPIDER)


class Marker:
    """A pickle that, loaded, creates a file: what an attacker with access to Redis would push."""

    def __init__(self, path: Path):
        self.path = path

    def __reduce__(self):
        return (Path.touch, (self.path,))


def crafted_pickle(path: Path) -> bytes:
    payload = pickle.dumps(Marker(path))
    # the payload is live: unpickled, it does create its file
    probe = path.with_name(path.name + ".probe")
    pickle.loads(pickle.dumps(Marker(probe)))
    assert probe.exists()
    probe.unlink()
    return payload


def test_crafted_requests_are_refused_never_run(tmp_path):
    marker = tmp_path / "ran"
    crafted = [
        crafted_pickle(marker),
        b"not json",
        b"[]",
        b'{"url": "http://x/", "_class": "subprocess.Popen"}',
        b'{"url": "http://x/", "callback": "__init__"}',
        b'{"url": "http://x/", "callback": "closed"}',
        b'{"url": "http://x/", "errback": "parse_missing"}',
        b'{"url": "http://x/", "meta": {"$bytes": "!"}}',
        b'{"url": "http://x/", "meta": []}',
        b'{"url": "http://x/", "priority": "high"}',
        b'{"url": "http://x/", "priority": true}',
        b'{"url": "http://x/", "headers": [1]}',
        b'{"url": 5}',
    ]
    for raw in crafted:
        with pytest.raises(codec.Refused) as refused:
            codec.request_from_data(raw, SPIDER)
        assert "\n" not in str(refused.value)
    assert not marker.exists()


def prepared_article() -> ArticleItem:
    extracted = Extracted(
        title="Klaster Mińsk: nowy raport",
        text="Klaster przemysłowy w Mińsku ogłosił raport. " * 30 + "Źródło: BelTA",
        published="2024-03-01",
        published_from="page",
        author="Jan Kowalski",
        language="pl",
        description=None,
        tags=["klaster", "raport"],
    )
    prepared = Prepared.of(extracted)
    prepared = Prepared(
        prepared.text_hash,
        prepared.grams,
        prepared.signature,
        prepared.terms,
        (Match("title", "clusters", "klaster", "Klaster Mińsk", 0, 7),),
        prepared.named_source,
    )
    return ArticleItem(
        url="http://127.0.0.1:8000/wpis-1.html",
        fetched_url="http://127.0.0.1:8000/wpis-1.html?utm=x",
        source="bench",
        extracted=extracted,
        prepared=prepared,
    )


def test_articles_attachments_and_records_round_trip_through_json():
    item = prepared_article()
    message = {
        "id": "1" * 32,
        "type": "article",
        "source": "bench",
        "run": 7,
        "item": item,
        "page": {"url": item.url, "kind": "article", "last_status": 200, "signal": None},
        "validators": ('"etag"', None),
    }
    back = codec.decode_message(codec.encode_message(message))
    assert back["item"] == item
    assert back["item"].prepared.signature.band_keys() == item.prepared.signature.band_keys()
    assert back["validators"] == ('"etag"', None) and back["page"] == message["page"]
    without = ArticleItem(item.url, item.fetched_url, "bench", item.extracted, None)
    assert codec.decode_message(codec.encode_message({**message, "item": without}))["item"] == (
        without
    )

    body = b"%PDF-1.4\x00\xff" + bytes(range(256))
    attachment = AttachmentItem("http://a/1", "http://a/1.pdf", "Raport", "application/pdf", body)
    message = {"id": "2" * 32, "type": "attachment", "source": "bench", "item": attachment}
    assert codec.decode_message(codec.encode_message(message))["item"] == attachment

    records = {
        "id": "3" * 32,
        "type": "records",
        "source": "bench",
        "run": None,
        "fetches": [{"url": "http://a/", "kind": "start", "status": 200, "seconds": 0.25}],
        "pages": [{"url": "http://a/", "kind": "start", "etag": None}],
        "counts": {"article_links": 3},
    }
    assert codec.decode_message(codec.encode_message(records)) == records


def test_crafted_messages_are_refused_never_run(tmp_path):
    marker = tmp_path / "ran"
    good = json.loads(
        codec.encode_message(
            {"id": "1" * 32, "type": "records", "source": "bench", "run": 1}
            | {"fetches": [], "pages": [], "counts": {}}
        )
    )
    crafted = [
        crafted_pickle(marker),
        b"\xff\xfe",
        b'"a string"',
        json.dumps({**good, "type": "shell"}).encode(),
        json.dumps({**good, "id": 5}).encode(),
        json.dumps({**good, "counts": {"pages = 0, errors": 1}}).encode(),
        json.dumps({**good, "fetches": [{"url] = 1; --": "x"}]}).encode(),
        json.dumps({**good, "pages": [{"url": {"nested": 1}}]}).encode(),
        json.dumps({**good, "type": "article", "item": {"url": "x"}}).encode(),
        json.dumps(
            {"id": "1", "type": "attachment", "source": "b", "item": {"body": "%%%"}}
        ).encode(),
    ]
    for raw in crafted:
        with pytest.raises(codec.Refused) as refused:
            codec.decode_message(raw)
        assert "\n" not in str(refused.value)
    assert not marker.exists()


def test_passwords_are_masked_in_urls_and_messages():
    url = "rediss://:pa%2Fss%3Aw%40rd@queue.example:6380/0?ssl_ca_certs=/etc/ca.pem"
    assert redact(url) == "rediss://:***@queue.example:6380/0?ssl_ca_certs=/etc/ca.pem"
    assert redact("redis://user:pw@h/1") == "redis://user:***@h/1"
    assert redact("redis://h:6379/0?password=pw&db=1") == "redis://h:6379/0?password=***&db=1"
    assert redact("redis://h:6379/0") == "redis://h:6379/0"
    message = "AUTH pa/ss:w@rd failed\nfor pa%2Fss%3Aw%40rd"
    assert scrub(message, url) == "AUTH *** failed for ***"


# -- a worker's Redis calls on the reactor thread -------------------------------------------------


class FakeCrawler:
    """What LeasingScheduler.from_crawler and the outbox need of a crawler (no reactor)."""

    def __init__(self, url: str, role: str = "worker"):
        config = SimpleNamespace(crawl=SimpleNamespace(redis_prefix="clusterwatch"))
        self.settings = Settings(
            distributed_settings(url, role, config, CLUSTERWATCH_WORKER_ID="w1")
        )
        self.spider = SPIDER
        self.stats = MemoryStatsCollector(self)


@needs_redis
@pytest.mark.timeout(120)
def test_a_worker_does_not_wait_for_redis_and_catches_up_when_it_is_back(tmp_path, caplog):
    server = RedisServer(tmp_path)
    server.start()
    try:
        crawler = FakeCrawler(server.url)
        scheduler = LeasingScheduler.from_crawler(crawler)
        scheduler.open(SPIDER)
        keys = Keys("clusterwatch", "bench")
        first = PROJECT_REQUESTS["article"].replace()
        assert scheduler.enqueue_request(first)
        taken = scheduler.next_request()
        assert taken.url == first.url and taken.meta["cw_lease"]

        server.stop()
        caplog.set_level(logging.WARNING, logger="clusterwatch")
        started = time.monotonic()
        for number in range(50):
            assert scheduler.enqueue_request(Request(f"http://127.0.0.1:8000/n{number}"))
            assert scheduler.next_request() is None
            assert scheduler.has_pending_requests()
        scheduler.give_up(taken.meta["cw_lease"])
        assert time.monotonic() - started < 2  # refused connections; nothing waited
        assert len(scheduler.outbox) == 51
        warnings = [r.getMessage() for r in caplog.records if "unreachable" in r.getMessage()]
        assert len(warnings) == 1  # once per outage, not per call

        server.start()  # same data (append-only file): the first request is still leased
        wait_for(lambda: scheduler.link.up, timeout=30, message="the link to see Redis back")
        assert any("is back" in r.getMessage() for r in caplog.records)
        taken = scheduler.next_request()  # what was held goes first, in order
        assert len(scheduler.outbox) == 0
        assert taken.url == "http://127.0.0.1:8000/n0"
        client = server.client()
        assert client.zcard(keys.requests) == 49
        assert [k.decode() for k in client.hkeys(keys.leases)] == [taken.meta["cw_lease"]]
    finally:
        server.stop()


@pytest.mark.timeout(60)
def test_a_silent_redis_costs_one_socket_timeout_per_outage():
    """A Redis host that accepts connections and never answers (a hung server, a dead link)."""
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    try:
        crawler = FakeCrawler(f"redis://127.0.0.1:{port}/0")
        from clusterwatch.distributed.link import SOCKET_TIMEOUT, link_for

        link = link_for(crawler.settings)
        started = time.monotonic()
        with pytest.raises(RedisDown):
            link.call(link.client.get, "x")
        assert time.monotonic() - started < SOCKET_TIMEOUT * 1.5
        started = time.monotonic()
        for _ in range(100):
            with pytest.raises(RedisDown):
                link.call(link.client.get, "x")
        assert time.monotonic() - started < 0.1
    finally:
        listener.close()


def test_a_full_outbox_stops_the_crawler_and_sends_nothing_after(monkeypatch, caplog):
    """Past its bound, the outbox keeps what it holds (a prefix of what the crawler did, so no
    lease is given up before what its request produced) and the crawler stops; its leases go
    back to the queue once its heartbeat expired."""
    from clusterwatch.distributed import link as distributed_link

    monkeypatch.setattr(distributed_link, "OUTBOX_BYTES", 10_000)
    crawler = FakeCrawler(f"redis://127.0.0.1:{free_port()}/0")
    stopped = []
    crawler.engine = SimpleNamespace(close_spider_async=lambda reason: stopped.append(reason))
    outbox = distributed_link.outbox_for(crawler)
    keys = Keys("clusterwatch", "bench")
    for number in range(10):
        outbox.queue_request(keys, f"fp{number}", 0, b"x" * 2_000)
    assert stopped == ["redis-unreachable"] and outbox.overflowed
    assert len(outbox) == 5  # the fifth went past 10 000 bytes
    outbox.give_up(keys, "w1/bench#1")
    assert len(outbox) == 5
    assert "wait to be sent: bench stops" in caplog.text


def test_a_wrong_password_is_no_outage():
    link = RedisLink("redis://h/0", SimpleNamespace())

    def refuse():
        raise redis.AuthenticationError("invalid username-password pair")

    with pytest.raises(redis.AuthenticationError):
        link.call(refuse)
    assert link.up


# -- real workers and writer ------------------------------------------------------------------------


@pytest.fixture
def small_site(tmp_path):
    root = tmp_path / "sites"
    manifest = generate_site(root / "site", articles=40)
    with ReplicaServer(root, latency=0.01) as server:
        work = tmp_path / "work"
        work.mkdir()
        config = site_config(server, work, concurrency=4)
        expected = {server.local_url(url) for url in manifest["articles"]}
        yield config, work / "archive.db", expected


def logs_of(*paths: Path) -> str:
    return " ".join(" ".join(path.read_text().split()) for path in paths)


@needs_redis
@pytest.mark.timeout(300)
def test_pickles_pushed_into_the_queues_are_refused_and_never_run(small_site, tmp_path):
    config, db, expected = small_site
    server = RedisServer(tmp_path)
    server.start()
    try:
        url = server.url
        seed(config, url)
        client = server.client()
        marker = tmp_path / "ran"
        payload = crafted_pickle(marker)
        # first in the queue (lowest score), and among the items for the writer
        client.zadd("clusterwatch:bench:requests", {payload: -100})
        client.zadd(
            "clusterwatch:bench:requests",
            {b'{"url": "http://127.0.0.1:1/", "_class": "subprocess.Popen"}': -100},
        )
        client.lpush("clusterwatch:items", payload)
        the_worker = worker(config, url, tmp_path / "worker.log")
        the_writer = writer(config, url, tmp_path / "writer.log")
        assert the_worker.wait(timeout=240) == 0 and the_writer.wait(timeout=240) == 0
        assert not marker.exists()
        assert_each_stored_once(db, expected)  # the crawl went on around them
        refused = set(client.lrange("clusterwatch:bench:requests:refused", 0, -1))
        assert payload in refused and len(refused) == 2
        assert client.lrange("clusterwatch:items:failed", 0, -1) == [payload]
        assert client.hlen("clusterwatch:bench:leases") == 0
        worker_log = (tmp_path / "worker.log").read_text()
        assert "refused an entry of clusterwatch:bench:requests that is no request" in logs_of(
            tmp_path / "worker.log"
        )
        assert "'subprocess.Popen' is not one clusterwatch sends" in logs_of(
            tmp_path / "worker.log"
        )
        assert "Traceback" not in worker_log
        writer_log = logs_of(tmp_path / "writer.log")
        assert (
            "refused an item that is no clusterwatch message (kept in clusterwatch:items:failed)"
            in writer_log
        )
        assert "1 refused" in writer_log
    finally:
        server.stop()


@needs_redis
@pytest.mark.timeout(600)
def test_a_two_worker_crawl_rides_out_a_redis_restart(tmp_path):
    """Redis stops mid-crawl for longer than a heartbeat and comes back with its data: every
    article is stored once, each process says once that Redis went and once that it is back,
    and no live worker is taken for dead (its heartbeat expired while Redis was down)."""
    root = tmp_path / "sites"
    manifest = generate_site(root / "site", articles=400)
    server = RedisServer(tmp_path)
    server.start()
    try:
        with ReplicaServer(root, latency=0.02) as site:
            work = tmp_path / "work"
            work.mkdir()
            config = site_config(site, work, concurrency=4)
            db = work / "archive.db"
            expected = {site.local_url(url) for url in manifest["articles"]}
            url = server.url
            seed(config, url)
            logs = [tmp_path / name for name in ("worker0.log", "worker1.log", "writer.log")]
            processes = [worker(config, url, logs[i], idle_exit="8") for i in range(2)]
            processes.append(writer(config, url, logs[2], idle_exit="8"))
            wait_for(lambda: len(stored_urls(db)) >= 60, message="a first 60 articles")
            server.stop()
            time.sleep(12)  # past the 10-second heartbeat
            assert all(p.poll() is None for p in processes)
            server.start()
            for process in processes:
                assert process.wait(timeout=400) == 0
        assert_each_stored_once(db, expected)
        assert len(stored_urls(db)) == len(manifest["articles"])
        for log in logs:
            text = logs_of(log)
            assert text.count(f"Redis at {url} is unreachable") == 1, log.name
            assert text.count(f"Redis at {url} is back") == 1, log.name
            assert "requests of stopped workers went back" not in text, log.name
    finally:
        server.stop()


# -- TLS and a password -----------------------------------------------------------------------------


def tls_files(directory: Path) -> dict[str, Path]:
    """A throwaway CA and a certificate for 127.0.0.1 it signed (PEM files)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.UTC)

    def certificate(subject, issuer, key, signer, *, ca: bool, san=None):
        builder = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
            .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        )
        if san:
            builder = builder.add_extension(x509.SubjectAlternativeName(san), critical=False)
        return builder.sign(signer, hashes.SHA256())

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = certificate("test CA", "test CA", ca_key, ca_key, ca=True)
    key = ec.generate_private_key(ec.SECP256R1())
    san = [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
    cert = certificate("127.0.0.1", "test CA", key, ca_key, ca=False, san=san)
    files = {"ca": directory / "ca.pem", "cert": directory / "redis.pem", "key": directory / "key"}
    files["ca"].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    files["cert"].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    files["key"].write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return files


PASSWORD = "pa/ss:w@rd-7Qx"
QUOTED = "pa%2Fss%3Aw%40rd-7Qx"


@pytest.fixture
def tls_redis(tmp_path):
    files = tls_files(tmp_path)
    port = free_port()
    process = subprocess.Popen(
        [
            "redis-server",
            "--port",
            "0",
            "--tls-port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--tls-cert-file",
            str(files["cert"]),
            "--tls-key-file",
            str(files["key"]),
            "--tls-ca-cert-file",
            str(files["ca"]),
            "--tls-auth-clients",
            "no",
            "--requirepass",
            PASSWORD,
            "--save",
            "",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"rediss://:{QUOTED}@127.0.0.1:{port}/0?ssl_ca_certs={files['ca']}"
    client = redis.Redis.from_url(url)
    try:
        wait_for(lambda: _answers(client), timeout=20, message="the TLS redis-server")
        yield SimpleNamespace(url=url, port=port, ca=files["ca"], client=client)
    finally:
        process.terminate()
        process.wait(timeout=10)


def _answers(client: redis.Redis) -> bool:
    try:
        return bool(client.ping())
    except redis.ConnectionError:
        return False


@needs_redis
@pytest.mark.timeout(300)
def test_a_crawl_through_rediss_with_a_password_never_shows_it(small_site, tls_redis, tmp_path):
    config, db, expected = small_site
    url = tls_redis.url
    # the server takes TLS only, and this password only
    with pytest.raises((redis.ConnectionError, redis.TimeoutError)):
        redis.Redis(port=tls_redis.port, socket_timeout=2).ping()
    result = run_cli("-vv", "crawl", "--config", str(config), "--redis", url)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "rediss://:***@127.0.0.1" in "".join(result.stdout.split())
    processes = [
        start("-vv", role, "--config", str(config), "--redis", url, "--idle-exit", "4", log=log)
        for role, log in (("worker", tmp_path / "worker.log"), ("writer", tmp_path / "writer.log"))
    ]
    assert [process.wait(timeout=240) for process in processes] == [0, 0]
    assert_each_stored_once(db, expected)
    outputs = [
        result.stdout + result.stderr,
        (tmp_path / "worker.log").read_text(),
        (tmp_path / "writer.log").read_text(),
    ]
    # a wrong password: one line, exit status 1, no password of either kind
    wrong = url.replace(QUOTED, "wrong-" + QUOTED)
    refused = run_cli("writer", "--config", str(config), "--redis", wrong, timeout=60)
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "Error: Redis at rediss://:***@127.0.0.1" in refused.stderr
    assert "invalid username-password pair" in refused.stderr
    outputs.append(refused.stdout + refused.stderr)
    for output in outputs:
        flat = "".join(output.split())  # a wrapped line hides nothing either
        for secret in (PASSWORD, QUOTED, "wrong-" + PASSWORD):
            assert secret not in flat
