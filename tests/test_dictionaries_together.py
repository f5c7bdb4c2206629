"""Dictionaries of one language share a lexicon and a line's reading: one dictionary's words
must not take away another's. A word one dictionary reads loosely (by a stem) may still be a
typo of another's word, and rejoining split words never swallows a real word for a reading
that only repeats what a part already reads as."""
from __future__ import annotations

import pytest
from engine_helpers import ROOT, RU, seed_dictionary, toml_dictionary

from jargon.engine.decoder import Decoder
from jargon.evaluation import load, score_phrases

PACK = toml_dictionary("""
    [dictionary]
    name = "pack"
    [[entries]]
    id = "folouapit"
    phrase = "Фолоуапить"
    meaning = "напомнить о договорённости"
""")


def _together() -> Decoder:
    return Decoder([seed_dictionary(), PACK], languages=RU)


@pytest.mark.parametrize("text", [
    "пришлете фолоуап я просто с другого созвона подключился",   # "фолоуап я" is no "фолоуапя"
    "Пришлете фолоуап? Я не успел записать.",
])
def test_a_word_one_dictionary_reads_by_its_stem_is_still_a_typo_of_anothers(text):
    alone = [m.entry.id for m in Decoder([seed_dictionary()], languages=RU).decode(text)]
    assert alone == ["prishlete-followup"]
    together = _together().decode(text)
    seed = [m for m in together if m.dictionary == "ru-corporate"]
    assert [(m.entry.id, m.text.lower()) for m in seed] == [("prishlete-followup", "пришлете фолоуап")]


def test_the_loose_reading_stays_what_it_was():
    """The typo correction adds the other dictionary's word; the stem reading of the word is
    neither replaced nor scored differently."""
    lex = _together().lexicons[0]
    classes, how = lex.classes("фолоуап"), lex.how["фолоуап"]
    rules = {lex.class_word[c]: (how[c], round(s, 2)) for c, s in classes.items()}
    assert rules["фолоуапить"] == ("stem", 0.9)
    assert rules["фоллоуап"][0] == "typo"


@pytest.mark.usefixtures("plugins_on")
def test_the_development_set_with_every_shipped_dictionary():
    """With the community packs installed, the seed's phrases are still found where the packs'
    words overlap them (the packs' own matches of unlabelled jargon count as false here)."""
    from jargon.session import Session

    dev = ROOT.parent / "shared" / "eval" / "dev.jsonl"
    if not dev.exists():
        pytest.skip(f"{dev} is not here (the shared folder sits beside the repository in CI)")
    session = Session()
    if {d.name for d in session.dictionaries} < {"ru-corporate", "ru-extended"}:
        pytest.skip("the community packs are not installed")
    score = score_phrases(session.decoder, load(dev))
    assert score.recall >= 0.98, score.summary()


@pytest.mark.parametrize("text, span", [
    ("Ну это всё концептуаль но, без цифр", "концептуаль но"),   # the typo of a piece does not stop the join
    ("Давайте верхнеуровне во, без деталей", "верхнеуровне во"),
])
def test_a_word_split_in_two_is_still_joined_when_a_piece_reads_as_a_typo(text, span):
    (m,) = Decoder([seed_dictionary()], languages=RU).decode(text)
    assert m.text.lower() == span


def test_two_real_words_are_not_joined_into_a_derived_word():
    """"менеджер и" is no "менеджери", a word derived from ru-extended's "менеджерить" (nor a typo
    of it): the two words mean something alone."""
    from jargon.dictionary import load_dictionary

    pack = load_dictionary(ROOT / "plugins" / "jargon-ru-extended" / "src" / "jargon_ru_extended" / "ru-extended.toml")
    decoder = Decoder([pack], languages=RU)
    assert [m.entry.id for m in decoder.decode("Он всё время говорит менеджер и уходит")] == []
    assert [m.entry.id for m in decoder.decode("Кто менеджерит этот проект?")] == ["menedzherit"]


def test_a_synonym_alone_is_no_one_word_phrase():
    """The seed lists «повестка» as a synonym of «адженда» inside its phrase; a pack's one-word
    «Адженда» is not said by the ordinary word alone."""
    pack = toml_dictionary("""
        [dictionary]
        name = "pack"
        [[entries]]
        id = "adzhenda"
        phrase = "Адженда"
        meaning = "повестка встречи"
    """)
    decoder = Decoder([seed_dictionary(), pack], languages=RU)
    assert decoder.decode("Повестка заседания разослана вчера.") == []
    assert [m.entry.id for m in decoder.decode("Адженду я разослал вчера.")] == ["adzhenda"]
    assert "kakova-agenda" in [m.entry.id for m in decoder.decode("Коллеги, какова повестка?")]
