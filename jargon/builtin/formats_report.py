"""Built-in plugin: readable reports, ``markdown`` and ``html``.

A header says what the report covers (transcripts, date, dictionaries and versions,
threshold, triage state); the summary comes first (per phrase, per tag, per file and
speaker, per 1,000 words: :mod:`jargon.stats`), then contents when there are several
transcripts. Each document is shown as its transcript, line by line, with every phrase
found highlighted and numbered; the meanings follow (markdown: footnotes; html: a side
list and the ``title`` of each highlight, so they show on hover). A line's time is shown
only when its text does not already say it. The HTML prints cleanly (``@media print``).
The HTML page is standalone: inline CSS, no
JavaScript, no network. Every text from a transcript or a dictionary is escaped by
:mod:`jargon.escape` (HTML: ``html.escape`` and no control characters; Markdown: backslash
escapes, no line breaks inside a field, no list, heading, rule or code block at a line
start), so ``<script>``, ``&`` or ``\n- item`` in a meaning shows as text.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from jargon.contributions import OutputFormat, RenderOptions
from jargon.escape import html_text, markdown_inline, markdown_line
from jargon.hookspecs import hookimpl
from jargon.model import DecodedDocument, Match, format_time

# -- shared: a transcript cut into lines and pieces ---------------------------

@dataclass
class Piece:
    text: str
    number: int = 0           # 1-based number of the match this piece belongs to (0: plain text)
    first: bool = True        # the first piece of its match (a match may cross a line break)


@dataclass
class Line:
    time: float | None
    pieces: list[Piece]


def transcript_lines(decoded: DecodedDocument) -> Iterator[Line]:
    """The document's lines (without line breaks), each cut into plain and matched pieces.

    ``time`` is the start time of the first segment that starts on the line, if known.
    """
    doc = decoded.document
    text = doc.text
    matches = sorted(decoded.matches, key=lambda m: m.start)
    numbered = list(enumerate(matches, 1))
    seg_starts = [(s.start, s.time_start) for s in doc.segments if s.time_start is not None]
    mi = si = 0
    pos = 0
    for raw_line in text.splitlines(keepends=True):
        ls, le = pos, pos + len(raw_line.rstrip("\r\n"))
        pos += len(raw_line)
        while si < len(seg_starts) and seg_starts[si][0] < ls:
            si += 1
        time = seg_starts[si][1] if si < len(seg_starts) and seg_starts[si][0] < le else None
        pieces: list[Piece] = []
        cur = ls
        while mi < len(numbered) and numbered[mi][1].end <= ls:
            mi += 1
        k = mi
        while k < len(numbered) and numbered[k][1].start < le:
            n, m = numbered[k]
            s, e = max(m.start, ls, cur), min(m.end, le)
            if s >= e:
                k += 1
                continue
            if s > cur:
                pieces.append(Piece(text[cur:s]))
            pieces.append(Piece(text[s:e], n, first=m.start >= ls))
            cur = e
            k += 1
        if cur < le:
            pieces.append(Piece(text[cur:le]))
        yield Line(time, pieces)


def match_where(decoded: DecodedDocument, m: Match) -> str:
    """``Speaker, 00:00:03`` (what is known of who said it and when)."""
    seg = decoded.document.segment_at(m.start) if decoded.document.segments else None
    parts = []
    if seg is not None and seg.speaker:
        parts.append(seg.speaker)
    if seg is not None and seg.time_start is not None:
        parts.append(_short_time(seg.time_start))
    return ", ".join(parts)


def _short_time(seconds: float | None) -> str:
    return (format_time(seconds) or "").split(".")[0]


NOT_A_THEME = frozenset({"explicit"})     # a content flag, not a theme: left out of the per-tag counts


@dataclass
class Facts:
    """What the report's header says: when, from what, with which dictionaries and settings."""

    date: str
    files: list[str]
    dictionaries: list[str]        # "name version"
    threshold: str                 # "" when unknown
    matches: int
    confirmed: int


def report_facts(docs: list[DecodedDocument], options: RenderOptions) -> Facts:
    from datetime import datetime

    dicts = [f"{getattr(d, 'name', d)}" + (f" {d.version}" if getattr(d, "version", "0") not in ("", "0") else "")
             for d in options.dictionaries]
    threshold = options.extra.get("threshold")
    return Facts(date=datetime.now().strftime("%Y-%m-%d %H:%M"),
                 files=[short_name(d.document.name) for d in docs], dictionaries=dicts,
                 threshold=f"{threshold:g}" if isinstance(threshold, (int, float)) else "",
                 matches=sum(len(d.matches) for d in docs),
                 confirmed=sum(1 for d in docs for m in d.matches if getattr(m, "status", None) == "confirmed"))


def short_name(name: str) -> str:
    """A transcript's file name without its folders (the full name heads its own section)."""
    from pathlib import PurePath

    return PurePath(name).name or name


def triage_words(facts: Facts) -> str:
    """The triage state in words: dismissed matches are not in the report at all."""
    return (f"{facts.confirmed} confirmed, {facts.matches - facts.confirmed} not reviewed; "
            "dismissed matches are left out")


def entry_rows(docs: list[DecodedDocument]) -> tuple[list[tuple[str, str, int, float]], list[tuple[str, int]]]:
    """(headword, dictionary, count, per 1,000 words), most frequent first, and (tag, count), over all documents."""
    from jargon.stats import corpus_stats

    _, total = corpus_stats(docs)
    per = (lambda c: round(c * 1000 / total.words, 1)) if total.words else (lambda c: 0.0)
    entries = [(total.phrases[key], key[0], c, per(c)) for key, c in total.entries.most_common()]
    tags = [(t, c) for t, c in total.tags.most_common() if t not in NOT_A_THEME]
    return entries, tags


def shows_time(line: Line) -> bool:
    """Whether the line needs its time shown: not when its text already says it ("[00:12:31] Anna: ...")."""
    if line.time is None:
        return False
    stamp = _short_time(line.time)
    text = "".join(p.text for p in line.pieces)
    return not any(v and v in text for v in (stamp, stamp.removeprefix("00:"), stamp.removeprefix("00:").lstrip("0")))


def summary_rows(docs: list[DecodedDocument]) -> list[dict]:
    from jargon.stats import corpus_stats, flat_rows

    per_doc, total = corpus_stats(docs)
    return flat_rows(per_doc, total if len(per_doc) > 1 else None, top=3)


# -- markdown -----------------------------------------------------------------

def _md_line(line: Line, label: str) -> str:
    out = []
    for p in line.pieces:
        body = markdown_inline(p.text)
        if p.number:
            core = body.strip()
            lead, trail = body[:len(body) - len(body.lstrip())], body[len(body.rstrip()):]
            note = f"[^{label}-{p.number}]" if p.first else ""
            out.append(f"{lead}**{core}**{note}{trail}" if core else body)
        else:
            out.append(body)
    text = markdown_line("".join(out))
    if shows_time(line):
        text = f"`{_short_time(line.time)}` {text}"
    return text


def write_markdown(out: IO[str], docs: list[DecodedDocument], options: RenderOptions) -> None:
    from jargon.stats import entries_text, tags_text

    facts = report_facts(docs, options)
    w = out.write
    w("# Jargon report\n\n")
    header = [f"**Transcripts:** {markdown_inline(', '.join(facts.files)) or 'none'}",
              f"**Date:** {facts.date}",
              f"**Dictionaries:** {markdown_inline(', '.join(facts.dictionaries)) or 'not recorded'}"]
    if facts.threshold:
        header.append(f"**Threshold:** {facts.threshold}")
    header.append(f"**Phrases found:** {facts.matches} ({triage_words(facts)})")
    w("\\\n".join(header) + "\n")             # one paragraph, a hard line break after each fact
    entries, tags = entry_rows(docs)
    w("\n## Summary\n\n")
    if entries:
        w("| Phrase | Dictionary | Count | Per 1,000 words |\n|---|---|---:|---:|\n")
        for phrase, dictionary, count, per in entries:
            w(f"| {markdown_inline(phrase)} | {markdown_inline(dictionary)} | {count} | {per:g} |\n")
        w("\n")
    if tags:
        w("| Tag | Count |\n|---|---:|\n")
        for tag, count in tags:
            w(f"| {markdown_inline(tag)} | {count} |\n")
        w("\n")
    w("| File | Speaker | Words | Phrases | Per 1,000 words | Top phrases | Top tags |\n")
    w("|---|---|---:|---:|---:|---|---|\n")
    for r in summary_rows(docs):
        file = ("" if r["speaker"] is not None else markdown_inline(short_name(r["file"])) if r["file"] is not None
                else "**all documents**")
        speaker = markdown_inline(r["speaker"]) if r["speaker"] is not None else "all"
        w(f"| {file} | {speaker} | {r['words']} | {r['matches']} | {r['per_1000']:g} | "
          f"{markdown_inline(entries_text(r['top_entries']))} | "
          f"{markdown_inline(tags_text(r['top_tags']))} |\n")
    if len(docs) > 1:
        w("\n## Contents\n\n")
        for i, decoded in enumerate(docs, 1):
            w(f"{i}. {markdown_inline(short_name(decoded.document.name))}: {len(decoded.matches)} phrases\n")
    for i, decoded in enumerate(docs, 1):
        label = f"d{i}"
        w(f"\n## {markdown_inline(decoded.document.name)}\n\n")
        for line in transcript_lines(decoded):
            if any(p.text.strip() for p in line.pieces):
                w(_md_line(line, label) + "\n\n")
        matches = sorted(decoded.matches, key=lambda m: m.start)
        if not matches:
            w("_No jargon found._\n")
        for n, m in enumerate(matches, 1):
            where = match_where(decoded, m)
            meaning = markdown_inline(m.entry.display_meaning(options.clean))
            w(f"[^{label}-{n}]: **{markdown_inline(m.entry.phrase)}**: {meaning}"
              + (f" ({markdown_inline(where)})" if where else "") + "\n")


# -- html ---------------------------------------------------------------------

CSS = """
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header,section{max-width:1100px;margin:0 auto;padding:0 1.25rem}
h1{font-size:1.6rem;margin:1.5rem 0 .25rem}h2{font-size:1.25rem;margin:2rem 0 .75rem;word-break:break-all}
.cols{display:flex;gap:1.5rem;align-items:flex-start}
.transcript{flex:3;background:#fff;border:1px solid #ddd;border-radius:8px;padding:.75rem 1rem}
.transcript p{margin:.35rem 0}
aside{flex:2;position:sticky;top:.5rem;max-height:95vh;overflow:auto}
aside ol{padding-left:3.2em;margin:0}aside li{margin:.4rem 0}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.5rem 0 1rem}
.facts dt{color:#555}.facts dd{margin:0}
nav ol{padding-left:2.4em}
.tables{display:flex;flex-wrap:wrap;gap:1.25rem}.tables table{width:auto;min-width:16rem}
mark{background:#ffe58a;border-radius:3px;padding:0 .1em;cursor:help}
mark a{color:inherit;text-decoration:none}
sup{color:#8a6d00;font-size:.7em}
.time{color:#777;font:12px ui-monospace,monospace;margin-right:.5em}
.who{color:#777;font-size:.85em}
.none{color:#777;font-style:italic}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.9rem}
th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.doc td{font-weight:600}
@media (max-width:800px){.cols{display:block}aside{position:static;max-height:none}}
@media print{body{background:#fff;font-size:11pt}.cols{display:block}
aside{position:static;max-height:none;overflow:visible}
.transcript{border:none;padding:0}mark{background:#fff0b3;-webkit-print-color-adjust:exact;print-color-adjust:exact}
mark a{text-decoration:none}section.doc{break-before:page}tr,li,p{break-inside:avoid}}
""".strip()


def esc(text: str) -> str:
    return html_text(text)


def _html_line(line: Line, label: str, titles: dict[int, str]) -> str:
    out = []
    if shows_time(line):
        out.append(f'<span class="time">{esc(_short_time(line.time))}</span>')
    for p in line.pieces:
        if not p.number:
            out.append(esc(p.text))
            continue
        ident = f' id="{label}-m{p.number}"' if p.first else ""
        out.append(f'<mark title="{esc(titles[p.number])}"{ident}><a href="#{label}-n{p.number}">'
                   f"{esc(p.text)}</a></mark>" + (f"<sup>{p.number}</sup>" if p.first else ""))
    return "<p>" + "".join(out) + "</p>"


def write_html(out: IO[str], docs: list[DecodedDocument], options: RenderOptions) -> None:
    lang = next((getattr(d, "language", "") for d in options.dictionaries), "") or "ru"
    total = sum(len(d.matches) for d in docs)
    w = out.write
    w(f'<!DOCTYPE html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
      '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
      f"<title>Jargon report</title>\n<style>\n{CSS}\n</style>\n</head>\n<body>\n")
    facts = report_facts(docs, options)
    w("<header><h1>Jargon report</h1>\n<dl class=\"facts\">\n")
    w(f"<dt>Transcripts</dt><dd>{esc(', '.join(facts.files)) or 'none'}</dd>\n")
    w(f"<dt>Date</dt><dd>{esc(facts.date)}</dd>\n")
    w(f"<dt>Dictionaries</dt><dd>{esc(', '.join(facts.dictionaries)) or 'not recorded'}</dd>\n")
    if facts.threshold:
        w(f"<dt>Threshold</dt><dd>{esc(facts.threshold)}</dd>\n")
    w(f"<dt>Phrases found</dt><dd>{total} ({esc(triage_words(facts))})</dd>\n</dl>\n</header>\n")
    _html_summary(w, docs)
    if len(docs) > 1:
        w('<section class="contents"><h2>Contents</h2><nav><ol>\n')
        for i, decoded in enumerate(docs, 1):
            name = esc(short_name(decoded.document.name))
            w(f'<li><a href="#d{i}">{name}</a>: {len(decoded.matches)} phrases</li>\n')
        w("</ol></nav></section>\n")
    for i, decoded in enumerate(docs, 1):
        label = f"d{i}"
        matches = sorted(decoded.matches, key=lambda m: m.start)
        titles = {n: f"{m.entry.phrase}: {m.entry.display_meaning(options.clean)}" for n, m in enumerate(matches, 1)}
        w(f'<section class="doc" id="{label}">\n<h2>{esc(decoded.document.name)}</h2>\n<div class="cols">\n'
          '<div class="transcript">\n')
        for line in transcript_lines(decoded):
            if any(p.text.strip() for p in line.pieces):
                w(_html_line(line, label, titles) + "\n")
        w("</div>\n<aside>\n<h3>Phrases</h3>\n")
        if not matches:
            w('<p class="none">No jargon found.</p>\n')
        else:
            w("<ol>\n")
            for n, m in enumerate(matches, 1):
                where = match_where(decoded, m)
                w(f'<li id="{label}-n{n}"><a href="#{label}-m{n}">{esc(m.text)}</a> → <b>{esc(m.entry.phrase)}</b>: '
                  f"{esc(m.entry.display_meaning(options.clean))}"
                  + (f' <span class="who">({esc(where)})</span>' if where else "") + "</li>\n")
            w("</ol>\n")
        w("</aside>\n</div>\n</section>\n")
    w("</body>\n</html>\n")


def _html_summary(w, docs: list[DecodedDocument]) -> None:
    """The summary, first: per phrase, per tag, then per file and speaker."""
    from jargon.stats import entries_text, tags_text

    entries, tags = entry_rows(docs)
    w('<section class="summary">\n<h2>Summary</h2>\n<div class="tables">\n')
    if entries:
        w("<table><thead><tr><th>Phrase</th><th>Dictionary</th><th>Count</th><th>Per 1,000 words</th></tr>"
          "</thead>\n<tbody>\n")
        for phrase, dictionary, count, per in entries:
            w(f'<tr><td>{esc(phrase)}</td><td>{esc(dictionary)}</td><td class="n">{count}</td>'
              f'<td class="n">{per:g}</td></tr>\n')
        w("</tbody></table>\n")
    if tags:
        w("<table><thead><tr><th>Tag</th><th>Count</th></tr></thead>\n<tbody>\n")
        for tag, count in tags:
            w(f'<tr><td>{esc(tag)}</td><td class="n">{count}</td></tr>\n')
        w("</tbody></table>\n")
    w("</div>\n<h3>By file and speaker</h3>\n<table>\n<thead><tr><th>File</th><th>Speaker</th><th>Words</th>"
      "<th>Phrases</th><th>Per 1,000 words</th><th>Top phrases</th><th>Top tags</th></tr></thead>\n<tbody>\n")
    for r in summary_rows(docs):
        cls = ' class="doc"' if r["speaker"] is None else ""
        file = ("" if r["speaker"] is not None else esc(short_name(r["file"])) if r["file"] is not None
                else "all documents")
        speaker = esc(r["speaker"]) if r["speaker"] is not None else "all"
        w(f"<tr{cls}><td>{file}</td><td>{speaker}</td><td class=\"n\">{r['words']}</td>"
          f"<td class=\"n\">{r['matches']}</td><td class=\"n\">{r['per_1000']:g}</td>"
          f"<td>{esc(entries_text(r['top_entries']))}</td><td>{esc(tags_text(r['top_tags']))}</td></tr>\n")
    w("</tbody>\n</table>\n</section>\n")


@hookimpl
def jargon_output_formats():
    return [
        OutputFormat("markdown", "A readable Markdown report: transcript with phrases in bold, meanings as "
                     "footnotes, summary table", "md", write_markdown),
        OutputFormat("html", "A standalone HTML report: highlighted transcript, meanings on hover and in a side "
                     "list, summary table", "html", write_html),
    ]
