"""Batch decoding: folders with -r, --jobs worker processes, input order, progress only on a terminal."""
from __future__ import annotations

import json
import pickle
import shutil
from pathlib import Path

import pytest

import jargon
from jargon.batch import decode_files, expand_inputs, progress_bar, resolve_jobs
from jargon.catalog import load_dictionaries
from jargon.engine.decoder import Decoder
from jargon.errors import JargonError
from jargon.plugins import get_plugin_manager

FIXTURES = Path(__file__).parent / "fixtures"
TRANSCRIPTS = FIXTURES / "transcripts"
DICT = FIXTURES / "transcripts-dict.toml"


@pytest.fixture
def corpus(tmp_path):
    """A folder tree: transcripts at two levels, a hidden folder and files no reader takes."""
    root = tmp_path / "corpus"
    (root / "b-week").mkdir(parents=True)
    (root / ".cache").mkdir()
    shutil.copy(TRANSCRIPTS / "zoom.vtt", root / "b-week" / "zoom.vtt")
    shutil.copy(TRANSCRIPTS / "otter.txt", root / "a-otter.txt")
    shutil.copy(TRANSCRIPTS / "subtitles.srt", root / "b-week" / "c.srt")
    shutil.copy(TRANSCRIPTS / "colon.txt", root / ".cache" / "old.txt")
    (root / "audio.m4a").write_bytes(b"\x00\x01")
    (root / "README").write_text("no extension: not a transcript in a folder walk\n")
    return root


def test_expand_inputs(corpus):
    readers = get_plugin_manager().input_readers()
    names = expand_inputs([str(corpus), str(TRANSCRIPTS / "teams.vtt")], readers, recursive=True)
    assert [Path(n).relative_to(corpus).as_posix() if str(corpus) in n else Path(n).name for n in names] == [
        "a-otter.txt", "b-week/c.srt", "b-week/zoom.vtt", "teams.vtt"]
    assert expand_inputs([str(corpus)], readers, recursive=False) == [str(corpus)]


def test_resolve_jobs():
    assert resolve_jobs(1, 10) == 1
    assert resolve_jobs(8, 3) == 3
    assert resolve_jobs(0, 1000) >= 1
    with pytest.raises(JargonError):
        resolve_jobs(-1, 5)


def test_decoder_is_picklable():
    decoder = jargon.Decoder(load_dictionaries([str(DICT)]))
    clone = pickle.loads(pickle.dumps(decoder))
    text = "Анна: верхнеуровнево и концептуально\n"
    assert [(m.start, m.end, m.entry.id) for m in clone.decode(text)] == \
           [(m.start, m.end, m.entry.id) for m in decoder.decode(text)]


def test_jobs_give_the_same_results_in_input_order(tmp_path):
    files = []
    for i in range(12):        # distinct contents so that order mistakes show
        src = sorted(TRANSCRIPTS.iterdir())[i % 8]
        target = tmp_path / f"{i:02d}-{src.name}"
        target.write_bytes(src.read_bytes() + (b"" if src.suffix != ".txt" else f"\nЛишняя строка {i}\n".encode()))
        files.append(str(target))
    files.reverse()
    pm = get_plugin_manager()
    decoder = Decoder(load_dictionaries([str(DICT)]), languages=pm.languages())
    readers = pm.input_readers()
    serial = decode_files(files, decoder, readers, jobs=1)
    parallel = decode_files(files, decoder, readers, jobs=3)
    assert [d.document.name for d in parallel] == files
    assert [(d.document.text, [(m.start, m.end, m.entry.id) for m in d.matches],
             [(s.start, s.end, s.speaker, s.time_start) for s in d.document.segments]) for d in parallel] == \
           [(d.document.text, [(m.start, m.end, m.entry.id) for m in d.matches],
             [(s.start, s.end, s.speaker, s.time_start) for s in d.document.segments]) for d in serial]


def test_cli_folder_with_jobs(cli, corpus):
    one = cli("decode", "-r", "-d", DICT, "-f", "jsonl", corpus)
    two = cli("decode", "-r", "--jobs", "2", "-d", DICT, "-f", "jsonl", corpus)
    assert one.rc == two.rc == 0, two.err
    assert one.out == two.out
    files = [Path(json.loads(line)["file"]).name for line in two.out.splitlines()]
    assert files == sorted(files, key=["a-otter.txt", "c.srt", "zoom.vtt"].index)
    assert set(files) == {"a-otter.txt", "c.srt", "zoom.vtt"}
    # not a terminal: no progress bar, only the summary
    assert two.err_lines == one.err_lines == [
        "jargon: 3 files read, 2 other files left out (not transcripts), 7 matches"]   # audio.m4a, README


def test_cli_folder_without_r_is_an_error(cli, corpus):
    r = cli("decode", "-d", DICT, corpus)
    assert r.rc == 2 and r.err_lines == [f"jargon: {corpus}: is a directory (use -r to decode a folder)"]


def test_cli_empty_folder(cli, tmp_path):
    (tmp_path / "empty").mkdir()
    r = cli("decode", "-r", "-d", DICT, tmp_path / "empty")
    assert r.rc == 2 and len(r.err_lines) == 1 and "no transcripts found" in r.err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_bad_file_among_many_is_skipped(cli, corpus, jobs):
    broken = corpus / "b-week" / "broken.vtt"
    broken.write_bytes(b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n\xff\n")
    good = cli("decode", "-r", "-j", jobs, "-d", DICT, "-f", "jsonl", "--exclude", "broken.vtt", corpus)
    r = cli("decode", "-r", "-j", jobs, "-d", DICT, "-f", "jsonl", corpus)
    assert r.rc == 3
    assert r.out == good.out != ""
    assert r.err_lines == [f"jargon: skipped {broken}: invalid UTF-8 at byte 38 (line 4); "
                           f"use --encoding or --errors replace",
                           f"jargon: 3 files read, 1 skipped ({broken}), 2 other files left out (not transcripts), "
                           f"7 matches"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_strict_stops_at_the_first_bad_file(cli, corpus, jobs):
    (corpus / "b-week" / "broken.vtt").write_bytes(b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n\xff\n")
    r = cli("decode", "-r", "--strict", "-j", jobs, "-d", DICT, corpus)
    assert r.rc == 2
    assert len(r.err_lines) == 1 and "broken.vtt: invalid UTF-8 at byte" in r.err
    assert r.out == ""


def test_progress_bar_only_when_asked_or_on_a_terminal(capsys):
    with progress_bar(3) as advance:       # stderr is captured: not a terminal
        advance()
    assert capsys.readouterr().err == ""
    with progress_bar(3, enabled=True) as advance:
        for _ in range(3):
            advance()
    assert capsys.readouterr().err != ""


def _study(root: Path) -> dict[str, Path]:
    """200 transcripts (each says "верхнеуровнево" once), 5 of them broken, plus files that are
    not transcripts: a README, a report and a text output of jargon, sidecars, an audio file."""
    root.mkdir()
    for i in range(195):
        (root / f"interview-{i:03d}.txt").write_text(f"Интервьюер: вопрос {i}\nОльга: верхнеуровнево да\n",
                                                     encoding="utf-8")
    broken = {
        "binary": root / "b-binary.txt",
        "vtttiming": root / "b-timing.vtt",
        "docx": root / "b-notzip.docx",
        "timing": root / "b-timing.srt",
        "bytes": root / "sub" / "b-badbyte.srt",
    }
    broken["binary"].write_bytes(bytes(range(256)) * 4)          # not text in any encoding
    broken["vtttiming"].write_text("WEBVTT\n\n00:01.000 --> 00:99.000\nверхнеуровнево\n", encoding="utf-8")
    broken["docx"].write_bytes(b"PK\x03\x04 not really a zip")
    broken["timing"].write_text("1\n00:00:01,000 --> 00:99:02,000\nверхнеуровнево\n", encoding="utf-8")
    broken["bytes"].parent.mkdir()
    # UTF-8 with one stray byte: not another encoding, a damaged file (UTF-16 and cp1251 files
    # are read: their encoding is detected, docs/transcripts.md)
    broken["bytes"].write_bytes("1\n00:00:01,000 --> 00:00:02,000\nверхнеуровнево ".encode() + b"\xff\n")
    (root / "README.md").write_text("# The study\nverhneurovnevo верхнеуровнево\n", encoding="utf-8")
    (root / "report.md").write_text("# Jargon report\n\nверхнеуровнево\n", encoding="utf-8")
    (root / "found.txt").write_text("x.txt:2:8 [Ольга]  верхнеуровнево  → Верхнеуровнево — смысл  (100)\n",
                                    encoding="utf-8")
    (root / "interview-000.decoded.txt").write_text("верхнеуровнево\n", encoding="utf-8")
    (root / "interview-001.jargon.toml").write_text("[transcript]\nversion = 1\n", encoding="utf-8")
    return broken


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_study_of_200_with_5_broken_files_finishes(cli, tmp_path, jobs):
    root = tmp_path / "study"
    broken = _study(root)
    r = cli("decode", "-r", "-j", jobs, "-d", DICT, "-f", "jsonl", root)
    assert r.rc == 3
    files = [json.loads(line)["file"] for line in r.out.splitlines()]
    assert files == [str(root / f"interview-{i:03d}.txt") for i in range(195)]   # one match each, in order
    skipped = [line for line in r.err_lines if line.startswith("jargon: skipped ")]
    assert sorted(line.split(": ")[1].removeprefix("skipped ") for line in skipped) == \
           sorted(str(p) for p in broken.values())
    assert next(line for line in skipped if "b-binary.txt" in line).endswith(
        "b-binary.txt: not a transcript (binary data, no text encoding fits)")
    assert "invalid UTF-8 at byte" in next(line for line in skipped if "b-badbyte.srt" in line)
    assert "not a readable .docx" in next(line for line in skipped if "b-notzip.docx" in line)
    assert "cue timing" in next(line for line in skipped if "b-timing.srt" in line)
    summary = r.err_lines[-1]
    assert summary.startswith("jargon: 195 files read, 5 skipped (") and summary.endswith(
        "3 jargon outputs left out, 2 other files left out (not transcripts), 195 matches")
    assert all(str(p) in summary for p in broken.values())
    assert len(r.err_lines) == 6


def test_stats_on_a_study_skips_the_broken_files_too(cli, tmp_path):
    root = tmp_path / "study"
    _study(root)
    r = cli("stats", "-r", "-d", DICT, "--format", "json", root)
    assert r.rc == 3
    data = json.loads(r.out)
    assert data["total"]["documents"] == 195 and data["total"]["matches"] == 195
    assert r.err_lines[-1].startswith("jargon: 195 files read, 5 skipped")


def test_include_and_exclude_globs(tmp_path):
    root = tmp_path / "study"
    _study(root)
    readers = get_plugin_manager().input_readers()
    names = [Path(n).name for n in expand_inputs([str(root)], readers, True, include=("b-*",))]
    assert names == ["b-binary.txt", "b-notzip.docx", "b-timing.srt", "b-timing.vtt", "b-badbyte.srt"]
    names = [Path(n).relative_to(root).as_posix()
             for n in expand_inputs([str(root)], readers, True, include=("sub/*", "*-007.txt"))]
    assert names == ["interview-007.txt", "sub/b-badbyte.srt"]
    names = expand_inputs([str(root)], readers, True, exclude=("interview-*", "sub"))
    assert [Path(n).name for n in names] == ["b-binary.txt", "b-notzip.docx", "b-timing.srt", "b-timing.vtt",
                                             "b-badbyte.srt"]


def test_a_folder_walk_never_reads_jargon_outputs_or_the_output_file(tmp_path):
    from jargon.batch import BatchLog

    root = tmp_path / "study"
    _study(root)
    readers = get_plugin_manager().input_readers()
    log = BatchLog()
    names = {Path(n).name for n in expand_inputs([str(root)], readers, True, log=log,
                                                  avoid=(str(root / "interview-005.txt"),))}
    assert not names & {"README.md", "report.md", "found.txt", "interview-000.decoded.txt", "interview-005.txt"}
    assert "interview-004.txt" in names and "interview-000.txt" in names
    assert sorted(Path(p).name for p in log.outputs) == ["found.txt", "interview-000.decoded.txt",
                                                         "interview-005.txt", "report.md"]
    assert sorted(Path(p).name for p in log.others) == ["README.md", "interview-001.jargon.toml"]


def test_cli_output_inside_the_folder_is_not_read_back(cli, tmp_path):
    root = tmp_path / "study"
    _study(root)
    out = root / "results.txt"
    first = cli("decode", "-r", "-d", DICT, "-o", out, root)
    second = cli("decode", "-r", "-d", DICT, "-o", out, root)
    assert first.rc == second.rc == 3
    assert first.err_lines[-1].startswith("jargon: 195 files read,") and second.err_lines[-1].startswith(
        "jargon: 195 files read,")
    assert "4 jargon outputs left out" in second.err_lines[-1]


def test_an_unreadable_subfolder_is_reported_and_skipped(cli, tmp_path, monkeypatch):
    import os

    root = tmp_path / "study"
    _study(root)
    real = os.scandir

    def scandir(path="."):
        if Path(path).name == "sub":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    r = cli("decode", "-r", "-d", DICT, "-f", "jsonl", root)
    assert r.rc == 3
    assert f"jargon: skipped {root / 'sub'}: cannot read this folder: Permission denied" in r.err_lines
    assert "b-latin1.srt" not in r.err


def test_a_broken_sidecar_is_a_warning_and_decoding_goes_on(cli, tmp_path):
    transcript = tmp_path / "a.txt"
    transcript.write_text("Ольга: верхнеуровнево\nОльга: концептуально\n", encoding="utf-8")
    (tmp_path / "a.jargon.toml").write_text("[[decisions]\nbroken", encoding="utf-8")
    for command in (("decode", "-f", "jsonl"), ("stats", "--format", "json")):
        r = cli(*command, "-d", DICT, transcript)
        assert r.rc == 0, r.err
        assert len(r.err_lines) == 1
        assert r.err_lines[0].startswith(f"jargon: warning: {tmp_path / 'a.jargon.toml'}:1: invalid TOML")
        assert r.err_lines[0].endswith("decoding without these decisions")
    assert len(cli("decode", "-f", "jsonl", "-d", DICT, transcript).out.splitlines()) == 2
    strict = cli("decode", "--strict", "-d", DICT, transcript)
    assert strict.rc == 2 and "invalid TOML" in strict.err


def test_large_file_pieces_give_exactly_the_whole_files_matches(tmp_path, monkeypatch):
    import jargon.batch as batch

    lines = [src.read_text(encoding="utf-8") for src in sorted(TRANSCRIPTS.glob("*.txt"))]
    text = "".join(lines * 40)
    big = tmp_path / "big.txt"
    big.write_text(text, encoding="utf-8")
    pm = get_plugin_manager()
    decoder = Decoder(load_dictionaries([str(DICT)]), languages=pm.languages())
    readers = pm.input_readers()
    whole = decode_files([str(big)], decoder, readers, jobs=1)[0]
    monkeypatch.setattr(batch, "SPLIT_CHARS", 10_000)
    monkeypatch.setattr(batch, "PIECE_CHARS", 3_000)
    made = []
    real_pieces = batch.line_pieces
    monkeypatch.setattr(batch, "line_pieces", lambda text: made.append(real_pieces(text)) or made[-1])
    split = decode_files([str(big)], decoder, readers, jobs=2)[0]
    assert len(made) == 1 and len(made[0]) >= 10 and made[0][1][0] == text.find("\n", 3_000) + 1
    assert len(whole.matches) > 100
    assert split.matches == whole.matches
    assert split.document.segments == whole.document.segments


def test_line_pieces_cover_the_text_and_end_at_line_breaks():
    from jargon.batch import line_pieces

    text = "a\n" * 10 + "long line without a break" * 10 + "\nend"
    spans = line_pieces(text, 5)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert all(text[e - 1] == "\n" for _, e in spans[:-1])
    assert line_pieces("") == []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_reader_plugin_that_crashes_on_one_file_is_one_skipped_file(cli, tmp_path, jobs):
    plugin = tmp_path / "boom_reader.py"
    plugin.write_text(
        "from jargon.contributions import InputReader\n"
        "from jargon.hookspecs import hookimpl\n"
        "from jargon.model import Document\n\n"
        "def read(data, name, options):\n"
        "    if b'boom' in data:\n"
        "        raise ValueError('cannot parse row 3')\n"
        "    return Document(data.decode(), name)\n\n"
        "@hookimpl\n"
        "def jargon_input_readers():\n"
        "    return [InputReader('rows', 'rows', ('rows',), read, None)]\n", encoding="utf-8")
    root = tmp_path / "study"
    root.mkdir()
    (root / "a.rows").write_text("boom\n", encoding="utf-8")
    (root / "b.rows").write_text("Концептуально\n", encoding="utf-8")
    r = cli("--plugin", plugin, "decode", "-r", "-j", jobs, "-d", DICT, "-f", "jsonl", root)
    assert r.rc == 3
    assert [json.loads(line)["text"] for line in r.out.splitlines()] == ["Концептуально"]
    assert r.err_lines[0] == (f"jargon: skipped {root / 'a.rows'}: plugin 'boom_reader' failed in input reader 'rows': "
                              "ValueError: cannot parse row 3")


def test_chunks_cover_every_index_once_and_shrink_towards_the_end():
    from jargon.batch import chunks

    for count, workers in ((500, 2), (7, 3), (1, 4), (0, 2)):
        parts = chunks(count, workers)
        assert [i for r in parts for i in r] == list(range(count))
        sizes = [len(r) for r in parts]
        assert sizes == sorted(sizes, reverse=True) and all(1 <= n <= 32 for n in sizes)
    assert len(chunks(500, 2)[-1]) == 1
