"""The replica server behaves like the real sites: redirects across hosts, charsets, 304s."""

from __future__ import annotations

import http.client
import re
from urllib.parse import urljoin, urlsplit

import lxml.html


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


def html_of(replicas, url: str) -> tuple[str, lxml.html.HtmlElement]:
    """The local URL of a page (a real URL, or one relative to a local page) and its tree."""
    local = replicas.local_url(url)
    response = get(local)
    assert response.status == 200, (local, response.status)
    return local, lxml.html.fromstring(response.body.decode("utf-8"))


def test_gov_pl_replica_has_the_real_templates_quirks(replicas, manifest):
    news = {a["url"]: a for a in manifest["articles"] if a["url"].startswith("https://www.gov.pl/")}
    url, tree = html_of(replicas, "https://www.gov.pl/web/polskapomoc/aktualnosci")
    listed: list[str] = []
    pages = 0
    while True:
        pages += 1
        # the class attribute carries a trailing space: an exact @class= match finds nothing
        assert not tree.xpath('//article[@class="article-area__article"]')
        assert tree.xpath('//article[@class="article-area__article "]')
        items = tree.cssselect(
            "article.article-area__article div.art-prev.art-prev--near-menu > ul > li"
        )
        assert 0 < len(items) <= 10
        for item in items:
            assert re.fullmatch(
                r"\d\d\.\d\d\.\d{4}", item.cssselect("div.event > span.date")[0].text
            )
            link = item.cssselect("div.title > a")[0]
            assert link.get("href").startswith("/web/polskapomoc/")  # relative
            assert link.text != link.text.strip() and "\n" in link.text  # padded
            listed.append("https://www.gov.pl" + link.get("href"))
        pager = tree.cssselect("nav.pagination")[0]
        assert pager.cssselect("input#js-pagination-page")[0].get("value") == str(pages)
        count = pager.cssselect("a#js-pagination-pages-count")[0]
        assert "?page=" in count.get("href") and "size=10" in count.get("href")
        following = pager.cssselect("a#js-pagination-page-next")
        if not following:
            break
        assert following[0].get("href") == f"?page={pages + 1}&size=10"
        url, tree = html_of(replicas, urljoin(url, following[0].get("href")))
    assert pages == int(count.text) >= 2  # the last page has no next link
    assert sorted(listed) == sorted(news)

    article_url, article = next(iter(news.items()))
    _, tree = html_of(replicas, article_url)
    main = tree.cssselect("article#main-content")[0]
    assert main.get("class") == "article-area__article "
    assert main.cssselect("h2")[0].text_content() == article["title"]
    day = ".".join(reversed(article["published"].split("-")))
    assert main.cssselect("p.event-date")[0].text_content() == day
    assert main.cssselect("div.editor-content")
    logo = tree.xpath("//h1")[0]
    assert logo.cssselect("a")[0].get("href") == "/web/gov"
    assert tree.cssselect("h1.unit-h1")[0].text_content() == "Polska pomoc"
    suffixed = f"{article['title']} - Polska pomoc - Portal Gov.pl"
    assert tree.findtext(".//title") == suffixed
    assert tree.xpath('//meta[@property="og:title"]/@content') == [suffixed]


def test_gov_pl_other_pages_share_the_article_template_without_a_date(replicas, manifest):
    articles = {a["url"] for a in manifest["articles"]}
    home, tree = html_of(replicas, "https://www.gov.pl/web/polskapomoc")
    tiles = tree.cssselect("div.art-prev.art-prev--under-title div.title a")
    menu = {a.get("href") for a in tree.cssselect("nav.unit-menu a")}
    paths = [a.get("href") for a in tiles]
    assert len(paths) >= 6
    for path in paths:
        assert "https://www.gov.pl" + path not in articles
        _, page = html_of(replicas, urljoin(home, path))
        main = page.cssselect("article#main-content")[0]
        assert main.get("class") == "article-area__article "
        assert main.cssselect("h2") and main.cssselect("div.editor-content")
        assert not page.cssselect("p.event-date"), path
    for name in ("o-polskiej-pomocy", "kontakt", "bip", "kariera"):
        assert f"/web/polskapomoc/{name}" in menu
    declaration = get(
        replicas.local_url("https://www.gov.pl/web/polskapomoc/deklaracja-dostepnosci")
    ).body.decode()
    assert "Data publikacji strony internetowej: 2019-03-11" in declaration

    # the header and footer lead out of the service, to pages of the portal that answer
    outside = {
        a.get("href")
        for a in tree.cssselect("header a, footer a")
        if not a.get("href").startswith(("/web/polskapomoc", "https://www.gov.pl/web/polskapomoc"))
    }
    portal = [p["url"] for p in manifest["pages"] if p["kind"] == "portal"]
    assert 3 <= len(portal) <= 5
    assert {"https://www.gov.pl" + path for path in outside} <= set(portal)
    dated = 0
    for url in portal:
        assert not url.startswith("https://www.gov.pl/web/polskapomoc")
        _, page = html_of(replicas, url)
        assert page.cssselect("article#main-content h2")
        assert page.cssselect("article#main-content div.editor-content p")
        dated += bool(page.cssselect("p.event-date"))
    assert dated >= 1
