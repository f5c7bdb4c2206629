"""jargon.stats and ``jargon stats``: words, matches, per 1,000 words, top entries and tags."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from jargon.model import DecodedDocument, Document, Entry, Match, Segment
from jargon.stats import corpus_stats, count_words, document_stats, flat_rows

FIXTURES = Path(__file__).parent / "fixtures"
TRANSCRIPTS = FIXTURES / "transcripts"
DICT = FIXTURES / "transcripts-dict.toml"

A = Entry("a", "Верхнеуровнево", "m1", tags=("quality", "vague"))
B = Entry("b", "Концептуально", "m2", tags=("vague",))


def make(text, found, segments=()):
    matches, pos = [], 0
    for surface, entry in found:
        start = text.index(surface, pos)
        matches.append(Match(start, start + len(surface), surface, entry, "d", 100.0))
        pos = start + len(surface)
    return DecodedDocument(Document(text, "t.txt", list(segments)), matches)


def test_count_words():
    assert count_words("Ну, верхнеуровнево — всё-таки it's 100% ясно.") == 6
    assert count_words("") == 0


def test_document_and_speaker_counts_exclude_labels():
    text = "Анна: Верхнеуровнево и концептуально.\nБорис: Концептуально да, верхнеуровнево нет, концептуально.\n"
    a0 = text.index("Верх")
    b0 = text.index("Конц", text.index("Борис"))
    segs = [Segment(a0, text.index("\n"), "Анна"), Segment(b0, len(text) - 1, "Борис")]
    d = make(text, [("Верхнеуровнево", A), ("концептуально", B), ("Концептуально", B), ("верхнеуровнево", A),
                    ("концептуально", B)], segs)
    s = document_stats(d)
    assert s.total.words == 3 + 5           # the labels "Анна:" and "Борис:" are not words anybody said
    assert s.total.matches == 5
    assert s.total.per_1000 == 625.0
    assert [(e["phrase"], e["count"]) for e in s.total.top_entries()] == [("Концептуально", 3), ("Верхнеуровнево", 2)]
    assert s.total.top_tags() == [{"tag": "vague", "count": 5}, {"tag": "quality", "count": 2}]
    assert list(s.speakers) == ["Анна", "Борис"]
    anna, boris = s.speakers["Анна"], s.speakers["Борис"]
    assert (anna.words, anna.matches, anna.per_1000) == (3, 2, 666.7)
    assert (boris.words, boris.matches, boris.per_1000) == (5, 3, 600.0)
    assert [(e["phrase"], e["count"]) for e in boris.top_entries(1)] == [("Концептуально", 2)]


def test_no_speakers_means_one_row_and_whole_text_counts():
    s = document_stats(make("Верхнеуровнево всё ясно\n", [("Верхнеуровнево", A)]))
    assert s.speakers == {}
    assert (s.total.words, s.total.matches, s.total.per_1000) == (3, 1, 333.3)
    empty = document_stats(make("", []))
    assert (empty.total.words, empty.total.per_1000) == (0, 0.0)


def test_corpus_total_and_flat_rows():
    d1 = make("Верхнеуровнево раз\n", [("Верхнеуровнево", A)])
    d2 = make("Концептуально два три\n", [("Концептуально", B)])
    per_doc, total = corpus_stats([d1, d2])
    assert (total.words, total.matches) == (5, 2)
    rows = flat_rows(per_doc, total)
    assert [(r["file"], r["speaker"], r["words"]) for r in rows] == [("t.txt", None, 2), ("t.txt", None, 3),
                                                                     (None, None, 5)]


def test_stats_command_json(cli):
    r = cli("stats", "-d", DICT, "--format", "json", TRANSCRIPTS / "zoom.vtt", TRANSCRIPTS / "colon.txt")
    assert r.rc == 0, r.err
    data = json.loads(r.out)
    zoom, colon = data["documents"]
    assert zoom["file"].endswith("zoom.vtt")
    assert [(s["speaker"], s["words"], s["matches"]) for s in zoom["speakers"]] == [("Anna Ivanova", 8, 1),
                                                                                   ("Boris Kim", 6, 2)]
    assert zoom["words"] == 14 and zoom["matches"] == 3 and zoom["per_1000"] == 214.3
    assert [s["speaker"] for s in colon["speakers"]] == [None, "Интервьюер", "Анна Петрова"]
    assert data["total"] == {**data["total"], "documents": 2, "matches": zoom["matches"] + colon["matches"],
                             "words": zoom["words"] + colon["words"]}


def test_stats_command_csv(cli):
    r = cli("stats", "-d", DICT, "--format", "csv", TRANSCRIPTS / "teams.vtt")
    rows = list(csv.DictReader(io.StringIO(r.out)))
    assert [(x["file"].rsplit("/", 1)[-1], x["speaker"], x["words"], x["matches"]) for x in rows] == [
        ("teams.vtt", "", "17", "2"), ("teams.vtt", "Анна Петрова", "11", "1"), ("teams.vtt", "Борис Ким", "6", "1"),
        ("", "", "17", "2")]
    assert rows[2]["top_entries"] == "Верхнеуровнево ×1"
    assert rows[2]["top_tags"] == "quality ×1; vague ×1"


def test_stats_command_table(cli):
    r = cli("stats", "-d", DICT, TRANSCRIPTS / "otter.txt")
    assert r.rc == 0, r.err
    assert "Anna Ivanova" in r.out and "Boris" in r.out and "Per 1,000" in r.out
    assert r.out.count("│ all") == 1


def test_stats_command_bad_input_is_one_line(cli, tmp_path):
    r = cli("stats", "-d", DICT, tmp_path / "missing.vtt")
    assert r.rc == 2 and r.err_lines == [f"jargon: {tmp_path / 'missing.vtt'}: no such file"]


def test_stats_table_shows_markup_like_names_as_text(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "[bold]x[red].txt").write_text("концептуально\n", encoding="utf-8")
    r = cli("stats", "-d", DICT, "[bold]x[red].txt")
    assert r.rc == 0, r.err
    assert "[bold]x[red].txt" in r.out


def _with_sidecar(tmp_path, status="dismissed"):
    from jargon.catalog import load_dictionaries
    from jargon.decisions import Decisions, save_decisions, sidecar_path
    from jargon.engine.decoder import Decoder

    transcript = tmp_path / "a.txt"
    transcript.write_text("Анна: Концептуально да.\nБорис: Верхнеуровнево.\nАнна: Концептуально нет.\n",
                          encoding="utf-8")
    matches = Decoder(load_dictionaries([str(DICT)])).decode(transcript.read_text(encoding="utf-8"))
    decisions = Decisions()
    decisions.set(matches[0], status)
    save_decisions(decisions, sidecar_path(transcript))
    return transcript


def test_stats_and_decode_agree_on_a_transcript_with_a_sidecar(cli, tmp_path):
    transcript = _with_sidecar(tmp_path)
    decode = cli("decode", "-d", DICT, "-f", "jsonl", transcript)
    stats = cli("stats", "-d", DICT, "--format", "json", transcript)
    assert decode.rc == stats.rc == 0
    found = len(decode.out.splitlines())
    assert found == 2 == json.loads(stats.out)["total"]["matches"]
    assert decode.err_lines == stats.err_lines == ["jargon: triage decisions: 1 match removed, 0 confirmed"]
    everything = cli("stats", "-d", DICT, "--format", "json", "--no-decisions", transcript)
    assert json.loads(everything.out)["total"]["matches"] == 3 and everything.err == ""
    other = tmp_path / "none.jargon.toml"
    other.write_text("[transcript]\nversion = 1\n", encoding="utf-8")
    explicit = cli("stats", "-d", DICT, "--format", "json", "--decisions", other, transcript)
    assert json.loads(explicit.out)["total"]["matches"] == 3


def test_a_batch_summary_says_what_the_decisions_removed(cli, tmp_path):
    _with_sidecar(tmp_path)
    (tmp_path / "b.txt").write_text("Анна: Концептуально.\n", encoding="utf-8")
    for command in (("decode", "-f", "jsonl"), ("stats", "--format", "json")):
        r = cli(*command, "-r", "-d", DICT, tmp_path)
        assert r.rc == 0, r.err
        assert r.err_lines == ["jargon: 2 files read, 1 other file left out (not transcripts), 3 matches, "
                               "1 removed by triage decisions"]
