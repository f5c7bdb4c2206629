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
    for row, (decoded, m) in zip(rows, [(d, m) for d in docs for m in d.matches]):
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
    assert [(x["speaker"], x["time"]) for x in recs] == [("Борис Ким", "00:00:10.200"), ("Анна Петрова", "00:01:02.000")]


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
    assert "| interview.vtt | Анна | 5 | 2 | 400 |" in summary
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
    assert page.items[0] == 'Верхнеуровнево → Верхнеуровнево: без деталей <script>alert("x")</script> & "кавычки" (Анна, 00:00:03)'
    assert page.items[2].startswith("большой\nзагруз → большой загруз: мне лень (Борис, 00:01:01)")
    assert all(h[1:] in page.ids for h in page.hrefs if h.startswith("#"))          # every link has a target
    assert "<b>правда</b> & 1 < 2." in "".join(HTMLText.of(out))
    assert ["interview.vtt", "Анна", "5", "2", "400"] == page.cells[7:12]


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
