"""Digests by email through a real SMTP server (aiosmtpd on 127.0.0.1): structure, escaping,
exactly-once delivery across outages and refusals, and the file outputs."""

from __future__ import annotations

import html
import re
import sqlite3
import xml.etree.ElementTree as ET
from email import message_from_bytes, policy
from email.message import EmailMessage
from html.parser import HTMLParser

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import Envelope
from markdown_it import MarkdownIt

from clusterwatch.alerts.topics import TopicMatcher
from clusterwatch.archive.ingest import ingest_article
from clusterwatch.archive.store import open_db
from clusterwatch.archive.urls import canonical_url
from clusterwatch.config import load_config
from clusterwatch.digest import build as digests
from clusterwatch.extract.article import Extracted

from ..helpers import free_port, run_cli

A = "analityk@example.org"
B = "klastry@example.org"


class Inbox:
    """An aiosmtpd handler keeping every message; it can refuse chosen recipients."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.refuse: set[str] = set()

    async def handle_RCPT(self, server, session, envelope: Envelope, address: str, rcpt_options):  # noqa: N802
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope: Envelope):  # noqa: N802
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]


@pytest.fixture
def setup(tmp_path, crawled):
    """A copy of the crawled archive and a configuration with two recipients on a local server."""
    db_path = tmp_path / "archive.db"
    source = sqlite3.connect(crawled["db"])
    target = sqlite3.connect(db_path)
    source.backup(target)
    source.close()
    target.close()
    port = free_port()
    config = tmp_path / "clusterwatch.toml"
    text = crawled["config"].read_text(encoding="utf-8")
    text = (
        text.split("[digest]")[0]
        + f"""
[digest]
from = "clusterwatch@example.org"
timezone = "Europe/Warsaw"
out_dir = "digests"

[[digest.recipients]]
email = "{A}"
topics = ["belarus", "clusters"]

[[digest.recipients]]
email = "{B}"
topics = ["clusters"]

[digest.smtp]
host = "127.0.0.1"
port = {port}
security = "none"
timeout = 5.0
"""
    )
    config.write_text(text, encoding="utf-8")
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    yield {"config": config, "db": db_path, "inbox": inbox, "controller": controller, "port": port}
    if getattr(controller, "_thread", None) is not None:
        controller.stop()


def given(db_path, recipient: str) -> list[tuple[int, str]]:
    connection = sqlite3.connect(db_path)
    try:
        return connection.execute(
            "select revision, topic from digest_items where recipient = ? order by 1, 2",
            [recipient],
        ).fetchall()
    finally:
        connection.close()


def expected_items(db_path, topics: list[str]) -> list[tuple[int, str]]:
    connection = sqlite3.connect(db_path)
    try:
        marks = ", ".join("?" for _ in topics)
        return connection.execute(
            f"select distinct revision, topic from matches where topic in ({marks}) order by 1, 2",
            topics,
        ).fetchall()
    finally:
        connection.close()


def test_each_recipient_gets_one_well_formed_message_with_their_topics(setup):
    setup["controller"].start()
    result = run_cli("digest", "--config", str(setup["config"]), "--send")
    assert result.returncode == 0, result.stdout + result.stderr
    inbox = setup["inbox"]
    assert len(inbox.to(A)) == 1 and len(inbox.to(B)) == 1
    message = inbox.to(A)[0]
    assert message.get_content_type() == "multipart/alternative"
    plain, related = message.get_payload()
    assert plain.get_content_type() == "text/plain"
    assert related.get_content_type() == "multipart/related"
    html, chart = related.get_payload()
    assert html.get_content_type() == "text/html" and chart.get_content_type() == "image/png"
    assert chart.get_payload(decode=True).startswith(b"\x89PNG")
    assert f'src="cid:{chart["Content-ID"].strip("<>")}"' in html.get_content()
    assert message["From"] == "clusterwatch@example.org" and message["Message-ID"]
    assert message["Subject"].startswith("clusterwatch ")
    body = html.get_content()
    assert "belarus (" in body and "clusters (" in body and "also on:" in body and "<mark" in body
    assert "Rozwój systemu klastrowego na Białorusi" in plain.get_content()
    only_clusters = inbox.to(B)[0].get_body(("html",)).get_content()
    assert "clusters (" in only_clusters and "belarus (" not in only_clusters
    assert given(setup["db"], A) == expected_items(setup["db"], ["belarus", "clusters"])
    assert given(setup["db"], B) == expected_items(setup["db"], ["clusters"])


def test_scraped_markup_and_quotes_arrive_as_text(setup):
    title = "<script>alert(\"x\")</script> „Białoruś” & 'klaster'"
    config = load_config(setup["config"])
    db = open_db(setup["db"])
    ingest_article(
        db,
        Extracted(
            title=title, text="Klaster z Grodna podpisał umowę. " * 20, published="2026-11-20"
        ),
        url="https://example.org/xss",
        source="pfrr",
        matcher=TopicMatcher.from_config(config.topics),
    )
    db.close()
    setup["controller"].start()
    assert run_cli("digest", "--config", str(setup["config"]), "--send").returncode == 0
    message = setup["inbox"].to(A)[0]
    html = message.get_body(("html",)).get_content()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "&amp; &#39;klaster&#39;" in html
    assert title in message.get_body(("plain",)).get_content()


def test_an_outage_loses_nothing_and_duplicates_nothing(setup):
    down = run_cli("digest", "--config", str(setup["config"]), "--send")
    assert down.returncode == 1
    assert "not sent, kept for the next digest" in down.stderr
    assert given(setup["db"], A) == [] and given(setup["db"], B) == []
    setup["controller"].start()
    up = run_cli("digest", "--config", str(setup["config"]), "--send")
    assert up.returncode == 0, up.stderr
    assert len(setup["inbox"].messages) == 2
    again = run_cli("digest", "--config", str(setup["config"]), "--send")
    assert again.returncode == 0 and "nothing new" in again.stderr
    assert len(setup["inbox"].messages) == 2
    assert given(setup["db"], A) == expected_items(setup["db"], ["belarus", "clusters"])
    connection = sqlite3.connect(setup["db"])
    statuses = [
        s
        for (s,) in connection.execute(
            "select status from digests where recipient != 'files' order by id"
        )
    ]
    connection.close()
    assert statuses == ["failed", "failed", "sent", "sent"]


def test_a_refused_recipient_gets_everything_later_and_once(setup):
    setup["inbox"].refuse.add(B)
    setup["controller"].start()
    first = run_cli("digest", "--config", str(setup["config"]), "--send")
    assert first.returncode == 1
    assert len(setup["inbox"].to(A)) == 1 and setup["inbox"].to(B) == []
    assert given(setup["db"], B) == []
    setup["inbox"].refuse.clear()
    second = run_cli("digest", "--config", str(setup["config"]), "--send")
    assert second.returncode == 0
    assert len(setup["inbox"].to(A)) == 1 and len(setup["inbox"].to(B)) == 1
    assert given(setup["db"], B) == expected_items(setup["db"], ["clusters"])


def test_a_digest_left_unfinished_goes_out_again_as_the_same_message(setup):
    # a process that died after the server accepted the digest and before it was recorded
    db = open_db(setup["db"])
    pending = digests.build_digest(db, A, ["belarus", "clusters"])
    digests.reserve(db, pending)
    db.close()
    setup["controller"].start()
    assert run_cli("digest", "--config", str(setup["config"]), "--send").returncode == 0
    messages = setup["inbox"].to(A)
    assert [m["Message-ID"] for m in messages] == [pending.message_id]
    assert given(setup["db"], A) == expected_items(setup["db"], ["belarus", "clusters"])


def test_files_and_atom_feed(setup, tmp_path):
    out = tmp_path / "out"
    result = run_cli("digest", "--config", str(setup["config"]), "--out", str(out))
    assert result.returncode == 0, result.stderr
    names = {p.suffix for p in out.iterdir()}
    assert names == {".md", ".html", ".png", ".atom"}
    feed = ET.parse(out / "alerts.atom").getroot()
    entries = feed.findall("{http://www.w3.org/2005/Atom}entry")
    assert entries and all(
        e.find("{http://www.w3.org/2005/Atom}link").get("href").startswith("http") for e in entries
    )
    html = next(out.glob("*.html")).read_text(encoding="utf-8")
    assert next(out.glob("*.png")).name in html


def test_dry_run_records_and_sends_nothing(setup):
    setup["controller"].start()
    result = run_cli("digest", "--config", str(setup["config"]), "--send", "--dry-run")
    assert result.returncode == 0 and A in result.stdout and B in result.stdout
    assert setup["inbox"].messages == [] and given(setup["db"], A) == []


def test_days_begin_in_warsaw():
    assert digests.day_start_utc("2026-11-24", "Europe/Warsaw") == "2026-11-23T23:00:00+00:00"
    assert digests.day_start_utc("2026-07-01", "Europe/Warsaw") == "2026-06-30T22:00:00+00:00"


HOSTILE = [
    '<script>alert("x")</script> Klaster',
    'Klaster "><img src=x onerror=alert(1)>',
    "Klaster [kliknij](javascript:alert(1)) i ![obraz](javascript:alert(2))",
    'Klaster <a href="javascript:alert(3)">tu</a> &amp; &#60;b&#62; *gwiazdki* _pod_ `kod`',
    "# Klaster\n\n1. lista\n> cytat\n    kod <https://example.org/auto> www.example.org",
    "Klaster \\<script\\>alert(4)\\</script\\> | tabela | ~~skreślone~~ [ref]: https://x",
]


class Elements(HTMLParser):
    """Every element and attribute of an HTML fragment, and its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse_html(fragment: str) -> Elements:
    parser = Elements()
    parser.feed(fragment)
    parser.close()
    return parser


def one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("text", HOSTILE + ["2026-11-20", "C:\\temp\\", "a\\", "  spaces  "])
def test_markdown_text_renders_as_the_text_itself(text):
    escaped = digests.markdown_text(text)
    assert "\n" not in escaped
    expected = html.escape(one_line(text), quote=False).replace('"', "&quot;")
    assert MarkdownIt("commonmark").render(escaped) == f"<p>{expected}</p>\n"


@pytest.mark.parametrize(
    "url, href",
    [
        ("https://example.org/a (b)/c d", "https://example.org/a%20(b)/c%20d"),
        ('http://example.org/x)y?q="<z>"', "http://example.org/x)y?q=%22%3Cz%3E%22"),
        ("https://example.org/Białoruś", "https://example.org/Bia%C5%82oru%C5%9B"),
        ("javascript:alert(1)", None),
        ("JavaScript://example.org/%0aalert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("https:no-host", None),
        ("http://example.org:99999/", None),
    ],
)
def test_markdown_links_only_http_addresses(url, href):
    rendered = MarkdownIt("commonmark").render(digests.markdown_link("tytuł [1]", url))
    links = [attrs["href"] for tag, attrs in parse_html(rendered).elements if tag == "a"]
    assert links == ([href] if href else []), rendered
    assert "tytuł [1]" in "".join(parse_html(rendered).text)


def test_markdown_digest_shows_hostile_titles_and_snippets_as_text(setup, tmp_path):
    config = load_config(setup["config"])
    matcher = TopicMatcher.from_config(config.topics)
    db = open_db(setup["db"])
    urls = [
        "https://example.org/hostile/1",
        "javascript:alert(document.cookie)",
        "https://example.org/hostile/a (b)/c d",
        "data:text/html,<script>alert(5)</script>",
        "https://example.org/hostile/x)y",
        "https://example.org/hostile/6",
    ]
    for n, (title, url) in enumerate(zip(HOSTILE, urls, strict=True)):
        ingest_article(
            db,
            Extracted(
                title=title,
                # words of its own, so that no two of them are taken for copies of one story
                text=" ".join([title, HOSTILE[-1 - n], *(f"słowo{n}x{i}" for i in range(80))]),
                published=f"2026-11-2{n}",
            ),
            url=url,
            source="pfrr",
            matcher=matcher,
        )
    db.close()
    out = tmp_path / "out"
    result = run_cli("digest", "--config", str(setup["config"]), "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    markdown_path = next(out.glob("*.md"))
    source = markdown_path.read_text(encoding="utf-8")
    assert "onerror\\=" in source and "\\<script\\>" in source  # escaped in the Markdown
    parser = MarkdownIt("commonmark")
    tokens = parser.parse(source)
    inline = [child for token in tokens for child in (token.children or [])]
    assert not [t for t in [*tokens, *inline] if t.type in ("html_block", "html_inline")]
    rendered = parser.render(source)
    page = parse_html(rendered)
    assert "<script" not in rendered and rendered.count("<img") == 1  # the chart
    tags = {tag for tag, _ in page.elements}
    assert tags <= {"h1", "h2", "p", "ul", "li", "strong", "em", "a", "img", "blockquote"}, tags
    for tag, attrs in page.elements:
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        if tag == "a":
            assert attrs["href"].startswith(("http://", "https://")), attrs
        if tag == "img":  # the chart, nothing a page brought
            assert attrs == {"src": markdown_path.with_suffix(".png").name, "alt": attrs["alt"]}
    hrefs = {attrs["href"] for tag, attrs in page.elements if tag == "a"}
    assert canonical_url(urls[2]) in hrefs and canonical_url(urls[4]) in hrefs
    text = one_line("".join(page.text))
    for title in HOSTILE:
        assert one_line(title) in text  # as it was scraped, shown as text
    assert canonical_url(urls[1]) in text and canonical_url(urls[3]) in text  # shown, not linked
