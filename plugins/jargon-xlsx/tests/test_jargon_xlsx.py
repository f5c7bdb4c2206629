"""The xlsx format: sheets, rows and cells of the workbook, and the command line."""
from __future__ import annotations

import io
from pathlib import Path

import jargon_xlsx
from openpyxl import load_workbook

from jargon import Decoder
from jargon.contributions import RenderOptions
from jargon.model import Dictionary, Document, Entry

ENTRY_SYNC = Entry(id="quick-sync", phrase="quick sync", meaning="A meeting that is neither.",
                   tags=("meetings", "time"))
ENTRY_OFFLINE = Entry(id="offline", phrase="take this offline", meaning="Never again.",
                      explicit=True, clean_meaning="Later, maybe.")
DICT = Dictionary(name="probe", entries=(ENTRY_SYNC, ENTRY_OFFLINE), language="en")

TEXT_A = "Hello all.\nCan we do a quick sync today? Then take this offline.\nAnother quick sync tomorrow."
TEXT_B = "=SUM(A1) said Bob. Let's take this offline."


def decode(name: str, text: str):
    return Decoder([DICT]).decode_document(Document(text=text, name=name, path=Path(name)))


def workbook(docs, **options):
    buf = io.BytesIO()
    jargon_xlsx.write_xlsx(buf, docs, RenderOptions(**options))
    buf.seek(0)
    return load_workbook(buf)


def rows(ws):
    return [list(r) for r in ws.iter_rows(values_only=True)]


def test_a_sheet_per_document_and_a_row_per_match():
    docs = [decode("notes/a.txt", TEXT_A), decode("b.txt", TEXT_B)]
    wb = workbook(docs)
    assert wb.sheetnames == ["Summary", "a.txt", "b.txt"]
    header, *body = rows(wb["a.txt"])
    assert header[:3] == ["File", "Line", "Column"] and "Context" in header
    assert len(body) == len(docs[0].matches) == 3
    col = {name: header.index(name) for name in header}
    for row, match in zip(body, docs[0].matches, strict=True):
        assert row[col["Surface"]] == match.text == TEXT_A[match.start:match.end]
        assert row[col["Start"]] == match.start and row[col["Entry"]] == match.entry.id
        assert row[col["File"]] == "notes/a.txt"
    first = body[0]
    assert (first[col["Line"]], first[col["Column"]]) == (2, TEXT_A.split("\n")[1].index("quick") + 1)
    assert first[col["Tags"]] == "meetings; time"
    assert first[col["Context"]] == "Can we do a quick sync today?"


def test_summary_counts_per_document_and_totals():
    wb = workbook([decode("a.txt", TEXT_A), decode("b.txt", TEXT_B)])
    header, *body = rows(wb["Summary"])
    assert header == ["Phrase", "Entry", "Dictionary", "Meaning", "Total", "a.txt", "b.txt"]
    # most frequent first, ties by phrase; then a blank row and the totals
    assert [r[1] for r in body] == ["quick-sync", "offline", None, None]
    assert body[0][4:] == [2, 2, 0] and body[1][4:] == [2, 1, 1]
    assert body[1][3] == "Never again."
    assert body[-1][0] == "Total" and body[-1][4:] == [4, 3, 1]


def test_clean_meanings_and_text_that_looks_like_a_formula():
    wb = workbook([decode("b.txt", TEXT_B)], clean=True)
    header, *body = rows(wb["b.txt"])
    meaning = header.index("Meaning")
    assert [r[meaning] for r in body] == ["Later, maybe."]
    context = wb["b.txt"].cell(row=2, column=header.index("Context") + 1)
    assert context.data_type == "s"
    assert rows(wb["Summary"])[1][3] == "Later, maybe."
    # a document starting with "=": the context cell stays text
    doc = decode("c.txt", "=take this offline")
    ws = workbook([doc])["c.txt"]
    cell = ws.cell(row=2, column=header.index("Context") + 1)
    assert cell.value == "=take this offline" and cell.data_type == "s"


def test_sheet_names_are_valid_and_unique():
    taken = {"summary", "history"}
    names = [jargon_xlsx.sheet_name(n, taken) for n in
             ["x/Summary", "a:b?.txt", "-", "a" * 40 + ".txt", "a" * 40 + ".txt", "dir/HISTORY"]]
    assert names[0] == "Summary (2)"
    assert names[1] == "a_b_.txt" and names[2] == "stdin"
    assert len(names[3]) == 31 and names[4].endswith(" (2)") and len(names[4]) == 31
    assert names[5] == "HISTORY (2)"
    assert len({n.lower() for n in names}) == len(names)


def test_no_matches_gives_headers_only():
    wb = workbook([decode("empty.txt", "nothing to see")])
    assert len(rows(wb["empty.txt"])) == 1
    assert rows(wb["Summary"])[-1][:5] == ["Total", None, None, None, 0]


def test_registered_through_the_hook():
    (fmt,) = jargon_xlsx.jargon_output_formats()
    assert (fmt.name, fmt.extension, fmt.binary) == ("xlsx", "xlsx", True)


def test_command_line(tmp_path, monkeypatch, capsys):
    from jargon.cli import main
    from jargon.plugins import reset_plugin_manager

    monkeypatch.setenv("JARGON_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("JARGON_CONFIG_DIR", str(tmp_path / "config"))
    # load only this plugin, by path: the test works whether or not the package is installed
    monkeypatch.setenv("JARGON_NO_PLUGINS", "1")
    plugin = ["--plugin", str(Path(jargon_xlsx.__file__))]
    source = tmp_path / "meeting.txt"
    source.write_text("Коллеги, какова адженда? Пришлете фоллоуап?\n", encoding="utf-8")
    out = tmp_path / "out.xlsx"
    reset_plugin_manager()
    try:
        assert main(plugin + ["decode", "-f", "xlsx", "-o", str(out), str(source)]) == 0
        wb = load_workbook(out)
        assert wb.sheetnames == ["Summary", "meeting.txt"]
        assert len(rows(wb["meeting.txt"])) >= 2
        capsys.readouterr()
        assert main(plugin + ["decode", "-f", "xlsx", str(source)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "-o FILE" in err and "xlsx" in err
    finally:
        reset_plugin_manager()
