"""The decoding engine: offsets, inflection, slots, typos, spellings, literal uses, overlaps, scores."""
from __future__ import annotations

import pickle

import pytest
from engine_helpers import RU, found, ids, seed_decoder, seed_dictionary

from jargon.engine.decoder import DEFAULT_THRESHOLD, Decoder
from jargon.model import Dictionary, Entry

# -- offsets ---------------------------------------------------------------------

@pytest.mark.parametrize("text, surface", [
    ("Коллеги, какова адженда?", "Коллеги, какова адженда"),
    ("ну, КОЛЛЕГИ, КАКОВА АДЖЕНДА?", "КОЛЛЕГИ, КАКОВА АДЖЕНДА"),
    ("Ещё раз: это\u00a0в\u00a0планах.", "это\u00a0в\u00a0планах"),
    ("Вот — «Это в планах»!", "Это в планах"),
    ("Мы с Алёшей решили идти в эту историю.", "Мы с Алёшей решили идти в эту историю"),
    ("🙂🙂 Подсвечу Диме точки роста", "Подсвечу Диме точки роста"),
    ("Подсвети́ть Васе точки роста", "Подсвети́ть Васе точки роста"),
])
def test_offsets_slice_the_exact_input(text, surface):
    matches = seed_decoder().decode(text)
    assert [text[m.start:m.end] for m in matches] == [surface]
    assert matches[0].text == surface


def test_offsets_are_global_across_lines_and_long_lines():
    filler = "Обычная фраза без всякого жаргона, просто про работу. " * 800   # > one scan piece
    text = "первая строка\n" + filler + "Это в планах.\n\nКоллеги, какова адженда?\n"
    matches = seed_decoder().decode(text)
    assert [m.entry.id for m in matches] == ["eto-v-planakh", "kakova-agenda"]
    for m in matches:
        assert text[m.start:m.end] == m.text


# -- Russian inflection ------------------------------------------------------------

@pytest.mark.parametrize("text, entry", [
    ("подсвечу Диме точки роста", "podsvetit-tochki-rosta"),
    ("Мы ему уже подсветили точки роста.", "podsvetit-tochki-rosta"),
    ("Я челленджу твои гипотезы.", "chellendzhit-gipotezy"),
    ("Забираю, вернусь.", "zabral-vernus"),
    ("Забрала, вернусь.", "zabral-vernus"),
    ("Нужен верхнеуровневый план.", "verkhneurovnevo"),
    ("Есть концептуальное одобрение.", "kontseptualno"),
    ("Пришлёшь фоллоуап?", "prishlete-followup"),
    ("Коллеги, я без камеры сегодня, приболела.", "bez-kamery-pribolel"),
    ("С таким большим загрузом, как у меня сейчас, не возьму.", "bolshoy-zagruz"),
])
def test_inflected_forms(text, entry):
    assert ids(text) == [entry]


# -- the "any colleague" slot --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Мы с Катей решили идти в эту историю.",
    "Мы с Андреем Викторовичем решили идти в эту историю.",
    "Мы с Кузнецовым решили идти в эту историю.",
    "Мы с Димой из маркетинга решили идти в эту историю.",
])
def test_slot_takes_names_patronymics_surnames(text):
    assert ids(text) == ["my-s-vasey-v-etu-istoriyu"]


@pytest.mark.parametrize("text", [
    "Надо подсветить тебе точки роста.",
    "Подсветили ему точки роста.",
    "Подсветить Оле точки роста.",
    "Давай подсветим Ильдару Рашитовичу точки роста.",
    "Руководитель любит подсветить мне точки роста.",
])
def test_slot_takes_pronouns_and_names(text):
    assert ids(text) == ["podsvetit-tochki-rosta"]


@pytest.mark.parametrize("text", [
    "Она опять челленджила Кирилловы гипотезы.",
    "мы челленджим игоревы гипотезы а то их как факты подают",
    "он весь созвон челленджил Машины гипотезы",
    "она челленджила рустамову гипотезу по ценам",
])
def test_slot_takes_possessives_made_from_names(text):
    assert ids(text) == ["chellendzhit-gipotezy"]


def test_slot_refuses_things():
    assert ids("На планёрке решили подсветить зону у касс, там у нас точка роста.") == []


# -- typos, spellings, transliteration --------------------------------------------

@pytest.mark.parametrize("text, entry", [
    ("Пришлете фолоуап?", "prishlete-followup"),
    ("Коллеги, какова адженду?", "kakova-agenda"),
    ("коллеги какова аджэнда", "kakova-agenda"),
    ("буду челенджить Васины гипотезы", "chellendzhit-gipotezy"),
    ("калеги кто нибудь видел график", "kollegi"),
    ("ок за брал вирнусь", "zabral-vernus"),
    ("ну я так верхне уровнево посмотрел", "verkhneurovnevo"),
    ("ну это впланах да", "eto-v-planakh"),
    ("надо подсветить васе точкироста", "podsvetit-tochki-rosta"),
])
def test_speech_to_text_typos(text, entry):
    assert ids(text) == [entry]


@pytest.mark.parametrize("text, entry", [
    ("Пришлете follow-up?", "prishlete-followup"),
    ("Пришлете фоллоу-ап?", "prishlete-followup"),
    ("Коллеги, какова agenda?", "kakova-agenda"),
    ("Буду challenge-ить Васины гипотезы.", "chellendzhit-gipotezy"),
    ("Eto v planakh, no poka bez srokov.", "eto-v-planakh"),
    ("Ok, zabral, vernus'.", "zabral-vernus"),
])
def test_latin_and_mixed_spellings(text, entry):
    assert ids(text) == [entry]


# -- literal uses stay quiet ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Мои коллеги из финансов считают иначе.",
    "Мы с коллегами из финансов созваниваемся по средам.",
    "Коллега, покажите слайд ещё раз.",
    "Коллеги по цеху меня поддержали.",
    "Концептуальная модель данных готова с весны.",
    "В планах на квартал запуск CRM во всех магазинах.",
    "Это в плане эргономики неудобно.",
    "Забрал ребёнка из сада, вернусь к трём.",
    "Водитель забрал груз и вернулся на базу.",
    "Мы с Васей решили идти пешком.",
    "Менеджер обязан отправить клиенту фоллоуап с предложением.",
    "Загруз фуры по нормативу сорок минут.",
    "У нас запустили челлендж по шагам.",
])
def test_literal_uses_are_not_jargon(text):
    assert ids(text) == []


def test_address_only_where_an_utterance_opens():
    assert ids("Коллеги! Кто знает, где отчёт?") == ["kollegi"]
    assert ids("[00:31:47] Ольга: Коллеги, кто занимается инвентаризацией?") == ["kollegi"]
    assert ids("Уважаемые коллеги! Подскажите, кто отвечает за бумагу?") == ["kollegi"]
    assert ids("Я думаю, коллеги правы.") == []


# -- overlaps, scores, threshold -----------------------------------------------------

def test_overlaps_resolve_to_the_single_best_match():
    assert found("Коллеги, какова адженда?") == [("kakova-agenda", "Коллеги, какова адженда")]
    assert ids("Коллеги, я без камеры сегодня, приболел.") == ["bez-kamery-pribolel"]


def test_several_phrases_in_one_text_in_order():
    text = "Коллеги! Фоллоуап потом пришлёте? У меня сейчас очень большой загруз."
    assert ids(text) == ["kollegi", "prishlete-followup", "bolshoy-zagruz"]


def test_scores_and_threshold():
    exact = seed_decoder().decode("Это в планах.")[0]
    fuzzy = seed_decoder().decode("Коллеги, а какова у нас сегодня адженда?")[0]
    assert exact.score == 100.0
    assert DEFAULT_THRESHOLD <= fuzzy.score < 100.0
    strict = Decoder([seed_dictionary()], threshold=fuzzy.score + 0.5, languages=RU)
    assert "kakova-agenda" not in ids("Коллеги, а какова у нас сегодня адженда?", strict)
    assert [m.entry.id for m in strict.decode("Это в планах.")] == ["eto-v-planakh"]


def test_match_carries_entry_meaning_and_dictionary():
    m = seed_decoder().decode("Верхнеуровнево глянул.")[0]
    assert m.dictionary == "ru-corporate"
    assert m.phrase == "Верхнеуровнево"
    assert m.meaning == "на отъебись."
    assert m.entry.display_meaning(clean=True) != m.meaning


def test_every_seed_example_decodes_to_its_entry():
    for entry in seed_dictionary().entries:
        for example in entry.examples:
            assert entry.id in ids(example), example


def test_every_seed_headword_decodes_to_its_entry():
    for entry in seed_dictionary().entries:
        assert ids(entry.phrase) == [entry.id]


def test_decoder_pickles_and_decodes_the_same():
    d = seed_decoder()
    text = "Подсвечу Диме точки роста, а потом пришлёте фоллоуап?"
    clone = pickle.loads(pickle.dumps(d))
    assert [(m.start, m.end, m.entry.id, m.score) for m in clone.decode(text)] == \
           [(m.start, m.end, m.entry.id, m.score) for m in d.decode(text)]


def test_empty_and_wordless_texts():
    assert seed_decoder().decode("") == []
    assert seed_decoder().decode("!!! ... 123 ---\n\n") == []


def test_dictionary_in_code_and_unknown_language_falls_back_to_exact_forms():
    e = Entry(id="synergy", phrase="Let's leverage synergies", meaning="we have no plan")
    d = Dictionary(name="tiny", entries=(e,), language="xx")
    dec = Decoder([d], languages=RU)
    assert [m.text for m in dec.decode("OK, let's leverage synergies!")] == ["let's leverage synergies"]


def test_large_compiled_lexicons_are_cached_and_give_the_same_matches(tmp_path, monkeypatch):
    from jargon.engine.cache import CACHE_MIN_ENTRIES
    from jargon.model import Dictionary, Entry

    monkeypatch.setenv("JARGON_CACHE_DIR", str(tmp_path / "cache"))
    words = ["синергия", "драйвер", "метрика", "спринт", "бэклог", "роадмап", "чекпоинт", "онбординг"]
    entries = tuple(Entry(id=f"e{i}", phrase=f"{a} {b} {i}", meaning="m")
                    for i, (a, b) in enumerate((a, b) for a in words for b in words)) * 1
    entries += tuple(Entry(id=f"x{i}", phrase=f"Синергия драйвер номер{i}", meaning="x") for i in range(300))
    big = Dictionary(name="big", entries=entries + seed_dictionary().entries)
    text = "Подсвечу Диме точки роста. Синергия драйвер номер7!"
    first = Decoder([big], languages=RU)
    assert len(list((tmp_path / "cache").glob("lexicon-*.pickle"))) == 1
    assert len(big.entries) >= CACHE_MIN_ENTRIES
    second = Decoder([big], languages=RU)
    result = [(m.start, m.end, m.entry.id) for m in first.decode(text)]
    assert result == [(m.start, m.end, m.entry.id) for m in second.decode(text)]
    assert [e for *_, e in result] == ["podsvetit-tochki-rosta", "x7"]
    (tmp_path / "cache" / next((tmp_path / "cache").iterdir()).name).write_bytes(b"garbage")
    assert [m.entry.id for m in Decoder([big], languages=RU).decode(text)] == ["podsvetit-tochki-rosta", "x7"]
    # an entry that says something else is compiled anew, not taken from the cache
    changed = Dictionary(name="big", entries=tuple(
        Entry(id=e.id, phrase="Синергия драйвер дедлайн", meaning="x") if e.id == "x7" else e for e in big.entries))
    decoded = Decoder([changed], languages=RU).decode("Подсвечу Диме точки роста. Синергия драйвер дедлайн.")
    assert [(m.entry.id, m.text) for m in decoded][1:] == [("x7", "Синергия драйвер дедлайн")]
    assert len(list((tmp_path / "cache").glob("lexicon-*.pickle"))) == 2


def test_offsets_stay_exact_across_lowercasing_blocks():
    line = "Обычная строка про отгрузки и склад, ничего особенного тут нет.\n"
    chunk = line * 3000                                    # ~190k characters
    text = chunk + "ЭТО В ПЛАНАХ.\n" + chunk + "İstanbul: коллеги, какова адженда?\n" + chunk
    assert len(text) > 2 * (1 << 18)
    matches = seed_decoder().decode(text)
    assert [m.entry.id for m in matches] == ["eto-v-planakh", "kakova-agenda"]
    assert [text[m.start:m.end] for m in matches] == ["ЭТО В ПЛАНАХ", "коллеги, какова адженда"]


def test_a_spelling_split_in_two_is_matched_whole():
    assert found("Пришлите, пожалуйста, фоллоу ап.") == [("prishlete-followup", "Пришлите, пожалуйста, фоллоу ап")]
    assert found("Пришлете follow up?") == [("prishlete-followup", "Пришлете follow up")]


def test_latin_look_alike_letters_inside_russian_words():
    # the "o", "a" and "e" below are Latin letters, as copy-paste and OCR leave them
    assert ids("Кoллеги, какова aдженда?") == ["kakova-agenda"]
    assert ids("Пришлeте фоллoуап?") == ["prishlete-followup"]
    assert ids("Pfizer и Bayer") == []


def test_decoding_leaves_no_reference_cycles_and_restores_the_collector():
    # the decoder pauses the cycle collector (jargon.nogc): that is only safe while
    # decoding makes no cycles
    import gc

    text = "\n".join(e for entry in seed_dictionary().entries for e in entry.examples) * 3
    decoder = seed_decoder()
    gc.collect()
    assert decoder.decode(text)
    assert gc.isenabled()
    assert gc.collect() == 0
    gc.disable()
    try:
        decoder.decode(text)
        assert not gc.isenabled()          # a caller's own pause is left alone
    finally:
        gc.enable()


def test_a_text_decodes_the_same_whole_and_line_by_line():
    lines = [e for entry in seed_dictionary().entries for e in entry.examples]
    lines += ["", "Обычная строка без жаргона.", "Коллеги, какова адженда?\r", "   "]
    text = "\n".join(lines)
    whole = [(m.start, m.end, m.entry.id) for m in seed_decoder().decode(text)]
    by_line, pos = [], 0
    for line in lines:
        by_line += [(pos + m.start, pos + m.end, m.entry.id) for m in seed_decoder().decode(line)]
        pos += len(line) + 1
    assert whole == by_line
    assert len(whole) >= len(lines) - 4


@pytest.mark.parametrize("order", [1, -1])
def test_equal_candidates_prefer_the_pattern_written_like_the_text(order):
    entries = (Entry(id="plural", phrase="Стандартизировать результаты", meaning="a"),
               Entry(id="singular", phrase="Стандартизировать результат", meaning="b"))[::order]
    decoder = Decoder([Dictionary(name="d", entries=entries)], languages=RU)
    assert [m.entry.id for m in decoder.decode("Давайте стандартизирую результат.")] == ["singular"]
    assert [m.entry.id for m in decoder.decode("Давайте стандартизирую результаты.")] == ["plural"]
