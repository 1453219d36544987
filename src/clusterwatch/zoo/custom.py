"""Zoo sites of custom and small-scale families (``clusterwatch.zoo.sites``).

An old PHP site in windows-1250, a static site with numbered pages, a multilingual
association, a news agency without feed or sitemap, a site whose listings carry near-complete
articles, and a municipality with events and a calendar.

Our own markup and text, in the structures such sites commonly have (see ``clusterwatch.zoo.sites``).
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

from .site import (
    SiteBuilder,
    chunks,
    contact_html,
    esc,
    excerpt_html,
    legal_html,
    rss,
    story_html,
    urlset,
)
from .text import EVENTS, GALLERY, PL, Facts, Story, Writer, long_date, slugify


def _domain(site: SiteBuilder) -> str:
    return site.base.split("://", 1)[1].removeprefix("www.")


def _dmy(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def _pick(stories: list[Story], story: Story, rng: random.Random, count: int) -> list[Story]:
    others = [s for s in stories if s is not story]
    return rng.sample(others, min(count, len(others)))


def _assign_tags(
    stories: list[Story], tags: list[tuple[str, str]], rng: random.Random, cap: int = 12
) -> None:
    """One or two tags a story, no tag on more than ``cap`` stories (a tag page is one page)."""
    used = {slug: 0 for slug, _ in tags}
    for story in stories:
        free = [t for t in tags if used[t[0]] < cap]
        chosen = rng.sample(free, min(len(free), rng.randint(1, 2)))
        for slug, _ in chosen:
            used[slug] += 1
        story.meta["tags"] = chosen


# -- old custom PHP, windows-1250 (pl) ---------------------------------------------------------


def oldphp(site: SiteBuilder, rng: random.Random) -> None:
    """A 2000s association site: table layout, ``news.php?id=``, static pages at
    ``index.php?art=N&lang=pl``, windows-1250 declared in a meta http-equiv."""
    owner = (
        "Stowarzyszenie Przedsiębiorców Ziemi Augustowskiej",
        "Stowarzyszenia Przedsiębiorców Ziemi Augustowskiej",
        "n",
    )
    email = f"spza@{_domain(site)}"
    writer = Writer("pl", rng, owner=owner, email=email)
    stories = writer.stories(rng.randint(24, 34), date(2014, 6, 10), gap=(4, 21), words=(120, 350))
    number = 0
    for story in reversed(stories):
        number += 1 if rng.random() < 0.8 else 2
        story.meta["id"] = number
        story.meta["url"] = site.url(f"/news.php?id={number}")
        story.meta["br"] = rng.random() < 0.6
    u = site.url
    short = "SPZA"
    statics = {
        1: ("O stowarzyszeniu", "pl"),
        2: ("Statut", "pl"),
        3: ("Członkowie", "pl"),
        4: ("Projekty", "pl"),
        5: ("Kontakt", "pl"),
        7: ("Ochrona danych osobowych", "pl"),
        8: ("Deklaracja dostępności", "pl"),
    }

    def art(n: int, lang: str = "pl") -> str:
        return f"index.php?art={n}&amp;lang={lang}"

    def layout(title: str, content: str) -> str:
        latest = "".join(
            f'<tr><td class="lewa_news"><span class="data_mala">{_dmy(s.day)}</span><br>'
            f'<a href="news.php?id={s.meta["id"]}" class="link_lewy">{esc(s.title)}</a></td></tr>'
            for s in stories[:5]
        )
        return (
            '<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; '
            'charset=windows-1250">\n'
            f"<title>{short} - {esc(title)}</title>\n"
            '<link rel="stylesheet" href="style.css" type="text/css">\n</head>\n'
            '<body bgcolor="#FFFFFF" leftmargin="0" topmargin="0" marginwidth="0" '
            'marginheight="0">\n<table width="800" border="0" cellspacing="0" cellpadding="0" '
            'align="center">\n<tr><td colspan="2"><a href="index.php"><img src="img/naglowek.jpg"'
            f' width="800" height="120" border="0" alt="{esc(owner[0])}"></a></td></tr>\n'
            '<tr><td colspan="2" class="menu_gora" bgcolor="#336699">&nbsp;'
            '<a href="index.php" class="menu">Strona główna</a> | '
            '<a href="news.php" class="menu">Aktualności</a> | '
            f'<a href="{art(1)}" class="menu">O nas</a> | '
            f'<a href="{art(3)}" class="menu">Członkowie</a> | '
            f'<a href="{art(4)}" class="menu">Projekty</a> | '
            f'<a href="{art(5)}" class="menu">Kontakt</a> | '
            f'<a href="{art(1, "en")}" class="menu">English</a></td></tr>\n'
            '<tr><td width="180" valign="top" class="lewa" bgcolor="#EEEEEE">'
            '<table width="100%" border="0" cellpadding="4" cellspacing="0">'
            '<tr><td class="naglowek_lewy"><b>Ostatnie wiadomości</b></td></tr>'
            f"{latest}</table></td>\n"
            f'<td width="620" valign="top" class="tresc">{content}</td></tr>\n'
            '<tr><td colspan="2" class="stopka" align="center"><font size="1">'
            f'<a href="{art(7)}">Ochrona danych osobowych</a> | <a href="{art(8)}">Deklaracja '
            f'dostępności</a> | <a href="{art(5)}">Kontakt</a> | '
            '<a href="http://www.facebook.example/spza.augustow" target="_blank">Facebook</a>'
            f"<br>&copy; 2004-2014 {esc(owner[0])}<br>Projekt i wykonanie: "
            '<a href="http://www.webstudio-augustow.example" target="_blank">WebStudio</a>'
            "</font></td></tr>\n</table>\n</body>\n</html>\n"
        )

    per = 8
    pages = chunks(stories, per)
    for page_number, chunk in enumerate(pages, start=1):
        rows = "".join(
            f'<tr><td class="news_data" width="80" valign="top">{_dmy(s.day)}</td>'
            f'<td class="news_tytul"><a href="news.php?id={s.meta["id"]}"><b>{esc(s.title)}</b>'
            '</a></td></tr><tr><td>&nbsp;</td><td class="news_skrot">'
            f'{esc(s.lead(2))} <a href="news.php?id={s.meta["id"]}">więcej &raquo;</a></td></tr>'
            '<tr><td colspan="2"><hr size="1" color="#CCCCCC"></td></tr>'
            for s in chunk
        )
        links = " ".join(
            f"<b>[{n}]</b>" if n == page_number else f'<a href="news.php?page={n}">{n}</a>'
            for n in range(1, len(pages) + 1)
        )
        if page_number < len(pages):
            links += f' <a href="news.php?page={page_number + 1}">Dalej &raquo;</a>'
        content = (
            '<table width="100%" border="0" cellpadding="5" cellspacing="0">'
            '<tr><td colspan="2" class="tytul_strony"><b>Aktualności</b></td></tr>'
            f'{rows}<tr><td colspan="2" align="center" class="strony">Strony: {links}</td></tr>'
            "</table>"
        )
        path = "/news.php" if page_number == 1 else f"/news.php?page={page_number}"
        site.add(path, "listing", layout("Aktualności", content), listed=[s.url for s in chunk])
    for story in stories:
        text = (
            story_html(story, subhead="b", quote="", br=True)
            if story.meta["br"]
            else story_html(story, subhead="b", quote="", p_attrs=' align="justify"')
        )
        content = (
            '<table width="100%" border="0" cellpadding="5" cellspacing="0">'
            f'<tr><td class="tytul_newsa"><b>{esc(story.title)}</b></td></tr>'
            f'<tr><td class="data">Dodano: {_dmy(story.day)}</td></tr>'
            f'<tr><td class="tresc_newsa">{text}</td></tr></table><br>'
            '<a href="news.php">&laquo; powrót</a> | '
            f'<a href="drukuj.php?id={story.meta["id"]}" target="_blank">wersja do druku</a> | '
            f'<a href="http://www.facebook.example/sharer.php?u={story.url}" target="_blank">'
            "poleć na Facebooku</a><br><br><b>Zobacz także:</b><br>"
            + "".join(
                f'&raquo; <a href="news.php?id={s.meta["id"]}">{esc(s.title)}</a><br>'
                for s in _pick(stories, story, rng, rng.randint(3, 4))
            )
        )
        site.add(story.url, "article", layout(story.title, content))
        printed = (
            '<html><head><meta http-equiv="Content-Type" content="text/html; '
            f'charset=windows-1250"><title>{esc(story.title)}</title></head>'
            f'<body onload="window.print()"><b>{esc(story.title)}</b><br>{_dmy(story.day)}'
            f"<br><br>{story_html(story, subhead='b', quote='', br=True)}<br><br>"
            f"<i>{esc(owner[0])}</i></body></html>"
        )
        site.add(f"/drukuj.php?id={story.meta['id']}", "other", printed)
    members = "".join(f"<li>{esc(o[0])}</li>" for o in PL["orgs"][:8])
    bodies = {
        1: "".join(f'<p align="justify">{esc(p)}</p>' for p in writer.about()),
        2: "<p>Statut Stowarzyszenia został uchwalony przez Walne Zebranie Członków. "
        "Tekst jednolity jest dostępny w biurze stowarzyszenia.</p>"
        "<p>§ 1. Stowarzyszenie działa na terenie Rzeczypospolitej Polskiej.</p>"
        "<p>§ 2. Siedzibą Stowarzyszenia jest miasto Augustów.</p>",
        3: f"<p>Członkami Stowarzyszenia są m.in.:</p><ul>{members}</ul>",
        4: "".join(f'<p align="justify">{esc(p)}</p>' for p in writer.about((100, 180))),
        5: contact_html("pl", "ul. Rynek Zygmunta Augusta 3, 16-300 Augustów", writer.phone, email),
        7: legal_html("pl", "privacy", owner[0], email),
        8: legal_html("pl", "accessibility", owner[0], email),
    }
    for n, (title, _) in statics.items():
        content = (
            '<table width="100%" border="0" cellpadding="5"><tr><td class="tytul_strony">'
            f'<b>{esc(title)}</b></td></tr><tr><td class="tresc_strony">{bodies[n]}</td></tr>'
            "</table>"
        )
        site.add(f"/index.php?art={n}&lang=pl", "other", layout(title, content))
    site.add(
        "/index.php?art=1&lang=en",
        "other",
        layout(
            "About us",
            '<table width="100%"><tr><td class="tytul_strony"><b>About us</b></td></tr><tr><td>'
            "<p>The association brings together entrepreneurs of the Augustów region. We organise "
            "training, trade missions and meetings with partners from Lithuania and Belarus.</p>"
            "<p>Most of our website is available in Polish only.</p></td></tr></table>",
        ),
    )
    home = (
        '<table width="100%" cellpadding="5"><tr><td class="tytul_strony"><b>Witamy</b></td></tr>'
        f'<tr><td><p align="justify">{esc(writer.about((60, 90))[0])}</p></td></tr>'
        '<tr><td class="naglowek"><b>Najnowsze wiadomości</b></td></tr>'
        + "".join(
            f'<tr><td>&raquo; <a href="news.php?id={s.meta["id"]}">{esc(s.title)}</a> '
            f"({_dmy(s.day)})</td></tr>"
            for s in stories[:5]
        )
        + "</table>"
    )
    page = layout("Strona główna", home)
    site.add("/index.php", "other", page)
    site.add("/", "other", page)
    site.start_urls = [u("/news.php")]


# -- static site with numbered pages (en) ------------------------------------------------------


def static(site: SiteBuilder, rng: random.Random) -> None:
    """A hand-kept static site: ``/news/12.html``, ``/news/index2.html``, a gallery and a month
    calendar whose first and last pages link months that do not exist; a stale sitemap."""
    owner = ("The Bug River Business Network", "the Bug River Business Network", "n")
    email = f"info@{_domain(site)}"
    writer = Writer("en", rng, owner=owner, email=email)
    stories = writer.stories(rng.randint(24, 36), date(2016, 11, 3), gap=(4, 15), words=(120, 320))
    for n, story in enumerate(reversed(stories), start=1):
        story.meta["n"] = n
        story.meta["url"] = site.url(f"/news/{n}.html")
    name = "Bug River Business Network"
    u = site.url
    months = [(2016, m) for m in range(1, 13)]
    events = EVENTS["en"]

    def layout(
        title: str, content: str, up: str, crumbs: list[tuple[str, str]] | None = None
    ) -> str:
        nav = "".join(
            f'<li><a href="{up}{p}">{label}</a></li>'
            for p, label in (
                ("index.html", "Home"),
                ("news/index.html", "News"),
                ("about.html", "About us"),
                ("members.html", "Members"),
                ("events/2016-11.html", "Events"),
                ("gallery/index.html", "Gallery"),
                ("contact.html", "Contact"),
            )
        )
        latest = "".join(
            f'<li><a href="{up}news/{s.meta["n"]}.html">{esc(s.title)}</a></li>'
            for s in stories[:4]
        )
        trail = ""
        if crumbs:
            trail = (
                '<p class="crumbs">'
                + " &gt; ".join(f'<a href="{h}">{esc(label)}</a>' for h, label in crumbs)
                + f" &gt; {esc(title)}</p>"
            )
        return (
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
            '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">\n<head>\n'
            '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />\n'
            f"<title>{esc(title)} - {name}</title>\n"
            f'<link rel="stylesheet" type="text/css" href="{up}css/style.css" />\n</head>\n'
            f'<body>\n<div id="wrap"><div id="header"><h1><a href="{up}index.html">{name}</a>'
            '</h1><p class="tagline">Linking businesses on both banks of the Bug</p></div>'
            f'<div id="nav"><ul>{nav}</ul></div><div id="content">{trail}{content}</div>'
            f'<div id="sidebar"><h3>Latest news</h3><ul>{latest}</ul></div>'
            f'<div id="footer"><a href="{up}privacy.html">Privacy</a> | '
            f'<a href="{up}accessibility.html">Accessibility</a> | '
            f'<a href="{up}contact.html">Contact</a> | '
            '<a href="https://www.facebook.example/bugrivernetwork">Facebook</a> | '
            '<a href="https://www.linkedin.example/company/bug-river-network">LinkedIn</a>'
            f"<br />&copy; 2009-2016 {name}</div></div>\n</body>\n</html>\n"
        )

    per = 10
    pages = chunks(stories, per)

    def index_name(n: int) -> str:
        return "index.html" if n == 1 else f"index{n}.html"

    for number, chunk in enumerate(pages, start=1):
        items = "".join(
            f'<dt><a href="{s.meta["n"]}.html">{esc(s.title)}</a> <span class="date">'
            f'{s.day.isoformat()}</span></dt><dd>{esc(s.lead(1))} <a href="{s.meta["n"]}.html">'
            "more&hellip;</a></dd>"
            for s in chunk
        )
        links = " ".join(
            f"<strong>{n}</strong>" if n == number else f'<a href="{index_name(n)}">{n}</a>'
            for n in range(1, len(pages) + 1)
        )
        content = (
            f'<h2>News</h2><dl class="newslist">{items}</dl><p class="pages">Pages: {links}</p>'
        )
        site.add(
            f"/news/{index_name(number)}",
            "listing",
            layout("News", content, "../", [("../index.html", "Home")]),
            listed=[s.url for s in chunk],
        )
    for story in stories:
        n = story.meta["n"]
        related = "".join(
            f'<li><a href="{s.meta["n"]}.html">{esc(s.title)}</a></li>'
            for s in _pick(stories, story, rng, rng.randint(3, 4))
        )
        content = (
            f'<h2>{esc(story.title)}</h2><p class="date">Posted {story.day.isoformat()}</p>'
            f"{story_html(story, subhead='h3')}"
            '<p class="back"><a href="index.html">&laquo; Back to news</a></p>'
            f'<div class="related"><h3>See also</h3><ul>{related}</ul></div>'
            '<p class="share">Share: <a href="https://www.facebook.example/sharer/sharer.php?u='
            f'{story.url}">Facebook</a> | <a href="https://x.example/share?url={story.url}">X</a>'
            "</p>"
        )
        site.add(
            f"/news/{n}.html",
            "article",
            layout(
                story.title, content, "../", [("../index.html", "Home"), ("index.html", "News")]
            ),
        )
    # gallery
    galleries = []
    for g in range(1, 7):
        facts = Facts.draw(rng)
        title = writer.render("{event_cap} {place_loc}", facts)
        captions = rng.sample(GALLERY["en"], rng.randint(4, 7))
        galleries.append(title)
        figures = "".join(
            f'<div class="figure"><img src="img/{g}-{i + 1}.jpg" width="300" height="200" '
            f'alt="{esc(c)}" /><p class="caption">{esc(c)}</p></div>'
            for i, c in enumerate(captions)
        )
        prev_next = " | ".join(
            f'<a href="{x}.html">{label}</a>'
            for x, label in ((g - 1, "&laquo; Previous"), (g + 1, "Next &raquo;"))
            if 1 <= x <= 6
        )
        site.add(
            f"/gallery/{g}.html",
            "other",
            layout(
                title,
                f"<h2>{esc(title)}</h2>{figures}<p>{prev_next}</p>",
                "../",
                [("../index.html", "Home"), ("index.html", "Gallery")],
            ),
        )
    site.add(
        "/gallery/index.html",
        "other",
        layout(
            "Gallery",
            "<h2>Gallery</h2><ul>"
            + "".join(
                f'<li><a href="{g}.html">{esc(t)}</a></li>' for g, t in enumerate(galleries, 1)
            )
            + "</ul>",
            "../",
            [("../index.html", "Home")],
        ),
    )
    # calendar
    for year, month in months:
        first = date(year, month, 1)
        days = ((first.replace(day=28) + timedelta(days=4)).replace(day=1) - first).days
        happenings = {
            rng.randint(1, days): (rng.choice(events["titles"]), rng.choice(events["places"]))
            for _ in range(rng.randint(1, 3))
        }
        cells, row = [], ["<td></td>"] * first.weekday()
        for d in range(1, days + 1):
            what = happenings.get(d)
            cell = (
                f"<td><b>{d}</b>"
                + (
                    f'<br /><span class="event">{esc(what[0])}<br /><i>{esc(what[1])}</i></span>'
                    if what
                    else ""
                )
                + "</td>"
            )
            row.append(cell)
            if len(row) == 7:
                cells.append("<tr>" + "".join(row) + "</tr>")
                row = []
        if row:
            cells.append("<tr>" + "".join(row) + "</tr>")
        prev_month = date(year, month, 1) - timedelta(days=1)
        next_month = date(year, month, days) + timedelta(days=1)
        label = f"{writer.pack['months'][month - 1]} {year}"
        content = (
            f"<h2>Events: {label}</h2>"
            f'<p class="months"><a href="{prev_month:%Y-%m}.html">&laquo; '
            f"{writer.pack['months'][prev_month.month - 1]}</a> | "
            f'<a href="{next_month:%Y-%m}.html">{writer.pack["months"][next_month.month - 1]}'
            " &raquo;</a></p>"
            '<table class="calendar" border="1" cellspacing="0"><tr><th>Mon</th><th>Tue</th>'
            "<th>Wed</th><th>Thu</th><th>Fri</th><th>Sat</th><th>Sun</th></tr>"
            + "".join(cells)
            + "</table>"
            + "".join(f'<p class="note">{esc(s)}</p>' for s in rng.sample(events["sentences"], 2))
        )
        site.add(
            f"/events/{year}-{month:02d}.html",
            "other",
            layout(f"Events {label}", content, "../", [("../index.html", "Home")]),
        )
    address = "14 Lipowa Street, 15-424 Białystok, Poland"
    statics = {
        "about": ("About us", "".join(f"<p>{esc(p)}</p>" for p in writer.about())),
        "members": (
            "Members",
            "<ul>"
            + "".join(f"<li>{esc(o[0].removeprefix('the '))}</li>" for o in writer.pack["orgs"][:9])
            + "</ul>",
        ),
        "contact": ("Contact", contact_html("en", address, writer.phone, email)),
        "privacy": ("Privacy", legal_html("en", "privacy", name, email)),
        "accessibility": ("Accessibility", legal_html("en", "accessibility", name, email)),
    }
    for key, (title, content) in statics.items():
        site.add(
            f"/{key}.html",
            "other",
            layout(title, f"<h2>{esc(title)}</h2>{content}", "", [("index.html", "Home")]),
        )
    home = (
        f"<h2>Welcome</h2><p>{esc(writer.about((60, 90))[0])}</p><h3>Recent news</h3><ul>"
        + "".join(
            f'<li><a href="news/{s.meta["n"]}.html">{esc(s.title)}</a> ({s.day.isoformat()})</li>'
            for s in stories[:3]
        )
        + "</ul>"
    )
    site.add("/index.html", "other", layout("Home", home, ""))
    stale = [(s.url, s.day) for s in stories[4:]]  # not regenerated since four posts ago
    listed = [(u(f"/news/{index_name(n)}"), None) for n in range(1, len(pages) + 1)]
    static_urls = [(u(f"/{k}.html"), None) for k in statics] + [(u("/index.html"), None)]
    site.add("/sitemap.xml", "sitemap", urlset(static_urls + listed + stale), xml=True)
    site.robots = f"User-agent: *\nDisallow:\n\nSitemap: {u('/sitemap.xml')}\n"
    site.start_urls = [u("/news/index.html")]


# -- multilingual association (pl, ru, be, en) -------------------------------------------------


LOCALES = {"pl": "pl_PL", "ru": "ru_RU", "be": "be_BY", "en": "en_GB"}
MULTI = {
    "pl": {
        "owner": (
            "Stowarzyszenie Inicjatyw Transgranicznych",
            "Stowarzyszenia Inicjatyw Transgranicznych",
            "n",
        ),
        "news": ("aktualnosci", "Aktualności"),
        "about": ("o-stowarzyszeniu", "O stowarzyszeniu"),
        "contact": ("kontakt", "Kontakt"),
        "projects": ("projekty", "Projekty"),
        "privacy": ("polityka-prywatnosci", "Polityka prywatności"),
        "access": ("deklaracja-dostepnosci", "Deklaracja dostępności"),
        "home": "Strona główna",
        "next": "Następna",
        "prev": "Poprzednia",
        "latest": "Najnowsze",
        "more": "Czytaj więcej",
        "related": "Zobacz też",
        "address": "ul. Lipowa 14, 15-424 Białystok",
    },
    "ru": {
        "owner": (
            "Ассоциация трансграничных инициатив",
            "Ассоциации трансграничных инициатив",
            "f",
        ),
        "news": ("novosti", "Новости"),
        "about": ("ob-associacii", "Об ассоциации"),
        "contact": ("kontakty", "Контакты"),
        "projects": ("proekty", "Проекты"),
        "privacy": ("politika-konfidencialnosti", "Политика конфиденциальности"),
        "access": ("dostupnost", "Доступность сайта"),
        "home": "Главная",
        "next": "Следующая",
        "prev": "Предыдущая",
        "latest": "Последние новости",
        "more": "Читать далее",
        "related": "Читайте также",
        "address": "ул. Липовая 14, 15-424 Белосток, Польша",
    },
    "be": {
        "owner": (
            "Асацыяцыя трансгранічных ініцыятыў",
            "Асацыяцыі трансгранічных ініцыятыў",
            "f",
        ),
        "news": ("naviny", "Навіны"),
        "about": ("pra-asacyyacyyu", "Пра асацыяцыю"),
        "contact": ("kantakty", "Кантакты"),
        "projects": ("praekty", "Праекты"),
        "privacy": ("palityka-kanfidencyyalnasci", "Палітыка канфідэнцыяльнасці"),
        "access": ("dastupnasc", "Даступнасць сайта"),
        "home": "Галоўная",
        "next": "Наступная",
        "prev": "Папярэдняя",
        "latest": "Апошнія навіны",
        "more": "Чытаць далей",
        "related": "Чытайце таксама",
        "address": "вул. Ліпавая 14, 15-424 Беласток, Польшча",
    },
    "en": {
        "owner": (
            "The Cross-Border Initiatives Association",
            "the Cross-Border Initiatives Association",
            "n",
        ),
        "news": ("news", "News"),
        "about": ("about", "About us"),
        "contact": ("contact", "Contact"),
        "projects": ("projects", "Projects"),
        "privacy": ("privacy-policy", "Privacy policy"),
        "access": ("accessibility", "Accessibility"),
        "home": "Home",
        "next": "Next",
        "prev": "Previous",
        "latest": "Latest news",
        "more": "Read more",
        "related": "See also",
        "address": "14 Lipowa Street, 15-424 Białystok, Poland",
    },
}


def multilingual(site: SiteBuilder, rng: random.Random) -> None:
    """An association in four languages: each story in some of them, a language switcher
    linking translations (or the language's home when there is none), hreflang everywhere."""
    langs = ["pl", "ru", "be", "en"]
    email = f"biuro@{_domain(site)}"
    writers = {
        lang: Writer(lang, random.Random(rng.random()), owner=MULTI[lang]["owner"], email=email)
        for lang in langs
    }
    odds = {"pl": 0.85, "ru": 0.6, "be": 0.5, "en": 0.55}
    plans: list[tuple[date, Facts, list[str]]] = []
    day = date(2021, 3, 5)
    for _ in range(rng.randint(14, 17)):
        chosen = [lang for lang in langs if rng.random() < odds[lang]] or ["pl"]
        plans.append((day, Facts.draw(rng), chosen))
        day -= timedelta(days=rng.randint(4, 16))
    total = sum(len(c) for _, _, c in plans)
    while total < 24:  # at least two dozen articles
        _, _, chosen = rng.choice(plans)
        missing = [lang for lang in langs if lang not in chosen]
        if missing:
            chosen.append(rng.choice(missing))
            total += 1
    while total > 44:  # at most 45 in all
        _, _, chosen = rng.choice(plans)
        if len(chosen) > 1:
            chosen.remove(rng.choice(chosen))
            total -= 1
    items: list[dict[str, Story]] = []
    for day, facts, chosen in plans:
        versions = {}
        for lang in langs:
            if lang in chosen:
                copy = Facts(**vars(facts))
                versions[lang] = writers[lang].story(day, (150, 400), facts=copy)
        items.append(versions)
    u = site.url
    for lang in langs:
        seen: set[str] = set()
        section = MULTI[lang]["news"][0]
        for versions in items:
            story = versions.get(lang)
            if story is None:
                continue
            slug = story.slug
            while slug in seen:
                slug += "-2"
            seen.add(slug)
            story.meta["url"] = u(f"/{lang}/{section}/{slug}/")
    per = 8

    def switcher(current: str, urls: dict[str, str]) -> str:
        return (
            '<ul class="lang-switcher">'
            + "".join(
                f'<li class="lang-item{" current-lang" if lang == current else ""}"><a href="'
                f'{urls[lang]}" hreflang="{lang}" lang="{lang}">{lang.upper()}</a></li>'
                for lang in langs
            )
            + "</ul>"
        )

    def layout(
        lang: str,
        title: str,
        main: str,
        *,
        url: str,
        urls: dict[str, str],
        alternates: dict[str, str],
        og_type: str = "website",
    ) -> str:
        ui = MULTI[lang]
        latest = [v[lang] for v in items if lang in v][:4]
        menu = "".join(
            f'<li><a href="{u(f"/{lang}/{ui[k][0]}/")}">{ui[k][1]}</a></li>'
            for k in ("news", "about", "projects", "contact")
        )
        hreflang = "".join(
            f'<link rel="alternate" hreflang="{other}" href="{href}">\n'
            for other, href in alternates.items()
        )
        name = ui["owner"][0]
        privacy = u(f"/{lang}/{ui['privacy'][0]}/")
        contact = u(f"/{lang}/{ui['contact'][0]}/")
        access = u(f"/{lang}/{ui['access'][0]}/")
        return (
            f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(title)} | {esc(name)}</title>\n"
            f'<link rel="canonical" href="{url}">\n{hreflang}'
            f'<meta property="og:type" content="{og_type}">\n'
            f'<meta property="og:title" content="{esc(title)}">\n'
            f'<meta property="og:locale" content="{LOCALES[lang]}">\n'
            '<link rel="stylesheet" href="/assets/css/site.css?v=21">\n</head>\n<body>\n'
            f'<header class="site-header"><a class="site-logo" href="{u(f"/{lang}/")}">'
            f'{esc(name)}</a><nav class="site-nav"><ul><li><a href="{u(f"/{lang}/")}">'
            f"{ui['home']}</a></li>{menu}</ul></nav>{switcher(lang, urls)}</header>"
            f'<div class="site-body"><main class="site-main">{main}</main>'
            f'<aside class="site-aside"><h3>{ui["latest"]}</h3><ul>'
            + "".join(f'<li><a href="{s.url}">{esc(s.title)}</a></li>' for s in latest)
            + "</ul></aside></div>"
            f'<footer class="site-footer"><a href="{privacy}">'
            f'{ui["privacy"][1]}</a> · <a href="{access}">{ui["access"][1]}</a> · '
            f'<a href="{contact}">'
            f'{ui["contact"][1]}</a> · <a href="https://www.facebook.example/sit.assoc">Facebook'
            f'</a> · <a href="https://www.youtube.example/@sit-assoc">YouTube</a>'
            f"<p>&copy; 2021 {esc(name)}</p></footer>\n</body>\n</html>\n"
        )

    def counterpart(key: str) -> dict[str, str]:
        return {lang: u(f"/{lang}/{MULTI[lang][key][0]}/") for lang in langs}

    homes = {lang: u(f"/{lang}/") for lang in langs}
    sitemap: list[tuple[str, date | None]] = []
    sitemap_alternates: dict[str, dict[str, str]] = {}
    for lang in langs:
        ui = MULTI[lang]
        mine = [v[lang] for v in items if lang in v]
        pages = chunks(mine, per)
        listing = u(f"/{lang}/{ui['news'][0]}/")
        for number, chunk in enumerate(pages, start=1):
            teasers = "".join(
                f'<div class="news-item"><h2 class="news-item__title"><a href="{s.url}">'
                f'{esc(s.title)}</a></h2><time class="news-item__date" datetime="'
                f'{s.day.isoformat()}">{long_date(s.day, lang)}</time><p>{esc(s.lead(2))}</p>'
                f'<a class="news-item__more" href="{s.url}">{ui["more"]}</a></div>'
                for s in chunk
            )
            nav = '<div class="pager">'
            if number > 1:
                prev = listing if number == 2 else f"{listing}?pg={number - 1}"
                nav += f'<a class="pager__prev" href="{prev}">{ui["prev"]}</a> '
            if number < len(pages):
                nav += f'<a class="pager__next" href="{listing}?pg={number + 1}">{ui["next"]}</a>'
            nav += "</div>"
            url = listing if number == 1 else f"{listing}?pg={number}"
            site.add(
                url,
                "listing",
                layout(
                    lang,
                    ui["news"][1],
                    f"<h1>{ui['news'][1]}</h1>{teasers}{nav}",
                    url=url,
                    urls=counterpart("news"),
                    alternates=counterpart("news"),
                ),
                listed=[s.url for s in chunk],
            )
        sitemap.append((listing, mine[0].day if mine else None))
        for versions in items:
            story = versions.get(lang)
            if story is None:
                continue
            translations = {other: versions[other].url for other in versions}
            urls = {other: translations.get(other, homes[other]) for other in langs}
            related = "".join(
                f'<li><a href="{s.url}">{esc(s.title)}</a></li>'
                for s in _pick(mine, story, rng, rng.randint(3, 4))
            )
            main = (
                f'<article class="entry"><h1 class="entry__title">{esc(story.title)}</h1>'
                f'<time class="entry__date" datetime="{story.day.isoformat()}">'
                f'{long_date(story.day, lang)}</time><div class="entry__content">'
                f"{story_html(story, subhead='h2')}</div>"
                '<div class="entry__share"><a href="https://www.facebook.example/sharer.php?u='
                f'{story.url}">Facebook</a></div></article>'
                f'<section class="related"><h2>{ui["related"]}</h2><ul>{related}</ul></section>'
            )
            site.add(
                story.url,
                "article",
                layout(
                    lang,
                    story.title,
                    main,
                    url=story.url,
                    urls=urls,
                    alternates=translations,
                    og_type="article",
                ),
            )
            sitemap.append((story.url, story.day))
            sitemap_alternates[story.url] = translations
        writer = writers[lang]
        address = MULTI[lang]["address"]
        bodies = {
            "about": "".join(f"<p>{esc(p)}</p>" for p in writer.about()),
            "projects": "".join(f"<p>{esc(p)}</p>" for p in writer.about((120, 200))),
            "contact": contact_html(lang, address, writer.phone, email),
            "privacy": legal_html(lang, "privacy", ui["owner"][0], email),
            "access": legal_html(lang, "accessibility", ui["owner"][0], email),
        }
        for key, body in bodies.items():
            url = u(f"/{lang}/{ui[key][0]}/")
            site.add(
                url,
                "other",
                layout(
                    lang,
                    ui[key][1],
                    f"<h1>{ui[key][1]}</h1>{body}",
                    url=url,
                    urls=counterpart(key),
                    alternates=counterpart(key),
                ),
            )
            sitemap.append((url, None))
        home = (
            f"<h1>{esc(ui['owner'][0])}</h1><p>{esc(writer.about((60, 90))[0])}</p>"
            f"<h2>{ui['latest']}</h2><ul>"
            + "".join(f'<li><a href="{s.url}">{esc(s.title)}</a></li>' for s in mine[:3])
            + f'</ul><p><a href="{listing}">{ui["news"][1]}</a></p>'
        )
        site.add(
            homes[lang],
            "other",
            layout(lang, ui["home"], home, url=homes[lang], urls=homes, alternates=homes),
        )
        sitemap.append((homes[lang], None))
    site.redirect("/", u("/pl/"))
    site.add("/sitemap.xml", "sitemap", urlset(sitemap, alternates=sitemap_alternates), xml=True)
    site.robots = f"User-agent: *\nDisallow: /admin/\n\nSitemap: {u('/sitemap.xml')}\n"
    site.start_urls = [u(f"/{lang}/{MULTI[lang]['news'][0]}/") for lang in langs]


# -- news agency without feed or sitemap (uk) --------------------------------------------------


def agency(site: SiteBuilder, rng: random.Random) -> None:
    """A regional news agency: many stories a day, ``/novyny/YYYY/MM/slug-1234``, rubrics and
    tags, a "popular" box of older stories; robots.txt names no sitemap and there is no feed."""
    owner = ("Інформаційне агентство «Кордон-Інфо»", "Інформаційного агентства «Кордон-Інфо»", "n")
    email = f"news@{_domain(site)}"
    writer = Writer("uk", rng, owner=owner, email=email)
    stories = writer.stories(rng.randint(30, 45), date(2024, 5, 21), gap=(0, 3), words=(120, 380))
    rubrics = [
        ("ekonomika", "Економіка"),
        ("hromady", "Громади"),
        ("transkordonnia", "Транскордоння"),
    ]
    tags = [
        ("eksport", "Експорт"),
        ("ies", "ЄС"),
        ("hranty", "Гранти"),
        ("enerhetyka", "Енергетика"),
        ("lytva", "Литва"),
        ("polshcha", "Польща"),
    ]
    number = rng.randint(2400, 2600)
    for story in reversed(stories):
        number += rng.randint(1, 6)
        d = story.day
        story.meta["id"] = number
        story.meta["url"] = site.url(
            f"/novyny/{d.year}/{d.month:02d}/{slugify(story.title, 6)}-{number}"
        )
        story.meta["rubric"] = rng.choice(rubrics)
        story.meta["time"] = f"{rng.randint(7, 21):02d}:{rng.choice(range(0, 60, 5)):02d}"
    _assign_tags(stories, tags, rng)
    popular = rng.sample(stories[5:], 5)
    name = owner[0]
    u = site.url

    def when(story: Story) -> str:
        return (
            f'<time datetime="{story.day.isoformat()}T{story.meta["time"]}:00+03:00">'
            f"{long_date(story.day, 'uk').rsplit(' ', 1)[0]} {story.day.year}, "
            f"{story.meta['time']}</time>"
        )

    def layout(title: str, main: str, *, url: str, head: str = "") -> str:
        nav = "".join(f'<li><a href="/novyny/{slug}/">{label}</a></li>' for slug, label in rubrics)
        pop = "".join(f'<li><a href="{s.url}">{esc(s.title)}</a></li>' for s in popular)
        return (
            '<!DOCTYPE html>\n<html lang="uk">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(title)} — {esc(name)}</title>\n"
            f'<link rel="canonical" href="{url}">\n{head}'
            '<link rel="stylesheet" href="/static/app.3f9a.css">\n</head>\n<body>\n'
            f'<header class="top"><a class="top__logo" href="/">{esc(name)}</a>'
            '<nav class="top__nav"><ul><li><a href="/">Головна</a></li><li><a href="/novyny/">'
            f'Усі новини</a></li>{nav}<li><a href="/pro-nas/">Про нас</a></li>'
            '<li><a href="/kontakty/">Контакти</a></li></ul></nav></header>'
            f'<div class="layout"><main class="layout__main">{main}</main>'
            '<aside class="layout__aside"><section class="popular"><h3>Популярне</h3>'
            f"<ol>{pop}</ol></section></aside></div>"
            '<footer class="bottom"><ul><li><a href="/redaktsiina-polityka/">Редакційна '
            'політика</a></li><li><a href="/polityka-konfidentsiinosti/">Політика '
            'конфіденційності</a></li><li><a href="/dostupnist/">Доступність</a></li>'
            '<li><a href="/reklama/">Реклама</a></li><li><a '
            'href="/kontakty/">Контакти</a></li></ul><div class="bottom__social">'
            '<a href="https://www.facebook.example/kordon.info">Facebook</a> '
            '<a href="https://telegram.example/kordon_info">Telegram</a></div>'
            f"<p>© 2024 {esc(name)}. Усі права захищені.</p></footer>\n</body>\n</html>\n"
        )

    def card(story: Story) -> str:
        slug, label = story.meta["rubric"]
        return (
            '<div class="news-card"><div class="news-card__meta">'
            f'<a class="news-card__rubric" href="/novyny/{slug}/">{label}</a> {when(story)}</div>'
            f'<a class="news-card__title" href="{story.url}">{esc(story.title)}</a>'
            f'<p class="news-card__lead">{esc(story.lead(1))}</p></div>'
        )

    def listing(path: str, heading: str, posts: list[Story], per: int = 12) -> None:
        pages = chunks(posts, per)
        for number, chunk in enumerate(pages, start=1):
            links = [
                f"<span>{n}</span>"
                if n == number
                else f'<a href="{path if n == 1 else f"{path}?page={n}"}">{n}</a>'
                for n in range(1, len(pages) + 1)
            ]
            if number < len(pages):
                links.append(
                    f'<a class="pagination__next" href="{path}?page={number + 1}">Наступна</a>'
                )
            nav = f'<div class="pagination">{" ".join(links)}</div>' if len(pages) > 1 else ""
            url = u(path if number == 1 else f"{path}?page={number}")
            site.add(
                url,
                "listing",
                layout(
                    heading,
                    f"<h1>{esc(heading)}</h1>" + "".join(card(s) for s in chunk) + nav,
                    url=url,
                ),
                listed=[s.url for s in chunk],
            )

    listing("/novyny/", "Усі новини", stories)
    for slug, label in rubrics:
        listing(f"/novyny/{slug}/", label, [s for s in stories if s.meta["rubric"][0] == slug])
    for slug, label in tags:
        posts = [s for s in stories if (slug, label) in s.meta["tags"]]
        if posts:
            listing(f"/teg/{slug}/", f"Тег: {label}", posts, per=100)
    main = (
        '<section class="main-top"><h2>Головне</h2>'
        + "".join(card(s) for s in stories[:4])
        + '</section><section class="feed"><h2>Стрічка новин</h2>'
        + "".join(card(s) for s in stories[4:12])
        + '<a class="feed__all" href="/novyny/">Усі новини</a></section>'
    )
    site.add("/", "listing", layout(name, main, url=u("/")), listed=[s.url for s in stories[:12]])
    for story in stories:
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": story.title,
            "datePublished": f"{story.day.isoformat()}T{story.meta['time']}:00+03:00",
            "author": {"@type": "Organization", "name": name},
            "publisher": {"@type": "Organization", "name": name},
            "mainEntityOfPage": story.url,
        }
        head = (
            '<script type="application/ld+json">'
            + json.dumps(data, ensure_ascii=False)
            + "</script>\n"
        )
        slug, label = story.meta["rubric"]
        tag_links = " ".join(
            f'<a class="tag" href="/teg/{t}/">#{esc(tl)}</a>' for t, tl in story.meta["tags"]
        )
        related = "".join(card(s) for s in _pick(stories, story, rng, 4))
        main = (
            '<article class="post"><div class="post__meta">'
            f'<a href="/novyny/{slug}/">{label}</a> {when(story)}</div>'
            f'<h1 class="post__title">{esc(story.title)}</h1><div class="post__body">'
            f'{story_html(story, subhead="h2")}</div><div class="post__tags">{tag_links}</div>'
            '<div class="post__share">Поділитися: '
            f'<a href="https://www.facebook.example/sharer.php?u={story.url}">Facebook</a> '
            f'<a href="https://telegram.example/share/url?url={story.url}">Telegram</a></div>'
            f'</article><section class="read-also"><h2>Читайте також</h2>{related}</section>'
        )
        site.add(story.url, "article", layout(story.title, main, url=story.url, head=head))
    address = "вул. Шевченка 21, 43000 Луцьк"
    pages = {
        "/pro-nas/": ("Про нас", "".join(f"<p>{esc(p)}</p>" for p in writer.about())),
        "/kontakty/": ("Контакти", contact_html("uk", address, writer.phone, email)),
        "/reklama/": (
            "Реклама",
            "<p>Розміщення реклами та партнерських матеріалів — за запитом на адресу "
            f"{esc(email)}.</p><p>Партнерські матеріали позначаються окремо.</p>",
        ),
        "/polityka-konfidentsiinosti/": (
            "Політика конфіденційності",
            legal_html("uk", "privacy", name, email),
        ),
        "/dostupnist/": ("Доступність", legal_html("uk", "accessibility", name, email)),
        "/redaktsiina-polityka/": (
            "Редакційна політика",
            "<p>Редакція дотримується стандартів точності, балансу та відокремлення фактів від "
            "думок.</p><p>Виправлення помилок публікуються під матеріалом із зазначенням дати."
            "</p>",
        ),
    }
    for path, (title, content) in pages.items():
        site.add(path, "other", layout(title, f"<h1>{title}</h1>{content}", url=u(path)))
    site.robots = "User-agent: *\nDisallow: /admin/\n"
    site.start_urls = [u("/novyny/")]


# -- listings with near-complete excerpts (pl) -------------------------------------------------


def long_excerpt(site: SiteBuilder, rng: random.Random) -> None:
    """A foundation whose listing teasers carry 300+ words of each article, then
    "czytaj dalej": listing pages read almost like articles."""
    owner = (
        "Fundacja Rozwoju Przedsiębiorczości Wiejskiej",
        "Fundacji Rozwoju Przedsiębiorczości Wiejskiej",
        "f",
    )
    email = f"fundacja@{_domain(site)}"
    writer = Writer("pl", rng, owner=owner, email=email)
    stories = writer.stories(rng.randint(20, 30), date(2022, 4, 8), gap=(4, 14), words=(330, 400))
    sections = [
        ("gospodarka", "Gospodarka"),
        ("wspolpraca", "Współpraca"),
        ("szkolenia", "Szkolenia"),
    ]
    order = list(range(len(stories)))
    rng.shuffle(order)
    for position, index in enumerate(order):
        stories[index].meta["section"] = sections[position % len(sections)]
    for story in stories:
        story.meta["url"] = site.url(f"/wiadomosci/{story.slug}.html")
    name = owner[0]
    u = site.url

    def layout(title: str, main: str, *, url: str) -> str:
        return (
            '<!DOCTYPE html>\n<html lang="pl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(title)} - {esc(name)}</title>\n"
            f'<link rel="canonical" href="{url}">\n'
            f'<link rel="alternate" type="application/rss+xml" title="{esc(name)}" '
            f'href="{u("/rss.xml")}">\n<link rel="stylesheet" href="/css/style.css">\n'
            "</head>\n<body>\n"
            f'<div class="naglowek"><a href="/" class="logo">{esc(name)}</a><ul class="menu">'
            '<li><a href="/">Start</a></li><li><a href="/wiadomosci/">Wiadomości</a></li>'
            + "".join(f'<li><a href="/dzial/{s}.html">{label}</a></li>' for s, label in sections)
            + '<li><a href="/o-fundacji.html">O fundacji</a></li><li><a href="/projekty.html">'
            'Projekty</a></li><li><a href="/kontakt.html">Kontakt</a></li></ul></div>'
            f'<div class="kolumny"><div class="glowna">{main}</div><div class="boczna">'
            "<h3>Ostatnio dodane</h3><ul>"
            + "".join(
                f'<li><a href="/wiadomosci/{s.slug}.html">{esc(s.title)}</a></li>'
                for s in stories[:4]
            )
            + '</ul></div></div><div class="stopka"><a href="/polityka-prywatnosci.html">'
            'Polityka prywatności</a> | <a href="/deklaracja-dostepnosci.html">Deklaracja '
            'dostępności</a> | <a href="/kontakt.html">Kontakt</a> | <a href="https://www.'
            'facebook.example/frpw.fundacja">Facebook</a><br>© 2022 '
            f"{esc(name)}</div>\n</body>\n</html>\n"
        )

    def teaser(story: Story) -> str:
        slug, label = story.meta["section"]
        return (
            f'<article class="wpis wpis--zajawka"><h2 class="wpis__tytul"><a href="/wiadomosci/'
            f'{story.slug}.html">{esc(story.title)}</a></h2><div class="wpis__meta">Opublikowano: '
            f'{long_date(story.day, "pl")} · <a href="/dzial/{slug}.html">{label}</a></div>'
            f'<div class="wpis__tresc">{excerpt_html(story, rng.randint(310, 345))}</div>'
            f'<a class="wpis__wiecej" href="/wiadomosci/{story.slug}.html">czytaj dalej</a>'
            "</article>"
        )

    per = 8
    pages = chunks(stories, per)

    def page_path(n: int) -> str:
        return "/wiadomosci/" if n == 1 else f"/wiadomosci/strona-{n}.html"

    for number, chunk in enumerate(pages, start=1):
        links = " ".join(
            f'<span class="aktywna">{n}</span>'
            if n == number
            else f'<a href="{page_path(n)}">{n}</a>'
            for n in range(1, len(pages) + 1)
        )
        if number < len(pages):
            links += f' <a href="{page_path(number + 1)}" class="dalej">»</a>'
        url = u(page_path(number))
        site.add(
            url,
            "listing",
            layout(
                "Wiadomości",
                "<h1>Wiadomości</h1>"
                + "".join(teaser(s) for s in chunk)
                + f'<div class="stronicowanie">{links}</div>',
                url=url,
            ),
            listed=[s.url for s in chunk],
        )
    for slug, label in sections:
        posts = [s for s in stories if s.meta["section"][0] == slug]
        url = u(f"/dzial/{slug}.html")
        site.add(
            url,
            "listing",
            layout(label, f"<h1>{label}</h1>" + "".join(teaser(s) for s in posts), url=url),
            listed=[s.url for s in posts],
        )
    for story in stories:
        slug, label = story.meta["section"]
        also = "".join(
            f'<li><a href="/wiadomosci/{s.slug}.html">{esc(s.title)}</a></li>'
            for s in _pick(stories, story, rng, 3)
        )
        main = (
            f'<article class="wpis"><h1 class="wpis__tytul">{esc(story.title)}</h1>'
            f'<div class="wpis__meta"><time datetime="{story.day.isoformat()}">'
            f'{long_date(story.day, "pl")}</time> · Dział: <a href="/dzial/{slug}.html">{label}'
            f'</a></div><div class="wpis__tresc">{story_html(story, subhead="h2")}</div>'
            '<div class="udostepnij"><a href="https://www.facebook.example/sharer.php?u='
            f'{story.url}">Udostępnij na Facebooku</a></div></article>'
            f'<div class="czytaj-takze"><h3>Czytaj także</h3><ul>{also}</ul></div>'
        )
        site.add(story.url, "article", layout(story.title, main, url=story.url))
    address = "ul. Kościuszki 9, 18-400 Łomża"
    pages_other = {
        "/o-fundacji.html": ("O fundacji", "".join(f"<p>{esc(p)}</p>" for p in writer.about())),
        "/projekty.html": (
            "Projekty",
            "".join(f"<p>{esc(p)}</p>" for p in writer.about((150, 250))),
        ),
        "/kontakt.html": ("Kontakt", contact_html("pl", address, writer.phone, email)),
        "/polityka-prywatnosci.html": (
            "Polityka prywatności",
            legal_html("pl", "privacy", name, email),
        ),
        "/deklaracja-dostepnosci.html": (
            "Deklaracja dostępności",
            legal_html("pl", "accessibility", name, email),
        ),
    }
    for path, (title, content) in pages_other.items():
        site.add(path, "other", layout(title, f"<h1>{title}</h1>{content}", url=u(path)))
    home = (
        f"<h1>{esc(name)}</h1><p>{esc(writer.about((60, 90))[0])}</p><h2>Najnowsze</h2><ul>"
        + "".join(
            f'<li><a href="/wiadomosci/{s.slug}.html">{esc(s.title)}</a></li>' for s in stories[:3]
        )
        + "</ul>"
    )
    site.add("/", "other", layout("Start", home, url=u("/")))
    site.add(
        "/rss.xml",
        "feed",
        rss(
            name,
            u("/"),
            "Wiadomości fundacji",
            "pl",
            [
                {"title": s.title, "link": s.url, "day": s.day, "description": s.lead(2)}
                for s in stories[:15]
            ],
        ),
        xml=True,
    )
    site.robots = "User-agent: *\nDisallow: /admin/\nDisallow: /szukaj\n"
    site.start_urls = [u("/wiadomosci/")]


# -- municipality (pl) -------------------------------------------------------------------------


def municipal(site: SiteBuilder, rng: random.Random) -> None:
    """A municipality: news at ``/aktualnosci/n,ID,slug.html`` with print views and tags,
    events at ``/wydarzenia/e,ID,slug.html`` (not news: the news listing never shows them),
    a month calendar, galleries."""
    owner = ("Urząd Gminy Zalesie", "Urzędu Gminy Zalesie", "m")
    email = f"ug@{_domain(site)}"
    writer = Writer("pl", rng, owner=owner, email=email)
    stories = writer.stories(rng.randint(30, 40), date(2024, 5, 27), gap=(1, 8))
    tags = [
        ("inwestycje", "Inwestycje"),
        ("oswiata", "Oświata"),
        ("kultura", "Kultura"),
        ("wspolpraca", "Współpraca zagraniczna"),
        ("fundusze", "Fundusze europejskie"),
        ("rolnictwo", "Rolnictwo"),
    ]
    number = rng.randint(1200, 1300)
    for story in reversed(stories):
        number += rng.randint(1, 9)
        story.meta["id"] = number
        story.meta["path"] = f"/aktualnosci/n,{number},{slugify(story.title, 6)}.html"
        story.meta["url"] = site.url(story.meta["path"])
    _assign_tags(stories, tags, rng)
    u = site.url
    name = "Gmina Zalesie"
    # events
    pool = EVENTS["pl"]
    event_titles = rng.sample(pool["titles"], rng.randint(12, 14))
    events = []
    event_id = rng.randint(40, 60)
    for title in event_titles:
        event_id += rng.randint(1, 4)
        day = date(2024, rng.randint(1, 8), rng.randint(1, 28))
        events.append(
            {
                "id": event_id,
                "title": title,
                "day": day,
                "hour": f"{rng.randint(9, 19)}:00",
                "place": rng.choice(pool["places"]),
                "text": " ".join(rng.sample(pool["sentences"], rng.randint(2, 3))),
                "path": f"/wydarzenia/e,{event_id},{slugify(title, 6)}.html",
            }
        )
    events.sort(key=lambda e: e["day"])
    for story in rng.sample(stories, 4):
        story.meta["event"] = rng.choice(events)
    months = [(2024, m) for m in range(1, 9)]

    def layout(
        title: str, main: str, *, crumbs: list[tuple[str, str]], head: str = "", feed: bool = False
    ) -> str:
        trail = (
            '<nav class="breadcrumbs"><ol><li><a href="/">Strona główna</a></li>'
            + "".join(f'<li><a href="{p}">{esc(label)}</a></li>' for p, label in crumbs)
            + f"<li>{esc(title)}</li></ol></nav>"
        )
        side = (
            '<aside class="sidebar"><div class="box box--news"><h3>Aktualności</h3><ul>'
            + "".join(
                f'<li><a href="{s.meta["path"]}">{esc(s.title)}</a></li>' for s in stories[:4]
            )
            + '</ul></div><div class="box box--events"><h3>Najbliższe wydarzenia</h3><ul>'
            + "".join(
                f'<li><a href="{e["path"]}">{esc(e["title"])}</a> ({_dmy(e["day"])})</li>'
                for e in events[-3:]
            )
            + "</ul></div></aside>"
        )
        feed_link = (
            f'<link rel="alternate" type="application/rss+xml" title="Aktualności" '
            f'href="{u("/rss/aktualnosci.xml")}">\n'
            if feed
            else ""
        )
        return (
            '<!DOCTYPE html>\n<html lang="pl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(title)} - {name}</title>\n{feed_link}{head}"
            '<link rel="stylesheet" href="/themes/gmina/css/main.css">\n</head>\n<body>\n'
            '<div class="topbar"><a href="https://bip.gmina-zoo.example/">BIP</a> '
            '<a href="/deklaracja-dostepnosci.html">Dostępność</a></div>'
            f'<header class="header"><a class="header__herb" href="/">{name}</a>'
            '<nav class="header__menu"><ul><li><a href="/">Start</a></li>'
            '<li><a href="/aktualnosci/">Aktualności</a></li><li><a href="/wydarzenia/">'
            'Wydarzenia</a></li><li><a href="/kalendarz/2024/05/">Kalendarz</a></li>'
            '<li><a href="/galeria/">Galeria</a></li><li><a href="/gmina/o-gminie.html">'
            'O gminie</a></li><li><a href="/urzad/kontakt.html">Kontakt</a></li></ul></nav>'
            f'</header>{trail}<div class="page"><main class="content">{main}</main>{side}</div>'
            '<footer class="footer"><a href="/polityka-prywatnosci.html">Polityka prywatności'
            '</a> | <a href="/deklaracja-dostepnosci.html">Deklaracja dostępności</a> | '
            '<a href="/urzad/kontakt.html">Kontakt</a> | <a href="https://www.facebook.example/'
            'gminazalesie">Facebook</a> | <a href="https://www.youtube.example/@gminazalesie">'
            f"YouTube</a><p>© 2024 {esc(owner[0])}</p></footer>\n</body>\n</html>\n"
        )

    def teaser(story: Story) -> str:
        return (
            f'<div class="news-box"><span class="news-box__date">{_dmy(story.day)}</span>'
            f'<h2 class="news-box__title"><a href="{story.meta["path"]}">{esc(story.title)}</a>'
            f'</h2><p>{esc(story.lead(1))}</p><a class="news-box__more" href="'
            f'{story.meta["path"]}">Więcej</a></div>'
        )

    per = 10
    pages = chunks(stories, per)
    for page_number, chunk in enumerate(pages, start=1):
        links = " ".join(
            f'<span class="current">{n}</span>'
            if n == page_number
            else f'<a href="/aktualnosci/{"" if n == 1 else f"?strona={n}"}">{n}</a>'
            for n in range(1, len(pages) + 1)
        )
        if page_number < len(pages):
            links += (
                f' <a href="/aktualnosci/?strona={page_number + 1}" title="Następna strona">»</a>'
            )
        path = "/aktualnosci/" if page_number == 1 else f"/aktualnosci/?strona={page_number}"
        site.add(
            path,
            "listing",
            layout(
                "Aktualności",
                "<h1>Aktualności</h1>"
                + "".join(teaser(s) for s in chunk)
                + f'<div class="pagination">{links}</div>',
                crumbs=[],
                feed=True,
            ),
            listed=[s.url for s in chunk],
        )
    for slug, label in tags:
        posts = [s for s in stories if (slug, label) in s.meta["tags"]]
        if posts:
            site.add(
                f"/tag/{slug}.html",
                "listing",
                layout(
                    f"Tag: {label}",
                    f"<h1>Tag: {label}</h1>" + "".join(teaser(s) for s in posts),
                    crumbs=[("/aktualnosci/", "Aktualności")],
                ),
                listed=[s.url for s in posts],
            )
    for story in stories:
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": story.title,
            "datePublished": story.day.isoformat(),
            "publisher": {"@type": "GovernmentOrganization", "name": owner[0]},
        }
        head = (
            f'<link rel="canonical" href="{story.url}">\n<script type="application/ld+json">'
            + json.dumps(data, ensure_ascii=False)
            + "</script>\n"
        )
        event = story.meta.get("event")
        event_html = (
            f'<p class="event-link">Szczegóły wydarzenia: <a href="{event["path"]}">'
            f"{esc(event['title'])}</a></p>"
            if event
            else ""
        )
        tag_links = ", ".join(
            f'<a href="/tag/{t}.html">{esc(label)}</a>' for t, label in story.meta["tags"]
        )
        related = "".join(
            f'<li><a href="{s.meta["path"]}">{esc(s.title)}</a></li>'
            for s in _pick(stories, story, rng, rng.randint(3, 4))
        )
        body = story_html(story, subhead="h3")
        main = (
            f'<article class="news"><h1>{esc(story.title)}</h1><div class="news__info">'
            f'Data publikacji: <time datetime="{story.day.isoformat()}">{_dmy(story.day)}</time>'
            f'</div><div class="news__text">{body}{event_html}</div><div class="news__tags">'
            f'Tagi: {tag_links}</div><div class="news__tools"><a href="{story.meta["path"]}'
            '?print=1" rel="nofollow" target="_blank">Drukuj</a> <a href="https://www.facebook.'
            f'example/sharer.php?u={story.url}">Udostępnij</a></div></article>'
            f'<div class="related"><h3>Zobacz również</h3><ul>{related}</ul></div>'
        )
        site.add(
            story.url,
            "article",
            layout(story.title, main, crumbs=[("/aktualnosci/", "Aktualności")], head=head),
        )
        printed = (
            '<!DOCTYPE html>\n<html lang="pl">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="robots" content="noindex">\n<title>{esc(story.title)}</title>\n'
            f'</head>\n<body class="print" onload="window.print()"><p>{esc(owner[0])}</p>'
            f"<h1>{esc(story.title)}</h1><p>{_dmy(story.day)}</p>{body}</body>\n</html>\n"
        )
        site.add(f"{story.meta['path']}?print=1", "other", printed)
    for event in events:
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": event["title"],
            "startDate": f"{event['day'].isoformat()}T{event['hour']}",
            "location": {"@type": "Place", "name": event["place"]},
        }
        head = (
            '<script type="application/ld+json">'
            + json.dumps(data, ensure_ascii=False)
            + ("</script>\n")
        )
        main = (
            f'<div class="event"><h1>{esc(event["title"])}</h1><dl class="event__info">'
            f"<dt>{pool['when']}</dt><dd>{_dmy(event['day'])}, godz. {event['hour']}</dd>"
            f"<dt>{pool['where']}</dt><dd>{esc(event['place'])}</dd></dl>"
            f'<p>{esc(event["text"])}</p><p><a href="/kalendarz/{event["day"]:%Y/%m}/">Zobacz '
            "kalendarz</a></p></div>"
        )
        site.add(
            event["path"],
            "other",
            layout(event["title"], main, crumbs=[("/wydarzenia/", "Wydarzenia")], head=head),
        )
    listing = "".join(
        f'<div class="event-box"><span>{_dmy(e["day"])}</span> <a href="{e["path"]}">'
        f"{esc(e['title'])}</a> <small>{esc(e['place'])}</small></div>"
        for e in reversed(events)
    )
    site.add(
        "/wydarzenia/", "other", layout("Wydarzenia", f"<h1>Wydarzenia</h1>{listing}", crumbs=[])
    )
    for year, month in months:
        first = date(year, month, 1)
        days = ((first.replace(day=28) + timedelta(days=4)).replace(day=1) - first).days
        rows, row = [], ["<td></td>"] * first.weekday()
        for d in range(1, days + 1):
            todays = [e for e in events if e["day"] == date(year, month, d)]
            row.append(
                f"<td><span>{d}</span>"
                + "".join(f'<a href="{e["path"]}">{esc(e["title"])}</a>' for e in todays)
                + "</td>"
            )
            if len(row) == 7:
                rows.append("<tr>" + "".join(row) + "</tr>")
                row = []
        if row:
            rows.append("<tr>" + "".join(row) + "</tr>")
        before = first - timedelta(days=1)
        after = date(year, month, days) + timedelta(days=1)
        label = f"{PL['months'][month - 1]} {year}"
        main = (
            f'<h1>Kalendarz wydarzeń – {label}</h1><div class="calendar-nav">'
            f'<a href="/kalendarz/{before:%Y/%m}/">« {PL["months"][before.month - 1]}</a> '
            f'<a href="/kalendarz/{after:%Y/%m}/">{PL["months"][after.month - 1]} »</a></div>'
            '<table class="calendar"><tr><th>Pn</th><th>Wt</th><th>Śr</th><th>Cz</th><th>Pt</th>'
            "<th>So</th><th>Nd</th></tr>" + "".join(rows) + "</table>"
        )
        site.add(
            f"/kalendarz/{year}/{month:02d}/",
            "other",
            layout(f"Kalendarz – {label}", main, crumbs=[]),
        )
    galleries = []
    gallery_id = rng.randint(10, 20)
    for _ in range(5):
        gallery_id += rng.randint(1, 3)
        facts = Facts.draw(rng)
        title = writer.render("{event_cap} {place_loc}", facts)
        path = f"/galeria/g,{gallery_id},{slugify(title, 6)}.html"
        galleries.append((path, title))
        captions = rng.sample(GALLERY["pl"], rng.randint(4, 8))
        figures = "".join(
            f'<figure><img src="/upload/galeria/{gallery_id}/{i + 1}.jpg" alt="{esc(c)}">'
            f"<figcaption>{esc(c)}</figcaption></figure>"
            for i, c in enumerate(captions)
        )
        site.add(
            path,
            "other",
            layout(
                title,
                f'<h1>{esc(title)}</h1><div class="gallery">{figures}</div>',
                crumbs=[("/galeria/", "Galeria")],
            ),
        )
    site.add(
        "/galeria/",
        "other",
        layout(
            "Galeria",
            "<h1>Galeria</h1><ul>"
            + "".join(f'<li><a href="{p}">{esc(t)}</a></li>' for p, t in galleries)
            + "</ul>",
            crumbs=[],
        ),
    )
    address = "ul. Główna 1, 16-050 Zalesie"
    statics = {
        "/gmina/o-gminie.html": ("O gminie", "".join(f"<p>{esc(p)}</p>" for p in writer.about())),
        "/gmina/historia.html": (
            "Historia",
            "<p>Pierwsze wzmianki o Zalesiu pochodzą z XVI wieku, kiedy osada leżała przy trakcie "
            "handlowym prowadzącym na Litwę.</p><p>Gmina w obecnych granicach istnieje od 1973 "
            "roku.</p>",
        ),
        "/urzad/kontakt.html": ("Kontakt", contact_html("pl", address, writer.phone, email)),
        "/urzad/godziny-pracy.html": (
            "Godziny pracy urzędu",
            "<p>Poniedziałek: 8:00–17:00</p><p>Wtorek–czwartek: 7:30–15:30</p>"
            "<p>Piątek: 7:30–14:00</p>",
        ),
        "/polityka-prywatnosci.html": (
            "Polityka prywatności",
            legal_html("pl", "privacy", owner[0], email),
        ),
        "/deklaracja-dostepnosci.html": (
            "Deklaracja dostępności",
            legal_html("pl", "accessibility", owner[0], email),
        ),
    }
    for path, (title, content) in statics.items():
        site.add(path, "other", layout(title, f"<h1>{title}</h1>{content}", crumbs=[]))
    home = (
        '<section class="home-news"><h2>Aktualności</h2>'
        + "".join(teaser(s) for s in stories[:5])
        + '<a href="/aktualnosci/">Wszystkie aktualności</a></section>'
        '<section class="home-events"><h2>Wydarzenia</h2><ul>'
        + "".join(f'<li><a href="{e["path"]}">{esc(e["title"])}</a></li>' for e in events[-3:])
        + "</ul></section>"
    )
    site.add("/", "other", layout("Strona główna", home, crumbs=[], feed=True))
    site.add(
        "/rss/aktualnosci.xml",
        "feed",
        rss(
            f"{name} – aktualności",
            u("/aktualnosci/"),
            "Aktualności z gminy",
            "pl",
            [
                {"title": s.title, "link": s.url, "day": s.day, "description": s.lead(2)}
                for s in stories[:20]
            ],
        ),
        xml=True,
    )
    site.robots = "User-agent: *\nDisallow: /admin/\nDisallow: /szukaj/\n"
    site.start_urls = [u("/aktualnosci/")]
