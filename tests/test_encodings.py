"""Transcripts in any common encoding open with no option: detection in jargon.inputs (one code path)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from jargon.contributions import ReadOptions
from jargon.errors import InputError
from jargon.inputs import NotText, decode_bytes, detect_encoding, read_document
from jargon.plugins import get_plugin_manager

DICT = Path(__file__).parent / "fixtures" / "transcripts-dict.toml"
TEXT = ("Интервьюер: Расскажите, как у вас проходят планёрки?\n"
        "Анна Петрова: Ну, верхнеуровнево всё понятно. У меня сейчас большой загруз.\n"
        "Интервьюер: А концептуально?\n")
ENCODINGS = {"cp1251": "cp1251", "utf-16": "utf-16", "utf-8-sig": "utf-8-sig", "utf-8": "utf-8", "koi8-r": "koi8-r"}


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_detected_and_decoded(encoding):
    data = TEXT.encode(encoding)
    assert detect_encoding(data) == ENCODINGS[encoding]
    assert decode_bytes(data, "t.txt") == TEXT          # the BOM is not part of the text


@pytest.mark.parametrize("encoding", ["cp1251", "utf-16", "utf-8-sig"])
def test_cli_decodes_with_no_option_and_finds_matches(cli, tmp_path, encoding):
    path = tmp_path / f"interview-{encoding}.txt"
    path.write_bytes(TEXT.encode(encoding))
    r = cli("decode", "-d", DICT, "-f", "jsonl", path)
    assert r.rc == 0, r.err
    found = [json.loads(line) for line in r.out.splitlines()]
    assert {m["entry"] for m in found} == {"verkhneurovnevo", "zagruz", "kontseptualno"}
    assert {m["speaker"] for m in found} == {"Анна Петрова", "Интервьюер"}


def test_subtitles_in_utf16_are_read(cli, tmp_path):
    vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Анна>Верхнеуровнево всё ясно.\n"
    path = tmp_path / "call.vtt"
    path.write_bytes(vtt.encode("utf-16"))
    r = cli("decode", "-d", DICT, "-f", "jsonl", path)
    assert r.rc == 0, r.err
    assert json.loads(r.out.splitlines()[0])["entry"] == "verkhneurovnevo"


def test_read_document_records_the_encoding(tmp_path):
    path = tmp_path / "t.txt"
    path.write_bytes(TEXT.encode("cp1251"))
    readers = get_plugin_manager().input_readers()
    assert read_document(str(path), readers).encoding == "cp1251"
    assert read_document(str(path), readers, ReadOptions(encoding="cp1251")).encoding == "cp1251"


def test_given_encoding_wins(cli, tmp_path):
    path = tmp_path / "t.txt"
    path.write_bytes(TEXT.encode("cp1251"))
    r = cli("decode", "-d", DICT, "--encoding", "utf-8", path)
    assert r.rc == 2 and "invalid UTF-8 at byte" in r.err


def test_binary_file_is_not_a_transcript(cli, tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(NotText):
        decode_bytes(path.read_bytes(), str(path))
    r = cli("decode", "-d", DICT, path)
    assert r.rc == 2 and r.err_lines == [f"jargon: {path}: not a transcript (binary data, no text encoding fits)"]


def test_a_stray_bad_byte_in_utf8_is_still_an_error():
    data = TEXT.encode("utf-8") + b"\xff oops\n"
    assert detect_encoding(data) == "utf-8"
    with pytest.raises(InputError, match="invalid UTF-8 at byte"):
        decode_bytes(data, "t.txt")
    assert decode_bytes(data, "t.txt", ReadOptions(errors="replace")).endswith("\ufffd oops\n")
