"""Keyword topics: rules an analyst can read, matched through case, diacritics and inflection.

A topic (``[topics.<name>]`` in the configuration) fires when any of its ``terms`` or ``rules``
matches outside the spans its ``exclude`` phrases cover.

Term syntax (also the operands of rules):
  ``klaster``              the word, case and diacritics folded (``Klaster``, ``KLASTER``)
  ``białorus*``            any word starting so (``Białorusi``, ``białoruskich``)
  ``inicjatyw* klastrow*`` a phrase: adjacent words, each exact or a prefix
Rules combine terms with ``AND``, ``OR``, ``NOT``, ``NEAR/n`` (at most n words between, as in SQLite FTS5) and
parentheses, e.g. ``cluster* NEAR/4 (business OR industr* OR innovation)``; quote a phrase
inside a rule: ``"energy cluster" OR klaster*``.
``exclude`` phrases mask text before matching: ``mińsk* mazowieck*`` keeps Mińsk Mazowiecki
from counting as Minsk, while a real hit elsewhere in the article still counts.
``gazetteers`` name files in ``data/gazetteers/`` holding one term per line.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from . import paths
from .text import fold_word, sentence_around, tokens


class RuleError(ValueError):
    """A topic rule that cannot be compiled; the message names the topic, the term and why."""


@dataclass(frozen=True)
class WordPattern:
    text: str  # folded
    prefix: bool

    def matches(self, folded: str) -> bool:
        return folded.startswith(self.text) if self.prefix else folded == self.text


@dataclass(frozen=True)
class Term:
    source: str  # as written by the analyst
    words: tuple[WordPattern, ...]


@dataclass(frozen=True)
class Hit:
    topic: str
    term: str
    start: int  # character offsets in the matched text
    end: int


@dataclass
class CompiledTopic:
    name: str
    terms: list[Term]
    rules: list[Any]  # expression trees
    exclude: list[Term]
    description: str = ""


@dataclass
class _Document:
    words: list[tuple[str, int, int]]  # folded word, start, end
    masked: set[int] = field(default_factory=set)
    _positions: dict[str, list[int]] | None = None
    _vocabulary: list[str] | None = None

    @property
    def positions(self) -> dict[str, list[int]]:
        if self._positions is None:
            positions: dict[str, list[int]] = {}
            for index, (word, _, _) in enumerate(self.words):
                positions.setdefault(word, []).append(index)
            self._positions = positions
        return self._positions

    @property
    def vocabulary(self) -> list[str]:
        if self._vocabulary is None:
            self._vocabulary = sorted(self.positions)
        return self._vocabulary

    def starts(self, pattern: WordPattern) -> list[int]:
        """Token indexes where a word matching ``pattern`` stands."""
        if not pattern.prefix:
            return self.positions.get(pattern.text, [])
        vocabulary = self.vocabulary
        found: list[int] = []
        index = bisect.bisect_left(vocabulary, pattern.text)
        while index < len(vocabulary) and vocabulary[index].startswith(pattern.text):
            found.extend(self.positions[vocabulary[index]])
            index += 1
        return sorted(found)

    def find(self, term: Term, *, honour_mask: bool = True) -> list[tuple[int, int]]:
        """Token spans ``[first, last]`` where ``term`` matches."""
        spans = []
        length = len(term.words)
        for first in self.starts(term.words[0]):
            last = first + length - 1
            if last >= len(self.words):
                continue
            if all(term.words[i].matches(self.words[first + i][0]) for i in range(1, length)):
                if honour_mask and any(first + i in self.masked for i in range(length)):
                    continue
                spans.append((first, last))
        return spans


def parse_term(text: str, *, topic: str) -> Term:
    words = []
    for raw in text.split():
        prefix = raw.endswith("*")
        core = raw.rstrip("*")
        if "*" in core:
            raise RuleError(f"topics.{topic}: term {text!r}: '*' may only end a word")
        # "k-means" or "Polsko-białoruski" are several words to the tokenizer; so here too
        folded = [fold_word(w) for w, _, _ in tokens(core)]
        if not folded:
            raise RuleError(f"topics.{topic}: term {text!r}: {raw!r} holds no letters or digits")
        if prefix and len(folded[-1]) < 3:
            raise RuleError(f"topics.{topic}: term {text!r}: a prefix needs at least 3 letters")
        words.extend(WordPattern(w, False) for w in folded[:-1])
        words.append(WordPattern(folded[-1], prefix))
    if not words:
        raise RuleError(f"topics.{topic}: empty term")
    return Term(text, tuple(words))


# --- rules: a small recursive-descent parser ---------------------------------------------------

_TOKEN_RE = re.compile(r'\s*(?:(\()|(\))|"([^"]*)"|(NEAR/\d+)|(AND|OR|NOT)\b|([^\s()"]+))')


def parse_rule(text: str, *, topic: str) -> Any:
    items: list[tuple[str, str]] = []
    position = 0
    stripped = text.rstrip()
    while position < len(stripped):
        match = _TOKEN_RE.match(stripped, position)
        if not match or match.end() == position:
            raise RuleError(
                f"topics.{topic}: rule {text!r}: cannot read from {stripped[position:]!r}"
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
            distance = int(near.split("/")[1])
            if distance < 1:
                raise RuleError(
                    f"topics.{topic}: rule {text!r}: NEAR needs a distance of 1 or more"
                )
            items.append(("near", near))
        elif op:
            items.append((op.lower(), op))
        else:
            items.append(("term", word))
    parser = _RuleParser(items, text, topic)
    tree = parser.expression()
    if parser.index != len(items):
        raise RuleError(f"topics.{topic}: rule {text!r}: unexpected {items[parser.index][1]!r}")
    return tree


class _RuleParser:
    def __init__(self, items: list[tuple[str, str]], text: str, topic: str):
        self.items, self.text, self.topic, self.index = items, text, topic, 0

    def _peek(self) -> str | None:
        return self.items[self.index][0] if self.index < len(self.items) else None

    def _error(self, why: str) -> RuleError:
        return RuleError(f"topics.{self.topic}: rule {self.text!r}: {why}")

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
            node = ("near", distance, node, self.primary())
        return node

    def primary(self) -> Any:
        kind = self._peek()
        if kind is None:
            raise self._error("ends too early")
        if kind == "(":
            self.index += 1
            node = self.expression()
            if self._peek() != ")":
                raise self._error("missing ')'")
            self.index += 1
            return node
        if kind == "term":
            text = self.items[self.index][1]
            self.index += 1
            if self._peek() == "term":
                raise self._error(f"expected AND, OR or NEAR/n after {text!r} (quote phrases)")
            return ("term", parse_term(text, topic=self.topic))
        raise self._error(f"unexpected {self.items[self.index][1]!r}")


# --- compiling and matching -------------------------------------------------------------------


def gazetteer_terms(name: str, *, topic: str) -> list[str]:
    path = paths.data_dir() / "gazetteers" / f"{name}.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise RuleError(f"topics.{topic}: gazetteer {name!r} not found ({path})") from None
    return [line.split("#", 1)[0].strip() for line in lines if line.split("#", 1)[0].strip()]


def compile_topic(name: str, spec: Any) -> CompiledTopic:
    """Compile one topic from its configuration (a ``TopicConfig`` or a plain mapping)."""
    get = (
        spec.get
        if isinstance(spec, Mapping)
        else lambda key, default=None: getattr(spec, key, default)
    )
    raw_terms = list(get("terms", []) or [])
    for gazetteer in get("gazetteers", []) or []:
        raw_terms.extend(gazetteer_terms(gazetteer, topic=name))
    terms = [parse_term(t, topic=name) for t in raw_terms]
    rules = [parse_rule(r, topic=name) for r in get("rules", []) or []]
    exclude = [parse_term(t, topic=name) for t in get("exclude", []) or []]
    if not terms and not rules:
        raise RuleError(f"topics.{name}: has neither terms nor rules")
    return CompiledTopic(name, terms, rules, exclude, get("description", "") or "")


def compile_topics(specs: Mapping[str, Any]) -> dict[str, CompiledTopic]:
    return {name: compile_topic(name, spec) for name, spec in specs.items()}


class TopicMatcher:
    """Matches texts against compiled topics; build once, use for many articles."""

    def __init__(self, topics: Mapping[str, CompiledTopic]):
        self.topics = dict(topics)

    @classmethod
    def from_config(cls, topic_specs: Mapping[str, Any]) -> TopicMatcher:
        return cls(compile_topics(topic_specs))

    def match(self, text: str, topics: Iterable[str] | None = None) -> list[Hit]:
        """All hits in ``text``, each topic's hits in text order."""
        words = [(fold_word(w), s, e) for w, s, e in tokens(text)]
        hits: list[Hit] = []
        for name in topics if topics is not None else self.topics:
            topic = self.topics[name]
            document = _Document(words)
            for excluded in topic.exclude:
                for first, last in document.find(excluded, honour_mask=False):
                    document.masked.update(range(first, last + 1))
            spans: dict[tuple[int, int], str] = {}
            for term in topic.terms:
                for span in document.find(term):
                    spans.setdefault(span, term.source)
            for rule in topic.rules:
                truth, rule_spans = _evaluate(rule, document)
                if truth:
                    for span, source in rule_spans:
                        spans.setdefault(span, source)
            for (first, last), source in sorted(spans.items()):
                hits.append(Hit(name, source, words[first][1], words[last][2]))
        return hits


def _evaluate(node: Any, document: _Document) -> tuple[bool, list[tuple[tuple[int, int], str]]]:
    kind = node[0]
    if kind == "term":
        spans = document.find(node[1])
        return bool(spans), [(span, node[1].source) for span in spans]
    if kind == "not":
        truth, _ = _evaluate(node[1], document)
        return not truth, []
    if kind in ("and", "or"):
        left_truth, left = _evaluate(node[1], document)
        right_truth, right = _evaluate(node[2], document)
        truth = (left_truth and right_truth) if kind == "and" else (left_truth or right_truth)
        return truth, (left + right) if truth else []
    if kind == "near":
        distance = node[1]
        _, left = _evaluate(node[2], document)
        _, right = _evaluate(node[3], document)
        found = []
        for left_span, left_source in left:
            for right_span, right_source in right:
                gap = max(right_span[0] - left_span[1], left_span[0] - right_span[1]) - 1
                if gap <= distance:  # as in SQLite FTS5: at most n words between them
                    found.append((left_span, left_source))
                    found.append((right_span, right_source))
        return bool(found), found
    raise AssertionError(kind)


def snippet_for(text: str, hit: Hit) -> tuple[str, int, int]:
    """The sentence around a hit, and the hit's offsets within it."""
    return sentence_around(text, hit.start, hit.end)


def mark(snippet: str, start: int, end: int, before: str = "«", after: str = "»") -> str:
    return snippet[:start] + before + snippet[start:end] + after + snippet[end:]
