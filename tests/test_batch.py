"""Batch decoding: folders with -r, --jobs worker processes, input order, progress only on a terminal."""
from __future__ import annotations

import json
import pickle
import shutil
from pathlib import Path

import pytest

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
    decoder = Decoder(load_dictionaries([str(DICT)]))
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
    assert two.err_lines == one.err_lines == ["jargon: 3 files read, 7 matches"]


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
    assert r.err_lines == [f"jargon: skipped {broken}: invalid UTF-8 at byte 38 (line 4); use --encoding or --errors replace",
                           f"jargon: 3 files read, 1 skipped ({broken}), 7 matches"]


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
