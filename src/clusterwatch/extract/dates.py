"""Publication dates as Polish sites print them, and sanity checks on them.

"13 grudnia 2017", "28.01.2019", "13-12-2017", "2019-03-05", "4 grudnia 2019 r.", "13 XII 2017",
"13 gru 2017", "24.11.2025r.", also Russian, Belarusian, Ukrainian, English and German month
names. A date in the future is never a publication date.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from lxml.etree import XPath

from clusterwatch.text import fold_word

# month names by their folded stems: Polish genitive/nominative, Russian, Belarusian, Ukrainian,
# English, German
_MONTHS = {
    1: ("stycz", "январ", "студзен", "січ", "jan"),
    2: ("luty", "lutego", "феврал", "лют", "feb"),
    3: ("marz", "marc", "март", "сакавік", "берез", "mar"),
    4: ("kwie", "апрел", "красавік", "квіт", "apr"),
    5: ("maj", "мая", "май", "трав", "трау", "may", "mai"),
    6: ("czerw", "июн", "чэрвен", "червн", "червен", "jun"),
    7: ("lip", "июл", "ліпен", "лип", "jul"),
    8: ("sierp", "август", "жні", "серп", "aug"),
    9: ("wrze", "сентябр", "верасн", "вересн", "sep"),
    10: ("pazdz", "октябр", "кастрычнік", "жовт", "oct", "okt"),
    11: ("listop", "ноябр", "лістапад", "листопад", "nov"),
    12: ("grud", "декабр", "снеж", "груд", "dec", "dez"),
}
# abbreviations as forums and listings print them ("13 Sty 2010"), matched as whole words only:
# as stems they would read "części" as June
_ABBREVIATIONS = {
    "sty": 1, "lut": 2, "mar": 3, "kwi": 4, "maj": 5, "cze": 6,
    "lip": 7, "sie": 8, "wrz": 9, "paz": 10, "lis": 11, "gru": 12,
    "jan": 1, "feb": 2, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_ROMAN = {
    "I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6,
    "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11, "XII": 12,
}  # fmt: skip
# a date ends at a word's end, or runs into "r." (roku: "24.11.2026r.") or an ISO time
# ("2024-05-05T10:00"); not into other letters, which text glued from page elements puts there
# ("Dołączył: 3 Sty 2009" + "Re: …"); before it, no letter, digit or dot ("v2.1.2024")
_END = r"(?=$|\W|r\b|T\d)"
_NUMERIC = [
    (re.compile(rf"(?<![\w.])(\d{{4}})[.\-/](\d{{1,2}})[.\-/](\d{{1,2}}){_END}"), ("y", "m", "d")),
    (re.compile(rf"(?<![\w.])(\d{{1,2}})[.\-/](\d{{1,2}})[.\-/](\d{{4}}){_END}"), ("d", "m", "y")),
]
_ROMAN_DATE = re.compile(rf"\b(\d{{1,2}})[ .]\s*([IVX]{{1,4}})[ .]\s*(\d{{4}}){_END}")
_WORDY = re.compile(rf"\b(\d{{1,2}})\.?\s+([^\W\d_]{{3,}})\.?,?\s+(\d{{4}}){_END}", re.UNICODE)
_WORDY_EN = re.compile(r"\b([A-Za-z]{3,})\.?\s+(\d{1,2}),?\s+(\d{4})\b")


def _month(word: str) -> int | None:
    folded = fold_word(word)
    if folded in _ABBREVIATIONS:
        return _ABBREVIATIONS[folded]
    for number, stems in _MONTHS.items():
        if any(folded.startswith(fold_word(stem)) for stem in stems):
            return number
    return None


def _valid(year: int, month: int, day: int, today: date) -> date | None:
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    if found > today or found.year < 1990:
        return None
    return found


def parse_date(text: str | None, today: date | None = None) -> date | None:
    """The first plausible date written in ``text``, or None."""
    if not text:
        return None
    today = today or date.today()
    candidates: list[tuple[int, date]] = []
    for pattern, order in _NUMERIC:
        for match in pattern.finditer(text):
            parts = dict(zip(order, map(int, match.groups()), strict=True))
            found = _valid(parts["y"], parts["m"], parts["d"], today)
            if found:
                candidates.append((match.start(), found))
    for match in _WORDY.finditer(text):
        month = _month(match.group(2))
        if month:
            found = _valid(int(match.group(3)), month, int(match.group(1)), today)
            if found:
                candidates.append((match.start(), found))
    for match in _ROMAN_DATE.finditer(text):
        month = _ROMAN.get(match.group(2))
        if month:
            found = _valid(int(match.group(3)), month, int(match.group(1)), today)
            if found:
                candidates.append((match.start(), found))
    for match in _WORDY_EN.finditer(text):
        month = _month(match.group(1))
        if month:
            found = _valid(int(match.group(3)), month, int(match.group(2)), today)
            if found:
                candidates.append((match.start(), found))
    return min(candidates)[1] if candidates else None


def sane_date(value: str | None, today: date | None = None) -> date | None:
    """An ISO date string from a metadata extractor, rejected when in the future or absurd."""
    if not value:
        return None
    try:
        found = date.fromisoformat(value[:10])
    except ValueError:
        return parse_date(value, today)
    return _valid(found.year, found.month, found.day, today or date.today())


# where pages print their publication date: <time>, and elements named for dates or bylines
_DATE_ELEMENTS = XPath(
    "//time | //*[@class or @id][contains(translate(concat(@class, ' ', @id),"
    " 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), 'date')"
    " or contains(translate(concat(@class, ' ', @id), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',"
    " 'abcdefghijklmnopqrstuvwxyz'), 'data')"
    " or contains(translate(concat(@class, ' ', @id), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',"
    " 'abcdefghijklmnopqrstuvwxyz'), 'publi')"
    " or contains(translate(concat(@class, ' ', @id), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',"
    " 'abcdefghijklmnopqrstuvwxyz'), 'posted')"
    " or contains(translate(concat(@class, ' ', @id), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',"
    " 'abcdefghijklmnopqrstuvwxyz'), 'meta')]"
)
_MAX_DATE_ELEMENTS = 40


def find_page_date(tree: Any, today: date | None = None) -> date | None:
    """The first plausible date in the elements where pages print dates (``<time>``, classes
    like ``entry-date``, ``data-publikacji``, ``post-meta``), in any of the formats above.

    A fallback for when the page's metadata (read by htmldate) states no date: htmldate does
    not know Polish month names.
    """
    today = today or date.today()
    for element in _DATE_ELEMENTS(tree)[:_MAX_DATE_ELEMENTS]:
        value = element.get("datetime") or element.text_content()
        if value and len(value) <= 200:
            found = sane_date(value.strip(), today) if element.get("datetime") else None
            found = found or parse_date(value, today)
            if found:
                return found
    return None
