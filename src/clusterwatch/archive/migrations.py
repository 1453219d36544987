"""The archive's schema: created and changed only through these versioned migrations.

Each migration runs in a transaction with its record in ``_sqlite_migrations`` (sqlite-utils'
``Migrations``), so an archive is always at a known version and applying twice is a no-op.
Append new migrations at the end; never edit one that has shipped.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("clusterwatch")


@migrations()
def m001_initial(db: Database) -> None:
    db["sources"].create(
        {
            "name": str,
            "spider": str,
            "start_urls": str,  # JSON list
            "allowed_domains": str,  # JSON list
            "schedule": str,
            "first_configured": str,
            "last_configured": str,
        },
        pk="name",
    )
    db["crawl_runs"].create(
        {
            "id": int,
            "source": str,
            "started": str,
            "finished": str,
            "status": str,  # running, finished, interrupted, failed
            "finish_reason": str,
            "pages": int,
            "new_articles": int,
            "updated_articles": int,
            "errors": int,
            "stats": str,  # Scrapy's stats as JSON
        },
        pk="id",
        foreign_keys=[("source", "sources", "name")],
        defaults={"pages": 0, "new_articles": 0, "updated_articles": 0, "errors": 0},
    )
    db["fetches"].create(
        {
            "id": int,
            "crawl_run": int,
            "source": str,
            "url": str,
            "status": int,  # HTTP status, null when no response
            "error": str,  # error kind: timeout, connection, robots, offsite, private-address…
            "error_detail": str,
            "content_type": str,
            "bytes": int,
            "seconds": float,
            "fetched": str,
        },
        pk="id",
        foreign_keys=[("crawl_run", "crawl_runs", "id"), ("source", "sources", "name")],
    )
    db["stories"].create(
        {
            "id": int,
            "title": str,
            "first_article": int,
            "original_source": str,  # the source named by "Źródło: …" or of the first copy
            "original_url": str,
            "first_seen": str,
            "last_seen": str,
            "articles": int,
        },
        pk="id",
        defaults={"articles": 0},
    )
    db["articles"].create(
        {
            "id": int,
            "url": str,  # canonical URL
            "source": str,
            "story": int,
            "title": str,
            "text": str,
            "published": str,  # YYYY-MM-DD
            "published_from": str,  # page, or first-seen when the page shows no date
            "author": str,
            "language": str,  # ISO 639-1
            "description": str,
            "content_hash": str,  # of the normalised text
            "revision": int,  # current revision number
            "first_seen": str,
            "last_seen": str,
            "fetched_url": str,  # the URL the page was fetched from, before canonicalisation
        },
        pk="id",
        not_null={"url", "source"},
        foreign_keys=[("source", "sources", "name"), ("story", "stories", "id")],
        defaults={"revision": 1},
    )
    db["stories"].add_foreign_key("first_article", "articles", "id")
    db["revisions"].create(
        {
            "id": int,
            "article": int,
            "number": int,
            "title": str,
            "text": str,
            "content_hash": str,
            "seen": str,
            "crawl_run": int,
            "diff": str,  # unified diff to the previous revision
        },
        pk="id",
        foreign_keys=[("article", "articles", "id"), ("crawl_run", "crawl_runs", "id")],
    )
    db["matches"].create(
        {
            "id": int,
            "article": int,
            "revision": int,
            "topic": str,
            "term": str,
            "field": str,  # title or text
            "snippet": str,
            "hit_start": int,  # the matched words' offsets in the snippet
            "hit_end": int,
            "matched": str,
        },
        pk="id",
        foreign_keys=[("article", "articles", "id"), ("revision", "revisions", "id")],
    )
    db["attachments"].create(
        {
            "id": int,
            "article": int,
            "article_url": str,
            "url": str,
            "title": str,
            "content_type": str,
            "bytes": int,
            "text": str,
            "error": str,
            "fetched": str,
        },
        pk="id",
        foreign_keys=[("article", "articles", "id")],
    )
    db["digests"].create(
        {
            "id": int,
            "recipient": str,  # an email address, or "files" for digests written with --out
            "created": str,
            "period_start": str,
            "period_end": str,
            "status": str,  # pending, sent, failed, written
            "items": int,
            "error": str,
            "sent": str,
            "path": str,
        },
        pk="id",
    )
    db["digest_items"].create(
        {
            "id": int,
            "digest": int,
            "recipient": str,
            "match": int,
            "article": int,
            "revision": int,
            "topic": str,
        },
        pk="id",
        foreign_keys=[
            ("digest", "digests", "id"),
            ("match", "matches", "id"),
            ("article", "articles", "id"),
            ("revision", "revisions", "id"),
        ],
    )

    db["articles"].create_index(["url"], unique=True)
    db["articles"].create_index(["content_hash"])
    db["articles"].create_index(["story"])
    db["articles"].create_index(["source", "published"])
    db["revisions"].create_index(["article", "number"], unique=True)
    db["matches"].create_index(["revision", "topic", "term", "field", "hit_start"], unique=True)
    db["matches"].create_index(["topic", "matched"])
    db["fetches"].create_index(["crawl_run"])
    db["fetches"].create_index(["url"])
    db["crawl_runs"].create_index(["source", "started"])
    db["attachments"].create_index(["article_url", "url"], unique=True)
    db["digest_items"].create_index(["recipient", "revision", "topic"], unique=True)
    db["digest_items"].create_index(["digest"])


@migrations()
def m002_views(db: Database) -> None:
    db.create_view(
        "source_health",
        """
        select
          sources.name as source,
          last_run.id as last_run,
          last_run.started as last_run_started,
          last_run.status as last_run_status,
          last_run.pages as last_run_pages,
          last_run.new_articles as last_run_new_articles,
          last_run.errors as last_run_errors,
          (select count(*) from articles where articles.source = sources.name) as articles,
          (select max(first_seen) from articles where articles.source = sources.name) as last_new_article,
          case
            when last_run.id is null then 'never crawled'
            when last_run.status != 'finished' then 'last run ' || last_run.status
            when last_run.pages > 0 and last_run.errors * 2 > last_run.pages then 'most fetches failed'
            when (select count(*) from articles where articles.source = sources.name) > 0
                 and last_run.pages > 0
                 and not exists (select 1 from fetches
                                 where fetches.crawl_run = last_run.id and fetches.status = 200)
              then 'no page fetched'
            else 'ok'
          end as health
        from sources
        left join crawl_runs as last_run on last_run.id = (
          select id from crawl_runs where crawl_runs.source = sources.name
          order by started desc limit 1)
        """,
    )


@migrations()
def m003_near_duplicates(db: Database) -> None:
    # MinHash signatures and their LSH band keys (see dedup.py)
    db["article_signatures"].create(
        {"article": int, "minhash": bytes},
        pk="article",
        foreign_keys=[("article", "articles", "id")],
    )
    db["lsh_bands"].create(
        {"band": int, "key": str, "article": int}, foreign_keys=[("article", "articles", "id")]
    )
    db["lsh_bands"].create_index(["band", "key"])
    db["lsh_bands"].create_index(["article"])


@migrations()
def m004_full_text_search(db: Database) -> None:
    db["articles"].enable_fts(
        ["title", "text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2"
    )


@migrations()
def m005_incremental_crawling(db: Database) -> None:
    # what the crawler knows of every URL it fetched: for conditional requests, and to leave
    # known articles alone until they are due for a check
    db["pages"].create(
        {
            "url": str,  # canonical
            "source": str,
            "kind": str,  # article, listing, feed, sitemap, attachment, redirect, other
            "first_fetched": str,
            "last_fetched": str,
            "last_status": int,
            "etag": str,
            "last_modified": str,
            "last_changed": str,
            "unchanged_checks": int,
            "next_check": str,
        },
        pk="url",
        foreign_keys=[("source", "sources", "name")],
        defaults={"unchanged_checks": 0},
    )
    db["pages"].create_index(["source", "kind"])
    db["fetches"].add_column("kind", str)  # start, listing, article, feed, sitemap, probe…
    db["crawl_runs"].add_column("article_links", int, not_null_default=0)
    db["crawl_runs"].add_column("article_pages", int, not_null_default=0)
    db["crawl_runs"].add_column("extraction_failures", int, not_null_default=0)
    db["crawl_runs"].add_column("complete", int, not_null_default=0)
    db.execute("drop view source_health")
    db.create_view(
        "source_health",
        """
        select
          sources.name as source,
          last_run.id as last_run,
          last_run.started as last_run_started,
          last_run.status as last_run_status,
          last_run.pages as last_run_pages,
          last_run.new_articles as last_run_new_articles,
          last_run.updated_articles as last_run_updated_articles,
          last_run.errors as last_run_errors,
          last_run.article_links as last_run_article_links,
          (select count(*) from articles where articles.source = sources.name) as articles,
          (select max(first_seen) from articles where articles.source = sources.name) as last_new_article,
          case
            when last_run.id is null then 'never crawled'
            when last_run.status = 'running' then 'crawling'
            when last_run.status != 'finished' then 'last run ' || last_run.status
            when last_run.pages > 0 and last_run.errors * 2 > last_run.pages then 'most fetches failed'
            when last_run.article_pages >= 3 and last_run.extraction_failures * 2 > last_run.article_pages
              then 'extraction fails on most pages: layout changed?'
            when last_run.article_links = 0
                 and exists (select 1 from articles where articles.source = sources.name)
              then 'no articles found any more: layout changed?'
            else 'ok'
          end as health
        from sources
        left join crawl_runs as last_run on last_run.id = (
          select id from crawl_runs where crawl_runs.source = sources.name
          order by started desc, id desc limit 1)
        """,
    )


@migrations()
def m007_digest_outbox(db: Database) -> None:
    # a digest is reserved (status "sending") before it is sent; its Message-ID is kept so that a
    # digest left unfinished by a crash goes out again as the same message
    db["digests"].add_column("message_id", str)
    db["digests"].create_index(["recipient", "status"])


@migrations()
def m006_search(db: Database) -> None:
    # near-duplicates: 4-word shingles, 64 bands of 2 rows, one integer key per band in a
    # WITHOUT ROWID table (one B-tree to write per key); see dedup.py
    db.execute("drop table lsh_bands")
    db.execute(
        """
        create table lsh_bands (
          key integer not null,
          article integer not null references articles(id),
          primary key (key, article)
        ) without rowid
        """
    )
    db["lsh_bands"].create_index(["article"])
    # search: each article's words as folded lemmas (search.py), with their FTS5 index kept in
    # step by triggers, and the folded form → lemma pairs seen, for mapping query words
    db["article_terms"].create(
        {"article": int, "title": str, "text": str},
        pk="article",
        foreign_keys=[("article", "articles", "id")],
    )
    db["article_terms"].enable_fts(
        ["title", "text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2"
    )
    db.execute(
        """
        create table search_vocabulary (
          form text not null,
          lemma text not null,
          primary key (form, lemma)
        ) without rowid
        """
    )
    # an archive that already has articles: signatures in the new scheme, and search terms
    # (this loads simplemma once, and only when there are articles)
    from clusterwatch.search import terms as search_terms

    from . import dedup

    dedup.index_all(db)
    search_terms.index_all(db)


def migrate(db: Database) -> None:
    """Bring an archive to the current schema (idempotent)."""
    migrations.apply(db)


@migrations()
def m008_received_items(db: Database) -> None:
    # distributed crawling: the ids of the items the writer stored, so that an item Redis
    # delivers twice is stored once (see distributed.py)
    db["received_items"].create(
        {"id": str, "type": str, "received": str}, pk="id", not_null={"type", "received"}
    )


@migrations()
def m009_fts_follows_text_only(db: Database) -> None:
    # sqlite-utils' FTS triggers fire on an update of any column: marking an article seen again,
    # or moving it to another story, deleted and re-indexed its whole text (0.24 of the 1.75 ms
    # that storing a new article cost). The index holds title and text only: only they re-index.
    for table in ("articles", "article_terms"):
        fts = f"{table}_fts"
        db.execute(f"drop trigger if exists [{table}_au]")
        db.execute(
            f"""
            create trigger [{table}_au] after update of [title], [text] on [{table}] begin
              insert into [{fts}] ([{fts}], rowid, [title], [text])
                values ('delete', old.rowid, old.[title], old.[text]);
              insert into [{fts}] (rowid, [title], [text]) values (new.rowid, new.[title], new.[text]);
            end
            """
        )


@migrations()
def m010_digest_items_by_match(db: Database) -> None:
    # `rematch` asks, for each stored match, whether a digest carried it; and deleting a match
    # makes SQLite look for digest items pointing at it (the foreign key). Without an index,
    # each of those read the whole table.
    db["digest_items"].create_index(["match"], if_not_exists=True)


@migrations()
def m011_topic_rules(db: Database) -> None:
    # per topic, the rules (a fingerprint) the archive's alerts were last matched with as a
    # whole, so that `crawl` and `status` can say when a changed topic needs `rematch`
    db["topic_rules"].create(
        {"topic": str, "fingerprint": str, "applied": str, "since": str, "how": str},
        pk="topic",
        not_null={"fingerprint", "applied", "how"},
    )


@migrations()
def m012_site_shapes(db: Database) -> None:
    # what each source's URL shapes turned out to be (clusterwatch.crawl.shapes): pages of the shape
    # judged articles, listings and other pages by their content, and the kind learned from them
    db["site_shapes"].create(
        {
            "source": str,
            "shape": str,
            "articles": int,
            "listings": int,
            "others": int,
            "kind": str,  # article, listing, other; null while the pages disagree or are few
            "updated": str,
        },
        pk=("source", "shape"),
        not_null={"articles", "listings", "others", "updated"},
    )


@migrations()
def m013_change_signals_and_reasons(db: Database) -> None:
    # pages: the sitemap <lastmod> or feed date seen when the page was last fetched (a different
    # value makes it due), and why a fetched page was not stored as an article
    db["pages"].add_column("signal", str)
    db["pages"].add_column("reason", str)
    # per run: the pages fetched but not stored, counted per reason (a JSON object)
    db["crawl_runs"].add_column("not_stored", str)
    db.execute("drop view source_health")
    db.create_view(
        "source_health",
        """
        select
          sources.name as source,
          last_run.id as last_run,
          last_run.started as last_run_started,
          last_run.status as last_run_status,
          last_run.pages as last_run_pages,
          last_run.new_articles as last_run_new_articles,
          last_run.updated_articles as last_run_updated_articles,
          last_run.errors as last_run_errors,
          last_run.article_links as last_run_article_links,
          last_run.not_stored as last_run_not_stored,
          (select count(*) from articles where articles.source = sources.name) as articles,
          (select max(first_seen) from articles where articles.source = sources.name) as last_new_article,
          case
            when last_run.id is null then 'never crawled'
            when last_run.status = 'running' then 'crawling'
            when last_run.status != 'finished' then 'last run ' || last_run.status
            when last_run.pages > 0 and last_run.errors * 2 > last_run.pages then 'most fetches failed'
            when last_run.article_pages >= 3 and last_run.extraction_failures * 2 > last_run.article_pages
              then 'extraction fails on most pages: layout changed?'
            when last_run.pages > 0
                 and not exists (select 1 from articles where articles.source = sources.name)
              then 'no articles found: check the site with `clusterwatch try '
                   || json_extract(sources.start_urls, '$[0]') || '`'
            when last_run.article_links = 0
                 and exists (select 1 from articles where articles.source = sources.name)
              then 'no articles found any more: layout changed?'
            else 'ok'
          end as health
        from sources
        left join crawl_runs as last_run on last_run.id = (
          select id from crawl_runs where crawl_runs.source = sources.name
          order by started desc, id desc limit 1)
        """,
    )


@migrations()
def m014_boilerplate_blocks(db: Database) -> None:
    # per source, the blocks of text (lines of extracted text, by fingerprint) seen on its stored
    # pages: those on three pages or more are the site's chrome (boilerplate.py)
    db["boilerplate_blocks"].create(
        {
            "source": str,
            "fingerprint": str,  # of the block's normalised text
            "pages": int,  # distinct stored pages it occurred on
            "last_page": int,  # the source's page count when it was last seen
            "text": str,  # the block as last seen (up to 300 characters)
            "first_seen": str,
            "last_seen": str,
        },
        pk=("source", "fingerprint"),
        not_null={"pages", "last_page"},
    )


@migrations()
def m015_revisions_by_run(db: Database) -> None:
    # a run left unfinished by a kill is recounted from the revisions it stored
    # (store.recount_run): without an index that read every revision, 0.65 s per 100k
    db["revisions"].create_index(["crawl_run"], if_not_exists=True)
