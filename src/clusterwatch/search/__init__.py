"""The search stage: folded lemmas in, ranked articles out.

Takes an article's title and text (``terms``: the folded lemmas the archive indexes, through
``lemmas``) and what a user types (``query``: parsed into an FTS5 query); gives the best
article of each story, ranked, with a snippet (``fts``).
"""
