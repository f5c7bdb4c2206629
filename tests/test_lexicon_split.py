"""The compiled index and the per-decoder lexicon (jargon.engine.index, jargon.engine.lexicon):
the index is built once, never changed by decoding, picklable and shared; what a decoder
learns of the text's word forms stays in its own lexicon."""
from __future__ import annotations

import pickle

from engine_helpers import RU, seed_dictionary

from jargon.engine import cache
from jargon.engine.decoder import Decoder
from jargon.engine.index import CompiledIndex
from jargon.engine.lexicon import Lexicon

TEXT = ("Коллеги, какова адженда? Подсветите Пете точки роста.\n"
        "у меня сейчас большой загруз, пришлете фоллоуап\n"
        "Калеги, это в планах. Надо почелленджить гипотезы.")


def found(decoder: Decoder, text: str = TEXT) -> list[tuple]:
    return [(m.start, m.end, m.entry.id, m.score) for m in decoder.decode(text)]


def test_decoding_leaves_the_compiled_index_as_it_was():
    decoder = Decoder([seed_dictionary()], languages=RU)
    index = decoder.lexicons[0].index
    before = pickle.dumps(index)
    assert found(decoder)
    assert pickle.dumps(index) == before
    lex = decoder.lexicons[0]
    assert "калеги" in lex.cache and "калеги" not in index.forms     # the typo is learnt by the lexicon


def test_an_index_shared_by_two_lexicons_gives_each_the_same_matches_and_its_own_cache():
    one = Decoder([seed_dictionary()], languages=RU)
    two = Decoder([seed_dictionary()], languages=RU)
    two.lexicons = [Lexicon(lex.analyzer, one.lexicons[0].index) for lex in two.lexicons]
    assert found(one) == found(two) != []
    assert found(two, "Коллеги!") == [(0, 7, "kollegi", 100.0)]
    assert "калеги" in one.lexicons[0].cache and "калеги" in two.lexicons[0].cache
    three = Decoder([seed_dictionary()], languages=RU)
    three.lexicons = [Lexicon(lex.analyzer, one.lexicons[0].index) for lex in three.lexicons]
    assert three.lexicons[0].cache == {}         # a new lexicon starts with nothing learnt
    assert found(three) == found(one)


def test_the_index_round_trips_through_pickle_to_the_same_matches():
    decoder = Decoder([seed_dictionary()], languages=RU)
    expected = found(decoder)
    index = pickle.loads(pickle.dumps(decoder.lexicons[0].index))
    assert isinstance(index, CompiledIndex)
    decoder.lexicons = [Lexicon(decoder.lexicons[0].analyzer, index)]
    assert found(decoder) == expected


def test_the_disk_cache_holds_the_index_alone_and_a_hit_shares_it(tmp_path, monkeypatch):
    monkeypatch.setenv("JARGON_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "CACHE_MIN_ENTRIES", 1)
    first = Decoder([seed_dictionary()], languages=RU)
    expected = found(first)
    (stored,) = (tmp_path / "cache").glob("lexicon-*.pickle")
    assert b"\xd0\xba\xd0\xb0\xd0\xbb\xd0\xb5\xd0\xb3\xd0\xb8" not in stored.read_bytes()   # no "калеги": no text forms
    second = Decoder([seed_dictionary()], languages=RU)
    assert second.lexicons[0].index is first.lexicons[0].index      # one index in the process
    assert second.lexicons[0] is not first.lexicons[0]
    assert found(second) == expected
