"""Lemmas through simplemma, loaded once per process and cached per word.

simplemma's default dictionaries are Python dicts: Polish alone takes about 5 s and 390 MB. Its
``low_memory`` backend reads the same data into a compact structure: 1.6 s and about 50 MB for
Polish, under 100 MB for pl + ru + uk + en together (measured here), at about 0.7 ms per look-up
of a word not seen before — which the per-word cache below makes rare, as a news vocabulary
repeats itself. simplemma knows pl, ru, uk and en, not Belarusian; it guesses badly on words it
does not know (klastrowy → "klastrów"), and case matters (``Mińsku`` → Mińsk, ``mińsku`` →
miński): lemmatise words as written.
"""

from __future__ import annotations

from functools import cache, lru_cache

SUPPORTED = ("pl", "ru", "uk", "en")


@cache
def _lemmatizer():  # built on first use: importing this module costs nothing
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy

    return Lemmatizer(lemmatization_strategy=DefaultStrategy(low_memory=True))


@lru_cache(maxsize=500_000)
def lemma(word: str, lang: str = "pl") -> str:
    """The lemma of ``word`` (as written, case kept) in ``lang``; the word itself when unknown."""
    if lang not in SUPPORTED:
        return word
    return _lemmatizer().lemmatize(word, lang=lang)
