"""The entry-level context guard (jargon.engine.context): ``context = ["{work}"]`` makes an entry
count only where a word of the set stands within CONTEXT_WINDOW words of the match on its line."""
from __future__ import annotations

import pytest
from engine_helpers import small_decoder, toml_dictionary

from jargon.dictionary import dictionary_to_data, parse_dictionary
from jargon.engine.context import CONTEXT_WINDOW
from jargon.errors import DictionaryError

GUARDED = """
    [dictionary]
    name = "ctx"

    [sets]
    work = ["менеджер", "клиент", "общее собрание"]

    [[entries]]
    id = "deck"
    phrase = "презентация"
    meaning = "слайды"
    context = ["{work}", "дедлайн"]

    [[entries]]
    id = "plain"
    phrase = "синергия"
    meaning = "ничего"
"""
FILLER = "один два три четыре пять шесть семь восемь девять десять одиннадцать двенадцать тринадцать".split()


@pytest.fixture(scope="module")
def decoder():
    return small_decoder(GUARDED)


def ids(decoder, text):
    return [m.entry.id for m in decoder.decode(text)]


def test_a_guarded_entry_needs_a_word_of_its_context(decoder):
    assert ids(decoder, "Вот презентация.") == []
    assert ids(decoder, "Менеджер прислал презентацию.") == ["deck"]        # a set word, inflected
    assert ids(decoder, "Презентация к дедлайну.") == ["deck"]              # a word listed in the guard itself
    assert ids(decoder, "Синергия!") == ["plain"]                           # no guard, no condition


@pytest.mark.parametrize("before", [True, False])
def test_the_context_word_counts_up_to_twelve_words_away_and_no_further(decoder, before):
    assert CONTEXT_WINDOW == 12                    # (the docs say twelve)

    def line(between: int) -> str:
        words = FILLER[:between]
        return " ".join(["менеджер", *words, "презентация"] if before else ["презентация", *words, "менеджер"])
    assert ids(decoder, line(11)) == ["deck"]      # the twelfth word from the match
    assert ids(decoder, line(12)) == []            # the thirteenth


def test_the_context_is_the_line(decoder):
    assert ids(decoder, "Менеджер ушёл.\nВот презентация.") == []
    assert ids(decoder, "Менеджер ушёл. Вот презентация.") == ["deck"]      # another sentence of the same line


def test_a_set_item_of_several_words_counts_only_in_a_row(decoder):
    assert ids(decoder, "На общем собрании показали презентацию.") == ["deck"]
    assert ids(decoder, "Собрание было общее, показали презентацию.") == []


def test_near_misses_and_explain_say_why():
    d = small_decoder(GUARDED)
    d.explain = True
    near: list = []
    assert d.decode("Вот презентация.", near) == []
    (miss,) = [m for m in near if m.entry.id == "deck"]
    assert miss.explain["rejected"] == "no word of its context near it"
    (guard,) = [g for g in miss.explain["guards"] if g["guard"] == "context"]
    assert guard == {"guard": "context", "passed": False, "checked": ["{work}", "дедлайн"],
                     "rule": "a word of these within 12 words on the same line"}
    (match,) = d.decode("Клиент ждёт презентацию.")
    assert [g["passed"] for g in match.explain["guards"] if g["guard"] == "context"] == [True]


def test_the_guard_is_written_back_and_read_again():
    d = toml_dictionary(GUARDED)
    assert d.entry("deck").context == ("{work}", "дедлайн")
    data = dictionary_to_data(d)
    assert [e.get("context") for e in data["entries"]] == [["{work}", "дедлайн"], None]


@pytest.mark.parametrize("item, message", [
    ("{nosuch}", "context '{nosuch}' names no set of [sets]"),
    ("{someone}", "context '{someone}' names no set of [sets]"),
    ("а {work}", "must be a word or {name} of a set"),
])
def test_a_bad_context_item_is_one_clear_error(item, message):
    text = GUARDED.replace('context = ["{work}", "дедлайн"]', f'context = ["{item}"]')
    with pytest.raises(DictionaryError, match=message.replace("{", r"\{").replace("[", r"\[").replace("]", r"\]")):
        parse_dictionary(text.replace("\n    ", "\n"))


def test_validate_checks_variants_without_the_guard(tmp_path):
    from jargon.builtin.russian import RussianAnalyzer
    from jargon.contributions import Language
    from jargon.validate import validate_file

    path = tmp_path / "ctx.toml"
    path.write_text("\n".join(line[4:] for line in GUARDED.replace(
        'context = ["{work}", "дедлайн"]',
        'context = ["{work}"]\n    variants = ["слайды"]\n    examples = ["Менеджер прислал слайды."]').splitlines()),
        encoding="utf-8")
    problems = validate_file(path, languages={"ru": Language("ru", "Russian", RussianAnalyzer)})
    assert [str(p) for p in problems] == []


LITERAL = """
    [dictionary]
    name = "lit"

    [sets]
    water = ["бассейн", "вышка", "спасатель", "нырять"]

    [[entries]]
    id = "dive"
    phrase = "глубокое погружение"
    meaning = "долгое совещание о цифрах"
    unless = ["{water}", "акваланг"]
"""


@pytest.fixture(scope="module")
def literal():
    return small_decoder(LITERAL)


def test_an_entry_with_unless_is_literal_where_a_word_of_that_topic_is_near(literal):
    assert ids(literal, "Руководитель устроил глубокое погружение в цифры.") == ["dive"]
    assert ids(literal, "Он прыгнул с вышки, глубокое погружение, спасатели свистят.") == []     # a set word, inflected
    assert ids(literal, "Глубокое погружение с аквалангом.") == []          # a word listed in the guard itself
    assert ids(literal, "В бассейне были.\nПотом глубокое погружение в отчёт.") == ["dive"]    # another line


def test_a_literal_topic_counts_in_the_sentence_and_the_one_before_not_after(literal):
    assert ids(literal, "Мы были в бассейне. Глубокое погружение, вот что это было.") == []
    assert ids(literal, "Руководитель устроил глубокое погружение в цифры. Потом все пошли в бассейн.") == ["dive"]
    assert ids(literal, "В бассейне были. Потом обед. Глубокое погружение в отчёт.") == ["dive"]   # two before


@pytest.mark.parametrize("before", [True, False])
def test_the_literal_word_counts_up_to_twelve_words_away_and_no_further(literal, before):
    def line(between: int) -> str:
        words = FILLER[:between]
        return " ".join(["бассейн", *words, "глубокое погружение"] if before else
                        ["глубокое погружение", *words, "бассейн"])
    assert ids(literal, line(11)) == []              # the twelfth word from the match
    assert ids(literal, line(12)) == ["dive"]        # the thirteenth


def test_near_misses_and_explain_say_why_unless_refused():
    d = small_decoder(LITERAL)
    d.explain = True
    near: list = []
    assert d.decode("Нырять и глубокое погружение.", near) == []
    (miss,) = [m for m in near if m.entry.id == "dive"]
    assert miss.explain["rejected"] == "a word of its literal context near it: 'нырять'"
    (guard,) = [g for g in miss.explain["guards"] if g["guard"] == "unless"]
    assert guard == {"guard": "unless", "passed": False, "checked": ["{water}", "акваланг"],
                     "rule": f"no word of these within {CONTEXT_WINDOW} words on the same line,"
                             " in its sentence or the one before"}
    (match,) = d.decode("Устроим глубокое погружение в отчёт.")
    assert [g["passed"] for g in match.explain["guards"] if g["guard"] == "unless"] == [True]


def test_unless_is_written_back_and_a_bad_item_is_one_clear_error():
    d = toml_dictionary(LITERAL)
    assert d.entry("dive").unless == ("{water}", "акваланг")
    assert [e.get("unless") for e in dictionary_to_data(d)["entries"]] == [["{water}", "акваланг"]]
    with pytest.raises(DictionaryError, match=r"unless '\{sea\}' names no set of \[sets\]"):
        parse_dictionary(LITERAL.replace('"{water}"', '"{sea}"').replace("\n    ", "\n"))


def test_explain_checks_each_guard_on_its_own():
    """An entry with both guards: a near miss refused for want of its topic still shows its
    literal-topic guard passed when no literal word is near (and failed when one is)."""
    d = small_decoder(LITERAL.replace('unless = ["{water}", "акваланг"]',
                                      'unless = ["{water}", "акваланг"]\n    context = ["отчёт"]'))
    d.explain = True
    for text, unless_passed in (("Устроим глубокое погружение.", True), ("Нырять, глубокое погружение.", False)):
        near: list = []
        assert d.decode(text, near) == []
        (miss,) = [m for m in near if m.entry.id == "dive"]
        assert miss.explain["rejected"] == "no word of its context near it"
        assert {g["guard"]: g["passed"] for g in miss.explain["guards"] if g["guard"] in ("context", "unless")} == \
            {"context": False, "unless": unless_passed}
