"""Input readers: plain text speaker styles, WebVTT (Teams, Zoom), SRT and .docx, in real layouts.

Each reader must produce a document text and segments whose speaker, times and offsets
are right; matches found in the text get the speaker and time of their segment.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from jargon.contributions import ReadOptions
from jargon.errors import InputError, JargonError
from jargon.inputs import choose_reader, read_document
from jargon.model import format_time
from jargon.plugins import get_plugin_manager

FIXTURES = Path(__file__).parent / "fixtures"
TRANSCRIPTS = FIXTURES / "transcripts"
DICT = FIXTURES / "transcripts-dict.toml"


@pytest.fixture
def readers():
    return get_plugin_manager().input_readers()


def turns(doc):
    """``[(speaker, "HH:MM:SS.mmm" or None, segment text), ...]``."""
    return [(s.speaker, format_time(s.time_start), doc.text[s.start:s.end]) for s in doc.segments]


def check_segments(doc):
    last = 0
    for s in doc.segments:
        assert last <= s.start < s.end <= len(doc.text)
        assert doc.text[s.start:s.end] == doc.text[s.start:s.end].strip()
        last = s.end


# -- plain text ----------------------------------------------------------------------

def test_plain_name_colon_keeps_file_text_and_finds_turns(readers):
    path = TRANSCRIPTS / "colon.txt"
    doc = read_document(str(path), readers)
    assert doc.reader == "text"
    assert doc.text == path.read_text(encoding="utf-8")      # offsets are file offsets
    check_segments(doc)
    assert turns(doc) == [
        (None, None, "Интервью №3, отдел продаж. Расшифровка: вручную."),
        ("Интервьюер", None, "Расскажите, как у вас проходят планёрки?"),
        ("Анна Петрова", None,
         "Ну, верхнеуровнево всё понятно. Коллеги, какова адженда? — это первое, что я спрашиваю."),
        ("Интервьюер", None, "А дальше?"),
        # "Итого:" labels only one line: it is text of Анна's turn, not a speaker
        ("Анна Петрова", None, "Дальше у меня сейчас большой загруз, поэтому я часто просто молчу.\n"
                               "Итого: она устала.\nИ это всё, что она сказала."),
    ]


def test_plain_timestamped_turns(readers):
    doc = read_document(str(TRANSCRIPTS / "timestamped.txt"), readers)
    check_segments(doc)
    assert turns(doc) == [
        ("Борис", "00:00:05.000", "Всем привет, начинаем."),
        ("Анна", "00:12:31.000", "Концептуально я согласна.\nНо есть нюанс."),
        ("Борис", "01:02:03.000", "Тогда верхнеуровнево зафиксируем."),
    ]


def test_plain_otter_headers(readers):
    doc = read_document(str(TRANSCRIPTS / "otter.txt"), readers)
    check_segments(doc)
    assert turns(doc) == [
        (None, None, "Planning sync - Otter.ai"),
        ("Anna Ivanova", "00:00:08.000", "Коллеги, я без камеры сегодня, приболел. Но верхнеуровнево я с вами."),
        ("Boris", "00:01:15.000", "Хорошо. Концептуально всё ясно.\nДавайте дальше."),
        ("Anna Ivanova", "01:02:03.000", "Забрал, вернусь."),
    ]


def test_plain_generic_speaker_labels(readers):
    doc = read_document(str(TRANSCRIPTS / "generic.txt"), readers)
    assert [t[0] for t in turns(doc)] == ["Speaker 1", "Speaker 2", "Speaker 1"]
    assert turns(doc)[1][2] == "Доброе. У меня сейчас большой загруз."


def test_plain_google_meet_time_lines(readers):
    doc = read_document(str(TRANSCRIPTS / "meet.txt"), readers)
    assert turns(doc) == [
        (None, None, "Еженедельная встреча - Transcript"),
        ("Анна Смирнова", "00:00:00.000", "Коллеги, какова адженда?"),
        ("Борис Ким", None, "Верхнеуровнево: статус и риски."),
        ("Анна Смирнова", "00:05:00.000", "Концептуально понятно."),
        ("Борис Ким", None, "Это в планах."),
    ]


def test_plain_crlf_offsets_stay_file_offsets(readers, tmp_path):
    raw = (TRANSCRIPTS / "timestamped.txt").read_text(encoding="utf-8").replace("\n", "\r\n")
    path = tmp_path / "crlf.txt"
    path.write_bytes(raw.encode("utf-8"))
    doc = read_document(str(path), readers)
    assert doc.text == raw
    assert [t[2] for t in turns(doc)] == ["Всем привет, начинаем.", "Концептуально я согласна.\r\nНо есть нюанс.",
                                          "Тогда верхнеуровнево зафиксируем."]
    assert [t[0] for t in turns(doc)] == ["Борис", "Анна", "Борис"]


@pytest.mark.parametrize("text", [
    "Итого: мы ничего не решили.\nЗавтра ещё раз соберёмся.\n",      # one stray label
    "Встреча в 10:30, не опаздывайте.\nСсылка: https://example.org\n",  # times and URLs are not turns
    "Просто текст без спикеров.\n",
])
def test_plain_without_turns_has_no_segments(readers, tmp_path, text):
    path = tmp_path / "note.txt"
    path.write_text(text, encoding="utf-8")
    assert read_document(str(path), readers).segments == []


def test_plain_one_line_label_counts_when_everything_is_labelled(readers, tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("Анна: концептуально да\n", encoding="utf-8")
    assert turns(read_document(str(path), readers)) == [("Анна", None, "концептуально да")]


@pytest.mark.parametrize("text,expected", [
    ("И: Как дела?\nР: Концептуально хорошо.\nИ: А подробнее?\n",          # interviewer/respondent initials
     [("И", None, "Как дела?"), ("Р", None, "Концептуально хорошо."), ("И", None, "А подробнее?")]),
    ("Анна:\nПервая реплика.\nБорис:\nВторая.\nАнна:\nТретья.\n",        # labels alone on their lines
     [("Анна", None, "Первая реплика."), ("Борис", None, "Вторая."), ("Анна", None, "Третья.")]),
    ("(12:31) - Анна: да\n(12:40) - Борис: нет\n",
     [("Анна", "00:12:31.000", "да"), ("Борис", "00:12:40.000", "нет")]),
])
def test_plain_more_speaker_styles(readers, tmp_path, text, expected):
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    assert turns(read_document(str(path), readers)) == expected


# -- WebVTT and SRT ------------------------------------------------------------------

def test_teams_vtt_voice_tags(readers):
    doc = read_document(str(TRANSCRIPTS / "teams.vtt"), readers)
    assert doc.reader == "vtt"
    check_segments(doc)
    assert doc.text == ("Анна Петрова: Коллеги, какова адженда? Я вижу только название в календаре.\n"
                        "Борис Ким: Верхнеуровнево & коротко: статус проекта\n"
                        "Анна Петрова: Концептуально да.\n"
                        "Борис Ким: Тогда погнали.\n")
    assert turns(doc) == [
        ("Анна Петрова", "00:00:03.120", "Коллеги, какова адженда?"),
        ("Анна Петрова", "00:00:05.480", "Я вижу только название в календаре."),
        ("Борис Ким", "00:00:10.200", "Верхнеуровнево & коротко: статус проекта"),   # no </v>, &amp; unescaped
        ("Анна Петрова", "00:01:02.000", "Концептуально да."),                          # two voices in one cue
        ("Борис Ким", "00:01:02.000", "Тогда погнали."),
    ]
    assert [format_time(s.time_end) for s in doc.segments][:2] == ["00:00:05.480", "00:00:09.010"]


def test_zoom_vtt_name_labels(readers):
    doc = read_document(str(TRANSCRIPTS / "zoom.vtt"), readers)
    check_segments(doc)
    assert doc.text == ("Anna Ivanova: Коллеги, какова адженда?\n"
                        "Boris Kim: Верхнеуровнево обсудим статус. И концептуально риски.\n"
                        "Anna Ivanova: У меня сейчас большой загруз.\n")
    assert turns(doc) == [
        ("Anna Ivanova", "00:00:01.230", "Коллеги, какова адженда?"),
        ("Boris Kim", "00:00:04.900", "Верхнеуровнево обсудим статус."),
        ("Boris Kim", "00:00:08.300", "И концептуально риски."),
        ("Anna Ivanova", "00:00:12.000", "У меня сейчас большой загруз."),
    ]


def test_srt_with_crlf_and_markup(readers, tmp_path):
    raw = (TRANSCRIPTS / "subtitles.srt").read_text(encoding="utf-8").replace("\n", "\r\n")
    path = tmp_path / "meeting.srt"
    path.write_bytes(b"\xef\xbb\xbf" + raw.encode("utf-8"))
    doc = read_document(str(path), readers)
    assert doc.reader == "srt"
    assert doc.text == ("Анна: Коллеги, какова адженда?\nБорис: Верхнеуровнево всё по плану.\n"
                        "Анна: Концептуально ясно.\n")
    assert turns(doc) == [
        ("Анна", "00:00:01.000", "Коллеги, какова адженда?"),
        ("Борис", "00:00:03.600", "Верхнеуровнево всё по плану."),
        ("Анна", "00:00:06.100", "Концептуально ясно."),
    ]


def test_srt_without_speakers_joins_cues_into_sentences(readers, tmp_path):
    path = tmp_path / "film.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\nКоллеги, какова\n\n"
                    "2\n00:00:02,100 --> 00:00:03,000\nадженда?\n\n"
                    "3\n00:00:04,000 --> 00:00:05,000\n{\\an8}Верхнеуровнево.\n", encoding="utf-8")
    doc = read_document(str(path), readers)
    assert doc.text == "Коллеги, какова адженда?\nВерхнеуровнево.\n"
    assert [(s.speaker, s.time_start, doc.text[s.start:s.end]) for s in doc.segments] == [
        (None, 1.0, "Коллеги, какова"), (None, 2.1, "адженда?"), (None, 4.0, "Верхнеуровнево.")]


def test_vtt_bad_timing_is_one_line_error(cli, tmp_path):
    path = tmp_path / "bad.vtt"
    path.write_text("WEBVTT\n\n00:00:01.000 --> 00:0x:02.000\nтекст\n", encoding="utf-8")
    r = cli("decode", "-d", DICT, path)
    assert r.rc == 2
    assert r.err_lines == [f"jargon: {path}: line 3: cannot read the cue timing '00:00:01.000 --> 00:0x:02.000'"]


def test_vtt_invalid_utf8_is_one_line_error(cli, tmp_path):
    path = tmp_path / "bad.vtt"
    path.write_bytes(b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n\xff\xfe\n")
    r = cli("decode", "-d", DICT, path)
    assert r.rc == 2 and len(r.err_lines) == 1
    assert "invalid UTF-8 at byte" in r.err and "Traceback" not in r.err


def test_srt_extension_with_other_content_is_an_error(readers, tmp_path):
    path = tmp_path / "notes.srt"
    path.write_text("просто заметки\n", encoding="utf-8")
    with pytest.raises(InputError, match="no subtitle cues found"):
        read_document(str(path), readers)


# -- choosing a reader --------------------------------------------------------------

@pytest.mark.parametrize("fixture,expected", [("teams.vtt", "vtt"), ("subtitles.srt", "srt"), ("colon.txt", "text")])
def test_content_sniffing_without_extension(readers, fixture, expected):
    head = (TRANSCRIPTS / fixture).read_bytes()[:4096]
    assert choose_reader(readers, "transcript.data", head).name == expected
    assert choose_reader(readers, "-", head).name == expected


def test_stdin_vtt_is_sniffed(run_jargon):
    r = run_jargon("decode", "-d", DICT, "-f", "jsonl", input=(TRANSCRIPTS / "zoom.vtt").read_text(encoding="utf-8"))
    assert r.rc == 0, r.err
    recs = [json.loads(line) for line in r.out.splitlines()]
    assert [(x["speaker"], x["time"]) for x in recs][0] == ("Boris Kim", "00:00:04.900")


def test_forced_input_format(readers, tmp_path):
    path = tmp_path / "export.txt"
    path.write_bytes((TRANSCRIPTS / "teams.vtt").read_bytes())
    assert read_document(str(path), readers).reader == "text"
    assert read_document(str(path), readers, ReadOptions(), forced="vtt").segments[0].speaker == "Анна Петрова"


# -- docx ----------------------------------------------------------------------------

def make_docx(path: Path) -> Path:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_heading("Интервью с отделом продаж", level=1)
    d.add_paragraph("Anna Ivanova  0:08")
    d.add_paragraph("Коллеги, какова адженда? Верхнеуровнево всё ясно.")
    d.add_paragraph("")
    d.add_paragraph("Boris Kim  1:15")
    d.add_paragraph("Концептуально согласен.")
    table = d.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Итог"
    table.rows[0].cells[1].text = "Решили вернуться позже"
    d.save(path)
    return path


def test_docx_paragraphs_and_turns(readers, tmp_path):
    path = make_docx(tmp_path / "interview.docx")
    doc = read_document(str(path), readers)
    assert doc.reader == "docx"
    assert doc.text == ("Интервью с отделом продаж\nAnna Ivanova  0:08\n"
                        "Коллеги, какова адженда? Верхнеуровнево всё ясно.\n\nBoris Kim  1:15\n"
                        "Концептуально согласен.\nИтог\tРешили вернуться позже\n")
    assert turns(doc) == [
        (None, None, "Интервью с отделом продаж"),
        ("Anna Ivanova", "00:00:08.000", "Коллеги, какова адженда? Верхнеуровнево всё ясно."),
        ("Boris Kim", "00:01:15.000", "Концептуально согласен.\nИтог\tРешили вернуться позже"),
    ]
    assert choose_reader(readers, "upload.bin", path.read_bytes()[:4096]).name == "docx"


def test_docx_broken_file_is_input_error(readers, tmp_path):
    pytest.importorskip("docx")
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match="not a readable .docx file"):
        read_document(str(path), readers)


def test_docx_without_python_docx_says_how_to_install(readers, tmp_path, monkeypatch):
    path = tmp_path / "x.docx"
    path.write_bytes(b"PK\x03\x04")
    monkeypatch.setitem(sys.modules, "docx", None)      # import docx -> ImportError
    with pytest.raises(JargonError, match=r"pip install jargon-decoder\[docx\]"):
        read_document(str(path), readers)


# -- speaker and time on matches, for every format -----------------------------------

EXPECTED = {
    "colon.txt": [("верхнеуровнево", "Анна Петрова", None), ("большой загруз", "Анна Петрова", None)],
    "generic.txt": [("большой загруз", "Speaker 2", None), ("концептуально", "Speaker 1", None)],
    "meet.txt": [("Верхнеуровнево", "Борис Ким", None), ("Концептуально", "Анна Смирнова", "00:05:00.000")],
    "otter.txt": [("верхнеуровнево", "Anna Ivanova", "00:00:08.000"), ("Концептуально", "Boris", "00:01:15.000")],
    "timestamped.txt": [("Концептуально", "Анна", "00:12:31.000"), ("верхнеуровнево", "Борис", "01:02:03.000")],
    "teams.vtt": [("Верхнеуровнево", "Борис Ким", "00:00:10.200"), ("Концептуально", "Анна Петрова", "00:01:02.000")],
    "zoom.vtt": [("Верхнеуровнево", "Boris Kim", "00:00:04.900"), ("концептуально", "Boris Kim", "00:00:08.300"),
                 ("большой загруз", "Anna Ivanova", "00:00:12.000")],
    "subtitles.srt": [("Верхнеуровнево", "Борис", "00:00:03.600"), ("Концептуально", "Анна", "00:00:06.100")],
}


@pytest.mark.parametrize("fixture", sorted(EXPECTED))
def test_matches_know_speaker_and_time(cli, fixture):
    r = cli("decode", "-d", DICT, "-f", "jsonl", TRANSCRIPTS / fixture)
    assert r.rc == 0, r.err
    recs = [json.loads(line) for line in r.out.splitlines()]
    assert [(x["text"], x.get("speaker"), x.get("time")) for x in recs] == EXPECTED[fixture]


def test_docx_matches_know_speaker_and_time(cli, tmp_path):
    path = make_docx(tmp_path / "interview.docx")
    r = cli("decode", "-d", DICT, "-f", "jsonl", path)
    recs = [json.loads(line) for line in r.out.splitlines()]
    assert [(x["text"], x["speaker"], x["time"]) for x in recs] == [
        ("Верхнеуровнево", "Anna Ivanova", "00:00:08.000"), ("Концептуально", "Boris Kim", "00:01:15.000")]


@pytest.mark.parametrize("fixture", ["teams.vtt", "subtitles.srt", "otter.txt"])
def test_translate_works_for_every_reader(cli, fixture):
    r = cli("decode", "-d", DICT, "--translate", TRANSCRIPTS / fixture)
    assert r.rc == 0, r.err
    assert "[в общих чертах, то есть никак]" in r.out
    assert "Концептуально" not in r.out and "концептуально" not in r.out


# -- cues as people write them ---------------------------------------------------------

def test_srt_cue_without_label_continues_the_previous_speaker(readers, tmp_path):
    path = tmp_path / "talk.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\nАнна: Верхнеуровнево\n\n"
                    "2\n00:00:02,000 --> 00:00:03,000\nвсё понятно.\n\n"
                    "3\n00:00:03,000 --> 00:00:04,000\nБорис: Да.\n\n"
                    "4\n00:00:04,000 --> 00:00:05,000\nАнна: Концептуально.\n", encoding="utf-8")
    doc = read_document(str(path), readers)
    check_segments(doc)
    assert doc.text == "Анна: Верхнеуровнево всё понятно.\nБорис: Да.\nАнна: Концептуально.\n"
    assert turns(doc) == [("Анна", "00:00:01.000", "Верхнеуровнево"), ("Анна", "00:00:02.000", "всё понятно."),
                          ("Борис", "00:00:03.000", "Да."), ("Анна", "00:00:04.000", "Концептуально.")]


@pytest.mark.parametrize("suffix,source", [
    ("srt", "1\n00:00:01,000 --> 00:00:02,000\nАнна: Верхнеуровнево\nвторая строка\n2\n"
            "00:00:02,500 --> 00:00:03,000\nБорис: Да.\n3\n00:00:03,000 --> 00:00:04,000\nАнна: Нет.\n"),
    ("vtt", "WEBVTT\n00:01.000 --> 00:02.000\nАнна: Верхнеуровнево\nвторая строка\n"
            "00:02.500 --> 00:03.000\nБорис: Да.\nc3\n00:03.000 --> 00:04.000\nАнна: Нет.\n"),
])
def test_cues_without_blank_lines_between_them(readers, tmp_path, suffix, source):
    path = tmp_path / f"packed.{suffix}"
    path.write_text(source, encoding="utf-8")
    doc = read_document(str(path), readers)
    assert doc.text == "Анна: Верхнеуровнево вторая строка\nБорис: Да.\nАнна: Нет.\n"
    assert turns(doc) == [("Анна", "00:00:01.000", "Верхнеуровнево вторая строка"),
                          ("Борис", "00:00:02.500", "Да."), ("Анна", "00:00:03.000", "Нет.")]


def test_zoom_label_used_once_in_a_labelled_cue_file(readers, tmp_path):
    path = tmp_path / "zoom.vtt"
    path.write_text("WEBVTT\n\n00:01.000 --> 00:02.000\nАнна: Привет.\n\n00:02.000 --> 00:03.000\nАнна: Начнём.\n\n"
                    "00:03.000 --> 00:04.000\nГость: Здравствуйте.\n", encoding="utf-8")
    assert [t[0] for t in turns(read_document(str(path), readers))] == ["Анна", "Анна", "Гость"]


def test_vtt_cue_with_80000_unclosed_voice_tags_is_read(readers, tmp_path):
    # quadratic before (186 s); the timing is in bench/cue_bench.py
    path = tmp_path / "attack.vtt"
    path.write_text("WEBVTT\n\n00:01.000 --> 00:02.000\n" + "<v x" * 80_000 + "\n\n00:02.000 --> 00:03.000\n"
                    "<v Анна>Привет</v>\n", encoding="utf-8")
    doc = read_document(str(path), readers)
    assert doc.segments[-1].speaker == "Анна" and doc.text.endswith("Анна: Привет\n")
    assert doc.text.startswith("<v x<v x")


# -- docx tables -----------------------------------------------------------------------

def make_table_docx(path: Path, rows, before=("Интервью 7, отдел финансов",), after=()) -> Path:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for p in before:
        d.add_paragraph(p)
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    for p in after:
        d.add_paragraph(p)
    d.save(path)
    return path


def test_docx_table_time_speaker_text(readers, tmp_path):
    path = make_table_docx(tmp_path / "t.docx", [
        ("Время", "Спикер", "Текст"),
        ("00:00:05", "Интервьюер (И.)", "Как дела с бюджетом?"),
        ("00:00:09", "Ольга К.", "Верхнеуровнево всё хорошо."),
        ("00:01:02", "", "И ещё концептуально."),
    ], after=("Анна: Спасибо.", "Анна: До свидания."))
    doc = read_document(str(path), readers)
    check_segments(doc)
    assert doc.text.startswith("Интервью 7, отдел финансов\nВремя\tСпикер\tТекст\n00:00:05\tИнтервьюер (И.)\t")
    assert turns(doc) == [("Интервьюер (И.)", "00:00:05.000", "Как дела с бюджетом?"),
                          ("Ольга К.", "00:00:09.000", "Верхнеуровнево всё хорошо."),
                          ("Ольга К.", "00:01:02.000", "И ещё концептуально."),   # an empty speaker cell continues
                          ("Анна", None, "Спасибо."), ("Анна", None, "До свидания.")]


def test_docx_table_speaker_text_without_times_or_header(readers, tmp_path):
    path = make_table_docx(tmp_path / "t.docx", [("Интервьюер", "Как дела?"), ("Ольга", "Концептуально."),
                                                  ("Интервьюер", "А ещё?")], before=())
    assert turns(read_document(str(path), readers)) == [("Интервьюер", None, "Как дела?"),
                                                        ("Ольга", None, "Концептуально."),
                                                        ("Интервьюер", None, "А ещё?")]


def test_docx_table_text_speaker_time_in_another_order(readers, tmp_path):
    path = make_table_docx(tmp_path / "t.docx", [("Концептуально да.", "Анна", "[00:12]"),
                                                  ("Нет.", "Борис", "[00:15]")], before=())
    assert turns(read_document(str(path), readers)) == [("Анна", "00:00:12.000", "Концептуально да."),
                                                        ("Борис", "00:00:15.000", "Нет.")]


def test_a_key_value_docx_table_is_no_transcript(readers, tmp_path):
    path = make_table_docx(tmp_path / "t.docx", [("Дата", "5 марта"), ("Место", "Москва, офис на Тверской")],
                           before=())
    assert read_document(str(path), readers).segments == []


def test_docx_table_matches_know_speaker_and_time(cli, tmp_path):
    path = make_table_docx(tmp_path / "t.docx", [("Время", "Спикер", "Текст"),
                                                  ("00:00:09", "Ольга К.", "Верхнеуровнево всё хорошо.")])
    r = cli("decode", "-d", DICT, "-f", "jsonl", path)
    assert [(x["text"], x["speaker"], x["time"]) for x in map(json.loads, r.out.splitlines())] == [
        ("Верхнеуровнево", "Ольга К.", "00:00:09.000")]


def test_a_one_off_label_in_a_mostly_unlabelled_cue_file_stays_text(readers, tmp_path):
    path = tmp_path / "lecture.srt"
    cues = ["Анна: Добрый день.", "Сегодня о планах.", "Итого: три пункта.", "Первый пункт.", "Второй пункт.",
            "Анна: Вопросы?"]
    path.write_text("".join(f"{i}\n00:00:0{i},000 --> 00:00:0{i},900\n{c}\n\n" for i, c in enumerate(cues, 1)),
                    encoding="utf-8")
    doc = read_document(str(path), readers)
    assert [t[0] for t in turns(doc)] == ["Анна"] * 6         # unlabelled cues continue Анна's turn
    assert "Итого: три пункта." in doc.text and "Итого:" not in [t[0] for t in turns(doc)]
