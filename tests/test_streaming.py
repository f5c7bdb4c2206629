"""Streaming decode: large plain-text inputs read in blocks, streaming formats written as they go.

Every comparison runs the same command twice: with tiny blocks (``JARGON_BLOCK_CHARS``,
the smallest allowed) so that the inputs are streamed, and with blocks larger than the
inputs, so that they are read whole as before; a spy checks that the first run streamed.
"""
from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

from jargon import blocks
from jargon.blocks import MARGIN, cut_blocks

FIXTURES = Path(__file__).parent / "fixtures"
TRANSCRIPTS = FIXTURES / "transcripts"
DICT = FIXTURES / "transcripts-dict.toml"
SMALL = 2 * MARGIN            # the smallest block JARGON_BLOCK_CHARS allows
STREAMING_FORMATS = ("text", "jsonl", "csv", "csv-excel")

SENTENCES = ("Ну, верхнеуровнево всё понятно.", "Коллеги, какова адженда?", "Дальше у меня сейчас большой загруз.",
             "Концептуально да, но это в планах.", "Просто обычная фраза без жаргона.", "Пришлете фоллоуап?")


def transcript(lines: int, seed: int = 1, labels: bool = True, eol: str = "\n") -> str:
    """A labelled interview (timestamps on some turns, a stray label, blank-line paragraphs)."""
    rng = random.Random(seed)
    out = ["Интервью №3, отдел продаж. Расшифровка: вручную.", ""]
    for i in range(lines):
        said = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(1, 4)))
        if not labels:
            out.append(said)
        elif i % 17 == 5:
            out.append("Итого: она устала.")
        elif i % 11 == 0:
            out.append(f"[00:{i // 60 % 60:02d}:{i % 60:02d}] Ольга: {said}")
        elif i % 29 == 0:
            out.append("")
        else:
            out.append(f"{'Интервьюер' if i % 2 else 'Анна Петрова'}: {said}")
    return eol.join(out) + eol


@pytest.fixture
def streamed(monkeypatch):
    """How many blocks each streamed input was decoded in (``{label: blocks}``)."""
    counts: dict[str, int] = {}
    real = blocks.PlainText.documents

    def spy(self):
        counts.setdefault(self.label, 0)
        for item in real(self):
            counts[self.label] += 1
            yield item

    monkeypatch.setattr(blocks.PlainText, "documents", spy)
    return counts


def both(cli, monkeypatch, streamed, *argv, expect_streamed: bool = True):
    """The results of ``jargon ARGS`` streamed in small blocks and read whole (``streamed`` keeps
    the counts of the first run)."""
    monkeypatch.setenv(blocks.BLOCK_ENV, str(SMALL))
    small = cli(*argv)
    if expect_streamed:
        assert streamed and all(n > 1 for n in streamed.values()), streamed
    counts = dict(streamed)
    streamed.clear()
    monkeypatch.setenv(blocks.BLOCK_ENV, str(10 ** 9))
    whole = cli(*argv)
    assert not streamed
    streamed.update(counts)
    return small, whole


@pytest.mark.parametrize("fmt", STREAMING_FORMATS)
def test_streamed_output_is_identical_with_speakers(cli, monkeypatch, streamed, tmp_path, fmt):
    path = tmp_path / "interview.txt"
    path.write_text(transcript(600), encoding="utf-8")
    small, whole = both(cli, monkeypatch, streamed, "decode", "-d", DICT, "-f", fmt, path)
    assert small.rc == whole.rc == 0
    assert small.out == whole.out and small.err == whole.err
    assert "Анна Петрова" in small.out and "00:00:33" in small.out     # speakers and times came through
    assert small.out.count("\n") > 500


@pytest.mark.parametrize("eol", ["\n", "\r\n"])
def test_streamed_output_is_identical_to_a_file_written_atomically(cli, monkeypatch, streamed, tmp_path, eol):
    path = tmp_path / "interview.txt"
    path.write_bytes(transcript(500, seed=2, eol=eol).encode("utf-8"))
    out = tmp_path / "out.jsonl"
    monkeypatch.setenv(blocks.BLOCK_ENV, str(SMALL))
    assert cli("decode", "-d", DICT, "-o", out, path).rc == 0 and streamed
    first = out.read_bytes()
    streamed.clear()
    monkeypatch.setenv(blocks.BLOCK_ENV, str(10 ** 9))
    assert cli("decode", "-d", DICT, "-o", out, path).rc == 0 and not streamed
    assert out.read_bytes() == first
    monkeypatch.setenv(blocks.BLOCK_ENV, str(SMALL))
    assert cli("decode", "-d", DICT, "-o", out, path).rc == 0 and streamed
    assert out.read_bytes() == first and first.count(b"\n") > 400
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.jsonl.")]     # no temporary file left


def test_offsets_lines_and_columns_are_those_of_the_file(cli, monkeypatch, streamed, tmp_path):
    text = transcript(400, seed=3, eol="\r\n")
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.encode("utf-8"))
    monkeypatch.setenv(blocks.BLOCK_ENV, str(SMALL))
    r = cli("decode", "-d", DICT, "-f", "jsonl", path)
    assert r.rc == 0 and streamed[str(path)] > 5
    lines = text.split("\n")
    recs = [json.loads(line) for line in r.out.splitlines()]
    assert len(recs) > 300
    for rec in recs:
        assert text[rec["start"]:rec["end"]] == rec["text"]
        line = text.count("\n", 0, rec["start"]) + 1
        assert (rec["line"], rec["column"]) == (line, rec["start"] - (text.rfind("\n", 0, rec["start"]) + 1) + 1)
        assert (rec["source_line"], rec["source_column"]) == (rec["line"], rec["column"])
        assert rec["text"] in lines[line - 1]


def test_a_long_line_is_cut_at_a_space_and_a_phrase_across_the_cut_is_found_once(cli, monkeypatch, streamed,
                                                                                   tmp_path):
    # one line shorter than the engine's own piece length, longer than two small blocks
    text = "…".join(["большой загруз"] * 500) + "\n"      # the only spaces are inside the phrases
    path = tmp_path / "line.txt"
    path.write_text(text, encoding="utf-8")
    small, whole = both(cli, monkeypatch, streamed, "decode", "-d", DICT, "-f", "jsonl", path)
    assert small.out == whole.out
    recs = [json.loads(line) for line in small.out.splitlines()]
    starts = [rec["start"] for rec in recs]
    assert len(starts) == len(set(starts)) == 500
    # the blocks' cuts fall inside phrases: each one is still found, once
    monkeypatch.setenv(blocks.BLOCK_ENV, str(SMALL))
    source = blocks.open_plain(str(path), {"text": _text_reader()})
    cuts = [b.end for b, _ in source.documents()][:-1]
    assert cuts and all(any(r["start"] < c < r["end"] for r in recs) for c in cuts)


def _text_reader():
    from jargon.plugins import get_plugin_manager

    return get_plugin_manager().input_readers()["text"]


def test_a_huge_single_line_without_speakers(cli, monkeypatch, streamed, tmp_path):
    rng = random.Random(4)
    text = " ".join(rng.choice(SENTENCES) for _ in range(6000))       # 200,000 characters, no line break
    path = tmp_path / "huge.txt"
    path.write_text(text, encoding="utf-8")
    small, whole = both(cli, monkeypatch, streamed, "decode", "-d", DICT, "-f", "csv", path)
    assert small.out == whole.out and small.out.count("\n") > 2000


def test_a_long_line_cut_where_its_rest_looks_like_a_label_still_streams(cli, monkeypatch, streamed, tmp_path):
    # every third character starts "Ох: " (a label if a line started there): the blocks' windows
    # start at arbitrary places inside the line, and none of them is a line start
    text = "Верхнеуровнево, и " + "Ох: " * 8000 + "Концептуально.\n"
    path = tmp_path / "line.txt"
    path.write_text(text, encoding="utf-8")
    small, whole = both(cli, monkeypatch, streamed, "decode", "-d", DICT, "-f", "jsonl", path)
    assert small.out == whole.out and small.out.count("\n") == 2


def test_near_misses_and_explanations_stream_identically(cli, monkeypatch, streamed, tmp_path):
    path = tmp_path / "interview.txt"
    path.write_text(transcript(300, seed=5).replace("загруз", "загрус"), encoding="utf-8")
    for fmt in ("text", "jsonl"):
        streamed.clear()
        small, whole = both(cli, monkeypatch, streamed, "decode", "-d", DICT, "-f", fmt, "--near-misses",
                            "--explain", "-t", "99", path)
        assert small.out == whole.out and small.rc == 0
        assert ("near misses" in small.out) if fmt == "text" else ('"near_miss": true' in small.out)


def test_a_batch_with_workers_streams_in_input_order(cli, monkeypatch, streamed, tmp_path):
    root = tmp_path / "study"
    (root / "b").mkdir(parents=True)
    for i, lines in enumerate((400, 3, 300, 5)):
        (root / ("b" if i % 2 else "") / f"i{i}.txt").write_text(transcript(lines, seed=i), encoding="utf-8")
    (root / "zoom.vtt").write_bytes((TRANSCRIPTS / "zoom.vtt").read_bytes())
    for fmt in ("text", "csv"):
        streamed.clear()
        small, whole = both(cli, monkeypatch, streamed, "decode", "-d", DICT, "-r", "--jobs", "2", "-f", fmt, root)
        assert small.rc == whole.rc == 0
        assert small.out == whole.out and small.err == whole.err
        assert len(streamed) == 2 and "5 files read" in small.err


def test_a_bad_file_mid_batch_is_one_line_and_the_others_are_whole(cli, monkeypatch, streamed, tmp_path):
    good, bad, last = tmp_path / "1.txt", tmp_path / "2.txt", tmp_path / "3.txt"
    good.write_text(transcript(300, seed=6), encoding="utf-8")
    bad.write_bytes(transcript(300, seed=7).encode("utf-8") + b"\xff\xfe broken\n")   # after its first blocks
    last.write_text(transcript(300, seed=8), encoding="utf-8")
    monkeypatch.setenv(blocks.BLOCK_ENV, str(SMALL))
    r = cli("decode", "-d", DICT, "-f", "jsonl", good, bad, last)
    assert r.rc == 3
    assert len(r.err_lines) == 2 and f"skipped {bad}: invalid UTF-8 at byte {bad.stat().st_size - 10}" in r.err
    assert "2 files read, 1 skipped" in r.err_lines[1]
    files = [json.loads(line)["file"] for line in r.out.splitlines()]
    assert str(bad) not in files and files == sorted(files)
    alone = cli("decode", "-d", DICT, "-f", "jsonl", good).out + cli("decode", "-d", DICT, "-f", "jsonl", last).out
    assert r.out == alone


def test_strict_with_an_output_file_leaves_it_as_it_was(cli, monkeypatch, streamed, tmp_path):
    good, bad = tmp_path / "1.txt", tmp_path / "2.txt"
    good.write_text(transcript(300, seed=6), encoding="utf-8")
    bad.write_bytes(transcript(300, seed=7).encode("utf-8") + b"\xff\n")
    out = tmp_path / "out.csv"
    out.write_text("keep me", encoding="utf-8")
    os.chmod(out, 0o640)
    monkeypatch.setenv(blocks.BLOCK_ENV, str(SMALL))
    r = cli("decode", "-d", DICT, "--strict", "-o", out, good, bad)
    assert r.rc == 2 and len(r.err_lines) == 1 and streamed[str(good)] > 1
    assert out.read_text(encoding="utf-8") == "keep me" and (out.stat().st_mode & 0o777) == 0o640
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.csv.")]     # no temporary file left


def test_fail_on_match_and_the_summary_count_streamed_matches(cli, monkeypatch, streamed, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(transcript(300, seed=9), encoding="utf-8")
    b.write_text(transcript(300, seed=9, labels=False).replace("верхнеуровнево", "x"), encoding="utf-8")
    small, whole = both(cli, monkeypatch, streamed, "decode", "-d", DICT, "--fail-on-match", "-f", "jsonl", a, b)
    assert small.rc == whole.rc == 1 and small.err == whole.err
    assert small.err_lines[-1] == f"jargon: 2 files read, {small.out.count(chr(10))} matches"


def test_formats_without_streaming_still_read_whole(cli, monkeypatch, streamed, tmp_path):
    path = tmp_path / "interview.txt"
    path.write_text(transcript(300, seed=10), encoding="utf-8")
    monkeypatch.setenv(blocks.BLOCK_ENV, str(SMALL))
    jsonl = [json.loads(line) for line in cli("decode", "-d", DICT, "-f", "jsonl", path).out.splitlines()]
    assert streamed
    streamed.clear()
    for fmt in ("json", "markdown", "html", "translated"):
        r = cli("decode", "-d", DICT, "-f", fmt, path)
        assert r.rc == 0 and r.out and not streamed
    doc = json.loads(cli("decode", "-d", DICT, "-f", "json", path).out)
    assert doc["documents"][0]["matches"] == jsonl


def test_legacy_encoding_and_stdin_stream(run_jargon, tmp_path):
    text = transcript(300, seed=11)
    path = tmp_path / "cp1251.txt"
    path.write_bytes(text.encode("cp1251"))
    utf8 = tmp_path / "utf8.txt"
    utf8.write_text(text, encoding="utf-8")
    env = {blocks.BLOCK_ENV: str(SMALL)}
    expected = run_jargon("decode", "-d", DICT, "-f", "jsonl", utf8).out.replace(str(utf8), str(path))
    assert expected.count("\n") > 200
    assert run_jargon("decode", "-d", DICT, "-f", "jsonl", path, **env).out == expected
    piped = run_jargon("decode", "-d", DICT, "-f", "text", "-", input=text, **env)
    whole = run_jargon("decode", "-d", DICT, "-f", "text", "-", input=text)
    assert piped.rc == 0 and piped.out == whole.out and piped.out.count("\n") > 200


def test_a_bad_block_size_is_one_line(cli, monkeypatch, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("x\n", encoding="utf-8")
    monkeypatch.setenv(blocks.BLOCK_ENV, "lots")
    r = cli("decode", "-d", DICT, path)
    assert r.rc == 2 and len(r.err_lines) == 1 and blocks.BLOCK_ENV in r.err


def test_cut_blocks_cover_the_text_once_with_exact_positions():
    rng = random.Random(12)
    for _ in range(200):
        text = "".join(rng.choice(["ab", "c d", "\n", "xyz ", "  ", "\n\n", "qq"]) for _ in range(rng.randint(0, 3000)))
        if rng.random() < 0.3:
            text = "w " * rng.randint(0, 5000)
        chunks, i = [], 0
        while i < len(text):
            k = rng.randint(1, 700)
            chunks.append(text[i:i + k])
            i += k
        size, margin, pos = rng.randint(50, 400), rng.randint(0, 60), 0
        for b in cut_blocks(chunks, size, margin):
            assert b.start == pos and b.base <= b.start < b.end <= b.base + len(b.text)
            assert b.text == text[b.base:b.base + len(b.text)] and b.start - b.base <= margin
            assert b.line == text.count("\n", 0, b.base) + 1
            assert b.column == b.base - (text.rfind("\n", 0, b.base) + 1)
            if b.lines:
                assert b.base == b.start and (b.end == len(text) or text[b.end - 1] == "\n")
                assert b.start == 0 or text[b.start - 1] == "\n"
            pos = b.end
        assert pos == len(text)


def test_one_large_file_with_jobs_is_split_across_workers_not_streamed(cli, monkeypatch, streamed, tmp_path):
    """--jobs N on a single input asks for its speed: it is read whole and split at line ends
    (batch.line_pieces) across the workers, with the same output as streaming it."""
    path = tmp_path / "interview.txt"
    path.write_text(transcript(600, seed=3), encoding="utf-8")
    monkeypatch.setenv(blocks.BLOCK_ENV, str(SMALL))
    parallel = cli("decode", "-d", DICT, "--jobs", "2", "-f", "jsonl", path)
    assert parallel.rc == 0 and not streamed
    alone = cli("decode", "-d", DICT, "-f", "jsonl", path)
    assert alone.rc == 0 and streamed
    assert parallel.out == alone.out

