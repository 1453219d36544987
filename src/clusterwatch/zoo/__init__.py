"""A zoo of generated news sites in the shapes small real sites take, to check generality.

Takes a seed; gives sites of many CMS families and hand-made layouts (``cms``, ``custom``), and
families no rule was developed on (``unseen``), written from our own texts (``text``) by one
site builder (``site``), each with the list of its articles (``sites``). Tests and benchmarks
crawl them; the product never imports them.
"""
