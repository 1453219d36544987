"""The replica server behaves like the real sites: redirects across hosts, charsets, 304s."""

from __future__ import annotations

import http.client
from urllib.parse import urlsplit


def get(url: str, headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.request(
        "GET", parts.path + (f"?{parts.query}" if parts.query else ""), headers=headers or {}
    )
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def test_old_polskapomoc_url_redirects_to_the_gov_pl_replica(replicas):
    response = get(
        replicas.local_url("https://www.polskapomoc.gov.pl/Klastry,na,Bialorusi,2827.html")
    )
    assert response.status == 301
    assert response.getheader("Location") == replicas.local_url(
        "https://www.gov.pl/web/polskapomoc/klastry-na-bialorusi"
    )


def test_windows_1250_site_declares_its_charset(replicas):
    response = get(replicas.local_url("http://www.budowlanyklaster.pl/dziaania-klastra/"))
    assert response.status == 200
    assert response.getheader("Content-Type") == "text/html; charset=windows-1250"
    text = response.body.decode("windows-1250")
    assert "Działania klastra" in text
    assert "Działania klastra".encode() not in response.body  # not UTF-8 on the wire


def test_real_urls_in_pages_point_at_the_replicas(replicas):
    body = get(
        replicas.local_url("https://www.gov.pl/web/polskapomoc/klastry-na-bialorusi")
    ).body.decode()
    assert "https://www.gov.pl" not in body
    assert replicas.local_url("https://www.gov.pl/web/polskapomoc/aktualnosci") in body


def test_conditional_requests_get_304(replicas):
    url = replicas.local_url("https://pfrr.pl/wizyta-studyjna-delegacji-z-bialorusi/")
    first = get(url)
    assert first.status == 200 and first.getheader("ETag") and first.getheader("Last-Modified")
    again = get(url, {"If-None-Match": first.getheader("ETag")})
    assert again.status == 304 and again.body == b""


def test_listing_pages_with_query_strings_and_404(replicas):
    second = get(
        replicas.local_url("https://www.gov.pl/web/polskapomoc/aktualnosci?size=10&page=2")
    )
    assert second.status == 200 and b"art-prev" in second.body
    assert get(replicas.local_url("https://pfrr.pl/no-such-page/")).status == 404
    assert get(replicas.local_url("https://pfrr.pl/_site.json")).status == 404
