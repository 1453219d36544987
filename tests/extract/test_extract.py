"""Extraction on the replica pages: article text and metadata, site chrome dropped."""

from __future__ import annotations

from datetime import date

import lxml.html
import pytest

from clusterwatch import paths
from clusterwatch.extract.article import detect_language, extract_article
from clusterwatch.extract.clean import clean_text, prune_tree
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


def test_a_page_laid_out_in_tables_keeps_its_paragraphs_and_lists():
    # read as a table, the page frame would come out as one line holding the whole article
    html = page(
        "www.budowlanyklaster.pl/dziaania-klastra/bim-w-malej-firmie-wykonawczej-warsztaty,449.html",
        "windows-1250",
    )
    result = extract_article(html, "http://www.budowlanyklaster.pl/bim,449.html", today=TODAY)
    assert result is not None
    lines = result.text.splitlines()
    assert "W programie:" in lines
    assert "- pierwsze kroki: sprzęt, oprogramowanie, szkolenie zespołu." in lines
    assert max(len(line) for line in lines) < 400
    assert "powrót" not in result.text and "drukuj" not in result.text
    assert result.published == "2019-11-20"


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
    from clusterwatch.crawl.spiders import ClusterwatchSpider

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


# --- cleaning rules, threads, leads: small pages written for the rule they test ----------------

PARAGRAPHS = "".join(
    f"<p>{sentence}</p>"
    for sentence in (
        "Przedstawiciele klastrów z Polski i Białorusi omówili w Mińsku wspólne projekty, "
        "finansowanie współpracy oraz wymianę doświadczeń między firmami obu krajów.",
        "Spotkanie zorganizowała Podlaska Fundacja Rozwoju Regionalnego w ramach programu "
        "współpracy rozwojowej, a wzięło w nim udział ponad dziewięćdziesiąt osób.",
        "Uczestnicy odwiedzili także przedsiębiorstwa z branży budowlanej i metalowej, które "
        "szukają partnerów do wspólnych zamówień i projektów badawczych.",
        "Kolejne seminarium zaplanowano na wiosnę w Grodnie; organizatorzy zapraszają firmy "
        "z województwa podlaskiego do zgłaszania swoich propozycji.",
    )
)


def article_page(body: str, head: str = "", outside: str = "") -> str:
    return (
        f"<html><head><title>Klastry na Białorusi</title>{head}</head><body>"
        "<nav><ul><li><a href='/'>Start</a></li><li><a href='/o-nas'>O nas</a></li></ul></nav>"
        f"<main><article><h1>Klastry na Białorusi</h1>{body}</article></main>{outside}"
        "<footer><p>Copyright 2019 Fundacja</p></footer></body></html>"
    )


def test_chrome_lines_are_dropped_wherever_they_stand():
    text = clean_text(
        "\n".join(
            [
                "Powrót",
                "Pierwszy akapit artykułu o klastrach.",
                "REKLAMA",
                "Czytaj też: Inny artykuł o czymś innym",
                "Zobacz także:",
                "Tytuł innego artykułu",
                "Fot. Jan Kowalski / Agencja",
                "Ten tekst przeczytasz w 2 minuty",
                "* * *",
                "Drugi akapit [czytaj więcej] artykułu.",
                "— Jan Nowak (@jnowak) April 29, 2021",
                "Źródło: https://www.polskapomoc.gov.pl/Rozwoj,2876.html",
                "PAP",
            ]
        )
    )
    assert text.splitlines() == [
        "Pierwszy akapit artykułu o klastrach.",
        "Drugi akapit artykułu.",
        # "Źródło:" names the original of a republished article: ingest reads it
        "Źródło: https://www.polskapomoc.gov.pl/Rozwoj,2876.html",
    ]


def test_tables_lists_and_their_rules_are_kept():
    text = clean_text(
        "Partnerzy:\n- Klaster A\n- Klaster B\n| Projekt | Kwota |\n|---|---|\n| X | 5 |"
    )
    assert text.splitlines() == [
        "Partnerzy:",
        "- Klaster A",
        "- Klaster B",
        "| Projekt | Kwota |",
        "|---|---|",
        "| X | 5 |",
    ]


def test_an_authors_bio_closing_the_text_is_dropped():
    text = "Akapit pierwszy.\nAkapit drugi.\nAnna Nowak, doktor nauk humanistycznych, dziennikarka."
    assert clean_text(text, author="Anna Nowak") == "Akapit pierwszy.\nAkapit drugi."
    assert clean_text(text) == text  # without a known author nothing says it is a bio


def test_forum_quote_headers_edit_notes_and_signatures_are_dropped():
    text = clean_text(
        "jan_k napisał(a):\nCytowany tekst\nMoja odpowiedź\n"
        "Edytowane 26 Maja 2021 przez jan_k\nWysłane z mojego SM-G960F przy użyciu Tapatalka",
        forum=True,
    )
    assert text.splitlines() == ["Cytowany tekst", "Moja odpowiedź"]


def test_boilerplate_elements_are_pruned_before_extraction_keeping_following_text():
    tree = lxml.html.fromstring(
        "<html><body><div><p>Tekst <span class='reading-time'>3 min</span>dalej</p>"
        "<figure><img src='a.jpg'><figcaption>Fot. Agencja</figcaption></figure>"
        "<div class='share-buttons'>Udostępnij</div><div class='newsletter-box'>Zapisz się</div>"
        "</div></body></html>"
    )
    prune_tree(tree)
    assert " ".join(tree.text_content().split()) == "Tekst dalej"


def test_a_wrapper_named_like_boilerplate_keeps_its_article():
    paragraph = "<p>" + "Klaster budowlany rozwija współpracę z partnerami z Grodna. " * 4 + "</p>"
    tree = lxml.html.fromstring(
        f"<html><body><div class='entry has-sharing'>{paragraph * 2}</div></body></html>"
    )
    prune_tree(tree)
    assert "Klaster budowlany" in tree.text_content()


def test_the_lead_in_the_page_header_opens_the_text():
    lead = "Polska i Białoruś podpisały umowę o współpracy klastrów przemysłowych w regionie."
    html = article_page(PARAGRAPHS, head=f"<meta name='description' content='{lead}'>").replace(
        "<main>", f"<header><p class='article__lead'>{lead}</p></header><main>"
    )
    result = extract_article(html, "https://example.org/a", today=TODAY)
    assert result is not None and result.text.startswith(lead)


def test_reader_comments_under_an_article_are_left_out():
    comments = "".join(
        f"<li id='comment-{n}' class='comment'><div class='comment-author'>Czytelnik {n}</div>"
        f"<div class='comment-body'><p>Komentarz numer {n}: zupełnie się nie zgadzam z autorem "
        f"tego tekstu, bo moim zdaniem współpraca nie ma sensu.</p></div></li>"
        for n in range(1, 9)
    )
    html = article_page(PARAGRAPHS, outside=f"<section id='comments'><ol>{comments}</ol></section>")
    result = extract_article(html, "https://example.org/a", today=TODAY)
    assert result is not None
    assert "Przedstawiciele klastrów" in result.text
    assert "Komentarz numer" not in result.text


def forum_post(number: int, author: str, body: str) -> str:
    return (
        f"<div id='p{number}' class='post'><div class='inner'>"
        f"<dl class='postprofile'><dt>{author}</dt><dd>Posty: 12</dd><dd>Dołączył: 3 Sty 2009</dd></dl>"
        f"<div class='postbody'><h3>Re: Klaster budowlany</h3>"
        f"<p class='author'>przez <b>{author}</b> » 13 Sty 2010, o 15:09</p>"
        f"<div class='content'>{body}</div>"
        f"<div class='signature'>Pozdrawiam, {author} z Białegostoku</div></div></div></div>"
    )


FORUM_PAGE = (
    "<html><head><title>Klaster budowlany - Forum</title></head><body>"
    "<div id='wrap'><div class='navbar'><a href='/'>Forum</a> » <a href='/f1'>Gospodarka</a></div>"
    "<h2>Klaster budowlany</h2>"
    + forum_post(101, "marek_b", "Czy ktoś wie, jak dołączyć do klastra budowlanego w Białymstoku?")
    + forum_post(
        102,
        "ania",
        "<blockquote><cite>marek_b napisał(a):</cite>Czy ktoś wie, jak dołączyć?</blockquote>"
        "Trzeba wypełnić deklarację członkowską na stronie klastra i opłacić składkę.",
    )
    + forum_post(103, "piotr", "Potwierdzam, u mnie cała procedura zajęła dwa tygodnie.")
    + "<div class='footer'>Powered by phpBB</div></div></body></html>"
)


def test_forum_threads_give_every_post_without_author_panes_and_signatures():
    result = extract_article(
        FORUM_PAGE, "https://forum.example.org/t/1", min_chars=100, today=TODAY
    )
    assert result is not None
    text = result.text
    for said in ("jak dołączyć do klastra", "deklarację członkowską", "zajęła dwa tygodnie"):
        assert said in text
    for chrome in ("Dołączył", "Posty:", "przez", "Pozdrawiam", "napisał", "Re: Klaster"):
        assert chrome not in text, chrome
    assert result.published == "2010-01-13"  # the opening post's date, abbreviated in Polish


def test_an_article_among_teasers_of_other_articles_is_not_a_thread():
    teasers = "".join(
        f"<article id='post-{n}' class='post teaser'><h3><a href='/a{n}'>Inny artykuł {n}</a></h3>"
        f"<span class='category'>Aktualności</span></article>"
        for n in range(2, 6)
    )
    html = article_page("", outside=teasers).replace(
        "<article><h1>Klastry na Białorusi</h1>",
        "<article id='post-1' class='post'><h1>Klastry na Białorusi</h1>"
        + f"<div class='entry-content'>{PARAGRAPHS}</div>",
    )
    result = extract_article(html, "https://example.org/a", today=TODAY)
    assert result is not None
    assert "Przedstawiciele klastrów" in result.text and "Aktualności" not in result.text


def test_a_page_stating_no_date_gets_none_not_its_copyright_year():
    # the footer says "Copyright 2019": the archive then uses the date the page was first seen
    result = extract_article(article_page(PARAGRAPHS), "https://example.org/a", today=TODAY)
    assert result is not None
    assert result.published is None and result.published_from is None


@pytest.mark.parametrize(
    ("printed", "published"),
    [
        ("<p class='entry-date'>13 grudnia 2017</p>", "2017-12-13"),
        ("<span class='data'>Dodano: 13.XII.2017, 12:30</span>", "2017-12-13"),
        ("<p class='event-date'>Termin: 12 grudnia 2030</p>", None),  # future: not a publication
    ],
)
def test_polish_dates_printed_in_the_page(printed, published):
    html = article_page(PARAGRAPHS).replace("<h1>", f"{printed}<h1>")
    result = extract_article(html, "https://example.org/a", today=TODAY)
    assert result is not None and result.published == published


@pytest.mark.parametrize(
    ("head", "published"),
    [
        ("", "2015-03-02"),  # the article's own date, not a teaser's
        ("<meta property='article:published_time' content='2014-06-30'>", "2014-06-30"),
    ],
)
def test_the_date_of_the_marked_article_beats_dates_printed_beside_it(head, published):
    teasers = "".join(
        f"<div class='card'><h3><a href='/a{n}'>Inny artykuł {n}</a></h3>"
        f"<span class='card__date'>0{n}.0{n}.2020</span></div>"
        for n in range(1, 8)
    )
    body = "<time datetime='2015-03-02'>2 marca 2015</time>" + PARAGRAPHS * 2
    html = article_page(body, head=head, outside=f"<aside>{teasers}</aside>")
    assert _frame_of(html) is not None
    result = extract_article(html, "https://example.org/a", today=TODAY)
    assert result is not None and result.published == published


def _frame_of(html: str):
    from clusterwatch.extract.article import content_frame
    from clusterwatch.extract.clean import prune_tree

    return content_frame(prune_tree(lxml.html.fromstring(html)))


def test_an_article_the_page_marks_plainly_is_read_alone():
    menus = "".join(f"<li><a href='/dzial-{n}'>Dział numer {n}</a></li>" for n in range(60))
    teasers = "".join(
        f"<div class='teaser'><h3><a href='/a{n}'>Inny artykuł {n}</a></h3>"
        f"<p>Zapowiedź innego artykułu numer {n}, krótka.</p></div>"
        for n in range(10)
    )
    html = article_page(PARAGRAPHS * 2, outside=f"<ul class='menu'>{menus}</ul>{teasers}")
    frame = _frame_of(html)
    assert frame is not None and frame.tag == "article"
    result = extract_article(html, "https://example.org/a", today=TODAY)
    assert result is not None
    lines = result.text.splitlines()
    assert lines[0].startswith("Przedstawiciele klastrów") and lines[-1].startswith("Kolejne")
    assert len(lines) == 8  # the paragraphs stay apart
    assert "Dział numer" not in result.text and "Inny artykuł" not in result.text


@pytest.mark.parametrize(
    ("html", "why", "read"),
    [
        (
            article_page("<p>Krótka notka o klastrach na Białorusi.</p>"),
            "too little paragraph text to be the content",
            False,
        ),
        (
            "<html><body><aside><article><h2>Polecamy</h2>"
            + PARAGRAPHS
            + "</article></aside><div>"
            + PARAGRAPHS * 3
            + "</div></body></html>",
            "an article inside a sidebar",
            True,
        ),
        (
            article_page(PARAGRAPHS, outside="<div class='opis'>" + PARAGRAPHS * 5 + "</div>"),
            "most of the page's text stands outside it",
            True,
        ),
    ],
)
def test_an_element_that_is_not_plainly_the_article_is_not_read_alone(html, why, read):
    assert _frame_of(html) is None, why
    # the whole page is read instead, as trafilatura reads it
    result = extract_article(html, "https://example.org/a", today=TODAY)
    assert (result is not None and "Przedstawiciele klastrów" in result.text) is read


@pytest.mark.parametrize(
    "attributes",
    [
        "class='entry-content'",
        "class='single post-content clearfix'",
        "id='article-body'",
        "itemprop='articleBody'",
        "class='post'",
        "id='articleContent'",
        "class='tresc'",
        "class='post teaser'",
        "id='main'",
    ],
)
def test_the_quick_look_for_content_markup_agrees_with_trafilaturas_expression(attributes):
    from clusterwatch.extract.article import _FRAME_XPATHS, _may_name_content

    body = lxml.html.fromstring(
        f"<html><body><div class='menu'><a href='/'>Start</a></div><div {attributes}>"
        f"{PARAGRAPHS}</div></body></html>"
    ).find("body")
    found = next(iter(_FRAME_XPATHS[0](body)), None) is not None
    # a "no" where the expression finds an element would lose it; a "yes" only costs running it
    assert _may_name_content(body) is found


BODY = "<p>" + "Fundacja zorganizowała seminarium o klastrach dla firm z regionu. " * 6 + "</p>"


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("<p class='meta'>Autor: Jan Kowalski | 12.03.2024</p>", "Jan Kowalski"),
        ("<p><strong>Autorka:</strong> Anna Nowak</p>", "Anna Nowak"),
        ("<p>Tekst: Piotr Wiśniewski, Białystok</p>", "Piotr Wiśniewski"),
        ("<div>Автор: Иван Петров</div>", "Иван Петров"),
        ("<div><span>12.03.2024</span> | Autor: Ewa Lis</div>", "Ewa Lis"),  # after a date
        ("<p>Nagrodę otrzymał autor Jan Kowalski.</p>", None),  # a sentence: no colon
        ("<span>Author: Maria Jones</span>", "Maria Jones"),
        # not bylines: an office, a photo credit, a sentence, a user name
        ("<p>Opracowanie: Biuro Prasowe</p>", None),
        ("<p>Fot. Jan Kowalski</p>", None),
        ("<p>Autorzy projektu przedstawili wyniki badań.</p>", None),
        ("<p>By the way, the cluster grew.</p>", None),
        ("<p>Author: admin</p>", None),
    ],
)
def test_a_labelled_byline_names_the_author(byline, author):
    html = f"<html><head><title>Seminarium</title></head><body><article><h1>Seminarium</h1>{byline}{BODY}</article></body></html>"
    assert extract_article(html, "https://pfrr.pl/a/").author == author


def test_a_labelled_byline_outside_any_article_element():
    html = (
        "<html><head><title>Seminarium</title></head><body><div id='main'><h1>Seminarium</h1>"
        f"<div class='info'>Autor: Jan Kowalski, 12.03.2024</div>{BODY}</div></body></html>"
    )
    assert extract_article(html, "https://pfrr.pl/a/").author == "Jan Kowalski"
    assert extract_article(html.replace("Autor:", "Fot."), "https://pfrr.pl/a/").author is None
