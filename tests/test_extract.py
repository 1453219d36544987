"""Extraction on the replica pages: article text and metadata, site chrome dropped."""

from __future__ import annotations

from datetime import date

import pytest

from clusterwatch import paths
from clusterwatch.extract import detect_language, extract_article
from spiders.budowlanyklaster import BudowlanyklasterSpider
from spiders.metalklaster import MetalklasterSpider
from spiders.pfrr import PfrrSpider
from spiders.polskapomoc import PolskapomocSpider

SITES = paths.demo_sites_dir()
TODAY = date(2026, 1, 1)


def page(relative: str, encoding: str = "utf-8") -> str:
    return (SITES / relative).read_bytes().decode(encoding)


@pytest.mark.parametrize(
    ("relative", "rules", "encoding", "title", "published", "starts", "chrome"),
    [
        (
            "www.gov.pl/web/polskapomoc/klastry-na-bialorusi.html",
            PolskapomocSpider.rules,
            "utf-8",
            "Klastry na Białorusi",
            "2018-10-10",
            "W największych miastach Białorusi",
            ["pliki cookies", "Powrót", "Zobacz także", "Copyright"],
        ),
        (
            "pfrr.pl/rozwoj-systemu-klastrowego-na-bialorusi/index.html",
            PfrrSpider.rules,
            "utf-8",
            "Rozwój systemu klastrowego na Białorusi",
            "2019-01-28",
            "Ponad 90 uczestników",
            [
                "Zapisz się do newslettera",
                "Zobacz pozostałe artykuły",
                "Najnowsze wpisy",
                "Poprzedni wpis",
            ],
        ),
        (
            "www.budowlanyklaster.pl/dziaania-klastra/polsko-bialoruskie-rozmowy-w-klastrach-i-o-klastrach-,425.html",
            BudowlanyklasterSpider.rules,
            "windows-1250",
            "Polsko-białoruskie rozmowy w klastrach i o klastrach.",
            "2017-12-13",
            "To był tydzień",
            ["Nasze publikacje", "Sonda", "powrót", "drukuj"],
        ),
        (
            "www.metalklaster.pl/news/jak-tworzyc-klastry-na-bialorusi.html",
            MetalklasterSpider.rules,
            "utf-8",
            "Jak tworzyć klastry na Białorusi?",
            None,
            "Sebastian Rynkiewicz",
            ["Przejdź do treści", "Zobacz także", "Polityka prywatności"],
        ),
    ],
)
def test_site_rules_give_title_date_and_body_without_chrome(
    relative, rules, encoding, title, published, starts, chrome
):
    result = extract_article(
        page(relative, encoding), "https://example.org/x", rules=rules, today=TODAY
    )
    assert result is not None
    assert result.title == title
    if published:
        assert result.published == published and result.published_from == "page"
    assert result.text.startswith(starts) or starts in result.text[:200], result.text[:200]
    for line in chrome:
        assert line not in result.text
    assert result.language == "pl"


def test_generic_extraction_without_site_rules():
    html = page("pfrr.pl/kontynuujemy-seminaria-informacyjne-homel-pinsk-grodno/index.html")
    result = extract_article(
        html, "https://pfrr.pl/kontynuujemy-seminaria-informacyjne-homel-pinsk-grodno/", today=TODAY
    )
    assert result is not None
    assert "Homel" in result.title and "Homlu" in result.text
    assert result.published is not None


@pytest.mark.parametrize(
    "url",
    [
        "https://pfrr.pl/kontakt/",
        "https://www.metalklaster.pl/o-klastrze",
        "http://www.budowlanyklaster.pl/sonda.html",
        "https://pfrr.pl/?s=klaster",
        "https://pfrr.pl/tag/bialorus/",
        "https://example.org/kalendarz/2019-10/",
        "https://example.org/wp-login.php",
        "https://example.org/files/logo.png",
    ],
)
def test_pages_that_are_never_articles(url):
    # a contact page has enough text to pass for an article: the spider decides by its URL
    from clusterwatch.spiders_base import ClusterwatchSpider

    assert ClusterwatchSpider().is_denied(url)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Konferencja w Mińsku zgromadziła przedstawicieli administracji i biznesu z całej Białorusi.",
            "pl",
        ),
        (
            "Конференция в Минске собрала представителей администрации и бизнеса со всей страны.",
            "ru",
        ),
        ("Канферэнцыя ў Мінску сабрала прадстаўнікоў адміністрацыі і бізнесу з усёй краіны.", "be"),
        (
            "Конференція в Мінську зібрала представників адміністрації та бізнесу з усієї країни.",
            "uk",
        ),
        (
            "The conference in Minsk gathered officials and business people from the whole country.",
            "en",
        ),
    ],
)
def test_language_tells_belarusian_from_russian_and_ukrainian(text, language):
    assert detect_language(text) == language
