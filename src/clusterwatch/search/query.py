"""Search queries: what a user types, parsed into an FTS5 query over the folded lemmas (see
``fts`` for the design)."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import product

from sqlite_utils import Database

from clusterwatch.text import WORD_RE, fold_word

from .terms import DEFAULT_LANGUAGE, lemma_token

logger = logging.getLogger(__name__)

AUTO_PREFIX_MIN_CHARS = 5  # shorter lemmas match exactly: "rus*" would find "ruszyć"
_STEM_VOWELS = "aeiouyаеиоуыэюяь"  # a final vowel dropped: grodno → grodn*, finds "Grodna"
MAX_PHRASE_VARIANTS = 16
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_QUERY_TOKEN_RE = re.compile(
    r'"(?P<phrase>[^"]*)"(?P<star>\*?)|(?P<open>\()|(?P<close>\))|(?P<bare>[^\s"()]+)'
    r'|(?P<quote>")|\s+'
)
_OPERATORS = ("AND", "OR", "NOT")


class QueryError(ValueError):
    """A query that cannot be searched for; the message says why, in one line."""


@dataclass(frozen=True)
class Pattern:
    """A folded lemma a query looks for; ``prefix`` when longer words starting with it count."""

    term: str
    prefix: bool

    def fts(self) -> str:
        quoted = self.term.replace('"', '""')
        return f'"{quoted}"' + ("*" if self.prefix else "")

    def matches(self, token: str) -> bool:
        return token.startswith(self.term) if self.prefix else token == self.term


@dataclass(frozen=True)
class Query:
    typed: str
    fts: str  # the FTS5 expression over article_terms_fts
    patterns: tuple[Pattern, ...]  # every word it looks for, to mark in snippets


@dataclass
class _Token:
    kind: str  # op, open, close, term
    value: str = ""
    words: list[str] = field(default_factory=list)
    prefix: bool = False


def parse_query(db: Database, typed: str) -> Query:
    """Turn what a user typed into an FTS5 expression over folded lemmas.

    Words (implicitly AND-ed), "quoted phrases", a trailing * for a prefix, AND / OR / NOT
    (upper case, as in FTS5) and parentheses. Raises QueryError on a malformed query.
    """
    lexed = _lex(typed)
    if not any(t.kind == "term" for t in lexed):
        raise QueryError("nothing to search for: give at least one word")
    depth = 0
    for token in lexed:
        depth += {"open": 1, "close": -1}.get(token.kind, 0)
        if depth < 0:
            raise QueryError("a closing parenthesis has no opening one")
    if depth:
        raise QueryError("an opening parenthesis is not closed")
    parser = _Parser(db, lexed)
    expression = parser.expression()
    if parser.position < len(parser.tokens):  # pragma: no cover - the checks above prevent it
        raise QueryError(f"unexpected {parser.tokens[parser.position].value!r}")
    return Query(typed, expression, tuple(dict.fromkeys(parser.patterns)))


def _lex(typed: str) -> list[_Token]:
    out: list[_Token] = []
    for match in _QUERY_TOKEN_RE.finditer(typed):
        if match.group("quote"):
            raise QueryError('a quotation mark is not closed: phrases go "in quotes"')
        if match.group("open"):
            out.append(_Token("open", "("))
        elif match.group("close"):
            out.append(_Token("close", ")"))
        elif match.group("phrase") is not None:
            words = WORD_RE.findall(match.group("phrase"))
            if words:
                out.append(_Token("term", words=words, prefix=bool(match.group("star"))))
        elif (bare := match.group("bare")) is not None:
            if bare in _OPERATORS:
                out.append(_Token("op", bare))
            elif words := WORD_RE.findall(bare):  # "polsko-białoruskie" is a phrase of two
                out.append(_Token("term", words=words, prefix=bare.endswith("*")))
    return out


class _Parser:
    """expression := all (OR all)*; all := one (AND? one)*; one := item (NOT item)*;
    item := term | ( expression )"""

    def __init__(self, db: Database, tokens: list[_Token]):
        self.db = db
        self.tokens = tokens
        self.position = 0
        self.patterns: list[Pattern] = []
        self.lemmas = _vocabulary_lemmas(db, {w for t in tokens for w in t.words})

    def peek(self) -> _Token | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.position]
        self.position += 1
        return token

    def expression(self) -> str:
        parts = [self.all_of()]
        while (token := self.peek()) and token.kind == "op" and token.value == "OR":
            self.take()
            parts.append(self.all_of("OR"))
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"

    def all_of(self, after: str | None = None) -> str:
        parts = [self.one(after)]
        while (token := self.peek()) and token.kind != "close" and token.value != "OR":
            if token.kind == "op" and token.value == "AND":
                self.take()
                parts.append(self.one("AND"))
            elif token.kind == "op":  # NOT is handled in one(); anything else starts an item
                break
            else:
                parts.append(self.one())
        return parts[0] if len(parts) == 1 else "(" + " AND ".join(parts) + ")"

    def one(self, after: str | None = None) -> str:
        expression = self.item(after)
        while (token := self.peek()) and token.kind == "op" and token.value == "NOT":
            self.take()
            expression = f"({expression} NOT {self.item('NOT')})"
        return expression

    def item(self, after: str | None) -> str:
        token = self.peek()
        if token is None or token.kind in ("close", "op"):
            operator = token.value if token is not None and token.kind == "op" else after
            if operator:
                raise QueryError(f"{operator} needs a search term on both sides")
            raise QueryError("empty parentheses: put a search term inside")
        self.take()
        if token.kind == "open":
            expression = self.expression()
            self.take()  # the closing parenthesis: parse_query checked that there is one
            return expression
        return self.term(token)

    def term(self, token: _Token) -> str:
        """A word: any of its lemmas, or the word itself (simplemma may give a form of it a
        lemma other than the one it gave the rest). A phrase (or a hyphenated word): its words
        in order, written ``"a"* + "b"`` so that each may be a prefix."""
        last = len(token.words) - 1
        choices = []
        for i, word in enumerate(token.words):
            form = fold_word(word)
            if token.prefix and i == last:  # "semin*": a prefix as typed, not a word to lemmatise
                choices.append([Pattern(form, True)])
                continue
            lemmas = self.lemmas.get(form) or [_fallback_lemma(word)]
            choices.append(list(dict.fromkeys(_pattern(t) for t in [*lemmas, form])))
        self.patterns.extend(p for c in choices for p in c)
        variants = list(product(*choices))[:MAX_PHRASE_VARIANTS]
        alternatives = [" + ".join(p.fts() for p in variant) for variant in variants]
        return alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")"


def _pattern(lemma: str) -> Pattern:
    """Lemmas of five letters or more also match longer words (Białoruś → białoruski), less a
    final vowel (simplemma leaves some forms as they are: Grodna)."""
    if len(lemma) < AUTO_PREFIX_MIN_CHARS:
        return Pattern(lemma, False)
    return Pattern(lemma[:-1] if lemma[-1] in _STEM_VOWELS else lemma, True)


def _vocabulary_lemmas(db: Database, words: Iterable[str]) -> dict[str, list[str]]:
    """Folded form → its lemmas as the archive's vocabulary knows them (folded, sorted)."""
    forms = sorted({fold_word(w) for w in words})
    found: dict[str, set[str]] = {}
    if forms:
        for form, lemma in db.execute(
            "select form, lemma from search_vocabulary "
            f"where form in ({', '.join('?' * len(forms))})",
            forms,
        ):
            found.setdefault(form, set()).add(lemma)
    return {form: sorted(lemmas) for form, lemmas in found.items()}


def _fallback_lemma(word: str) -> str:
    """A word the archive has never seen: simplemma's lemma (loading it), folded."""
    logger.info("%r is not in the archive's vocabulary: lemmatising it with simplemma", word)
    return lemma_token(word, "ru" if _CYRILLIC_RE.search(word) else DEFAULT_LANGUAGE)[1]
