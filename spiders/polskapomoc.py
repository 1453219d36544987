"""Polish development aid news: gov.pl/web/polskapomoc, and the old polskapomoc.gov.pl links.

gov.pl lists news at ``/web/polskapomoc/aktualnosci?page=N&size=10`` in ``div.art-prev`` and
shows an article in ``article.article-area__article`` (title ``h2``, date ``p.event-date``,
body ``div.editor-content``) under a cookie banner and a "Powrót" link. The old CMS's URLs
(``/Klastry,na,Bialorusi,2827.html``) still circulate and redirect to the gov.pl article.
"""

from clusterwatch.extract import SiteRules
from clusterwatch.spiders_base import ClusterwatchSpider


class PolskapomocSpider(ClusterwatchSpider):
    name = "polskapomoc"
    article_patterns = (
        r"/web/polskapomoc/(?!aktualnosci\b|wiadomosci\b|kontakt\b|szukaj\b|o-[a-z-]+$)[a-z0-9-]+/?$",
        r"^https?://[^/]+/[^/?#]+,\d+\.html$",  # the old CMS: /Words,Of,Title,1234.html
    )
    listing_patterns = (r"/web/polskapomoc/(?:aktualnosci|wiadomosci)(?:\?|$)",)
    article_links_css = "div.art-prev, main"
    next_page_css = "div.pagination"
    rules = SiteRules(
        title="article.article-area__article h2",
        date="article.article-area__article p.event-date",
        body="article.article-area__article div.editor-content",
        drop=("div.cookies-info", "a.btn-back", "div.breadcrumbs", "figure figcaption"),
    )
