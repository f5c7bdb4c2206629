"""The HTML and Markdown reports as a researcher sends them: header, summary first, contents, times once."""
from __future__ import annotations

import io
import re
from pathlib import Path

from jargon.builtin.formats_report import CSS
from jargon.contributions import RenderOptions
from jargon.decisions import CONFIRMED, TriagedMatch
from jargon.model import DecodedDocument, Dictionary, Document, Entry, Match, Segment
from jargon.plugins import get_plugin_manager

VAGUE = Entry("vague", "Концептуально", "в общих чертах <b>", tags=("vague", "explicit"))
LOAD = Entry("load", "загруз", "мне лень", tags=("workload",))
DICTS = [Dictionary("corp [x]", (VAGUE, LOAD), version="2.1"), Dictionary("plain", ())]


def doc(name: str, text: str, found: list[tuple[str, Entry]], segments=(), confirmed=()) -> DecodedDocument:
    document = Document(text=text, name=name, segments=list(segments), path=Path(name))
    matches, pos = [], 0
    for k, (surface, entry) in enumerate(found):
        start = text.index(surface, pos)
        if k in confirmed:
            matches.append(TriagedMatch(start, start + len(surface), surface, entry, "corp [x]", 90.0, CONFIRMED, ""))
        else:
            matches.append(Match(start, start + len(surface), surface, entry, "corp [x]", 90.0))
        pos = start + len(surface)
    return DecodedDocument(document, matches)


def two_docs() -> list[DecodedDocument]:
    text = "[00:12:31] Анна: Концептуально да, загруз.\n[00:13:00] Борис: Концептуально нет.\n"
    segs = [Segment(text.index("Концептуально"), text.index("\n"), "Анна", 751.0, 779.0),
            Segment(text.rindex("Концептуально"), len(text) - 1, "Борис", 780.0, 790.0)]
    first = doc("/data/wave 1/interview-a.txt", text,
                [("Концептуально", VAGUE), ("загруз", LOAD), ("Концептуально", VAGUE)], segs, confirmed=(0,))
    cues = "Анна: Концептуально.\n"
    second = doc("call.vtt", cues, [("Концептуально", VAGUE)], [Segment(6, len(cues) - 1, "Анна", 5.0, 8.0)])
    return [first, second]


def render(fmt: str, docs: list[DecodedDocument]) -> str:
    out = io.StringIO()
    options = RenderOptions(dictionaries=DICTS, extra={"threshold": 80.0})
    get_plugin_manager().output_formats()[fmt].write(out, docs, options)
    return out.getvalue()


def test_html_header_names_transcripts_date_dictionaries_threshold_and_triage():
    out = render("html", two_docs())
    header = out.split("</header>", 1)[0]
    assert "<dt>Transcripts</dt><dd>interview-a.txt, call.vtt</dd>" in header
    assert re.search(r"<dt>Date</dt><dd>\d{4}-\d\d-\d\d \d\d:\d\d</dd>", header)
    assert "<dt>Dictionaries</dt><dd>corp [x] 2.1, plain</dd>" in header
    assert "<dt>Threshold</dt><dd>80</dd>" in header
    assert "4 (1 confirmed, 3 not reviewed; dismissed matches are left out)" in header


def test_html_summary_comes_first_then_contents_then_documents():
    out = render("html", two_docs())
    summary, contents = out.index('<section class="summary">'), out.index('<section class="contents">')
    first_doc = out.index('<section class="doc"')
    assert summary < contents < first_doc
    part = out[summary:contents]
    assert "<td>Концептуально</td><td>corp [x]</td><td class=\"n\">3</td>" in part       # per entry
    assert "<td>workload</td>" in part and "<td>vague</td>" in part                       # per tag ...
    assert "<td>explicit</td>" not in part                                                # ... a flag is no theme
    assert "<td>Борис</td>" in part                                                       # per speaker
    assert '<li><a href="#d1">interview-a.txt</a>: 3 phrases</li>' in out[contents:first_doc]
    assert 'id="d1"' in out and 'id="d2"' in out


def test_one_transcript_has_no_contents():
    assert '<section class="contents">' not in render("html", two_docs()[:1])


def test_times_are_shown_once():
    out = render("html", two_docs())
    first, second = out.split('<section class="doc"')[1:3]
    assert first.count("00:12:31") == 1 + first.count("(Анна, 00:12:31)")   # in the text, and in the side list
    assert '<span class="time">' not in first                                # the text already says when
    assert '<span class="time">00:00:05</span>' in second                   # subtitles: the time is not in the text
    md = render("markdown", two_docs())
    assert "`00:12:31`" not in md and "`00:00:05` Анна" in md


def test_list_numbers_have_room_and_the_page_prints():
    assert re.search(r"aside ol\{padding-left:(\d+(?:\.\d+)?)em", CSS)
    assert float(re.search(r"aside ol\{padding-left:(\d+(?:\.\d+)?)em", CSS).group(1)) >= 2.5   # "10." fits
    assert "@media print" in CSS and "overflow:visible" in CSS.split("@media print", 1)[1]


def test_markdown_header_and_summary_first():
    md = render("markdown", two_docs())
    assert md.index("**Transcripts:** interview-a.txt, call.vtt") < md.index("## Summary") < md.index("## Contents")
    assert md.index("## Contents") < md.index("## /data/wave 1/interview-a.txt")
    assert "**Threshold:** 80" in md and "1 confirmed, 3 not reviewed" in md
    assert "| Концептуально | corp \\[x\\] | 3 |" in md
