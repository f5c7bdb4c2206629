"""Built-in plugin: readable reports, ``markdown`` and ``html``.

Each document is shown as its transcript, line by line, with every phrase found
highlighted and numbered; the meanings follow (markdown: footnotes; html: a side list
and the ``title`` of each highlight, so they show on hover), then a summary table per
document and speaker (:mod:`jargon.stats`). The HTML page is standalone: inline CSS, no
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


def _short_time(seconds: float) -> str:
    return (format_time(seconds) or "").split(".")[0]


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
    if line.time is not None:
        text = f"`{_short_time(line.time)}` {text}"
    return text


def write_markdown(out: IO[str], docs: list[DecodedDocument], options: RenderOptions) -> None:
    out.write("# Jargon report\n\n")
    total = sum(len(d.matches) for d in docs)
    out.write(f"{len(docs)} document{'s' if len(docs) != 1 else ''}, {total} phrase{'s' if total != 1 else ''} found.\n")
    for i, decoded in enumerate(docs, 1):
        label = f"d{i}"
        out.write(f"\n## {markdown_inline(decoded.document.name)}\n\n")
        for line in transcript_lines(decoded):
            if any(p.text.strip() for p in line.pieces):
                out.write(_md_line(line, label) + "\n\n")
        matches = sorted(decoded.matches, key=lambda m: m.start)
        if not matches:
            out.write("_No jargon found._\n")
        for n, m in enumerate(matches, 1):
            where = match_where(decoded, m)
            meaning = markdown_inline(m.entry.display_meaning(options.clean))
            out.write(f"[^{label}-{n}]: **{markdown_inline(m.entry.phrase)}**: {meaning}"
                      + (f" ({markdown_inline(where)})" if where else "") + "\n")
    out.write("\n## Summary\n\n")
    out.write("| File | Speaker | Words | Phrases | Per 1,000 words | Top phrases | Top tags |\n")
    out.write("|---|---|---:|---:|---:|---|---|\n")
    from jargon.stats import entries_text, tags_text

    for r in summary_rows(docs):
        file = markdown_inline(r["file"]) if r["file"] is not None else "**all documents**"
        speaker = markdown_inline(r["speaker"]) if r["speaker"] is not None else "all"
        out.write(f"| {file} | {speaker} | {r['words']} | {r['matches']} | {r['per_1000']:g} | "
                  f"{markdown_inline(entries_text(r['top_entries']))} | "
                  f"{markdown_inline(tags_text(r['top_tags']))} |\n")


# -- html ---------------------------------------------------------------------

CSS = """
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header,section{max-width:1100px;margin:0 auto;padding:0 1.25rem}
h1{font-size:1.6rem;margin:1.5rem 0 .25rem}h2{font-size:1.25rem;margin:2rem 0 .75rem;word-break:break-all}
.cols{display:flex;gap:1.5rem;align-items:flex-start}
.transcript{flex:3;background:#fff;border:1px solid #ddd;border-radius:8px;padding:.75rem 1rem}
.transcript p{margin:.35rem 0}
aside{flex:2;position:sticky;top:.5rem;max-height:95vh;overflow:auto}
aside ol{padding-left:1.6rem;margin:0}aside li{margin:.4rem 0}
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
""".strip()


def esc(text: str) -> str:
    return html_text(text)


def _html_line(line: Line, label: str, titles: dict[int, str]) -> str:
    out = []
    if line.time is not None:
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
    from jargon.stats import entries_text, tags_text

    lang = next((getattr(d, "language", "") for d in options.dictionaries), "") or "ru"
    total = sum(len(d.matches) for d in docs)
    w = out.write
    w(f'<!DOCTYPE html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
      '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
      f"<title>Jargon report</title>\n<style>\n{CSS}\n</style>\n</head>\n<body>\n")
    w(f"<header><h1>Jargon report</h1><p>{len(docs)} document{'s' if len(docs) != 1 else ''}, "
      f"{total} phrase{'s' if total != 1 else ''} found.</p></header>\n")
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
    w('<section class="summary">\n<h2>Summary</h2>\n<table>\n<thead><tr><th>File</th><th>Speaker</th><th>Words</th>'
      "<th>Phrases</th><th>Per 1,000 words</th><th>Top phrases</th><th>Top tags</th></tr></thead>\n<tbody>\n")
    for r in summary_rows(docs):
        cls = ' class="doc"' if r["speaker"] is None else ""
        file = esc(r["file"]) if r["file"] is not None else "all documents"
        speaker = esc(r["speaker"]) if r["speaker"] is not None else "all"
        w(f"<tr{cls}><td>{file}</td><td>{speaker}</td><td class=\"n\">{r['words']}</td>"
          f"<td class=\"n\">{r['matches']}</td><td class=\"n\">{r['per_1000']:g}</td>"
          f"<td>{esc(entries_text(r['top_entries']))}</td><td>{esc(tags_text(r['top_tags']))}</td></tr>\n")
    w("</tbody>\n</table>\n</section>\n</body>\n</html>\n")


@hookimpl
def jargon_output_formats():
    return [
        OutputFormat("markdown", "A readable Markdown report: transcript with phrases in bold, meanings as "
                     "footnotes, summary table", "md", write_markdown),
        OutputFormat("html", "A standalone HTML report: highlighted transcript, meanings on hover and in a side "
                     "list, summary table", "html", write_html),
    ]
