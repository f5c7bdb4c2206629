"""``jargon dict validate``: every message, word for word, on two small dictionaries that hold
each kind of content problem (pinned so that making validate faster cannot change what it says)."""
from __future__ import annotations

EN = """
    [dictionary]
    name = "pinned"
    language = "en"

    [[entries]]
    id = "circle-back"
    phrase = "let us circle back"
    meaning = "We will never mention this again."
    variants = [
      "circle back later",
      "...",
      "circle back later",
      "Let us circle back!",
    ]
    examples = [
      "OK, let us circle back on that.",
      "The weather is lovely today.",
      "We should touch base with you tomorrow, in a sentence long enough to be cut short.",
    ]

    [[entries]]
    id = "touch-base"
    phrase = "touch base with you"
    meaning = "Talk without an agenda."

    [[entries]]
    id = "touch-base-u"
    phrase = "touch base with u"
    meaning = "Same, typed in a hurry."

    [[entries]]
    id = "later"
    phrase = "talk later"
    meaning = "Never."
    variants = ["touch base with you", "circle back later", "touch base with you all"]

    [[entries]]
    id = "circle-backs"
    phrase = "circle back latter"
    meaning = "A typo of a variant."
    examples = ["Time to touch base with you."]
"""

# a variant that another entry's headword (inflected) wins over
RU = """
    [dictionary]
    name = "pinned-ru"
    language = "ru"

    [[entries]]
    id = "raskatit"
    phrase = "Раскатить офлайн"
    meaning = "Сроки уже сорваны."
    variants = ["провалидировать офлайн"]

    [[entries]]
    id = "provalidirovat"
    phrase = "Провалидировать офлайны"
    meaning = "Никто не знает, что делать."
"""


def test_every_kind_of_problem_word_for_word(cli, write):
    en, ru = write("pinned.toml", EN), write("pinned-ru.toml", RU)
    result = cli("dict", "validate", en, ru)
    assert result.rc == 1
    assert result.out.splitlines() == [
        f"{en}:10: variant 'circle back later' of entry 'circle-back' is listed twice",
        f"{en}:11: variant '...' of entry 'circle-back' matches nothing",
        f"{en}:13: variant 'Let us circle back!' of entry 'circle-back' repeats the headword",
        f"{en}:17: example 2 of entry 'circle-back' does not decode to it (found nothing): "
        "'The weather is lovely today.'",
        f"{en}:18: example 3 of entry 'circle-back' does not decode to it (found 'touch-base'): "
        "'We should touch base with you tomorrow, in a sentence long …'",
        f"{en}:23: headword 'touch base with you' of entry 'touch-base' is close to 'touch base with you all', "
        "a variant of entry 'later' (line 31, similarity 90): merge them or tell them apart",
        f"{en}:28: headword 'touch base with u' of entry 'touch-base-u' is close to 'touch base with you', "
        "the headword of entry 'touch-base' (line 21, similarity 94): merge them or tell them apart",
        f"{en}:35: variant 'touch base with you' of entry 'later' is also the headword of entry 'touch-base' "
        "(line 21)",
        f"{en}:35: variant 'circle back later' of entry 'later' is also a variant of entry 'circle-back' (line 5)",
        f"{en}:39: headword 'circle back latter' of entry 'circle-backs' is close to 'circle back later', "
        "a variant of entry 'circle-back' (line 5, similarity 97): merge them or tell them apart",
        f"{en}:41: example 1 of entry 'circle-backs' does not decode to it (found 'touch-base'): "
        "'Time to touch base with you.'",
        f"{ru}:9: variant 'провалидировать офлайн' of entry 'raskatit' matches 'provalidirovat' instead",
        f"{ru}:13: headword 'Провалидировать офлайны' of entry 'provalidirovat' is close to "
        "'провалидировать офлайн', a variant of entry 'raskatit' (line 5, similarity 98): "
        "merge them or tell them apart",
    ]
    assert result.err_lines[-1] == "13 problems in 2 files"
