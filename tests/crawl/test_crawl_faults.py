"""Crawling a misbehaving site: every fault ends with the crawl finished, the outcome recorded in
``fetches``, and nothing garbled stored. Real sockets on 127.0.0.1, a real crawl subprocess."""

from __future__ import annotations

import pytest

from ..faultserver import LINKED, FaultServer
from ..helpers import query, run_cli

MOJIBAKE = ("\ufffd", "Ă", "Ĺ", "Ä", "Ã", "œ", "¹", "³")


@pytest.fixture(scope="module")
def faulty(tmp_path_factory):
    server = FaultServer().start()
    other = FaultServer("127.0.0.2").start()  # a private address the policy does not allow
    server.redirect_targets.update(
        {
            "/to-loopback-2": f"{other.base}/secret",
            "/to-metadata": "http://169.254.169.254/latest/meta-data/",
            "/to-ftp": "ftp://127.0.0.1/etc/passwd",
        }
    )
    LINKED.append("/to-ftp")
    workdir = tmp_path_factory.mktemp("faults")
    config = workdir / "clusterwatch.toml"
    config.write_text(
        f"""
[archive]
path = "archive.db"
[crawl]
allow_private_addresses = ["127.0.0.1"]
download_delay = 0.0
autothrottle = false
timeout = 2.0
retries = 1
max_page_bytes = 100000
[[sources]]
name = "faulty"
start_urls = ["{server.base}/"]
""",
        encoding="utf-8",
    )
    result = run_cli("crawl", "--config", str(config), timeout=300)
    yield {"result": result, "db": workdir / "archive.db", "server": server, "other": other}
    server.stop()
    other.stop()


def outcomes(faulty, path):
    url = faulty["server"].base + path
    return query(faulty["db"], "select status, error from fetches where url = ? order by id", [url])


def stored_titles(faulty):
    return {title for (title,) in query(faulty["db"], "select title from articles")}


def test_the_crawl_finishes_despite_every_fault(faulty):
    assert faulty["result"].returncode == 0, faulty["result"].stdout + faulty["result"].stderr
    (status,) = query(faulty["db"], "select status from crawl_runs")[0]
    assert status == "finished"


def test_robots_disallow_is_obeyed_and_recorded(faulty):
    assert outcomes(faulty, "/robots-blocked/secret") == [(None, "robots")]
    assert not faulty["server"].times("/robots-blocked/secret")


def test_503_then_200_is_retried_and_stored(faulty):
    assert outcomes(faulty, "/flaky") == [(503, None), (200, None)]
    assert "Po chwili przerwy" in stored_titles(faulty)


def test_retry_after_is_honoured(faulty):
    assert outcomes(faulty, "/busy") == [(503, None), (200, None)]
    first, second = faulty["server"].times("/busy")
    assert second - first >= 1.9
    assert "Serwer odpoczął" in stored_titles(faulty)


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/slow", "timeout"),
        ("/reset", "connection"),
        ("/truncated", "truncated"),
        ("/big", "too-large"),
    ],
)
def test_transport_faults_are_recorded_by_kind(faulty, path, kind):
    recorded = outcomes(faulty, path)
    assert recorded and all(error == kind for _, error in recorded), recorded


def test_gzip_bomb_is_refused(faulty):
    recorded = outcomes(faulty, "/bomb")
    assert recorded[-1][1] == "too-large", recorded


def test_redirect_loop_is_recorded(faulty):
    assert outcomes(faulty, "/loop-a")[0] == (302, None)
    errors = query(faulty["db"], "select error from fetches where error = 'redirect-loop'")
    assert errors


@pytest.mark.parametrize(("path", "status"), [("/gone404", 404), ("/gone410", 410)])
def test_missing_pages_are_recorded_and_not_retried(faulty, path, status):
    assert outcomes(faulty, path) == [(status, None)]


def test_non_html_is_fetched_but_never_an_article(faulty):
    # links without a telling extension: the answer's Content-Type says it is no page
    for path, content_type in (("/photo", "image/png"), ("/export", "application/json")):
        assert query(
            faulty["db"],
            "select status, content_type from fetches where url = ?",
            [faulty["server"].base + path],
        ) == [(200, content_type)]
    assert not query(
        faulty["db"], "select 1 from articles where url like '%/photo' or url like '%/export'"
    )


def test_malformed_html_is_still_read(faulty):
    (text,) = query(faulty["db"], "select text from articles where title = 'Połamany HTML'")[0]
    assert "Podlaska Fundacja Rozwoju Regionalnego" in text


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/cp1250-header", "Zażółć gęślą jaźń"),
        ("/cp1250-meta", "Źródło: Łódź i Kraków"),
        ("/cp1250-none", "Świętokrzyskie śniadanie"),
        ("/wrong-charset", "Mińsk, Grodno i Brześć"),
        ("/latin2", "Gdańsk, Sopot i Gdynia"),
    ],
)
def test_polish_encodings_are_stored_as_correct_text(faulty, path, title):
    rows = query(
        faulty["db"],
        "select title, text from articles where url = ?",
        [faulty["server"].base + path],
    )
    assert rows and rows[0][0] == title
    assert "Białorusi" in rows[0][1] and "żaden" in rows[0][1]


def test_nothing_garbled_is_stored(faulty):
    for title, text in query(faulty["db"], "select title, text from articles"):
        assert not any(bad in title + text for bad in MOJIBAKE), title


def test_endless_pagination_stays_bounded(faulty):
    pages = [p for p, _ in faulty["server"].hits if p.startswith("/list")]
    assert 1 <= len(pages) <= 3, pages
    assert {"Wpis 1 z listy", "Wpis 2 z listy", "Wpis 3 z listy"} <= stored_titles(faulty)


def test_a_listing_whose_articles_were_linked_first_from_articles_is_no_trap(faulty):
    # each article links to the next listing page's articles: that page shows nothing new to
    # the run, yet it is a listing page of its own, and its pagination goes on
    pages = {p for p, _ in faulty["server"].hits if p.startswith("/series?")}
    assert pages == {f"/series?page={n}" for n in range(1, 5)}
    titles = stored_titles(faulty)
    assert {f"Seria {page}.{i}" for page in range(1, 5) for i in range(1, 4)} <= titles


def test_redirects_to_private_addresses_are_refused(faulty):
    assert outcomes(faulty, "/to-loopback-2") == [(302, None)]
    assert query(
        faulty["db"], "select error from fetches where url = ?", [faulty["other"].base + "/secret"]
    ) == [("private-address",)]
    assert faulty["other"].hits == []  # nothing reached 127.0.0.2
    assert outcomes(faulty, "/to-metadata") == [(302, None)]
    assert query(
        faulty["db"], "select error from fetches where url like 'http://169.254.169.254/%'"
    ) == [("private-address",)]


def test_redirect_to_another_scheme_is_not_followed(faulty):
    recorded = outcomes(faulty, "/to-ftp")
    assert recorded[0] == (302, None)
    assert not query(
        faulty["db"], "select 1 from fetches where url like 'ftp:%' and status is not null"
    )


def test_session_ids_and_endless_calendars_stay_bounded(faulty):
    sessions = [p for p, _ in faulty["server"].hits if p.startswith("/session")]
    assert len(sessions) == 1, sessions
    months = [p for p, _ in faulty["server"].hits if p.startswith("/events")]
    assert 1 <= len(months) <= 9, months  # the default max_depth of 8 hops


def test_requests_name_clusterwatch_and_a_contact_url(faulty):
    agent = faulty["server"].user_agent
    assert agent.startswith("clusterwatch/") and "(+https://" in agent
