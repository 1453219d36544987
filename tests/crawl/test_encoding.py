"""Encoding detection: Polish and Russian text in every encoding and (mis)declaration seen."""

from __future__ import annotations

import codecs
import http.server
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from clusterwatch.crawl.encoding import (
    CharsetMiddleware,
    decode_body,
    detect_encoding,
    plausibility,
)

from ..helpers import run_cli

SHORT_POLISH = [
    "Mąka drożeje",
    "Źle się dzieje w Łodzi",
    "Ślązacy świętują",
    "Żółć, gęś i jaźń",
    "ŚWIĘTO MĄKI W ZĄBKOWICACH",
]
LONG_POLISH = (
    "Świętokrzyskie źródła finansowania pozwoliły łódzkim i śląskim klastrom nawiązać współpracę "
    "z partnerami z Białorusi. Żaden z uczestników nie ukrywał, że ścieżka do wspólnych "
    "projektów bywa kręta: zaświadczenia, cła i różnice w przepisach. Ąę - żartował prezes "
    'Łukasz Źrebiec, pokazując slajd z napisem "ZĄBKOWICE ŚLĄSKIE". Mimo to zawarto już '
    "dziesięć porozumień, a następne spotkanie odbędzie się jesienią w Żyrardowie."
)
POLISH = [*SHORT_POLISH, LONG_POLISH]  # ISO-8859-2 has no typographic quotes or dashes
TYPOGRAPHIC_POLISH = "„Źle” – mówią Ślązacy… i mają rację"
RUSSIAN = [
    "Привет, мир!",
    "Белорусские кластеры развиваются при поддержке польских партнёров.",
    "Более 90 участников из всех регионов Беларуси приняли участие во встрече. Эксперты "
    "обсудили развитие кластерной системы и сотрудничество с Польшей.",
]
MOJIBAKE = ("\ufffd", "Ă", "Ĺ", "Å", "Ä", "Ã", "œ", "¹", "¿", "¶", "±", "š", "Ľ", "¬")


def html(text: str, head: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head>{head}<title>t</title></head><body><p>{text}</p></body></html>"
    )


def same_codec(left: str, right: str) -> bool:
    return codecs.lookup(left).name == codecs.lookup(right).name


def assert_reads(body: bytes, declared: str | None, expected: str) -> None:
    encoding = detect_encoding(body, declared)
    text = decode_body(body, declared)
    assert text == expected, (encoding, text)
    assert not any(mark in text for mark in MOJIBAKE if mark not in expected)


# -- declared correctly --------------------------------------------------------------------------


@pytest.mark.parametrize("text", POLISH)
@pytest.mark.parametrize(
    ("encoding", "label"),
    [
        ("cp1250", "windows-1250"),
        ("cp1250", "cp1250"),
        ("cp1250", "WINDOWS-1250"),
        ("iso8859_2", "iso-8859-2"),
        ("iso8859_2", "latin2"),
        ("iso8859_2", "ISO_8859-2"),
        ("utf-8", "utf8"),
        ("utf-8", "UTF-8"),
    ],
)
def test_a_correct_declaration_is_kept(text, encoding, label):
    body = text.encode(encoding)
    assert same_codec(detect_encoding(body, label), encoding)
    assert_reads(body, label, text)


@pytest.mark.parametrize("text", RUSSIAN)
@pytest.mark.parametrize(
    ("encoding", "label"), [("cp1251", "windows-1251"), ("koi8_r", "koi8-r"), ("utf-8", "utf-8")]
)
def test_a_correct_russian_declaration_is_kept(text, encoding, label):
    body = text.encode(encoding)
    assert same_codec(detect_encoding(body, label), encoding)


# -- declared in the document only ---------------------------------------------------------------


@pytest.mark.parametrize("text", POLISH)
@pytest.mark.parametrize(
    ("encoding", "meta"),
    [
        ("cp1250", '<meta charset="windows-1250">'),
        ("iso8859_2", '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">'),
        ("utf-8", "<meta charset=utf-8>"),
    ],
)
def test_a_meta_tag_declaration_is_read(text, encoding, meta):
    page = html(text, meta)
    body = page.encode(encoding)
    assert same_codec(detect_encoding(body), encoding)
    assert_reads(body, None, page)


def test_an_xml_declaration_is_read():
    document = f'<?xml version="1.0" encoding="ISO-8859-2"?><rss><title>{LONG_POLISH}</title></rss>'
    assert same_codec(detect_encoding(document.encode("iso8859_2")), "iso8859_2")


# -- not declared ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", POLISH)
@pytest.mark.parametrize("encoding", ["cp1250", "iso8859_2", "utf-8"])
def test_undeclared_polish_is_detected(text, encoding):
    for body in (text.encode(encoding), html(text).encode(encoding)):
        assert same_codec(detect_encoding(body), encoding), body
        assert_reads(body, None, body.decode(encoding))


@pytest.mark.parametrize("text", RUSSIAN)
@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r", "iso8859_5"])
def test_undeclared_russian_is_detected(text, encoding):
    for body in (text.encode(encoding), html(text).encode(encoding)):
        assert same_codec(detect_encoding(body), encoding), body
        assert decode_body(body) == body.decode(encoding)


@pytest.mark.parametrize("declared", [None, "utf-8"])
def test_windows_1250_quotes_and_dashes_are_read(declared):
    assert_reads(TYPOGRAPHIC_POLISH.encode("cp1250"), declared, TYPOGRAPHIC_POLISH)


def test_belarusian_in_windows_1251_is_detected():
    text = "Беларускія кластары ўзмацняюць супрацоўніцтва з Польшчай."
    assert same_codec(detect_encoding(text.encode("cp1251")), "cp1251")


def test_ascii_is_read_as_utf8():
    assert detect_encoding(b"<p>Klastry na Bialorusi</p>") == "utf-8"


# -- a byte order mark ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", POLISH)
@pytest.mark.parametrize("declared", [None, "windows-1250", "iso-8859-2"])
def test_a_utf8_bom_wins_over_any_declaration(text, declared):
    body = codecs.BOM_UTF8 + html(text, '<meta charset="iso-8859-2">').encode("utf-8")
    assert detect_encoding(body, declared) == "utf-8"
    assert decode_body(body, declared) == html(text, '<meta charset="iso-8859-2">')


# -- declared wrongly -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", POLISH)
@pytest.mark.parametrize("encoding", ["cp1250", "iso8859_2"])
def test_a_utf8_header_over_a_legacy_body_is_overruled(text, encoding):
    body = text.encode(encoding)
    assert same_codec(detect_encoding(body, "utf-8"), encoding)
    assert_reads(body, "utf-8", text)


@pytest.mark.parametrize("text", [*POLISH, TYPOGRAPHIC_POLISH])
def test_an_iso_8859_2_header_over_a_windows_1250_body_is_overruled(text):
    body = text.encode("cp1250")
    assert any(letter in text for letter in "ąśźĄŚŹ")  # the letters the two encodings disagree on
    assert same_codec(detect_encoding(body, "iso-8859-2"), "cp1250")
    assert_reads(body, "iso-8859-2", text)


@pytest.mark.parametrize("text", POLISH)
def test_a_windows_1250_header_over_an_iso_8859_2_body_is_overruled(text):
    body = text.encode("iso8859_2")
    assert same_codec(detect_encoding(body, "windows-1250"), "iso8859_2")
    assert_reads(body, "windows-1250", text)


@pytest.mark.parametrize("text", POLISH)
def test_a_legacy_header_over_a_utf8_body_is_overruled(text):
    body = text.encode("utf-8")
    for label in ("windows-1250", "iso-8859-2", "iso-8859-1"):
        assert detect_encoding(body, label) == "utf-8"
        assert_reads(body, label, text)


def test_a_wrong_header_falls_back_to_a_correct_meta_tag():
    page = html(LONG_POLISH, '<meta charset="iso-8859-2">')
    body = page.encode("iso8859_2")
    assert same_codec(detect_encoding(body, "utf-8"), "iso8859_2")
    assert_reads(body, "utf-8", page)


def test_latin1_header_over_polish_iso_8859_2_is_overruled():
    body = LONG_POLISH.encode("iso8859_2")
    assert same_codec(detect_encoding(body, "iso-8859-1"), "iso8859_2")


@pytest.mark.parametrize("text", RUSSIAN)
def test_a_wrong_header_over_russian_is_overruled(text):
    assert same_codec(detect_encoding(text.encode("cp1251"), "windows-1250"), "cp1251")
    assert same_codec(detect_encoding(text.encode("koi8_r"), "windows-1251"), "koi8_r")
    assert same_codec(detect_encoding(text.encode("cp1251"), "utf-8"), "cp1251")


@pytest.mark.parametrize(
    "text",
    [
        "Größe und Qualität für München",
        "La información de la población según el niño de España",
        "Fête de la musique à Paris, très élégante",
    ],
)
def test_a_correct_latin1_declaration_of_western_text_is_kept(text):
    assert detect_encoding(text.encode("cp1252"), "iso-8859-1") == "cp1252"


# -- the plausibility rule ------------------------------------------------------------------------


def test_plausibility_prefers_polish_letters_to_their_misreadings():
    assert plausibility("Mąka") > plausibility("Mška")  # ą in windows-1250 read as ISO-8859-2
    assert plausibility("Śląsk") > plausibility("¦l±sk")  # ISO-8859-2 read as windows-1250
    assert plausibility("współpraca") > plausibility("wspуіpraca")  # read as windows-1251
    assert plausibility("Привет") > plausibility("пРИВЕТ")  # KOI8-R read as windows-1251
    assert plausibility("niño") < 0  # no Polish word has ń before a vowel
    assert plausibility("Admin · 25") > plausibility("Admin З 25")


# -- the middleware -------------------------------------------------------------------------------


def page_response(body: bytes, content_type: str) -> HtmlResponse:
    return HtmlResponse("http://127.0.0.1/a", body=body, headers={"Content-Type": content_type})


def test_middleware_corrects_a_wrong_header_and_counts_it():
    crawler = get_crawler()
    middleware = CharsetMiddleware.from_crawler(crawler)
    response = page_response(html(LONG_POLISH).encode("cp1250"), "text/html; charset=utf-8")
    assert "\ufffd" in response.text
    corrected = middleware.process_response(None, response)
    assert same_codec(corrected.encoding, "cp1250")
    assert corrected.text == html(LONG_POLISH)
    assert crawler.stats.get_value("clusterwatch/charset_corrected") == 1


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (html(LONG_POLISH).encode("cp1250"), "text/html; charset=windows-1250"),
        (html(LONG_POLISH).encode("utf-8"), "text/html"),
        (b"<p>ascii only</p>", "text/html"),
    ],
)
def test_middleware_leaves_right_responses_alone(body, content_type):
    crawler = get_crawler()
    response = page_response(body, content_type)
    assert CharsetMiddleware.from_crawler(crawler).process_response(None, response) is response
    assert crawler.stats.get_value("clusterwatch/charset_corrected") is None


# -- end to end: a crawl over real HTTP -----------------------------------------------------------

ARTICLES = {
    # path: (Content-Type, body encoding, meta tag, title, paragraphs)
    "/naglowek-cp1250": (
        "text/html; charset=windows-1250",
        "cp1250",
        "",
        "Łódzkie klastry świętują: ŹRÓDŁA współpracy z Białorusią",
        [
            "Świętowano w Łodzi, gdzie źródła finansowania z Żyrardowa i Śląska pozwoliły "
            "zawiązać dziesięć porozumień. Ślązacy przyjechali z gęślą i pączkami.",
            "Żaden z uczestników nie ukrywał, że ścieżka bywa kręta: zaświadczenia, cła i "
            "różnice w przepisach. Mimo to ośrodek w Grodnie zaprosił gości jesienią.",
        ],
    ),
    "/meta-iso-8859-2": (
        "text/html",
        "iso8859_2",
        '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">',
        "Ślązacy w Grodnie: ŻYWIEC, Łańcut i Ząbkowice",
        [
            "Źrebięta, mąka i łódki - tak żartobliwie opisano ofertę śląskich firm, które "
            "pojechały do Grodna szukać partnerów. Wróciły z trzema umowami.",
            "Ąę, powiedział prezes, gdy tłumacz zamilkł. Następne spotkanie odbędzie się w "
            "Białymstoku, a jego gospodarzem będzie klaster łączący dwadzieścia spółek.",
        ],
    ),
    "/bez-deklaracji": (
        "text/html",
        "cp1250",
        "",
        "Źródła wzrostu: Śląsk, Łódź i Żuławy",
        [
            "Świeże dane pokazują, że eksport maszyn rolniczych na Białoruś wzrósł o jedną "
            "piątą. Żuławskie zakłady mają już zamówienia na przyszły rok.",
            "Łączna wartość umów przekroczyła sto milionów złotych, ale przedsiębiorcy "
            "ostrzegają, że kurs rubla może zaszkodzić kolejnym zamówieniom.",
        ],
    ),
    "/bez-deklaracji-iso": (
        "text/html",
        "iso8859_2",
        "",
        "Ząbkowice Śląskie: ŹRÓDŁO wody dla Łucka",
        [
            "Śląska spółka wodociągowa podpisała umowę z miastem Łuck. Źródłowa woda z "
            "Ząbkowic ma trafić do szpitali, a żłobki dostaną filtry za darmo.",
            "Ćwierć wieku temu podobną pomoc dostała Łódź. Teraz łódzcy inżynierowie "
            "doradzają, jak uniknąć błędów, które popełniono przy tamtej inwestycji.",
        ],
    ),
    "/zly-naglowek-utf-8": (
        "text/html; charset=utf-8",
        "cp1250",
        "",
        "Żyrardów i Łomża otwierają ŚCIEŻKĘ do Mińska",
        [
            "Źle przygotowane wnioski to najczęstsza przyczyna odmów, mówią doradcy. "
            "Ślązacy i łomżyńscy przedsiębiorcy ćwiczyli więc wypełnianie formularzy.",
            "Spotkanie w Żyrardowie zakończyło się wspólną deklaracją: gęstsza sieć "
            "połączeń kolejowych, szybsze odprawy celne i wymiana stażystów.",
        ],
    ),
    "/zly-naglowek-iso-8859-2": (
        "text/html; charset=iso-8859-2",
        "cp1250",
        "",
        "Świętokrzyskie ŹRÓDŁA i Łużyce: klaster ściąga partnerów",
        [
            "Śląsk, Świętokrzyskie i Łużyce łączą siły, by wspólnie zaprezentować się na "
            "targach w Mińsku. Źródłem pomysłu była wizyta sprzed roku.",
            "Ściągnięcie partnerów z zagranicy zajęło miesiące, ale już teraz przedsiębiorcy "
            "mówią o pierwszych zamówieniach i wspólnym stoisku.",
        ],
    ),
}


def article_page(meta: str, title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="pl"><head>{meta}<title>{title}</title>'
        f'<meta property="og:type" content="article"><meta property="og:title" content="{title}">'
        f"</head><body><article><h1>{title}</h1>{body}</article></body></html>"
    )


class ArticleHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/":
            links = "".join(f'<li><a href="{path}">{path}</a></li>' for path in ARTICLES)
            self.reply("text/html; charset=utf-8", f"<html><body><ul>{links}</ul></body></html>")
        elif self.path in ARTICLES:
            content_type, encoding, meta, title, paragraphs = ARTICLES[self.path]
            self.reply(content_type, article_page(meta, title, paragraphs), encoding)
        else:
            self.send_error(404)

    def reply(self, content_type: str, page: str, encoding: str = "utf-8") -> None:
        body = page.encode(encoding)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass


@pytest.fixture
def article_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), ArticleHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_crawl_stores_polish_articles_without_mojibake_whatever_the_declaration(
    article_server, tmp_path: Path
):
    config = tmp_path / "clusterwatch.toml"
    config.write_text(
        '[archive]\npath = "archive.db"\n'
        '[crawl]\nallow_private_addresses = ["127.0.0.1"]\n'
        "download_delay = 0.0\nautothrottle = false\n"
        f'[[sources]]\nname = "site"\nstart_urls = ["{article_server}/"]\n',
        encoding="utf-8",
    )
    result = run_cli("crawl", "--config", str(config), timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr

    connection = sqlite3.connect(tmp_path / "archive.db")
    try:
        stored = {
            url.removeprefix(article_server): (title, text)
            for url, title, text in connection.execute("select url, title, text from articles")
        }
    finally:
        connection.close()
    assert set(stored) == set(ARTICLES), sorted(stored)
    for path, (_type, _encoding, _meta, title, paragraphs) in ARTICLES.items():
        stored_title, stored_text = stored[path]
        assert stored_title == title, path
        text = " ".join(stored_text.split())
        text = text.removeprefix(" ".join(title.split())).lstrip()  # with or without its heading
        assert text == " ".join(" ".join(paragraphs).split()), path
        for mark in MOJIBAKE:
            assert mark not in stored_title + stored_text, (path, mark)
    # without CharsetMiddleware, Scrapy would have stored some of these pages garbled
    misread_by_scrapy = [
        path
        for path, (content_type, encoding, meta, title, paragraphs) in ARTICLES.items()
        if page_response(article_page(meta, title, paragraphs).encode(encoding), content_type).text
        != article_page(meta, title, paragraphs)
    ]
    assert len(misread_by_scrapy) >= 2, misread_by_scrapy


@pytest.mark.parametrize("control", ["\x80", "\x85", "\x9f"])
def test_a_reading_with_c1_controls_is_refused_in_utf8_too(control):
    from clusterwatch.crawl.encoding import reading

    text = f"Współpraca klastrów{control} z Białorusią"
    assert reading(text.encode("utf-8"), "utf-8") is None
    assert reading(text.encode("utf-8"), "UTF8") is None
    # its neighbours, U+007F and U+00A0, are no such controls
    assert reading("a\x7fb\xa0c".encode(), "utf-8") == "a\x7fb\xa0c"
