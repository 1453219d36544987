"""Topic rules: inflection through lemmas and prefixes, phrases, boolean rules, NEAR,
exclusions, the gazetteer, errors, and the ``match`` and ``alerts`` commands."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from clusterwatch.alerts import topics as alerts
from clusterwatch.alerts.rules import fold_chars, parse_rule, parse_term, rule_needs
from clusterwatch.alerts.topics import RuleError, TopicMatcher, compile_topics, mark, snippet_for
from clusterwatch.archive.store import open_db
from clusterwatch.cli.main import cli
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


def test_a_rule_is_evaluated_only_when_the_text_holds_a_word_of_each_set_it_needs():
    def needs(rule: str) -> set[frozenset[str]]:
        return {frozenset(w.text for w in need) for need in rule_needs(parse_rule(rule, topic="t"))}

    assert needs('alfa* NEAR/5 (beta OR "gamma delta")') == {
        frozenset({"alfa"}),
        frozenset({"beta", "gamma"}),  # a phrase is found through its longest word
    }
    assert needs("(alfa OR beta) AND NOT gamma") == {frozenset({"alfa", "beta"})}
    # "alfa OR NOT beta" is true without either word: eta alone is needed
    assert needs("eta AND (alfa OR NOT beta)") == {frozenset({"eta"})}
    # many alternatives on each side of AND stay one set a side (a word of each is needed)
    wide = " AND ".join(f"(a{n} OR b{n})" for n in range(6))
    assert needs(wide) == {frozenset({f"a{n}", f"b{n}"}) for n in range(6)}
    # an OR of many ANDs: a word of any of them, rather than 64 sets
    either = " OR ".join(f"(a{n} AND b{n})" for n in range(6))
    assert needs(either) == {frozenset(f"{c}{n}" for c in "ab" for n in range(6))}
    assert needs("(alfa AND beta) OR gamma") == {
        frozenset({"alfa", "gamma"}),
        frozenset({"beta", "gamma"}),
    }

    # the same answers as evaluating every rule a word of the text brings up
    matcher = TopicMatcher(
        compile_topics(
            {
                "t": {
                    "rules": [
                        "alfa AND NOT gamma",
                        "beta NEAR/2 (delta OR epsilon)",
                        "NOT (NOT zeta) AND eta",
                        "theta AND (iota OR NOT kappa)",
                    ]
                }
            }
        )
    )
    assert topics_of(matcher, "alfa beta") == {"t"}
    assert topics_of(matcher, "alfa gamma beta") == set()
    assert topics_of(matcher, "beta x epsilon") == {"t"}
    assert topics_of(matcher, "eta") == set()
    assert topics_of(matcher, "eta zeta") == {"t"}
    assert topics_of(matcher, "theta") == {"t"}
    assert topics_of(matcher, "theta kappa") == set()


def test_folding_ignores_case_and_diacritics_including_l_stroke():
    matcher = TopicMatcher(compile_topics({"t": {"terms": ["łódź"]}}))
    assert topics_of(matcher, "LODZ and Łódź and lodz") == {"t"}
    assert len(matcher.match("LODZ and Łódź and lodz")) == 3


def test_a_word_typed_in_two_scripts_is_read_in_its_own(default_matcher):
    # a Latin K in кластер, a Cyrillic а in klaster, a Latin M in Минск (keyboard layouts)
    text = "Kластер z Lublina i klаster energii. Делегация из Mинска."
    hits = default_matcher.match(text)
    assert [(h.topic, text[h.start : h.end]) for h in hits] == [
        ("belarus", "Mинска"),
        ("clusters", "Kластер"),
        ("clusters", "klаster"),
    ]
    folded = fold_chars(text)
    assert len(folded) == len(text) and "кластер" in folded and "klaster" in folded
    # words of both scripts that are not look-alikes stay as they are
    assert fold_chars("IT-кластер, Wi-Fi-сеть, Zakład w Mиńsku") == (
        "it-кластер, wi-fi-сеть, zaklad w mиnsku"
    )


def test_snippet_is_the_sentence_with_the_term_marked(default_matcher):
    text = (
        "Pierwsze zdanie bez niczego. Konferencja odbyła się w Mińsku w styczniu. Trzecie zdanie."
    )
    hit = next(h for h in default_matcher.match(text) if h.topic == "belarus")
    snippet, start, end = snippet_for(text, hit)
    assert snippet == "Konferencja odbyła się w Mińsku w styczniu."
    assert mark(snippet, start, end) == "Konferencja odbyła się w «Mińsku» w styczniu."


def test_snippets_deep_in_a_long_text(default_matcher):
    filler = "".join(f"Zdanie numer {n} o pogodzie i niczym więcej. " for n in range(2000))
    text = filler + "Konferencja odbyła się w Mińsku w styczniu. " + filler
    text += "Bardzo długie zdanie " + "bez kropki " * 400 + "o Mińsku " + "i dalej " * 200 + "."
    hits = [h for h in default_matcher.match(text) if h.topic == "belarus"]
    assert len(hits) == 2
    sentence, long_one = (snippet_for(text, hit) for hit in hits)
    assert sentence[0] == "Konferencja odbyła się w Mińsku w styczniu."
    snippet, start, end = long_one  # a sentence too long to show: cut around the hit
    assert snippet[start:end] == "Mińsku" and len(snippet) <= 320 + len("Mińsku")
    assert start == 160 and snippet.endswith("i dalej")


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"terms": ["kl*"]}, "a prefix needs at least 3 letters"),
        ({"terms": ["*lastr"]}, "'*' may only end a word"),
        ({"rules": ["klaster AND"]}, "ends too early"),
        ({"rules": ["klaster obliczeniowy"]}, "expected AND, OR or NEAR/n"),
        ({"rules": ["(klaster OR klastry"]}, "missing ')'"),
        ({"terms": ["ul||ulica mińsk*"]}, "'ul||ulica' has an empty alternative"),
        ({"exclude": ["a|b|c|d|e f|g|h|i|j k|l|m"], "terms": ["x"]}, "make 75 phrases"),
        ({"terms": ["ul|u*"]}, "a prefix needs at least 3 letters"),
        ({"gazetteers": ["nowhere"]}, "gazetteer 'nowhere' not found"),
        ({"terms": ["~klastr*"]}, "a lemma (~) cannot also be a prefix (*)"),
        ({"terms": ["~кластар:be"]}, "simplemma has no Belarusian dictionary"),
        ({"terms": ["~klaster:xx"]}, "unknown lemma language 'xx'"),
        ({"terms": ["klas~ter"]}, "'~' may only start a word"),
        ({"terms": ["~"]}, "write a lemma as ~word or ~word:lang"),
        ({"rules": ["NOT wojsk*"]}, "matches a text that holds none of its terms"),
        ({"rules": ["klaster OR NOT gwiazd*"]}, "matches a text that holds none of its terms"),
        ({"rules": ["klaster NEAR/3 (NOT serwer*)"]}, "NEAR/n joins terms"),
        ({"terms": ["x"], "exclude": ["klaster NEAR/2"]}, "exclude 'klaster NEAR/2': ends too"),
        ({"terms": ["x"], "exclude": ["(klaster"]}, "missing ')'"),
        ({"description": "no terms"}, "has neither terms nor rules"),
    ],
)
def test_malformed_rules_are_named(spec, message):
    with pytest.raises(RuleError) as info:
        compile_topics({"mytopic": spec})
    assert str(info.value).startswith("topics.mytopic")
    assert message in str(info.value)


def test_a_lemma_term_matches_the_forms_of_the_lemma_and_nothing_else():
    matcher = TopicMatcher(compile_topics({"c": {"terms": ["~klaster"]}}))
    for text in ("Klastrów przybywa.", "W klasterze pracuje 20 firm.", "KLASTRA", "klastry"):
        assert topics_of(matcher, text) == {"c"}, text
    for text in ("klasteryzacja danych", "klasterowy ból głowy", "klastrowy", "klaster2"):
        assert topics_of(matcher, text) == set(), text


def test_a_lemma_inside_a_phrase():
    matcher = TopicMatcher(compile_topics({"c": {"terms": ["inicjatyw* ~klaster"]}}))
    assert topics_of(matcher, "Inicjatywy klastrów rosną.") == {"c"}
    assert topics_of(matcher, "Inicjatywy wielu klastrów rosną.") == set()


def test_a_phrase_is_found_through_its_longest_word():
    matcher = TopicMatcher(compile_topics({"t": {"terms": ["k średnich", "a b c"]}}))
    text = "Metoda k-średnich; a b c; k średnia"
    assert [text[h.start : h.end] for h in matcher.match(text)] == ["k-średnich", "a b c"]


def test_an_exclude_rule_masks_only_the_words_near_its_context():
    matcher = TopicMatcher(
        compile_topics({"c": {"terms": ["klastr*"], "exclude": ["klastr* NEAR/2 serwer*"]}})
    )
    assert topics_of(matcher, "Kupiono klastry nowych serwerów.") == set()
    text = "Klastry nowych serwerów kupiono w marcu, a klastry firm rosną."
    assert [text[h.start : h.end] for h in matcher.match(text)] == ["klastry"]
    assert matcher.match(text)[0].start == text.index("a klastry") + 2


def test_near_counts_the_words_between_as_fts5_does():
    matcher = TopicMatcher(compile_topics({"t": {"rules": ["alfa NEAR/2 omega"]}}))
    assert topics_of(matcher, "alfa jeden dwa omega") == {"t"}
    assert topics_of(matcher, "omega, jeden: dwa alfa") == {"t"}
    assert topics_of(matcher, "alfa jeden dwa trzy omega") == set()


def test_near_0_asks_for_neighbours_in_either_order_as_fts5_does():
    matcher = TopicMatcher(compile_topics({"t": {"rules": ["alfa NEAR/0 omega"]}}))
    texts = ["alfa omega", "Omega, alfa.", "alfa i omega", "omega beta alfa"]
    fts = sqlite3.connect(":memory:")
    fts.execute("create virtual table t using fts5(x)")
    fts.executemany("insert into t values (?)", [(text,) for text in texts])
    by_fts5 = {row[0] for row in fts.execute("select x from t where t match 'NEAR(alfa omega, 0)'")}
    assert by_fts5 == {"alfa omega", "Omega, alfa."}
    assert {text for text in texts if topics_of(matcher, text)} == by_fts5


def test_alternatives_for_a_word_make_one_phrase_each():
    spec = {
        "terms": ["mińsk*", "grodn*"],
        "exclude": ["ul|ulica|~aleja mińsk*|grodzieńsk*"],
        "rules": ['"polsk*|polish eksport*|export*" NEAR/3 mińsk*|grodn*'],
    }
    matcher = TopicMatcher(compile_topics({"t": spec}))
    for text in ("Biuro przy ul. Mińskiej", "na ulicy Grodzieńskiej 5", "Aleją Mińską szli"):
        assert matcher.match(text) == [], text
    text = "Polish exports to Grodno and Minsk grew."
    assert [(text[h.start : h.end], h.term) for h in matcher.match(text)] == [
        ("Polish exports", "polsk*|polish eksport*|export*"),  # the rule's term as written
        ("Grodno", "grodn*"),
        ("Minsk", "mińsk*"),
    ]
    assert len(compile_topics({"t": spec})["t"].exclude) == 1  # one entry, six phrases
    with pytest.raises(RuleError, match="alternatives"):
        parse_term("ul|ulica mińsk*", topic="t")


def test_gazetteer_lines_and_its_exclude_lines(tmp_path, monkeypatch):
    (tmp_path / "gazetteers").mkdir()
    (tmp_path / "gazetteers" / "places.txt").write_text(
        "# places\nMińsk  # the capital\nMińsku\n!mińsk* mazowieck*\n", encoding="utf-8"
    )
    monkeypatch.setattr(alerts.paths, "data_dir", lambda: tmp_path)
    matcher = TopicMatcher(compile_topics({"by": {"gazetteers": ["places"]}}))
    assert topics_of(matcher, "W Mińsku Mazowieckim.") == set()
    assert [h.term for h in matcher.match("W MINSKU i w Mińsku Mazowieckim")] == ["Mińsku"]


@pytest.mark.parametrize(
    "text",
    [
        "Fabryka w Bobrujsku zwiększa eksport.",
        "Delegacja z Mohylewa przyjechała do Lublina.",
        "Targi w Borysowie i Żłobinie.",
        "Zakłady azotowe w Grodnie.",
        "Rafineria w Nowopołocku wstrzymała pracę.",
        "Przejście graniczne w Brześciu.",
        "Obwód witebski i Homelszczyzna.",
        "Grodzieńscy i witebscy przedsiębiorcy przyjechali do Suwałk.",  # masculine personal plural
        "Урожай на Гомельщине вырос.",  # the regions as one word, in Russian and Belarusian
        "На Віцебшчыне адкрылі завод.",
        "Спатканне ў Мінску і Гомелі.",
        "Завод в Бобруйске и Барановичах.",
        "Exports from Gomel and Mogilev grew.",
        "Prezydent Łukaszence nie spodobał się raport.",
        "Exporters from Brest met buyers from Lyon in France last week.",  # France is far off
        "Брест принимает делегацию из Варшавы.",
        # Polish names of smaller towns that neither SGJP nor wordfreq lists, in their cases
        "Zakłady w Żodzinie zwiększyły produkcję.",
        "Przedsiębiorcy ze Swietłogorska i Krzyczewa odwiedzili Lublin.",
        "Targi rolne w Kalinkowiczach, Osipowiczach i Szkłowie.",
        "Fabryka w Lepelu szuka dostawców.",
        "Muzeum w Mścisławiu otwarto po remoncie.",  # towns in -sław are soft
        "Spółdzielnia ze Skidla szuka odbiorców.",  # a mobile e
        "Tartak w Janowie Poleskim zatrudnia 200 osób.",  # two words, in agreement
        "Минский тракторный завод увеличил экспорт.",  # the adjective, in Russian
        "У Менску прайшла выстава.",  # Менск, as Belarusian Taraškievica writes Minsk
        "У Брэсце і Лідзе адкрылі лагістычныя цэнтры.",  # Belarusian т, д → ц, дз before е
        "Нафтаперапрацоўчы завод у Мазыры.",
        "Аўтазавод у Жодзіне.",  # GeoNames says "Горад Жодзіна", the town of Zhodzina
        "Agencja BiełTA podała, że wywrotki BiełAZ trafią do Chin.",  # Polish spellings
        "Telewizja Biełsat nadaje z Warszawy.",
        # a street word next to the city, but not naming a street
        "Delegacja z Mińska przeszła ulicą Piotrkowską.",
        "Ulice Mińska opustoszały po godzinie policyjnej.",
        "Stary Zamek w Grodnie przyjmuje turystów.",  # the castle of Grodno
        # the adjectives of larger towns, and state companies
        "Мозырский НПЗ увеличил переработку нефти.",
        "Бобруйский завод шин нарастил выпуск.",
        "Rafineria mozyrska wstrzymała dostawy.",
        "Оршанський льонокомбінат скоротив експорт.",
        "Rafineria Naftan sprzedaje paliwo na Ukrainę.",
        "Гомсельмаш поставил комбайны в Казахстан.",
    ],
)
def test_belarusian_places_regions_and_leaders_in_their_forms(default_matcher, text):
    assert "belarus" in topics_of(default_matcher, text)


@pytest.mark.parametrize(
    "text",
    [
        "Rzeka jest tu głęboka, a mosty stare.",
        "Postawy mieszkańców i głębokie zmiany.",
        "Powiat miński ogłosił przetarg.",
        "W powiecie mińskim powstał klaster energii.",
        "Mińsk Maz. ma nowe rondo.",
        "Мінск-Мазавецкі — горад у Польшчы.",  # Mińsk Mazowiecki in Belarusian
        "Lido nad morzem i lid od garnka.",
        "Szczuczyn i Drohiczyn leżą na Podlasiu.",
        "Ruś Kijowska i Biała Podlaska.",
        # Brest in Brittany (the Belarusian city is Brześć in Polish)
        "The navy keeps its Atlantic submarine base in Brest, France.",
        "A sailing festival in Brest (Brittany) drew record crowds.",
        "Port Brest we Francji przyjął rekordową liczbę statków.",
        "Порт Брест во Франции принял рекордное число судов.",
        "Пробка на Минском шоссе под Москвой.",  # a highway out of Moscow
        "Фестиваль у Могилеві-Подільському зібрав виноробів.",  # a Ukrainian town
        # streets of Polish towns named after Belarusian cities
        "Ulica Mińska w Warszawie zostanie przebudowana.",
        "Sklep przy ul. Grodzieńskiej w Białymstoku.",
        "Remont alei Witebskiej potrwa do jesieni.",
        # Mińsk Mazowiecki's adjective
        "Mińskie starostwo ogłosiło przetarg na remont dróg.",
        "Minskie starostwo oglosilo przetarg.",
        "Kronika opisuje panowanie księcia Mścisława.",  # the first name, not the town
        "Тренер Слуцкий возглавил клуб.",  # a surname, not the adjective of Slutsk
        "Na zamku Grodno w Zagórzu Śląskim odbył się turniej rycerski.",  # a castle in Poland
    ],
)
def test_common_words_and_polish_places_do_not_raise_belarus(default_matcher, text):
    assert "belarus" not in topics_of(default_matcher, text)


@pytest.mark.parametrize(
    "text",
    [
        "Superkomputer to klaster 200 węzłów obliczeniowych.",
        "Klastrowanie danych metodą k-średnich.",
        "Leczenie klastrowego bólu głowy.",
        "A globular cluster of old stars.",
        "Кластерный анализ данных показал пять групп.",
        "Кластар сервераў універсітэта.",
        # the software that runs computer clusters, and senses of other sciences
        "Administratorzy postawili klaster Kafka do obsługi zdarzeń.",
        "Nowy klaster Proxmox obsługuje maszyny wirtualne urzędu.",
        "Klaster wysokiej dostępności zapewnia ciągłość pracy systemu.",
        "Dane leżą w klastrze bazodanowym.",
        "Fizycy zbadali klastry atomów srebra.",
        "Klaster spółgłoskowy sprawia cudzoziemcom kłopot.",
        "Kompozytor zapisał klaster dźwiękowy na cały fortepian.",
        "The pianist played tone clusters with his forearm.",
        "Sejsmolodzy opisali klaster wstrząsów pod Legnicą.",
        "Sanepid: klaster przypadków grypy w internacie.",
        "The Elasticsearch cluster was rebuilt overnight.",
        "A cluster of earthquakes shook the coast.",
        "Кластер Hadoop обрабатывает платежи.",
        "Awaria węzła klastra zatrzymała bankowość internetową.",  # a node of a cluster
        "Zespół skonfigurował klaster SQL Server w trybie failover.",
        "A new cluster of cases was reported at the school.",
        "Врачи выявили кластер случаев гриппа в школе.",
        "Sieć neuronowa grupuje zdjęcia w klastry podobnych twarzy.",
        "Naukowcy opisali klaster białek wiążących wapń.",
        "The Spark cluster processes terabytes daily.",
        # the clusters of a disk's file system
        "Defragmentacja naprawia uszkodzone klastry na dysku twardym.",
        "Rozmiar klastra w systemie plików NTFS wynosi 4 KB.",
        "The disk has 12 bad clusters after the power failure.",
        "Битые кластеры на жёстком диске замедлили работу.",
        # trials that randomise clusters of patients or schools
        "Badanie klastrowe z randomizacją objęło 40 przychodni.",
        "A cluster-randomised trial covered 60 schools.",
        # software names as Polish inflects them
        "Zespół przeniósł aplikacje na klaster Kubernetesa w chmurze.",
        "W klastrze Hadoopa przechowywane są logi operatora.",
        "Dane z klastra Sparka trafiają do hurtowni danych.",
        # data clustering and genes, in more words and languages
        "Metoda DBSCAN wyznaczyła klastry punktów na mapie.",
        "Алгоритм k-средних делит данные на кластеры.",
        "Кластар генаў адказвае за ўстойлівасць раслін.",
        "Вылічальны кластэр універсітэта абнавілі.",  # кластэр, as Taraškievica writes it
        # English groups anything in clusters; Russian builds residential ones
        "A cluster of villages near the border lost power.",
        "Clusters of grapes hung from the vines.",
        "A small cluster of protesters gathered outside the embassy.",
        "The island cluster attracts divers every summer.",
        "Жилой кластер на окраине Москвы сдадут в 2027 году.",
    ],
)
def test_cluster_traps_stay_quiet(default_matcher, text):
    assert "clusters" not in topics_of(default_matcher, text)


@pytest.mark.parametrize(
    "text",
    [
        "Inicjatywa klastrowa z Podlasia.",
        "Koordynator klastra energii.",
        "Członkowie klasterów i klastrów.",
        "The Lithuanian laser cluster signed an agreement.",
        "Кластерная политика региона.",
        "Кластарная ініцыятыва.",
        "Współpraca międzyklastrowa i polityka proklastrowa.",  # compounds
        "Межкластерное взаимодействие усилилось.",
        # a word of a trap's context, not about the cluster itself
        "Klaster Gier Komputerowych zrzesza producentów gier.",
        "Klaster ICT zorganizował wirtualne targi dla firm.",
        "The cluster will spark new investment in the region.",
        "W większości przypadków klastry energii działają jako porozumienia gmin.",
        "Klaster logistyczny przy węźle kolejowym w Małaszewiczach.",  # a node, not of a computer
        "In most cases, cluster members share laboratories.",
        "Klaster białkowy skupia producentów roślinnych zamienników mięsa.",
        "Klaster energii dyskutował o magazynach energii.",  # not a disk
        "Cluster members discussed partitioning the market.",
        "Кластэр прадпрыемстваў мэблі стварылі ў вобласці.",
        "Klaster Kobiet Biznesu wspiera przedsiębiorczynie, dane zbiera od firm.",
        "A cluster of furniture firms near Poznań exports to Germany.",
        "The region hopes a cluster of battery makers will form around the plant.",
    ],
)
def test_business_clusters_are_found(default_matcher, text):
    assert "clusters" in topics_of(default_matcher, text)


def test_match_command_prints_a_json_line_per_input_line_and_names_bad_lines():
    lines = [
        json.dumps({"id": 7, "text": "Konferencja w Mińsku o klastrach."}),
        "{broken",
        json.dumps({"id": "x", "text": "Nic."}),
        json.dumps({"id": 9}),
        "",
    ]
    data = ("\n".join(lines) + "\n").encode() + b'{"id": 10, "text": "\xff"}\n'
    result = CliRunner().invoke(cli, ["match"], input=data)
    assert result.exit_code == 1, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == [7, "x"]
    assert records[0]["topics"] == ["belarus", "clusters"]
    assert records[0]["hits"][0] == {
        "topic": "belarus",
        "term": "Mińsku",
        "start": 14,
        "end": 20,
        "text": "Mińsku",
    }
    assert records[1] == {"id": "x", "topics": [], "hits": []}
    assert "line 2: not JSON" in result.stderr
    assert 'line 4: "text" is missing or not a string' in result.stderr
    assert "line 6: not UTF-8" in result.stderr


def test_alerts_command_lists_stored_alerts_by_date_and_topic(tmp_path):
    db_path = tmp_path / "archive.db"
    db = open_db(db_path)
    db["sources"].insert({"name": "pfrr"}, alter=True)
    article = (
        db["articles"]
        .insert({"url": "https://example.org/a", "title": "Tytuł", "source": "pfrr"})
        .last_pk
    )
    revision = db["revisions"].insert({"article": article, "number": 1}).last_pk
    for topic, matched in (("belarus", "2026-01-02T10:00:00"), ("clusters", "2025-12-01T09:00:00")):
        db["matches"].insert(
            {
                "article": article,
                "revision": revision,
                "topic": topic,
                "term": "Mińsku",
                "field": "text",
                "snippet": "Było to w Mińsku.",
                "hit_start": 10,
                "hit_end": 16,
                "matched": matched,
            }
        )
    runner = CliRunner()
    result = runner.invoke(cli, ["alerts", "--db", str(db_path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["topic"] for r in records] == ["belarus", "clusters"]
    assert records[0]["snippet_marked"] == "Było to w «Mińsku»."
    assert records[0]["url"] == "https://example.org/a"
    since = runner.invoke(cli, ["alerts", "--db", str(db_path), "--since", "2026-01-01"])
    assert since.exit_code == 0, since.output
    assert "belarus" in since.stdout and "clusters" not in since.stdout
    topic = runner.invoke(cli, ["alerts", "--db", str(db_path), "--topic", "clusters"])
    assert "clusters" in topic.stdout and "belarus" not in topic.stdout
    bad = runner.invoke(cli, ["alerts", "--db", str(db_path), "--since", "yesterday"])
    assert bad.exit_code == 2 and "--since" in bad.output
