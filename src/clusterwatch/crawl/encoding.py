"""Which encoding a page is really in, so the archive never stores mojibake or U+FFFD.

Polish pages come in UTF-8, windows-1250 and ISO-8859-2, declared in the HTTP header, in a
meta tag, or not at all, and sometimes declared wrongly. Scrapy believes any declaration
(U+FFFD where the bytes do not fit it) and otherwise runs charset_normalizer over every
encoding it knows, which on a short page takes windows-1250 for windows-1252 (``ś`` becomes
``œ``), ISO-8859-2 for ISO-8859-10 or cp949, and windows-1251 for windows-1250.

:func:`detect_encoding` is the pure core (it needs no Scrapy); :class:`CharsetMiddleware`
applies it to the responses Scrapy downloads.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from functools import lru_cache
from typing import Any

from charset_normalizer import from_bytes
from scrapy.http import Request, Response, TextResponse
from w3lib.encoding import (
    html_body_declared_encoding,
    html_to_unicode,
    http_content_type_encoding,
    read_bom,
    resolve_encoding,
)

logger = logging.getLogger(__name__)

# The legacy encodings met on Polish, Belarusian and Russian sites (codec names).
REGION_ENCODINGS = ("cp1250", "iso8859-2", "cp1251", "koi8-r", "iso8859-5", "cp1252")

_POLISH = "ąćęłńśźżĄĆĘŁŃŚŹŻ"
_CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіўїєґ"  # Russian, Belarusian, Ukrainian
REGION_LETTERS = frozenset(_POLISH + _CYRILLIC + _CYRILLIC.upper())
# Polish letters Western European languages share, read alike by every Latin candidate:
# they say nothing about the encoding and would make Spanish look Polish.
_SHARED_LETTERS = frozenset("óÓ")
# Polish writes softness before a vowel with "i" (sia, nie), never with an acute (śa, ńe):
# ``ńo`` is Spanish ``ño`` read as windows-1250.
_ACUTE_CONSONANTS = frozenset("ćńśźĆŃŚŹ")
_VOWELS = frozenset("aeiouyąęóAEIOUYĄĘÓ")
# Symbols common enough in news text to say nothing about the encoding.
_COMMON_SYMBOLS = frozenset("©®°№")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_C1_CONTROLS = re.compile(r"[\x80-\x9f]")
_C1_AS_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")


def codec_name(label: str | None) -> str | None:
    """The Python codec a charset label means, as browsers read labels; None if unknown.

    w3lib resolves labels the way browsers do: ``latin2`` is ISO-8859-2, ``windows-1250``
    cp1250, and ``iso-8859-1`` and ``ascii`` mean windows-1252 (the WHATWG rule).
    """
    return resolve_encoding(label.strip().strip("\"'")) if label else None


def reading(body: bytes, encoding: str) -> str | None:
    """``body`` decoded strictly with ``encoding``, or None if that cannot be its encoding.

    Besides bytes the codec rejects, C1 control characters (U+0080–U+009F) rule an encoding
    out: no published text contains them, so a decoder that produces them has misread
    letters or punctuation (bytes 0x80–0x9F are ``ś``, ``ź``, ``„`` … in windows-1250 but
    controls in ISO-8859-2).
    """
    try:
        text = body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    if _is_utf8_codec(encoding):
        # in UTF-8 they are the byte pairs C2 80–C2 9F: a search of the bytes, a tenth of the
        # search of a text that is not ASCII
        return None if _C1_AS_UTF8.search(body) else text
    return None if _C1_CONTROLS.search(text) else text


@lru_cache(maxsize=64)
def _is_utf8_codec(encoding: str) -> bool:
    return codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")


def plausibility(text: str) -> int:
    """How much ``text`` reads as Polish, Belarusian or Russian: higher is better.

    Only non-ASCII characters count, since every candidate encoding reads ASCII alike.

    - A letter of those languages scores +1, but 0 inside an all-capitals word and -1 as a
      capital after a small letter (reading KOI8-R as windows-1251 swaps the cases:
      ``пРИВЕТ``); ``ó``, which Western languages share, scores 0.
    - Any other letter scores -1, and so does a letter whose script differs from a
      neighbouring letter's (``współpraca`` in windows-1250 read as windows-1251 is
      ``wspуіpraca``) or from the words around it, and ``ć ń ś ź`` before a vowel, which Polish spelling never writes
      (Spanish ``niño`` in windows-1252 read as windows-1250 is ``nińo``).
    - Punctuation, spaces and currency signs score 0; other symbols (``±``, ``¹``, box
      drawing) score -1.
    """
    return sum(_char_score(text, match.start()) for match in _NON_ASCII.finditer(text))


def _char_score(text: str, index: int) -> int:
    char = text[index]
    if not char.isalpha():
        category = unicodedata.category(char)
        neutral = category[0] in "PZ" or category in ("Sc", "Cf") or char in _COMMON_SYMBOLS
        return 0 if neutral else -1
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    script = _script(char)
    if any(other.isalpha() and _script(other) != script for other in (before, after)):
        return -1
    if not before.isalpha() and not after.isalpha():
        # a one-letter word amid words of another script: "Admin · 25" read as ISO-8859-5
        # is "Admin З 25"
        around = [_nearest_letter(text, index, step) for step in (-1, 1)]
        around = [letter for letter in around if letter]
        if around and all(_script(letter) != script for letter in around):
            return -1
    if char in _SHARED_LETTERS:
        return 0
    if char not in REGION_LETTERS:
        return -1
    if char in _ACUTE_CONSONANTS and after in _VOWELS:
        return -1
    if char.isupper() and before.isalpha():
        return -1 if before.islower() else 0
    return 1


def _nearest_letter(text: str, index: int, step: int, reach: int = 20) -> str | None:
    end = max(index - reach, -1) if step < 0 else min(index + reach, len(text))
    for position in range(index + step, end, step):
        if text[position].isalpha():
            return text[position]
    return None


@lru_cache(maxsize=1024)
def _script(letter: str) -> str:
    if letter.isascii():
        return "LATIN"
    return unicodedata.name(letter, "UNKNOWN").split(" ", 1)[0]


def _is_utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _holds(body: bytes, encoding: str) -> bool:
    """Whether a declared ``encoding`` can be the body's.

    It must read the body cleanly (see :func:`reading`). A legacy encoding cannot be the
    encoding of a body with non-ASCII bytes that is valid UTF-8: legacy text almost never
    forms valid UTF-8 sequences by chance, while UTF-8 pages under a stale legacy label
    (a CMS moved to UTF-8, the old header kept) are common.
    """
    if reading(body, encoding) is None:
        return False
    if encoding.startswith("utf-") or body.isascii():
        return True
    return not _is_utf8(body)


def _most_plausible(body: bytes, preferred: str | None) -> str:
    """Settle between the region's encodings by the :func:`plausibility` of their readings.

    ``preferred`` (the declared encoding, or charset_normalizer's guess) is kept unless
    another reading is more plausible and not implausible (score 0 or more): then the page is
    in a language of the region and ``preferred`` a familiar mix-up (windows-1250 served as
    ISO-8859-2 or ISO-8859-1, a short windows-1251 text taken for windows-1250). Text in other
    languages scores below 0 in every reading and keeps ``preferred``.
    """
    scores = {}
    for encoding in REGION_ENCODINGS:
        text = reading(body, encoding)
        if text is not None:
            scores[encoding] = plausibility(text)
    if not scores:
        return preferred or REGION_ENCODINGS[0]
    best = max(scores, key=lambda name: (scores[name], name == preferred))
    if preferred in scores and scores[best] < 0:
        return preferred
    return best


def _detected(body: bytes) -> str | None:
    """charset_normalizer's guess among :data:`REGION_ENCODINGS`, as a codec name."""
    match = from_bytes(body, cp_isolation=[name.replace("-", "_") for name in REGION_ENCODINGS])
    best = match.best()
    return codec_name(best.encoding) if best else None


def detect_encoding(body: bytes, declared: str | None = None) -> str:
    """The codec to decode ``body`` with; ``declared`` is the label from the HTTP header.

    In order, first match wins:

    1. a byte order mark;
    2. the declared label, then the label of a meta tag or XML declaration in the body, each
       trusted only if the body decodes strictly with it, without C1 control characters, and
       is not UTF-8 under a legacy label (see :func:`reading` and :func:`_holds`);
    3. UTF-8, if the body is valid UTF-8;
    4. charset_normalizer's guess among :data:`REGION_ENCODINGS`.

    A result from steps 2 and 4 that is one of the region's single-byte encodings is then
    settled by the plausibility of each encoding's reading (:func:`_most_plausible`), because
    those encodings decode almost any bytes and charset_normalizer cannot tell them apart on
    short texts. Windows-1250 and ISO-8859-2 differ only in ``ą ś ź Ą Ś Ź`` (and the Czech and
    Slovak letters ``š ť ž ľ``) and in bytes 0x80–0x9F, which are letters and punctuation in
    windows-1250 but control characters in ISO-8859-2. So a body with any byte 0x80–0x9F is not
    ISO-8859-2, and otherwise the reading with more letters of the region's alphabets and
    fewer foreign letters and stray symbols wins (``ą`` over ``š``, ``ś`` over ``¶``).
    """
    bom_encoding, _ = read_bom(body)
    if bom_encoding:
        return bom_encoding
    in_document = codec_name(html_body_declared_encoding(body))
    if in_document and in_document.startswith(("utf-16", "utf-32")):
        in_document = "utf-8"  # an ASCII-readable meta tag cannot be UTF-16 (WHATWG)
    for label in (codec_name(declared), in_document):
        if label and _holds(body, label):
            if label in REGION_ENCODINGS and not body.isascii():
                return _most_plausible(body, label)
            return label
    if _is_utf8(body):
        return "utf-8"
    return _most_plausible(body, _detected(body))


def decode_body(body: bytes, declared: str | None = None) -> str:
    """``body`` as text, in the encoding :func:`detect_encoding` finds, without a BOM."""
    return html_to_unicode(f"charset={detect_encoding(body, declared)}", body)[1]


class CharsetMiddleware:
    """Re-decode text responses whose encoding Scrapy would get wrong.

    Scrapy takes a declared encoding on trust and otherwise guesses without knowing the
    region; this gives the response the encoding :func:`detect_encoding` finds and counts the
    responses whose text changed in the ``clusterwatch/charset_corrected`` stat.
    """

    def __init__(self, crawler: Any):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> CharsetMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if not isinstance(response, TextResponse) or response.body.isascii():
            return response
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1")
        encoding = detect_encoding(response.body, http_content_type_encoding(content_type))
        if codec_name(encoding) == codec_name(response.encoding):
            return response
        corrected = response.replace(encoding=encoding)
        if corrected.text == response.text:  # e.g. both encodings read the bytes alike
            return response
        logger.debug(
            "charset of %s corrected: %s, not %s", response.url, encoding, response.encoding
        )
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value("clusterwatch/charset_corrected")
        return corrected
