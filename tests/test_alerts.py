"""Topic rules: inflection through prefixes, phrases, boolean rules, NEAR, exclusions, errors."""

from __future__ import annotations

import pytest

from clusterwatch.alerts import RuleError, TopicMatcher, compile_topics, mark, snippet_for
from clusterwatch.config import load_config
from clusterwatch.paths import default_config_path


@pytest.fixture(scope="module")
def default_matcher() -> TopicMatcher:
    return TopicMatcher.from_config(load_config(default_config_path()).topics)


def topics_of(matcher: TopicMatcher, text: str) -> set[str]:
    return {hit.topic for hit in matcher.match(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Delegacja z Białorusi odwiedziła Białystok.", {"belarus"}),
        ("Spotkanie odbyło się w Mińsku.", {"belarus"}),
        ("Firmy białoruskich przedsiębiorców", {"belarus"}),
        ("Seminaria w Grodnie i Homlu.", {"belarus"}),
        ("Минск и Гомель подписали соглашение.", {"belarus"}),
        ("Кластарная ініцыятыва ў Беларусі", {"belarus", "clusters"}),
        ("Rozwój inicjatyw klastrowych w regionie.", {"clusters"}),
        ("Członkowie klastrów spotkali się w Łomży.", {"clusters"}),
        ("The Metal Processing Cluster signed an agreement in Minsk.", {"belarus", "clusters"}),
        ("Firma z Mińska Mazowieckiego dołączyła do klastra.", {"clusters"}),
        ("Targi w Brześciu Kujawskim.", set()),
        ("Uczelnia uruchomiła klaster obliczeniowy dla naukowców.", set()),
        ("Biała Podlaska i Białystok to miasta na Podlasiu.", set()),
        ("Kubernetes cluster upgrades are scheduled.", set()),
        ("Ban on cluster munitions.", set()),
    ],
)
def test_default_topics(default_matcher, text, expected):
    assert topics_of(default_matcher, text) == expected


def test_trap_does_not_hide_a_real_hit_elsewhere(default_matcher):
    text = "Firma z Mińska Mazowieckiego podpisała umowę z partnerem w Mińsku."
    hits = [h for h in default_matcher.match(text) if h.topic == "belarus"]
    assert [text[h.start : h.end] for h in hits] == ["Mińsku"]


def test_rules_with_boolean_operators_and_near():
    matcher = TopicMatcher(
        compile_topics(
            {
                "trade": {
                    "rules": [
                        "(eksport* OR import*) NEAR/3 białoru*",
                        '"umowa handlowa" AND NOT wojsk*',
                    ]
                },
            }
        )
    )
    assert topics_of(matcher, "Eksport mebli na rynek białoruski rośnie.") == {"trade"}
    assert (
        topics_of(matcher, "Eksport mebli do Niemiec rośnie, a o Białorusi nie mówiono.") == set()
    )
    assert topics_of(matcher, "Podpisano umowę handlową.") == set()  # a phrase matches exact words
    assert topics_of(matcher, "Nowa umowa handlowa z partnerami.") == {"trade"}
    assert topics_of(matcher, "Umowa handlowa na dostawy dla wojska.") == set()


def test_folding_ignores_case_and_diacritics_including_l_stroke():
    matcher = TopicMatcher(compile_topics({"t": {"terms": ["łódź"]}}))
    assert topics_of(matcher, "LODZ and Łódź and lodz") == {"t"}
    assert len(matcher.match("LODZ and Łódź and lodz")) == 3


def test_snippet_is_the_sentence_with_the_term_marked(default_matcher):
    text = (
        "Pierwsze zdanie bez niczego. Konferencja odbyła się w Mińsku w styczniu. Trzecie zdanie."
    )
    hit = next(h for h in default_matcher.match(text) if h.topic == "belarus")
    snippet, start, end = snippet_for(text, hit)
    assert snippet == "Konferencja odbyła się w Mińsku w styczniu."
    assert mark(snippet, start, end) == "Konferencja odbyła się w «Mińsku» w styczniu."


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"terms": ["kl*"]}, "a prefix needs at least 3 letters"),
        ({"terms": ["*lastr"]}, "'*' may only end a word"),
        ({"rules": ["klaster AND"]}, "ends too early"),
        ({"rules": ["klaster obliczeniowy"]}, "expected AND, OR or NEAR/n"),
        ({"rules": ["(klaster OR klastry"]}, "missing ')'"),
        ({"rules": ["klaster NEAR/0 firma"]}, "NEAR needs a distance of 1 or more"),
        ({"gazetteers": ["nowhere"]}, "gazetteer 'nowhere' not found"),
    ],
)
def test_malformed_rules_are_named(spec, message):
    with pytest.raises(RuleError) as info:
        compile_topics({"mytopic": spec})
    assert str(info.value).startswith("topics.mytopic")
    assert message in str(info.value)
