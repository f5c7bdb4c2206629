"""Output formats csv, markdown and html (and speaker/time in json/jsonl): round trips and escaping."""
from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from jargon.contributions import RenderOptions
from jargon.model import DecodedDocument, Dictionary, Document, Entry, Match, Segment
from jargon.plugins import get_plugin_manager

FIXTURES = Path(__file__).parent / "fixtures"
TRANSCRIPTS = FIXTURES / "transcripts"
DICT = FIXTURES / "transcripts-dict.toml"

EVIL = Entry("evil", "Верхнеуровнево", 'без деталей <script>alert("x")</script> & "кавычки"', tags=("quality", "a&b"))
PLAIN = Entry("plain", "Концептуально", "в общих чертах", tags=("vague",))
SPLIT = Entry("split", "большой загруз", "мне лень")


def decoded_doc(text: str, found: list[tuple[str, Entry]], segments=(), name="interview.vtt") -> DecodedDocument:
    """A decoded document with a match at the first occurrence (after the previous one) of each surface."""
    doc = Document(text=text, name=name, segments=list(segments), path=Path(name))
    matches, pos = [], 0
    for surface, entry in found:
        start = text.index(surface, pos)
        matches.append(Match(start, start + len(surface), surface, entry, "test", 97.5))
        pos = start + len(surface)
    return DecodedDocument(doc, matches)


def sample() -> list[DecodedDocument]:
    text = ("Анна: Верхнеуровнево всё ясно. Концептуально тоже.\n"
            "Борис: У меня большой\nзагруз, <b>правда</b> & 1 < 2.\n")
    a, b = text.index("Верхнеуровнево"), text.index("У меня")
    segs = [Segment(a, text.index("\n"), "Анна", 3.12, 5.0), Segment(b, len(text) - 1, "Борис", 61.5, 70.0)]
    first = decoded_doc(text, [("Верхнеуровнево", EVIL), ("Концептуально", PLAIN), ("большой\nзагруз", SPLIT)],
                        segs)
    second = decoded_doc("концептуально без спикеров\n", [("концептуально", PLAIN)], name="notes.txt")
    return [first, second]


def render(fmt: str, docs, **options) -> str:
    out = io.StringIO()
    f = get_plugin_manager().output_formats()[fmt]
    f.write(out, docs, RenderOptions(dictionaries=[Dictionary("test", (EVIL, PLAIN, SPLIT))], **options))
    return out.getvalue()


def test_formats_are_registered():
    formats = get_plugin_manager().output_formats()
    assert {"csv", "markdown", "html", "qdc", "qdpx"} <= set(formats)
    assert formats["qdpx"].binary and not formats["html"].binary


# -- csv -------------------------------------------------------------------------------

def test_csv_round_trip():
    docs = sample()
    rows = list(csv.DictReader(io.StringIO(render("csv", docs), newline="")))
    assert list(rows[0]) == ["file", "speaker", "time", "time_end", "line", "column", "source_line", "source_column",
                             "start", "end", "text", "phrase", "meaning", "tags", "score", "context", "entry",
                             "dictionary", "status"]
    assert len(rows) == 4
    for row, (decoded, m) in zip(rows, [(d, m) for d in docs for m in d.matches], strict=True):
        text = decoded.document.text
        assert text[int(row["start"]):int(row["end"])] == row["text"] == m.text
        assert row["file"] == decoded.document.name
        assert row["phrase"] == m.entry.phrase and row["meaning"] == m.entry.meaning
        assert row["tags"] == "; ".join(m.entry.tags)
        assert float(row["score"]) == 97.5
        assert m.text.split("\n")[0] in row["context"]
    assert [(r["speaker"], r["time"], r["line"]) for r in rows] == [
        ("Анна", "00:00:03.120", "1"), ("Анна", "00:00:03.120", "1"), ("Борис", "00:01:01.500", "2"), ("", "", "1")]
    assert rows[0]["context"] == "Анна: Верхнеуровнево всё ясно."
    assert rows[0]["meaning"] == 'без деталей <script>alert("x")</script> & "кавычки"'   # CSV keeps text as is
    assert rows[2]["text"] == "большой\nзагруз"                                          # quoted newline survives


def test_csv_header_only_when_nothing_found():
    out = render("csv", [decoded_doc("ничего\n", [])])
    assert list(csv.reader(io.StringIO(out))) == [["file", "speaker", "time", "time_end", "line", "column",
                                                   "source_line", "source_column", "start", "end", "text", "phrase",
                                                   "meaning", "tags", "score", "context", "entry", "dictionary",
                                                   "status"]]


def test_csv_from_cli_on_a_vtt(cli, tmp_path):
    target = tmp_path / "out.csv"
    r = cli("decode", "-d", DICT, "-f", "csv", "-o", target, TRANSCRIPTS / "zoom.vtt")
    assert r.rc == 0, r.err
    rows = list(csv.DictReader(target.open(encoding="utf-8", newline="")))
    assert [(x["text"], x["speaker"], x["time"]) for x in rows] == [
        ("Верхнеуровнево", "Boris Kim", "00:00:04.900"), ("концептуально", "Boris Kim", "00:00:08.300"),
        ("большой загруз", "Anna Ivanova", "00:00:12.000")]
    assert rows[1]["context"] == "И концептуально риски."


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_formats_carry_speaker_and_time(cli, fmt):
    r = cli("decode", "-d", DICT, "-f", fmt, TRANSCRIPTS / "teams.vtt")
    recs = (json.loads(r.out)["documents"][0]["matches"] if fmt == "json"
            else [json.loads(line) for line in r.out.splitlines()])
    assert [(x["speaker"], x["time"]) for x in recs] == [("Борис Ким", "00:00:10.200"),
                                                         ("Анна Петрова", "00:01:02.000")]


# -- markdown ------------------------------------------------------------------------

def test_markdown_report():
    out = render("markdown", sample())
    assert out.startswith("# Jargon report\n")
    # highlighted phrases with footnotes, the time of the line in front
    assert "`00:00:03` Анна: **Верхнеуровнево**[^d1-1] всё ясно. **Концептуально**[^d1-2] тоже." in out
    # a phrase across a line break: both halves in bold, one footnote
    assert "**большой**[^d1-3]" in out and "**загруз**," in out
    assert "[^d1-2]: **Концептуально**: в общих чертах (Анна, 00:00:03)" in out
    assert "[^d2-1]: **Концептуально**: в общих чертах\n" in out
    summary = out.split("## Summary", 1)[1]
    assert "|  | Анна | 5 | 2 | 400 |" in summary
    assert "| **all documents** | all |" in summary


def test_markdown_escapes_transcript_and_dictionary_text():
    out = render("markdown", sample())
    assert "<script>" not in out and "<b>" not in out
    assert r'без деталей \<script\>alert("x")\</script\> \& "кавычки"' in out
    assert r"\<b\>правда\</b\> \& 1 \< 2." in out


# -- html --------------------------------------------------------------------------------

class Page(HTMLParser):
    """Collects what a browser would show: marks (text + title), side list items, table cells, scripts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.marks, self.items, self.cells, self.tags = [], [], [], [], []
        self.ids, self.hrefs = set(), []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a":
            self.hrefs.append(a["href"])
        if tag == "mark":
            self.marks.append(["", a.get("title")])
        if tag == "li":
            self.items.append("")
        if tag == "td":
            self.cells.append("")
        self.stack.append(tag)

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data):
        if "mark" in self.stack:
            self.marks[-1][0] += data
        if "li" in self.stack:
            self.items[-1] += data
        if "td" in self.stack:
            self.cells[-1] += data


def test_html_report_structure_and_escaping():
    out = render("html", sample())
    page = Page()
    page.feed(out)
    assert "script" not in page.tags
    assert out.count("<script") == 0 and "<b>правда" not in out
    assert "http" not in out and "@import" not in out and "<link" not in out      # standalone, no network
    assert [m[0] for m in page.marks] == ["Верхнеуровнево", "Концептуально", "большой", "загруз", "концептуально"]
    assert page.marks[0][1] == 'Верхнеуровнево: без деталей <script>alert("x")</script> & "кавычки"'
    assert page.marks[2][1] == page.marks[3][1] == "большой загруз: мне лень"
    items = [i for i in page.items if "→" in i]                                   # the side list (not contents)
    assert items[0] == ('Верхнеуровнево → Верхнеуровнево: без деталей <script>alert("x")</script> & "кавычки" '
                        '(Анна, 00:00:03)')
    assert items[2].startswith("большой\nзагруз → большой загруз: мне лень (Борис, 00:01:01)")
    assert all(h[1:] in page.ids for h in page.hrefs if h.startswith("#"))          # every link has a target
    assert "<b>правда</b> & 1 < 2." in "".join(HTMLText.of(out))
    anna = page.cells.index("Анна")                       # the per-speaker row, after the phrase and tag tables
    assert ["", "Анна", "5", "2", "400"] == page.cells[anna - 1:anna + 4]     # the file is named on its own row


class HTMLText(HTMLParser):
    @classmethod
    def of(cls, markup: str) -> list[str]:
        p = cls(convert_charrefs=True)
        p.chunks = []
        p.feed(markup)
        return p.chunks

    def handle_data(self, data):
        self.chunks.append(data)


def test_html_from_cli_escapes_meanings_from_the_dictionary(cli, tmp_path):
    target = tmp_path / "report.html"
    r = cli("decode", "-d", DICT, "-f", "html", "-o", target, TRANSCRIPTS / "teams.vtt", TRANSCRIPTS / "otter.txt")
    assert r.rc == 0, r.err
    out = target.read_text(encoding="utf-8")
    assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")
    assert "<script" not in out
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;кавычки&quot;" in out
    assert "</sup> &amp; коротко" in out        # the transcript's own & is escaped too
    page = Page()
    page.feed(out)
    assert len(page.marks) == 4
    assert re.search(r'<span class="time">00:00:10</span>Борис Ким: <mark', out)


def test_clean_option_uses_clean_meaning():
    rude = Entry("rude", "Верхнеуровнево", "грубо", explicit=True, clean_meaning="мягко")
    docs = [decoded_doc("Верхнеуровнево\n", [("Верхнеуровнево", rude)])]
    assert "мягко" in render("html", docs, clean=True) and "грубо" not in render("html", docs, clean=True)
    assert "мягко" in render("markdown", docs, clean=True)
    assert "мягко" in render("csv", docs, clean=True) and "грубо" in render("csv", docs)


# -- the record schema --------------------------------------------------------------------

from jargon.builtin.formats_csv import COLUMNS  # noqa: E402
from jargon.render import FIELDS  # noqa: E402


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_every_field_is_present_with_and_without_speakers(fmt):
    out = render(fmt, sample())
    recs = ([m for d in json.loads(out)["documents"] for m in d["matches"]] if fmt == "json"
            else [json.loads(line) for line in out.splitlines()])
    assert len(recs) == 4
    assert all(list(r) == list(FIELDS) for r in recs)          # every field, always, in one order
    with_speaker, without = recs[0], recs[3]
    assert (with_speaker["speaker"], with_speaker["time"], with_speaker["time_end"]) == (
        "Анна", "00:00:03.120", "00:00:05.000")
    assert (without["speaker"], without["time"], without["time_end"], without["status"]) == (None,) * 4
    assert without["file"] == "notes.txt" and without["column"] == 1


def test_json_documents_say_file_null_for_stdin(cli, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO("Верхнеуровнево.\n".encode())))
    r = cli("decode", "-d", DICT, "-f", "json")
    doc = json.loads(r.out)["documents"][0]
    assert doc["file"] is None and doc["matches"][0]["file"] is None
    assert doc["matches"][0]["speaker"] is None and list(doc["matches"][0]) == list(FIELDS)


def test_csv_has_every_field_and_empty_cells_for_unknowns():
    rows = list(csv.DictReader(io.StringIO(render("csv", sample()), newline="")))
    assert tuple(rows[0]) == COLUMNS and set(FIELDS) < set(COLUMNS)
    assert [r["column"] for r in rows] == ["7", "32", "15", "1"]
    assert (rows[3]["speaker"], rows[3]["time"], rows[3]["status"]) == ("", "", "")


def test_stats_json_keeps_cyrillic_as_decode_does(cli):
    stats = cli("stats", "-d", DICT, "--format", "json", TRANSCRIPTS / "teams.vtt").out
    decode = cli("decode", "-d", DICT, "-f", "json", TRANSCRIPTS / "teams.vtt").out
    for out in (stats, decode):
        assert "\\u04" not in out and ("Верхнеуровнево" in out or "Концептуально" in out)


# -- positions in subtitle files and the text format --------------------------------------

@pytest.mark.parametrize("name", ["zoom.vtt", "teams.vtt", "subtitles.srt"])
def test_source_positions_point_into_the_subtitle_file(cli, name):
    path = TRANSCRIPTS / name
    lines = path.read_text(encoding="utf-8").split("\n")
    recs = [json.loads(x) for x in cli("decode", "-d", DICT, "-f", "jsonl", path).out.splitlines()]
    assert recs
    for r in recs:
        first_word = re.match(r"\w+", r["text"]).group()
        assert lines[r["source_line"] - 1][r["source_column"] - 1:].startswith(first_word), r
    assert any((r["line"], r["column"]) != (r["source_line"], r["source_column"]) for r in recs)


def test_source_position_skips_markup_and_counts_repeated_words():
    from jargon.transcript.sourcepos import SourceMap

    source = ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Анна>да да <i>слово</i>\nи снова слово</v>\n\n"
              "00:00:03.000 --> 00:00:04.000\nслово\n")
    text = "Анна: да да слово и снова слово\nслово\n"
    segs = [Segment(6, 31, "Анна", 1.0, 2.0), Segment(32, 37, None, 3.0, 4.0)]
    smap = SourceMap(Document(text, "x.vtt", segs, reader="vtt"), source)
    assert smap.position(text.index("слово"), "слово") == (4, 18)        # after "<i>"
    assert smap.position(text.index("слово", 15), "слово") == (5, 9)     # the second one, on the cue's next line
    assert smap.position(text.index("слово", 31), "слово") == (8, 1)     # the next cue


def test_text_format_points_into_the_file_and_shows_time(cli):
    r = cli("decode", "-d", DICT, TRANSCRIPTS / "zoom.vtt")
    first = r.out.splitlines()[0]
    assert first.startswith(f"{TRANSCRIPTS / 'zoom.vtt'}:9:12 [Boris Kim 00:00:04.900]  Верхнеуровнево")
    plain = cli("decode", "-d", DICT, TRANSCRIPTS / "otter.txt").out.splitlines()[0]
    assert re.match(r".*otter\.txt:\d+:\d+ \[[^\]]+\]  ", plain)


# -- csv-excel ------------------------------------------------------------------------------

def test_csv_excel_has_a_bom_semicolons_crlf_and_decimal_commas(cli, tmp_path):
    target = tmp_path / "out.csv"
    r = cli("decode", "-d", DICT, "-f", "csv-excel", "-o", target, TRANSCRIPTS / "zoom.vtt")
    assert r.rc == 0, r.err
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and not data.startswith(b"\xef\xbb\xbf\xef\xbb\xbf")
    text = data[3:].decode("utf-8")
    assert text.count("\r\n") == len(text.splitlines()) == 4 and "\n" not in text.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert tuple(rows[0]) == COLUMNS
    plain = list(csv.DictReader(io.StringIO(cli("decode", "-d", DICT, "-f", "csv", TRANSCRIPTS / "zoom.vtt").out,
                                            newline="")))
    for row, ref in zip(rows[1:], plain, strict=True):
        cells = dict(zip(COLUMNS, row, strict=True))
        assert cells["score"] == ref["score"].replace(".", ",")
        assert {k: v for k, v in cells.items() if k != "score"} == {k: v for k, v in ref.items() if k != "score"}
    assert text.splitlines()[1].startswith(f'"{TRANSCRIPTS / "zoom.vtt"}";"Boris Kim";')   # text cells quoted


# -- -o picks the format ---------------------------------------------------------------------

@pytest.mark.parametrize("ext,check", [
    ("json", lambda t: json.loads(t)["documents"][0]["matches"]),
    ("jsonl", lambda t: [json.loads(x) for x in t.splitlines()]),
    ("csv", lambda t: t.startswith("file,speaker,time,")),
    ("html", lambda t: t.startswith("<!DOCTYPE html>")),
    ("md", lambda t: t.startswith("# ")),
    ("txt", lambda t: "  → " in t),
    ("log", lambda t: "  → " in t),            # an extension no format claims: the default, text
])
def test_output_extension_picks_the_format(cli, tmp_path, ext, check):
    target = tmp_path / f"out.{ext}"
    r = cli("decode", "-d", DICT, "-o", target, TRANSCRIPTS / "zoom.vtt")
    assert r.rc == 0, r.err
    assert check(target.read_text(encoding="utf-8"))


def test_output_extension_of_a_binary_format(cli, tmp_path):
    target = tmp_path / "study.qdpx"
    assert cli("decode", "-d", DICT, "-o", target, TRANSCRIPTS / "zoom.vtt").rc == 0
    assert target.read_bytes().startswith(b"PK")


def test_a_format_that_does_not_match_the_extension_is_refused(cli, tmp_path):
    target = tmp_path / "out.csv"
    r = cli("decode", "-d", DICT, "-f", "json", "-o", target, TRANSCRIPTS / "zoom.vtt")
    assert r.rc == 2 and not target.exists()
    assert r.err_lines == ["jargon: format 'json' writes .json files, not .csv: name the output *.json, "
                           "or leave out -f to write csv"]
    assert cli("decode", "-d", DICT, "-f", "csv-excel", "-o", target, TRANSCRIPTS / "zoom.vtt").rc == 0


# -- translated ------------------------------------------------------------------------------

def test_translated_format_of_several_files_of_every_reader(cli):
    files = [TRANSCRIPTS / "zoom.vtt", TRANSCRIPTS / "subtitles.srt", TRANSCRIPTS / "otter.txt"]
    r = cli("decode", "-d", DICT, "-f", "translated", *files)
    assert r.rc == 0, r.err
    headers = [line for line in r.out.splitlines() if line.startswith("==> ")]
    assert headers == [f"==> {f} <==" for f in files]
    zoom = r.out.split("==> ")[1]
    assert "Boris Kim: [без деталей" in zoom and "Верхнеуровнево" not in zoom
    assert cli("decode", "-d", DICT, "--translate", *files).out == r.out      # --translate is the same format


def test_translate_cannot_be_combined_with_another_format(cli):
    r = cli("decode", "-d", DICT, "--translate", "-f", "json", TRANSCRIPTS / "zoom.vtt")
    assert r.rc == 2 and r.err_lines == ["jargon: --translate is -f translated: it cannot be combined with -f json"]


def test_translated_keeps_the_texts_punctuation(cli, write):
    path = write("t.txt", "Коллеги, какова адженда? Верхнеуровнево!\n")
    out = cli("decode", "-d", "ru-corporate", "-d", DICT, "-f", "translated", path).out
    assert out.startswith("[кто-нибудь понимает зачем мы собрались]? ")
    assert "?]" not in out and "]!" in out and "!]" not in out


def test_translated_fills_the_colleague_slot_with_the_name_said(cli, write):
    one = write("a/interview.txt", "Короче, мы с Мариной Олеговной решили идти в эту историю.\n")
    two = write("b/interview.txt", "Она опять челленджила гипотезы Сергея весь созвон.\n")
    out = cli("decode", "-d", "ru-corporate", "-f", "translated", one, two).out
    first, second = out.split(f"==> {two} <==\n")
    assert first.startswith(f"==> {one} <==\nКороче, [ни я, ни Марина Олеговна понятия не имеем")  # nominative
    assert second == "Она опять [когда своих предложений нет, но покритиковать Сергея все-таки хочется] весь созвон.\n"
    assert "Вас" not in out


def test_translate_text_punctuation_rules():
    from jargon.translation import translate_text

    asking = Entry("q", "Ну что", "ты это сделаешь?")
    text = "Ну что? Ну что и всё. Ну что"
    ms = [Match(i, i + 6, "Ну что", asking, "t", 100.0) for i in (0, 8, 22)]
    assert translate_text(text, ms) == "[ты это сделаешь]? [ты это сделаешь?] и всё. [ты это сделаешь?]"
    ending = Entry("e", "всё ясно.", "ничего не ясно.")
    assert translate_text("всё ясно. Дальше", [Match(0, 9, "всё ясно.", ending, "t", 100.0)]) == \
        "[ничего не ясно]. Дальше"                 # the span's own full stop stays, once


def test_slot_filler_is_as_written_without_an_inflecting_language():
    from jargon.text.analyzer import Analyzer
    from jargon.translation import fill_slot, slot_filler

    loop = Entry("loop", "Loop in Bob", "Add Bob, so there's someone else to blame.", placeholders=("Bob",))
    assert slot_filler(loop, "loop in Sarah Connor", Analyzer()) == ["Sarah", "Connor"]
    assert fill_slot(loop.meaning, loop, "loop in Sarah", Analyzer()) == "Add Sarah, so there's someone else to blame."
    assert fill_slot(loop.meaning, loop, "loop in him", Analyzer()) == loop.meaning       # a pronoun: unchanged
