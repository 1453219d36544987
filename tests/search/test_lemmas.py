"""simplemma's dictionaries with their look-up index kept in the cache folder."""

from __future__ import annotations

from itertools import islice

import pytest

from clusterwatch.search import lemmas

WORDS = [
    "Białorusi",
    "Mińsku",
    "klastrów",
    "przedsiębiorców",
    "współpracy",
    "gospodarczej",
    "Grodnie",
    "rozwoju",
    "słowoktóregoniema",
]


@pytest.fixture(scope="module")
def reference():
    """Answers of simplemma's own ``low_memory`` dictionary: the listed words, and a sample of
    every 50,000th form it holds."""
    from simplemma.strategies.dictionaries.stream_dictionary_factory import StreamMap

    plain = StreamMap("pl")
    words = WORDS + list(islice(iter(plain), 0, None, 50_000))
    return {word: plain.get(word) for word in words}


def answers(words):
    factory = lemmas._indexed_factory()
    assert factory is not None, "simplemma's layout changed: the index is not used"
    dictionary = factory.get_dictionary("pl")
    return {word: dictionary.get(word) for word in words}


def test_the_kept_index_answers_as_simplemma_does(tmp_path, monkeypatch, reference):
    monkeypatch.setenv("CLUSTERWATCH_CACHE", str(tmp_path))
    assert answers(reference) == reference  # built, and written
    (index,) = tmp_path.glob("simplemma-*-pl.index")
    written = index.stat().st_mtime_ns
    assert answers(reference) == reference  # read from the file, not rebuilt
    assert index.stat().st_mtime_ns == written
    assert reference["Mińsku"] == "Mińsk" and reference["słowoktóregoniema"] is None


@pytest.mark.parametrize("content", [b"garbage", b"", None], ids=["corrupt", "empty", "other"])
def test_a_bad_index_file_is_rebuilt(tmp_path, monkeypatch, reference, content):
    monkeypatch.setenv("CLUSTERWATCH_CACHE", str(tmp_path))
    answers(WORDS)
    (index,) = tmp_path.glob("simplemma-*-pl.index")
    if content is None:  # a valid file, indexing other data (another simplemma's, say)
        import marshal

        check, firsts, blocks = marshal.loads(index.read_bytes())
        content = marshal.dumps([[check[0] + 1, check[1]], firsts, blocks])
    index.write_bytes(content)
    assert answers(reference) == reference
    rebuilt = index.stat().st_mtime_ns
    assert answers(WORDS) == {word: reference[word] for word in WORDS}
    assert index.stat().st_mtime_ns == rebuilt  # the rebuilt file was read as it is


def test_lemmas_of_inflected_words():
    assert [lemmas.lemma(word) for word in WORDS[:4]] == [
        "Białoruś",
        "Mińsk",
        "klaster",
        "przedsiębiorca",
    ]


def test_a_cache_folder_that_cannot_be_written_costs_only_time(tmp_path, monkeypatch, caplog):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("CLUSTERWATCH_CACHE", str(blocked / "cache"))
    with caplog.at_level("INFO", logger="clusterwatch.paths"):
        assert answers(WORDS[:3]) == {
            "Białorusi": "Białoruś",
            "Mińsku": "Mińsk",
            "klastrów": "klaster",
        }
    assert "cannot keep simplemma's index" in caplog.text
    assert blocked.read_text() == "not a folder"
