"""What the transcript view shows, without Textual: wrapping, speaker gutter, translate offsets."""
from __future__ import annotations

from jargon.model import Document, Entry, Match, Segment
from jargon.tui.display import layout, plain_display, speaker_labels, translated_display


def entry(meaning: str, eid: str = "e") -> Entry:
    return Entry(id=eid, phrase=eid, meaning=meaning)


def match(text: str, surface: str, meaning: str, after: int = 0) -> Match:
    start = text.index(surface, after)
    return Match(start, start + len(surface), surface, entry(meaning, surface.lower()[:3]), "d", 100.0)


def test_wrap_at_spaces_never_past_the_width_and_covering_every_word():
    text = "слово " * 40 + "\n" + "а" * 50 + "\nконец"
    shown = plain_display(Document(text), [])
    lines = layout(shown, 23)
    assert lines.gutter == 0
    pieces = [text[a:b] for a, b in zip(lines.starts, lines.ends, strict=False)]
    assert all(len(p) <= 23 for p in pieces)
    assert lines.starts[0] == 0 and lines.ends[-1] == len(text)
    gaps = {text[lines.ends[k]:lines.starts[k + 1]] for k in range(len(lines) - 1)}
    assert gaps <= {"", " ", "\n"}                         # nothing lost but the break itself
    assert "а" * 23 in pieces                              # a word longer than a line is cut


def test_segments_start_lines_and_label_the_gutter_once():
    text = "привет как дела. всё хорошо спасибо\nответ второй строки"
    segs = [Segment(0, 16, "Анна"), Segment(17, 35, "Борис"), Segment(36, len(text), "Анна")]
    shown = plain_display(Document(text, segments=segs), [])
    lines = layout(shown, 40)
    assert lines.gutter == len("Борис") + 2
    labelled = {k: (label, text[lines.starts[k]:lines.ends[k]].strip()) for k, label in lines.labels.items()}
    assert list(labelled.values()) == [("Анна", "привет как дела."), ("Борис", "всё хорошо спасибо"),
                                       ("Анна", "ответ второй строки")]


def test_a_turn_that_names_its_speaker_in_the_text_needs_no_gutter():
    text = "Иван: да.\nМария: нет.\n"
    segs = [Segment(6, 9, "Иван"), Segment(18, 22, "Мария")]
    doc = Document(text, segments=segs)
    assert speaker_labels(doc) == {}
    lines = layout(plain_display(doc, []), 30)
    pieces = [text[a:b] for a, b in zip(lines.starts, lines.ends, strict=True)]
    assert lines.gutter == 0 and pieces[:2] == ["Иван: да.", "Мария: нет."]


def test_times_are_shown_in_the_gutter():
    doc = Document("да\nнет", segments=[Segment(0, 2, "A", 61.0), Segment(3, 6, "B", 3725.5)])
    assert speaker_labels(doc) == {0: "01:01 A", 3: "01:02:05 B"}


def test_a_time_the_text_already_says_is_not_repeated_in_the_gutter():
    text = "[00:12:31] Анна: да.\n[00:13:02] Борис: нет.\n"
    segs = [Segment(17, 20, "Анна", 751.0), Segment(39, 43, "Борис", 782.0)]
    assert speaker_labels(Document(text, segments=segs)) == {}
    segs = [Segment(17, 20, "Анна", 751.0), Segment(39, 43, "Борис", 790.0)]      # a time the text does not say
    assert speaker_labels(Document(text, segments=segs)) == {21: "13:10"}


def test_translated_text_and_offsets_map_both_ways():
    text = "Коллеги, какова адженда? Я занят. Забрал, вернусь."
    m1 = match(text, "Коллеги, какова адженда", "зачем мы здесь?")
    m2 = match(text, "Забрал, вернусь", "забуду.")
    shown = translated_display(Document(text), [(0, m1), (1, m2)])
    assert shown.text == "[зачем мы здесь?]? Я занят. [забуду]."
    spans = zip(shown.span_starts, shown.span_ends, strict=True)
    assert [shown.text[a:b] for a, b in spans] == ["[зачем мы здесь?]", "[забуду]"]
    ja = text.index("Я занят")
    assert shown.text[shown.to_display(ja):].startswith("Я занят")
    assert shown.to_document(shown.to_display(ja)) == ja
    assert shown.to_display(m1.start + 3) == 0                   # inside a replaced phrase: its start
    assert shown.span_at(shown.to_display(m2.start) + 2) == 1
    assert shown.span_at(shown.to_display(ja)) is None


def test_plain_display_keeps_offsets_and_flattens_control_characters():
    text = "a\tb\r\nc"
    shown = plain_display(Document(text), [])
    assert len(shown.text) == len(text) and "\t" not in shown.text and "\r" not in shown.text
    assert shown.to_display(4) == 4 and shown.to_document(4) == 4
