"""Lemmas through simplemma, loaded once per process and cached per word.

simplemma loads a language's data on first use: Polish alone takes about 5 s and 360–420 MB,
so a process lemmatises only when it must and keeps what it loaded. simplemma knows pl, ru, uk
and en, not Belarusian; it also guesses badly on words it does not know (klastrowy → "klastrów"),
and case matters (``Mińsku`` → Mińsk, ``mińsku`` → miński): lemmatise words as written.
"""

from __future__ import annotations

from functools import lru_cache

import simplemma

SUPPORTED = ("pl", "ru", "uk", "en")


@lru_cache(maxsize=500_000)
def lemma(word: str, lang: str = "pl") -> str:
    """The lemma of ``word`` (as written, case kept) in ``lang``; the word itself when unknown."""
    if lang not in SUPPORTED:
        return word
    return simplemma.lemmatize(word, lang=lang)
