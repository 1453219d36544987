"""Per-site boilerplate: blocks recurring across a source's pages are learned and left out."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from clusterwatch.archive import blocks, store
from clusterwatch.archive.blocks import BlockBook
from clusterwatch.demo.replicas import ReplicaServer
from clusterwatch.demo.sitegen import (
    CHROME_NOTICE,
    CHROME_SIGN_OFF,
    chrome_lines,
    generate_chrome_site,
    site_config,
)
from clusterwatch.extract.article import extract_article
from clusterwatch.extract.boilerplate import fingerprints, strip_blocks

from ..helpers import run_cli

NOTICE = "Projekt współfinansowany ze środków Unii Europejskiej w ramach programu Interreg."


def page(number: int, *extra: str) -> str:
    """An article's text: its own sentences (long ones, each with its numbers), then ``extra``."""
    return "\n".join(
        [
            f"Klaster Budowlany ogłosił nabór numer {number} do programu szkoleń w regionie i"
            f" zaprosił do udziału {10 + number} firm z Podlasia oraz partnerów zza granicy.",
            f"Zgłoszenia przyjmuje biuro do {number + 3} marca, a pierwsze zajęcia odbędą się w"
            f" sali numer {100 + number} w siedzibie stowarzyszenia w Białymstoku.",
            *extra,
        ]
    )


def test_a_whole_block_counts_not_a_name_repeated_in_sentences():
    text = page(1, NOTICE)
    learned = frozenset(fingerprints(NOTICE))
    stripped = strip_blocks(text, learned)
    assert NOTICE not in stripped
    assert stripped == page(1)  # "Klaster Budowlany" opens every article: its sentences stay


def test_numbers_and_case_do_not_make_a_block_new():
    assert fingerprints("Stan na 12.03.2024 r. – Biuro Klastra") == fingerprints(
        "stan na 1.4.2025 r. - biuro klastra"
    )


def test_a_page_made_of_learned_blocks_is_a_copy_and_keeps_its_text():
    text = page(2)
    assert strip_blocks(text, frozenset(fingerprints(text))) == text


def test_a_line_naming_the_original_is_never_a_block():
    assert fingerprints("Źródło: gov.pl") == ()


def archive(tmp_path: Path):
    return store.open_db(tmp_path / "archive.db")


def test_blocks_on_three_pages_are_learned_and_taken_out_of_earlier_pages(tmp_path):
    db = archive(tmp_path)
    book = BlockBook(db, "site")
    held = []
    for number in range(3):
        text = page(number, NOTICE)
        held += book.observe(fingerprints(text), text, article=100 + number)
    notice = frozenset(fingerprints(NOTICE))
    assert book.learned == notice
    assert held == [(100, notice), (101, notice)]  # the third page is the pipeline's to clean
    # kept in the archive: a later run (another process) starts from it
    assert blocks.learned_blocks(db, "site") == notice
    assert blocks.learned_blocks(db, "other") == frozenset()
    row = db.execute("select pages, text from boilerplate_blocks where pages = 3").fetchone()
    assert row == (3, NOTICE)


def test_a_block_the_site_no_longer_shows_is_forgotten(tmp_path, monkeypatch):
    monkeypatch.setattr(blocks, "WINDOW", 10)
    db = archive(tmp_path)
    book = BlockBook(db, "site")
    for number in range(3):
        book.observe(fingerprints(page(number, NOTICE)), page(number, NOTICE), None)
    assert book.learned
    for number in range(3, 20):  # the 20th page clears out the forgotten
        book.observe(fingerprints(page(number)), page(number), None)
    assert not book.learned
    assert not db.execute(
        "select 1 from boilerplate_blocks where fingerprint = ?", [fingerprints(NOTICE)[0]]
    ).fetchone()


def test_a_crawl_stores_no_chrome_of_the_site_and_every_article_whole(tmp_path):
    """Sidebar, related links, a notice and a sign-off inside each article's element: the
    crawl learns them from the pages it stores and none is stored; the articles' text is."""
    manifest = generate_chrome_site(tmp_path / "sites" / "bench", articles=8)
    first = tmp_path / "sites" / "bench" / "aktualnosci" / "wpis-000" / "index.html"
    alone = extract_article(first.read_text(encoding="utf-8"), manifest["articles"][0]["url"])
    assert CHROME_NOTICE in alone.text and CHROME_SIGN_OFF in alone.text  # one page cannot tell
    with ReplicaServer(tmp_path / "sites", latency=0.0) as server:
        config = site_config(server, tmp_path)
        done = run_cli("crawl", "--config", str(config), cwd=tmp_path)
        assert done.returncode == 0, done.stdout + done.stderr
        connection = sqlite3.connect(tmp_path / "archive.db")
        try:
            stored = dict(connection.execute("select title, text from articles"))
            revisions = connection.execute("select text from revisions").fetchall()
            learned = connection.execute(
                "select text from boilerplate_blocks where pages >= 3"
            ).fetchall()
        finally:
            connection.close()
        assert len(stored) == len(manifest["articles"])
        for article in manifest["articles"]:
            text = " ".join(stored[article["title"]].split())
            for paragraph in article["paragraphs"]:
                assert " ".join(paragraph.split()) in text, article["title"]
        for text, *_ in [*stored.items(), *revisions]:
            for line in chrome_lines():
                assert line not in text, line
        assert (CHROME_NOTICE,) in learned

        # `extract --config` leaves out what the crawl learned of the source
        site = server.sites[0]
        url = f"{site.local_base}/aktualnosci/wpis-003/"
        result = run_cli("extract", url, "--config", str(config), cwd=tmp_path)
        assert result.returncode == 0, result.stdout + result.stderr
        text = json.loads(result.stdout)["text"]
        assert manifest["articles"][3]["paragraphs"][0] in text
        assert not any(line in text for line in chrome_lines()), text
