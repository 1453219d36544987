"""Deduplication: copies share a story and different articles do not; changed pages become
revisions. Real SQLite archives under tmp_path; the real near-duplicate pairs come from the
evaluation set (``pages.jsonl``), which stays outside the project."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from itertools import combinations

import pytest
from sqlite_utils import Database

from clusterwatch.archive import dedup
from clusterwatch.archive.ingest import ingest_article
from clusterwatch.archive.migrations import migrations
from clusterwatch.archive.store import open_db
from clusterwatch.extract.article import Extracted
from clusterwatch.text import WORD_RE, fold_word

from ..helpers import EVAL_DIR

PAGES = EVAL_DIR / "target-site-texts" / "pages.jsonl"
needs_pages = pytest.mark.skipif(
    not PAGES.is_file(),
    reason=f"evaluation data not found: {PAGES} (set CLUSTERWATCH_EVAL_DIR)",
)
SOURCES = ("pfrr", "polskapomoc", "metalklaster", "budowlanyklaster")

# written for these tests: one article, and what other sites make of it
ARTICLE = [
    "W dniach 4–8 grudnia Białystok odwiedziła delegacja z Białorusi: przedstawiciele "
    "ministerstwa gospodarki, stowarzyszeń przedsiębiorców i firm zainteresowanych klastrami.",
    "Goście spotkali się z koordynatorami Wschodniego Klastra Budowlanego i Klastra Obróbki "
    "Metali, którzy opowiedzieli, od czego zacząć inicjatywę klastrową i jak prowadzić jej "
    "codzienną działalność.",
    "Przedstawiciele urzędu marszałkowskiego omówili wsparcie finansowe dla inicjatyw "
    "klastrowych z regionalnego programu operacyjnego województwa podlaskiego.",
    "Wizytę zakończył okrągły stół z ekspertami o polskich doświadczeniach w tworzeniu "
    "klastrów, o trudnościach i o wpływie klastrów na wzrost gospodarczy regionu.",
    "Dwie białoruskie instytucje podpisały list intencyjny o współpracy z klastrem, a "
    "kolejne spotkanie zaplanowano na wiosnę w Grodnie.",
    "Fundacja przypomina, że wizyta była częścią projektu współfinansowanego w ramach "
    "programu polskiej współpracy rozwojowej Ministerstwa Spraw Zagranicznych.",
    "Relację z wizyty i zdjęcia z okrągłego stołu opublikujemy w przyszłym tygodniu w "
    "zakładce poświęconej projektom międzynarodowym.",
]


def text_of(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


@pytest.fixture
def archive(tmp_path) -> Database:
    db = open_db(tmp_path / "archive.db")
    db["sources"].insert_all([{"name": name, "spider": name} for name in SOURCES])
    return db


def ingest(db: Database, text: str, url: str, source: str = "pfrr", **kwargs):
    title = kwargs.pop("title", text.split("\n")[0][:60])
    extracted = Extracted(title=title, text=text, language=kwargs.pop("language", "pl"))
    return ingest_article(db, extracted, url=url, source=source, matcher=None, **kwargs)


def eval_pages() -> list[dict]:
    return [json.loads(line) for line in PAGES.read_text(encoding="utf-8").splitlines()]


def real_pairs(pages: list[dict]) -> set[tuple[str, str]]:
    return {
        tuple(sorted((page["url"], page["near_duplicate_of"])))
        for page in pages
        if page.get("near_duplicate_of")
    }


def ingest_pages(db: Database, pages: list[dict]) -> dict[str, int]:
    db["sources"].insert({"name": "eval", "spider": "generic"}, ignore=True)
    for page in pages:
        ingest(db, page["text"], page["url"], source="eval", language=page["lang"])
    return dict(db.execute("select url, story from articles").fetchall())


@needs_pages
@pytest.mark.parametrize("order", ["as listed", "reversed"])
def test_the_real_near_duplicate_pairs_share_a_story_and_nothing_else_does(archive, order):
    pages = eval_pages() if order == "as listed" else eval_pages()[::-1]
    story = ingest_pages(archive, pages)
    pairs = real_pairs(pages)
    assert len(pairs) == 3
    for a, b in pairs:
        assert story[a] == story[b], (a, b)
    # every other page, the pfrr.pl seminar series among them, is a story of its own
    sizes = Counter(story.values())
    assert sorted(sizes.values(), reverse=True)[:4] == [2, 2, 2, 1]
    assert len(sizes) == len(pages) - len(pairs)


@needs_pages
def test_thresholds_keep_a_margin_on_both_sides_of_the_real_data():
    pages = eval_pages()
    pairs = real_pairs(pages)
    text = {page["url"]: page["text"] for page in pages}
    copies = [dedup.similarity(text[a], text[b]) for a, b in pairs]
    others = [
        dedup.similarity(text[a], text[b])
        for a, b in combinations(sorted(text), 2)
        if (a, b) not in pairs
    ]
    assert all(s.near_duplicate for s in copies)
    assert min(s.jaccard for s in copies) >= dedup.NEAR_DUPLICATE_JACCARD + 0.1
    assert not any(s.near_duplicate for s in others)
    assert max(s.jaccard for s in others) <= dedup.NEAR_DUPLICATE_JACCARD - 0.1
    assert max(s.containment for s in others) <= dedup.NEAR_DUPLICATE_CONTAINMENT - 0.2
    seminars = [u for u in text if "seminaria" in u]
    assert len(seminars) == 2  # the series: same template sentence, other cities and dates
    assert not dedup.similarity(text[seminars[0]], text[seminars[1]]).near_duplicate


@needs_pages
def test_the_lsh_bands_propose_the_hardest_real_pair():
    pages = eval_pages()
    text = {page["url"]: page["text"] for page in pages}
    a, b = min(real_pairs(pages), key=lambda p: dedup.similarity(text[p[0]], text[p[1]]).jaccard)
    shared = set(dedup.Signature.of(text[a]).band_keys()) & set(
        dedup.Signature.of(text[b]).band_keys()
    )
    assert len(shared) >= dedup.MIN_BAND_HITS


def test_an_exact_copy_with_other_dashes_quotes_and_spacing_joins_by_hash(archive):
    first = ingest(archive, text_of(ARTICLE), "https://pfrr.pl/wizyta/")
    copy = text_of(ARTICLE).replace("–", "-").replace(". ", ".  ").upper()
    second = ingest(archive, copy, "https://metalklaster.pl/wizyta", source="metalklaster")
    assert second.status == "new" and second.story == first.story
    assert archive.execute("select articles from stories").fetchall() == [(2,)]


def test_an_edited_copy_joins_by_jaccard(archive):
    first = ingest(archive, text_of(ARTICLE), "https://pfrr.pl/wizyta/")
    edited = [
        ARTICLE[0].replace("4–8 grudnia", "w pierwszym tygodniu grudnia"),
        "Wschodni Klaster Budowlany dzielił się doświadczeniem z gośćmi zza wschodniej granicy.",
        *ARTICLE[2:],
    ]
    second = ingest(archive, text_of(edited), "https://budowlanyklaster.pl/x", "budowlanyklaster")
    assert dedup.similarity(text_of(ARTICLE), text_of(edited)).jaccard < 0.8
    assert second.story == first.story


def test_a_trimmed_copy_joins_by_containment(archive):
    first = ingest(archive, text_of(ARTICLE), "https://pfrr.pl/wizyta/")
    trimmed = text_of(ARTICLE[1:3])  # two paragraphs of seven
    measured = dedup.similarity(text_of(ARTICLE), trimmed)
    assert measured.jaccard < dedup.NEAR_DUPLICATE_JACCARD
    assert measured.containment >= dedup.NEAR_DUPLICATE_CONTAINMENT
    second = ingest(archive, trimmed, "https://metalklaster.pl/wizyta", source="metalklaster")
    assert second.story == first.story


def test_a_different_article_on_the_same_subject_starts_its_own_story(archive):
    first = ingest(archive, text_of(ARTICLE), "https://pfrr.pl/wizyta/")
    other = text_of(
        [
            "W dniach 9–11 października w Witebsku i Homlu odbyły się seminaria o klastrach, "
            "poświęcone metodologii wdrażania klastrów na Białorusi.",
            "Eksperci z Polski omówili doświadczenia Klastra Obróbki Metali i pilotażowy program "
            "wsparcia, który ma ruszyć w przyszłym roku.",
            ARTICLE[4],
        ]
    )
    second = ingest(archive, other, "https://pfrr.pl/seminaria/")
    assert second.story != first.story


def test_a_copy_that_names_its_source_points_the_story_at_it(archive):
    ingest(archive, text_of(ARTICLE), "https://metalklaster.pl/wizyta", source="metalklaster")
    named = text_of(
        [*ARTICLE, "Źródło: https://www.gov.pl/web/polskapomoc/wizyta-delegacji-z-bialorusi"]
    )
    result = ingest(
        archive, named, "https://pfrr.pl/wizyta/", source_domains={"polskapomoc": ["gov.pl"]}
    )
    story = archive["stories"].get(result.story)
    assert story["original_source"] == "polskapomoc"
    assert story["original_url"].startswith("https://www.gov.pl/web/polskapomoc/")
    assert story["articles"] == 2


def test_an_original_arriving_after_two_dissimilar_copies_merges_their_stories(archive):
    # one site kept the first half, another the second: they share nothing with each other
    head = ingest(archive, text_of(ARTICLE[:3]), "https://metalklaster.pl/a", "metalklaster")
    tail = ingest(
        archive, text_of(ARTICLE[2:]), "https://budowlanyklaster.pl/b", "budowlanyklaster"
    )
    assert head.story != tail.story
    original = ingest(archive, text_of(ARTICLE), "https://pfrr.pl/wizyta/")
    assert original.story == head.story  # the earliest story takes the others in
    assert archive.execute("select distinct story from articles").fetchall() == [(head.story,)]
    assert archive.execute("select id, articles from stories").fetchall() == [(head.story, 3)]


def test_a_changed_page_is_a_revision_with_a_diff_in_the_same_story(archive):
    url = "https://pfrr.pl/wizyta/"
    first = ingest(archive, text_of(ARTICLE), url)
    changed = text_of([*ARTICLE, "Aktualizacja: spotkanie w Grodnie przeniesiono do Lidy."])
    second = ingest(archive, changed, url)
    assert (second.status, second.article, second.story) == ("updated", first.article, first.story)
    revisions = archive.execute(
        "select number, diff from revisions where article = ? order by number", [first.article]
    ).fetchall()
    assert [number for number, _ in revisions] == [1, 2]
    assert revisions[0][1] is None
    assert "+Aktualizacja: spotkanie w Grodnie przeniesiono do Lidy." in revisions[1][1]
    assert archive["articles"].count == 1
    # the signature follows the new text: its band keys replaced, not added to
    keys = {k for (k,) in archive.execute("select key from lsh_bands where article = ?", [1])}
    assert keys == set(dedup.Signature.of(changed).band_keys())
    # and the same text again changes nothing
    third = ingest(archive, changed, url)
    assert third.status == "unchanged" and third.revision == second.revision
    assert archive["revisions"].count == 2


def test_folded_words_agree_with_fold_word():
    samples = [
        text_of(ARTICLE),
        "Łukaszenka, ŁÓDŹ i Żółć; Беларусь, Мінск, ўсё, ёлка; straße ﬁnanse m²",
    ]
    if PAGES.is_file():
        samples += [page["text"] for page in eval_pages()]
    for sample in samples:
        assert dedup.folded_words(sample) == [fold_word(w) for w in WORD_RE.findall(sample)]


def test_band_keys_are_the_same_in_every_process():
    text = text_of(ARTICLE)
    signature = dedup.Signature.of(text)
    assert dedup.Signature.from_bytes(signature.to_bytes()).band_keys() == signature.band_keys()
    other = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from clusterwatch.archive import dedup; "
            "print(dedup.Signature.of(sys.stdin.read()).band_keys())",
        ],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    )
    assert other.stdout.strip() == str(signature.band_keys())


def test_an_older_archive_gets_signatures_and_search_terms_for_its_articles(tmp_path):
    path = tmp_path / "archive.db"
    db = Database(path)
    migrations.apply(db, stop_before="m006_search")
    db["sources"].insert_all([{"name": name, "spider": name} for name in SOURCES])
    story = db["stories"].insert({"title": "Wizyta"}).last_pk
    db["articles"].insert(
        {"url": "https://pfrr.pl/wizyta/", "source": "pfrr", "story": story, "title": "Wizyta"}
        | {"text": text_of(ARTICLE), "content_hash": "old", "revision": 1}
    )
    db.close()

    upgraded = open_db(path)
    assert upgraded["lsh_bands"].count == dedup.BANDS
    assert upgraded["article_terms"].count == 1
    copy = ingest(upgraded, text_of(ARTICLE[:4]), "https://metalklaster.pl/w", "metalklaster")
    assert copy.story == story
