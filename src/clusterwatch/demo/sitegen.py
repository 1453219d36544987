"""Generated news sites for benchmarks and tests at scale: realistic Polish article pages in the replica format.

``generate_site(root, articles=2000)`` writes a site that ``clusterwatch.demo.replicas.ReplicaServer``
serves: a home page, paginated listings (``/aktualnosci/page/N/``), article pages with
``og:type=article``, a date, 250–450 words of Polish text mentioning the monitored topics in
varied inflected forms, and a site menu.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from html import escape
from pathlib import Path

SUBJECTS = [
    "Podlaska Fundacja Rozwoju Regionalnego",
    "Wschodni Klaster Budowlany",
    "Klaster Obróbki Metali",
    "Urząd Marszałkowski Województwa Podlaskiego",
    "Ministerstwo Spraw Zagranicznych",
    "Izba Przemysłowo-Handlowa",
    "Uniwersytet w Białymstoku",
    "Politechnika Białostocka",
    "Agencja Rozwoju Przemysłu",
    "Polska Agencja Inwestycji",
]
VERBS = [
    "zorganizował",
    "przygotował",
    "podsumował",
    "ogłosił",
    "rozpoczął",
    "zakończył",
    "przedstawił",
    "omówił",
]
OBJECTS = [
    "program wsparcia dla małych i średnich przedsiębiorstw",
    "cykl szkoleń dla eksporterów",
    "konferencję o współpracy transgranicznej",
    "misję gospodarczą do Mińska",
    "seminarium w Grodnie",
    "projekt rozwoju inicjatyw klastrowych",
    "konkurs na innowacyjne produkty",
    "spotkanie z inwestorami z Białorusi",
    "warsztaty o zarządzaniu klastrem",
    "targi budowlane w Białymstoku",
    "forum przedsiębiorców z Brześcia i Homla",
]
DETAILS = [
    "Uczestnicy rozmawiali o barierach w handlu i o tym, jak je obniżyć.",
    "W spotkaniu wzięło udział ponad stu przedstawicieli firm i samorządów.",
    "Eksperci przedstawili doświadczenia polskich klastrów z ostatniej dekady.",
    "Partnerzy z Białorusi zapowiedzieli kolejne wizyty studyjne na Podlasiu.",
    "Przedsięwzięcie jest współfinansowane w ramach programu polskiej współpracy rozwojowej.",
    "Organizatorzy przygotowali też materiały w języku rosyjskim i angielskim.",
    "Szczegółowy harmonogram zostanie opublikowany w przyszłym tygodniu.",
    "Firmy członkowskie klastra podpisały list intencyjny o współpracy.",
    "Dyskusja dotyczyła także finansowania inwestycji z funduszy europejskich.",
    "W kolejnym roku planowane są podobne spotkania w Witebsku i Mohylewie.",
    "Zgłoszenia przyjmowane są do końca miesiąca za pośrednictwem formularza.",
    "Wśród tematów znalazły się cyfryzacja produkcji i efektywność energetyczna.",
]


_CHAIN: dict[str, list[str]] = {}


def word_chain() -> dict[str, list[str]]:
    """A first-order Markov chain of the words of the replica sites' Polish articles (our own
    text): generated sentences read like Polish news word by word, yet two articles share few
    longer sequences, as distinct news do."""
    if not _CHAIN:
        import re
        import tomllib

        from clusterwatch.paths import data_dir

        source = data_dir() / "demo-sites" / "_source"
        for path in sorted(source.glob("*.toml")):
            for article in tomllib.loads(path.read_text(encoding="utf-8"))["articles"]:
                if article.get("lang", "pl") != "pl":
                    continue
                words = re.findall(r"[\w„”\-–,.]+", article["body"])
                for first, second in zip(words, words[1:], strict=False):
                    _CHAIN.setdefault(first.lower(), []).append(second)
    return _CHAIN


def article_paragraphs(rng: random.Random) -> list[str]:
    """250–450 words of Polish news prose, each article its own."""
    chain = word_chain()
    starts = sorted(chain)
    paragraphs = []
    for _ in range(rng.randint(4, 6)):
        sentences = [f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}."]
        for _ in range(rng.randint(3, 5)):
            word = rng.choice(starts)
            sentence = [word]
            for _ in range(rng.randint(8, 18)):
                word = rng.choice(chain.get(word.lower().strip(",."), starts))
                sentence.append(word)
            sentences.append(" ".join(sentence).strip(",.").capitalize() + ".")
        paragraphs.append(" ".join(sentences))
    return paragraphs


def _chrome() -> tuple[str, str, str]:
    """What real pages carry around an article: a big menu, scripts, styles, a footer full of
    links, a cookie banner — about 45 kB, as on the monitored sites."""
    sections = [
        "Aktualności",
        "Projekty",
        "Szkolenia",
        "Pożyczki",
        "Doradztwo",
        "Współpraca",
        "Publikacje",
        "Kontakt",
    ]
    menu = "".join(
        f'<li><a href="/">{name}</a><ul>'
        + "".join(f'<li><a href="/">{name} – podstrona {n}</a></li>' for n in range(1, 13))
        + "</ul></li>"
        for name in sections
    )
    style = (
        "<style>"
        + "".join(f".c{n}{{margin:{n}px;padding:{n % 7}px;color:#{n:03x}}}" for n in range(700))
        + "</style>"
    )
    script = (
        "<script>window.__DATA__="
        + json.dumps({"items": [{"id": n, "label": f"pozycja {n}"} for n in range(500)]})
        + ";</script>"
    )
    footer = (
        '<footer><div class="cookies">Ta strona używa plików cookies. Korzystając z niej, zgadzasz się na ich użycie. '
        '<a href="/polityka-prywatnosci/">Polityka prywatności</a></div><ul>'
        + "".join(f'<li><a href="/">Partner {n}</a></li>' for n in range(40))
        + "</ul>Zapisz się do newslettera · © Fundacja</footer>"
    )
    teasers = "".join(
        f'<div class="col"><div class="card"><div class="card__media"><a href="/"><img src="/img/{n}.jpg" alt=""></a></div>'
        f'<div class="card__body"><span class="card__tag">Region</span><h3 class="card__title"><a href="/">Zapowiedź '
        f'wydarzenia numer {n} w regionie</a></h3><p class="card__lead">Krótka zapowiedź tekstu, który czeka na '
        f'czytelników w dziale aktualności.</p><span class="card__date">0{n % 9 + 1}.0{n % 9 + 1}.2020</span></div></div></div>'
        for n in range(45)
    )
    nav = (
        '<nav class="menu"><a href="/">Strona główna</a> <a href="/aktualnosci/">Aktualności</a> '
        f'<a href="/kontakt/">Kontakt</a> <a href="/o-nas/">O nas</a><ul class="mega">{menu}</ul></nav>'
    )
    footer = (
        f'<aside class="related"><h2>Polecamy</h2><div class="row">{teasers}</div></aside>' + footer
    )
    return style + script, nav, footer


HEAD_EXTRA, NAV, FOOTER = _chrome()


def page_html(title: str, body: str, canonical: str | None = None, article: bool = False) -> str:
    head = f'<meta charset="utf-8"><title>{escape(title)}</title>'
    if canonical:
        head += f'<link rel="canonical" href="{canonical}">'
    if article:
        head += '<meta property="og:type" content="article">'
    return (
        f'<!DOCTYPE html><html lang="pl"><head>{head}{HEAD_EXTRA}</head>'
        f"<body>{NAV}<main>{body}</main>{FOOTER}</body></html>"
    )


def generate_site(
    root: Path,
    articles: int = 2000,
    per_page: int = 20,
    seed: int = 7,
    base: str = "https://bench.example",
) -> dict:
    """Write the site into ``root`` and return a manifest of its article URLs."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    start = date(2015, 1, 1)
    items = []
    for number in range(articles):
        day = start + timedelta(days=number * 3650 // max(articles, 1))
        title = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} ({number})"
        items.append(
            {
                "slug": f"wpis-{number:05d}",
                "title": title,
                "date": day.isoformat(),
                "paragraphs": article_paragraphs(rng),
            }
        )
    items.reverse()  # newest first, as listings show them
    for index, item in enumerate(items):
        related = "".join(
            f'<li><a href="/aktualnosci/{r["slug"]}/">{escape(r["title"])}</a></li>'
            for r in items[index + 1 : index + 4]
        )
        body = (
            f'<article><h1>{escape(item["title"])}</h1><time datetime="{item["date"]}">{item["date"]}</time>'
            + "".join(f"<p>{escape(p)}</p>" for p in item["paragraphs"])
            + f"</article><aside><h3>Zobacz także</h3><ul>{related}</ul></aside>"
        )
        path = root / "aktualnosci" / item["slug"] / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        canonical = f"{base}/aktualnosci/{item['slug']}/"
        path.write_text(page_html(item["title"], body, canonical, article=True), encoding="utf-8")
    pages = [items[i : i + per_page] for i in range(0, len(items), per_page)]
    for number, chunk in enumerate(pages, start=1):
        links = "".join(
            f'<li><a href="/aktualnosci/{i["slug"]}/">{escape(i["title"])}</a> <span>{i["date"]}</span></li>'
            for i in chunk
        )
        nav = (
            f'<a rel="next" href="/aktualnosci/page/{number + 1}/">Następna »</a>'
            if number < len(pages)
            else ""
        )
        directory = root / "aktualnosci" / ("" if number == 1 else f"page/{number}")
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "index.html").write_text(
            page_html("Aktualności", f"<ul>{links}</ul>{nav}"), encoding="utf-8"
        )
    home = page_html("Strona główna", '<p>Witamy.</p><a href="/aktualnosci/">Aktualności</a>')
    (root / "index.html").write_text(home, encoding="utf-8")
    for name in ("kontakt", "o-nas", "polityka-prywatnosci"):
        (root / name).mkdir(exist_ok=True)
        (root / name / "index.html").write_text(
            page_html(name, "<p>ul. Przykładowa 1, Białystok</p>"), encoding="utf-8"
        )
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /wp-admin/\n", encoding="utf-8")
    (root / "_site.json").write_text(
        json.dumps({"source": "bench", "bases": [base]}), encoding="utf-8"
    )
    return {"articles": [f"{base}/aktualnosci/{i['slug']}/" for i in items]}


def site_config(
    server, workdir: Path, *, max_pages: int = 100_000, concurrency: int = 8, topics: bool = False
) -> Path:
    """A configuration crawling the generated site with politeness limits lifted (benchmarks
    only); with ``topics``, the alert topics the project ships (``data/topics.toml``), else
    none (an empty ``[topics]`` table turns alerts off)."""
    site = server.sites[0]
    path = workdir / "clusterwatch.toml"
    path.write_text(
        (_shipped_topics() if topics else "[topics]\n")  # an empty table: alerts off
        + f"""[archive]
path = "archive.db"
[crawl]
allow_private_addresses = ["127.0.0.1"]
download_delay = 0.0
autothrottle = false
concurrent_requests_per_domain = {concurrency}
max_pages = {max_pages}
[[sources]]
name = "bench"
start_urls = ["{site.local_base}/"]
""",
        encoding="utf-8",
    )
    return path


def _shipped_topics() -> str:
    """The ``[topics.*]`` tables of the shipped configuration, as TOML."""
    import tomli_w

    from clusterwatch.config import load_config
    from clusterwatch.paths import default_config_path

    shipped = load_config(default_config_path())
    topics = {
        name: {key: value for key, value in topic.model_dump().items() if value}
        for name, topic in shipped.topics.items()
    }
    return tomli_w.dumps({"topics": topics})


# chrome that a site repeats inside the article's own element, where no single-page rule can
# tell it from the text (see generate_chrome_site)
CHROME_SIDEBAR = [
    "Kalendarz spotkań członków klastra na najbliższy kwartał znajdziesz w zakładce wydarzeń.",
    "Biuro klastra jest czynne od poniedziałku do piątku w godzinach od ósmej do szesnastej.",
]
CHROME_RELATED = [
    "Jak przedsiębiorstwo może przystąpić do naszego klastra i co zyskuje",
    "Sprawozdanie z działalności stowarzyszenia za ubiegły rok obrotowy",
    "Zasady korzystania z sali konferencyjnej w siedzibie stowarzyszenia",
]
CHROME_SIGN_OFF = (
    "Redakcja serwisu klastra – uwagi i sprostowania prosimy przesyłać przez formularz."
)
CHROME_NOTICE = (
    "Materiał powstał w ramach projektu współfinansowanego ze środków Unii Europejskiej; "
    "treść wyraża wyłącznie poglądy autorów i nie może być utożsamiana z opinią Komisji."
)


def chrome_lines() -> list[str]:
    """The lines of chrome every page of :func:`generate_chrome_site` carries."""
    return [*CHROME_SIDEBAR, *CHROME_RELATED, CHROME_SIGN_OFF, CHROME_NOTICE]


def generate_chrome_site(
    root: Path, articles: int = 8, seed: int = 11, base: str = "https://chrome.example"
) -> dict:
    """Write a site (``source`` bench, as :func:`site_config` names it) whose article pages
    hold a sidebar, a box of related links, a notice and a sign-off inside the article's own
    element, the same on every page; return the article URLs with their paragraphs."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    start = date(2021, 3, 1)
    sidebar = "".join(f"<p>{escape(line)}</p>" for line in CHROME_SIDEBAR)
    related = "".join(f'<li><a href="/o-nas/">{escape(title)}</a></li>' for title in CHROME_RELATED)
    entries = []
    for number in range(articles):
        day = (start + timedelta(days=7 * number)).isoformat()
        title = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} ({number})"
        paragraphs = article_paragraphs(rng)
        slug = f"wpis-{number:03d}"
        body = (
            f'<article><h1>{escape(title)}</h1><time datetime="{day}">{day}</time>'
            f'<div class="kolumna-boczna">{sidebar}</div>'
            + "".join(f"<p>{escape(p)}</p>" for p in paragraphs[:2])
            + f'<div class="ramka"><p>{escape(CHROME_NOTICE)}</p></div>'
            + "".join(f"<p>{escape(p)}</p>" for p in paragraphs[2:])
            + f"<p>{escape(CHROME_SIGN_OFF)}</p>"
            + f'<div class="lista"><p>Warto wiedzieć</p><ul>{related}</ul></div></article>'
        )
        path = root / "aktualnosci" / slug / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        canonical = f"{base}/aktualnosci/{slug}/"
        path.write_text(page_html(title, body, canonical, article=True), encoding="utf-8")
        entries.append({"url": canonical, "title": title, "paragraphs": paragraphs})
    links = "".join(
        f'<li><a href="/aktualnosci/wpis-{n:03d}/">{escape(e["title"])}</a></li>'
        for n, e in enumerate(entries)
    )
    (root / "aktualnosci" / "index.html").write_text(
        page_html("Aktualności", f"<ul>{links}</ul>"), encoding="utf-8"
    )
    home = page_html("Strona główna", '<p>Witamy.</p><a href="/aktualnosci/">Aktualności</a>')
    (root / "index.html").write_text(home, encoding="utf-8")
    (root / "o-nas").mkdir(exist_ok=True)
    (root / "o-nas" / "index.html").write_text(
        page_html("O nas", "<p>ul. Przykładowa 1, Białystok</p>"), encoding="utf-8"
    )
    (root / "robots.txt").write_text("User-agent: *\n", encoding="utf-8")
    (root / "_site.json").write_text(
        json.dumps({"source": "bench", "bases": [base]}), encoding="utf-8"
    )
    return {"articles": entries}
