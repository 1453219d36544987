"""Keyword topics: rules an analyst can read, matched through case, diacritics and inflection.

A topic (``[topics.<name>]`` in the configuration) fires when any of its ``terms`` or ``rules``
matches outside the spans its ``exclude`` entries cover.

Term syntax (also the operands of rules):
  ``klaster``              the word, case and diacritics folded (``Klaster``, ``KLASTER``)
  ``białorus*``            any word starting so (``Białorusi``, ``białoruskich``)
  ``~klaster``             every form simplemma's dictionary gives the lemma (``klastra``,
                           ``klastrów``, ``klasterze``); Latin script means Polish, Cyrillic
                           Russian and Ukrainian, ``~cluster:en`` names the language (pl, ru, uk,
                           en; there is no Belarusian dictionary: use a prefix)
  ``inicjatyw* klastrow*`` a phrase: adjacent words, each exact, a prefix or a lemma
  ``ul|ulica mińsk*``      alternatives for a word (each any of the above): here the phrases
                           ``ul mińsk*`` and ``ulica mińsk*``; at most 64 phrases a term
Rules combine terms with ``AND``, ``OR``, ``NOT``, ``NEAR/n`` (at most n words between, in
either order, as in SQLite FTS5; ``NEAR/0``: next to each other) and parentheses, e.g.
``cluster* NEAR/4 (business OR industr* OR innovation)``; quote a phrase inside a rule:
``"energy cluster" OR klaster*``. A rule must need a term to fire (``NOT x`` alone is refused).
``exclude`` entries mask text before matching: a phrase (``mińsk* mazowieck*`` keeps Mińsk
Mazowiecki from counting as Minsk) or a rule, usually NEAR/n (``klast* NEAR/2 serwer*``) whose
spans are masked; a real hit elsewhere in the article still counts.
``gazetteers`` name files in ``data/gazetteers/`` holding one term per line (``#`` comments);
a line starting with ``!`` is an exclude entry.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from clusterwatch import paths
from clusterwatch.text import sentence_around

from .index import Document, WordIndex
from .rules import (
    RuleError,
    Term,
    WordPattern,
    fold_chars,
    looks_like_rule,
    parse_rule,
    parse_term,
    parse_terms,
    rule_needs,
    rule_terms,
    terms_tree,
)

__all__ = [
    "CompiledTopic",
    "Hit",
    "RuleError",
    "Term",
    "TopicMatcher",
    "WordPattern",
    "compile_topic",
    "compile_topics",
    "mark",
    "parse_rule",
    "parse_term",
    "parse_terms",
    "snippet_for",
]


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
    exclude: list[Any]  # expression trees (a phrase is a ("term", Term) tree)
    description: str = ""
    # filled by compile_topic: which terms and rules the index finds through a word pattern
    terms_by_anchor: dict[WordPattern, list[Term]] = field(default_factory=dict, repr=False)
    rules_by_pattern: dict[WordPattern, list[int]] = field(default_factory=dict, repr=False)
    exclude_by_pattern: dict[WordPattern, list[int]] = field(default_factory=dict, repr=False)
    # per rule and exclude entry: the sets of words a text must hold a word of each (rule_needs)
    rule_needs: list[tuple[frozenset[WordPattern], ...]] = field(default_factory=list, repr=False)
    exclude_needs: list[tuple[frozenset[WordPattern], ...]] = field(
        default_factory=list, repr=False
    )

    def patterns(self) -> set[WordPattern]:
        """Every word pattern of the topic (the later words of a phrase are checked in place)."""
        found = {term.words[term.anchor] for term in self.terms}
        for tree in [*self.rules, *self.exclude]:
            found.update(term.words[term.anchor] for term in rule_terms(tree))
        return found

    def lemma_patterns(self) -> set[WordPattern]:
        found = {word for term in self.terms for word in term.words}
        for tree in [*self.rules, *self.exclude]:
            found.update(word for term in rule_terms(tree) for word in term.words)
        return {word for word in found if word.kind == "lemma"}


def gazetteer_lines(name: str, *, topic: str) -> list[str]:
    path = paths.data_dir() / "gazetteers" / f"{name}.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise RuleError(f"topics.{topic}: gazetteer {name!r} not found ({path})") from None
    return [line.split("#", 1)[0].strip() for line in lines if line.split("#", 1)[0].strip()]


def gazetteer_terms(name: str, *, topic: str) -> list[str]:
    """The terms of a gazetteer file (its ``!`` exclude lines left out)."""
    return [line for line in gazetteer_lines(name, topic=topic) if not line.startswith("!")]


def _exclude_tree(text: str, topic: str) -> Any:
    if looks_like_rule(text):
        return parse_rule(text, topic=topic, what="exclude")
    return terms_tree(text, topic=topic)


def topic_source(name: str, spec: Any) -> tuple[list[str], list[str], list[str]]:
    """A topic's terms, rules and exclude entries as written, its gazetteers' lines included,
    from its configuration (a ``TopicConfig`` or a plain mapping)."""
    get = _getter(spec)
    raw_terms = list(get("terms", []) or [])
    raw_exclude = list(get("exclude", []) or [])
    for gazetteer in get("gazetteers", []) or []:
        for line in gazetteer_lines(gazetteer, topic=name):
            if line.startswith("!"):
                raw_exclude.append(line[1:].strip())
            else:
                raw_terms.append(line)
    rules = list(get("rules", []) or [])
    return list(dict.fromkeys(raw_terms)), rules, list(dict.fromkeys(raw_exclude))


def topic_fingerprint(name: str, spec: Any) -> str:
    """What a topic matches with, in a few characters: it changes when a term, rule or exclude
    entry does, in the configuration or in a gazetteer (not with comments or the description)."""
    source = json.dumps(topic_source(name, spec), ensure_ascii=False)
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]


def _getter(spec: Any) -> Any:
    if isinstance(spec, Mapping):
        return spec.get
    return lambda key, default=None: getattr(spec, key, default)


def _anchored(node: Any, common: set[WordPattern]) -> Any:
    """``node`` with each phrase anchored on its longest word outside ``common``, if any."""
    kind = node[0]
    if kind == "term":
        return ("term", _reanchor(node[1], common))
    if kind == "any":
        return ("any", tuple(_reanchor(term, common) for term in node[1]))
    if kind == "not":
        return ("not", _anchored(node[1], common))
    if kind == "near":
        return ("near", node[1], _anchored(node[2], common), _anchored(node[3], common))
    return (kind, _anchored(node[1], common), _anchored(node[2], common))


def _reanchor(term: Term, common: set[WordPattern]) -> Term:
    if term.words[term.anchor] not in common:
        return term
    others = [i for i, word in enumerate(term.words) if word not in common and len(word.text) >= 3]
    if not others:
        return term
    anchor = max(others, key=lambda i: (len(term.words[i].text), -i))
    return dataclasses.replace(term, anchor=anchor)


def compile_topic(name: str, spec: Any) -> CompiledTopic:
    """Compile one topic from its configuration (a ``TopicConfig`` or a plain mapping)."""
    raw_terms, raw_rules, raw_exclude = topic_source(name, spec)
    terms = [term for t in raw_terms for term in parse_terms(t, topic=name)]
    # a phrase of a rule or an exclude entry is looked for through a word that is not itself a
    # term of the topic, where it has one: "cluster of houses" through houses, as cluster is in
    # nearly every text the topic is matched on
    common = {term.words[term.anchor] for term in terms}
    rules = [_anchored(parse_rule(r, topic=name), common) for r in raw_rules]
    exclude = [_anchored(_exclude_tree(t, name), common) for t in raw_exclude]
    if not terms and not rules:
        raise RuleError(f"topics.{name}: has neither terms nor rules")
    topic = CompiledTopic(name, terms, rules, exclude, _getter(spec)("description", "") or "")
    for term in terms:
        topic.terms_by_anchor.setdefault(term.words[term.anchor], []).append(term)
    for target, trees in ((topic.rules_by_pattern, rules), (topic.exclude_by_pattern, exclude)):
        for number, tree in enumerate(trees):
            for word in {term.words[term.anchor] for term in rule_terms(tree)}:
                target.setdefault(word, []).append(number)
    topic.rule_needs = [rule_needs(tree) for tree in rules]
    topic.exclude_needs = [rule_needs(tree) for tree in exclude]
    return topic


def compile_topics(specs: Mapping[str, Any]) -> dict[str, CompiledTopic]:
    return {name: compile_topic(name, spec) for name, spec in specs.items()}


class TopicMatcher:
    """Matches texts against compiled topics; build once, use for many articles.

    Building it expands lemma terms, which loads simplemma's dictionaries for the languages
    they name (once per process; see ``lemmas``).
    """

    def __init__(self, topics: Mapping[str, CompiledTopic]):
        self.topics = dict(topics)
        patterns = set().union(*(topic.patterns() for topic in self.topics.values()))
        lemma_words = set().union(*(topic.lemma_patterns() for topic in self.topics.values()))
        lemmas = {(lang, p.lemma) for p in lemma_words for lang in p.langs}
        forms = {}
        if lemmas:
            from .lemmas import expand

            forms = expand(lemmas)
        self.index = WordIndex(patterns | lemma_words, forms)
        # pattern -> what it can make true: ("term", topic, Term, ()) or ("rule" | "exclude",
        # topic, n, the sets of words the text must hold a word of each: rule_needs)
        self.uses: dict[WordPattern, list[tuple[str, str, Any, tuple]]] = {}
        for name, topic in self.topics.items():
            for pattern, terms in topic.terms_by_anchor.items():
                self.uses.setdefault(pattern, []).extend(("term", name, t, ()) for t in terms)
            for kind, by_pattern, needs in (
                ("rule", topic.rules_by_pattern, topic.rule_needs),
                ("exclude", topic.exclude_by_pattern, topic.exclude_needs),
            ):
                for pattern, numbers in by_pattern.items():
                    self.uses.setdefault(pattern, []).extend(
                        (kind, name, n, _needs_beyond(needs[n], pattern)) for n in numbers
                    )

    @classmethod
    def from_config(cls, topic_specs: Mapping[str, Any]) -> TopicMatcher:
        return cls(compile_topics(topic_specs))

    def match(self, text: str, topics: Iterable[str] | None = None) -> list[Hit]:
        """All hits in ``text``, each topic's hits in text order."""
        folded = fold_chars(text)
        found = self.index.scan(folded)
        if not found:
            return []
        base = Document(folded, found, self.index)
        wanted: dict[str, tuple[list[Term], set[int], set[int]]] = {}
        present = found.keys()
        for pattern in found:
            for kind, name, item, needs in self.uses.get(pattern, ()):
                if needs and any(present.isdisjoint(need) for need in needs):
                    continue  # a rule missing a word it needs: false (an exclude: no span)
                slot = wanted.get(name)
                if slot is None:
                    slot = wanted[name] = ([], set(), set())
                if kind == "term":
                    slot[0].append(item)
                else:
                    (slot[1] if kind == "rule" else slot[2]).add(item)
        hits: list[Hit] = []
        for name in topics if topics is not None else self.topics:
            if name not in wanted:
                continue
            terms, rules, excludes = wanted[name]
            if not terms and not rules:
                continue
            topic = self.topics[name]
            document = base.fresh()
            for number in sorted(excludes):
                _, spans = _evaluate(topic.exclude[number], document, honour_mask=False)
                document.masked.extend(span for span, _source in spans)
            matched: dict[tuple[int, int], str] = {}
            for term in terms:
                for span in document.find(term):
                    matched.setdefault(span, term.source)
            for number in sorted(rules):
                truth, rule_spans = _evaluate(topic.rules[number], document)
                if truth:
                    for span, source in rule_spans:
                        matched.setdefault(span, source)
            hits.extend(Hit(name, source, *span) for span, source in sorted(matched.items()))
        return hits


def _needs_beyond(
    needs: tuple[frozenset[WordPattern], ...], found: WordPattern
) -> tuple[frozenset[WordPattern], ...]:
    """The sets of words a rule needs but those ``found`` (a word it was found through)
    already satisfies."""
    return tuple(need for need in needs if found not in need)


def _evaluate(
    node: Any, document: Document, *, honour_mask: bool = True
) -> tuple[bool, list[tuple[tuple[int, int], str]]]:
    kind = node[0]
    if kind == "term":
        spans = document.find(node[1], honour_mask=honour_mask)
        return bool(spans), [(span, node[1].source) for span in spans]
    if kind == "any":
        hits = document.hits
        found = [
            (span, term.source)
            for term in node[1]
            if term.words[term.anchor] in hits
            for span in document.find(term, honour_mask=honour_mask)
        ]
        return bool(found), found
    if kind == "not":
        truth, _ = _evaluate(node[1], document, honour_mask=honour_mask)
        return not truth, []
    if kind in ("and", "or"):
        left_truth, left = _evaluate(node[1], document, honour_mask=honour_mask)
        if kind == "and" and not left_truth:
            return False, []
        right_truth, right = _evaluate(node[2], document, honour_mask=honour_mask)
        truth = (left_truth and right_truth) if kind == "and" else (left_truth or right_truth)
        return truth, (left + right) if truth else []
    if kind == "near":
        distance = node[1]
        _, left = _evaluate(node[2], document, honour_mask=honour_mask)
        if not left:
            return False, []
        _, right = _evaluate(node[3], document, honour_mask=honour_mask)
        found = []
        for left_span, left_source in left:
            for right_span, right_source in right:
                # as in SQLite FTS5: at most n words between them
                if document.words_between(left_span, right_span, distance) <= distance:
                    found.append((left_span, left_source))
                    found.append((right_span, right_source))
        return bool(found), found
    raise AssertionError(kind)


def snippet_for(text: str, hit: Hit) -> tuple[str, int, int]:
    """The sentence around a hit, and the hit's offsets within it."""
    return sentence_around(text, hit.start, hit.end)


def mark(snippet: str, start: int, end: int, before: str = "«", after: str = "»") -> str:
    return snippet[:start] + before + snippet[start:end] + after + snippet[end:]
