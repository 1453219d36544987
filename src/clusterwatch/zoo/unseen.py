"""Zoo sites of the ``unseen`` fold (``clusterwatch.zoo.sites``): CMS families and site styles the
crawler's rules were never developed or checked on.

TYPO3 with tx_news (pl), Joomla with SEF URLs (be), a Blogger blog (ru), an ASP.NET WebForms
municipality (pl), a Django/Wagtail development agency (uk) and a WordPress site built with
Elementor (en).

Each function fills a :class:`~clusterwatch.zoo.site.SiteBuilder` with the pages of one site in
its family's URL scheme and template structure, as those families really build them: TYPO3's
``index.php?id=N&tx_news_pi1[news]=…&cHash=…`` links under a ``<base href>``, Joomla's
``/category/ID-alias.html`` and ``?start=`` / ``?limitstart=0`` pagers, Blogger's
``/YYYY/MM/slug.html`` posts, ``/search?updated-max=`` pagination and robots.txt that disallows
``/search``, WebForms' span-and-table soup with relative ``~/`` links, Wagtail's dated news
routes beside an events section, and Elementor's posts at ``/slug/`` beside pages at ``/slug/``.
Our own markup and text (``text`` for the stories; the few extra phrases these sites need
are below).
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import random
from datetime import date, timedelta
from urllib.parse import quote

from .site import (
    SiteBuilder,
    chunks,
    contact_html,
    esc,
    legal_html,
    rss,
    sitemap_index,
    story_html,
    urlset,
)
from .text import BE, EN, GALLERY, PL, RU, UK, Story, Writer, long_date, slugify


def _domain(site: SiteBuilder) -> str:
    return site.base.split("://", 1)[1].removeprefix("www.")


def _dmy(day: date, sep: str = ".") -> str:
    return f"{day.day:02d}{sep}{day.month:02d}{sep}{day.year}"


def _pick(stories: list[Story], story: Story, rng: random.Random, count: int) -> list[Story]:
    others = [s for s in stories if s is not story]
    return rng.sample(others, min(count, len(others)))


def _paras(paragraphs: list[str], attrs: str = "") -> str:
    return "".join(f"<p{attrs}>{esc(p)}</p>" for p in paragraphs)


def _clock(rng: random.Random, stories: list[Story]) -> None:
    for story in stories:
        story.meta["hour"] = rng.randint(7, 18)
        story.meta["minute"] = rng.randrange(60)


def _month_name(lang: str, month: int) -> str:
    return {"pl": PL, "ru": RU, "be": BE, "uk": UK, "en": EN}[lang]["months"][month - 1]


# -- texts these sites need beyond the stories ---------------------------------------------------

PROJECTS = {
    "pl": [
        ("Puszcza bez granic – transgraniczny szlak rowerowy", "2019–2022", "1 240 tys. zł"),
        ("Wspólne dziedzictwo przyrodnicze pogranicza", "2020–2021", "860 tys. zł"),
        ("Akademia przedsiębiorczości pogranicza", "2018–2021", "410 tys. zł"),
        ("Fundusz mikroprojektów Euroregionu", "2016–2023", "3 100 tys. zł"),
    ],
    "be": [
        "Школа грамадскага актывіста",
        "Памежжа без бар'ераў",
        "Зялёныя маршруты Панямоння",
        "Рамёствы нашых вёсак",
    ],
    "uk": [
        ("Сильні громади прикордоння", "sylni-hromady-prykordonnia"),
        ("Енергоефективні школи", "enerhoefektyvni-shkoly"),
        ("Експортна академія для МСП", "eksportna-akademiia-dlia-msp"),
        ("Туристичний маршрут «Західний Буг»", "turystychnyi-marshrut-zakhidnyi-buh"),
    ],
    "en": [
        ("Independent Local Media Fund", "local-media-fund"),
        ("Civic Education in Exile", "civic-education"),
        ("Legal Aid for Relocated NGOs", "legal-aid"),
    ],
}

COMMENTS_RU = {
    "names": ["Ольга", "Сергей Н.", "Аноним", "Виктор Петрович", "Марина из Гродно", "Игорь"],
    "texts": [
        "Спасибо за информацию! Когда будет следующая встреча?",
        "Были на семинаре, очень полезно, особенно вторая часть.",
        "Можно ли получить презентации докладчиков?",
        "Жаль, что узнали поздно, в следующий раз обязательно приедем.",
        "Отличная инициатива, так держать!",
        "Подскажите, участие для членов ассоциации бесплатное?",
    ],
    "replies": [
        "Спасибо! Презентации разошлём всем участникам на почту.",
        "Да, для членов ассоциации участие бесплатное.",
    ],
}

TENDERS_PL = {
    "titles": [
        "Przebudowa drogi gminnej w miejscowości {v}",
        "Dostawa oleju opałowego do budynków użyteczności publicznej",
        "Odbiór i zagospodarowanie odpadów komunalnych z terenu gminy",
        "Zimowe utrzymanie dróg gminnych w sezonie {y}/{y1}",
        "Budowa oświetlenia ulicznego w miejscowości {v}",
        "Termomodernizacja budynku Szkoły Podstawowej w {vl}",
        "Dowóz uczniów do szkół w roku szkolnym {y}/{y1}",
        "Remont świetlicy wiejskiej w {vl}",
        "Budowa sieci wodociągowej w miejscowości {v}",
        "Udzielenie kredytu długoterminowego dla Gminy",
    ],
    "villages": [
        ("Brzózki", "Brzózkach"),
        ("Olszanka", "Olszance"),
        ("Kołpaki", "Kołpakach"),
        ("Dąbrowa", "Dąbrowie"),
        ("Sosnowo", "Sosnowie"),
        ("Zabłocie", "Zabłociu"),
    ],
    "kinds": ["Przetarg nieograniczony", "Zapytanie ofertowe", "Przetarg nieograniczony"],
    "sentences": [
        "Zamawiający nie dopuszcza składania ofert częściowych.",
        "Wadium w wysokości {w} zł należy wnieść przed upływem terminu składania ofert.",
        "Jedynym kryterium oceny ofert jest cena.",
        "Kryteria oceny ofert: cena – 60%, okres gwarancji – 40%.",
        "Specyfikacja istotnych warunków zamówienia dostępna jest w siedzibie Urzędu, pokój nr 12.",
        "Osobą uprawnioną do kontaktu z wykonawcami jest inspektor ds. zamówień publicznych.",
        "Termin realizacji zamówienia upływa z dniem {d}.",
    ],
}

EVENTS_UK = {
    "titles": [
        "Форум громад прикордоння",
        "Вебінар: як написати грантову заявку",
        "Бізнес-сніданок для підприємців",
        "Ярмарок локальних виробників",
        "Тренінг з енергоменеджменту для громад",
        "Навчальний візит до Любліна",
        "День відкритих дверей агенції",
        "Круглий стіл щодо митних процедур",
        "Хакатон «Цифрова громада»",
        "Презентація програми малих грантів",
        "Школа проєктного менеджменту",
        "Інвестиційна сесія для громад області",
    ],
    "places": [
        "Луцьк, вул. Винниченка 67, конференц-зала",
        "Онлайн (Zoom)",
        "Ковель, міська рада, сесійна зала",
        "Володимир, центр надання адмінпослуг",
        "Люблін, Технологічний парк",
    ],
    "sentences": [
        "Участь безкоштовна за попередньою реєстрацією.",
        "Кількість місць обмежена.",
        "Посилання на підключення надішлемо зареєстрованим учасникам.",
        "Захід проводиться українською мовою.",
        "Для учасників передбачено каву-брейк.",
        "Реєстрація закривається за два дні до початку.",
        "Просимо мати з собою ноутбук.",
    ],
}

CATEGORY_LABELS = {"pl": "Kategoria", "be": "Катэгорыя"}


# -- TYPO3 with tx_news (pl) ---------------------------------------------------------------------


def typo3(site: SiteBuilder, rng: random.Random) -> None:
    """A Euroregion association on TYPO3 8 without speaking URLs: every page ``index.php?id=N``
    under a ``<base href>``, news records shown by tx_news on a hidden detail page with cHash
    links, category and month filters as ``overwriteDemand`` parameters, print views
    ``type=98``, the tx_news RSS ``type=9818``; no canonical, no og, no sitemap."""
    owner = (
        "Stowarzyszenie Euroregion „Puszcza Białowieska”",
        "Stowarzyszenia Euroregion „Puszcza Białowieska”",
        "n",
    )
    email = f"sekretariat@{_domain(site)}"
    writer = Writer("pl", rng, owner=owner, email=email)
    stories = writer.stories(rng.randint(28, 40), date(2021, 10, 27), gap=(2, 11))
    secret = f"{rng.getrandbits(64):016x}"
    base = site.base + "/"
    u = site.url
    list_id, detail_id = 12, 45
    cats = [(3, "Projekty"), (4, "Szkolenia"), (5, "Współpraca transgraniczna"), (6, "Turystyka")]

    def link(params: list[tuple[str, object]], chash: bool = True) -> str:
        query = "&".join(f"{quote(k, safe='')}={quote(str(v), safe='')}" for k, v in params)
        if chash:
            query += "&cHash=" + hashlib.md5((secret + query).encode()).hexdigest()
        return u(f"/index.php?{query}")

    def page(pid: int) -> str:
        return u(f"/index.php?id={pid}")

    def href(url: str) -> str:
        """The link as TYPO3 writes it under ``<base href>``: relative to the base."""
        return esc(url[len(base) :] if url.startswith(base) and url != base else url)

    news_id = rng.randint(180, 240)
    for story in reversed(stories):
        news_id += rng.randint(1, 5)
        story.meta["id"] = news_id
    for story in stories:
        params = [
            ("id", detail_id),
            ("tx_news_pi1[news]", story.meta["id"]),
            ("tx_news_pi1[controller]", "News"),
            ("tx_news_pi1[action]", "detail"),
        ]
        story.meta["url"] = link(params)
        story.meta["print"] = link(params[:1] + [("type", 98)] + params[1:])
        story.meta["cat"] = rng.choice(cats)
        story.meta["image"] = rng.random() < 0.7
    name = owner[0]
    months = sorted({(s.day.year, s.day.month) for s in stories}, reverse=True)

    def list_params(extra: list[tuple[str, object]], number: int) -> tuple[list, bool]:
        params: list[tuple[str, object]] = [("id", list_id), *extra]
        if number > 1:
            params.append(("tx_news_pi1[@widget_0][currentPage]", number))
        return params, bool(extra) or number > 1

    def cat_url(uid: int, number: int = 1) -> str:
        params, chash = list_params([("tx_news_pi1[overwriteDemand][categories]", uid)], number)
        return link(params, chash)

    def month_url(year: int, month: int, number: int = 1) -> str:
        extra = [
            ("tx_news_pi1[overwriteDemand][year]", year),
            ("tx_news_pi1[overwriteDemand][month]", month),
        ]
        params, chash = list_params(extra, number)
        return link(params, chash)

    menu = [
        (1, "Start", []),
        (2, "O stowarzyszeniu", []),
        (list_id, "Aktualności", []),
        (5, "Projekty", [(31 + n, title) for n, (title, _, _) in enumerate(PROJECTS["pl"])]),
        (6, "Galeria", []),
        (7, "Dokumenty", []),
        (8, "Kontakt", []),
    ]

    def news_sidebar() -> str:
        cat_items = "".join(
            f'<li><a href="{href(cat_url(uid))}" title="{esc(label)}">{esc(label)}</a></li>'
            for uid, label in cats
        )
        by_year: dict[int, list[int]] = {}
        for y, m in months:
            by_year.setdefault(y, []).append(m)
        years = "".join(
            f'<li class="item"><span class="year">{y}</span><ul>'
            + "".join(
                f'<li class="item"><a href="{href(month_url(y, m))}">{_month_name("pl", m)}</a> '
                f"({sum(1 for s in stories if (s.day.year, s.day.month) == (y, m))})</li>"
                for m in ms
            )
            + "</ul></li>"
            for y, ms in by_year.items()
        )
        return (
            '<div class="news-sidebar"><div id="c58" class="frame frame-default frame-type-list">'
            '<header><h2 class="">Kategorie</h2></header><div class="news"><div '
            f'class="news-category-list"><ul>{cat_items}</ul></div></div></div>'
            '<div id="c59" class="frame frame-default frame-type-list"><header><h2 class="">'
            'Archiwum</h2></header><div class="news"><div class="news-menu-view"><ul>'
            f"{years}</ul></div></div></div></div>"
        )

    def layout(
        title: str,
        main: str,
        *,
        pid: int,
        crumbs: list[tuple[str, str]],
        side: str = "",
        feed: bool = False,
    ) -> str:
        items = []
        for mid, label, children in menu:
            active = mid == pid or (pid == detail_id and mid == list_id)
            sub = ""
            if children and (pid == mid or pid in [c for c, _ in children]):
                sub = (
                    "<ul>"
                    + "".join(
                        f'<li{" class=act" if c == pid else ""}><a href="{href(page(c))}">'
                        f"{esc(t)}</a></li>"
                        for c, t in children
                    )
                    + "</ul>"
                )
            items.append(
                f'<li{" class=act" if active else ""}><a href="{href(page(mid))}" '
                f'title="{esc(label)}">{esc(label)}</a>{sub}</li>'
            )
        trail = " &gt; ".join(
            [f'<a href="{href(page(1))}">Start</a>']
            + [f'<a href="{href(url)}">{esc(label)}</a>' for url, label in crumbs[:-1]]
            + [esc(crumbs[-1][1])]
            if crumbs
            else ["Start"]
        )
        rss_link = (
            '<link rel="alternate" type="application/rss+xml" title="RSS 2.0" '
            f'href="{href(link([("id", list_id), ("type", 9818)], False))}">\n'
            if feed
            else ""
        )
        sidebar = side or (
            '<div id="c61" class="frame frame-default frame-type-text"><header><h2>Biuro '
            "Stowarzyszenia</h2></header><p>ul. Mickiewicza 3<br>17-200 Hajnówka<br>"
            f"tel. {esc(writer.phone)}</p></div>"
        )
        page_title = name if pid == 1 else f"{name}: {title}"
        return (
            '<!DOCTYPE html>\n<html lang="pl">\n<head>\n\n<meta charset="utf-8">\n<!-- \n'
            "\tThis website is powered by TYPO3 - inspiring people to share!\n"
            "\tTYPO3 is a free open source Content Management Framework initially created by "
            "Kasper Skaarhoj and licensed under GNU/GPL.\n"
            "\tInformation and contribution at https://typo3.example/\n-->\n\n"
            f'<base href="{base}">\n\n<title>{esc(page_title)}</title>\n'
            '<meta name="generator" content="TYPO3 CMS">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<link rel="stylesheet" type="text/css" href="typo3temp/assets/css/d42b6e1bdf.css?'
            '1538468352" media="all">\n<link rel="stylesheet" type="text/css" '
            'href="fileadmin/templates/euroregion/css/main.css?1539951102" media="all">\n'
            f'{rss_link}</head>\n<body id="p{pid}">\n'
            '<div id="page"><div id="header"><a id="logo" href="'
            f'{base}"><img src="fileadmin/templates/euroregion/img/logo.png" width="310" '
            f'height="90" alt="{esc(name)}"></a><ul id="service-nav"><li><a '
            f'href="{href(page(11))}">Mapa strony</a></li><li><a href="{href(page(8))}">'
            'Kontakt</a></li><li><a href="https://www.facebook.example/euroregion.puszcza">'
            'Facebook</a></li></ul><form action="index.php?id=14" method="post" '
            'id="indexedsearch"><input name="tx_indexedsearch_pi2[search][sword]" '
            'type="text" value=""><input type="submit" value="Szukaj"></form></div>'
            f'<div id="mainnav"><ul>{"".join(items)}</ul></div>'
            f'<div id="breadcrumb">Jesteś tutaj: {trail}</div>'
            f'<div id="content"><div id="col2"><!--TYPO3SEARCH_begin-->{main}'
            f'<!--TYPO3SEARCH_end--></div><div id="col3">{sidebar}</div></div>'
            '<div id="footer"><div class="footer-address"><strong>'
            f"{esc(name)}</strong><br>ul. Mickiewicza 3, 17-200 Hajnówka<br>"
            f'<a href="mailto:{esc(email)}">{esc(email)}</a></div><ul class="footer-nav">'
            f'<li><a href="{href(page(9))}">Polityka prywatności</a></li>'
            f'<li><a href="{href(page(10))}">Deklaracja dostępności</a></li>'
            f'<li><a href="{href(page(11))}">Mapa strony</a></li></ul><p class="eu">Strona '
            "współfinansowana ze środków Unii Europejskiej w ramach Programu Współpracy "
            "Transgranicznej.</p></div></div>\n</body>\n</html>\n"
        )

    def date_html(story: Story, prop: bool = True) -> str:
        meta = f'<meta itemprop="datePublished" content="{story.day.isoformat()}">' if prop else ""
        return (
            f'<span class="news-list-date"><time datetime="{story.day.isoformat()}">'
            f"{_dmy(story.day)}{meta}</time></span>"
        )

    def item(story: Story, topnews: bool = False) -> str:
        uid, label = story.meta["cat"]
        image = (
            f'<div class="news-img-wrap"><a title="{esc(story.title)}" '
            f'href="{href(story.url)}"><img src="fileadmin/_processed_/{story.meta["id"] % 10}/'
            f'{story.meta["id"] % 7}/csm_zdjecie_{story.meta["id"]}_{secret[:10]}.jpg" '
            'width="160" height="107" alt=""></a></div>'
            if story.meta["image"]
            else '<div class="news-img-wrap"><span class="no-media-element"></span></div>'
        )
        return (
            f'<div class="article articletype-0{" topnews" if topnews else ""}" '
            'itemscope="itemscope" itemtype="http://schema.org/Article">'
            f'{image}<div class="header"><h3><a title="{esc(story.title)}" '
            f'href="{href(story.url)}"><span itemprop="headline">{esc(story.title)}</span></a>'
            f'</h3></div><div class="footer"><p>{date_html(story)}'
            f'<span class="news-list-category">{esc(label)}</span></p></div>'
            f'<div class="teaser-text"><div itemprop="description"><p>{esc(story.lead(2))}</p>'
            f'</div><a class="more" title="{esc(story.title)}" href="{href(story.url)}">'
            "Więcej</a></div></div>"
        )

    def news_list(
        url_of, extra_heading: str, posts: list[Story], crumbs: list[tuple[str, str]]
    ) -> None:
        pages = chunks(posts, 10)
        for number, chunk in enumerate(pages, start=1):
            url = url_of(number)
            nav = ""
            if len(pages) > 1:
                links = []
                if number > 1:
                    links.append(
                        f'<li class="previous"><a href="{href(url_of(number - 1))}">'
                        "poprzednia</a></li>"
                    )
                for n in range(1, len(pages) + 1):
                    links.append(
                        f'<li class="current">{n}</li>'
                        if n == number
                        else f'<li><a href="{href(url_of(n))}">{n}</a></li>'
                    )
                if number < len(pages):
                    links.append(
                        f'<li class="next last"><a href="{href(url_of(number + 1))}">'
                        "następna</a></li>"
                    )
                nav = (
                    '<div class="news-list-browse"><div class="page-navigation"><p>Strona '
                    f'{number} z {len(pages)}.</p><ul class="f3-widget-paginator">'
                    f"{''.join(links)}</ul></div></div>"
                )
            heading = f'<h2 class="news-filter">{esc(extra_heading)}</h2>' if extra_heading else ""
            main = (
                '<div id="c52" class="frame frame-default frame-type-header"><header><h1 '
                'class="">Aktualności</h1></header></div><div id="c53" class="frame '
                f'frame-default frame-type-list"><div class="news">{heading}<div '
                'class="news-list-view" id="news-container-53">'
                + "".join(item(s, topnews=(i == 0 and number == 1)) for i, s in enumerate(chunk))
                + f"</div>{nav}</div></div>"
            )
            site.add(
                url,
                "listing",
                layout(
                    "Aktualności",
                    main,
                    pid=list_id,
                    crumbs=crumbs,
                    side=news_sidebar(),
                    feed=True,
                ),
                listed=[s.url for s in chunk],
            )

    news_crumbs = [(page(list_id), "Aktualności")]

    def list_url(number: int) -> str:
        params, chash = list_params([], number)
        return link(params, chash)

    news_list(list_url, "", stories, news_crumbs)
    for uid, label in cats:
        posts = [s for s in stories if s.meta["cat"][0] == uid]
        if posts:
            news_list(lambda n, uid=uid: cat_url(uid, n), f"Kategoria: {label}", posts, news_crumbs)
    for y, m in months:
        posts = [s for s in stories if (s.day.year, s.day.month) == (y, m)]
        news_list(
            lambda n, y=y, m=m: month_url(y, m, n),
            f"Archiwum: {_month_name('pl', m)} {y}",
            posts,
            news_crumbs,
        )

    # news detail and print views
    for story in stories:
        uid, label = story.meta["cat"]
        related = _pick(stories, story, rng, rng.randint(2, 3))
        related_html = "".join(
            f'<li><span class="news-related-news-date">{_dmy(s.day)}</span> '
            f'<a title="{esc(s.title)}" href="{href(s.url)}">{esc(s.title)}</a></li>'
            for s in related
        )
        image = (
            '<div class="news-img-wrap"><div class="outer"><div class="mediaelement '
            f'mediaelement-image"><img src="fileadmin/_processed_/{story.meta["id"] % 10}/'
            f'{story.meta["id"] % 7}/csm_zdjecie_{story.meta["id"]}_{secret[10:]}.jpg" '
            f'width="282" height="188" alt=""></div><p class="news-img-caption">'
            f"{esc(rng.choice(GALLERY['pl']))}</p></div></div>"
            if story.meta["image"]
            else ""
        )
        share_url = quote(story.url, safe="")
        main = (
            '<div id="c55" class="frame frame-default frame-type-list"><div class="news '
            'news-single"><div class="article" itemscope="itemscope" '
            'itemtype="http://schema.org/Article"><div class="header"><h3 itemprop="headline">'
            f'{esc(story.title)}</h3></div><div class="footer"><p>{date_html(story, False)}'
            f'<span class="news-list-category">Kategoria: <a href="{href(cat_url(uid))}">'
            f'{esc(label)}</a></span></p></div>{image}<div class="news-text-wrap" '
            f'itemprop="articleBody">{story_html(story, subhead="h4")}</div>'
            '<div class="news-related-wrap"><div class="news-related news-related-news">'
            f"<h4>Powiązane aktualności</h4><ul>{related_html}</ul></div></div>"
            f'<div class="news-print"><a href="{href(story.meta["print"])}" rel="nofollow" '
            'target="_blank">Wersja do druku</a></div><div class="news-share">Udostępnij: '
            f'<a href="https://www.facebook.example/sharer/sharer.php?u={share_url}" '
            'target="_blank">Facebook</a> <a href="https://x.example/intent/tweet?url='
            f'{share_url}" target="_blank">X</a></div><div class="news-backlink-wrap">'
            f'<a href="{href(page(list_id))}">Powrót</a></div></div></div></div>'
        )
        crumbs = [*news_crumbs, (story.url, story.title)]
        site.add(
            story.url,
            "article",
            layout(story.title, main, pid=detail_id, crumbs=crumbs, side=news_sidebar(), feed=True),
        )
        printed = (
            f'<!DOCTYPE html>\n<html lang="pl">\n<head>\n<meta charset="utf-8">\n<base href="'
            f'{base}">\n<title>{esc(name)}: {esc(story.title)}</title>\n<meta name="robots" '
            'content="noindex,follow">\n<link rel="stylesheet" href="fileadmin/templates/'
            'euroregion/css/print.css" media="all">\n</head>\n<body class="print">'
            f'<div class="print-header">{esc(name)}</div><h1>{esc(story.title)}</h1>'
            f'<p class="date">{_dmy(story.day)}</p>{story_html(story, subhead="h4")}'
            f'<p class="source">Źródło: {esc(story.url)}</p><p><a href="javascript:'
            'window.print()">Drukuj</a></p></body>\n</html>\n'
        )
        site.add(story.meta["print"], "other", printed)

    # the home page (twice: / and index.php?id=1) and the other pages
    welcome = writer.about((90, 140))
    latest = "".join(item(s) for s in stories[:3])
    projects_links = "".join(
        f'<li><a href="{href(page(31 + n))}">{esc(title)}</a></li>'
        for n, (title, _, _) in enumerate(PROJECTS["pl"])
    )
    home = (
        '<div id="c2" class="frame frame-default frame-type-textpic"><header><h1>Witamy na '
        f"stronie {esc(owner[1])}</h1></header>{_paras(welcome[:2])}</div>"
        '<div id="c3" class="frame frame-default frame-type-list"><header><h2>Aktualności'
        f'</h2></header><div class="news"><div class="news-list-view news-latest">{latest}'
        f'</div></div><p class="all-news"><a href="{href(page(list_id))}">Wszystkie '
        "aktualności</a></p></div>"
        '<div id="c4" class="frame frame-default frame-type-menu_subpages"><header><h2>'
        f"Nasze projekty</h2></header><ul>{projects_links}</ul></div>"
    )
    for url in (u("/"), page(1)):
        site.add(url, "other", layout("Start", home, pid=1, crumbs=[]))
    address = "ul. Mickiewicza 3, 17-200 Hajnówka"
    project_rows = "".join(
        f'<tr><td><a href="{href(page(31 + n))}">{esc(title)}</a></td><td>{years}</td>'
        f"<td>{value}</td></tr>"
        for n, (title, years, value) in enumerate(PROJECTS["pl"])
    )
    pages: dict[int, tuple[str, str]] = {
        2: ("O stowarzyszeniu", _paras(writer.about())),
        5: (
            "Projekty",
            _paras(writer.about((60, 100)))
            + '<table class="contenttable"><thead><tr><th>Projekt</th><th>Okres realizacji'
            f"</th><th>Wartość</th></tr></thead><tbody>{project_rows}</tbody></table>",
        ),
        6: (
            "Galeria",
            '<div class="ce-gallery" data-ce-columns="4">'
            + "".join(
                f'<figure class="image"><img src="fileadmin/user_upload/galeria/{n + 1:02d}.jpg" '
                f'width="220" height="147" alt=""><figcaption>{esc(c)}</figcaption></figure>'
                for n, c in enumerate(rng.sample(GALLERY["pl"], 8))
            )
            + "</div>",
        ),
        7: (
            "Dokumenty",
            "<ul><li>Statut Stowarzyszenia (PDF, 214 KB)</li><li>Sprawozdanie merytoryczne "
            "za rok 2020 (PDF, 1,2 MB)</li><li>Deklaracja członkowska (DOC, 48 KB)</li>"
            "<li>Regulamin Funduszu Mikroprojektów (PDF, 655 KB)</li></ul><p>Dokumenty "
            "w wersji papierowej dostępne są w biurze Stowarzyszenia.</p>",
        ),
        8: (
            "Kontakt",
            contact_html("pl", address, writer.phone, email)
            + '<iframe src="https://maps.example/embed?q=Hajn%C3%B3wka" width="600" '
            'height="350"></iframe>',
        ),
        9: ("Polityka prywatności", legal_html("pl", "privacy", owner[0], email)),
        10: ("Deklaracja dostępności", legal_html("pl", "accessibility", owner[0], email)),
    }
    for n, (title, years, value) in enumerate(PROJECTS["pl"]):
        pages[31 + n] = (
            title,
            f"<p><strong>Okres realizacji:</strong> {years}<br><strong>Wartość projektu:"
            f"</strong> {value}</p>" + _paras(writer.about((100, 180))),
        )
    tree = "".join(
        f'<li><a href="{href(page(mid))}">{esc(label)}</a>'
        + (
            "<ul>"
            + "".join(f'<li><a href="{href(page(c))}">{esc(t)}</a></li>' for c, t in children)
            + "</ul>"
            if children
            else ""
        )
        + "</li>"
        for mid, label, children in menu
    )
    pages[11] = ("Mapa strony", f'<div class="csc-sitemap"><ul>{tree}</ul></div>')
    for pid, (title, content) in pages.items():
        parent = 5 if pid >= 31 else None
        crumbs = [(page(5), "Projekty")] if parent else []
        main = (
            f'<div id="c{pid * 3 + 20}" class="frame frame-default frame-type-text"><header>'
            f"<h1>{esc(title)}</h1></header>{content}</div>"
        )
        site.add(page(pid), "other", layout(title, main, pid=pid, crumbs=[*crumbs, ("", title)]))
    site.add(
        link([("id", list_id), ("type", 9818)], False),
        "feed",
        rss(
            name,
            page(list_id),
            "Aktualności",
            "pl",
            [
                {
                    "title": s.title,
                    "link": s.url,
                    "day": s.day,
                    "category": s.meta["cat"][1],
                    "guid": f"news-{s.meta['id']}",
                    "description": s.lead(2),
                }
                for s in stories[:20]
            ],
        ),
        xml=True,
    )
    site.robots = (
        "User-agent: *\nDisallow: /typo3/\nDisallow: /typo3conf/\nDisallow: /typo3temp/\n"
        "Allow: /typo3temp/assets/\nDisallow: /fileadmin/_temp_/\n"
    )
    site.start_urls = [page(list_id)]


# -- Joomla 3 with SEF URLs (be) -----------------------------------------------------------------


def joomla_sef(site: SiteBuilder, rng: random.Random) -> None:
    """A Belarusian association on Joomla 3 with SEF URLs, URL rewriting and the .html suffix:
    a category blog ``/naviny.html`` (one leading item, then rows of three columns) paged by
    ``?start=10`` whose page-1 links say ``?limitstart=0``, articles ``/naviny/ID-alias.html``
    with print (``?tmpl=component&print=1``) and e-mail (``/component/mailto/…``) icons,
    tags, undated project articles in a list-layout category, OSMap's XML sitemap."""
    owner = (
        "Грамадскае аб'яднанне «Памежжа»",
        "Грамадскага аб'яднання «Памежжа»",
        "n",
    )
    email = f"info@{_domain(site)}"
    writer = Writer("be", rng, owner=owner, email=email)
    stories = writer.stories(rng.randint(30, 42), date(2020, 2, 19), gap=(2, 10))
    _clock(rng, stories)
    u = site.url
    name = owner[0]
    tags = [
        (3, "ekspart", "экспарт"),
        (4, "granty", "гранты"),
        (5, "moladz", "моладзь"),
        (6, "turyzm", "турызм"),
        (7, "litva", "Літва"),
        (8, "polshcha", "Польшча"),
    ]
    article_id = rng.randint(60, 90)
    projects = []
    for title in PROJECTS["be"]:
        article_id += rng.randint(1, 3)
        alias = slugify(title, 5)
        projects.append(
            {"id": article_id, "title": title, "url": u(f"/praekty/{article_id}-{alias}.html")}
        )
    for story in reversed(stories):
        article_id += rng.randint(1, 4)
        story.meta["id"] = article_id
        story.meta["url"] = u(f"/naviny/{article_id}-{slugify(story.title, 6)}.html")
        story.meta["hits"] = rng.randint(40, 900)
        story.meta["tags"] = rng.sample(tags, rng.randint(0, 2))
        story.meta["mailto"] = hashlib.sha1(story.meta["url"].encode()).hexdigest()
        story.meta["image"] = rng.random() < 0.6
    popular = sorted(stories[4:], key=lambda s: -s.meta["hits"])[:5]
    blog = u("/naviny.html")

    def tag_url(tag: tuple[int, str, str]) -> str:
        return u(f"/component/tags/tag/{tag[1]}.html")

    menu = [
        ("/", "Галоўная"),
        ("/pra-nas.html", "Пра нас"),
        ("/naviny.html", "Навіны"),
        ("/praekty.html", "Праекты"),
        ("/dakumenty.html", "Дакументы"),
        ("/kantakty.html", "Кантакты"),
    ]

    def layout(
        title: str,
        main: str,
        *,
        active: str,
        head: str = "",
        crumbs: list[tuple[str, str]] | None = None,
        view: str = "com_content view-article",
    ) -> str:
        nav = "".join(
            f'<li class="item-{101 + n}{" current active" if p == active else ""}">'
            f'<a href="{p}">{label}</a></li>'
            for n, (p, label) in enumerate(menu)
        )
        trail = ""
        if crumbs is not None:
            trail = (
                '<div class="moduletable"><ul itemscope itemtype="https://schema.org/'
                'BreadcrumbList" class="breadcrumb"><li>Вы тут: &#160;</li><li '
                'itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem">'
                '<a itemprop="item" href="/" class="pathway"><span itemprop="name">Галоўная'
                "</span></a></li>"
                + "".join(
                    f'<li itemprop="itemListElement" itemscope itemtype="https://schema.org/'
                    f'ListItem"><a itemprop="item" href="{p}" class="pathway"><span '
                    f'itemprop="name">{esc(label)}</span></a></li>'
                    for p, label in crumbs
                )
                + f'<li class="active"><span>{esc(title)}</span></li></ul></div>'
            )
        latest = "".join(
            f'<li itemscope itemtype="https://schema.org/Article"><a href="{s.url}" '
            f'itemprop="url"><span itemprop="name">{esc(s.title)}</span></a></li>'
            for s in stories[:5]
        )
        pop = "".join(f'<li><a href="{s.url}">{esc(s.title)}</a></li>' for s in popular)
        return (
            '<!DOCTYPE html>\n<html lang="be-by" dir="ltr">\n<head>\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
            '<meta charset="utf-8">\n<meta name="generator" content="Joomla! - Open Source '
            'Content Management">\n'
            f"<title>{esc(title)} - {esc(name)}</title>\n{head}"
            '<link href="/templates/protostar/favicon.ico" rel="shortcut icon" '
            'type="image/vnd.microsoft.icon">\n<link href="/templates/protostar/css/'
            'template.css?4c2f0b7c1d0c2a9e0b1f" rel="stylesheet">\n<script src="/media/jui/js/'
            'jquery.min.js?4c2f0b7c1d0c2a9e0b1f"></script>\n</head>\n'
            f'<body class="site {view} no-task">\n'
            '<div class="body" id="top"><div class="container"><header class="header" '
            'role="banner"><div class="header-inner clearfix"><a class="brand pull-left" '
            f'href="/"><span class="site-title" title="{esc(name)}">{esc(name)}</span></a>'
            '<div class="header-search pull-right"><div class="search"><form action="/naviny.html"'
            ' method="post" class="form-inline"><input name="searchword" maxlength="200" '
            'class="inputbox search-query input-medium" type="search" placeholder="Пошук...">'
            '<input type="hidden" name="task" value="search"><input type="hidden" '
            'name="option" value="com_search"></form></div></div></div></header>'
            '<nav class="navigation" role="navigation"><div class="navbar pull-left"><a '
            'class="btn btn-navbar collapsed" data-toggle="collapse" data-target=".nav-collapse">'
            '<span class="element-invisible">Toggle Navigation</span></a></div><div '
            f'class="nav-collapse"><ul class="nav menu nav-pills mod-list">{nav}</ul></div></nav>'
            f'<div class="row-fluid"><main id="content" role="main" class="span9">{trail}'
            f'<div id="system-message-container"></div>{main}</main>'
            '<div id="aside" class="span3"><div class="well "><h3 class="page-header">Апошнія '
            f'навіны</h3><ul class="latestnews mod-list">{latest}</ul></div>'
            '<div class="well "><h3 class="page-header">Папулярнае</h3><ul class="mostread '
            f'mod-list">{pop}</ul></div><div class="well "><h3 class="page-header">Мы ў '
            'сацсетках</h3><div class="custom"><p><a href="https://www.facebook.example/'
            'pamezhzha">Facebook</a><br><a href="https://t.example/pamezhzha">Telegram</a></p>'
            "</div></div></div></div></div></div>"
            '<footer class="footer" role="contentinfo"><div class="container"><hr><ul '
            'class="nav menu mod-list"><li class="item-120"><a href="/palityka-'
            'kanfidentsyjnastsi.html">Палітыка канфідэнцыйнасці</a></li><li class="item-121">'
            '<a href="/karta-sajta.html">Карта сайта</a></li></ul><p class="pull-right"><a '
            'href="#top" id="back-top">Уверх</a></p><p>&copy; 2020 '
            f"{esc(name)}</p></div></footer>\n</body>\n</html>\n"
        )

    def info(story: Story, hits: bool) -> str:
        stamp = f"{story.day.isoformat()}T{story.meta['hour']:02d}:{story.meta['minute']:02d}"
        hits_html = (
            '<dd class="hits"><span class="icon-eye-open" aria-hidden="true"></span><meta '
            f'itemprop="interactionCount" content="UserPageVisits:{story.meta["hits"]}">'
            f"Праглядаў: {story.meta['hits']}</dd>"
            if hits
            else ""
        )
        return (
            '<dl class="article-info muted"><dt class="article-info-term">Падрабязнасці</dt>'
            '<dd class="category-name"><span class="icon-folder-open icon-fw" aria-hidden='
            '"true"></span>Катэгорыя: <a href="/naviny.html" itemprop="genre">Навіны</a></dd>'
            '<dd class="published"><span class="icon-calendar" aria-hidden="true"></span><time '
            f'datetime="{stamp}:00+03:00" itemprop="datePublished">Апублікавана: '
            f"{_dmy(story.day)}</time></dd>{hits_html}</dl>"
        )

    def tags_html(story: Story) -> str:
        if not story.meta["tags"]:
            return ""
        return (
            '<ul class="tags inline">'
            + "".join(
                f'<li class="tag-{t[0]} tag-list0" itemprop="keywords"><a href="{tag_url(t)}" '
                f'class="label label-info">{esc(t[2])}</a></li>'
                for t in story.meta["tags"]
            )
            + "</ul>"
        )

    def blog_item(story: Story, klass: str) -> str:
        image = (
            f'<div class="pull-left item-image"><a href="{story.url}"><img src="/images/naviny/'
            f'{story.meta["id"]}.jpg" alt="" itemprop="thumbnailUrl"></a></div>'
            if story.meta["image"]
            else ""
        )
        return (
            f'<div class="{klass}" itemprop="blogPost" itemscope '
            'itemtype="https://schema.org/BlogPosting"><div class="page-header"><h2 '
            f'itemprop="name"><a href="{story.url}" itemprop="url">{esc(story.title)}</a></h2>'
            f"</div>{info(story, False)}{image}<p>{esc(story.lead(2))}</p>"
            '<p class="readmore"><a class="btn" href="'
            f'{story.url}" itemprop="url" aria-label="Чытаць далей: {esc(story.title)}">'
            '<span class="icon-chevron-right" aria-hidden="true"></span> Чытаць далей: '
            f"{esc(story.title[:40])}...</a></p></div>"
        )

    pages = chunks(stories, 10)

    def page_url(number: int, first: str = "") -> str:
        return blog + (first if number == 1 else f"?start={(number - 1) * 10}")

    feed_head = (
        '<link href="/naviny.feed?type=rss" rel="alternate" type="application/rss+xml" '
        'title="RSS 2.0">\n<link href="/naviny.feed?type=atom" rel="alternate" '
        'type="application/atom+xml" title="Atom 1.0">\n'
    )
    for number, chunk in enumerate(pages, start=1):
        leading = (
            '<div class="items-leading clearfix">'
            + blog_item(chunk[0], "leading-0 clearfix")
            + "</div>"
        )
        rows = []
        for row, trio in enumerate(chunks(chunk[1:], 3)):
            if not trio:
                continue
            cells = "".join(
                f'<div class="span4"><div class="item column-{c + 1}">'
                + blog_item(s, f"item-inner column-{c + 1}")
                + "</div></div>"
                for c, s in enumerate(trio)
            )
            rows.append(f'<div class="items-row cols-3 row-{row} row-fluid clearfix">{cells}</div>')
        links = []
        first = "?limitstart=0"
        if number > 1:
            links.append(
                f'<li><a title="Пачатак" href="{page_url(1, first)}" class="pagenav">'
                "Пачатак</a></li>"
            )
            links.append(
                f'<li><a title="Папярэдняя" href="{page_url(number - 1, first)}" '
                'class="pagenav">Папярэдняя</a></li>'
            )
        else:
            links.append(
                '<li class="disabled"><a>Пачатак</a></li><li class="disabled"><a>'
                "Папярэдняя</a></li>"
            )
        for n in range(1, len(pages) + 1):
            links.append(
                f'<li class="active hidden-phone"><a>{n}</a></li>'
                if n == number
                else f'<li class="hidden-phone"><a title="{n}" href="{page_url(n, first)}" '
                f'class="pagenav">{n}</a></li>'
            )
        if number < len(pages):
            links.append(
                f'<li><a title="Наступная" href="{page_url(number + 1)}" class="pagenav">'
                f'Наступная</a></li><li><a title="Канец" href="{page_url(len(pages))}" '
                'class="pagenav">Канец</a></li>'
            )
        main = (
            '<div class="blog" itemscope itemtype="https://schema.org/Blog"><div class='
            '"page-header"><h1>Навіны</h1></div>'
            + leading
            + "".join(rows)
            + '<div class="pagination"><p class="counter pull-right">Старонка '
            f"{number} з {len(pages)}</p><ul>{''.join(links)}</ul></div></div>"
        )
        listed = [s.url for s in chunk]
        body = layout(
            "Навіны",
            main,
            active="/naviny.html",
            head=feed_head,
            view="com_content view-category layout-blog itemid-103",
        )
        site.add(page_url(number), "listing", body, listed=listed)
        if number == 1:
            site.add(page_url(1, first), "listing", body, listed=listed)

    # tag views (list layout)
    for tag in tags:
        posts = [s for s in stories if tag in s.meta["tags"]]
        if not posts:
            continue
        rows = "".join(
            f'<li class="clearfix cat-list-row{n % 2}"><h3><a href="{s.url}">{esc(s.title)}'
            f'</a></h3><span class="tag-body">{_dmy(s.day)}</span></li>'
            for n, s in enumerate(posts)
        )
        main = (
            f'<div class="tag-category"><h2>{esc(tag[2])}</h2><ul class="category list-striped">'
            f"{rows}</ul></div>"
        )
        site.add(
            tag_url(tag),
            "listing",
            layout(tag[2], main, active="", crumbs=[], view="com_tags view-tag"),
            listed=[s.url for s in posts],
        )

    # articles, print views, mail forms
    for index, story in enumerate(stories):
        newer = stories[index - 1] if index > 0 else None
        older = stories[index + 1] if index + 1 < len(stories) else None
        pager = '<ul class="pager pagenav">'
        if newer:
            pager += (
                f'<li class="previous"><a class="hasTooltip" title="{esc(newer.title)}" '
                f'aria-label="Папярэдні артыкул: {esc(newer.title)}" href="{newer.url}" '
                'rel="prev"><span class="icon-chevron-left" aria-hidden="true"></span> '
                '<span aria-hidden="true">Папярэдні</span></a></li>'
            )
        if older:
            pager += (
                f'<li class="next"><a class="hasTooltip" title="{esc(older.title)}" '
                f'aria-label="Наступны артыкул: {esc(older.title)}" href="{older.url}" '
                'rel="next"><span aria-hidden="true">Наступны</span> <span '
                'class="icon-chevron-right" aria-hidden="true"></span></a></li>'
            )
        pager += "</ul>"
        print_url = f"{story.url}?tmpl=component&print=1&layout=default"
        mail_url = u(
            f"/component/mailto/?tmpl=component&template=protostar&link={story.meta['mailto']}"
        )
        icons = (
            '<div class="icons"><div class="btn-group pull-right"><button class="btn '
            'dropdown-toggle" type="button" data-toggle="dropdown"><span class="icon-cog">'
            '</span><span class="caret"></span></button><ul class="dropdown-menu">'
            f'<li class="print-icon"><a href="{esc(print_url)}" title="Друкаваць артыкул &lt;'
            f"{esc(story.title)}&gt;\" onclick=\"window.open(this.href,'win2','status=no,"
            "toolbar=no,scrollbars=yes,titlebar=no,menubar=no,resizable=yes,width=640,"
            'height=480,directories=no,location=no\'); return false;" rel="nofollow">'
            '<span class="icon-print" aria-hidden="true"></span> Друк</a></li>'
            f'<li class="email-icon"><a href="{esc(mail_url)}" title="Адправіць па email" '
            'rel="nofollow"><span class="icon-envelope" aria-hidden="true"></span> Email</a>'
            "</li></ul></div></div>"
        )
        image = (
            f'<div class="pull-none item-image"><img src="/images/naviny/{story.meta["id"]}.jpg"'
            ' alt="" itemprop="image"></div>'
            if story.meta["image"]
            else ""
        )
        article = (
            '<div class="item-page" itemscope itemtype="https://schema.org/Article"><meta '
            'itemprop="inLanguage" content="be-BY">'
            f'{icons}<div class="page-header"><h2 itemprop="headline">{esc(story.title)}</h2>'
            f"</div>{info(story, True)}{tags_html(story)}{image}"
            f'<div itemprop="articleBody">{story_html(story, subhead="h3")}</div>{pager}</div>'
        )
        site.add(
            story.url,
            "article",
            layout(
                story.title, article, active="/naviny.html", crumbs=[("/naviny.html", "Навіны")]
            ),
        )
        printed = (
            '<!DOCTYPE html>\n<html lang="be-by" dir="ltr">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="robots" content="noindex, nofollow">\n'
            f'<title>{esc(story.title)} - {esc(name)}</title>\n<link href="/templates/protostar'
            '/css/template.css" rel="stylesheet">\n</head>\n<body class="contentpane modal">'
            '<div id="system-message-container"></div><div class="item-page" itemscope '
            'itemtype="https://schema.org/Article"><div id="pop-print" class="btn hidden-print">'
            '<a href="#" onclick="window.print();return false;"><span class="icon-print" '
            f'aria-hidden="true"></span> Друк</a></div><div class="page-header"><h2 '
            f'itemprop="headline">{esc(story.title)}</h2></div>{info(story, True)}'
            f'<div itemprop="articleBody">{story_html(story, subhead="h3")}</div></div>'
            "\n</body>\n</html>\n"
        )
        site.add(print_url, "other", printed)
        mail = (
            '<!DOCTYPE html>\n<html lang="be-by" dir="ltr">\n<head>\n<meta charset="utf-8">\n'
            f'<title>{esc(name)}</title>\n</head>\n<body class="contentpane modal">'
            '<div id="mailto-window"><h2>Адправіць гэтую спасылку сябру.</h2><div '
            'class="mailto-close"><a href="javascript: void window.close()" title="Закрыць '
            'акно"><span>Закрыць акно</span></a></div><form action="/index.php" id="mailtoForm"'
            ' method="post"><div class="formelm"><label for="mailto_field">Email атрымальніка'
            '</label><input type="text" id="mailto_field" name="mailto" size="25"></div><div '
            'class="formelm"><label for="sender_field">Адпраўшчык</label><input type="text" '
            'id="sender_field" name="sender" size="25"></div><div class="formelm"><label '
            'for="subject_field">Тэма</label><input type="text" id="subject_field" '
            f'name="subject" value="{esc(story.title)}" size="25"></div><p><button '
            'class="button" type="submit">Адправіць</button></p><input type="hidden" '
            f'name="link" value="{story.meta["mailto"]}"></form></div>\n</body>\n</html>\n'
        )
        site.add(mail_url, "other", mail)

    # projects: a list-layout category of undated articles
    for project in projects:
        main = (
            '<div class="item-page" itemscope itemtype="https://schema.org/Article"><div '
            f'class="page-header"><h2 itemprop="headline">{esc(project["title"])}</h2></div>'
            f'<div itemprop="articleBody">{_paras(writer.about((120, 220)))}</div></div>'
        )
        site.add(
            project["url"],
            "other",
            layout(
                project["title"],
                main,
                active="/praekty.html",
                crumbs=[("/praekty.html", "Праекты")],
            ),
        )
    rows = "".join(
        f'<tr class="cat-list-row{n % 2}"><td headers="categorylist_header_title" '
        f'class="list-title"><a href="{p["url"]}">{esc(p["title"])}</a></td></tr>'
        for n, p in enumerate(projects)
    )
    statics = {
        "/pra-nas.html": ("Пра нас", _paras(writer.about())),
        "/praekty.html": (
            "Праекты",
            '<div class="category-list"><p>Праекты, якія аб\'яднанне рэалізуе разам з '
            'партнёрамі.</p><table class="category table table-striped table-bordered '
            'table-hover"><thead><tr><th id="categorylist_header_title">Загаловак</th></tr>'
            f"</thead><tbody>{rows}</tbody></table></div>",
        ),
        "/dakumenty.html": (
            "Дакументы",
            "<ul><li>Статут аб'яднання (PDF)</li><li>Справаздача за 2019 год (PDF)</li>"
            "<li>Заява на ўступленне (DOC)</li></ul>",
        ),
        "/kantakty.html": (
            "Кантакты",
            '<div class="contact" itemscope itemtype="https://schema.org/Person">'
            + contact_html("be", "вул. Савецкая 12, 230025 Гродна", writer.phone, email)
            + "</div>",
        ),
        "/palityka-kanfidentsyjnastsi.html": (
            "Палітыка канфідэнцыйнасці",
            legal_html("be", "privacy", name, email),
        ),
    }
    tree = "".join(f'<li><a href="{p}">{label}</a></li>' for p, label in menu[1:])
    statics["/karta-sajta.html"] = (
        "Карта сайта",
        f'<div id="osmap" class="osmap-items"><ul class="level_0">{tree}'
        + "".join(f'<li><a href="{s.url}">{esc(s.title)}</a></li>' for s in stories[:15])
        + "</ul></div>",
    )
    for path, (title, content) in statics.items():
        main = (
            '<div class="item-page" itemscope itemtype="https://schema.org/Article">'
            f'<div class="page-header"><h2 itemprop="headline">{esc(title)}</h2></div>'
            f'<div itemprop="articleBody">{content}</div></div>'
        )
        site.add(path, "other", layout(title, main, active=path))
    news_module = "".join(
        f'<div class="newsflash-item"><h4 class="newsflash-title"><a href="{s.url}">'
        f'{esc(s.title)}</a></h4><p>{esc(s.lead(1))}</p><a class="readmore" href="{s.url}">'
        "Чытаць далей...</a></div>"
        for s in stories[:4]
    )
    home = (
        '<div class="blog-featured" itemscope itemtype="https://schema.org/Blog"><div '
        'class="items-leading clearfix"><div class="leading-0 clearfix" itemprop="blogPost" '
        'itemscope itemtype="https://schema.org/BlogPosting"><div class="page-header"><h2 '
        f'itemprop="name">Вітаем на сайце {esc(owner[1])}</h2></div>'
        f"{_paras(writer.about((80, 130))[:2])}</div></div></div>"
        f'<div class="moduletable"><h3>Навіны</h3><div class="newsflash">{news_module}</div>'
        '<p><a href="/naviny.html">Усе навіны</a></p></div>'
    )
    site.add("/", "other", layout(name, home, active="/", view="com_content view-featured"))

    # feeds and the sitemap
    items = [
        {
            "title": s.title,
            "link": s.url,
            "day": s.day,
            "hour": s.meta["hour"],
            "category": "Навіны",
            "description": f"<p>{esc(s.lead(2))}</p>",
        }
        for s in stories[:10]
    ]
    site.add("/naviny.feed?type=rss", "feed", rss("Навіны", blog, name, "be-by", items), xml=True)
    atom = [
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
        'xml:lang="be-by">\n<title type="text">Навіны</title>\n'
        f'<subtitle type="text">{esc(name)}</subtitle>\n<link rel="alternate" '
        f'type="text/html" href="{blog}"/>\n<id>{blog}</id>\n'
        f"<updated>{stories[0].day.isoformat()}T12:00:00+03:00</updated>\n"
        '<generator uri="https://www.joomla.example" version="3.9">Joomla! - Open Source '
        "Content Management</generator>\n"
    ]
    for s in stories[:10]:
        atom.append(
            f'<entry>\n<title>{esc(s.title)}</title>\n<link rel="alternate" '
            f'type="text/html" href="{s.url}"/>\n<published>{s.day.isoformat()}T'
            f"{s.meta['hour']:02d}:{s.meta['minute']:02d}:00+03:00</published>\n<updated>"
            f"{s.day.isoformat()}T{s.meta['hour']:02d}:{s.meta['minute']:02d}:00+03:00"
            f'</updated>\n<id>{s.url}</id>\n<summary type="html">{esc(s.lead(2))}</summary>\n'
            "</entry>\n"
        )
    atom.append("</feed>\n")
    site.add("/naviny.feed?type=atom", "feed", "".join(atom), xml=True)
    sitemap = u("/index.php?option=com_osmap&view=xml&id=1")
    site.add(
        sitemap,
        "sitemap",
        urlset(
            [(u(p), None) for p, _ in menu]
            + [(s.url, s.day) for s in stories]
            + [(p["url"], None) for p in projects]
        ),
        xml=True,
    )
    site.robots = (
        "User-agent: *\nDisallow: /administrator/\nDisallow: /bin/\nDisallow: /cache/\n"
        "Disallow: /cli/\nDisallow: /components/\nDisallow: /includes/\n"
        "Disallow: /installation/\nDisallow: /language/\nDisallow: /layouts/\n"
        "Disallow: /libraries/\nDisallow: /logs/\nDisallow: /modules/\nDisallow: /plugins/\n"
        f"Disallow: /tmp/\n\nSitemap: {sitemap}\n"
    )
    site.start_urls = [blog]


# -- Blogger (ru) --------------------------------------------------------------------------------

RU_WEEKDAYS = ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"]


def blogspot(site: SiteBuilder, rng: random.Random) -> None:
    """An association's news blog on Blogger: posts ``/YYYY/MM/slug.html`` (``blog-post_N.html``
    where the Cyrillic title gave no slug), the home page and month archives showing posts
    (most cut at a jump break), "older posts" as ``/search?updated-max=…&max-results=8``, labels
    ``/search/label/…`` — all under ``/search``, which Blogger's robots.txt disallows — comment
    permalinks ``?showComment=``, Atom/RSS feeds under ``/feeds/``, a sitemap index."""
    owner = (
        "Ассоциация предпринимателей Понеманья",
        "Ассоциации предпринимателей Понеманья",
        "f",
    )
    email = f"assoc.ponemanye@{_domain(site)}"
    writer = Writer("ru", rng, owner=owner, email=email)
    stories = writer.stories(rng.randint(30, 42), date(2019, 4, 23), gap=(3, 9))
    _clock(rng, stories)
    u = site.url
    per = 8
    blog_id = str(rng.randint(10**18, 10**19 - 1))
    title = "Новости Ассоциации предпринимателей Понеманья"
    labels = ["экспорт", "семинары", "гранты", "Литва", "Польша", "молодёжь", "выставки"]
    used: set[str] = set()
    for story in stories:
        story.meta["post_id"] = str(rng.randint(10**18, 10**19 - 1))
        prefix = f"/{story.day.year}/{story.day.month:02d}/"
        if rng.random() < 0.45:
            slug = "blog-post"
            while prefix + slug in used:
                slug = f"blog-post_{rng.randint(10, 99)}"
        else:
            slug = slugify(story.title, 5)[:40].rstrip("-")
        used.add(prefix + slug)
        story.meta["url"] = u(prefix + slug + ".html")
        story.meta["labels"] = sorted(rng.sample(labels, rng.randint(1, 3)))
        story.meta["jump"] = rng.random() < 0.75
        story.meta["stamp"] = (
            f"{story.day.isoformat()}T{story.meta['hour']:02d}:{story.meta['minute']:02d}:00"
        )
        story.meta["comments"] = []
        if rng.random() < 0.35:
            for k in range(rng.randint(1, 3)):
                when = story.day + timedelta(days=k)
                millis = (
                    int((when - date(1970, 1, 1)).total_seconds() * 1000)
                    + rng.randint(10, 20) * 3600000
                    - 3 * 3600000
                )
                author = (
                    "Ассоциация" if k and rng.random() < 0.4 else rng.choice(COMMENTS_RU["names"])
                )
                text = rng.choice(
                    COMMENTS_RU["replies"] if author == "Ассоциация" else COMMENTS_RU["texts"]
                )
                story.meta["comments"].append(
                    (str(rng.randint(10**18, 10**19 - 1)), millis, author, text, when)
                )
    months = sorted({(s.day.year, s.day.month) for s in stories}, reverse=True)
    popular = rng.sample(stories[6:], 4)

    def ts(story: Story) -> str:
        return quote(story.meta["stamp"] + "+03:00", safe=":")

    def label_url(label: str) -> str:
        return u(f"/search/label/{quote(label)}?max-results={per}")

    def date_header(day: date) -> str:
        return (
            f"{RU_WEEKDAYS[day.weekday()]}, {day.day} {RU['months_gen'][day.month - 1]} "
            f"{day.year} г."
        )

    def post_html(story: Story, *, single: bool) -> str:
        pid = story.meta["post_id"]
        if single or not story.meta["jump"]:
            body = story_html(story, subhead="h3", quote="blockquote")
            jump = ""
        else:
            body = f"<p>{esc(story.paragraphs()[0])}</p>"
            jump = (
                f'<div class="jump-link"><a href="{story.url}#more" title="'
                f'{esc(story.title)}">Читать дальше »</a></div>'
            )
        count = len(story.meta["comments"])
        comment_link = (
            f'<span class="post-comment-link"><a class="comment-link" href="{story.url}'
            f'#comment-form" onclick="">{count} '
            f"{'комментарий' if count == 1 else 'комментария' if count < 5 else 'комментариев'}"
            "</a></span>"
            if not single and count
            else '<span class="post-comment-link"></span>'
            if single
            else f'<span class="post-comment-link"><a class="comment-link" href="{story.url}'
            '#comment-form" onclick="">Комментариев нет:</a></span>'
        )
        heading = (
            f'<h3 class="post-title entry-title" itemprop="name">{esc(story.title)}</h3>'
            if single
            else f'<h3 class="post-title entry-title" itemprop="name"><a href="{story.url}">'
            f"{esc(story.title)}</a></h3>"
        )
        share = "".join(
            f'<a class="goog-inline-block share-button sb-{t}" href="https://www.blogger.example/'
            f'share-post.g?blogID={blog_id}&amp;postID={pid}&amp;target={t}" target="_blank" '
            f'title="{label}"><span class="share-button-link-text">{label}</span></a>'
            for t, label in (
                ("email", "Отправить по электронной почте"),
                ("blog", "Написать об этом в блоге"),
                ("facebook", "Опубликовать в Facebook"),
            )
        )
        label_links = ", ".join(
            f'<a href="{label_url(lb)}" rel="tag">{esc(lb)}</a>' for lb in story.meta["labels"]
        )
        return (
            '<div class="post-outer"><div class="post hentry uncustomized-post-template" '
            'itemprop="blogPost" itemscope="itemscope" itemtype="http://schema.org/'
            f'BlogPosting"><a name="{pid}"></a>{heading}<div class="post-header"><div '
            'class="post-header-line-1"></div></div><div class="post-body entry-content" '
            f'id="post-body-{pid}" itemprop="description articleBody">{body}'
            f'<div style="clear: both;"></div></div>{jump}<div class="post-footer"><div '
            'class="post-footer-line post-footer-line-1"><span class="post-author vcard">'
            'Автор: <span class="fn" itemprop="author" itemscope="itemscope" itemtype='
            '"http://schema.org/Person"><a class="g-profile" href="https://www.blogger.example/'
            f'profile/0{blog_id[:19]}" rel="author" title="author profile"><span '
            'itemprop="name">Ассоциация</span></a></span></span> <span class="post-timestamp">'
            f'в <meta content="{story.url}" itemprop="url"><a class="timestamp-link" href="'
            f'{story.url}" rel="bookmark" title="permanent link"><abbr class="published" '
            f'itemprop="datePublished" title="{story.meta["stamp"]}+03:00">'
            f"{story.meta['hour']:02d}:{story.meta['minute']:02d}</abbr></a></span> "
            f'{comment_link}<div class="post-share-buttons goog-inline-block">{share}</div>'
            '</div><div class="post-footer-line post-footer-line-2"><span class="post-labels">'
            f"Ярлыки: {label_links}</span></div></div></div></div>"
        )

    def grouped(posts: list[Story], *, single: bool = False) -> str:
        out = []
        for story in posts:
            if out and out[-1][0] == story.day:
                out[-1][1].append(story)
            else:
                out.append((story.day, [story]))
        return "".join(
            f'<div class="date-outer"><h2 class="date-header"><span>{date_header(day)}</span>'
            '</h2><div class="date-posts">'
            + "".join(post_html(s, single=single) for s in group)
            + "</div></div>"
            for day, group in out
        )

    def sidebar() -> str:
        archive = "".join(
            f'<li><a class="post-count-link" href="{u(f"/{y}/{m:02d}/")}">'
            f'{_month_name("ru", m)} {y}</a> <span class="post-count" dir="ltr">('
            f"{sum(1 for s in stories if (s.day.year, s.day.month) == (y, m))})</span></li>"
            for y, m in months
        )
        cloud = "".join(
            f'<li><a dir="ltr" href="{label_url(lb)}">{esc(lb)}</a><span dir="ltr">('
            f"{sum(1 for s in stories if lb in s.meta['labels'])})</span></li>"
            for lb in sorted(labels)
        )
        pop = "".join(
            f'<li><div class="item-content"><div class="item-title"><a href="{s.url}">'
            f'{esc(s.title)}</a></div><div class="item-snippet">{esc(s.lead(1)[:140])}…</div>'
            "</div></li>"
            for s in popular
        )
        return (
            '<div class="column-right-inner"><aside><div class="sidebar section" id="sidebar-'
            'right-1"><div class="widget Profile" data-version="1" id="Profile1"><h2>Обо мне'
            '</h2><div class="widget-content"><a href="https://www.blogger.example/profile/0'
            f'{blog_id[:19]}"><img class="profile-img" src="//blogger.example/img/logo.png" '
            f'width="80" height="80" alt="Моё фото"></a><dl class="profile-datablock"><dt '
            'class="profile-data"><a class="profile-name-link g-profile" href="https://www.'
            f'blogger.example/profile/0{blog_id[:19]}">Ассоциация</a></dt><dd class="profile-'
            f'textblock">{esc(owner[0])}, Гродно.</dd></dl></div></div><div class="widget '
            'PopularPosts" data-version="1" id="PopularPosts1"><h2>Популярные сообщения</h2>'
            f'<div class="widget-content popular-posts"><ul>{pop}</ul></div></div><div '
            'class="widget BlogArchive" data-version="1" id="BlogArchive1"><h2>Архив блога'
            f'</h2><div class="widget-content"><div id="ArchiveList"><ul class="flat">{archive}'
            '</ul></div></div></div><div class="widget Label" data-version="1" id="Label1">'
            f'<h2>Ярлыки</h2><div class="widget-content list-label-widget-content"><ul>{cloud}'
            '</ul></div></div><div class="widget LinkList" data-version="1" id="LinkList1">'
            '<h2>Партнёры</h2><div class="widget-content"><ul><li><a href="https://www.'
            'belcci.example/">Торгово-промышленная палата</a></li><li><a href="https://'
            'www.grodno-region.example/">Облисполком</a></li></ul></div></div></div></aside>'
            "</div>"
        )

    def layout(
        page_title: str, main: str, *, url: str | None, head: str = "", pager: str = ""
    ) -> str:
        canonical = f'<link rel="canonical" href="{esc(url)}">\n' if url else ""
        pages_nav = (
            f'<li><a href="{u("/")}">Главная страница</a></li>'
            f'<li><a href="{u("/p/ob-associacii.html")}">Об ассоциации</a></li>'
            f'<li><a href="{u("/p/chlenstvo.html")}">Членство</a></li>'
            f'<li><a href="{u("/p/kontakty.html")}">Контакты</a></li>'
        )
        return (
            "<!DOCTYPE html>\n<html class='v2' dir='ltr' lang='ru'>\n<head>\n"
            "<meta content='width=1100' name='viewport'>\n<meta content='text/html; "
            "charset=UTF-8' http-equiv='Content-Type'>\n<meta content='blogger' "
            f"name='generator'>\n{canonical}"
            f'<link rel="alternate" type="application/atom+xml" title="{esc(title)} - Atom" '
            f'href="{u("/feeds/posts/default")}">\n'
            f'<link rel="alternate" type="application/rss+xml" title="{esc(title)} - RSS" '
            f'href="{u("/feeds/posts/default?alt=rss")}">\n'
            '<link rel="service.post" type="application/atom+xml" title="'
            f'{esc(title)} - Atom" href="https://www.blogger.example/feeds/{blog_id}/posts/'
            f'default">\n{head}<title>{esc(page_title)}</title>\n'
            f"<meta content='{esc(page_title)}' property='og:title'>\n"
            + (f"<meta content='{esc(url)}' property='og:url'>\n" if url else "")
            + "<link type='text/css' rel='stylesheet' href='https://www.blogger.example/static/"
            "v1/widgets/2437435843-widget_css_bundle.css'>\n</head>\n<body class='loading "
            "variant-simplysimple'>\n<div class='content'><div class='content-outer'><header>"
            "<div class='header-outer'><div class='region-inner header-inner'><div "
            "class='header section' id='header'><div class='widget Header' data-version='1' "
            f"id='Header1'><div id='header-inner'><div class='titlewrapper'><h1 class='title'>"
            f"<a href='{u('/')}'>{esc(title)}</a></h1></div><div class='descriptionwrapper'>"
            "<p class='description'><span>Новости, семинары и проекты ассоциации</span></p>"
            "</div></div></div></div></div></div></header><div class='tabs-outer'><div "
            "class='tabs section' id='crosscol'><div class='widget PageList' data-version='1' "
            f"id='PageList1'><div class='widget-content'><ul>{pages_nav}</ul></div></div></div>"
            "</div><div class='main-outer'><div class='columns fauxcolumns'><div "
            "class='columns-inner'><div class='column-center-outer'><div "
            "class='column-center-inner'><div class='main section' id='main'><div class='widget "
            f"Blog' data-version='1' id='Blog1'><div class='blog-posts hfeed'>{main}</div>"
            f"{pager}</div></div></div></div><div class='column-right-outer'>{sidebar()}</div>"
            "</div></div></div><footer><div class='footer-outer'><div class='widget "
            "Attribution' data-version='1' id='Attribution1'><div class='widget-content' "
            "style='text-align: center;'>Тема «Простая». Технологии <a href='https://www."
            "blogger.example' target='_blank'>Blogger</a>.</div></div></div></footer></div>"
            "</div>\n</body>\n</html>\n"
        )

    def feeds_box(story: Story | None = None) -> str:
        if story:
            return (
                '<div class="post-feeds"><div class="feed-links">Подписаться на: <a class="feed-'
                f'link" href="{u("/feeds/" + story.meta["post_id"] + "/comments/default")}" '
                'target="_blank" type="application/atom+xml">Комментарии к сообщению (Atom)</a>'
                "</div></div>"
            )
        return (
            '<div class="blog-feeds"><div class="feed-links">Подписаться на: <a class="feed-link"'
            f' href="{u("/feeds/posts/default")}" target="_blank" type="application/atom+xml">'
            "Сообщения (Atom)</a></div></div>"
        )

    def label_path(label: str | None) -> str:
        return f"/search/label/{quote(label)}" if label else "/search"

    def older_url(label: str | None, last: Story) -> str:
        return u(f"{label_path(label)}?updated-max={ts(last)}&max-results={per}")

    def newer_url(label: str | None, first: Story) -> str:
        return u(
            f"{label_path(label)}?updated-min={ts(first)}&max-results={per}&reverse-paginate=true"
        )

    def pager_html(
        label: str | None, posts: list[Story], pool: list[Story], newer_link: bool = True
    ) -> tuple[str, str, str]:
        """The blog pager of a page showing ``posts`` of ``pool``, and its two targets (a month
        archive links older posts only)."""
        start, end = pool.index(posts[0]), pool.index(posts[-1])
        older = older_url(label, posts[-1]) if end + 1 < len(pool) else ""
        newer = newer_url(label, posts[0]) if start > 0 and newer_link else ""
        links = ""
        if newer:
            links += (
                f"<span id='blog-pager-newer-link'><a class='blog-pager-newer-link' href='"
                f"{esc(newer)}' id='Blog1_blog-pager-newer-link' title='Следующие сообщения'>"
                "Следующие сообщения</a></span>"
            )
        if older:
            links += (
                f"<span id='blog-pager-older-link'><a class='blog-pager-older-link' href='"
                f"{esc(older)}' id='Blog1_blog-pager-older-link' title='Предыдущие сообщения'>"
                "Предыдущие сообщения</a></span>"
            )
        html = (
            f"<div class='blog-pager' id='blog-pager'>{links}<a class='home-link' "
            f"href='{u('/')}'>Главная страница</a></div><div class='clear'></div>" + feeds_box()
        )
        return html, older, newer

    def stream_page(url: str, label: str | None, posts: list[Story]) -> None:
        """A page of posts with the pages its pager reaches: ``/search?updated-max=T`` shows
        the posts older than T, whichever page linked it, so each is written once."""
        if url in site.pages:
            return
        pool = [s for s in stories if label is None or label in s.meta["labels"]]
        pager, older, newer = pager_html(label, posts, pool)
        status = (
            f"<div class='status-msg-wrap'><div class='status-msg-body'>Сообщения с ярлыком "
            f"<b>{esc(label)}</b>. <a href='{u('/')}'>Показать все сообщения</a></div></div>"
            if label
            else ""
        )
        site.add(
            url,
            "listing",
            layout(
                f"{title}: {label}" if label else title,
                status + grouped(posts),
                url=url,
                pager=pager,
            ),
            listed=[s.url for s in posts],
        )
        if older:
            end = pool.index(posts[-1]) + 1
            stream_page(older, label, pool[end : end + per])
        if newer:
            start = pool.index(posts[0])
            stream_page(newer, label, pool[max(0, start - per) : start])

    stream_page(u("/"), None, stories[:per])
    for label in labels:
        posts = [s for s in stories if label in s.meta["labels"]]
        if posts:
            stream_page(label_url(label), label, posts[:per])
    for y, m in months:
        posts = [s for s in stories if (s.day.year, s.day.month) == (y, m)]
        url = u(f"/{y}/{m:02d}/")
        pager, older, _ = pager_html(None, posts, stories, newer_link=False)
        site.add(
            url,
            "listing",
            layout(f"{title}: {_month_name('ru', m)} {y}", grouped(posts), url=url, pager=pager),
            listed=[s.url for s in posts],
        )
        if older:
            end = stories.index(posts[-1]) + 1
            stream_page(older, None, stories[end : end + per])

    # posts and their comment permalinks
    for index, story in enumerate(stories):
        newer = stories[index - 1] if index > 0 else None
        older = stories[index + 1] if index + 1 < len(stories) else None
        pager = "<div class='blog-pager' id='blog-pager'>"
        if newer:
            pager += (
                f"<span id='blog-pager-newer-link'><a class='blog-pager-newer-link' href='"
                f"{newer.url}' id='Blog1_blog-pager-newer-link' title='Следующее'>Следующее</a>"
                "</span>"
            )
        if older:
            pager += (
                f"<span id='blog-pager-older-link'><a class='blog-pager-older-link' href='"
                f"{older.url}' id='Blog1_blog-pager-older-link' title='Предыдущее'>Предыдущее"
                "</a></span>"
            )
        pager += f"<a class='home-link' href='{u('/')}'>Главная страница</a></div>"
        comments = story.meta["comments"]
        items = "".join(
            f'<dt class="comment-author" id="c{cid}"><a name="c{cid}"></a>{esc(author)} '
            f'сказал(а)...</dt><dd class="comment-body" id="Blog1_cmt-{cid}"><p>{esc(text)}'
            '</p></dd><dd class="comment-footer"><span class="comment-timestamp"><a href="'
            f'{story.url}?showComment={millis}#c{cid}" title="comment permalink">{when.day} '
            f"{RU['months_gen'][when.month - 1]} {when.year} г., {(millis // 3600000 + 3) % 24:02d}"
            f":{millis // 60000 % 60:02d}</a></span></dd>"
            for cid, millis, author, text, when in comments
        )
        count = len(comments)
        comments_html = (
            '<div class="comments" id="comments"><a name="comments"></a><h4>'
            + (
                f"{count} {'комментарий' if count == 1 else 'комментария'}:</h4>"
                f'<div id="Blog1_comments-block-wrapper"><dl class="avatar-comment-indent" '
                f'id="comments-block">{items}</dl></div>'
                if count
                else "Комментариев нет:</h4>"
            )
            + '<p class="comment-footer"><div class="comment-form"><a name="comment-form"></a>'
            '<h4 id="comment-post-message">Отправить комментарий</h4><iframe allowtransparency='
            '"true" class="blogger-iframe-colorize blogger-comment-from-post" frameborder="0" '
            'height="410px" id="comment-editor" name="comment-editor" src="" width="100%">'
            "</iframe></div></p></div>"
        )
        head = (
            f'<link rel="alternate" type="application/atom+xml" title="{esc(title)} - Atom" '
            f'href="{u("/feeds/" + story.meta["post_id"] + "/comments/default")}">\n'
            f"<meta content='{esc(story.lead(1)[:150])}' property='og:description'>\n"
        )
        main = grouped([story], single=True) + comments_html
        body = layout(
            f"{title}: {story.title}",
            main,
            url=story.url,
            head=head,
            pager=pager + feeds_box(story),
        )
        site.add(story.url, "article", body)
        for _, millis, *_rest in comments:
            site.add(f"{story.url}?showComment={millis}", "other", body)

    # static pages
    statics = {
        "/p/ob-associacii.html": ("Об ассоциации", _paras(writer.about())),
        "/p/chlenstvo.html": (
            "Членство",
            _paras(writer.about((80, 140)))
            + "<ul><li>Вступительный взнос — 50 руб.</li><li>Ежегодный взнос — 120 руб.</li>"
            "<li>Для индивидуальных предпринимателей — скидка 50%.</li></ul>",
        ),
        "/p/kontakty.html": (
            "Контакты",
            contact_html("ru", "ул. Ожешко 1, 230023 Гродно", writer.phone, email),
        ),
    }
    for path, (heading, content) in statics.items():
        url = u(path)
        main = (
            '<div class="post-outer"><div class="post hentry uncustomized-post-template" '
            f'itemprop="blogPost"><h3 class="post-title entry-title" itemprop="name">{heading}'
            '</h3><div class="post-header"><div class="post-header-line-1"></div></div><div '
            f'class="post-body entry-content" itemprop="description articleBody">{content}'
            '<div style="clear: both;"></div></div></div></div>'
        )
        site.add(url, "other", layout(f"{title}: {heading}", main, url=url))

    # feeds
    def atom(entries: list[tuple[str, str, str, str, str]], feed_title: str, self_url: str) -> str:
        out = [
            "<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom' "
            "xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/' "
            "xmlns:blogger='http://schemas.google.com/blogger/2008'>"
            f"<id>tag:blogger.com,1999:blog-{blog_id}</id>"
            f"<updated>{stories[0].meta['stamp']}.000+03:00</updated>"
            f"<title type='text'>{esc(feed_title)}</title>"
            f"<link rel='self' type='application/atom+xml' href='{esc(self_url)}'/>"
            f"<link rel='alternate' type='text/html' href='{u('/')}'/>"
            "<generator version='7.00' uri='https://www.blogger.example'>Blogger</generator>"
            f"<openSearch:totalResults>{len(entries)}</openSearch:totalResults>"
        ]
        for entry_id, stamp, entry_title, link, content in entries:
            out.append(
                f"<entry><id>{entry_id}</id><published>{stamp}.000+03:00</published>"
                f"<updated>{stamp}.000+03:00</updated><title type='text'>{esc(entry_title)}"
                f"</title><content type='html'>{esc(content)}</content><link rel='alternate' "
                f"type='text/html' href='{esc(link)}' title='{esc(entry_title)}'/></entry>"
            )
        out.append("</feed>\n")
        return "".join(out)

    posts_feed = u("/feeds/posts/default")
    site.add(
        posts_feed,
        "feed",
        atom(
            [
                (
                    f"tag:blogger.com,1999:blog-{blog_id}.post-{s.meta['post_id']}",
                    s.meta["stamp"],
                    s.title,
                    s.url,
                    story_html(s),
                )
                for s in stories[:25]
            ],
            title,
            posts_feed,
        ),
        xml=True,
    )
    site.add(
        posts_feed + "?alt=rss",
        "feed",
        rss(
            title,
            u("/"),
            "Новости, семинары и проекты ассоциации",
            "ru",
            [
                {
                    "title": s.title,
                    "link": s.url,
                    "day": s.day,
                    "hour": s.meta["hour"],
                    "guid": f"tag:blogger.com,1999:blog-{blog_id}.post-{s.meta['post_id']}",
                    "description": story_html(s),
                }
                for s in stories[:25]
            ],
        ),
        xml=True,
    )
    for story in stories:
        feed = u(f"/feeds/{story.meta['post_id']}/comments/default")
        site.add(
            feed,
            "feed",
            atom(
                [
                    (
                        f"tag:blogger.com,1999:blog-{blog_id}.post-{cid}",
                        f"{when.isoformat()}T12:00:00",
                        text[:60],
                        f"{story.url}?showComment={millis}#c{cid}",
                        text,
                    )
                    for cid, millis, _, text, when in story.meta["comments"]
                ],
                f"{title}: {story.title}",
                feed,
            ),
            xml=True,
        )
    index_url = u("/sitemap.xml")
    site.add(index_url, "sitemap", sitemap_index([(u("/sitemap.xml?page=1"), None)]), xml=True)
    site.add(
        u("/sitemap.xml?page=1"),
        "sitemap",
        urlset([(s.url, s.day) for s in stories]),
        xml=True,
    )
    site.add(
        u("/sitemap-pages.xml"),
        "sitemap",
        urlset([(u(p), None) for p in statics]),
        xml=True,
    )
    site.robots = (
        "User-agent: Mediapartners-Google\nDisallow: \n\nUser-agent: *\nDisallow: /search\n"
        f"Allow: /\n\nSitemap: {index_url}\n"
    )
    site.start_urls = [u("/")]


# -- ASP.NET WebForms municipality (pl) ----------------------------------------------------------

VIEWSTATE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def aspnet(site: SiteBuilder, rng: random.Random) -> None:
    """A rural municipality on a 2010s ASP.NET WebForms CMS: a table layout inside one
    ``aspnetForm`` with ``__VIEWSTATE``, spans with ``ctl00_ContentPlaceHolder1_…`` ids instead
    of headings, links relative to the page (``../Aktualnosci.aspx``), news at
    ``/Aktualnosci/Szczegoly.aspx?ID=N`` with print views ``Drukuj.aspx?ID=N``, a GridView-like
    list paged by ``?strona=N`` (page 1 linked as ``?strona=1`` too, and the home page links
    ``aktualnosci.aspx`` in lower case: IIS does not mind), year filters ``?rok=``, tenders in
    the same template (dated, not news), an RSS handler; no robots.txt, no sitemap."""
    owner = ("Urząd Gminy Zabłocie", "Urzędu Gminy Zabłocie", "m")
    email = f"sekretariat@{_domain(site)}"
    writer = Writer("pl", rng, owner=owner, email=email)
    stories = writer.stories(rng.randint(30, 42), date(2017, 11, 8), gap=(1, 6), words=(120, 380))
    name = "Gmina Zabłocie"
    u = site.url
    news_id = rng.randint(400, 600)
    for story in reversed(stories):
        news_id += rng.randint(1, 7)
        story.meta["id"] = news_id
        story.meta["path"] = f"/Aktualnosci/Szczegoly.aspx?ID={news_id}"
        story.meta["url"] = u(story.meta["path"])
        story.meta["views"] = rng.randint(60, 1400)
        story.meta["photos"] = rng.randint(0, 6) if rng.random() < 0.5 else 0
    years = sorted({s.day.year for s in stories}, reverse=True)

    # tenders: dated notices in the same template, never in the news list
    villages = TENDERS_PL["villages"]
    tenders = []
    tender_id = rng.randint(30, 60)
    for n, template in enumerate(rng.sample(TENDERS_PL["titles"], rng.randint(8, 10))):
        tender_id += rng.randint(1, 3)
        village, village_loc = rng.choice(villages)
        day = date(2017, rng.randint(1, 10), rng.randint(1, 28))
        year = day.year if day.month < 9 else day.year + 1
        title = template.format(v=village, vl=village_loc, y=year, y1=year + 1)
        deadline = day + timedelta(days=rng.randint(14, 30))
        sentences = [
            s.format(w=rng.choice((2000, 5000, 10000)), d=_dmy(deadline + timedelta(days=90)))
            for s in rng.sample(TENDERS_PL["sentences"], rng.randint(3, 5))
        ]
        tenders.append(
            {
                "id": tender_id,
                "sign": f"ZP.271.{n + 1}.{day.year}",
                "kind": rng.choice(TENDERS_PL["kinds"]),
                "title": title,
                "day": day,
                "deadline": deadline,
                "text": sentences,
                "path": f"/Przetargi/Szczegoly.aspx?ID={tender_id}",
            }
        )
    tenders.sort(key=lambda t: t["day"], reverse=True)

    def rel(target: str, current: str) -> str:
        """``~/target`` as WebForms renders it on ``current``: relative to its folder."""
        path, _, query = target.partition("?")
        folder = posixpath.dirname(current.split("?", 1)[0])
        out = posixpath.relpath(path, folder)
        return esc(out + ("?" + query if query else ""))

    def viewstate(size: int) -> str:
        return "/wEP" + "".join(rng.choice(VIEWSTATE_CHARS) for _ in range(size))

    pages = {
        1: "O gminie",
        2: "Historia gminy",
        3: "Władze gminy",
        4: "Sołectwa",
        5: "Kontakt",
        7: "Ochrona danych osobowych",
        8: "Deklaracja dostępności",
    }
    top_menu = [
        ("/Default.aspx", "Strona główna"),
        ("/Aktualnosci.aspx", "Aktualności"),
        ("/Strona.aspx?id=1", "Gmina"),
        ("/Przetargi.aspx", "Przetargi"),
        ("/Strona.aspx?id=5", "Kontakt"),
    ]

    def calendar(current: str, month: date) -> str:
        first = month.replace(day=1)
        cells = []
        offset = first.weekday()
        days = [None] * offset + list(range(1, 32))
        for week in range(5):
            row = []
            for d in days[week * 7 : week * 7 + 7]:
                if d is None or d > 28 + (month.month != 2) * 2:
                    row.append("<td></td>")
                else:
                    serial = (first - date(2000, 1, 1)).days + d - 1
                    row.append(
                        f'<td align="center" style="width:14%;"><a href="javascript:__doPostBack('
                        f"'ctl00$Kalendarz1','{serial}')\" style=\"color:Black\" title=\"{d} "
                        f'{PL["months_gen"][month.month - 1]}">{d}</a></td>'
                    )
            cells.append("<tr>" + "".join(row) + "</tr>")
        return (
            '<table id="ctl00_Kalendarz1" cellspacing="0" cellpadding="2" title="Kalendarz" '
            'border="0" style="border-width:1px;border-style:solid;border-collapse:collapse;">'
            '<tr><td colspan="7" style="background-color:Silver;"><table cellspacing="0" '
            'border="0" style="width:100%;border-collapse:collapse;"><tr><td style="width:15%;">'
            "<a href=\"javascript:__doPostBack('ctl00$Kalendarz1','V"
            f'{(first - date(2000, 1, 1)).days - 30}\')" style="color:Black" title="Przejdź '
            'do poprzedniego miesiąca">&lt;</a></td><td align="center" style="width:70%;">'
            f'{PL["months"][month.month - 1]} {month.year}</td><td align="right" '
            'style="width:15%;"></td></tr></table></td></tr>' + "".join(cells) + "</table>"
        )

    def layout(title: str, main: str, *, current: str, feed: bool = False) -> str:
        action = "./" + current.rsplit("/", 1)[-1]
        menu = " | ".join(
            f'<a id="ctl00_ucMenu_rptMenu_ctl{n:02d}_hlPozycja" class="menuGora" '
            f'href="{rel(p, current)}">{label}</a>'
            for n, (p, label) in enumerate(top_menu)
        )
        left = "".join(
            f'<tr><td class="menuLewe"><a href="{rel(f"/Strona.aspx?id={pid}", current)}">'
            f"{esc(label)}</a></td></tr>"
            for pid, label in pages.items()
            if pid != 8
        )
        archive = "".join(
            f'<li><a id="ctl00_rptArchiwum_ctl{n:02d}_hlRok" href="'
            f'{rel(f"/Aktualnosci.aspx?rok={y}", current)}">{y}</a></li>'
            for n, y in enumerate(years)
        )
        rss_link = (
            '<link rel="alternate" type="application/rss+xml" title="Aktualności - RSS" '
            f'href="{rel("/Rss.ashx", current)}" />'
            if feed
            else ""
        )
        return (
            '\r\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\r\n\r\n<html '
            'xmlns="http://www.w3.org/1999/xhtml" >\r\n<head id="ctl00_Head1"><title>\r\n\t'
            f'{esc(name)} - {esc(title)}\r\n</title><meta http-equiv="Content-Type" '
            'content="text/html; charset=utf-8" /><meta name="keywords" content="gmina, '
            'Zabłocie, urząd gminy, aktualności" /><link href="'
            f'{rel("/App_Themes/Zablocie/Style.css", current)}" type="text/css" rel="stylesheet"'
            f' />{rss_link}</head>\r\n<body>\r\n    <form name="aspnetForm" method="post" '
            f'action="{esc(action)}" id="aspnetForm">\r\n<div>\r\n<input type="hidden" '
            'name="__EVENTTARGET" id="__EVENTTARGET" value="" />\r\n<input type="hidden" '
            'name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />\r\n<input type="hidden" '
            f'name="__VIEWSTATE" id="__VIEWSTATE" value="{viewstate(rng.randint(180, 420))}" '
            '/>\r\n</div>\r\n\r\n<script type="text/javascript">\r\n//<![CDATA[\r\nvar theForm '
            "= document.forms['aspnetForm'];\r\nif (!theForm) {\r\n    theForm = "
            "document.aspnetForm;\r\n}\r\nfunction __doPostBack(eventTarget, eventArgument) {\r\n"
            "    if (!theForm.onsubmit || (theForm.onsubmit() != false)) {\r\n        "
            "theForm.__EVENTTARGET.value = eventTarget;\r\n        theForm.__EVENTARGUMENT.value "
            "= eventArgument;\r\n        theForm.submit();\r\n    }\r\n}\r\n//]]>\r\n</script>"
            f'\r\n\r\n<script src="{rel("/WebResource.axd", current)}?d=pynGkmcFUV13He1Qd6_TZ'
            'AjKr8u0hUgd2&amp;t=636271743501517547" type="text/javascript"></script>\r\n'
            '<table id="tblGlowna" cellpadding="0" cellspacing="0" width="980" align="center">'
            '<tr><td colspan="3" class="naglowek"><a id="ctl00_hlLogo" href="'
            f'{rel("/Default.aspx", current)}"><img id="ctl00_imgHerb" src="'
            f'{rel("/Images/herb.gif", current)}" alt="Herb Gminy Zabłocie" style="border-width:'
            '0px;" /></a><span class="nazwaGminy">Gmina Zabłocie</span><br /><span '
            'class="podtytul">powiat hajnowski, województwo podlaskie</span></td></tr>'
            f'<tr><td colspan="3" class="pasekMenu">{menu}</td></tr><tr><td class="lewa" '
            'valign="top" width="190"><table cellpadding="3" cellspacing="0" width="100%"><tr>'
            f'<td class="naglowekMenu">Gmina</td></tr>{left}<tr><td class="naglowekMenu">Na '
            'skróty</td></tr><tr><td class="menuLewe"><a href="http://bip.zablocie-podlaskie.'
            'example/" target="_blank">Biuletyn Informacji Publicznej</a></td></tr><tr><td '
            'class="menuLewe"><a href="https://epuap.example/" target="_blank">ePUAP</a></td>'
            f'</tr><tr><td class="menuLewe"><a href="{rel("/Przetargi.aspx", current)}">'
            'Przetargi i zamówienia</a></td></tr></table></td><td class="srodek" valign="top">'
            f'{main}</td><td class="prawa" valign="top" width="190"><span class="naglowekBoxu">'
            f"Kalendarz</span>{calendar(current, stories[0].day)}<br /><span "
            'class="naglowekBoxu">Archiwum aktualności</span><ul class="archiwum">'
            f'{archive}</ul><span class="naglowekBoxu">Urząd Gminy</span><p>ul. Główna 1<br />'
            f"17-220 Zabłocie<br />tel. {esc(writer.phone)}<br />pon.-pt. 7:30-15:30</p></td>"
            '</tr><tr><td colspan="3" class="stopka">Urząd Gminy Zabłocie, ul. Główna 1, '
            f'17-220 Zabłocie | <a href="{rel("/Strona.aspx?id=8", current)}">Deklaracja '
            f'dostępności</a> | <a href="{rel("/Rss.ashx", current)}">RSS</a> | © 2017 | '
            'Wykonanie: <a href="http://www.webstudio-bialystok.example/" target="_blank">'
            'WebStudio</a></td></tr></table>\r\n<div>\r\n\r\n\t<input type="hidden" '
            'name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="'
            f'{viewstate(rng.randint(40, 90))}" />\r\n</div></form>\r\n</body>\r\n</html>\r\n'
        )

    def grid(posts: list[Story], current: str, pager: str, heading: str) -> str:
        rows = "".join(
            f'<tr class="{"wiersz" if n % 2 == 0 else "wierszAlt"}"><td class="data" '
            f'style="width:80px;">{_dmy(s.day)}</td><td><a id="ctl00_ContentPlaceHolder1_'
            f'gvAktualnosci_ctl{n + 2:02d}_hlTytul" class="tytulNews" href="'
            f'{rel(s.meta["path"], current)}">{esc(s.title)}</a><br /><span id="ctl00_'
            f'ContentPlaceHolder1_gvAktualnosci_ctl{n + 2:02d}_lblSkrot" class="skrot">'
            f'{esc(s.lead(1))}</span><br /><a id="ctl00_ContentPlaceHolder1_gvAktualnosci_ctl'
            f'{n + 2:02d}_hlWiecej" class="wiecej" href="{rel(s.meta["path"], current)}">więcej '
            "&raquo;</a></td></tr>"
            for n, s in enumerate(posts)
        )
        return (
            '<span id="ctl00_ContentPlaceHolder1_lblNaglowek" class="naglowekStrony">'
            f'{esc(heading)}</span><br /><br /><div><table class="lista" cellspacing="0" '
            'rules="all" border="1" id="ctl00_ContentPlaceHolder1_gvAktualnosci" style="width:'
            '100%;border-collapse:collapse;"><tr><th scope="col">Data</th><th scope="col">'
            f"Tytuł</th></tr>{rows}{pager}</table></div>"
        )

    def news_list(path: str, heading: str, posts: list[Story], year: int | None) -> None:
        pages_ = chunks(posts, 10)
        prefix = f"{path}?rok={year}&" if year else f"{path}?"

        def url_of(n: int) -> str:
            return prefix + f"strona={n}"

        for number, chunk in enumerate(pages_, start=1):
            first = f"{path}?rok={year}" if year else path
            current = first if number == 1 else url_of(number)
            cells = "".join(
                f"<td><span>{n}</span></td>"
                if n == number
                else f'<td><a href="{rel(url_of(n), current)}">{n}</a></td>'
                for n in range(1, len(pages_) + 1)
            )
            pager = (
                f'<tr class="pager"><td colspan="2"><table border="0"><tr>{cells}</tr></table>'
                "</td></tr>"
                if len(pages_) > 1
                else ""
            )
            body = layout(heading, grid(chunk, current, pager, heading), current=current, feed=True)
            listed = [s.url for s in chunk]
            site.add(current, "listing", body, listed=listed)
            if number == 1 and len(pages_) > 1:
                site.add(url_of(1), "listing", body, listed=listed)
            if number == 1 and not year:
                site.add(path.lower(), "listing", body, listed=listed)

    news_list("/Aktualnosci.aspx", "Aktualności", stories, None)
    for y in years:
        news_list(
            "/Aktualnosci.aspx", f"Aktualności – {y}", [s for s in stories if s.day.year == y], y
        )

    for story in stories:
        current = story.meta["path"]
        print_path = f"/Aktualnosci/Drukuj.aspx?ID={story.meta['id']}"
        gallery = f"/Upload/Galeria/{story.meta['id']}"
        photos = "".join(
            f'<a href="javascript:void(0)" onclick="pokazZdjecie({story.meta["id"]},{k})">'
            f'<img src="{rel(f"{gallery}/m_{k}.jpg", current)}" '
            'width="120" height="90" alt="" border="0" /></a> '
            for k in range(1, story.meta["photos"] + 1)
        )
        related = "".join(
            f'<li><a href="{rel(s.meta["path"], current)}">{esc(s.title)}</a> ({_dmy(s.day)})</li>'
            for s in _pick(stories, story, rng, 3)
        )
        main = (
            '<table width="100%" cellpadding="4" cellspacing="0"><tr><td><span id="ctl00_'
            f'ContentPlaceHolder1_lblTytul" class="tytulSzczegoly">{esc(story.title)}</span>'
            '<br /><span class="etykieta">Data publikacji:</span> <span id="ctl00_'
            f'ContentPlaceHolder1_lblData" class="data">{_dmy(story.day)}</span>&nbsp;|&nbsp;'
            f'<a id="ctl00_ContentPlaceHolder1_hlDrukuj" href="{rel(print_path, current)}" '
            'target="_blank">Drukuj</a></td></tr><tr><td><div id="ctl00_ContentPlaceHolder1_'
            'pnlTresc" class="tresc">'
            + story_html(story, subhead="h3", p_attrs=' style="text-align: justify;"')
            + f'</div></td></tr><tr><td><div class="galeria">{photos}</div></td></tr><tr><td>'
            '<span class="etykieta">Autor:</span> <span id="ctl00_ContentPlaceHolder1_lblAutor">'
            'Referat Promocji</span>&nbsp;&nbsp;<span class="etykieta">Wyświetleń:</span> '
            f'<span id="ctl00_ContentPlaceHolder1_lblLicznik">{story.meta["views"]}</span></td>'
            '</tr><tr><td><a href="javascript:history.back()">&laquo; powrót</a> | <a href="'
            f'{rel("/Aktualnosci.aspx", current)}">wszystkie aktualności</a></td></tr></table>'
            f'<span class="naglowekBoxu">Zobacz również:</span><ul class="powiazane">{related}'
            "</ul>"
        )
        site.add(current, "article", layout(story.title, main, current=current, feed=True))
        printed = (
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\r\n<html xmlns="http://'
            'www.w3.org/1999/xhtml" >\r\n<head><title>\r\n\tWydruk\r\n</title><meta '
            'http-equiv="Content-Type" content="text/html; charset=utf-8" /></head>\r\n<body '
            'onload="window.print()">\r\n<form name="form1" method="post" action="./Drukuj.aspx?'
            f'ID={story.meta["id"]}" id="form1"><div><input type="hidden" name="__VIEWSTATE" '
            f'id="__VIEWSTATE" value="{viewstate(60)}" /></div><table width="650"><tr><td>'
            f'<b>{esc(name)}</b><hr /><span id="lblTytul" class="tytulSzczegoly">'
            f'{esc(story.title)}</span><br /><span id="lblData">{_dmy(story.day)}</span><br />'
            f"{story_html(story, subhead='h3')}</td></tr></table></form>\r\n</body>\r\n"
            "</html>\r\n"
        )
        site.add(print_path, "other", printed)

    # tenders
    rows = "".join(
        f'<tr><td>{t["sign"]}</td><td><a href="{rel(t["path"], "/Przetargi.aspx")}">'
        f"{esc(t['title'])}</a></td><td>{_dmy(t['day'])}</td><td>{_dmy(t['deadline'])}</td>"
        "</tr>"
        for t in tenders
    )
    site.add(
        "/Przetargi.aspx",
        "other",
        layout(
            "Przetargi",
            '<span id="ctl00_ContentPlaceHolder1_lblNaglowek" class="naglowekStrony">Przetargi i '
            'zamówienia publiczne</span><br /><br /><table class="lista" cellspacing="0" '
            'rules="all" border="1" id="ctl00_ContentPlaceHolder1_gvPrzetargi" style="width:100%;'
            'border-collapse:collapse;"><tr><th scope="col">Znak sprawy</th><th scope="col">'
            'Przedmiot zamówienia</th><th scope="col">Data ogłoszenia</th><th scope="col">'
            f"Termin składania ofert</th></tr>{rows}</table>",
            current="/Przetargi.aspx",
        ),
    )
    for t in tenders:
        current = t["path"]
        main = (
            '<table width="100%" cellpadding="4" cellspacing="0"><tr><td><span id="ctl00_'
            f'ContentPlaceHolder1_lblTytul" class="tytulSzczegoly">{esc(t["title"])}</span><br />'
            '<span class="etykieta">Znak sprawy:</span> <span id="ctl00_ContentPlaceHolder1_'
            f'lblZnak">{t["sign"]}</span><br /><span class="etykieta">Tryb:</span> <span '
            f'id="ctl00_ContentPlaceHolder1_lblTryb">{t["kind"]}</span><br /><span '
            'class="etykieta">Data ogłoszenia:</span> <span id="ctl00_ContentPlaceHolder1_'
            f'lblDataOgloszenia" class="data">{_dmy(t["day"])}</span><br /><span '
            'class="etykieta">Termin składania ofert:</span> <span id="ctl00_ContentPlaceHolder1'
            f'_lblTermin">{_dmy(t["deadline"])}, godz. 10:00</span></td></tr><tr><td><div '
            'class="tresc">'
            + _paras(
                [f"{esc(owner[0])} ogłasza {t['kind'].lower()} na zadanie: {t['title']}."]
                + t["text"],
                ' style="text-align: justify;"',
            )
            + '</div></td></tr><tr><td><a href="javascript:history.back()">&laquo; powrót</a> | '
            f'<a href="{rel("/Przetargi.aspx", current)}">wszystkie przetargi</a></td></tr>'
            "</table>"
        )
        site.add(current, "other", layout(t["title"], main, current=current))

    # static pages and the home page
    soltysi = [
        "Jan Kamiński",
        "Halina Sobolewska",
        "Mikołaj Iwaniuk",
        "Teresa Kozłowska",
        "Wiktor Nesteruk",
        "Anna Ostapczuk",
    ]
    contents = {
        1: _paras(writer.about((120, 200))),
        2: _paras(writer.about((150, 260))),
        3: '<table class="lista" border="1" cellspacing="0"><tr><td>Wójt Gminy</td><td>'
        "Andrzej Sadowski</td></tr><tr><td>Zastępca Wójta</td><td>Ewa Borkowska</td></tr><tr>"
        "<td>Skarbnik</td><td>Marta Wiśniewska</td></tr><tr><td>Przewodniczący Rady Gminy</td>"
        "<td>Paweł Głowacki</td></tr></table>",
        4: '<table class="lista" border="1" cellspacing="0"><tr><th>Sołectwo</th><th>'
        "Sołtys</th></tr>"
        + "".join(
            f"<tr><td>{v}</td><td>{p}</td></tr>"
            for (v, _), p in zip(villages, soltysi, strict=True)
        )
        + "</table>",
        5: contact_html("pl", "ul. Główna 1, 17-220 Zabłocie", writer.phone, email),
        7: legal_html("pl", "privacy", owner[0], email),
        8: legal_html("pl", "accessibility", owner[0], email),
    }
    for pid, label in pages.items():
        current = f"/Strona.aspx?id={pid}"
        main = (
            '<span id="ctl00_ContentPlaceHolder1_lblNaglowek" class="naglowekStrony">'
            f'{esc(label)}</span><br /><br /><div id="ctl00_ContentPlaceHolder1_pnlTresc" '
            f'class="tresc">{contents[pid]}</div>'
        )
        site.add(current, "other", layout(label, main, current=current))
    box = "".join(
        f'<tr><td class="data">{_dmy(s.day)}</td><td><a class="tytulNews" href="'
        f'{rel(s.meta["path"], "/Default.aspx")}">{esc(s.title)}</a><br /><span class="skrot">'
        f"{esc(s.lead(1))}</span></td></tr>"
        for s in stories[:5]
    )
    tender_box = "".join(
        f'<li><a href="{rel(t["path"], "/Default.aspx")}">{esc(t["title"])}</a></li>'
        for t in tenders[:3]
    )
    home = (
        '<table width="100%" cellpadding="4"><tr><td><span class="naglowekStrony">Witamy na '
        f"stronie Gminy Zabłocie</span>{_paras(writer.about((60, 90))[:1])}</td></tr><tr><td>"
        '<span class="naglowekBoxu">Aktualności</span><table class="lista" width="100%">'
        f'{box}</table><a href="aktualnosci.aspx" class="wiecej">więcej aktualności &raquo;'
        '</a></td></tr><tr><td><span class="naglowekBoxu">Przetargi</span><ul>'
        f"{tender_box}</ul></td></tr></table>"
    )
    site.add("/Default.aspx", "other", layout("Strona główna", home, current="/Default.aspx"))
    site.redirect("/", u("/Default.aspx"))
    site.add(
        "/Rss.ashx",
        "feed",
        rss(
            f"{name} - Aktualności",
            u("/Aktualnosci.aspx"),
            "Aktualności z Gminy Zabłocie",
            "pl-PL",
            [
                {
                    "title": s.title,
                    "link": s.url,
                    "day": s.day,
                    "description": esc(s.lead(2)),
                }
                for s in stories[:15]
            ],
        ),
        xml=True,
    )
    site.start_urls = [u("/Aktualnosci.aspx")]


# -- Django/Wagtail development agency (uk) ------------------------------------------------------


def wagtail(site: SiteBuilder, rng: random.Random) -> None:
    """A regional development agency on Wagtail: news at ``/uk/novyny/YYYY/MM/slug/`` with
    JSON-LD NewsArticle, the news index paged by Django's ``?page=N`` (``?page=1`` linked from
    the pager) and filtered by ``?category=``, a separate events section ``/uk/podiyi/`` whose
    dated event pages carry JSON-LD Event (not news: the news index never shows them), project
    and team pages, an RSS feed and Wagtail's sitemap."""
    owner = ("Агенція розвитку прикордонних громад", "Агенції розвитку прикордонних громад", "f")
    email = f"office@{_domain(site)}"
    writer = Writer("uk", rng, owner=owner, email=email)
    stories = writer.stories(rng.randint(26, 38), date(2024, 5, 28), gap=(2, 9))
    _clock(rng, stories)
    u = site.url
    name = owner[0]
    cats = [
        ("hranty", "Гранти"),
        ("hromady", "Громади"),
        ("mizhnarodna-spivpratsia", "Міжнародна співпраця"),
        ("navchannia", "Навчання"),
    ]
    image_id = rng.randint(300, 400)
    for story in stories:
        d = story.day
        story.meta["url"] = u(f"/uk/novyny/{d.year}/{d.month:02d}/{slugify(story.title, 7)}/")
        story.meta["cat"] = rng.choice(cats)
        image_id += rng.randint(1, 4)
        story.meta["image"] = (
            f"/media/images/foto_{image_id}.{rng.getrandbits(32):08x}.fill-800x450.jpg"
        )
        story.meta["stamp"] = (
            f"{d.isoformat()}T{story.meta['hour']:02d}:{story.meta['minute']:02d}:00+03:00"
        )
    # events: dated pages in their own section
    events = []
    for title in rng.sample(EVENTS_UK["titles"], rng.randint(10, 12)):
        day = stories[0].day + timedelta(days=rng.randint(-120, 90))
        hour = rng.choice((10, 11, 14, 16))
        events.append(
            {
                "title": title,
                "day": day,
                "hour": hour,
                "place": rng.choice(EVENTS_UK["places"]),
                "text": rng.sample(EVENTS_UK["sentences"], rng.randint(2, 4)),
                "topic": rng.choice(UK["topics"]),
                "url": u(f"/uk/podiyi/{slugify(title, 6)}-{day.year}/"),
            }
        )
    events.sort(key=lambda e: e["day"])
    today = stories[0].day
    upcoming = [e for e in events if e["day"] >= today]
    past = [e for e in events if e["day"] < today][::-1]
    projects = [(title, u(f"/uk/proiekty/{slug}/")) for title, slug in PROJECTS["uk"]]
    menu = [
        ("/uk/pro-nas/", "Про нас"),
        ("/uk/novyny/", "Новини"),
        ("/uk/podiyi/", "Події"),
        ("/uk/proiekty/", "Проєкти"),
        ("/uk/kontakty/", "Контакти"),
    ]

    def layout(
        title: str,
        main: str,
        *,
        url: str,
        template: str,
        og_type: str = "website",
        data: dict | None = None,
        active: str = "",
        description: str = "",
    ) -> str:
        nav = "".join(
            f'<li class="nav__item{" nav__item--active" if p == active else ""}"><a '
            f'class="nav__link" href="{p}">{label}</a></li>'
            for p, label in menu
        )
        ld = (
            '<script type="application/ld+json">'
            + json.dumps(data, ensure_ascii=False)
            + "</script>\n"
            if data
            else ""
        )
        desc = f'<meta name="description" content="{esc(description)}">\n' if description else ""
        return (
            '<!DOCTYPE html>\n<html lang="uk" class="no-js">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(title)} | {esc(name)}</title>\n{desc}"
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<link rel="canonical" href="{esc(url)}">\n<meta property="og:type" '
            f'content="{og_type}">\n<meta property="og:title" content="{esc(title)}">\n'
            f'<meta property="og:url" content="{esc(url)}">\n<meta property="og:site_name" '
            f'content="{esc(name)}">\n'
            '<link rel="alternate" type="application/rss+xml" title="Новини" '
            'href="/uk/novyny/feed/">\n<link rel="stylesheet" href="/static/css/main.7c1e04b2.css">'
            f'\n{ld}</head>\n<body class="template-{template}">\n<a class="skip-link" '
            'href="#main">Перейти до змісту</a><header class="header"><div class="container '
            f'header__inner"><a class="header__logo" href="/uk/" aria-label="{esc(name)}"><img '
            'src="/static/img/logo-ua.svg" alt="АРПГ" width="160" height="48"></a><nav '
            f'class="nav" aria-label="Головне меню"><ul class="nav__list">{nav}</ul></nav><form '
            'class="header__search" action="/uk/search/" method="get"><input type="search" '
            'name="query" placeholder="Пошук"><button type="submit">Знайти</button></form>'
            "</div></header>\n"
            f'<main id="main" class="main">{main}</main>\n<footer class="footer"><div '
            'class="container footer__grid"><div class="footer__col"><p class="footer__title">'
            f"{esc(name)}</p><p>вул. Винниченка 67, 43021 Луцьк<br>{esc(writer.phone)}<br><a "
            f'href="mailto:{email}">{email}</a></p></div><div class="footer__col"><ul><li><a '
            'href="/uk/pro-nas/">Про агенцію</a></li><li><a href="/uk/pro-nas/komanda/">Команда'
            '</a></li><li><a href="/uk/pro-nas/zvity/">Звіти</a></li><li><a '
            'href="/uk/polityka-konfidentsiinosti/">Політика конфіденційності</a></li></ul></div>'
            '<div class="footer__col"><a href="https://www.facebook.example/arph.ua">Facebook'
            '</a> <a href="https://t.example/arph_ua">Telegram</a> <a href="https://www.youtube.'
            'example/@arph">YouTube</a></div></div><p class="footer__note container">Сайт '
            "створено за підтримки міжнародної технічної допомоги. Зміст сайту є виключною "
            f"відповідальністю {esc(owner[1])}.</p></div></footer>\n"
            '<script src="/static/js/main.41d2aa.js" defer></script>\n</body>\n</html>\n'
        )

    def card(story: Story) -> str:
        slug, label = story.meta["cat"]
        return (
            f'<article class="card card--news"><a class="card__image" href="{story.url}" '
            f'tabindex="-1"><img src="{story.meta["image"].replace("800x450", "400x250")}" '
            'alt="" loading="lazy" width="400" height="250"></a><div class="card__body"><div '
            f'class="card__meta"><time datetime="{story.day.isoformat()}">{_dmy(story.day)}'
            f'</time> · <a class="card__category" href="/uk/novyny/?category={slug}">{label}</a>'
            f'</div><h2 class="card__title"><a href="{story.url}">{esc(story.title)}</a></h2>'
            f'<p class="card__intro">{esc(story.lead(1))}</p></div></article>'
        )

    def event_card(event: dict) -> str:
        return (
            '<article class="card card--event"><div class="card__date"><span class="card__day">'
            f'{event["day"].day}</span><span class="card__month">'
            f'{UK["months_gen"][event["day"].month - 1]}</span></div><div class="card__body">'
            f'<h3 class="card__title"><a href="{event["url"]}">{esc(event["title"])}</a></h3>'
            f'<p class="card__place">{esc(event["place"])}</p></div></article>'
        )

    def pagination(number: int, total: int, url_of) -> str:
        if total < 2:
            return ""
        items = []
        if number > 1:
            items.append(f'<li><a href="{esc(url_of(1))}">« перша</a></li>')
            items.append(f'<li><a href="{esc(url_of(number - 1))}">‹ попередня</a></li>')
        for n in range(1, total + 1):
            items.append(
                f'<li class="active"><span>{n}</span></li>'
                if n == number
                else f'<li><a href="{esc(url_of(n))}">{n}</a></li>'
            )
        if number < total:
            items.append(f'<li><a href="{esc(url_of(number + 1))}">наступна ›</a></li>')
            items.append(f'<li><a href="{esc(url_of(total))}">остання »</a></li>')
        return f'<nav class="pagination" aria-label="Сторінки"><ul>{"".join(items)}</ul></nav>'

    def news_index(posts: list[Story], category: tuple[str, str] | None) -> None:
        pages = chunks(posts, 9)
        query = f"?category={category[0]}&" if category else "?"
        first = u("/uk/novyny/" + (f"?category={category[0]}" if category else ""))

        def url_of(n: int) -> str:
            return u(f"/uk/novyny/{query}page={n}")

        filters = "".join(
            f'<li><a class="chip{" chip--active" if category and c[0] == category[0] else ""}" '
            f'href="/uk/novyny/?category={c[0]}">{c[1]}</a></li>'
            for c in cats
        )
        for number, chunk in enumerate(pages, start=1):
            url = first if number == 1 else url_of(number)
            heading = f"Новини: {category[1]}" if category else "Новини"
            main = (
                '<nav class="breadcrumbs container" aria-label="breadcrumb"><ol><li><a '
                f'href="/uk/">Головна</a></li><li aria-current="page">Новини</li></ol></nav>'
                f'<section class="container news-index"><h1 class="page-title">{esc(heading)}'
                '</h1><ul class="chips"><li><a class="chip'
                f'{"" if category else " chip--active"}" href="/uk/novyny/">Усі</a></li>'
                f'{filters}</ul><div class="news-grid">'
                + "".join(card(s) for s in chunk)
                + "</div>"
                + pagination(number, len(pages), url_of)
                + "</section>"
            )
            body = layout(heading, main, url=url, template="newsindexpage", active="/uk/novyny/")
            site.add(url, "listing", body, listed=[s.url for s in chunk])
            if number == 1 and len(pages) > 1:
                site.add(url_of(1), "listing", body, listed=[s.url for s in chunk])

    news_index(stories, None)
    for cat in cats:
        posts = [s for s in stories if s.meta["cat"] == cat]
        if posts:
            news_index(posts, cat)

    for story in stories:
        slug, label = story.meta["cat"]
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": story.title,
            "datePublished": story.meta["stamp"],
            "dateModified": story.meta["stamp"],
            "image": [u(story.meta["image"])],
            "inLanguage": "uk",
            "author": {"@type": "Organization", "name": name},
            "publisher": {
                "@type": "Organization",
                "name": name,
                "logo": {"@type": "ImageObject", "url": u("/static/img/logo-ua.png")},
            },
            "mainEntityOfPage": {"@type": "WebPage", "@id": story.url},
        }
        blocks = story_html(story, subhead="h2").replace(
            "<blockquote>", '<blockquote class="block-quote">'
        )
        related = "".join(card(s) for s in _pick(stories, story, rng, 3))
        share = quote(story.url, safe="")
        main = (
            '<nav class="breadcrumbs container" aria-label="breadcrumb"><ol><li><a href="/uk/">'
            'Головна</a></li><li><a href="/uk/novyny/">Новини</a></li><li aria-current="page">'
            f'{esc(story.title)}</li></ol></nav><article class="news-page container"><header '
            f'class="news-page__header"><p class="news-page__meta"><time datetime="'
            f'{story.meta["stamp"]}">{long_date(story.day, "uk")}</time> · <a href="/uk/novyny/'
            f'?category={slug}">{label}</a></p><h1 class="news-page__title">{esc(story.title)}'
            '</h1></header><figure class="news-page__image"><img src="'
            f'{story.meta["image"]}" alt="" width="800" height="450"></figure><div '
            f'class="rich-text">{blocks}</div><div class="share"><span>Поділитися:</span> <a '
            f'href="https://www.facebook.example/sharer/sharer.php?u={share}" target="_blank" '
            f'rel="noopener">Facebook</a> <a href="https://t.example/share/url?url={share}" '
            'target="_blank" rel="noopener">Telegram</a> <a href="https://x.example/intent/'
            f'tweet?url={share}" target="_blank" rel="noopener">X</a></div></article><section '
            'class="related container"><h2>Інші новини</h2><div class="news-grid">'
            f'{related}</div><a class="btn btn--outline" href="/uk/novyny/">Усі новини</a>'
            "</section>"
        )
        site.add(
            story.url,
            "article",
            layout(
                story.title,
                main,
                url=story.url,
                template="newspage",
                og_type="article",
                data=data,
                active="/uk/novyny/",
                description=story.lead(1),
            ),
        )

    # events
    for event in events:
        start = f"{event['day'].isoformat()}T{event['hour']:02d}:00:00+03:00"
        online = event["place"].startswith("Онлайн")
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": event["title"],
            "startDate": start,
            "eventAttendanceMode": "https://schema.org/"
            + ("OnlineEventAttendanceMode" if online else "OfflineEventAttendanceMode"),
            "location": {"@type": "VirtualLocation" if online else "Place", "name": event["place"]},
            "organizer": {"@type": "Organization", "name": name, "url": u("/uk/")},
        }
        intro = (
            f"{name} запрошує представників громад, бізнесу та громадських організацій. "
            f"Під час заходу поговоримо {event['topic']}."
        )
        others = "".join(event_card(e) for e in upcoming[:3] if e is not event)
        main = (
            '<nav class="breadcrumbs container" aria-label="breadcrumb"><ol><li><a href="/uk/">'
            'Головна</a></li><li><a href="/uk/podiyi/">Події</a></li><li aria-current="page">'
            f'{esc(event["title"])}</li></ol></nav><article class="event-page container">'
            '<header class="event-page__header"><p class="event-page__type">Подія</p><h1>'
            f'{esc(event["title"])}</h1><dl class="event-page__facts"><dt>Дата</dt><dd><time '
            f'datetime="{start}">{long_date(event["day"], "uk")}, {event["hour"]}:00</time></dd>'
            f'<dt>Місце</dt><dd>{esc(event["place"])}</dd></dl></header><div class="rich-text">'
            f"<p>{esc(intro)}</p>{_paras([' '.join(event['text'])])}</div>"
            '<a class="btn" href="https://forms.example/arph-reiestratsiia" target="_blank">'
            "Зареєструватися</a></article>"
            + (
                f'<section class="container"><h2>Інші події</h2>{others}</section>'
                if others
                else ""
            )
        )
        site.add(
            event["url"],
            "other",
            layout(
                event["title"],
                main,
                url=event["url"],
                template="eventpage",
                data=data,
                active="/uk/podiyi/",
            ),
        )
    for path, heading, group in (
        ("/uk/podiyi/", "Найближчі події", upcoming),
        ("/uk/podiyi/mynuli/", "Минулі події", past),
    ):
        cards = "".join(event_card(e) for e in group) or "<p>Наразі немає запланованих подій.</p>"
        main = (
            '<section class="container events-index"><h1 class="page-title">'
            f'{heading}</h1><ul class="chips"><li><a class="chip" href="/uk/podiyi/">Найближчі'
            '</a></li><li><a class="chip" href="/uk/podiyi/mynuli/">Минулі</a></li></ul>'
            f'<div class="events-list">{cards}</div></section>'
        )
        site.add(
            path,
            "other",
            layout(heading, main, url=u(path), template="eventindexpage", active="/uk/podiyi/"),
        )

    # pages
    team = [
        ("Оксана Мельник", "директорка"),
        ("Андрій Ковальчук", "керівник проєктів"),
        ("Ірина Савчук", "фахівчиня з комунікацій"),
        ("Тарас Бондар", "фінансовий менеджер"),
    ]
    statics = {
        "/uk/pro-nas/": ("Про нас", _paras(writer.about())),
        "/uk/pro-nas/komanda/": (
            "Команда",
            '<div class="team">'
            + "".join(
                f'<div class="person"><img src="/media/images/team_{n}.fill-300x300.jpg" alt="">'
                f"<h3>{person}</h3><p>{role}</p></div>"
                for n, (person, role) in enumerate(team)
            )
            + "</div>",
        ),
        "/uk/pro-nas/zvity/": (
            "Звіти",
            "<p>Річні звіти агенції про діяльність та використання коштів.</p><ul "
            'class="documents"><li>Річний звіт за 2023 рік (PDF, 2,4 МБ)</li><li>Річний звіт за '
            "2022 рік (PDF, 1,9 МБ)</li><li>Фінансова звітність за 2023 рік (PDF, 640 КБ)</li>"
            "</ul>",
        ),
        "/uk/proiekty/": (
            "Проєкти",
            _paras(writer.about((60, 100))[:1])
            + '<div class="projects">'
            + "".join(
                f'<article class="card card--project"><h2 class="card__title"><a href="{url}">'
                f"{esc(title)}</a></h2></article>"
                for title, url in projects
            )
            + "</div>",
        ),
        "/uk/kontakty/": (
            "Контакти",
            contact_html("uk", "вул. Винниченка 67, 43021 Луцьк", writer.phone, email),
        ),
        "/uk/polityka-konfidentsiinosti/": (
            "Політика конфіденційності",
            legal_html("uk", "privacy", name, email),
        ),
    }
    for title, url in projects:
        statics[url[len(site.base) :]] = (
            title,
            '<dl class="project-facts"><dt>Статус</dt><dd>Триває</dd><dt>Донор</dt><dd>'
            "Програма транскордонного співробітництва</dd></dl>" + _paras(writer.about((120, 200))),
        )
    for path, (title, content) in statics.items():
        main = (
            '<nav class="breadcrumbs container" aria-label="breadcrumb"><ol><li><a href="/uk/">'
            f'Головна</a></li><li aria-current="page">{esc(title)}</li></ol></nav><article '
            f'class="standard-page container"><h1 class="page-title">{esc(title)}</h1><div '
            f'class="rich-text">{content}</div></article>'
        )
        site.add(
            path,
            "other",
            layout(
                title,
                main,
                url=u(path),
                template="standardpage",
                active="/" + "/".join(path.split("/")[1:3]) + "/",
            ),
        )
    home = (
        '<section class="hero"><div class="container"><h1 class="hero__title">Розвиваємо '
        'прикордонні громади разом</h1><p class="hero__text">'
        f'{esc(writer.about((40, 60))[0])}</p><a class="btn" href="/uk/pro-nas/">Про агенцію'
        '</a></div></section><section class="container home-news"><h2>Новини</h2><div '
        f'class="news-grid">{"".join(card(s) for s in stories[:3])}</div><a class="btn '
        'btn--outline" href="/uk/novyny/">Усі новини</a></section><section class="container '
        f'home-events"><h2>Найближчі події</h2>{"".join(event_card(e) for e in upcoming[:3])}'
        '<a class="btn btn--outline" href="/uk/podiyi/">Усі події</a></section><section '
        'class="container stats"><div class="stat"><span class="stat__number">48</span> громад'
        '-партнерів</div><div class="stat"><span class="stat__number">112</span> проєктів</div>'
        "</section>"
    )
    site.add("/uk/", "other", layout(name, home, url=u("/uk/"), template="homepage"))
    site.redirect("/", u("/uk/"))
    site.redirect("/uk/novyny", u("/uk/novyny/"))
    site.add(
        "/uk/novyny/feed/",
        "feed",
        rss(
            f"{name}: новини",
            u("/uk/novyny/"),
            "Новини агенції",
            "uk",
            [
                {
                    "title": s.title,
                    "link": s.url,
                    "day": s.day,
                    "hour": s.meta["hour"],
                    "category": s.meta["cat"][1],
                    "description": esc(s.lead(2)),
                }
                for s in stories[:15]
            ],
        ),
        xml=True,
    )
    entries = [(u("/uk/"), None), (u("/uk/novyny/"), stories[0].day)]
    entries += [(s.url, s.day) for s in stories]
    entries += [(u("/uk/podiyi/"), None), (u("/uk/podiyi/mynuli/"), None)]
    entries += [(e["url"], None) for e in events]
    entries += [(u(p), None) for p in statics]
    site.add("/sitemap.xml", "sitemap", urlset(entries), xml=True)
    site.robots = (
        "User-agent: *\nDisallow: /admin/\nDisallow: /django-admin/\nDisallow: /uk/search/\n\n"
        f"Sitemap: {u('/sitemap.xml')}\n"
    )
    site.start_urls = [u("/uk/novyny/")]


# -- WordPress with an Elementor theme (en) ------------------------------------------------------


def _eid(key: str) -> str:
    """An Elementor element id: fixed for an element of a template."""
    return hashlib.md5(key.encode()).hexdigest()[:7]


def _widget(kind: str, inner: str, key: str, extra: str = "") -> str:
    eid = _eid(key)
    return (
        f'<div class="elementor-element elementor-element-{eid}{extra} elementor-widget '
        f'elementor-widget-{kind}" data-id="{eid}" data-element_type="widget" '
        f'data-widget_type="{kind}.default"><div class="elementor-widget-container">{inner}'
        "</div></div>"
    )


def _section(inner: str, key: str, extra: str = "") -> str:
    sid, cid = _eid(key), _eid(key + ":column")
    return (
        f'<section class="elementor-section elementor-top-section elementor-element '
        f"elementor-element-{sid} elementor-section-boxed elementor-section-height-default"
        f'{extra}" data-id="{sid}" data-element_type="section"><div class="elementor-container '
        'elementor-column-gap-default"><div class="elementor-column elementor-col-100 '
        f'elementor-top-column elementor-element elementor-element-{cid}" data-id="{cid}" '
        'data-element_type="column"><div class="elementor-widget-wrap '
        f'elementor-element-populated">{inner}</div></div></div></section>'
    )


def elementor(site: SiteBuilder, rng: random.Random) -> None:
    """An NGO's WordPress site built with Elementor Pro (Hello theme, Yoast): posts at
    ``/slug/`` exactly like pages at ``/slug/`` and ``/parent/slug/``, both built from Elementor
    sections and widgets; the news page ``/blog/`` is a page holding a Posts widget (cards with
    title and date only) paged ``/blog/page/N/``; category and author archives in the same grid;
    Yoast's JSON-LD gives pages a datePublished too; ``sitemap_index.xml`` lists post, page,
    category and author sitemaps; comments closed."""
    owner = ("Civic Bridge Foundation", "Civic Bridge Foundation", "f")
    email = f"hello@{_domain(site)}"
    writer = Writer("en", rng, owner=owner, email=email)
    stories = writer.stories(rng.randint(24, 36), date(2024, 3, 12), gap=(4, 15))
    _clock(rng, stories)
    u = site.url
    name = owner[0]
    cats = [("news", "News"), ("press-releases", "Press releases"), ("stories", "Stories")]
    authors = [("kasia", "Kasia Nowak"), ("ales", "Aleś Kavaleŭski"), ("team", "Civic Bridge")]
    post_id = rng.randint(180, 260)
    slugs: set[str] = set()
    for story in reversed(stories):
        post_id += rng.randint(2, 11)
        story.meta["id"] = post_id
        slug = slugify(story.title, 8)
        while slug in slugs:
            slug += "-2"
        slugs.add(slug)
        story.meta["url"] = u(f"/{slug}/")
        story.meta["cat"] = rng.choices(cats, weights=(6, 2, 2))[0]
        story.meta["author"] = rng.choice(authors)
        story.meta["image"] = (
            f"/wp-content/uploads/{story.day.year}/{story.day.month:02d}/"
            f"{slug[:24].rstrip('-')}-768x512.jpg"
        )
        story.meta["modified"] = story.day + timedelta(days=rng.choice((0, 0, 1, 3)))
    blog = u("/blog/")
    menu = [
        ("/about-us/", "About us"),
        ("/projects/", "Projects"),
        ("/blog/", "News"),
        ("/get-involved/", "Get involved"),
        ("/contact/", "Contact"),
    ]

    def nav(where: str) -> str:
        extra = ' tabindex="-1"' if where == "dropdown" else ""
        items = "".join(
            f'<li class="menu-item menu-item-type-post_type menu-item-object-page '
            f'menu-item-{31 + n}"><a href="{u(p)}" class="elementor-item"{extra}>{label}</a>'
            "</li>"
            for n, (p, label) in enumerate(menu)
        )
        return f'<ul id="menu-{where}-1-main" class="elementor-nav-menu">{items}</ul>'

    header = (
        '<div data-elementor-type="header" data-elementor-id="14" class="elementor elementor-14 '
        'elementor-location-header">'
        + _section(
            _widget(
                "theme-site-logo",
                f'<a href="{u("/")}"><img width="220" height="64" src="/wp-content/uploads/2021/'
                f'02/civic-bridge-logo.png" class="attachment-full size-full" alt="{name}"></a>',
                "header:logo",
                " elementor-widget-image",
            )
            + _widget(
                "nav-menu",
                '<nav class="elementor-nav-menu--main elementor-nav-menu__container elementor-'
                f'nav-menu--layout-horizontal e--pointer-underline">{nav("main")}</nav>'
                '<div class="elementor-menu-toggle" role="button" tabindex="0" aria-label="Menu '
                'Toggle" aria-expanded="false"></div><nav class="elementor-nav-menu--dropdown '
                f'elementor-nav-menu__container" aria-hidden="true">{nav("dropdown")}</nav>',
                "header:nav",
            )
            + _widget(
                "button",
                f'<div class="elementor-button-wrapper"><a href="{u("/donate/")}" class="'
                'elementor-button-link elementor-button elementor-size-sm" role="button"><span '
                'class="elementor-button-content-wrapper"><span class="elementor-button-text">'
                "Donate</span></span></a></div>",
                "header:donate",
            ),
            "header:section",
        )
        + "</div>"
    )
    footer = (
        '<div data-elementor-type="footer" data-elementor-id="17" class="elementor elementor-17 '
        'elementor-location-footer">'
        + _section(
            _widget(
                "heading",
                '<h4 class="elementor-heading-title elementor-size-default">Stay in touch</h4>',
                "footer:heading",
            )
            + _widget(
                "text-editor",
                "<p>Get our newsletter with news from partners in Belarus, Poland and "
                'Lithuania.</p><p><a href="https://civicbridge.list-manage.example/subscribe">'
                "Subscribe</a></p>",
                "footer:text",
            )
            + _widget(
                "social-icons",
                '<div class="elementor-social-icons-wrapper elementor-grid"><span class="'
                'elementor-grid-item"><a class="elementor-icon elementor-social-icon '
                'elementor-social-icon-facebook" href="https://www.facebook.example/civicbridge" '
                'target="_blank"><span class="elementor-screen-only">Facebook</span></a></span>'
                '<span class="elementor-grid-item"><a class="elementor-icon elementor-social-icon '
                'elementor-social-icon-linkedin" href="https://www.linkedin.example/company/'
                'civicbridge" target="_blank"><span class="elementor-screen-only">Linkedin</span>'
                "</a></span></div>",
                "footer:social",
            )
            + _widget(
                "text-editor",
                f'<p>© 2024 {name} · Registered charity in Vilnius · <a href="'
                f'{u("/privacy-policy/")}">Privacy policy</a> · <a href="{u("/reports/")}">'
                "Annual reports</a></p>",
                "footer:copyright",
            ),
            "footer:section",
        )
        + "</div>"
    )

    def yoast(
        url: str,
        title: str,
        kind: str,
        published: date,
        modified: date,
        story: Story | None = None,
        crumbs: list[tuple[str, str]] | None = None,
    ) -> str:
        graph: list[dict] = []
        page = {
            "@type": kind,
            "@id": url,
            "url": url,
            "name": f"{title} - {name}",
            "isPartOf": {"@id": u("/#website")},
            "datePublished": f"{published.isoformat()}T09:12:44+00:00",
            "dateModified": f"{modified.isoformat()}T14:03:10+00:00",
            "breadcrumb": {"@id": url + "#breadcrumb"},
            "inLanguage": "en-GB",
        }
        if kind == "CollectionPage":
            del page["datePublished"], page["dateModified"]
        if story is not None:
            graph.append(
                {
                    "@type": "Article",
                    "@id": url + "#article",
                    "isPartOf": {"@id": url},
                    "author": {"name": story.meta["author"][1]},
                    "headline": story.title,
                    "datePublished": page["datePublished"],
                    "dateModified": page["dateModified"],
                    "mainEntityOfPage": {"@id": url},
                    "publisher": {"@id": u("/#organization")},
                    "articleSection": [story.meta["cat"][1]],
                    "inLanguage": "en-GB",
                }
            )
        graph.append(page)
        items = [{"@type": "ListItem", "position": 1, "name": "Home", "item": u("/")}]
        for n, (href, label) in enumerate(crumbs or [], start=2):
            items.append({"@type": "ListItem", "position": n, "name": label, "item": href})
        items.append({"@type": "ListItem", "position": len(items) + 1, "name": title})
        graph.append(
            {"@type": "BreadcrumbList", "@id": url + "#breadcrumb", "itemListElement": items}
        )
        graph.append(
            {
                "@type": "WebSite",
                "@id": u("/#website"),
                "url": u("/"),
                "name": name,
                "publisher": {"@id": u("/#organization")},
                "inLanguage": "en-GB",
            }
        )
        graph.append(
            {"@type": "Organization", "@id": u("/#organization"), "name": name, "url": u("/")}
        )
        data = {"@context": "https://schema.org", "@graph": graph}
        return (
            '<script type="application/ld+json" class="yoast-schema-graph">'
            + json.dumps(data, ensure_ascii=False)
            + "</script>\n"
        )

    def layout(
        title: str,
        content: str,
        *,
        url: str,
        body_class: str,
        og_type: str,
        schema: str,
        story: Story | None = None,
        modified: date | None = None,
        feeds: list[tuple[str, str]] | None = None,
        robots: str = "index, follow, max-image-preview:large, max-snippet:-1",
    ) -> str:
        meta = ""
        if story is not None:
            meta += (
                '<meta property="article:published_time" content="'
                f'{story.day.isoformat()}T09:12:44+00:00">\n'
            )
        if modified is not None:
            meta += (
                '<meta property="article:modified_time" content="'
                f'{modified.isoformat()}T14:03:10+00:00">\n'
            )
        feed_links = "".join(
            f'<link rel="alternate" type="application/rss+xml" title="{esc(label)}" '
            f'href="{href}">\n'
            for href, label in [
                (u("/feed/"), f"{name} » Feed"),
                (u("/comments/feed/"), f"{name} » Comments Feed"),
                *(feeds or []),
            ]
        )
        page_title = title if url == u("/") else f"{title} - {name}"
        return (
            '<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="UTF-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<title>{esc(page_title)}</title>\n<meta name="robots" content="{robots}">\n'
            f'<link rel="canonical" href="{url}">\n<meta property="og:locale" content="en_GB">\n'
            f'<meta property="og:type" content="{og_type}">\n<meta property="og:title" '
            f'content="{esc(page_title)}">\n<meta property="og:url" content="{url}">\n'
            f'<meta property="og:site_name" content="{esc(name)}">\n{meta}{schema}{feed_links}'
            f'<link rel="https://api.w.org/" href="{u("/wp-json/")}">\n'
            "<link rel='stylesheet' id='elementor-frontend-css' href='"
            f"{u('/wp-content/plugins/elementor/assets/css/frontend.min.css?ver=3.19.2')}' "
            "media='all'>\n<link rel='stylesheet' id='elementor-post-5-css' href='"
            f"{u('/wp-content/uploads/elementor/css/post-5.css?ver=1709031230')}' media='all'>\n"
            f'</head>\n<body class="{body_class} elementor-default elementor-kit-5">\n'
            '<a class="skip-link screen-reader-text" href="#content">Skip to content</a>\n'
            f'{header}\n<main id="content" class="site-main">{content}</main>\n{footer}\n'
            "<script src='"
            f"{u('/wp-content/plugins/elementor-pro/assets/js/frontend.min.js?ver=3.19.2')}'"
            "></script>\n</body>\n</html>\n"
        )

    def when(story: Story) -> str:
        return long_date(story.day, "en")

    def card(story: Story, key: str) -> str:
        slug, _ = story.meta["cat"]
        return (
            f'<article class="elementor-post elementor-grid-item post-{story.meta["id"]} post '
            f"type-post status-publish format-standard has-post-thumbnail hentry "
            f'category-{slug}"><a class="elementor-post__thumbnail__link" href="{story.url}" '
            'tabindex="-1"><div class="elementor-post__thumbnail"><img width="768" height="512" '
            f'src="{u(story.meta["image"])}" class="attachment-medium_large size-medium_large '
            f'wp-image-{story.meta["id"] + 1}" alt="" loading="lazy"></div></a><div '
            f'class="elementor-post__text"><h3 class="elementor-post__title"><a href="'
            f'{story.url}">{esc(story.title)}</a></h3><div class="elementor-post__meta-data">'
            f'<span class="elementor-post-date">{when(story)}</span></div><a '
            f'class="elementor-post__read-more" href="{story.url}" aria-label="Read more about '
            f'{esc(story.title)}" tabindex="-1">Read More »</a></div></article>'
        )

    def posts_widget(posts: list[Story], key: str, pager: str = "") -> str:
        return _widget(
            "posts",
            '<div class="elementor-posts-container elementor-posts elementor-posts--skin-classic'
            ' elementor-grid">' + "".join(card(s, key) for s in posts) + "</div>" + pager,
            key,
            " elementor-grid-3 elementor-posts--thumbnail-top",
        )

    def pager_html(number: int, total: int, url_of) -> str:
        if total < 2:
            return ""
        links = []
        if number > 1:
            links.append(
                f'<a class="page-numbers prev" href="{url_of(number - 1)}">&laquo; Previous</a>'
            )
        for n in range(1, total + 1):
            links.append(
                f'<span aria-current="page" class="page-numbers current"><span class="elementor-'
                f'screen-only">Page</span>{n}</span>'
                if n == number
                else f'<a class="page-numbers" href="{url_of(n)}"><span class="elementor-screen-'
                f'only">Page</span>{n}</a>'
            )
        if number < total:
            links.append(
                f'<a class="page-numbers next" href="{url_of(number + 1)}">Next &raquo;</a>'
            )
        return (
            '<nav class="elementor-pagination" aria-label="Pagination">'
            + " ".join(links)
            + "</nav>"
        )

    def heading(text: str, key: str, tag: str = "h1") -> str:
        return _widget(
            "heading",
            f'<{tag} class="elementor-heading-title elementor-size-default">{esc(text)}</{tag}>',
            key,
        )

    # the news page and archives
    blog_id = post_id + 40
    pages_ = chunks(stories, 9)
    for number, chunk in enumerate(pages_, start=1):
        url = blog if number == 1 else u(f"/blog/page/{number}/")
        content = (
            f'<div data-elementor-type="wp-page" data-elementor-id="{blog_id}" class="elementor '
            f'elementor-{blog_id}">'
            + _section(heading("News", "blog:title"), "blog:hero", " elementor-section-full_width")
            + _section(
                posts_widget(
                    chunk,
                    "blog:posts",
                    pager_html(
                        number, len(pages_), lambda n: blog if n == 1 else u(f"/blog/page/{n}/")
                    ),
                ),
                "blog:grid",
            )
            + "</div>"
        )
        site.add(
            url,
            "listing",
            layout(
                "News" if number == 1 else f"News - Page {number} of {len(pages_)}",
                content,
                url=url,
                body_class=f"page-template page-template-elementor_header_footer page "
                f"page-id-{blog_id} paged paged-{number} page-paged-{number} elementor-page "
                f"elementor-page-{blog_id}",
                og_type="article",
                schema=yoast(
                    url, "News", "WebPage", date(2021, 2, 14), stories[0].day, crumbs=None
                ),
                modified=stories[0].day,
            ),
            listed=[s.url for s in chunk],
        )

    def archive(path: str, title: str, posts: list[Story], klass: str, feed: tuple) -> None:
        pages = chunks(posts, 9)

        def url_of(n: int) -> str:
            return u(path if n == 1 else f"{path}page/{n}/")

        for number, chunk in enumerate(pages, start=1):
            url = url_of(number)
            content = (
                '<div data-elementor-type="archive" data-elementor-id="408" class="elementor '
                'elementor-408 elementor-location-archive">'
                + _section(
                    _widget(
                        "theme-archive-title",
                        '<h1 class="elementor-heading-title elementor-size-default">'
                        f"{esc(title)}</h1>",
                        "archive:title",
                        " elementor-widget-heading",
                    ),
                    "archive:hero",
                )
                + _section(
                    _widget(
                        "archive-posts",
                        '<div class="elementor-posts-container elementor-posts elementor-posts--'
                        'skin-classic elementor-grid">'
                        + "".join(card(s, "archive") for s in chunk)
                        + "</div>"
                        + pager_html(number, len(pages), url_of),
                        "archive:posts",
                    ),
                    "archive:grid",
                )
                + "</div>"
            )
            site.add(
                url,
                "listing",
                layout(
                    title if number == 1 else f"{title} - Page {number} of {len(pages)}",
                    content,
                    url=url,
                    body_class=f"archive {klass} elementor-page-408",
                    og_type="article",
                    schema=yoast(url, title, "CollectionPage", stories[0].day, stories[0].day),
                    feeds=[feed],
                ),
                listed=[s.url for s in chunk],
            )

    feeds_extra: list[str] = []
    for slug, label in cats:
        posts = [s for s in stories if s.meta["cat"][0] == slug]
        if posts:
            feed = u(f"/category/{slug}/feed/")
            feeds_extra.append(feed)
            archive(
                f"/category/{slug}/",
                label,
                posts,
                f"category category-{slug}",
                (feed, f"{name} » {label} Category Feed"),
            )
    for slug, label in authors:
        posts = [s for s in stories if s.meta["author"][0] == slug]
        if posts:
            feed = u(f"/author/{slug}/feed/")
            feeds_extra.append(feed)
            archive(
                f"/author/{slug}/",
                label,
                posts,
                f"author author-{slug}",
                (feed, f"{name} » Posts by {label} Feed"),
            )

    # posts
    for index, story in enumerate(stories):
        slug, label = story.meta["cat"]
        author_slug, author = story.meta["author"]
        info = (
            '<ul class="elementor-inline-items elementor-icon-list-items elementor-post-info">'
            '<li class="elementor-icon-list-item elementor-repeater-item-7d2c1f4 elementor-inline-'
            'item" itemprop="datePublished"><span class="elementor-icon-list-icon"><i aria-hidden'
            '="true" class="fas fa-calendar"></i></span><span class="elementor-icon-list-text '
            f'elementor-post-info__item elementor-post-info__item--type-date">{when(story)}'
            '</span></li><li class="elementor-icon-list-item elementor-repeater-item-5b91e02 '
            f'elementor-inline-item" itemprop="author"><a href="{u(f"/author/{author_slug}/")}">'
            '<span class="elementor-icon-list-text elementor-post-info__item elementor-post-info_'
            f'_item--type-author">{esc(author)}</span></a></li><li class="elementor-icon-list-'
            'item elementor-repeater-item-0c6a3d8 elementor-inline-item" itemprop="about"><span '
            'class="elementor-icon-list-text elementor-post-info__item elementor-post-info__item-'
            f'-type-terms"><span class="elementor-post-info__terms-list"><a href="'
            f'{u(f"/category/{slug}/")}" class="elementor-post-info__terms-list-item">{label}</a>'
            "</span></span></li></ul>"
        )
        older = stories[index + 1] if index + 1 < len(stories) else None
        newer = stories[index - 1] if index > 0 else None
        navigation = '<div class="elementor-post-navigation">'
        if older:
            navigation += (
                '<div class="elementor-post-navigation__prev elementor-post-navigation__link"><a '
                f'href="{older.url}" rel="prev"><span class="post-navigation__arrow-wrapper '
                'post-navigation__arrow-prev"></span><span class="elementor-post-navigation__link'
                '__prev"><span class="post-navigation__prev--label">Previous</span><span '
                f'class="post-navigation__prev--title">{esc(older.title)}</span></span></a></div>'
            )
        if newer:
            navigation += (
                '<div class="elementor-post-navigation__next elementor-post-navigation__link"><a '
                f'href="{newer.url}" rel="next"><span class="elementor-post-navigation__link__'
                'next"><span class="post-navigation__next--label">Next</span><span class="post-'
                f'navigation__next--title">{esc(newer.title)}</span></span><span class="post-'
                'navigation__arrow-wrapper post-navigation__arrow-next"></span></a></div>'
            )
        navigation += "</div>"
        share = (
            '<div class="elementor-grid">'
            + "".join(
                f'<div class="elementor-grid-item"><div class="elementor-share-btn elementor-'
                f'share-btn_{net}" role="button" tabindex="0" aria-label="Share on {net}"><span '
                f'class="elementor-share-btn__icon"><i class="fab fa-{net}" aria-hidden="true">'
                "</i></span></div></div>"
                for net in ("facebook", "linkedin", "twitter")
            )
            + "</div>"
        )
        content = (
            '<div data-elementor-type="single-post" data-elementor-id="412" class="elementor '
            f"elementor-412 elementor-location-single post-{story.meta['id']} post type-post "
            f'status-publish format-standard has-post-thumbnail hentry category-{slug}">'
            + _section(
                _widget(
                    "theme-post-title",
                    '<h1 class="elementor-heading-title elementor-size-default">'
                    f"{esc(story.title)}</h1>",
                    "single:title",
                    " elementor-page-title elementor-widget-heading",
                )
                + _widget("post-info", info, "single:info"),
                "single:hero",
            )
            + _section(
                _widget(
                    "theme-post-featured-image",
                    f'<img width="1024" height="683" src="{u(story.meta["image"])}" '
                    'class="attachment-large size-large" alt="">',
                    "single:image",
                    " elementor-widget-image",
                )
                + _widget("theme-post-content", story_html(story, subhead="h3"), "single:content")
                + _widget("share-buttons", share, "single:share")
                + _widget("post-navigation", navigation, "single:navigation"),
                "single:body",
            )
            + _section(
                heading("More news", "single:more", "h2")
                + posts_widget(_pick(stories, story, rng, 3), "single:related"),
                "single:related-section",
            )
            + "</div>"
        )
        site.add(
            story.url,
            "article",
            layout(
                story.title,
                content,
                url=story.url,
                body_class=f"post-template-default single single-post postid-{story.meta['id']} "
                "single-format-standard elementor-page-412",
                og_type="article",
                schema=yoast(
                    story.url,
                    story.title,
                    "WebPage",
                    story.day,
                    story.meta["modified"],
                    story,
                    [(blog, "News")],
                ),
                story=story,
                modified=story.meta["modified"],
            ),
        )
        site.redirect(f"/?p={story.meta['id']}", story.url)

    # pages, each an Elementor layout
    team = [
        ("Hanna Sidarenka", "Executive director"),
        ("Marek Zawadzki", "Programme manager"),
        ("Kasia Nowak", "Communications"),
        ("Aleś Kavaleŭski", "Grants officer"),
    ]
    project_pages = [(title, f"/projects/{slug}/") for title, slug in PROJECTS["en"]]

    def text(paragraphs: list[str], key: str) -> str:
        return _widget("text-editor", _paras(paragraphs), key)

    def button(label: str, path: str, key: str) -> str:
        return _widget(
            "button",
            f'<div class="elementor-button-wrapper"><a href="{u(path)}" class="elementor-button-'
            'link elementor-button elementor-size-md" role="button"><span class="elementor-'
            f'button-content-wrapper"><span class="elementor-button-text">{label}</span></span>'
            "</a></div>",
            key,
        )

    statics: dict[str, tuple[str, str, date]] = {}

    def static(path: str, title: str, body: str, created: date) -> None:
        statics[path] = (title, body, created)

    static(
        "/about-us/",
        "About us",
        text(writer.about(), "about:text") + button("Meet the team", "/about-us/our-team/", "b1"),
        date(2021, 2, 10),
    )
    static(
        "/about-us/our-team/",
        "Our team",
        "".join(
            _widget(
                "image-box",
                f'<div class="elementor-image-box-wrapper"><figure class="elementor-image-box-img">'
                f'<img src="{u(f"/wp-content/uploads/2022/05/team-{n}.jpg")}" alt=""></figure>'
                '<div class="elementor-image-box-content"><h3 class="elementor-image-box-title">'
                f'{person}</h3><p class="elementor-image-box-description">{role}</p></div></div>',
                f"team:{n}",
            )
            for n, (person, role) in enumerate(team)
        ),
        date(2021, 2, 10),
    )
    static(
        "/projects/",
        "Projects",
        text(writer.about((60, 100))[:1], "projects:intro")
        + "".join(
            _widget(
                "icon-box",
                '<div class="elementor-icon-box-wrapper"><div class="elementor-icon-box-content">'
                f'<h3 class="elementor-icon-box-title"><a href="{u(path)}">{esc(title)}</a></h3>'
                "</div></div>",
                f"projects:{path}",
            )
            for title, path in project_pages
        ),
        date(2021, 2, 11),
    )
    for title, path in project_pages:
        static(
            path,
            title,
            text(writer.about((120, 200)), f"project:{path}")
            + button("Support this project", "/donate/", f"project-donate:{path}"),
            date(2021 + len(path) % 3, 3 + len(title) % 8, 9),
        )
    static(
        "/get-involved/",
        "Get involved",
        text(
            [
                "There are many ways to support civil society in the region: volunteer with us, "
                "become a partner organisation or share your expertise as a mentor.",
                "We also welcome pro bono help from lawyers, translators and designers.",
            ],
            "involved:text",
        )
        + button("Contact us", "/contact/", "involved:button"),
        date(2021, 3, 2),
    )
    static(
        "/donate/",
        "Donate",
        text(
            [
                "Your donation goes directly to independent initiatives in the region.",
                "We publish an annual report on how every euro was spent.",
            ],
            "donate:text",
        )
        + _widget(
            "html",
            '<form class="donation-form" action="https://donate.example/civicbridge" method="get">'
            '<input type="number" name="amount" value="25"><button type="submit">Donate'
            "</button></form>",
            "donate:form",
        ),
        date(2021, 3, 2),
    )
    static(
        "/contact/",
        "Contact",
        _widget(
            "text-editor",
            contact_html("en", "Gedimino pr. 20, 01103 Vilnius", writer.phone, email),
            "contact:text",
        )
        + _widget(
            "form",
            '<form class="elementor-form" method="post" name="Contact"><input type="text" '
            'name="form_fields[name]" placeholder="Name"><input type="email" name="form_fields'
            '[email]" placeholder="Email"><textarea name="form_fields[message]"></textarea>'
            '<button type="submit" class="elementor-button">Send</button></form>',
            "contact:form",
        ),
        date(2021, 2, 10),
    )
    static(
        "/reports/",
        "Annual reports",
        text(
            [
                "Annual report 2023 (PDF, 3.1 MB)",
                "Annual report 2022 (PDF, 2.7 MB)",
                "Financial statement 2023 (PDF, 480 KB)",
            ],
            "reports:text",
        ),
        date(2022, 6, 30),
    )
    static(
        "/privacy-policy/",
        "Privacy policy",
        _widget("text-editor", legal_html("en", "privacy", name, email), "privacy:text"),
        date(2021, 2, 10),
    )
    page_id = 20
    for path, (title, body, created) in statics.items():
        page_id += rng.randint(2, 9)
        url = u(path)
        modified = created + timedelta(days=rng.randint(30, 700))
        parent = "/" + path.split("/")[1] + "/"
        crumbs = [(u(parent), statics[parent][0])] if parent != path else []
        content = (
            f'<div data-elementor-type="wp-page" data-elementor-id="{page_id}" class="elementor '
            f'elementor-{page_id}">'
            + _section(
                heading(title, f"page:{path}:title"),
                f"page:{path}:hero",
                " elementor-section-full_width",
            )
            + _section(body, f"page:{path}:body")
            + "</div>"
        )
        site.add(
            url,
            "other",
            layout(
                title,
                content,
                url=url,
                body_class=f"page-template page-template-elementor_header_footer page "
                f"page-id-{page_id} elementor-page elementor-page-{page_id}",
                og_type="article",
                schema=yoast(url, title, "WebPage", created, modified, crumbs=crumbs),
                modified=modified,
            ),
        )
    home = (
        f'<div data-elementor-type="wp-page" data-elementor-id="{page_id + 3}" class="elementor '
        f'elementor-{page_id + 3}">'
        + _section(
            heading("Building bridges between civil societies", "home:title")
            + text(writer.about((40, 70))[:1], "home:lead")
            + button("What we do", "/about-us/", "home:about"),
            "home:hero",
            " elementor-section-full_width elementor-section-height-min-height",
        )
        + _section(
            heading("Latest news", "home:news", "h2")
            + posts_widget(stories[:3], "home:posts")
            + button("All news", "/blog/", "home:all"),
            "home:news-section",
        )
        + _section(
            _widget(
                "counter",
                '<div class="elementor-counter"><div class="elementor-counter-number-wrapper">'
                '<span class="elementor-counter-number" data-to-value="64">64</span></div><div '
                'class="elementor-counter-title">partner organisations</div></div>',
                "home:counter",
            ),
            "home:numbers",
        )
        + "</div>"
    )
    site.add(
        u("/"),
        "other",
        layout(
            name,
            home,
            url=u("/"),
            body_class=f"home page-template page-template-elementor_header_footer page "
            f"page-id-{page_id + 3} elementor-page elementor-page-{page_id + 3}",
            og_type="website",
            schema=yoast(u("/"), "Home", "WebPage", date(2021, 2, 9), stories[0].day),
            modified=stories[0].day,
        ),
    )

    # feeds and sitemaps
    def feed_items(posts: list[Story]) -> list[dict]:
        return [
            {
                "title": s.title,
                "link": s.url,
                "creator": s.meta["author"][1],
                "day": s.day,
                "hour": s.meta["hour"],
                "category": s.meta["cat"][1],
                "guid": u(f"/?p={s.meta['id']}"),
                "description": s.lead(2) + " [&#8230;]",
            }
            for s in posts[:10]
        ]

    desc = "Supporting civil society across borders"
    site.add("/feed/", "feed", rss(name, u("/"), desc, "en-GB", feed_items(stories)), xml=True)
    site.add(
        "/comments/feed/",
        "feed",
        rss(f"Comments for {name}", u("/"), desc, "en-GB", []),
        xml=True,
    )
    for feed in feeds_extra:
        kind, slug = feed[len(site.base) :].split("/")[1:3]
        posts = [
            s
            for s in stories
            if (s.meta["cat"][0] if kind == "category" else s.meta["author"][0]) == slug
        ]
        site.add(
            feed,
            "feed",
            rss(name, u(f"/{kind}/{slug}/"), desc, "en-GB", feed_items(posts)),
            xml=True,
        )
    sitemaps = {
        "/post-sitemap.xml": urlset(
            [(blog, stories[0].day)] + [(s.url, s.meta["modified"]) for s in stories]
        ),
        "/page-sitemap.xml": urlset([(u("/"), stories[0].day)] + [(u(p), None) for p in statics]),
        "/category-sitemap.xml": urlset(
            [
                (u(f"/category/{slug}/"), None)
                for slug, _ in cats
                if any(s.meta["cat"][0] == slug for s in stories)
            ]
        ),
        "/author-sitemap.xml": urlset(
            [
                (u(f"/author/{slug}/"), None)
                for slug, _ in authors
                if any(s.meta["author"][0] == slug for s in stories)
            ]
        ),
    }
    site.add(
        "/sitemap_index.xml",
        "sitemap",
        sitemap_index([(u(p), stories[0].day) for p in sitemaps]),
        xml=True,
    )
    for path, body in sitemaps.items():
        site.add(path, "sitemap", body, xml=True)
    site.robots = (
        "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\n"
        f"Sitemap: {u('/sitemap_index.xml')}\n"
    )
    site.start_urls = [blog]
