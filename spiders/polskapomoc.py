"""Polish development aid news: gov.pl/web/polskapomoc, and the old polskapomoc.gov.pl links.

gov.pl lists the service's news at ``/web/polskapomoc/aktualnosci?page=N&size=10``: the items of
``div.art-prev--near-menu`` (date in ``div.event``, link in ``div.title``), paged by
``nav.pagination`` (``a#js-pagination-page-next`` but on the last page). Every other page of the
service (about, contact, BIP, careers, accessibility…) and of the portal around it uses the same
template as a news article, under URLs shaped like one: only the listing tells news apart, so
article links are taken from its items alone, and from the "Zobacz także" box of an article, whose
old-CMS links (``polskapomoc.gov.pl/Klastry,na,Bialorusi,2827.html``) redirect to the gov.pl
article. An article: ``article#main-content`` (title ``h2``, date ``p.event-date``, body
``div.editor-content``); ``<title>`` adds " - Polska pomoc - Portal Gov.pl".
"""

from clusterwatch.extract import SiteRules
from clusterwatch.spiders_base import ClusterwatchSpider


class PolskapomocSpider(ClusterwatchSpider):
    name = "polskapomoc"
    article_patterns = (
        r"/web/polskapomoc/(?!aktualnosci$)[a-z0-9-]+$",
        r"^https?://[^/]+/[^/?#]+,\d+\.html$",  # the old CMS: /Words,Of,Title,1234.html
    )
    listing_patterns = (r"/web/polskapomoc/aktualnosci(?:\?|$)",)
    article_links_css = "div.art-prev--near-menu li div.title, .art-prev--related"
    next_page_css = "nav.pagination a#js-pagination-page-next"
    rules = SiteRules(
        title="article.article-area__article h2",
        date="article.article-area__article p.event-date",
        body="article.article-area__article div.editor-content",
        drop=("div.cookies-info", "a.btn-back", "div.breadcrumbs", "figure figcaption"),
    )
