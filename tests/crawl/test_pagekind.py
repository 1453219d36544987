"""Pages judged by their content, URL shapes and the scope of a source.

The pages here are small shapes written for these tests (not zoo or replica pages): the crawl
tests (``test_zoo.py``, ``test_generic_spider.py``) check the same rules on whole sites.
"""

from __future__ import annotations

from lxml import html

from clusterwatch.archive.urls import Scope, section_of
from clusterwatch.crawl.pagekind import classify
from clusterwatch.crawl.shapes import ShapeBook, shape_of

from ..helpers import run_cli

SENTENCE = (
    "Przedstawiciele samorządów i firm rozmawiali o wspólnych projektach, o finansowaniu "
    "inwestycji i o tym, jak ułatwić współpracę po obu stronach granicy. "
)


def judge(body: str, url: str = "https://site.example/news/7/") -> str:
    tree = html.document_fromstring(
        f"<html><head><title>t</title></head><body>{body}</body></html>"
    )
    return classify(tree, url, lambda u: u.startswith("https://site.example/")).kind


def teasers(n: int, words: int = 20, flat: bool = False) -> str:
    intro = " ".join(["słowo"] * words) + "."
    if flat:
        return "".join(
            f'<h3><a href="/news/{i}/">Tytuł wiadomości numer {i}</a></h3><p>{intro}</p>'
            for i in range(n)
        )
    return (
        "<div>"
        + "".join(
            f'<div class="item item-{i}"><span>12.0{i % 9 + 1}.2024</span>'
            f'<a href="/news/{i}/">Tytuł wiadomości numer {i}</a><p>{intro}</p></div>'
            for i in range(n)
        )
        + "</div>"
    )


def test_plain_div_article_with_related_teasers_is_an_article():
    body = (
        '<div class="menu"><a href="/">Start</a><a href="/o-nas/">O nas</a></div>'
        "<div><div><h1>Spotkanie w Grodnie</h1><div>21.05.2024</div>"
        + "".join(f"<div>{SENTENCE * 2}</div>" for _ in range(4))
        + "</div>"
        + teasers(4)
        + "</div>"
    )
    assert judge(body) == "article"


def test_a_series_of_teasers_is_a_listing_even_with_long_excerpts():
    assert judge(teasers(10), "https://site.example/news/") == "listing"
    assert judge(teasers(6, words=320), "https://site.example/news/") == "listing"


def test_a_flat_series_of_headings_and_excerpts_is_a_listing():
    assert judge(teasers(8, flat=True), "https://site.example/news/") == "listing"


def test_menus_tag_clouds_and_short_pages_are_other_pages():
    menu = (
        "<ul>" + "".join(f'<li><a href="/s{i}/">Sekcja {i}</a></li>' for i in range(12)) + "</ul>"
    )
    assert judge(menu + "<p>Tel. 85 123 45 67</p>", "https://site.example/kontakt/") == "other"


def test_reader_comments_do_not_turn_an_article_into_a_listing():
    comments = "".join(
        f'<li class="comment"><b>Czytelnik {i}</b> 12.05.2024 <p>{SENTENCE}</p>'
        f'<a href="/news/7/?replytocom={i}#respond">Odpowiedz</a></li>'
        for i in range(8)
    )
    body = f"<h1>Tytuł</h1><div>{SENTENCE * 6}</div><ol>{comments}</ol>"
    assert judge(body) == "article"


def test_url_shapes_generalise_ids_dates_and_slugs():
    assert shape_of("https://a.example/ru/news/1287/") == "/ru/news/{n}/"
    assert shape_of("https://a.example/2019/01/28/some-post/") == "/{yyyy}/{n}/{n}/{slug}/"
    assert shape_of("https://a.example/news/detail.php?ID=12") == "/news/detail.php?ID={n}"
    assert shape_of("https://a.example/news/index2.html") == "/news/index{n}.html"
    assert shape_of("https://a.example/n.php?lang=pl&art=12") == "/n.php?art={n}&lang=pl"


def test_a_shape_is_learned_when_its_pages_agree_and_one_link_a_run_is_still_fetched():
    book = ShapeBook()
    for n in range(3):
        book.count(f"https://a.example/gallery/{n}.html", "other")
    book.count("https://a.example/news/1/", "article")
    assert book.learned("https://a.example/gallery/77.html") == "other"
    assert book.learned("https://a.example/news/2/") is None  # one page is not enough
    assert not book.skip("https://a.example/gallery/78.html")  # this run's probe
    assert book.skip("https://a.example/gallery/79.html")
    book.count("https://a.example/gallery/80.html", "article")
    assert book.learned("https://a.example/gallery/81.html") is None  # no longer pure


def test_scope_is_the_start_urls_section_unless_configured():
    assert section_of("https://www.gov.pl/web/polskapomoc/aktualnosci") == "/web/polskapomoc/"
    assert section_of("https://a.example/ru/news/") == "/ru/"
    assert section_of("https://a.example/aktualnosci/") == "/"
    scope = Scope.of(["https://www.gov.pl/web/polskapomoc/aktualnosci"])
    assert "https://www.gov.pl/web/polskapomoc/klastry" in scope
    assert "https://www.gov.pl/web/gov/o-nas" not in scope
    assert "http://gov.pl/web/polskapomoc/klastry" in scope  # a redirect to the bare host
    assert "https://other.example/web/polskapomoc/x" not in scope
    wide = Scope.of(
        ["https://www.gov.pl/web/polskapomoc/aktualnosci"],
        scope=["https://www.gov.pl/web/", "polskapomoc.gov.pl"],
    )
    assert "https://www.gov.pl/web/gov/o-nas" in wide
    assert "https://www.polskapomoc.gov.pl/Klastry,2827.html" in wide
    domains = Scope.of(["https://www.gov.pl/web/polskapomoc/"], allowed_domains=["gov.pl"])
    assert "https://www.gov.pl/web/gov/o-nas" in domains


def test_a_bad_scope_entry_is_one_line_naming_the_key(tmp_path):
    config = tmp_path / "clusterwatch.toml"
    config.write_text(
        '[[sources]]\nname = "x"\nstart_urls = ["https://a.example/"]\nscope = ["ftp://a/"]\n',
        encoding="utf-8",
    )
    result = run_cli("sources", "--config", str(config))
    assert result.returncode == 2
    assert "scope" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "archive.db").exists()
