"""Generated news sites for benchmarks: realistic Polish article pages in the replica format.

``generate_site(root, articles=2000)`` writes a site that ``clusterwatch.replicas.ReplicaServer``
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


def article_paragraphs(rng: random.Random) -> list[str]:
    paragraphs = []
    for _ in range(rng.randint(4, 7)):
        sentences = [f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}."]
        sentences += rng.sample(DETAILS, rng.randint(3, 5))
        paragraphs.append(" ".join(sentences))
    return paragraphs


def page_html(title: str, body: str, canonical: str | None = None, article: bool = False) -> str:
    head = f'<meta charset="utf-8"><title>{escape(title)}</title>'
    if canonical:
        head += f'<link rel="canonical" href="{canonical}">'
    if article:
        head += '<meta property="og:type" content="article">'
    menu = (
        '<nav class="menu"><a href="/">Strona główna</a> <a href="/aktualnosci/">Aktualności</a> '
        '<a href="/kontakt/">Kontakt</a> <a href="/o-nas/">O nas</a></nav>'
    )
    footer = (
        '<footer><a href="/polityka-prywatnosci/">Polityka prywatności</a> · '
        "Zapisz się do newslettera</footer>"
    )
    return (
        f'<!DOCTYPE html><html lang="pl"><head>{head}</head>'
        f"<body>{menu}<main>{body}</main>{footer}</body></html>"
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


def site_config(server, workdir: Path, *, max_pages: int = 100_000, concurrency: int = 8) -> Path:
    """A configuration crawling the generated site with politeness limits lifted (benchmarks only)."""
    site = server.sites[0]
    path = workdir / "clusterwatch.toml"
    path.write_text(
        f"""[archive]
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
