"""Zoo sites of the common CMS families (``clusterwatch.zoo.sites``).

WordPress, Joomla, Drupal, 1C-Bitrix (two sites), a Tilda-like page builder and a gov.pl-like
portal service.

Each function fills a :class:`~clusterwatch.zoo.site.SiteBuilder` with the pages of one site in
its family's URL scheme and template structure (our own markup and text; the structures are the
families' well-known ones: WordPress's ``/YYYY/MM/DD/slug/`` posts, ``?replytocom=`` links and
``wp-sitemap.xml``, Joomla's ``index.php?option=com_content`` URLs, Drupal's ``/node/N``,
Bitrix's ``?PAGEN_1=`` pagers, Tilda's ``/tpost/`` posts and ``t-rec`` blocks…).
"""

from __future__ import annotations

import random
import string
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
from .text import COMMENTS_PL, PL, Story, Writer, long_date, slugify


def _domain(site: SiteBuilder) -> str:
    return site.base.split("://", 1)[1].removeprefix("www.")


def _clock(rng: random.Random, stories: list[Story]) -> None:
    for story in stories:
        story.meta["hour"] = rng.randint(7, 17)
        story.meta["minute"] = rng.choice(range(0, 60, 5))


def _dmy(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def _related(stories: list[Story], story: Story, rng: random.Random, count: int) -> list[Story]:
    others = [s for s in stories if s is not story]
    return rng.sample(others, min(count, len(others)))


# -- WordPress (pl) --------------------------------------------------------------------------


def wordpress(site: SiteBuilder, rng: random.Random) -> None:
    """A cluster's WordPress site with a Yoast-like SEO plugin, comments and core sitemaps."""
    owner = ("Klaster Współpracy Transgranicznej", "Klastra Współpracy Transgranicznej", "m")
    email = f"biuro@{_domain(site)}"
    writer = Writer("pl", rng, owner=owner, email=email)
    stories = writer.stories(rng.randint(30, 40), date(2019, 3, 14), gap=(3, 13))
    _clock(rng, stories)
    cats = [
        ("projekty", "Projekty"),
        ("szkolenia", "Szkolenia"),
        ("wspolpraca-zagraniczna", "Współpraca zagraniczna"),
        ("z-zycia-klastra", "Z życia klastra"),
    ]
    tags = [
        ("eksport", "eksport"),
        ("interreg", "Interreg"),
        ("bialorus", "Białoruś"),
        ("energetyka", "energetyka"),
        ("szkolenia", "szkolenia"),
        ("samorzady", "samorządy"),
        ("innowacje", "innowacje"),
        ("litwa", "Litwa"),
    ]
    authors = [
        ("redakcja", "Redakcja"),
        ("anna-kowalska", "Anna Kowalska"),
        ("piotr-nowicki", "Piotr Nowicki"),
    ]
    post_id = rng.randint(90, 140)
    for story in reversed(stories):
        post_id += rng.randint(2, 9)
        story.meta["id"] = post_id
    for story in stories:
        d = story.day
        story.meta["url"] = site.url(f"/{d.year}/{d.month:02d}/{d.day:02d}/{story.slug}/")
        story.meta["cats"] = rng.sample(cats, 2 if rng.random() < 0.2 else 1)
        story.meta["tags"] = rng.sample(tags, rng.randint(1, 3))
        story.meta["author"] = rng.choice(authors)
    comment_id = 3
    comments: list[tuple[Story, int, str, str, date, int | None]] = []
    for story in reversed(stories):
        story.meta["comments"] = []
        if rng.random() < 0.45:
            for k in range(rng.randint(1, 3)):
                comment_id += rng.randint(1, 4)
                item = (
                    story,
                    comment_id,
                    rng.choice(COMMENTS_PL["names"]),
                    rng.choice(COMMENTS_PL["texts"]),
                    story.day + timedelta(days=k + 1),
                    None,
                )
                story.meta["comments"].append(item)
                comments.append(item)
            if rng.random() < 0.4:
                comment_id += 1
                parent = story.meta["comments"][0][1]
                item = (
                    story,
                    comment_id,
                    "Redakcja",
                    rng.choice(COMMENTS_PL["replies"]),
                    story.day + timedelta(days=2),
                    parent,
                )
                story.meta["comments"].append(item)
                comments.append(item)
    months = sorted({(s.day.year, s.day.month) for s in stories}, reverse=True)
    name = owner[0]
    u = site.url

    def teaser_small(story: Story) -> str:
        return (
            f'<li><a href="{story.url}">{esc(story.title)}</a> '
            f'<span class="post-date">{long_date(story.day, "pl")}</span></li>'
        )

    def sidebar() -> str:
        latest = "".join(teaser_small(s) for s in stories[:5])
        cat_items = "".join(
            f'<li class="cat-item"><a href="{u(f"/category/{slug}/")}">{esc(label)}</a> '
            f"({sum(1 for s in stories if (slug, label) in s.meta['cats'])})</li>"
            for slug, label in cats
        )
        month_items = "".join(
            f'<li><a href="{u(f"/{y}/{m:02d}/")}">{PL["months"][m - 1]} {y}</a></li>'
            for y, m in months
        )
        cloud = " ".join(
            f'<a href="{u(f"/tag/{slug}/")}" class="tag-cloud-link" '
            f'style="font-size: {rng.choice((9, 11, 14, 18))}pt;">{esc(label)}</a>'
            for slug, label in tags
        )
        return (
            '<aside id="secondary" class="widget-area">'
            f'<section class="widget widget_search"><form role="search" method="get" '
            f'class="search-form" action="{u("/")}"><label><span class="screen-reader-text">'
            'Szukaj:</span><input type="search" class="search-field" name="s"></label>'
            '<input type="submit" class="search-submit" value="Szukaj"></form></section>'
            '<section class="widget widget_recent_entries"><h2 class="widget-title">Najnowsze '
            f"wpisy</h2><ul>{latest}</ul></section>"
            '<section class="widget widget_categories"><h2 class="widget-title">Kategorie</h2>'
            f"<ul>{cat_items}</ul></section>"
            '<section class="widget widget_archive"><h2 class="widget-title">Archiwa</h2>'
            f"<ul>{month_items}</ul></section>"
            '<section class="widget widget_tag_cloud"><h2 class="widget-title">Tagi</h2>'
            f'<div class="tagcloud">{cloud}</div></section></aside>'
        )

    menu = [
        ("/", "Strona główna"),
        ("/aktualnosci/", "Aktualności"),
        ("/o-nas/", "O nas"),
        ("/projekty/", "Projekty"),
        ("/czlonkowie/", "Członkowie"),
        ("/kontakt/", "Kontakt"),
    ]

    def layout(
        title: str,
        main: str,
        *,
        url: str,
        og_type: str = "website",
        story: Story | None = None,
        body_class: str = "",
        crumbs: list[tuple[str, str]] | None = None,
        noindex: bool = False,
    ) -> str:
        meta = ""
        if story is not None:
            stamp = f"{story.day.isoformat()}T{story.meta['hour']:02d}:{story.meta['minute']:02d}"
            meta = (
                f'<meta property="article:published_time" content="{stamp}:00+00:00">'
                f'<meta property="article:section" content="{esc(story.meta["cats"][0][1])}">'
            )
        robots = (
            "<meta name='robots' content='noindex, follow'>"
            if noindex
            else '<meta name="robots" content="index, follow, max-image-preview:large">'
        )
        nav = "".join(
            f'<li class="menu-item menu-item-{n + 20}"><a href="{u(p)}">{label}</a></li>'
            for n, (p, label) in enumerate(menu)
        )
        trail = ""
        if crumbs:
            trail = (
                '<nav class="yoast-breadcrumbs"><span><span><a href="'
                + u("/")
                + '">Strona główna</a>'
                + "".join(
                    f' » <span><a href="{href}">{esc(label)}</a></span>' for href, label in crumbs
                )
                + f' » <span class="breadcrumb_last" aria-current="page">{esc(title)}</span>'
                "</span></span></nav>"
            )
        social = (
            '<a href="https://www.facebook.example/klasterwspolpracy">Facebook</a> '
            '<a href="https://www.youtube.example/@klasterwspolpracy">YouTube</a> '
            '<a href="https://www.linkedin.example/company/klaster-wspolpracy">LinkedIn</a>'
        )
        page_title = title if url == u("/") else f"{title} – {name}"
        return (
            '<!doctype html>\n<html lang="pl-PL">\n<head>\n<meta charset="UTF-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"{robots}\n<title>{esc(page_title)}</title>\n"
            f'<link rel="canonical" href="{url}">\n'
            '<meta property="og:locale" content="pl_PL">\n'
            f'<meta property="og:type" content="{og_type}">\n'
            f'<meta property="og:title" content="{esc(page_title)}">\n'
            f'<meta property="og:url" content="{url}">\n'
            f'<meta property="og:site_name" content="{esc(name)}">\n{meta}\n'
            f'<link rel="alternate" type="application/rss+xml" title="{esc(name)} » Kanał z '
            f'wpisami" href="{u("/feed/")}">\n'
            f'<link rel="alternate" type="application/rss+xml" title="{esc(name)} » Kanał z '
            f'komentarzami" href="{u("/comments/feed/")}">\n'
            f'<link rel="https://api.w.org/" href="{u("/wp-json/")}">\n'
            + (
                f"<link rel='shortlink' href='{u('/?p=' + str(story.meta['id']))}'>\n"
                if story
                else ""
            )
            + "<link rel='stylesheet' id='klaster-style-css' href='"
            + u("/wp-content/themes/klaster/style.css?ver=1.4.2")
            + "' media='all'>\n"
            f'</head>\n<body class="{body_class}">\n<div id="page" class="site">'
            '<a class="skip-link screen-reader-text" href="#content">Przejdź do treści</a>'
            '<header id="masthead" class="site-header"><div class="site-branding">'
            f'<p class="site-title"><a href="{u("/")}" rel="home">{esc(name)}</a></p>'
            '<p class="site-description">Współpraca gospodarcza ponad granicami</p></div>'
            '<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" '
            f'class="menu">{nav}</ul></nav></header>'
            f'<div id="content" class="site-content">{trail}<div id="primary" '
            f'class="content-area"><main id="main" class="site-main">{main}</main></div>'
            f"{sidebar()}</div>"
            '<footer id="colophon" class="site-footer"><div class="footer-menu">'
            f'<a href="{u("/polityka-prywatnosci/")}">Polityka prywatności</a> | '
            f'<a href="{u("/deklaracja-dostepnosci/")}">Deklaracja dostępności</a> | '
            f'<a href="{u("/kontakt/")}">Kontakt</a></div><div class="social">{social}</div>'
            f'<div class="site-info">© 2019 {esc(name)}. Napędzane przez '
            '<a href="https://wordpress.example/">WordPress</a></div></footer></div>'
            "</body>\n</html>\n"
        )

    def entry_meta(story: Story) -> str:
        hour, minute = story.meta["hour"], story.meta["minute"]
        slug, author = story.meta["author"]
        return (
            f'<div class="entry-meta"><span class="posted-on">Opublikowano <a href="{story.url}" '
            f'rel="bookmark"><time class="entry-date published" datetime="'
            f'{story.day.isoformat()}T{hour:02d}:{minute:02d}:00+01:00">'
            f'{long_date(story.day, "pl")}</time></a></span><span class="byline"> przez '
            f'<span class="author vcard"><a class="url fn n" href="{u(f"/author/{slug}/")}">'
            f"{esc(author)}</a></span></span></div>"
        )

    def post_classes(story: Story) -> str:
        return (
            f"post-{story.meta['id']} post type-post status-publish format-standard hentry "
            + " ".join(f"category-{slug}" for slug, _ in story.meta["cats"])
            + " "
            + " ".join(f"tag-{slug}" for slug, _ in story.meta["tags"])
        )

    def teaser(story: Story) -> str:
        count = len(story.meta["comments"])
        comments = (
            f'<a href="{story.url}#comments">{count} '
            f"{'komentarz' if count == 1 else 'komentarze'}</a>"
            if count
            else f'<a href="{story.url}#respond">Dodaj komentarz</a>'
        )
        cat_links = ", ".join(
            f'<a href="{u(f"/category/{slug}/")}" rel="category tag">{esc(label)}</a>'
            for slug, label in story.meta["cats"]
        )
        return (
            f'<article id="post-{story.meta["id"]}" class="{post_classes(story)}">'
            f'<header class="entry-header"><h2 class="entry-title"><a href="{story.url}" '
            f'rel="bookmark">{esc(story.title)}</a></h2>{entry_meta(story)}</header>'
            f'<div class="entry-summary"><p>{esc(story.lead(2))} […]</p>'
            f'<a class="more-link" href="{story.url}">Czytaj dalej<span '
            f'class="screen-reader-text"> „{esc(story.title)}”</span></a></div>'
            f'<footer class="entry-footer"><span class="cat-links">{cat_links}</span> '
            f'<span class="comments-link">{comments}</span></footer></article>'
        )

    def archive(path: str, heading: str, posts: list[Story], kind: str) -> None:
        pages = chunks(posts, 10)
        for number, chunk in enumerate(pages, start=1):
            url = u(path if number == 1 else f"{path}page/{number}/")
            links = []
            if number > 1:
                prev = path if number == 2 else f"{path}page/{number - 1}/"
                links.append(f'<a class="prev page-numbers" href="{u(prev)}">« Poprzednia</a>')
            for n in range(1, len(pages) + 1):
                target = u(path if n == 1 else f"{path}page/{n}/")
                links.append(
                    f'<span aria-current="page" class="page-numbers current">{n}</span>'
                    if n == number
                    else f'<a class="page-numbers" href="{target}">{n}</a>'
                )
            if number < len(pages):
                links.append(
                    f'<a class="next page-numbers" href="{u(f"{path}page/{number + 1}/")}">'
                    "Następna »</a>"
                )
            nav = (
                '<nav class="navigation pagination" aria-label="Wpisy"><h2 class="screen-reader-'
                f'text">Nawigacja po wpisach</h2><div class="nav-links">{"".join(links)}</div>'
                "</nav>"
                if len(pages) > 1
                else ""
            )
            main = (
                f'<header class="page-header"><h1 class="page-title">{esc(heading)}</h1></header>'
                + "".join(teaser(s) for s in chunk)
                + nav
            )
            title = heading if number == 1 else f"{heading} – Strona {number} z {len(pages)}"
            site.add(
                url,
                "listing",
                layout(title, main, url=url, body_class=f"archive {kind} paged-{number}"),
                listed=[s.url for s in chunk],
            )

    def comments_html(story: Story) -> str:
        items = story.meta["comments"]
        if not items:
            return (
                '<div id="comments" class="comments-area"><div id="respond" class="comment-respond">'
                '<h3 id="reply-title" class="comment-reply-title">Dodaj komentarz</h3>'
                f'<form action="{u("/wp-comments-post.php")}" method="post" id="commentform">'
                '<p><label for="comment">Komentarz</label><textarea id="comment" name="comment">'
                '</textarea></p><p><input name="submit" type="submit" value="Opublikuj komentarz">'
                "</p></form></div></div>"
            )
        out = []
        for _, cid, author, text, day, parent in items:
            depth = 2 if parent else 1
            out.append(
                f'<li id="comment-{cid}" class="comment depth-{depth}"><article '
                f'id="div-comment-{cid}" class="comment-body"><footer class="comment-meta">'
                f'<div class="comment-author vcard"><b class="fn">{esc(author)}</b> '
                '<span class="says">pisze:</span></div><div class="comment-metadata">'
                f'<a href="{story.url}#comment-{cid}"><time datetime="{day.isoformat()}T18:'
                f'{cid % 60:02d}:00+01:00">{long_date(day, "pl")} o 18:{cid % 60:02d}</time></a>'
                f'</div></footer><div class="comment-content"><p>{esc(text)}</p></div>'
                '<div class="reply"><a rel="nofollow" class="comment-reply-link" '
                f'href="{story.url}?replytocom={cid}#respond" data-commentid="{cid}" '
                f'data-postid="{story.meta["id"]}" aria-label="Odpowiedz użytkownikowi '
                f'{esc(author)}">Odpowiedz</a></div></article></li>'
            )
        count = len(items)
        word = "komentarz" if count == 1 else "komentarze"
        return (
            '<div id="comments" class="comments-area"><h2 class="comments-title">'
            f"{count} {word} do „{esc(story.title)}”</h2>"
            f'<ol class="comment-list">{"".join(out)}</ol>'
            '<div id="respond" class="comment-respond"><h3 id="reply-title" '
            'class="comment-reply-title">Dodaj komentarz</h3>'
            f'<form action="{u("/wp-comments-post.php")}" method="post" id="commentform">'
            '<textarea id="comment" name="comment"></textarea><input name="submit" type="submit" '
            'value="Opublikuj komentarz"></form></div></div>'
        )

    for index, story in enumerate(stories):
        cats_html = ", ".join(
            f'<a href="{u(f"/category/{slug}/")}" rel="category tag">{esc(label)}</a>'
            for slug, label in story.meta["cats"]
        )
        tags_html = ", ".join(
            f'<a href="{u(f"/tag/{slug}/")}" rel="tag">{esc(label)}</a>'
            for slug, label in story.meta["tags"]
        )
        same_cat = [
            s for s in stories if s is not story and s.meta["cats"][0] == story.meta["cats"][0]
        ]
        related = (same_cat + _related(stories, story, rng, 4))[: rng.randint(3, 4)]
        related_html = "".join(
            f'<li><a href="{s.url}">{esc(s.title)}</a><span class="related-date">'
            f"{long_date(s.day, 'pl')}</span></li>"
            for s in related
        )
        navigation = ""
        older = stories[index + 1] if index + 1 < len(stories) else None
        newer = stories[index - 1] if index > 0 else None
        if older or newer:
            navigation = '<nav class="navigation post-navigation"><div class="nav-links">'
            if older:
                navigation += (
                    f'<div class="nav-previous"><a href="{older.url}" rel="prev">'
                    f"« {esc(older.title)}</a></div>"
                )
            if newer:
                navigation += (
                    f'<div class="nav-next"><a href="{newer.url}" rel="next">'
                    f"{esc(newer.title)} »</a></div>"
                )
            navigation += "</div></nav>"
        share = (
            '<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Udostępnij:</h3><ul>'
            f'<li><a href="https://www.facebook.example/sharer.php?u={story.url}" '
            'target="_blank" rel="nofollow noopener">Facebook</a></li>'
            f'<li><a href="https://x.example/intent/tweet?url={story.url}" target="_blank" '
            'rel="nofollow noopener">X</a></li>'
            f'<li><a href="mailto:?subject={esc(story.title)}&amp;body={story.url}">E-mail</a>'
            "</li></ul></div>"
        )
        main = (
            f'<article id="post-{story.meta["id"]}" class="{post_classes(story)}">'
            f'<header class="entry-header"><h1 class="entry-title">{esc(story.title)}</h1>'
            f"{entry_meta(story)}</header>"
            f'<div class="entry-content">{story_html(story, subhead="h3")}</div>'
            f'<footer class="entry-footer"><span class="cat-links">Opublikowano w {cats_html}'
            f'</span> <span class="tags-links">Tagi: {tags_html}</span></footer></article>'
            f'{share}<div class="related-posts"><h3>Podobne wpisy</h3><ul>{related_html}</ul>'
            f"</div>{navigation}{comments_html(story)}"
        )
        crumbs = [(u("/aktualnosci/"), "Aktualności")]
        klass = f"post-template-default single single-post postid-{story.meta['id']}"
        site.add(
            story.url,
            "article",
            layout(
                story.title,
                main,
                url=story.url,
                og_type="article",
                story=story,
                body_class=klass,
                crumbs=crumbs,
            ),
        )
        for _, cid, *_rest in story.meta["comments"]:
            site.add(
                f"{story.url}?replytocom={cid}",
                "other",
                layout(
                    story.title,
                    main,
                    url=story.url,
                    og_type="article",
                    story=story,
                    body_class=klass,
                    crumbs=crumbs,
                    noindex=True,
                ),
            )
        site.redirect(f"/?p={story.meta['id']}", story.url)

    archive("/aktualnosci/", "Aktualności", stories, "blog")
    for slug, label in cats:
        posts = [s for s in stories if (slug, label) in s.meta["cats"]]
        archive(f"/category/{slug}/", f"Kategoria: {label}", posts, "category")
    for slug, label in tags:
        posts = [s for s in stories if (slug, label) in s.meta["tags"]]
        if posts:
            archive(f"/tag/{slug}/", f"Tag: {label}", posts, "tag")
    for slug, label in authors:
        posts = [s for s in stories if s.meta["author"] == (slug, label)]
        if posts:
            archive(f"/author/{slug}/", f"Autor: {label}", posts, "author")
    for y, m in months:
        posts = [s for s in stories if (s.day.year, s.day.month) == (y, m)]
        archive(f"/{y}/{m:02d}/", f"Miesiąc: {PL['months'][m - 1]} {y}", posts, "date")

    # pages
    address = "ul. Lipowa 14, 15-424 Białystok"
    members = PL["orgs"][:8]
    pages = {
        "/o-nas/": (
            "O nas",
            "".join(f"<p>{esc(p)}</p>" for p in writer.about()),
        ),
        "/projekty/": (
            "Projekty",
            "".join(f"<p>{esc(p)}</p>" for p in writer.about((120, 200)))
            + "<h2>Projekty w realizacji</h2><ul>"
            + "".join(f"<li>{esc(s.title)}</li>" for s in rng.sample(stories, 4))
            + "</ul>",
        ),
        "/czlonkowie/": (
            "Członkowie",
            "<p>Członkami klastra są firmy, samorządy i instytucje otoczenia biznesu.</p><table>"
            + "".join(
                f"<tr><td>{n + 1}.</td><td>{esc(o[0])}</td></tr>" for n, o in enumerate(members)
            )
            + "</table>",
        ),
        "/kontakt/": (
            "Kontakt",
            contact_html("pl", address, writer.phone, email)
            + f'<form class="wpcf7-form" action="{u("/kontakt/#wpcf7-f5-o1")}" method="post">'
            '<p><label>Imię i nazwisko<input type="text" name="your-name"></label></p>'
            '<p><label>Wiadomość<textarea name="your-message"></textarea></label></p>'
            '<p><input type="submit" value="Wyślij"></p></form>',
        ),
        "/polityka-prywatnosci/": (
            "Polityka prywatności",
            legal_html("pl", "privacy", owner[0], email),
        ),
        "/deklaracja-dostepnosci/": (
            "Deklaracja dostępności",
            legal_html("pl", "accessibility", owner[0], email),
        ),
    }
    page_id = 2
    for path, (title, content) in pages.items():
        page_id += rng.randint(1, 6)
        url = u(path)
        main = (
            f'<article id="post-{page_id}" class="post-{page_id} page type-page status-publish '
            f'hentry"><header class="entry-header"><h1 class="entry-title">{esc(title)}</h1>'
            f'</header><div class="entry-content">{content}</div></article>'
        )
        site.add(
            url,
            "other",
            layout(
                title,
                main,
                url=url,
                og_type="article",
                body_class=f"page-template-default page page-id-{page_id}",
            ),
        )
    welcome = (
        '<article class="page type-page"><div class="entry-content">'
        f"<h1>Witamy na stronie {esc(owner[1])}</h1>"
        + "".join(f"<p>{esc(p)}</p>" for p in writer.about((80, 120))[:2])
        + '<h2>Najnowsze wpisy</h2><ul class="wp-block-latest-posts">'
        + "".join(teaser_small(s) for s in stories[:3])
        + f'</ul><p><a href="{u("/aktualnosci/")}">Wszystkie aktualności</a></p></div></article>'
    )
    site.add(u("/"), "other", layout(name, welcome, url=u("/"), body_class="home page"))

    # feeds and sitemaps
    def feed_item(story: Story) -> dict:
        return {
            "title": story.title,
            "link": story.url,
            "comments": story.url + "#respond",
            "creator": story.meta["author"][1],
            "day": story.day,
            "hour": story.meta["hour"],
            "category": story.meta["cats"][0][1],
            "guid": u(f"/?p={story.meta['id']}"),
            "description": story.lead(2) + " […]",
            "content": story_html(story, subhead="h3"),
        }

    site.add(
        "/feed/",
        "feed",
        rss(
            name,
            u("/"),
            "Współpraca gospodarcza ponad granicami",
            "pl-PL",
            [feed_item(s) for s in stories[:10]],
        ),
        xml=True,
    )
    latest_comments = sorted(comments, key=lambda c: c[1], reverse=True)[:10]
    site.add(
        "/comments/feed/",
        "feed",
        rss(
            f"Komentarze do: {name}",
            u("/"),
            "Współpraca gospodarcza ponad granicami",
            "pl-PL",
            [
                {
                    "title": f"Komentarz do {s.title} przez {author}",
                    "link": f"{s.url}#comment-{cid}",
                    "creator": author,
                    "day": day,
                    "description": text,
                }
                for s, cid, author, text, day, _ in latest_comments
            ],
        ),
        xml=True,
    )
    sitemaps = {
        "/wp-sitemap-posts-post-1.xml": urlset([(s.url, s.day) for s in stories]),
        "/wp-sitemap-posts-page-1.xml": urlset([(u("/"), None)] + [(u(p), None) for p in pages]),
        "/wp-sitemap-taxonomies-category-1.xml": urlset(
            [(u(f"/category/{slug}/"), None) for slug, _ in cats]
        ),
        "/wp-sitemap-taxonomies-post_tag-1.xml": urlset(
            [
                (u(f"/tag/{slug}/"), None)
                for slug, label in tags
                if any((slug, label) in s.meta["tags"] for s in stories)
            ]
        ),
        "/wp-sitemap-users-1.xml": urlset(
            [
                (u(f"/author/{slug}/"), None)
                for slug, label in authors
                if any(s.meta["author"] == (slug, label) for s in stories)
            ]
        ),
    }
    site.add(
        "/wp-sitemap.xml", "sitemap", sitemap_index([(u(p), None) for p in sitemaps]), xml=True
    )
    for path, body in sitemaps.items():
        site.add(path, "sitemap", body, xml=True)
    site.robots = (
        "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\n"
        f"Sitemap: {u('/wp-sitemap.xml')}\n"
    )
    site.start_urls = [u("/aktualnosci/")]


# -- Joomla (ru) -----------------------------------------------------------------------------


def joomla(site: SiteBuilder, rng: random.Random) -> None:
    """An entrepreneurs' union on Joomla 3 without SEF URLs: category blogs, print views."""
    owner = ("Союз предпринимателей приграничья", "Союза предпринимателей приграничья", "m")
    email = f"info@{_domain(site)}"
    writer = Writer("ru", rng, owner=owner, email=email)
    stories = writer.stories(rng.randint(25, 35), date(2021, 11, 19), gap=(3, 16))
    _clock(rng, stories)
    categories = {8: ("Новости", 3), 11: ("Проекты", 7)}
    art_id = rng.randint(38, 52)
    for story in reversed(stories):
        art_id += rng.randint(1, 3)
        story.meta["id"] = art_id
        story.meta["alias"] = slugify(story.title, 6)
        story.meta["cat"] = 8 if rng.random() < 0.72 else 11
        story.meta["hits"] = rng.randint(40, 900)
    featured = [s for s in stories if s.meta["cat"] == 8][:5]
    name = owner[0]
    u = site.url

    def art(story: Story, extra: str = "") -> str:
        cat = story.meta["cat"]
        return (
            f"/index.php?option=com_content&view=article&id={story.meta['id']}:"
            f"{story.meta['alias']}&catid={cat}&Itemid={categories[cat][1]}{extra}"
        )

    for story in stories:
        story.meta["url"] = u(art(story))

    def cat_path(cat: int, extra: str = "") -> str:
        return f"/index.php?option=com_content&view=category&id={cat}&Itemid={categories[cat][1]}{extra}"

    statics = {
        "about": ("/index.php?option=com_content&view=article&id=2&Itemid=102", "О союзе"),
        "members": ("/index.php?option=com_content&view=article&id=5&Itemid=104", "Членство"),
        "docs": ("/index.php?option=com_content&view=article&id=7&Itemid=106", "Документы"),
        "contact": ("/index.php?option=com_contact&view=contact&id=1&Itemid=105", "Контакты"),
        "privacy": (
            "/index.php?option=com_content&view=article&id=9&Itemid=108",
            "Политика конфиденциальности",
        ),
        "access": (
            "/index.php?option=com_content&view=article&id=10&Itemid=109",
            "Доступность сайта",
        ),
        "reset": ("/index.php?option=com_users&view=reset&Itemid=101", "Восстановление пароля"),
    }
    menu = [
        ("/", "Главная", 101),
        (cat_path(8), "Новости", 3),
        (cat_path(11), "Проекты", 7),
        (statics["about"][0], "О союзе", 102),
        (statics["members"][0], "Членство", 104),
        (statics["docs"][0], "Документы", 106),
        (statics["contact"][0], "Контакты", 105),
    ]

    def h(path: str) -> str:
        return esc(path)

    def latest() -> str:
        items = "".join(
            '<li itemscope itemtype="https://schema.org/Article">'
            f'<a href="{h(art(s))}" itemprop="url"><span itemprop="name">{esc(s.title)}</span>'
            "</a></li>"
            for s in stories[:5]
        )
        return (
            '<div class="well "><h3 class="page-header">Последние новости</h3>'
            f'<ul class="latestnews mod-list">{items}</ul></div>'
        )

    login = (
        '<div class="well "><h3 class="page-header">Вход для членов союза</h3>'
        f'<form action="{h("/index.php")}" method="post" id="login-form" class="form-inline">'
        '<input id="modlgn-username" type="text" name="username" class="input-small" '
        'placeholder="Логин"><input id="modlgn-passwd" type="password" name="password" '
        'class="input-small" placeholder="Пароль"><button type="submit" class="btn btn-primary">'
        f'Войти</button><ul class="unstyled"><li><a href="{h(statics["reset"][0])}">Забыли '
        "пароль?</a></li></ul></form></div>"
    )

    def layout(
        title: str,
        component: str,
        *,
        view: str,
        itemid: int,
        crumbs: list[tuple[str, str]],
        feed: bool = False,
        description: str = "",
    ) -> str:
        nav = "".join(
            f'<li class="item-{item}{" current active" if item == itemid else ""}">'
            f'<a href="{h(p)}">{label}</a></li>'
            for p, label, item in menu
        )
        trail = "".join(
            '<li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem">'
            f'<a itemprop="item" href="{h(p)}" class="pathway"><span itemprop="name">'
            f'{esc(label)}</span></a><span class="divider">/</span></li>'
            for p, label in crumbs
        )
        feed_link = (
            f'<link href="{h(cat_path(8, "&format=feed&type=rss"))}" rel="alternate" '
            'type="application/rss+xml" title="RSS 2.0" />\n'
            if feed
            else ""
        )
        return (
            '<!DOCTYPE html>\n<html lang="ru-ru" dir="ltr">\n<head>\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1.0" />\n'
            '<meta charset="utf-8" />\n'
            f'<base href="{u("/index.php")}" />\n'
            '<meta name="keywords" content="предприниматели, приграничье, сотрудничество" />\n'
            f'<meta name="description" content="{esc(description or name)}" />\n'
            '<meta name="generator" content="Joomla! - Open Source Content Management" />\n'
            f"<title>{esc(title)}</title>\n{feed_link}"
            '<link href="/templates/protostar/favicon.ico" rel="shortcut icon" '
            'type="image/vnd.microsoft.icon" />\n'
            '<link href="/templates/protostar/css/template.css?4e2b1c8f" rel="stylesheet" />\n'
            '<script src="/media/jui/js/jquery.min.js?4e2b1c8f"></script>\n'
            "</head>\n"
            f'<body class="site com_content view-{view} no-layout no-task itemid-{itemid}">\n'
            '<div class="body" id="top"><div class="container">'
            '<header class="header" role="banner"><div class="header-inner clearfix">'
            f'<a class="brand pull-left" href="/"><span class="site-title" title="{esc(name)}">'
            f"{esc(name)}</span></a>"
            '<div class="header-search pull-right"><form action="/index.php" method="post">'
            '<input name="searchword" maxlength="200" class="inputbox search-query" type="search"'
            ' placeholder="Поиск..."><input type="hidden" name="option" value="com_search">'
            "</form></div></div></header>"
            '<nav class="navigation" role="navigation"><div class="nav-collapse">'
            f'<ul class="nav menu nav-pills mod-list">{nav}</ul></div></nav>'
            '<div class="moduletable"><div aria-label="Навигатор" role="navigation">'
            '<ul itemscope itemtype="https://schema.org/BreadcrumbList" class="breadcrumb">'
            "<li>Вы здесь: &#160;</li>"
            f'{trail}<li class="active"><span>{esc(title)}</span></li></ul></div></div>'
            '<div class="row-fluid"><main id="content" role="main" class="span9">'
            f'<div id="system-message-container"></div>{component}</main>'
            f'<div id="aside" class="span3">{latest()}{login}</div></div></div></div>'
            '<footer class="footer" role="contentinfo"><div class="container"><hr />'
            f'<ul class="nav menu mod-list"><li><a href="{h(statics["privacy"][0])}">'
            f'Политика конфиденциальности</a></li><li><a href="{h(statics["access"][0])}">'
            f'Доступность сайта</a></li><li><a href="{h(statics["contact"][0])}">Контакты</a>'
            '</li></ul><p class="social"><a href="https://vk.example/soyuz_prigranichya">ВКонтакте'
            '</a> · <a href="https://telegram.example/soyuz_prigranichya">Telegram</a> · '
            '<a href="https://ok.example/group/soyuz">Одноклассники</a></p>'
            '<p class="pull-right"><a href="#top" id="back-top">Наверх</a></p>'
            f"<p>&copy; 2021 {esc(name)}</p></div></footer>\n</body>\n</html>\n"
        )

    def info(story: Story) -> str:
        return (
            '<dl class="article-info muted"><dt class="article-info-term">Подробности</dt>'
            f'<dd class="category-name">Категория: <a href="{h(cat_path(story.meta["cat"]))}" '
            f'itemprop="genre">{categories[story.meta["cat"]][0]}</a></dd>'
            f'<dd class="published"><span class="icon-calendar" aria-hidden="true"></span>'
            f'<time datetime="{story.day.isoformat()}T{story.meta["hour"]:02d}:00:00+03:00" '
            f'itemprop="datePublished">Опубликовано: {long_date(story.day, "ru")}</time></dd>'
            f'<dd class="hits"><span class="icon-eye-open" aria-hidden="true"></span>'
            f'<meta itemprop="interactionCount" content="UserPageVisits:{story.meta["hits"]}" />'
            f"Просмотров: {story.meta['hits']}</dd></dl>"
        )

    def blog_item(story: Story, css: str) -> str:
        return (
            f'<div class="{css}" itemprop="blogPost" itemscope '
            'itemtype="https://schema.org/BlogPosting">'
            f'<div class="page-header"><h2 itemprop="name"><a href="{h(art(story))}" '
            f'itemprop="url">{esc(story.title)}</a></h2></div>{info(story)}'
            f"<p>{esc(story.lead(2))}</p>"
            f'<p class="readmore"><a class="btn" href="{h(art(story))}" itemprop="url" '
            f'aria-label="Подробнее: {esc(story.title)}"><span class="icon-chevron-right" '
            f'aria-hidden="true"></span> Подробнее: {esc(story.title)}</a></p></div>'
        )

    def blog(cat: int) -> None:
        label, itemid = categories[cat]
        posts = [s for s in stories if s.meta["cat"] == cat]
        per = 9
        pages = chunks(posts, per)
        for number, chunk in enumerate(pages, start=1):
            path = cat_path(cat) if number == 1 else cat_path(cat, f"&start={(number - 1) * per}")
            leading, intro = chunk[:1], chunk[1:]
            rows = "".join(
                f'<div class="items-row cols-2 row-{r} row-fluid clearfix">'
                + "".join(blog_item(s, f"span6 item column-{c + 1}") for c, s in enumerate(pair))
                + "</div>"
                for r, pair in enumerate(chunks(intro, 2))
                if pair
            )
            pager = ""
            if len(pages) > 1:

                def page_path(n: int) -> str:
                    return cat_path(cat) if n == 1 else cat_path(cat, f"&start={(n - 1) * per}")

                items = []
                if number > 1:
                    items.append(
                        f'<li class="pagination-start"><a title="В начало" '
                        f'href="{h(page_path(1))}" class="hasTooltip pagenav">В начало</a></li>'
                    )
                    items.append(
                        f'<li class="pagination-prev"><a title="Назад" '
                        f'href="{h(page_path(number - 1))}" class="hasTooltip pagenav">'
                        "Назад</a></li>"
                    )
                else:
                    items.append(
                        '<li class="disabled"><a>В начало</a></li>'
                        '<li class="disabled"><a>Назад</a></li>'
                    )
                for n in range(1, len(pages) + 1):
                    items.append(
                        f'<li class="active"><a>{n}</a></li>'
                        if n == number
                        else f'<li><a href="{h(page_path(n))}" class="pagenav">{n}</a></li>'
                    )
                if number < len(pages):
                    items.append(
                        f'<li class="pagination-next"><a title="Вперёд" '
                        f'href="{h(page_path(number + 1))}" class="hasTooltip pagenav">'
                        "Вперёд</a></li>"
                    )
                    items.append(
                        f'<li class="pagination-end"><a title="В конец" '
                        f'href="{h(page_path(len(pages)))}" class="hasTooltip pagenav">'
                        "В конец</a></li>"
                    )
                pager = (
                    f'<div class="pagination"><p class="counter pull-right">Страница {number} '
                    f"из {len(pages)}</p><ul>{''.join(items)}</ul></div>"
                )
            component = (
                f'<div class="blog" itemscope itemtype="https://schema.org/Blog">'
                f'<div class="page-header"><h1>{label}</h1></div>'
                '<div class="items-leading clearfix">'
                + "".join(blog_item(s, "leading-0") for s in leading)
                + f"</div>{rows}{pager}</div>"
            )
            title = label if number == 1 else f"{label} - Страница {number}"
            site.add(
                u(path),
                "listing",
                layout(
                    title,
                    component,
                    view="category",
                    itemid=itemid,
                    crumbs=[("/", "Главная")],
                    feed=cat == 8,
                ),
                listed=[s.url for s in chunk],
            )

    blog(8)
    blog(11)
    site.add(
        u("/"),
        "listing",
        layout(
            "Главная",
            '<div class="blog-featured" itemscope itemtype="https://schema.org/Blog">'
            '<div class="items-leading clearfix">'
            + "".join(blog_item(s, f"leading-{n}") for n, s in enumerate(featured))
            + "</div></div>",
            view="featured",
            itemid=101,
            crumbs=[],
        ),
        listed=[s.url for s in featured],
    )

    for story in stories:
        cat = story.meta["cat"]
        label, itemid = categories[cat]
        same = [s for s in stories if s.meta["cat"] == cat]
        position = same.index(story)
        pagenav = '<ul class="pager pagenav">'
        if position > 0:
            prev = same[position - 1]
            pagenav += (
                f'<li class="previous"><a class="hasTooltip" title="{esc(prev.title)}" '
                f'aria-label="Предыдущая статья: {esc(prev.title)}" href="{h(art(prev))}" '
                'rel="prev"><span class="icon-chevron-left" aria-hidden="true"></span> '
                '<span aria-hidden="true">Назад</span></a></li>'
            )
        if position + 1 < len(same):
            nxt = same[position + 1]
            pagenav += (
                f'<li class="next"><a class="hasTooltip" title="{esc(nxt.title)}" '
                f'aria-label="Следующая статья: {esc(nxt.title)}" href="{h(art(nxt))}" '
                'rel="next"><span aria-hidden="true">Вперёд</span> <span class="icon-chevron-right"'
                ' aria-hidden="true"></span></a></li>'
            )
        pagenav += "</ul>"
        related = "".join(
            f'<li><a href="{h(art(s))}">{esc(s.title)}</a></li>'
            for s in _related(same or stories, story, rng, rng.randint(3, 4))
        )
        print_path = art(story, "&tmpl=component&print=1")
        icons = (
            '<div class="icons"><div class="btn-group pull-right"><button class="btn dropdown-'
            'toggle" type="button" data-toggle="dropdown"><span class="icon-cog"></span>'
            '<span class="caret"></span></button><ul class="dropdown-menu"><li class="print-icon">'
            f'<a href="{h(print_path)}" title="Распечатать статью &lt; {esc(story.title)} &gt;" '
            "onclick=\"window.open(this.href,'win2','status=no,toolbar=no,scrollbars=yes');"
            'return false;" rel="nofollow"><span class="icon-print" aria-hidden="true"></span> '
            "Печать</a></li></ul></div></div>"
        )
        body = story_html(story, subhead="h3", p_attrs=' style="text-align: justify;"')
        share = (
            '<div class="share">Поделиться: '
            f'<a href="https://vk.example/share.php?url={quote(story.url, safe="")}">ВКонтакте'
            f'</a> · <a href="https://telegram.example/share/url?url={quote(story.url, safe="")}">'
            "Telegram</a></div>"
        )
        item_page = (
            '<div class="item-page" itemscope itemtype="https://schema.org/Article">'
            '<meta itemprop="inLanguage" content="ru-RU" />'
            f'<div class="page-header"><h2 itemprop="headline">{esc(story.title)}</h2></div>'
        )
        component = (
            item_page
            + f'{icons}{info(story)}<div itemprop="articleBody">{body}</div>{share}{pagenav}</div>'
            f'<div class="relateditems"><h3>Похожие статьи</h3><ul class="relateditems mod-list">'
            f"{related}</ul></div>"
        )
        site.add(
            story.url,
            "article",
            layout(
                story.title,
                component,
                view="article",
                itemid=itemid,
                crumbs=[("/", "Главная"), (cat_path(cat), label)],
                description=story.lead(1),
            ),
        )
        printed = (
            '<!DOCTYPE html>\n<html lang="ru-ru" dir="ltr">\n<head>\n<meta charset="utf-8" />\n'
            f'<base href="{u("/index.php")}" />\n'
            '<meta name="robots" content="noindex, nofollow" />\n'
            f"<title>{esc(story.title)}</title>\n"
            '<link href="/templates/protostar/css/template.css?4e2b1c8f" rel="stylesheet" />\n'
            '</head>\n<body class="contentpane modal">\n<div id="system-message-container">'
            f"</div>{item_page}"
            '<div id="pop-print" class="btn hidden-print"><a href="#" onclick="window.print();'
            'return false;"><span class="icon-print" aria-hidden="true"></span> Печать</a></div>'
            f'{info(story)}<div itemprop="articleBody">{body}</div></div>\n</body>\n</html>\n'
        )
        site.add(u(print_path), "other", printed)

    address = "ул. Советская 18, 230023 Гродно"
    plain = {
        "about": "".join(f"<p>{esc(p)}</p>" for p in writer.about()),
        "members": "".join(f"<p>{esc(p)}</p>" for p in writer.about((90, 150)))
        + "<p>Для вступления в союз необходимо заполнить анкету и уплатить вступительный взнос."
        "</p>",
        "docs": "<p>Устав, положения о членстве и отчёты о деятельности союза.</p><ul>"
        "<li>Устав союза (редакция 2019 года)</li><li>Положение о членских взносах</li>"
        "<li>Отчёт правления за 2020 год</li></ul>",
        "privacy": legal_html("ru", "privacy", owner[0], email),
        "access": legal_html("ru", "accessibility", owner[0], email),
    }
    for key, content in plain.items():
        path, title = statics[key]
        component = (
            '<div class="item-page" itemscope itemtype="https://schema.org/Article">'
            '<meta itemprop="inLanguage" content="ru-RU" />'
            f'<div class="page-header"><h2 itemprop="headline">{esc(title)}</h2></div>'
            f'<div itemprop="articleBody">{content}</div></div>'
        )
        site.add(
            u(path),
            "other",
            layout(
                title,
                component,
                view="article",
                itemid=int(path.rsplit("=", 1)[1]),
                crumbs=[("/", "Главная")],
            ),
        )
    path, title = statics["contact"]
    component = (
        '<div class="contact" itemscope itemtype="https://schema.org/Person">'
        f'<div class="page-header"><h2><span class="contact-name" itemprop="name">{esc(title)}'
        f"</span></h2></div>{contact_html('ru', address, writer.phone, email)}"
        '<form id="contact-form" action="/index.php" method="post"><fieldset><legend>Отправить '
        'сообщение</legend><input type="text" name="jform[contact_name]"><textarea '
        'name="jform[contact_message]"></textarea><button class="btn btn-primary" type="submit">'
        "Отправить</button></fieldset></form></div>"
    )
    site.add(
        u(path),
        "other",
        layout(title, component, view="contact", itemid=105, crumbs=[("/", "Главная")]),
    )
    path, title = statics["reset"]
    component = (
        '<div class="reset"><form id="user-registration" action="/index.php" method="post">'
        "<p>Введите адрес электронной почты, указанный при регистрации. На него будет отправлен "
        'код подтверждения.</p><input type="email" name="jform[email]"><button type="submit" '
        'class="btn btn-primary">Отправить</button></form></div>'
    )
    site.add(u(path), "other", layout(title, component, view="reset", itemid=101, crumbs=[]))
    news = [s for s in stories if s.meta["cat"] == 8][:10]
    site.add(
        u(cat_path(8, "&format=feed&type=rss")),
        "feed",
        rss(
            "Новости",
            u(cat_path(8)),
            name,
            "ru-ru",
            [
                {
                    "title": s.title,
                    "link": s.url,
                    "day": s.day,
                    "hour": s.meta["hour"],
                    "description": f"<p>{esc(s.lead(2))}</p>",
                    "category": "Новости",
                }
                for s in news
            ],
        ),
        xml=True,
    )
    site.robots = "User-agent: *\n" + "".join(
        f"Disallow: /{d}/\n"
        for d in (
            "administrator",
            "bin",
            "cache",
            "cli",
            "components",
            "includes",
            "installation",
            "language",
            "layouts",
            "libraries",
            "logs",
            "modules",
            "plugins",
            "tmp",
        )
    )
    site.start_urls = [u(cat_path(8))]


# -- Drupal (en) -----------------------------------------------------------------------------


def drupal(site: SiteBuilder, rng: random.Random) -> None:
    """A business network on Drupal 8: nodes, a Views news page, taxonomy terms and feeds."""
    owner = ("The Cross-Border Enterprise Network", "the Cross-Border Enterprise Network", "n")
    email = f"office@{_domain(site)}"
    writer = Writer("en", rng, owner=owner, email=email)
    stories = writer.stories(rng.randint(25, 40), date(2023, 6, 14), gap=(2, 12))
    _clock(rng, stories)
    terms = {
        5: "Exports",
        6: "Energy",
        7: "Training",
        9: "Belarus",
        12: "Lithuania",
        13: "Funding",
        15: "Municipalities",
    }
    nid = rng.randint(38, 60)
    for story in reversed(stories):
        nid += rng.randint(1, 4)
        story.meta["id"] = nid
        story.meta["url"] = site.url(f"/node/{nid}")
        story.meta["terms"] = rng.sample(sorted(terms), rng.randint(1, 3))
        story.meta["author"] = rng.choice(("editor", "anna.k", "network_admin"))
    name = "Cross-Border Enterprise Network"
    u = site.url
    statics = {
        2: ("About the network", "about"),
        5: ("Members", "members"),
        7: ("Privacy policy", "privacy"),
        8: ("Accessibility statement", "access"),
    }

    def medium(story: Story) -> str:
        return (
            story.day.strftime("%a, %m/%d/%Y")
            + f" - {story.meta['hour']:02d}:{story.meta['minute']:02d}"
        )

    def recent() -> str:
        items = "".join(
            f'<div class="views-row"><a href="/node/{s.meta["id"]}" hreflang="en">'
            f"{esc(s.title)}</a></div>"
            for s in stories[:5]
        )
        return (
            '<div class="views-element-container block block-views" id="block-views-block-recent-'
            'news"><h2>Recent news</h2><div class="view view-recent-news view-display-id-block_1">'
            f'<div class="view-content">{items}</div><div class="more-link"><a href="/news">More'
            "</a></div></div></div>"
        )

    def layout(
        title: str,
        content: str,
        *,
        url: str,
        page_title: bool = True,
        feed: str | None = None,
        node: int | None = None,
        body_class: str = "",
    ) -> str:
        head = ""
        if node is not None:
            head += (
                f'<link rel="canonical" href="{url}" />\n<link rel="shortlink" href="{url}" />\n'
            )
        if feed:
            head += (
                f'<link rel="alternate" type="application/rss+xml" title="{esc(title)}" '
                f'href="{u(feed)}" />\n'
            )
        title_block = (
            '<div id="block-pagetitle" class="block block-core block-page-title-block">'
            f'<h1 class="page-title"><span class="field field--name-title field--type-string '
            f'field--label-hidden">{esc(title)}</span></h1></div>'
            if page_title
            else ""
        )
        return (
            '<!DOCTYPE html>\n<html lang="en" dir="ltr">\n<head>\n<meta charset="utf-8" />\n'
            '<meta name="Generator" content="Drupal 8 (https://www.drupal.org)" />\n'
            '<meta name="MobileOptimized" content="width" />\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1.0" />\n'
            f"{head}<title>{esc(title)} | {name}</title>\n"
            '<link rel="stylesheet" media="all" href="/sites/default/files/css/css_Xk2b0Qy.css" />\n'
            "</head>\n"
            f'<body class="{body_class} path-frontpage">\n<a href="#main-content" '
            'class="visually-hidden focusable skip-link">Skip to main content</a>\n'
            '<div class="dialog-off-canvas-main-canvas"><div id="page-wrapper"><div id="page">'
            '<header id="header" class="header" role="banner"><div class="section layout-container'
            ' clearfix"><div id="block-sitebranding" class="clearfix site-branding">'
            f'<a href="/" rel="home" class="site-branding__logo">{name}</a></div>'
            '<form class="search-block-form" action="/search/node" method="get" id="search-block-'
            'form"><input title="Enter the terms you wish to search for." type="search" '
            'name="keys" size="15" maxlength="128" /><input type="submit" value="Search" /></form>'
            '<nav role="navigation" id="block-mainnavigation"><ul class="clearfix menu">'
            '<li class="menu-item"><a href="/" data-drupal-link-system-path="&lt;front&gt;">Home'
            '</a></li><li class="menu-item"><a href="/news">News</a></li>'
            '<li class="menu-item"><a href="/node/2">About</a></li>'
            '<li class="menu-item"><a href="/node/5">Members</a></li>'
            '<li class="menu-item"><a href="/taxonomy/term/13">Funding</a></li>'
            '<li class="menu-item"><a href="/contact">Contact</a></li></ul></nav></div></header>'
            '<div id="main-wrapper" class="layout-main-wrapper layout-container clearfix">'
            '<div id="main" class="layout-main clearfix"><main id="content" class="column '
            'main-content" role="main"><section class="section"><a id="main-content" '
            f'tabindex="-1"></a>{title_block}<div id="block-mainpagecontent" class="block '
            f'block-system block-system-main-block">{content}</div></section></main>'
            '<div id="sidebar-second" class="column sidebar"><aside class="section" '
            f'role="complementary">{recent()}</aside></div></div></div>'
            '<footer class="site-footer"><div class="layout-container"><nav role="navigation" '
            'id="block-footer"><ul class="clearfix menu"><li class="menu-item"><a href="/node/7">'
            'Privacy policy</a></li><li class="menu-item"><a href="/node/8">Accessibility</a>'
            '</li><li class="menu-item"><a href="/contact">Contact</a></li>'
            '<li class="menu-item"><a href="/user/login">Log in</a></li></ul></nav>'
            '<div class="social"><a href="https://www.linkedin.example/company/cben">LinkedIn</a>'
            ' <a href="https://x.example/cben_network">X</a></div>'
            '<div class="feed-icons"><a href="/rss.xml" class="feed-icon">Subscribe to '
            f"{name}</a></div></div></footer></div></div></div>\n</body>\n</html>\n"
        )

    def submitted(story: Story, when: str) -> str:
        return (
            '<footer class="node__meta"><div class="node__submitted">Submitted by '
            f'<span class="field field--name-uid field--type-entity-reference field--label-hidden">'
            f'<span lang="" typeof="schema:Person">{story.meta["author"]}</span></span> on '
            f'<span class="field field--name-created field--type-created field--label-hidden">'
            f"{when}</span></div></footer>"
        )

    def teaser(story: Story) -> str:
        nid = story.meta["id"]
        return (
            f'<div class="views-row"><article role="article" about="/node/{nid}" class="node '
            'node--type-article node--promoted node--view-mode-teaser">'
            f'<h2><a href="/node/{nid}" rel="bookmark"><span class="field field--name-title '
            f'field--type-string field--label-hidden">{esc(story.title)}</span></a></h2>'
            f"{submitted(story, medium(story))}"
            '<div class="node__content"><div class="clearfix text-formatted field '
            'field--name-body field--type-text-with-summary field--label-hidden field__item">'
            f"<p>{esc(story.lead(2))}</p></div>"
            '<div class="node__links"><ul class="links inline"><li class="node-readmore">'
            f'<a href="/node/{nid}" rel="tag" title="{esc(story.title)}" hreflang="en">Read more'
            f'<span class="visually-hidden"> about {esc(story.title)}</span></a></li></ul></div>'
            "</div></article></div>"
        )

    def pager(path: str, number: int, total: int) -> str:
        if total < 2:
            return ""
        items = []
        index = number - 1
        if index > 0:
            items.append(
                '<li class="pager__item pager__item--first"><a href="?page=0" title="Go to first '
                'page"><span class="visually-hidden">First page</span><span aria-hidden="true">'
                "« First</span></a></li>"
            )
            items.append(
                f'<li class="pager__item pager__item--previous"><a href="?page={index - 1}" '
                'title="Go to previous page" rel="prev"><span class="visually-hidden">Previous '
                'page</span><span aria-hidden="true">‹ Previous</span></a></li>'
            )
        for n in range(total):
            current = " is-active" if n == index else ""
            items.append(
                f'<li class="pager__item{current}"><a href="?page={n}" title="Go to page '
                f'{n + 1}">{n + 1}</a></li>'
            )
        if index + 1 < total:
            items.append(
                f'<li class="pager__item pager__item--next"><a href="?page={index + 1}" '
                'title="Go to next page" rel="next"><span class="visually-hidden">Next page</span>'
                '<span aria-hidden="true">Next ›</span></a></li>'
            )
            items.append(
                f'<li class="pager__item pager__item--last"><a href="?page={total - 1}" '
                'title="Go to last page"><span class="visually-hidden">Last page</span>'
                '<span aria-hidden="true">Last »</span></a></li>'
            )
        return (
            '<nav class="pager" role="navigation" aria-labelledby="pagination-heading">'
            '<h4 id="pagination-heading" class="visually-hidden">Pagination</h4>'
            f'<ul class="pager__items js-pager__items">{"".join(items)}</ul></nav>'
        )

    def view(path: str, title: str, posts: list[Story], feed: str, view_id: str) -> None:
        pages = chunks(posts, 10)
        # every page a pager links: ?page=0 is the first page again, under its own URL
        urls = {1: [u(path)]}
        if len(pages) > 1:
            urls[1].append(u(f"{path}?page=0"))
            for n in range(2, len(pages) + 1):
                urls[n] = [u(f"{path}?page={n - 1}")]
        for number, chunk in enumerate(pages, start=1):
            content = (
                f'<div class="views-element-container"><div class="view view-{view_id} '
                f'view-id-{view_id} view-display-id-page_1"><div class="view-content">'
                + "".join(teaser(s) for s in chunk)
                + f"</div>{pager(path, number, len(pages))}</div></div>"
            )
            for url in urls[number]:
                site.add(
                    url,
                    "listing",
                    layout(title, content, url=url, feed=feed, body_class="path-taxonomy"),
                    listed=[s.url for s in chunk],
                )

    view("/news", "News", stories, "/rss.xml", "news")
    for tid, label in terms.items():
        posts = [s for s in stories if tid in s.meta["terms"]]
        if not posts:
            continue
        view(f"/taxonomy/term/{tid}", label, posts, f"/taxonomy/term/{tid}/feed", "taxonomy-term")
        site.add(
            f"/taxonomy/term/{tid}/feed",
            "feed",
            rss(
                label,
                u(f"/taxonomy/term/{tid}"),
                "",
                "en",
                [
                    {
                        "title": s.title,
                        "link": s.url,
                        "day": s.day,
                        "hour": s.meta["hour"],
                        "description": f"<p>{esc(s.lead(2))}</p>",
                        "guid": f"{s.meta['id']} at {u('')}",
                    }
                    for s in posts[:10]
                ],
            ),
            xml=True,
        )
    for story in stories:
        related = "".join(
            f'<li><a href="/node/{s.meta["id"]}" hreflang="en">{esc(s.title)}</a></li>'
            for s in _related(
                [s for s in stories if set(s.meta["terms"]) & set(story.meta["terms"])] or stories,
                story,
                rng,
                rng.randint(3, 4),
            )
        )
        tag_items = "".join(
            f'<div class="field__item"><a href="/taxonomy/term/{tid}" hreflang="en">'
            f"{terms[tid]}</a></div>"
            for tid in story.meta["terms"]
        )
        nid = story.meta["id"]
        content = (
            f'<article role="article" about="/node/{nid}" class="node node--type-article '
            'node--promoted node--view-mode-full">'
            f"{submitted(story, long_date(story.day, 'en'))}"
            '<div class="node__content"><div class="clearfix text-formatted field '
            'field--name-body field--type-text-with-summary field--label-hidden field__item">'
            f"{story_html(story, subhead='h3')}</div>"
            '<div class="field field--name-field-tags field--type-entity-reference '
            'field--label-above"><div class="field__label">Tags</div><div class="field__items">'
            f"{tag_items}</div></div>"
            '<div class="addtoany"><span class="a2a_kit">'
            f'<a class="a2a_button_facebook" href="https://www.addtoany.example/add_to/facebook?'
            f'linkurl={story.url}">Facebook</a> <a class="a2a_button_linkedin" href="https://'
            f'www.addtoany.example/add_to/linkedin?linkurl={story.url}">LinkedIn</a></span></div>'
            "</div></article>"
            '<div class="views-element-container block"><h2>Related news</h2>'
            f'<div class="item-list"><ul>{related}</ul></div></div>'
        )
        site.add(
            story.url,
            "article",
            layout(
                story.title, content, url=story.url, node=nid, body_class="page-node-type-article"
            ),
        )
    bodies = {
        "about": "".join(f"<p>{esc(p)}</p>" for p in writer.about()),
        "members": "".join(f"<p>{esc(p)}</p>" for p in writer.about((100, 160)))
        + "<ul>"
        + "".join(f"<li>{esc(o[0].removeprefix('the '))}</li>" for o in writer.pack["orgs"][:7])
        + "</ul>",
        "privacy": legal_html("en", "privacy", owner[1], email),
        "access": legal_html("en", "accessibility", owner[1], email),
    }
    for nid, (title, key) in statics.items():
        url = u(f"/node/{nid}")
        content = (
            f'<article role="article" about="/node/{nid}" class="node node--type-page '
            'node--view-mode-full"><div class="node__content"><div class="clearfix text-formatted'
            " field field--name-body field--type-text-with-summary field--label-hidden "
            f'field__item">{bodies[key]}</div></div></article>'
        )
        site.add(
            url,
            "other",
            layout(title, content, url=url, node=nid, body_class="page-node-type-page"),
        )
    site.add(
        "/contact",
        "other",
        layout(
            "Website feedback",
            contact_html("en", "14 Lipowa Street, 15-424 Białystok, Poland", writer.phone, email)
            + '<form class="contact-message-feedback-form contact-message-form contact-form" '
            'action="/contact" method="post"><input type="text" name="name"><input type="email" '
            'name="mail"><input type="text" name="subject[0][value]"><textarea '
            'name="message[0][value]"></textarea><input type="submit" value="Send message">'
            "</form>",
            url=u("/contact"),
        ),
    )
    site.add(
        "/user/login",
        "other",
        layout(
            "Log in",
            '<form class="user-login-form" action="/user/login" method="post"><input '
            'type="text" name="name"><input type="password" name="pass"><input type="submit" '
            'value="Log in"></form><ul><li><a href="/user/password">Reset your password</a></li>'
            "</ul>",
            url=u("/user/login"),
        ),
    )
    home = (
        '<div class="front-intro">'
        + "".join(f"<p>{esc(p)}</p>" for p in writer.about((80, 120))[:2])
        + "</div><h2>Latest news</h2><ul>"
        + "".join(
            f'<li><a href="/node/{s.meta["id"]}">{esc(s.title)}</a></li>' for s in stories[:3]
        )
        + "</ul>"
    )
    site.add(
        "/",
        "other",
        layout("Welcome", home, url=u("/"), feed="/rss.xml", body_class="path-frontpage"),
    )
    site.add(
        "/rss.xml",
        "feed",
        rss(
            name,
            u("/"),
            "News of the network",
            "en",
            [
                {
                    "title": s.title,
                    "link": s.url,
                    "day": s.day,
                    "hour": s.meta["hour"],
                    "description": f"<p>{esc(s.lead(2))}</p>",
                    "creator": s.meta["author"],
                    "guid": f"{s.meta['id']} at {u('')}",
                }
                for s in stories[:10]
            ],
        ),
        xml=True,
    )
    site.robots = "User-agent: *\nCrawl-delay: 10\n" + "".join(
        f"Disallow: {d}\n"
        for d in (
            "/core/",
            "/profiles/",
            "/README.txt",
            "/web.config",
            "/admin/",
            "/comment/reply/",
            "/filter/tips",
            "/node/add/",
            "/search/",
            "/user/register/",
            "/user/password/",
            "/user/login/",
            "/user/logout/",
            "/index.php/admin/",
            "/index.php/user/login/",
        )
    )
    site.start_urls = [u("/news")]


# -- 1C-Bitrix, news in /ru/news/ID/ (ru) ------------------------------------------------------


BITRIX_SCRIPT = (
    '<script type="text/javascript">if(!window.BX)window.BX={};if(!window.BX.message)'
    "window.BX.message=function(m){if(typeof m=='object'){for(var i in m)BX.message[i]=m[i];}"
    'return true;};</script>\n<script type="text/javascript">(window.BX||top.BX).message('
    "{'LANGUAGE_ID':'ru','FORMAT_DATE':'DD.MM.YYYY','SITE_ID':'s1'});</script>\n"
)


def _bitrix_id(rng: random.Random) -> str:
    return str(rng.randint(10**9, 4 * 10**9))


def bitrix_a(site: SiteBuilder, rng: random.Random) -> None:
    """An association on 1C-Bitrix: div-only templates, the classic pager, SEO sitemaps."""
    owner = ("Ассоциация предприятий приграничья", "Ассоциации предприятий приграничья", "f")
    email = f"info@{_domain(site)}"
    writer = Writer("ru", rng, owner=owner, email=email)
    stories = writer.stories(rng.randint(25, 40), date(2022, 9, 30), gap=(3, 14))
    element = rng.randint(1180, 1220)
    for story in reversed(stories):
        element += rng.randint(1, 7)
        story.meta["id"] = element
        story.meta["url"] = site.url(f"/ru/news/{element}/")
        story.meta["br"] = rng.random() < 0.5
    name = owner[0]
    u = site.url
    component = _bitrix_id(rng)
    menu = [
        ("/ru/", "Главная"),
        ("/ru/about/", "Об ассоциации"),
        ("/ru/news/", "Новости"),
        ("/ru/projects/", "Проекты"),
        ("/ru/members/", "Члены ассоциации"),
        ("/ru/contacts/", "Контакты"),
    ]

    def layout(
        title: str,
        content: str,
        *,
        crumbs: list[tuple[str, str]],
        side: bool = True,
        current: str = "",
    ) -> str:
        selected = ' class="selected"'
        nav = "".join(
            f'<li{selected if p == current else ""}><a href="{p}">{label}</a></li>'
            for p, label in menu
        )
        trail = ""
        if crumbs:
            trail = (
                '<div class="breadcrumbs">'
                + " <span>/</span> ".join(
                    f'<a href="{p}" title="{esc(label)}">{esc(label)}</a>' for p, label in crumbs
                )
                + f" <span>/</span> <span>{esc(title)}</span></div>"
            )
        aside = ""
        if side:
            aside = (
                '<div class="sidebar"><div class="sidebar__title">Последние новости</div>'
                + "".join(
                    f'<div class="sidebar__news"><div class="sidebar__date">{_dmy(s.day)}</div>'
                    f'<a href="/ru/news/{s.meta["id"]}/">{esc(s.title)}</a></div>'
                    for s in stories[:4]
                )
                + "</div>"
            )
        return (
            '<!DOCTYPE html>\n<html lang="ru">\n<head>\n'
            '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />\n'
            '<meta name="robots" content="index, follow" />\n'
            '<meta name="keywords" content="ассоциация, предприятия, приграничье" />\n'
            f'<meta name="description" content="{esc(name)}" />\n'
            '<link href="/bitrix/cache/css/s1/assoc/template_5c1e2f0a/template_5c1e2f0a.css?'
            '166455" type="text/css" rel="stylesheet" />\n'
            f"{BITRIX_SCRIPT}<title>{esc(title)}</title>\n</head>\n<body>\n"
            '<div id="panel"></div><div class="wrapper"><div class="header">'
            '<div class="header__logo"><a href="/ru/"><img src="/local/templates/assoc/images/'
            f'logo.png" alt="{esc(name)}" /></a></div><div class="header__lang"><span>RU</span> '
            '<a href="/en/">EN</a></div><div class="header__search"><a href="/ru/search/">Поиск'
            f'</a></div><div class="header__menu"><ul class="top-menu">{nav}</ul></div></div>'
            f'<div class="content">{trail}<h1 id="pagetitle">{esc(title)}</h1>'
            f'<div class="content__main">{content}</div>{aside}</div>'
            '<div class="footer"><div class="footer__menu"><a href="/ru/privacy/">Политика '
            'конфиденциальности</a> <a href="/ru/accessibility/">Версия для слабовидящих</a> '
            '<a href="/ru/map/">Карта сайта</a> <a href="/ru/contacts/">Контакты</a></div>'
            '<div class="footer__social"><a href="https://vk.example/assoc_pp" target="_blank">VK'
            '</a> <a href="https://telegram.example/assoc_pp" target="_blank">Telegram</a></div>'
            f'<div class="footer__copy">&copy; 2012&ndash;2022 {esc(name)}</div></div></div>'
            "\n</body>\n</html>\n"
        )

    def detail_text(story: Story) -> str:
        if story.meta["br"]:
            return story_html(story, subhead="b", quote="", br=True)
        return story_html(story, subhead="h3", quote="")

    per = 10
    pages = chunks(stories, per)

    def pager(number: int) -> str:
        def href(n: int) -> str:
            return "/ru/news/" if n == 1 else f"/ru/news/?PAGEN_1={n}"

        first = (number - 1) * per + 1
        last = min(number * per, len(stories))
        parts = []
        if number > 1:
            parts.append(
                f'<a href="{href(1)}">Начало</a>&nbsp;|&nbsp;<a href="{href(number - 1)}">'
                "Пред.</a>&nbsp;|"
            )
        else:
            parts.append("Начало&nbsp;|&nbsp;Пред.&nbsp;|")
        parts.append(
            "&nbsp;".join(
                f"<b>{n}</b>" if n == number else f'<a href="{href(n)}">{n}</a>'
                for n in range(1, len(pages) + 1)
            )
            + "&nbsp;|"
        )
        if number < len(pages):
            parts.append(
                f'<a href="{href(number + 1)}">След.</a>&nbsp;|&nbsp;'
                f'<a href="{href(len(pages))}">Конец</a>'
            )
        else:
            parts.append("След.&nbsp;|&nbsp;Конец")
        parts.append('&nbsp;|&nbsp;<a href="/ru/news/?SHOWALL_1=1">Все</a>')
        return (
            f'<font class="text">Новости <b>{first}</b> - <b>{last}</b> из <b>{len(stories)}</b>'
            f'<br /></font>\n<font class="text">\n\t{" ".join(parts)}\n</font>'
        )

    def news_list(chunk: list[Story], footer: str) -> str:
        items = "".join(
            f'<p class="news-item" id="bx_{component}_{s.meta["id"]}">'
            f'<a href="/ru/news/{s.meta["id"]}/"><img class="preview_picture" border="0" '
            f'src="/upload/iblock/{s.meta["id"] % 997:03x}/prev_{s.meta["id"]}.jpg" width="160" '
            f'height="107" alt="{esc(s.title)}" title="{esc(s.title)}" style="float:left" /></a>'
            f'<span class="news-date-time">{_dmy(s.day)}</span>'
            f'<a href="/ru/news/{s.meta["id"]}/"><b>{esc(s.title)}</b></a><br />'
            f'{esc(s.lead(1))}<div style="clear:both"></div></p>'
            for s in chunk
        )
        return f'<div class="news-list">\n{footer}<br />{items}<br />{footer}</div>'

    for number, chunk in enumerate(pages, start=1):
        path = "/ru/news/" if number == 1 else f"/ru/news/?PAGEN_1={number}"
        site.add(
            path,
            "listing",
            layout(
                "Новости",
                news_list(chunk, pager(number)),
                crumbs=[("/ru/", "Главная")],
                current="/ru/news/",
                side=False,
            ),
            listed=[s.url for s in chunk],
        )
    site.add(
        "/ru/news/?SHOWALL_1=1",
        "listing",
        layout(
            "Новости",
            news_list(stories, ""),
            crumbs=[("/ru/", "Главная")],
            current="/ru/news/",
            side=False,
        ),
        listed=[s.url for s in stories],
    )
    for story in stories:
        content = (
            '<div class="news-detail">'
            f'<img class="detail_picture" border="0" src="/upload/iblock/{story.meta["id"] % 997:03x}'
            f'/det_{story.meta["id"]}.jpg" width="600" height="400" alt="{esc(story.title)}" />'
            f'<span class="news-date-time">{_dmy(story.day)}</span>'
            f'<div class="news-detail__text">{detail_text(story)}</div>'
            '<div style="clear:both"></div><br />'
            '<div class="news-detail__share">Поделиться: '
            f'<a href="https://vk.example/share.php?url={story.url}">VK</a> '
            f'<a href="https://telegram.example/share/url?url={story.url}">Telegram</a> '
            f'<a href="/ru/news/{story.meta["id"]}/?print=Y" rel="nofollow">Версия для печати</a>'
            '</div></div><div class="news-other"><div class="news-other__title">Другие новости'
            "</div>"
            + "".join(
                f'<div class="news-other__item"><span>{_dmy(s.day)}</span> '
                f'<a href="/ru/news/{s.meta["id"]}/">{esc(s.title)}</a></div>'
                for s in _related(stories, story, rng, rng.randint(3, 4))
            )
            + '</div><p><a href="/ru/news/">Возврат к списку</a></p>'
        )
        page = layout(
            story.title,
            content,
            crumbs=[("/ru/", "Главная"), ("/ru/news/", "Новости")],
            current="/ru/news/",
        )
        site.add(story.url, "article", page)
        printed = (
            '<!DOCTYPE html>\n<html lang="ru">\n<head>\n<meta http-equiv="Content-Type" '
            'content="text/html; charset=UTF-8" />\n<meta name="robots" content="noindex, '
            f'nofollow" />\n<title>{esc(story.title)}</title>\n</head>\n<body onload="window.print()">'
            f'<div class="print"><div class="print__logo">{esc(name)}</div>'
            f"<h1>{esc(story.title)}</h1><div>{_dmy(story.day)}</div>"
            f"<div>{detail_text(story)}</div></div></body>\n</html>\n"
        )
        site.add(f"{story.url}?print=Y", "other", printed)

    address = "ул. Советская 18, 230023 Гродно"
    plain = {
        "/ru/about/": ("Об ассоциации", "".join(f"<p>{esc(p)}</p>" for p in writer.about())),
        "/ru/about/history/": (
            "История",
            "".join(f"<p>{esc(p)}</p>" for p in writer.about((120, 200))),
        ),
        "/ru/projects/": (
            "Проекты",
            "".join(f"<p>{esc(p)}</p>" for p in writer.about((100, 180)))
            + "<ul>"
            + "".join(f"<li>{esc(s.title)}</li>" for s in rng.sample(stories, 4))
            + "</ul>",
        ),
        "/ru/members/": (
            "Члены ассоциации",
            '<div class="members">'
            + "".join(
                f'<div class="members__item">{esc(o[0])}</div>' for o in writer.pack["orgs"][:9]
            )
            + "</div>",
        ),
        "/ru/contacts/": ("Контакты", contact_html("ru", address, writer.phone, email, "div")),
        "/ru/privacy/": ("Политика конфиденциальности", legal_html("ru", "privacy", name, email)),
        "/ru/accessibility/": (
            "Версия для слабовидящих",
            legal_html("ru", "accessibility", name, email),
        ),
        "/ru/search/": (
            "Поиск",
            '<div class="search-page"><form action="" method="get"><input type="text" name="q" '
            'value="" size="40" /><input type="submit" value="Искать" /></form></div>',
        ),
        "/ru/map/": (
            "Карта сайта",
            '<div class="map-columns"><ul class="map-level-0">'
            + "".join(f'<li><a href="{p}">{label}</a></li>' for p, label in menu)
            + '<li><a href="/ru/about/history/">История</a></li></ul></div>',
        ),
    }
    for path, (title, content) in plain.items():
        site.add(path, "other", layout(title, content, crumbs=[("/ru/", "Главная")]))
    home = (
        '<div class="main-slider"><div class="main-slider__item">Вместе развиваем приграничье'
        '</div></div><div class="main-news"><div class="main-news__title">Новости</div>'
        + "".join(
            f'<div class="main-news__item"><span>{_dmy(s.day)}</span> '
            f'<a href="/ru/news/{s.meta["id"]}/">{esc(s.title)}</a></div>'
            for s in stories[:3]
        )
        + '<a class="main-news__all" href="/ru/news/">Все новости</a></div>'
        + f'<div class="main-about">{esc(writer.about((60, 90))[0])}</div>'
    )
    site.add("/ru/", "other", layout(name, home, crumbs=[], side=False))
    site.add(
        "/en/",
        "other",
        layout(
            "Association of Border Enterprises",
            "<div><p>The association brings together companies from the border region. "
            'News and documents are published in Russian.</p><p><a href="/ru/">Русская версия'
            "</a></p></div>",
            crumbs=[],
            side=False,
        ),
    )
    site.redirect("/", u("/ru/"))
    files = [u(p) for p in ("/ru/", "/en/", *plain)]
    site.add("/sitemap_files.xml", "sitemap", urlset([(x, None) for x in files]), xml=True)
    site.add(
        "/sitemap_iblock_3.xml",
        "sitemap",
        urlset([(u("/ru/news/"), stories[0].day)] + [(s.url, s.day) for s in stories]),
        xml=True,
    )
    site.add(
        "/sitemap.xml",
        "sitemap",
        sitemap_index(
            [(u("/sitemap_files.xml"), None), (u("/sitemap_iblock_3.xml"), stories[0].day)]
        ),
        xml=True,
    )
    site.robots = (
        "User-agent: *\nDisallow: /bitrix/\nDisallow: /auth/\nDisallow: /personal/\n"
        "Disallow: /*?print=\nDisallow: /*&print=\nDisallow: /*register=\n"
        "Disallow: /*forgot_password=\nDisallow: /*login=\nDisallow: /*logout=\n"
        f"\nSitemap: {u('/sitemap.xml')}\n"
    )
    site.start_urls = [u("/ru/news/")]


# -- 1C-Bitrix, news at detail.php?ID= (be) ----------------------------------------------------


def bitrix_b(site: SiteBuilder, rng: random.Random) -> None:
    """A local-development association on 1C-Bitrix with the Bootstrap templates, without
    SEF URLs: ``/news/detail.php?ID=``, and press-contact cards in the same template."""
    owner = ("Асацыяцыя мясцовага развіцця", "Асацыяцыі мясцовага развіцця", "f")
    email = f"info@{_domain(site)}"
    writer = Writer("be", rng, owner=owner, email=email)
    stories = writer.stories(rng.randint(25, 40), date(2020, 12, 18), gap=(3, 15))
    element = rng.randint(1250, 1300)
    for story in reversed(stories):
        element += rng.randint(1, 5)
        story.meta["id"] = element
        story.meta["url"] = site.url(f"/news/detail.php?ID={element}")
    name = owner[0]
    u = site.url
    list_id, detail_id = _bitrix_id(rng), _bitrix_id(rng)
    menu = [
        ("/", "Галоўная"),
        ("/about/", "Пра асацыяцыю"),
        ("/news/", "Навіны"),
        ("/press/", "Прэс-цэнтр"),
        ("/documents/", "Дакументы"),
        ("/contacts/", "Кантакты"),
    ]

    def layout(
        h1: str,
        content: str,
        *,
        title: str | None = None,
        current: str = "",
        crumbs: list[tuple[str, str]] | None = None,
    ) -> str:
        nav = "".join(
            f'<li class="nav-item{" active" if p == current else ""}"><a class="nav-link" '
            f'href="{p}">{label}</a></li>'
            for p, label in menu
        )
        trail = (
            '<div class="bx-breadcrumb" itemprop="http://schema.org/breadcrumb" itemscope '
            'itemtype="http://schema.org/BreadcrumbList">'
            + "".join(
                f'<div class="bx-breadcrumb-item" id="bx_breadcrumb_{n}" itemprop="itemListElement"'
                f' itemscope itemtype="http://schema.org/ListItem"><a href="{p}" title="{label}" '
                f'itemprop="item"><span itemprop="name">{label}</span></a></div>'
                for n, (p, label) in enumerate(crumbs or [])
            )
            + "</div>"
            if crumbs
            else ""
        )
        side = (
            '<div class="col-lg-3 sidebar"><div class="sidebar-news"><h4>Апошнія навіны</h4>'
            + "".join(
                f'<div class="sidebar-news__item"><small>{_dmy(s.day)}</small><br />'
                f'<a href="/news/detail.php?ID={s.meta["id"]}">{esc(s.title)}</a></div>'
                for s in stories[:3]
            )
            + "</div></div>"
        )
        return (
            '<!DOCTYPE html>\n<html xml:lang="be" lang="be">\n<head>\n'
            '<meta http-equiv="X-UA-Compatible" content="IE=edge" />\n'
            '<meta name="viewport" content="user-scalable=no, initial-scale=1.0, maximum-scale=1.0'
            ', width=device-width">\n<meta http-equiv="Content-Type" content="text/html; '
            'charset=UTF-8" />\n<meta name="robots" content="index, follow" />\n'
            '<link href="/bitrix/css/main/bootstrap_v4/bootstrap.min.css?1598" type="text/css" '
            'rel="stylesheet" />\n'
            f"{BITRIX_SCRIPT}<title>{esc(title or h1)}</title>\n</head>\n"
            '<body class="bx-background-image bx-theme-blue">\n<div id="panel"></div>'
            '<div class="bx-wrapper" id="bx_eshop_wrap"><header class="bx-header">'
            '<div class="container"><div class="row"><div class="col-lg-4 bx-logo">'
            f'<a href="/"><img src="/include/logo.png" alt="{esc(name)}"></a></div>'
            '<div class="col-lg-8"><nav class="navbar navbar-expand-lg"><ul class="navbar-nav">'
            f"{nav}</ul></nav></div></div></div></header>"
            '<div class="workarea"><div class="container bx-content-section"><div class="row">'
            f'<div class="bx-content col-lg-9">{trail}<h1 class="bx-title">{esc(h1)}</h1>'
            f"{content}</div>{side}</div></div></div>"
            '<footer class="bx-footer"><div class="container"><div class="row">'
            '<div class="col"><a href="/privacy/">Палітыка канфідэнцыяльнасці</a> · '
            '<a href="/accessibility/">Версія для слабавідушчых</a> · <a href="/contacts/">'
            'Кантакты</a></div><div class="col"><a href="https://www.facebook.example/amr.by">'
            'Facebook</a> · <a href="https://telegram.example/amr_by">Telegram</a></div>'
            f'<div class="col">&copy; 2020 {esc(name)}</div></div></div></footer></div>'
            "\n</body>\n</html>\n"
        )

    per = 10
    pages = chunks(stories, per)

    def href(n: int, from_script: bool) -> str:
        if n == 1:
            return "/news/index.php" if from_script else "/news/"
        return f"/news/index.php?PAGEN_1={n}"

    def pager(number: int) -> str:
        from_script = number > 1  # the pager links page 1 by the URL it was asked for
        items = []
        if number > 1:
            items.append(
                f'<li class="bx-pag-prev"><a href="{href(number - 1, from_script)}">'
                "<span>Назад</span></a></li>"
            )
        else:
            items.append('<li class="bx-pag-prev"><span>Назад</span></li>')
        for n in range(1, len(pages) + 1):
            items.append(
                f'<li class="bx-active"><span>{n}</span></li>'
                if n == number
                else f'<li class=""><a href="{href(n, from_script)}"><span>{n}</span></a></li>'
            )
        if number < len(pages):
            items.append(
                f'<li class="bx-pag-next"><a href="{href(number + 1, from_script)}">'
                "<span>Наступная</span></a></li>"
            )
        else:
            items.append('<li class="bx-pag-next"><span>Наступная</span></li>')
        return (
            '<div class="bx-pagination  bx-blue"><div class="bx-pagination-container"><ul>'
            f"{''.join(items)}</ul></div></div>"
        )

    for number, chunk in enumerate(pages, start=1):
        cards = "".join(
            f'<div class="news-list-item mb-2" id="bx_{list_id}_{s.meta["id"]}"><div class="card">'
            f'<a href="/news/detail.php?ID={s.meta["id"]}"><img class="card-img-top" src="/upload'
            f'/iblock/{s.meta["id"] % 991:03x}/{s.meta["id"]}.jpg" alt="{esc(s.title)}" '
            f'title="{esc(s.title)}"></a><div class="card-body"><h4 class="card-title">'
            f'<a href="/news/detail.php?ID={s.meta["id"]}">{esc(s.title)}</a></h4>'
            f'<p class="card-text">{esc(s.lead(1))}</p><div class="d-flex justify-content-between'
            ' align-items-center"><div class="news-list-view news-list-post-params">'
            '<span class="news-list-icon news-list-icon-calendar"></span><span class="news-list-'
            f'param">{_dmy(s.day)}</span></div><div class="news-list-more"><a class="btn '
            f'btn-primary btn-sm" href="/news/detail.php?ID={s.meta["id"]}">Падрабязней</a></div>'
            "</div></div></div></div>"
            for s in chunk
        )
        content = f'<div class="news-list">{cards}{pager(number)}</div>'
        page = layout("Навіны", content, current="/news/", crumbs=[("/", "Галоўная")])
        listed = [s.url for s in chunk]
        if number == 1:
            site.add("/news/", "listing", page, listed=listed)
            if len(pages) > 1:  # pages 2… link page 1 as /news/index.php
                site.add("/news/index.php", "listing", page, listed=listed)
        else:
            site.add(f"/news/index.php?PAGEN_1={number}", "listing", page, listed=listed)

    def detail(
        title: str,
        text: str,
        element_id: int,
        day: date | None,
        back: tuple[str, str],
        share_url: str,
    ) -> str:
        when = (
            f'<div class="news-detail-date">{long_date(day, "be")}</div>' if day is not None else ""
        )
        return (
            f'<div class="news-detail"><div class="mb-3" id="bx_{detail_id}_{element_id}">'
            '<div class="news-detail-body"><h3 class="news-detail-title">'
            f'{esc(title)}</h3><div class="news-detail-content">{text}</div></div>{when}'
            '<div class="news-detail-share"><div class="ya-share2" data-services="facebook,'
            f'telegram"><a href="https://www.facebook.example/sharer.php?u={share_url}">'
            f'Facebook</a> <a href="https://telegram.example/share/url?url={share_url}">Telegram'
            f'</a></div></div></div></div><p><a href="{back[0]}">{back[1]}</a></p>'
        )

    for story in stories:
        content = detail(
            story.title,
            story_html(story, subhead="h4"),
            story.meta["id"],
            story.day,
            ("/news/", "Вярнуцца да спіса навін"),
            story.url,
        ) + (
            '<div class="news-other"><h4>Іншыя навіны</h4><ul>'
            + "".join(
                f'<li><a href="/news/detail.php?ID={s.meta["id"]}">{esc(s.title)}</a> '
                f"<small>{_dmy(s.day)}</small></li>"
                for s in _related(stories, story, rng, rng.randint(3, 4))
            )
            + "</ul></div>"
        )
        site.add(
            story.url,
            "article",
            layout(
                "Навіны",
                content,
                title=story.title,
                current="/news/",
                crumbs=[("/", "Галоўная"), ("/news/", "Навіны")],
            ),
        )
    press = [
        ("Прэс-служба асацыяцыі", "Алена Мароз", "Пытанні СМІ, інтэрв'ю і каментарыі экспертаў."),
        (
            "Акрэдытацыя журналістаў",
            "Сяргей Ткачук",
            "Акрэдытацыя на мерапрыемствы асацыяцыі адкрываецца за тыдзень да падзеі.",
        ),
        (
            "Кантакты для СМІ ў Гродне",
            "Ірына Лук'янчык",
            "Рэгіянальны офіс дапамагае журналістам з Гродзенскай вобласці.",
        ),
        (
            "Фотабанк для журналістаў",
            "Алена Мароз",
            "Фотаздымкі з мерапрыемстваў можна выкарыстоўваць са спасылкай на асацыяцыю.",
        ),
        (
            "Лагатыпы і фірмовы стыль",
            "Сяргей Ткачук",
            "Лагатып асацыяцыі даступны ў некалькіх фарматах па запыце.",
        ),
    ]
    press_ids = []
    pid = rng.randint(300, 320)
    for title, person, text in press:
        pid += rng.randint(1, 3)
        press_ids.append(pid)
        body = (
            f"<p>{esc(text)}</p><p><b>Кантактная асоба:</b> {esc(person)}</p>"
            f"<p><b>Тэлефон:</b> {esc(writer.phone)}</p><p><b>E-mail:</b> "
            f'<a href="mailto:press@{_domain(site)}">press@{_domain(site)}</a></p>'
        )
        url = u(f"/press/detail.php?ID={pid}")
        site.add(
            url,
            "other",
            layout(
                "Прэс-цэнтр",
                detail(title, body, pid, None, ("/press/", "Прэс-цэнтр"), url),
                title=title,
                current="/press/",
                crumbs=[("/", "Галоўная"), ("/press/", "Прэс-цэнтр")],
            ),
        )
    press_index = (
        '<div class="press-list">'
        + "".join(
            f'<div class="press-list__item"><a href="/press/detail.php?ID={i}">{esc(t)}</a></div>'
            for i, (t, _, _) in zip(press_ids, press, strict=True)
        )
        + "</div>"
    )
    site.add(
        "/press/",
        "other",
        layout("Прэс-цэнтр", press_index, current="/press/", crumbs=[("/", "Галоўная")]),
    )
    address = "вул. Савецкая 18, 230023 Гродна"
    plain = {
        "/about/": ("Пра асацыяцыю", "".join(f"<p>{esc(p)}</p>" for p in writer.about())),
        "/about/structure/": (
            "Структура",
            "".join(f"<p>{esc(p)}</p>" for p in writer.about((100, 160))),
        ),
        "/documents/": (
            "Дакументы",
            "<p>Статут асацыяцыі, палажэнне аб членстве і гадавыя справаздачы.</p><ul>"
            "<li>Статут асацыяцыі</li><li>Палажэнне аб членскіх унёсках</li>"
            "<li>Справаздача праўлення за 2019 год</li></ul>",
        ),
        "/contacts/": ("Кантакты", contact_html("be", address, writer.phone, email)),
        "/privacy/": ("Палітыка канфідэнцыяльнасці", legal_html("be", "privacy", name, email)),
        "/accessibility/": ("Даступнасць", legal_html("be", "accessibility", name, email)),
    }
    for path, (title, content) in plain.items():
        site.add(path, "other", layout(title, content, crumbs=[("/", "Галоўная")]))
    home = (
        '<div class="main-banner">Разам развіваем мясцовыя супольнасці</div>'
        '<div class="main-news row">'
        + "".join(
            f'<div class="col-md-4"><div class="card"><div class="card-body"><small>{_dmy(s.day)}'
            f'</small><h5><a href="/news/detail.php?ID={s.meta["id"]}">{esc(s.title)}</a></h5>'
            "</div></div></div>"
            for s in stories[:3]
        )
        + '</div><p><a href="/news/">Усе навіны</a></p>'
    )
    site.add("/", "other", layout(name, home))
    site.robots = (
        "User-agent: *\nDisallow: /bitrix/\nDisallow: /upload/resize_cache/\n"
        f"Disallow: /search/\nDisallow: /auth/\nHost: {site.base}\n"
    )
    site.start_urls = [u("/news/")]


# -- Tilda-like page builder (uk) --------------------------------------------------------------


def tilda(site: SiteBuilder, rng: random.Random) -> None:
    """A local development agency on a Tilda-like builder: ``t-rec`` blocks with generated
    ids, feed posts at ``/tpost/<id>-<slug>``, a "show more" link instead of pages."""
    owner = ("Агенція місцевого розвитку «Полісся»", "Агенції місцевого розвитку «Полісся»", "f")
    email = f"hello@{_domain(site)}"
    writer = Writer("uk", rng, owner=owner, email=email)
    stories = writer.stories(rng.randint(24, 36), date(2024, 3, 12), gap=(2, 11))
    alphabet = string.ascii_lowercase + string.digits
    for story in stories:
        post = "".join(rng.choice(alphabet) for _ in range(10))
        story.meta["url"] = site.url(f"/tpost/{post}-{slugify(story.title, 5)}")
    name = owner[0]
    u = site.url
    project, counter = rng.randint(4_000_000, 5_000_000), [rng.randint(500_000_000, 600_000_000)]

    def rec(kind: int, inner: str, pad: tuple[int, int] = (60, 60)) -> str:
        counter[0] += rng.randint(1, 9999)
        return (
            f'<div id="rec{counter[0]}" class="r t-rec t-rec_pt_{pad[0]} t-rec_pb_{pad[1]}" '
            f'style="padding-top:{pad[0]}px;padding-bottom:{pad[1]}px;" data-record-type="{kind}">'
            f"{inner}</div>"
        )

    menu = [
        ("/", "Головна"),
        ("/news", "Новини"),
        ("/about", "Про нас"),
        ("/projects", "Проєкти"),
        ("/page27384912.html", "Грантова програма"),
        ("/team", "Команда"),
        ("/contacts", "Контакти"),
    ]

    def header() -> str:
        items = "".join(
            f'<li class="t228__list_item"><a class="t-menu__link-item" href="{p}" '
            f'data-menu-submenu-hook="">{label}</a></li>'
            for p, label in menu
        )
        return rec(
            257,
            '<div class="t228 t228__positionstatic" data-menu="yes"><div class="t228__maincontainer">'
            '<div class="t228__leftside"><a href="/" class="t228__imgwrapper"><img src="https://'
            'static.tildacdn.example/tild3035-6139-4131-b537-313437363632/logo.svg" '
            f'class="t228__imglogo" imgfield="img" alt="{esc(name)}"></a></div>'
            '<div class="t228__centerside"><nav class="t228__centercontainer"><ul role="list" '
            f'class="t228__list t-menu__list">{items}</ul></nav></div></div></div>',
            (0, 0),
        )

    def footer() -> str:
        return rec(
            420,
            '<div class="t420"><div class="t-container"><div class="t420__col t-col t-col_3">'
            f'<div class="t420__text t-descr t-descr_xxs">© 2024 {esc(name)}</div></div>'
            '<div class="t420__col t-col t-col_3"><a class="t420__link t-descr" href="/privacy">'
            'Політика конфіденційності</a><br><a class="t420__link t-descr" href="/contacts">'
            'Контакти</a><br><a class="t420__link t-descr" href="/accessibility">Доступність</a>'
            '</div><div class="t420__col t-col t-col_3"><div class="t-sociallinks">'
            '<a href="https://www.facebook.example/polissia.agency" target="_blank">Facebook</a> '
            '<a href="https://www.instagram.example/polissia.agency" target="_blank">Instagram</a> '
            '<a href="https://www.youtube.example/@polissia" target="_blank">YouTube</a>'
            "</div></div></div></div>",
            (30, 30),
        )

    def page(title: str, blocks: str, *, url: str, description: str = "") -> str:
        page_id = rng.randint(20_000_000, 40_000_000)
        return (
            '<!DOCTYPE html>\n<html lang="uk">\n<head>\n<meta charset="utf-8" />\n'
            '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1.0" />\n'
            f"<title>{esc(title)}</title>\n"
            f'<meta name="description" content="{esc(description or name)}" />\n'
            f'<meta property="og:url" content="{url}" />\n'
            f'<meta property="og:title" content="{esc(title)}" />\n'
            f'<meta property="og:description" content="{esc(description)}" />\n'
            '<meta property="og:type" content="website" />\n'
            f'<link rel="canonical" href="{url}">\n'
            '<link rel="stylesheet" href="https://static.tildacdn.example/css/tilda-grid-3.0.min.'
            'css" type="text/css" media="all" />\n'
            '<script src="https://static.tildacdn.example/js/tilda-scripts-3.0.min.js"></script>\n'
            '</head>\n<body class="t-body" style="margin:0;">\n'
            f'<!--allrecords--><div id="allrecords" class="t-records" data-hook="blocks-collection-'
            f'content-node" data-tilda-project-id="{project}" data-tilda-page-id="{page_id}" '
            f'data-tilda-lazy="yes">{header()}{blocks}{footer()}</div><!--/allrecords-->\n'
            "</body>\n</html>\n"
        )

    def card(story: Story, cols: int = 4) -> str:
        return (
            f'<li class="t-feed__post t-item t-width t-feed__grid-col t-col t-col_{cols} '
            f't-align_left"><a href="{story.url}" class="t-feed__link"><div class="t-feed__post-'
            'imgwrapper"><div class="t-feed__post-bgimg t-bgimg" data-original="https://static.'
            f'tildacdn.example/tild{rng.randint(1000, 9999)}/photo.jpg"></div></div>'
            '<div class="t-feed__textwrapper"><div class="js-feed-post-title t-feed__post-title '
            f't-name t-name_xs">{esc(story.title)}</div><div class="js-feed-post-descr '
            f't-feed__post-descr t-descr t-descr_xxs">{esc(story.lead(1))}</div>'
            '<div class="t-feed__post-date-wrapper"><span class="js-feed-post-date '
            f't-feed__post-date t-uptitle t-uptitle_xs">{long_date(story.day, "uk")}</span></div>'
            "</div></a></li>"
        )

    per = 12
    batches = chunks(stories, per)
    for number, chunk in enumerate(batches, start=1):
        path = "/news" if number == 1 else f"/news?tfc_page={number}"
        more = (
            '<div class="t-feed__showmore-btn-wrapper"><a href="/news?tfc_page='
            f'{number + 1}" class="t-feed__showmore-btn t-btn t-btn_md"><span>Показати ще</span>'
            "</a></div>"
            if number < len(batches)
            else ""
        )
        blocks = rec(
            30,
            '<div class="t030"><div class="t-container t-align_center"><div class="t-col t-col_10'
            ' t-prefix_1"><div class="t030__title t-title t-title_xs">Новини агенції</div>'
            "</div></div></div>",
        ) + rec(
            915,
            '<div class="t-feed"><div class="t-feed__container"><ul role="list" class="js-feed-'
            f'container t-feed__container t-feed__grid-cont">{"".join(card(s) for s in chunk)}'
            f"</ul>{more}</div></div>",
        )
        url = u(path)
        site.add(url, "listing", page("Новини", blocks, url=url), listed=[s.url for s in chunk])
    for story in stories:
        text = []
        for kind, value in story.blocks:
            if kind == "h":
                text.append(f'<h2 class="t-redactor__h2">{esc(value)}</h2>')
            elif kind == "q":
                text.append(f'<blockquote class="t-redactor__quote">{esc(value)}</blockquote>')
            elif kind == "ul":
                intro, items = value  # type: ignore[misc]
                text.append(
                    f'<div class="t-redactor__text">{esc(intro)}<ul>'
                    + "".join(f"<li>{esc(i)}</li>" for i in items)
                    + "</ul></div>"
                )
            else:
                text.append(f'<div class="t-redactor__text">{esc(value)}</div>')
        relevants = "".join(
            f'<li class="t-feed__post-popup__relevants-item"><a href="{s.url}" class="t-feed__'
            'link"><div class="t-feed__post-popup__relevants-item-title t-descr t-descr_xs">'
            f'{esc(s.title)}</div><div class="t-feed__post-popup__relevants-item-date t-uptitle '
            f't-uptitle_xs">{long_date(s.day, "uk")}</div></a></li>'
            for s in _related(stories, story, rng, 3)
        )
        post = (
            '<div class="t-feed__post-popup t-popup t-popup_show"><div class="t-feed__post-popup__'
            'container t-container t-popup__container t-popup__container-static">'
            '<div class="t-feed__post-popup__close-wrapper"><a href="/news" class="t-feed__'
            'post-popup__close"><span class="t-feed__post-popup__close-text t-descr t-descr_xxs">'
            "← Усі новини</span></a></div>"
            '<div class="t-feed__post-popup__content-wrapper"><div class="t-feed__post-popup__'
            'content t-col t-col_8"><div class="t-feed__post-popup__title-wrapper">'
            '<h1 class="js-feed-post-title t-feed__post-popup__title t-title t-title_xs">'
            f"{esc(story.title)}</h1></div>"
            '<div class="t-feed__post-popup__date-parts-wrapper"><div class="t-feed__post-popup__'
            'date-wrapper"><div class="js-feed-post-date t-feed__post-popup__date t-uptitle '
            f't-uptitle_sm">{long_date(story.day, "uk")}</div></div></div>'
            '<div id="feed-cover" class="r t-feed__post-popup__cover-wrapper"><img src="https://'
            f"static.tildacdn.example/tild{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}/"
            'cover.jpg" class="js-feed-post-image t-feed__post-popup__img t-img"></div>'
            '<div id="feed-text" class="r t-feed__post-popup__text-wrapper" data-animationappear='
            '"off"><div class="js-feed-post-text t-feed__post-popup__text t-text t-text_md">'
            f'<section><div class="t-redactor__tte-view">{"".join(text)}</div></section></div>'
            '</div><div class="t-feed__share t-share"><a class="t-share__item t-share__item_'
            f'facebook" href="https://www.facebook.example/sharer.php?u={story.url}" target="'
            '_blank">Facebook</a><a class="t-share__item t-share__item_telegram" href="https://'
            f'telegram.example/share/url?url={story.url}" target="_blank">Telegram</a></div>'
            '<div class="t-feed__post-popup__relevants"><div class="t-feed__post-popup__'
            'relevants-title t-uptitle t-uptitle_xs">Інші новини</div><ul class="t-feed__post-'
            f'popup__relevants-list">{relevants}</ul></div></div></div></div></div>'
        )
        site.add(
            story.url,
            "article",
            page(story.title, rec(0, post, (0, 0)), url=story.url, description=story.lead(1)),
        )

    def prose(title: str, paragraphs: list[str]) -> str:
        return rec(
            30,
            '<div class="t030"><div class="t-container t-align_center"><div class="t-col t-col_10 '
            f't-prefix_1"><div class="t030__title t-title t-title_xs">{esc(title)}</div>'
            "</div></div></div>",
        ) + rec(
            4,
            '<div class="t004"><div class="t-container"><div class="t-col t-col_8 t-prefix_2">'
            '<div class="t-text t-text_md" field="text">'
            + "<br /><br />".join(esc(p) for p in paragraphs)
            + "</div></div></div></div>",
        )

    latest = rec(
        915,
        '<div class="t-feed"><div class="t030__title t-title t-title_xs">Останні новини</div>'
        '<ul role="list" class="js-feed-container t-feed__container t-feed__grid-cont">'
        + "".join(card(s) for s in stories[:3])
        + '</ul><a href="/news" class="t-btn">Усі новини</a></div>',
    )
    address = "вул. Шевченка 21, 43000 Луцьк"
    pages = {
        "/about": ("Про нас", prose("Про нас", writer.about()) + latest),
        "/projects": ("Проєкти", prose("Проєкти", writer.about((120, 200))) + latest),
        "/page27384912.html": (
            "Грантова програма",
            prose("Грантова програма", writer.about((100, 160))) + latest,
        ),
        "/team": (
            "Команда",
            prose("Команда", [f"{p[0]} — {p[1]}" for p in writer.pack["persons"][:6]]),
        ),
        "/contacts": (
            "Контакти",
            rec(
                4,
                '<div class="t004"><div class="t-container">'
                + contact_html("uk", address, writer.phone, email, "div")
                + "</div></div>",
            ),
        ),
        "/privacy": (
            "Політика конфіденційності",
            rec(4, f'<div class="t004">{legal_html("uk", "privacy", name, email)}</div>'),
        ),
        "/accessibility": (
            "Доступність",
            rec(4, f'<div class="t004">{legal_html("uk", "accessibility", name, email)}</div>'),
        ),
    }
    for path, (title, blocks) in pages.items():
        site.add(path, "other", page(title, blocks, url=u(path)))
    elem = rng.randint(1_600_000_000_000, 1_700_000_000_000)
    zero = rec(
        396,
        '<div class="t396"><div class="t396__artboard" data-artboard-height="560">'
        + "".join(
            f"<div class='t396__elem tn-elem tn-elem__{counter[0]}{elem + n}' "
            f"data-elem-id='{elem + n}' data-elem-type='text'><div class='tn-atom' field='tn_text_"
            f"{elem + n}'>{esc(text)}</div></div>"
            for n, text in enumerate(
                [name, "Разом розвиваємо громади Полісся", writer.about((40, 60))[0]]
            )
        )
        + "</div></div>",
        (0, 0),
    )
    site.add("/", "other", page(name, zero + latest, url=u("/")))
    site.robots = "User-agent: *\nDisallow: /tilda/form1/\nDisallow: /tilda/popup/\n"
    site.start_urls = [u("/news")]


# -- gov.pl-like portal service (pl) -----------------------------------------------------------


def govpl(site: SiteBuilder, rng: random.Random) -> None:
    """A unit's service on a government portal: the portal's own pages around it, one article
    template for news and for every other page of the service."""
    service = "rozwoj-regionalny"
    unit = ("Departament Rozwoju Regionalnego", "Departamentu Rozwoju Regionalnego", "m")
    email = f"sekretariat.drr@{_domain(site)}"
    writer = Writer("pl", rng, owner=unit, email=email)
    stories = writer.stories(rng.randint(25, 40), date(2023, 10, 20), gap=(2, 12))
    for story in stories:
        story.meta["url"] = site.url(f"/web/{service}/{story.slug}")
    u = site.url
    base = f"/web/{service}"
    service_pages = [
        ("o-departamencie", "O departamencie", "about"),
        ("programy", "Programy", "programmes"),
        ("kontakt", "Kontakt", "contact"),
        ("biuletyn-informacji-publicznej", "Biuletyn Informacji Publicznej", "bip"),
        ("kariera", "Kariera", "careers"),
        ("deklaracja-dostepnosci", "Deklaracja dostępności", "access"),
        ("ochrona-danych-osobowych", "Ochrona danych osobowych", "privacy"),
    ]
    portal = [
        ("/web/gov", "Strona główna portalu"),
        ("/web/gov/serwisy", "Serwisy"),
        ("/web/gov/uslugi-dla-obywatela", "Usługi dla obywatela"),
        ("/web/gov/o-portalu", "O portalu"),
        ("/web/gov/mapa-portalu", "Mapa portalu"),
        ("/web/gov/polityka-prywatnosci", "Polityka prywatności"),
        ("/web/gov/deklaracja-dostepnosci", "Deklaracja dostępności portalu"),
        ("/web/gov/kontakt", "Kontakt z portalem"),
        ("/web/cyfryzacja", "Cyfryzacja"),
        ("/web/rolnictwo", "Rolnictwo"),
        ("/web/klimat", "Klimat"),
        ("/web/zdrowie", "Zdrowie"),
        ("/web/premier", "Kancelaria Prezesa Rady Ministrów"),
    ]

    def layout(
        title: str,
        article: str,
        *,
        url: str,
        crumbs: list[tuple[str, str]],
        aside: bool = True,
        owner: str | None = None,
    ) -> str:
        """A page of the portal: of the unit's service unless ``owner`` names another."""
        full = f"{title} - {owner or unit[0]} - Portal Gov.pl"
        menu = "".join(
            f'<li><a href="{base}/{slug}">{label}</a></li>' for slug, label, _ in service_pages[:5]
        )
        unit_header = (
            f'<div class="unit-header"><a href="{base}" class="unit-header__link">'
            f'<h1 class="unit-h1">{esc(unit[0])}</h1></a><nav class="unit-menu"><ul>'
            f'<li><a href="{base}/aktualnosci">Aktualności</a></li>{menu}</ul></nav></div>'
            if owner is None
            else f'<div class="unit-header"><h1 class="unit-h1">{esc(owner)}</h1></div>'
        )
        trail = "".join(f'<li><a href="{p}">{esc(label)}</a></li>' for p, label in crumbs)
        side = ""
        if aside:
            side = (
                '<aside class="article-area__aside"><h3>Najnowsze aktualności</h3><ul>'
                + "".join(
                    f'<li><a href="{base}/{s.slug}">{esc(s.title)}</a></li>' for s in stories[:3]
                )
                + "</ul></aside>"
            )
        return (
            '<!DOCTYPE html>\n<html lang="pl">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(full)}</title>\n"
            f'<meta property="og:title" content="{esc(full)}">\n'
            f'<meta property="og:url" content="{esc(url)}">\n'
            '<meta property="og:site_name" content="Portal Gov.pl">\n'
            f'<link rel="canonical" href="{esc(url)}">\n'
            '<link rel="stylesheet" href="/static/css/main.7c1f2a.css">\n</head>\n<body>\n'
            '<a class="skip-link" href="#main-content">Przejdź do treści</a>'
            '<header class="main-header"><div class="main-header__logo"><h1><a href="/web/gov">'
            '<img src="/img/gov/gov-logo.svg" alt=""><span class="sr-only">Portal Gov.pl</span>'
            '</a></h1></div><nav class="main-header__nav"><ul>'
            + "".join(f'<li><a href="{p}">{label}</a></li>' for p, label in portal[1:3])
            + '</ul></nav><form class="main-header__search" action="/web/gov/szukaj" method="get">'
            '<input type="search" name="query"></form></header>'
            f'{unit_header}<nav class="breadcrumbs" aria-label="Ścieżka nawigacyjna"><ul>{trail}'
            f"<li><span>{esc(title)}</span></li></ul></nav>"
            f'<main class="article-area">{article}{side}</main>'
            '<footer class="main-footer"><ul>'
            + "".join(f'<li><a href="{p}">{label}</a></li>' for p, label in portal[3:])
            + '</ul><div class="main-footer__social"><a href="https://x.example/gov_portal">X</a> '
            '<a href="https://www.youtube.example/@gov_portal">YouTube</a></div>'
            "</footer>\n</body>\n</html>\n"
        )

    crumbs = [("/web/gov", "Strona główna"), (base, unit[0])]
    per = 10
    pages = chunks(stories, per)
    listing = f"{base}/aktualnosci"

    def page_url(n: int) -> str:
        return f"{listing}?page={n}&size={per}"

    for number, chunk in enumerate(pages, start=1):
        items = "".join(
            f'<li><div class="event"><span class="date">{_dmy(s.day)}</span></div>'
            f'<div class="title"><a href="{base}/{s.slug}">\n              {esc(s.title)}\n'
            "            </a></div>"
            + (f'<div class="intro">{esc(s.lead(1))}</div>' if rng.random() < 0.8 else "")
            + "</li>"
            for s in chunk
        )
        nav = '<nav class="pagination" aria-label="Stronicowanie">'
        if number > 1:
            nav += (
                f'<a id="js-pagination-page-prev" class="pagination__prev" href="'
                f'{esc(page_url(number - 1))}" aria-label="Poprzednia strona"></a>'
            )
        nav += (
            f'<label for="js-pagination-page" class="sr-only">Strona</label><input '
            f'id="js-pagination-page" type="number" min="1" max="{len(pages)}" value="{number}" '
            f'data-size="{per}"><span> z </span><a id="js-pagination-pages-count" href="'
            f'{esc(page_url(len(pages)))}">{len(pages)}</a>'
        )
        if number < len(pages):
            nav += (
                f'<a id="js-pagination-page-next" class="pagination__next" href="'
                f'{esc(page_url(number + 1))}" aria-label="Następna strona"></a>'
            )
        nav += "</nav>"
        article = (
            '<article class="article-area__article "><h2>Aktualności</h2>'
            f'<div class="art-prev art-prev--near-menu"><ul>{items}</ul></div>{nav}</article>'
        )
        listed = [s.url for s in chunk]
        for path in [listing, page_url(1)] if number == 1 else [page_url(number)]:
            if path == page_url(1) and len(pages) == 1:
                continue  # no page links page 1 by its number
            site.add(
                path,
                "listing",
                layout("Aktualności", article, url=u(path), crumbs=crumbs, aside=False),
                listed=listed,
            )
    for story in stories:
        article = (
            '<article id="main-content" class="article-area__article">'
            f'<h2>{esc(story.title)}</h2><p class="event-date">{_dmy(story.day)}</p>'
            f'<div class="editor-content">{story_html(story, subhead="h3")}</div>'
            '<div class="share"><span>Udostępnij</span> '
            f'<a href="https://www.facebook.example/sharer/sharer.php?u={story.url}">Facebook</a> '
            f'<a href="https://x.example/intent/tweet?url={story.url}">X</a></div></article>'
            '<section class="related-articles"><h3>Zobacz także</h3><ul>'
            + "".join(
                f'<li><a href="{base}/{s.slug}">{esc(s.title)}</a></li>'
                for s in _related(stories, story, rng, rng.randint(3, 4))
            )
            + "</ul></section>"
        )
        site.add(
            story.url,
            "article",
            layout(story.title, article, url=story.url, crumbs=[*crumbs, (listing, "Aktualności")]),
        )
    address = "ul. Wspólna 2/4, 00-926 Warszawa"
    contents = {
        "about": "".join(f"<p>{esc(p)}</p>" for p in writer.about()),
        "programmes": "".join(f"<p>{esc(p)}</p>" for p in writer.about((120, 200))),
        "contact": contact_html("pl", address, writer.phone, email),
        "bip": "<p>Informacje publiczne departamentu są publikowane w Biuletynie Informacji "
        "Publicznej ministerstwa.</p><p>Wnioski o udostępnienie informacji publicznej można "
        f"składać na adres {esc(email)}.</p>",
        "careers": "<p>Aktualne ogłoszenia o naborze na stanowiska w departamencie publikujemy w "
        "serwisie naboru do służby cywilnej.</p><p>Obecnie nie prowadzimy naboru.</p>",
        "access": legal_html("pl", "accessibility", unit[0], email),
        "privacy": legal_html("pl", "privacy", unit[0], email),
    }
    for slug, label, key in service_pages:
        url = u(f"{base}/{slug}")
        article = (
            f'<article id="main-content" class="article-area__article"><h2>{esc(label)}</h2>'
            f'<div class="editor-content">{contents[key]}</div></article>'
        )
        site.add(url, "other", layout(label, article, url=url, crumbs=crumbs))
    under = "".join(
        f'<li><div class="title"><a href="{base}/{slug}">{label}</a></div></li>'
        for slug, label, _ in service_pages
    )
    latest = "".join(
        f'<li><div class="event"><span class="date">{_dmy(s.day)}</span></div><div class="title">'
        f'<a href="{base}/{s.slug}">{esc(s.title)}</a></div></li>'
        for s in stories[:3]
    )
    home = (
        f'<article id="main-content" class="article-area__article"><h2>{esc(unit[0])}</h2>'
        f'<div class="editor-content"><p>{esc(writer.about((50, 80))[0])}</p></div>'
        f'<div class="art-prev art-prev--under-title"><ul>{under}</ul></div>'
        f'<h3>Aktualności</h3><div class="art-prev"><ul>{latest}</ul></div>'
        f'<a class="btn" href="{listing}">Zobacz wszystkie aktualności</a></article>'
    )
    site.add(base, "other", layout(unit[0], home, url=u(base), crumbs=crumbs[:1], aside=False))
    other_writer = Writer("pl", random.Random(rng.random()), owner=("Portal", "Portalu", "m"))
    for path, label in portal:
        url = u(path)
        links = ""
        if path == "/web/gov/serwisy":
            links = (
                "<ul>"
                + "".join(f'<li><a href="{p}">{x}</a></li>' for p, x in portal[8:])
                + f'<li><a href="{base}">{unit[0]}</a></li></ul>'
            )
        article = (
            f'<article id="main-content" class="article-area__article"><h2>{esc(label)}</h2>'
            f'<div class="editor-content"><p>{esc(other_writer.about((40, 70))[0])}</p>{links}'
            "</div></article>"
        )
        site.add(
            url,
            "other",
            layout(
                label,
                article,
                url=url,
                crumbs=[("/web/gov", "Strona główna")],
                aside=False,
                owner="Portal Gov.pl" if path.startswith("/web/gov") else label,
            ),
        )
    site.redirect("/", u("/web/gov"))
    site.robots = "User-agent: *\nDisallow: /web/gov/szukaj\nDisallow: /*?query=\n"
    site.start_urls = [u(listing)]
