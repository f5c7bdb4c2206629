"""Speaker turns in plain text (jargon.transcript.speakers.find_turns) and timestamps."""
from __future__ import annotations

import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jargon.transcript import speakers
from jargon.transcript.speakers import LABEL_RE, OTTER_RE, TIME_ONLY_RE, find_turns
from jargon.transcript.timecode import parse_timestamp


def turns(text: str) -> list[tuple[str, str | None, float | None]]:
    return [(text[s.start:s.end], s.speaker, s.time_start) for s in find_turns(text)]


# ---- the documented rules ---------------------------------------------------------------

def test_timestamped_labels_and_a_one_off_heading_when_every_line_is_labelled():
    text = "Встреча 1: итоги\n\n[00:00:31] Тимур: привет\n[00:00:37] Денис: да\n"
    assert turns(text) == [("итоги", "Встреча 1", None), ("привет", "Тимур", 31.0), ("да", "Денис", 37.0)]


def test_a_single_labelled_line_counts():
    assert turns("Анна: только одна строка") == [("только одна строка", "Анна", None)]


def test_a_stray_label_stays_plain_text_and_continues_the_turn():
    text = "Анна: привет\nИтого: 5 задач\nкак-то так\nБорис: ок\nАнна: да\nБорис: нет\n"
    assert turns(text) == [("привет\nИтого: 5 задач\nкак-то так", "Анна", None), ("ок", "Борис", None),
                           ("да", "Анна", None), ("нет", "Борис", None)]


def test_otter_heads():
    text = "Planning sync\n\nAnna Ivanova  0:08\nКоллеги, привет.\n\nBoris  1:15\nХорошо.\n"
    assert turns(text) == [("Planning sync", None, None), ("Коллеги, привет.", "Anna Ivanova", 8.0),
                           ("Хорошо.", "Boris", 75.0)]


def test_an_otter_like_line_with_one_space_needs_its_name_twice():
    text = "Planning sync\n\nAnna Ivanova  0:08\nКоллеги, привет.\n\nBoris 1:15\nХорошо.\n"
    assert turns(text) == [("Planning sync", None, None),
                           ("Коллеги, привет.\n\nBoris 1:15\nХорошо.", "Anna Ivanova", 8.0)]


def test_time_only_lines_give_the_next_turn_its_time():
    text = "00:00:00\n\nАнна: Коллеги\nБорис: Да\n00:05:00\n\nАнна: ок\n"
    assert turns(text) == [("Коллеги", "Анна", 0.0), ("Да", "Борис", None), ("ок", "Анна", 300.0)]


def test_bare_generic_labels_with_the_text_below():
    text = "Интервьюер:\nРасскажите.\nРеспондент:\nНу...\n"
    assert turns(text) == [("Расскажите.", "Интервьюер", None), ("Ну...", "Респондент", None)]


def test_invalid_timestamps_and_long_names_are_no_labels():
    assert turns("[12:75] Анна: a\n[00:01] Анна: b") == [("[12:75] Анна: a", None, None), ("b", "Анна", 1.0)]
    long = "Ann" + "a" * 40
    assert turns(f"{long}: x\nБорис: y\nБорис: z") == [(f"{long}: x", None, None), ("y", "Борис", None),
                                                       ("z", "Борис", None)]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_every_kind_of_line_break(newline):
    text = newline.join(["Заголовок", "", "Анна: привет", "Борис:", "  ответ  ", "00:05:00", "Анна: да",
                         "Борис: нет", ""])
    assert turns(text) == [("Заголовок", None, None), ("привет", "Анна", None), ("ответ", "Борис", None),
                           ("да", "Анна", 300.0), ("нет", "Борис", None)]


def test_no_turns():
    assert find_turns("") == []
    assert find_turns("просто текст\nбез меток\n") == []
    assert find_turns("Итого: 5\nи ещё строка") == []


# ---- properties -------------------------------------------------------------------------

NAMES = ["Анна", "Борис Ким", "Speaker 1", "Интервьюер", "Итого", "O'Neil", "Jean-Luc", "Ann" + "a" * 40]
STAMPS = ["0:08", "12:31", "1:02:03", "00:00:01,500", "12:75", "99:59", "٠٣:١٥"]
WHITESPACE = [" ", "\t", "\u00a0", "\u3000", "\x0b", "\u2028", ""]
WORDS = ["да", "нет", "ok", "Итого:", "3:15", "a:b", "—", "["]


@st.composite
def lines(draw) -> str:
    name, stamp = draw(st.sampled_from(NAMES)), draw(st.sampled_from(STAMPS))
    ws = draw(st.sampled_from(WHITESPACE))
    words = " ".join(draw(st.lists(st.sampled_from(WORDS), max_size=4)))
    return draw(st.sampled_from([
        f"{name}: {words}{ws}", f"{name}:{ws}", f"[{stamp}] {name}: {words}", f"({stamp}) - {name}: {words}",
        f"{name}  {stamp}{ws}", f"{name} {stamp}", f"{ws}[{stamp}]{ws}", f"{stamp}", f"{ws}{words}{ws}", ws,
    ]))


texts = st.one_of(
    st.lists(lines(), max_size=12).map("\n".join),
    st.lists(st.tuples(lines(), st.sampled_from(["\n", "\r\n", "\r", "\n\n"])), max_size=12).map(
        lambda pairs: "".join(line + newline for line, newline in pairs)),
    st.text(alphabet=st.sampled_from(list("Анна: 0:08[]\n\r\t ")), max_size=60),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_segments_are_trimmed_ordered_stretches_of_the_text(text):
    last_end = 0
    for s in find_turns(text):
        chunk = text[s.start:s.end]
        assert 0 <= last_end <= s.start < s.end <= len(text)
        assert chunk == chunk.strip()
        assert s.speaker is None or (s.speaker in text and s.speaker == s.speaker.strip())
        assert s.speaker is None or len(s.speaker) <= speakers.MAX_LABEL
        last_end = s.end


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(lines(), max_size=12).map("\n".join), st.sampled_from(["\r\n", "\r"]))
def test_the_kind_of_line_break_does_not_change_the_turns(text, newline):
    other = turns(text.replace("\n", newline))
    assert [(chunk.replace(newline, "\n"), speaker, time) for chunk, speaker, time in other] == turns(text)


@settings(max_examples=300, deadline=None)
@given(lines())
def test_a_line_matches_at_most_one_layout(line):
    # find_turns tries the label first, which gives the same as time-only, Otter, label in turn
    assert sum(bool(r.match(line)) for r in (TIME_ONLY_RE, OTTER_RE, LABEL_RE)) <= 1


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \t\n\r\u00a0\u2028\x0b")), max_size=40))
def test_counting_non_empty_lines(text):
    expected = len([line for line in re.split(r"\r\n|\n|\r", text) if line.strip()])
    assert speakers._count_nonempty_lines(text) == expected


def test_names_never_have_surrounding_whitespace():
    name_char = re.compile(r"[\w.'’\-]")
    assert not [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and name_char.match(c)]


# ---- timestamps -------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "seconds"), [
    ("0:08", 8.0), ("12:31", 751.0), ("1:02:03", 3723.0), ("00:00:01,500", 1.5), ("00:01.5", 1.5),
    (" 75:10 ", 4510.0), ("٠٣:١٥", 195.0), ("12:75", None), ("1:60:00", None), ("1:2", None),
    ("123:45", None), ("00:00:00.1234", None), ("", None), ("0:08x", None),
])
def test_parse_timestamp(value, seconds):
    assert parse_timestamp(value) == seconds


# ---- labels as researchers write them ---------------------------------------------------

def test_parenthesised_names_and_roles_and_initials():
    text = ("Интервьюер (И.): Как вы работаете?\nРеспондент (Ольга К.): Верхнеуровнево.\n"
            "И.: А подробнее?\nО. К.: Концептуально.\n")
    assert turns(text) == [("Как вы работаете?", "Интервьюер (И.)", None),
                           ("Верхнеуровнево.", "Респондент (Ольга К.)", None),
                           ("А подробнее?", "И.", None), ("Концептуально.", "О. К.", None)]


def test_a_parenthesised_label_used_once_among_unlabelled_lines():
    # "Респондент" is a generic label: taken even once; the text on the other lines is its turn
    text = "Интервью 4\nРеспондент (Ольга К.): Ну, в общем\nвсё сложно.\n"
    assert turns(text) == [("Интервью 4", None, None), ("Ну, в общем\nвсё сложно.", "Респондент (Ольга К.)", None)]


def test_a_parenthesised_time_or_long_name_is_no_label():
    assert turns("Встреча (10:30): начало\nи потом\n") == []
    assert find_turns("Анна (" + "x" * 41 + "): да\nещё строка\n") == []


def test_single_use_labels_in_a_paragraph_layout():
    text = ("Интервью с отделом продаж, 3 марта\n\nМодератор: Представьтесь, пожалуйста.\n\n"
            "Ольга Петрова: Я руководитель группы.\nРаботаю пять лет.\n\nБорис: А я новенький.\n\n"
            "Модератор: Спасибо.\n")
    assert turns(text) == [("Интервью с отделом продаж, 3 марта", None, None),
                           ("Представьтесь, пожалуйста.", "Модератор", None),
                           ("Я руководитель группы.\nРаботаю пять лет.", "Ольга Петрова", None),
                           ("А я новенький.", "Борис", None), ("Спасибо.", "Модератор", None)]


def test_single_use_labels_stay_text_when_a_paragraph_does_not_start_with_a_label():
    text = ("Анна: Первое.\n\nИтого: два пункта.\n\nБорис: Второе.\n\nэто продолжение без метки\n\n"
            "Анна: Третье.\n")
    got = turns(text)
    assert [speaker for _, speaker, _ in got] == ["Анна", "Анна"]
    assert "Итого: два пункта." in got[0][0] and "Борис: Второе." in got[0][0]


def test_a_label_inside_a_paragraph_is_not_a_single_use_speaker():
    text = "Анна: Первое.\nещё строка\nИтого: два.\n\nБорис: Второе.\n\nАнна: Третье.\n"
    assert turns(text) == [("Первое.\nещё строка\nИтого: два.", "Анна", None), ("Второе.", "Борис", None),
                           ("Третье.", "Анна", None)]


# -- where paragraphs start (the layout rule's input) ----------------------------------------

@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["\n", "\r\n", "\r", " ", "\t", "a", "Оля: да", "\u2028", "\x0b", "\n\n"]),
                max_size=14).map("".join))
def test_paragraph_starts_are_the_first_line_and_every_line_after_a_blank_one(text):
    """The fast searches (a literal line break first; "\\n" only when the text has no "\\r")
    find what the one-pattern definition finds: the first non-blank line, then each line with
    something on it after a blank line, at the line's start."""
    br = speakers._BR
    definition = re.compile(rf"(?:\A|{br}[^\S\r\n]*{br})(?:[^\S\r\n]*{br})*(?=[^\S\r\n]*\S)")
    assert speakers._paragraphs(text) == [m.end() for m in definition.finditer(text)]
