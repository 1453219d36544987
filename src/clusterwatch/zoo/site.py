"""How a zoo site (``clusterwatch.zoo.sites``) is written: pages by URL, sorted into the manifest's kinds.

A :class:`SiteBuilder` collects every page of one generated site under its real (``.example``)
URL with its kind (article, listing, feed, sitemap, other), then writes the directory that
``clusterwatch.demo.replicas.ReplicaServer`` serves: a file where the URL's path finds it, a route in
``_site.json`` for every URL with a query string (and for paths whose file would get a wrong
content type), and the manifest entry naming what the site holds. Also the small helpers the
families' templates share (escaping, RSS, sitemaps, story bodies).
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from email.utils import format_datetime
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from .text import Story

KINDS = ("articles", "listings", "feeds", "sitemaps", "other")
_KIND = {
    "article": "articles",
    "listing": "listings",
    "feed": "feeds",
    "sitemap": "sitemaps",
    "other": "other",
}


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def chunks(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


class SiteBuilder:
    """One generated site: its pages by real URL, and what the manifest says of them."""

    def __init__(
        self,
        shape: str,
        *,
        family: str,
        fold: str,
        languages: list[str],
        base: str,
        charset: str = "utf-8",
        notes: str = "",
    ):
        self.shape = shape
        self.family = family
        self.fold = fold
        self.languages = languages
        self.base = base.rstrip("/")
        self.charset = charset
        self.notes = notes
        self.pages: dict[str, tuple[str, str, bool]] = {}  # url -> (kind, body, is_xml)
        self.listed: dict[str, list[str]] = {}
        self.redirects: dict[str, str] = {}
        self.start_urls: list[str] = []
        self.robots: str | None = None

    def url(self, path: str) -> str:
        """The absolute real URL of a path on this site."""
        return self.base + path

    def add(
        self, url: str, kind: str, body: str, *, listed: list[str] | None = None, xml: bool = False
    ) -> None:
        if not url.startswith(self.base + "/"):
            url = self.url(url)
        url = url.split("#", 1)[0]
        if url in self.pages:
            raise ValueError(f"{self.shape}: {url} written twice")
        if kind not in _KIND:
            raise ValueError(kind)
        self.pages[url] = (kind, body, xml)
        if kind == "listing":
            self.listed[url] = list(listed or [])

    def redirect(self, path: str, target: str) -> None:
        self.redirects[path] = target

    # -- writing -----------------------------------------------------------------------------

    def write(self, root: Path) -> dict:
        """Write the site's directory; return its manifest entry."""
        root.mkdir(parents=True, exist_ok=True)
        routes: dict[str, str] = {}
        files: dict[str, str] = {}
        made: set[Path] = set()
        for number, (url, (_kind, body, xml)) in enumerate(self.pages.items()):
            file, route = self._file_for(url, xml, number)
            if file in files:
                raise ValueError(f"{self.shape}: {url} and {files[file]} share {file}")
            files[file] = url
            if route:
                routes[route] = file
            target = root / file
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            charset = "utf-8" if xml else self.charset
            target.write_bytes(body.encode(charset, errors="xmlcharrefreplace"))
        if self.robots is not None:
            (root / "robots.txt").write_text(self.robots, encoding="utf-8")
        spec = {
            "source": self.shape,
            "bases": [self.base],
            "charset": self.charset,
            "routes": routes,
            "redirects": self.redirects,
        }
        (root / "_site.json").write_text(
            json.dumps(spec, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        return self.manifest()

    def _file_for(self, url: str, xml: bool, number: int) -> tuple[str, str | None]:
        parts = urlsplit(url)
        path = parts.path or "/"
        routed = f"_routed/{number:04d}.{'xml' if xml else 'html'}"
        if parts.query:
            return routed, f"{path}?{parts.query}"
        last = path.rsplit("/", 1)[-1]
        if xml:
            return (path.lstrip("/"), None) if last.endswith(".xml") else (routed, path)
        if path.endswith("/"):
            return path.lstrip("/") + "index.html", None
        if last.endswith((".html", ".htm")):
            return path.lstrip("/"), None
        if "." not in last:
            return path.lstrip("/") + ".html", None
        return routed, path  # .php and the like: a route, so it is served as HTML

    def manifest(self) -> dict:
        entry: dict = {
            "family": self.family,
            "fold": self.fold,
            "languages": self.languages,
            "charset": self.charset,
            "base": self.base,
            "start_urls": self.start_urls,
        }
        for kind in KINDS:
            entry[kind] = []
        for url, (kind, _, _) in self.pages.items():
            entry[_KIND[kind]].append(url)
        entry["listed"] = self.listed
        entry["robots_txt"] = self.robots is not None
        if self.notes:
            entry["notes"] = self.notes
        return entry


# -- shared pieces ---------------------------------------------------------------------------


def story_html(
    story: Story,
    *,
    subhead: str = "h2",
    quote: str = "blockquote",
    br: bool = False,
    p_attrs: str = "",
) -> str:
    """A story's body as the family's editor writes it: paragraphs (or text separated by
    ``<br>`` pairs), subheads, lists and quotes."""
    out = []
    for kind, value in story.blocks:
        if kind == "h":
            out.append(f"<{subhead}>{esc(value)}</{subhead}>")
        elif kind == "ul":
            intro, items = value  # type: ignore[misc]
            lis = "".join(f"<li>{esc(i)}</li>" for i in items)
            out.append(f"<p{p_attrs}>{esc(intro)}</p><ul>{lis}</ul>")
        elif kind == "q" and quote:
            out.append(f"<{quote}><p>{esc(value)}</p></{quote}>")
        elif br:
            out.append(esc(value))
        else:
            out.append(f"<p{p_attrs}>{esc(value)}</p>")
    return ("<br>\n<br>\n" if br else "\n").join(out)


def excerpt_html(story: Story, words: int) -> str:
    """The start of a story in whole paragraphs and sentences, at least ``words`` words."""
    text = story.excerpt(words)
    out, rest = [], text
    for paragraph in story.paragraphs():
        if not rest:
            break
        if rest.startswith(paragraph):
            out.append(paragraph)
            rest = rest[len(paragraph) :].lstrip()
        else:
            out.append(rest)
            rest = ""
    return "".join(f"<p>{esc(p)}</p>" for p in out)


def rfc822(day: date, hour: int = 9, minute: int = 0) -> str:
    return format_datetime(datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC))


def rss(
    title: str, link: str, description: str, lang: str, items: list[dict], *, extra_ns: str = ""
) -> str:
    """An RSS 2.0 channel; items: ``title``, ``link``, ``day``, ``description``, optionally
    ``guid``, ``category``, ``creator``, ``content``, ``comments``."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        f'xmlns:atom="http://www.w3.org/2005/Atom"{extra_ns}>\n<channel>\n'
        f"<title>{esc(title)}</title>\n<link>{esc(link)}</link>\n"
        f"<description>{esc(description)}</description>\n<language>{lang}</language>\n"
    ]
    if items:
        parts.append(f"<lastBuildDate>{rfc822(items[0]['day'], 12)}</lastBuildDate>\n")
    for item in items:
        parts.append("<item>\n")
        parts.append(f"<title>{esc(item['title'])}</title>\n<link>{esc(item['link'])}</link>\n")
        if item.get("comments"):
            parts.append(f"<comments>{esc(item['comments'])}</comments>\n")
        if item.get("creator"):
            parts.append(f"<dc:creator><![CDATA[{item['creator']}]]></dc:creator>\n")
        parts.append(f"<pubDate>{rfc822(item['day'], item.get('hour', 9))}</pubDate>\n")
        if item.get("category"):
            parts.append(f"<category><![CDATA[{item['category']}]]></category>\n")
        guid = item.get("guid", item["link"])
        permalink = "true" if guid == item["link"] else "false"
        parts.append(f'<guid isPermaLink="{permalink}">{esc(guid)}</guid>\n')
        parts.append(f"<description><![CDATA[{item['description']}]]></description>\n")
        if item.get("content"):
            parts.append(f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>\n")
        parts.append("</item>\n")
    parts.append("</channel>\n</rss>\n")
    return "".join(parts)


def urlset(entries: list[tuple[str, date | None]], *, alternates: dict | None = None) -> str:
    """A sitemap of (url, lastmod) pairs; ``alternates``: url -> {lang: url} (hreflang)."""
    ns = ' xmlns:xhtml="http://www.w3.org/1999/xhtml"' if alternates else ""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"{ns}>\n'
    ]
    for url, lastmod in entries:
        out.append(f"<url><loc>{esc(url)}</loc>")
        if lastmod:
            out.append(f"<lastmod>{lastmod.isoformat()}</lastmod>")
        for lang, other in (alternates or {}).get(url, {}).items():
            out.append(f'<xhtml:link rel="alternate" hreflang="{lang}" href="{esc(other)}"/>')
        out.append("</url>\n")
    out.append("</urlset>\n")
    return "".join(out)


def sitemap_index(entries: list[tuple[str, date | None]]) -> str:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    ]
    for url, lastmod in entries:
        out.append(f"<sitemap><loc>{esc(url)}</loc>")
        if lastmod:
            out.append(f"<lastmod>{lastmod.isoformat()}</lastmod>")
        out.append("</sitemap>\n")
    out.append("</sitemapindex>\n")
    return "".join(out)


LEGAL = {
    "pl": {
        "privacy": [
            "Administratorem danych osobowych jest {owner}.",
            "Dane przetwarzamy wyłącznie w celu odpowiedzi na zapytania i realizacji projektów.",
            "Każdej osobie przysługuje prawo dostępu do swoich danych, ich poprawiania i usunięcia.",
            "Strona używa plików cookies wyłącznie do celów statystycznych.",
        ],
        "accessibility": [
            "{owner} zobowiązuje się zapewnić dostępność swojej strony internetowej zgodnie z "
            "ustawą o dostępności cyfrowej.",
            "Strona jest częściowo zgodna z wymaganiami WCAG 2.1.",
            "Niektóre archiwalne dokumenty nie mają wersji dostępnej.",
            "Uwagi prosimy zgłaszać na adres {email}.",
        ],
        "contact": (
            "Adres",
            "Telefon",
            "E-mail",
            "Biuro czynne od poniedziałku do piątku w godz. 8:00–16:00.",
        ),
    },
    "ru": {
        "privacy": [
            "Оператором персональных данных является {owner}.",
            "Мы обрабатываем данные только для ответа на обращения и реализации проектов.",
            "Каждый может запросить доступ к своим данным, их исправление или удаление.",
            "Сайт использует файлы cookie только для сбора статистики.",
        ],
        "accessibility": [
            "Мы стремимся сделать сайт доступным для всех пользователей, в том числе для людей "
            "с нарушениями зрения.",
            "Версия для слабовидящих доступна по кнопке в шапке сайта.",
            "Замечания о доступности просим направлять на {email}.",
        ],
        "contact": (
            "Адрес",
            "Телефон",
            "E-mail",
            "Офис работает с понедельника по пятницу с 9:00 до 17:00.",
        ),
    },
    "be": {
        "privacy": [
            "Аператарам персанальных даных з'яўляецца {owner}.",
            "Мы апрацоўваем даныя толькі для адказу на звароты і рэалізацыі праектаў.",
            "Кожны можа запытаць доступ да сваіх даных, іх выпраўленне або выдаленне.",
            "Сайт выкарыстоўвае файлы cookie толькі для збору статыстыкі.",
        ],
        "accessibility": [
            "Мы імкнёмся зрабіць сайт даступным для ўсіх карыстальнікаў, у тым ліку для людзей "
            "з парушэннямі зроку.",
            "Версія для людзей са слабым зрокам даступная па кнопцы ў шапцы сайта.",
            "Заўвагі пра даступнасць просім дасылаць на {email}.",
        ],
        "contact": (
            "Адрас",
            "Тэлефон",
            "E-mail",
            "Офіс працуе з панядзелка па пятніцу з 9:00 да 17:00.",
        ),
    },
    "uk": {
        "privacy": [
            "Розпорядником персональних даних є {owner}.",
            "Ми обробляємо дані лише для відповіді на звернення та реалізації проєктів.",
            "Кожен може запросити доступ до своїх даних, їх виправлення або видалення.",
            "Сайт використовує файли cookie лише для збору статистики.",
        ],
        "accessibility": [
            "Ми прагнемо зробити сайт доступним для всіх користувачів, зокрема для людей з "
            "порушеннями зору.",
            "Версія для людей зі слабким зором доступна за кнопкою в шапці сайту.",
            "Зауваження щодо доступності просимо надсилати на {email}.",
        ],
        "contact": (
            "Адреса",
            "Телефон",
            "E-mail",
            "Офіс працює з понеділка по п'ятницю з 9:00 до 17:00.",
        ),
    },
    "en": {
        "privacy": [
            "The controller of personal data is {owner}.",
            "We process data only to answer enquiries and to run our projects.",
            "Everyone may ask to see, correct or delete their data.",
            "The site uses cookies for statistics only.",
        ],
        "accessibility": [
            "We want this website to be usable by everyone, including people with visual "
            "impairments.",
            "The site partly meets WCAG 2.1.",
            "Please send remarks on accessibility to {email}.",
        ],
        "contact": (
            "Address",
            "Phone",
            "E-mail",
            "The office is open Monday to Friday, 9:00–17:00.",
        ),
    },
}


def legal_html(lang: str, which: str, owner: str, email: str) -> str:
    text = [s.format(owner=owner, email=email) for s in LEGAL[lang][which]]
    return "".join(f"<p>{esc(s)}</p>" for s in text)


def contact_html(lang: str, address: str, phone: str, email: str, tag: str = "p") -> str:
    label_address, label_phone, label_email, hours = LEGAL[lang]["contact"]
    return (
        f"<{tag}><strong>{label_address}:</strong> {esc(address)}</{tag}>"
        f"<{tag}><strong>{label_phone}:</strong> {esc(phone)}</{tag}>"
        f'<{tag}><strong>{label_email}:</strong> <a href="mailto:{esc(email)}">{esc(email)}'
        f"</a></{tag}><{tag}>{esc(hours)}</{tag}>"
    )
