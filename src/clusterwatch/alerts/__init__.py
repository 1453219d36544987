"""The alert stage: from an article's title and text to the topics it matches.

Takes the configured topics (terms and rules, in five languages) and a text; gives the matches:
topic, the term or rule that fired, and where. ``rules`` is the rule language, ``lemmas``
expands a term through Polish inflection, ``index`` finds every rule word in one pass,
``topics`` matches (``TopicMatcher``); ``io`` is the ``clusterwatch match`` contract and the
listing of stored alerts; ``evaluation`` measures precision and recall on labelled sentences.
"""
