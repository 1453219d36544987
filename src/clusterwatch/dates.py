"""Publication dates as Polish sites print them, and sanity checks on them.

"13 grudnia 2017", "28.01.2019", "13-12-2017", "2019-03-05", "4 grudnia 2019 r.", also Russian
and English month names. A date in the future is never a publication date.
"""

from __future__ import annotations

import re
from datetime import date

from .text import fold_word

# month names by their folded stems: Polish genitive/nominative, Russian, Belarusian, English
_MONTHS = {
    1: ("stycz", "январ", "студзен", "jan"),
    2: ("luty", "lutego", "феврал", "лют", "feb"),
    3: ("marz", "marc", "март", "сакавік", "mar"),
    4: ("kwie", "апрел", "красавік", "apr"),
    5: ("maj", "мая", "май", "трав", "трау", "may"),
    6: ("czerw", "июн", "чэрвен", "jun"),
    7: ("lip", "июл", "ліпен", "jul"),
    8: ("sierp", "август", "жні", "aug"),
    9: ("wrze", "сентябр", "верасн", "sep"),
    10: ("pazdz", "октябр", "кастрычнік", "oct"),
    11: ("listop", "ноябр", "лістапад", "nov"),
    12: ("grud", "декабр", "снеж", "dec"),
}
_NUMERIC = [
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"), ("y", "m", "d")),
    (re.compile(r"\b(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})\b"), ("d", "m", "y")),
]
_WORDY = re.compile(r"\b(\d{1,2})\.?\s+([^\W\d_]{3,})\.?,?\s+(\d{4})\b", re.UNICODE)
_WORDY_EN = re.compile(r"\b([A-Za-z]{3,})\.?\s+(\d{1,2}),?\s+(\d{4})\b")


def _month(word: str) -> int | None:
    folded = fold_word(word)
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
