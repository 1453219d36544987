"""Canonical URLs, address policy and Polish dates."""

from __future__ import annotations

from datetime import date

import lxml.html
import pytest

from clusterwatch.archive.urls import canonical_url, domain_allowed
from clusterwatch.crawl.middlewares import address_allowed
from clusterwatch.extract.dates import find_page_date, parse_date, sane_date


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "HTTPS://PFRR.pl:443/wizyta/?utm_source=fb&utm_medium=x#comments",
            "https://pfrr.pl/wizyta/",
        ),
        ("https://pfrr.pl/wizyta/?fbclid=abc&gclid=1", "https://pfrr.pl/wizyta/"),
        (
            "https://www.metalklaster.pl/news?page=2&PHPSESSID=abc",
            "https://www.metalklaster.pl/news?page=2",
        ),
        (
            "https://www.gov.pl/web/polskapomoc/aktualnosci?size=10&page=2",
            "https://www.gov.pl/web/polskapomoc/aktualnosci?page=2&size=10",
        ),
        ("http://www.budowlanyklaster.pl/index.html", "http://www.budowlanyklaster.pl/"),
        ("https://x.pl/a;jsessionid=123", "https://x.pl/a"),
        ("http://127.0.0.1:8001/a/./b/../c", "http://127.0.0.1:8001/a/c"),
    ],
)
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected


def test_allowed_domains_with_and_without_ports():
    assert domain_allowed("https://www.gov.pl/web/polskapomoc", ["gov.pl"])
    assert domain_allowed("https://polskapomoc.gov.pl/x", ["polskapomoc.gov.pl"])
    assert not domain_allowed("https://evil-gov.pl/x", ["gov.pl"])
    assert domain_allowed("http://127.0.0.1:8001/x", ["127.0.0.1:8001"])
    assert not domain_allowed("http://127.0.0.1:8002/x", ["127.0.0.1:8001"])


def test_private_address_policy():
    assert address_allowed("www.gov.pl", False)
    assert address_allowed("8.8.8.8", False)
    for host in ("127.0.0.1", "10.1.2.3", "192.168.1.1", "169.254.169.254", "localhost", "::1"):
        assert not address_allowed(host, False), host
    assert address_allowed("127.0.0.1", ["127.0.0.1"])
    assert not address_allowed("127.0.0.2", ["127.0.0.1"])
    assert address_allowed("10.1.2.3", ["10.0.0.0/8"])
    assert address_allowed("169.254.169.254", True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13 grudnia 2017", "2017-12-13"),
        ("28.01.2019", "2019-01-28"),
        ("13-12-2017", "2017-12-13"),
        ("2019-03-05", "2019-03-05"),
        ("w środę, 4 grudnia 2019 r.", "2019-12-04"),
        ("Klastry na Białorusi | 14.10.2019", "2019-10-14"),
        ("5 декабря 2019 г.", "2019-12-05"),
        ("5 снежня 2019", "2019-12-05"),
        ("July 2, 2019", "2019-07-02"),
        ("przez jan_k » 13 Sty 2010, o 15:09", "2010-01-13"),
        ("14 Maj 2017", "2017-05-14"),
        ("13 XII 2017 r.", "2017-12-13"),
        ("13.XII.2017", "2017-12-13"),
        ("2019.03.05", "2019-03-05"),
        ("publiziert am 25. September 2018", "2018-09-25"),
        ("24.11.2025r.", "2025-11-24"),  # "r." (roku) written without a space
        ("24 listopada 2025r.", "2025-11-24"),
        ("Data publikacji: 2024-05-05T10:00:00+02:00", "2024-05-05"),
        ("5 березня 2024 року", "2024-03-05"),  # Ukrainian
        ("24 листопада 2025", "2025-11-24"),
        ("10 жовтня 2024", "2024-10-10"),
        ("Wersja v2.1.2024 programu", None),  # a version number, not a date
        ("w 2 części 2019 roku", None),  # abbreviations count as whole words only
        ("31.02.2019", None),
        ("bez daty", None),
    ],
)
def test_polish_dates(text, expected):
    found = parse_date(text, today=date(2026, 1, 1))
    assert (found.isoformat() if found else None) == expected


def test_future_dates_are_rejected():
    assert parse_date("12.12.2030", today=date(2026, 1, 1)) is None
    assert sane_date("2030-01-01", today=date(2026, 1, 1)) is None
    assert sane_date("2019-01-28T10:00:00+01:00", today=date(2026, 1, 1)) == date(2019, 1, 28)


def test_page_dates_are_read_where_pages_print_them():
    def page_date(body: str):
        tree = lxml.html.fromstring(f"<html><body>{body}<p>Tekst 1 stycznia 2001</p></body></html>")
        found = find_page_date(tree, today=date(2026, 1, 1))
        return found.isoformat() if found else None

    assert page_date("<time datetime='2019-01-28T10:00:00+01:00'>wczoraj</time>") == "2019-01-28"
    assert page_date("<span class='data-publikacji'>Dodano: 13 grudnia 2017 r.</span>") == (
        "2017-12-13"
    )
    # a date in the future is an event's, not the publication's: the next one counts
    assert page_date(
        "<div class='event-date'>12.12.2030</div><div class='post-meta'>4.12.2019</div>"
    ) == ("2019-12-04")
    # text outside such elements is not searched
    assert page_date("<div class='lead'>Bez daty</div>") is None
