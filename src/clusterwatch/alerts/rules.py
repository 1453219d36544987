"""The topic rule language: folding, terms (words, prefixes, lemmas, phrases) and rule trees.

Parsing needs no dictionary: a configuration is checked at load time without loading the
lemmatiser, which only the matcher needs (see ``lemmas``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product
from typing import Any, NamedTuple

from clusterwatch.text import WORD_RE, fold_word

LEMMA_LANGUAGES = ("pl", "ru", "uk", "en")  # what simplemma ships dictionaries for, of ours


class RuleError(ValueError):
    """A topic rule that cannot be compiled; the message names the topic, the term and why."""


# --- folding: one character in, one character out, so offsets stay those of the text ----------


_COMMON_FOLDS = tuple(
    (a, b) for a, b in zip("ąćęłńóśźżйёўї", "acelnoszzиеуі", strict=True)
)  # Polish and the Cyrillic ones: str.replace is far faster than str.translate on long texts


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    ranges = ((0x00C0, 0x0250), (0x0370, 0x0530), (0x1E00, 0x1F00))
    for low, high in ranges:
        for code in range(low, high):
            folded = fold_word(chr(code))
            if len(folded) == 1 and folded != chr(code):
                table[code] = folded
    return table


_FOLD_TABLE = _fold_table()
_OTHER_FOLDS_RE = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in sorted(_FOLD_TABLE) if chr(c).islower()) + "]"
)


def fold_chars(text: str) -> str:
    """Lowercase without diacritics (``ł`` → ``l``, ``й`` → ``и``, ``ў`` → ``у``), same length;
    a word typed in two scripts is read in the one most of its letters are in."""
    lowered = text.lower()
    if len(lowered) != len(text):  # 'İ' and a few others lowercase to two characters
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if lowered.isascii():
        return lowered
    for accented, plain in _COMMON_FOLDS:
        if accented in lowered:
            lowered = lowered.replace(accented, plain)
    if _OTHER_FOLDS_RE.search(lowered):  # é, ü, č…: rarer, and slower to fold
        lowered = lowered.translate(_FOLD_TABLE)
    if _CYRILLIC_LETTER.search(lowered) and _has_mixed_word(lowered):
        lowered = _WORD.sub(_one_script, lowered)
    return lowered


# Latin and Cyrillic letters that look alike: "Kластер" typed with a Latin K, "klаster" with a
# Cyrillic а (keyboard layouts, pasted names) are read as кластер and klaster
_LOOK_ALIKE_LATIN, _LOOK_ALIKE_CYRILLIC = "aeopcyxkmhtbi", "аеорсухкмнтві"
_TO_CYRILLIC = str.maketrans(_LOOK_ALIKE_LATIN, _LOOK_ALIKE_CYRILLIC)
_TO_LATIN = str.maketrans(_LOOK_ALIKE_CYRILLIC, _LOOK_ALIKE_LATIN)
# a Latin letter next to a Cyrillic one, looked for from the rarer script's letters (the search
# stops at each of them): 20-30 µs on an article, where one expression for both took 90
_MIXED_FROM_CYRILLIC = re.compile(r"[\u0400-\u04ff](?:[a-z]|(?<=[a-z][\u0400-\u04ff]))")
_MIXED_FROM_LATIN = re.compile(r"[a-z](?:[\u0400-\u04ff]|(?<=[\u0400-\u04ff][a-z]))")
_LATIN_LETTER = re.compile(r"[a-z]")
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_WORD = re.compile(r"\w+")


def _has_mixed_word(text: str) -> bool:
    sample = text[:200]
    cyrillic_is_rarer = len(_CYRILLIC_LETTER.findall(sample)) < len(_LATIN_LETTER.findall(sample))
    expression = _MIXED_FROM_CYRILLIC if cyrillic_is_rarer else _MIXED_FROM_LATIN
    return expression.search(text) is not None


def _one_script(match: re.Match) -> str:
    """A word in one script, when the letters of the other are look-alikes; else as it was."""
    word = match.group()
    latin = len(_LATIN_LETTER.findall(word))
    cyrillic = len(_CYRILLIC_LETTER.findall(word))
    if not latin or not cyrillic:
        return word
    as_cyrillic = (word.translate(_TO_CYRILLIC), _LATIN_LETTER)
    as_latin = (word.translate(_TO_LATIN), _CYRILLIC_LETTER)
    for read, other in (as_cyrillic, as_latin) if cyrillic >= latin else (as_latin, as_cyrillic):
        if not other.search(read):
            return read
    return word


# --- terms -------------------------------------------------------------------------------------


class WordPattern(NamedTuple):
    """One word of a term: ``exact`` (folded word), ``prefix`` (``klastr*``) or ``lemma``.

    A lemma pattern (``~klaster``) stands for every form the dictionaries of ``langs`` give
    that lemma; the matcher expands it once (``lemmas``). A named tuple: the index
    looks one up for every word it finds, and a tuple hashes and compares in C.
    """

    text: str  # folded
    kind: str = "exact"  # exact, prefix, lemma
    langs: tuple[str, ...] = ()
    lemma: str = ""  # a lemma as written (the dictionary's spelling, any case)

    @property
    def prefix(self) -> bool:
        return self.kind == "prefix"


@dataclass(frozen=True)
class Term:
    source: str  # as written by the analyst
    words: tuple[WordPattern, ...]
    anchor: int = 0  # the word the index looks for: the longest (not "k" of "k means")


_LEMMA_RE = re.compile(r"^~(?P<word>[^:~*]+)(?::(?P<lang>[a-z]{2}))?$")


def _is_cyrillic(word: str) -> bool:
    return any("\u0400" <= ch <= "\u052f" for ch in word)


def _lemma_word(raw: str, text: str, topic: str) -> WordPattern:
    match = _LEMMA_RE.match(raw)
    if not match:
        if raw.endswith("*"):
            raise RuleError(
                f"topics.{topic}: term {text!r}: {raw!r}: a lemma (~) cannot also be a prefix (*)"
            )
        raise RuleError(
            f"topics.{topic}: term {text!r}: {raw!r}: write a lemma as ~word or ~word:lang"
        )
    word, lang = match.group("word"), match.group("lang")
    if lang == "be":
        raise RuleError(
            f"topics.{topic}: term {text!r}: simplemma has no Belarusian dictionary: "
            f"use a prefix instead (e.g. {word.lower()[:-1]}*)"
        )
    if lang is not None and lang not in LEMMA_LANGUAGES:
        raise RuleError(
            f"topics.{topic}: term {text!r}: unknown lemma language {lang!r} "
            f"(known: {', '.join(LEMMA_LANGUAGES)})"
        )
    folded = [fold_chars(w) for w in WORD_RE.findall(word)]
    if len(folded) != 1:
        raise RuleError(f"topics.{topic}: term {text!r}: {raw!r}: a lemma is one word")
    langs = (lang,) if lang else (("ru", "uk") if _is_cyrillic(word) else ("pl",))
    return WordPattern(folded[0], "lemma", langs, word)


_MAX_EXPANSIONS = 64


def _word_patterns(raw: str, text: str, topic: str) -> list[WordPattern]:
    """The words of one written word (``k-means`` is two to the tokenizer, so two here)."""
    if raw.startswith("~"):
        return [_lemma_word(raw, text, topic)]
    prefix = raw.endswith("*")
    core = raw.rstrip("*")
    if "*" in core:
        raise RuleError(f"topics.{topic}: term {text!r}: '*' may only end a word")
    if "~" in core:
        raise RuleError(f"topics.{topic}: term {text!r}: '~' may only start a word")
    folded = [fold_chars(w) for w in WORD_RE.findall(core)]
    if not folded:
        raise RuleError(f"topics.{topic}: term {text!r}: {raw!r} holds no letters or digits")
    if prefix and len(folded[-1]) < 3:
        raise RuleError(f"topics.{topic}: term {text!r}: a prefix needs at least 3 letters")
    return [WordPattern(w) for w in folded[:-1]] + [
        WordPattern(folded[-1], "prefix" if prefix else "exact")
    ]


def parse_terms(text: str, *, topic: str) -> tuple[Term, ...]:
    """A word, prefix (``klastr*``), lemma (``~klaster``, ``~cluster:en``) or a phrase of them,
    where a word may be alternatives (``ul|ulica mińsk*|grodzieńsk*``): one term for each
    choice, all with ``text`` as their source."""
    choices: list[list[list[WordPattern]]] = []
    for raw in text.split():
        alternatives = raw.split("|")
        if "" in alternatives:
            raise RuleError(f"topics.{topic}: term {text!r}: {raw!r} has an empty alternative")
        choices.append([_word_patterns(alt, text, topic) for alt in dict.fromkeys(alternatives)])
    if not choices:
        raise RuleError(f"topics.{topic}: empty term")
    count = 1
    for options in choices:
        count *= len(options)
    if count > _MAX_EXPANSIONS:
        raise RuleError(
            f"topics.{topic}: term {text!r}: its alternatives make {count} phrases "
            f"(at most {_MAX_EXPANSIONS}): split it"
        )
    terms = []
    for picked in product(*choices):
        words = tuple(word for part in picked for word in part)
        anchor = max(range(len(words)), key=lambda i: (len(words[i].text), -i))
        terms.append(Term(text, words, anchor))
    return tuple(dict.fromkeys(terms))


def parse_term(text: str, *, topic: str) -> Term:
    """One term without alternatives (see :func:`parse_terms`)."""
    terms = parse_terms(text, topic=topic)
    if len(terms) > 1:
        raise RuleError(f"topics.{topic}: term {text!r}: alternatives (|) make several terms")
    return terms[0]


def terms_tree(text: str, *, topic: str) -> Any:
    """A term as a rule tree: ``("term", t)``, or ``("any", …)`` when it has alternatives."""
    terms = parse_terms(text, topic=topic)
    return ("term", terms[0]) if len(terms) == 1 else ("any", terms)


# --- rules: a small recursive-descent parser ---------------------------------------------------
# Trees are tuples: ("term", Term), ("any", (Term, …)) for an OR of terms, ("not", x),
# ("and" | "or", x, y), ("near", n, x, y).

_TOKEN_RE = re.compile(r'\s*(?:(\()|(\))|"([^"]*)"|(NEAR/\d+)|(AND|OR|NOT)\b|([^\s()"]+))')
_OPERATOR_RE = re.compile(r'\b(?:AND|OR|NOT|NEAR/\d+)\b|[()"]')


def looks_like_rule(text: str) -> bool:
    """Whether an ``exclude`` entry is a rule (operators, parentheses, quotes) or a phrase."""
    return bool(_OPERATOR_RE.search(text))


def parse_rule(text: str, *, topic: str, what: str = "rule") -> Any:
    items: list[tuple[str, str]] = []
    position = 0
    stripped = text.rstrip()
    while position < len(stripped):
        match = _TOKEN_RE.match(stripped, position)
        if not match or match.end() == position:
            raise RuleError(
                f"topics.{topic}: {what} {text!r}: cannot read from {stripped[position:]!r}"
            )
        position = match.end()
        lparen, rparen, quoted, near, op, word = match.groups()
        if lparen:
            items.append(("(", "("))
        elif rparen:
            items.append((")", ")"))
        elif quoted is not None:
            items.append(("term", quoted))
        elif near:
            items.append(("near", near))
        elif op:
            items.append((op.lower(), op))
        else:
            items.append(("term", word))
    parser = _RuleParser(items, text, topic, what)
    tree = parser.expression()
    if parser.index != len(items):
        raise parser.error(f"unexpected {items[parser.index][1]!r}")
    tree = _flatten(tree)
    if truth_without_hits(tree):
        raise parser.error(
            "it matches a text that holds none of its terms: NOT needs a term to go with "
            "(e.g. 'klaster* AND NOT gwiazd*')"
        )
    return tree


class _RuleParser:
    def __init__(self, items: list[tuple[str, str]], text: str, topic: str, what: str):
        self.items, self.text, self.topic, self.what, self.index = items, text, topic, what, 0

    def _peek(self) -> str | None:
        return self.items[self.index][0] if self.index < len(self.items) else None

    def error(self, why: str) -> RuleError:
        return RuleError(f"topics.{self.topic}: {self.what} {self.text!r}: {why}")

    def expression(self) -> Any:
        node = self.conjunction()
        while self._peek() == "or":
            self.index += 1
            node = ("or", node, self.conjunction())
        return node

    def conjunction(self) -> Any:
        node = self.negation()
        while self._peek() == "and":
            self.index += 1
            node = ("and", node, self.negation())
        return node

    def negation(self) -> Any:
        if self._peek() == "not":
            self.index += 1
            return ("not", self.negation())
        return self.proximity()

    def proximity(self) -> Any:
        node = self.primary()
        while self._peek() == "near":
            distance = int(self.items[self.index][1].split("/")[1])
            self.index += 1
            right = self.primary()
            if _has_not(node) or _has_not(right):
                raise self.error("NEAR/n joins terms, phrases or OR groups, not NOT")
            node = ("near", distance, node, right)
        return node

    def primary(self) -> Any:
        kind = self._peek()
        if kind is None:
            raise self.error("ends too early")
        if kind == "(":
            self.index += 1
            node = self.expression()
            if self._peek() != ")":
                raise self.error("missing ')'")
            self.index += 1
            return node
        if kind == "term":
            text = self.items[self.index][1]
            self.index += 1
            if self._peek() == "term":
                raise self.error(f"expected AND, OR or NEAR/n after {text!r} (quote phrases)")
            return terms_tree(text, topic=self.topic)
        raise self.error(f"unexpected {self.items[self.index][1]!r}")


def _or_terms(node: Any) -> list[Term] | None:
    if node[0] == "term":
        return [node[1]]
    if node[0] == "any":
        return list(node[1])
    if node[0] == "or":
        left, right = _or_terms(node[1]), _or_terms(node[2])
        return left + right if left is not None and right is not None else None
    return None


def _flatten(node: Any) -> Any:
    """``a OR b OR c`` of plain terms becomes ``("any", (a, b, c))``: one step, not a ladder."""
    kind = node[0]
    if kind == "or":
        terms = _or_terms(node)
        if terms is not None:
            return ("any", tuple(terms))
        return ("or", _flatten(node[1]), _flatten(node[2]))
    if kind == "and":
        return ("and", _flatten(node[1]), _flatten(node[2]))
    if kind == "not":
        return ("not", _flatten(node[1]))
    if kind == "near":
        return ("near", node[1], _flatten(node[2]), _flatten(node[3]))
    return node


def _has_not(node: Any) -> bool:
    if node[0] == "not":
        return True
    if node[0] in ("and", "or"):
        return _has_not(node[1]) or _has_not(node[2])
    return False


def truth_without_hits(node: Any) -> bool:
    """A rule's value on a text where none of its terms occurs (True means it always fires)."""
    kind = node[0]
    if kind in ("term", "any", "near"):
        return False
    if kind == "not":
        return not truth_without_hits(node[1])
    left, right = truth_without_hits(node[1]), truth_without_hits(node[2])
    return (left and right) if kind == "and" else (left or right)


_MAX_CLAUSES = 32


def rule_needs(node: Any) -> tuple[frozenset[WordPattern], ...]:
    """Sets of anchor words a text must hold one word of each for the rule to be true.

    A cheap test before evaluating a rule that one of its words brought up: ``a NEAR/5 (b OR
    c)`` needs a, and b or c: ``({a}, {b, c})``. Each side of AND and NEAR adds its sets, so a
    rule with many alternatives on each side stays a few sets; OR needs a word of either side,
    and beyond a few sets one set of all their words stands for them (a weaker test, still
    true of every text the rule matches). No set: no test.
    """
    kind = node[0]
    if kind == "term":
        return (frozenset([node[1].words[node[1].anchor]]),)
    if kind == "any":
        return (frozenset(term.words[term.anchor] for term in node[1]),)
    if kind == "not":
        return ()  # true without any word
    left, right = (node[2], node[3]) if kind == "near" else (node[1], node[2])
    left_needs, right_needs = rule_needs(left), rule_needs(right)
    if kind != "or":  # "and", "near": what each side needs
        return tuple(dict.fromkeys(left_needs + right_needs))
    if not left_needs or not right_needs:
        return ()  # one side needs no word
    needs = tuple(dict.fromkeys(a | b for a in left_needs for b in right_needs))
    if len(needs) > _MAX_CLAUSES:
        return (frozenset().union(*left_needs, *right_needs),)
    return needs


def rule_terms(node: Any) -> list[Term]:
    """Every term a rule names, in order."""
    kind = node[0]
    if kind == "term":
        return [node[1]]
    if kind == "any":
        return list(node[1])
    if kind == "not":
        return rule_terms(node[1])
    if kind == "near":
        return rule_terms(node[2]) + rule_terms(node[3])
    return rule_terms(node[1]) + rule_terms(node[2])
