"""Bounded work on hostile input (issue 11, item 5): deep TOML and .docx bombs are one line, exit 2.

Timings are not asserted here (bench/hostile.py measures them); these tests pin that the
work is refused before it starts.
"""
from __future__ import annotations

import io
import struct
import tomllib
import zipfile
from pathlib import Path

import pytest

from jargon import tomlread
from jargon.transcript import docx as docx_module

DEPTH = 100_000


def deep_toml(where: str = "x = ") -> str:
    return f'[dictionary]\nname = "deep"\n\n[[entries]]\nid = "a"\nphrase = "b"\nmeaning = "c"\n' \
           f'{where}{"[" * DEPTH}{"]" * DEPTH}\n'


def one_clean_line(result, *needles: str) -> str:
    assert "Traceback" not in result.err
    (line,) = result.err_lines
    assert line.startswith("jargon: ") and all(n in line for n in needles), line
    return line


def test_tomlread_turns_recursion_into_a_decode_error():
    with pytest.raises(tomllib.TOMLDecodeError, match="nested too deeply"):
        tomlread.loads("x = " + "[" * DEPTH + "]" * DEPTH)
    with pytest.raises(tomlread.TomlTooDeep):
        tomlread.loads("x = " + "{a = " * DEPTH + "1" + "}" * DEPTH)
    assert tomlread.loads("x = [[1]]") == {"x": [[1]]}


@pytest.mark.parametrize("argv", [
    ("decode", "-d", "{path}", "{text}"),
    ("lookup", "-d", "{path}", "адженда"),
    ("dict", "show", "{path}"),
    ("dict", "validate", "{path}"),
    ("stats", "-d", "{path}", "{text}"),
])
def test_deep_dictionary_file_is_one_line_and_exit_2(cli, write, argv):
    path = write("deep.toml", deep_toml())
    text = write("a.txt", "Коллеги, какая адженда?\n")
    result = cli(*[a.format(path=path, text=text) for a in argv])
    assert result.rc == 2
    one_clean_line(result, str(path), "nested too deeply")


def test_deep_inline_table_is_one_line_too(cli, write):
    path = write("deep.toml", deep_toml("x = " + "{a = " * DEPTH + "1" + "}" * DEPTH + "\ny = "))
    result = cli("dict", "validate", path)
    assert result.rc == 2
    one_clean_line(result, str(path))


def test_deep_file_in_the_user_dictionary_folder_is_reported_and_skipped(cli, jargon_home, write, tmp_path):
    folder = jargon_home / "data" / "dictionaries"
    folder.mkdir(parents=True)
    (folder / "deep.toml").write_text(deep_toml(), encoding="utf-8")
    text = write("a.txt", "Коллеги, какая адженда?\n")
    for argv in (("dict", "list"), ("decode", text)):
        result = cli(*argv)
        # like any broken installed dictionary: one line naming the file, the others still work
        assert result.rc == 0 and result.out, argv
        one_clean_line(result, "deep.toml", "nested too deeply")


def test_deep_sidecar_is_one_line_and_exit_2(cli, write):
    text = write("a.txt", "Коллеги, какая адженда?\n")
    write("a.jargon.toml", "[transcript]\nx = " + "[" * DEPTH + "]" * DEPTH + "\n")
    result = cli("decode", "-d", "ru-corporate", text)
    assert result.rc == 2
    one_clean_line(result, "nested too deeply")


# -- .docx bombs --------------------------------------------------------------------

def docx_with_document_xml(xml: bytes) -> bytes:
    docx = pytest.importorskip("docx")
    buf = io.BytesIO()
    docx.Document().save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = xml if info.filename == "word/document.xml" else src.read(info.filename)
            z.writestr(info.filename, data)
    return out.getvalue()


def bomb_xml(size: int) -> bytes:
    para = b"<w:p><w:r><w:t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</w:t></w:r></w:p>"
    head = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w='
            b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
    return head + para * (size // len(para)) + b"</w:body></w:document>"


def test_docx_bomb_is_refused_before_parsing(cli, tmp_path, monkeypatch):
    import docx

    data = docx_with_document_xml(bomb_xml(docx_module.MAX_PART_BYTES + 2**20))
    assert len(data) < 2 * 2**20                             # a small file ...
    path = tmp_path / "bomb.docx"
    path.write_bytes(data)

    def never(*args, **kwargs):
        raise AssertionError("python-docx must not see a bomb")

    monkeypatch.setattr(docx, "Document", never)
    result = cli("decode", "-d", "ru-corporate", path)
    assert result.rc == 2
    one_clean_line(result, "bomb.docx", "word/document.xml", "64 MB")


def test_docx_whose_parts_add_up_past_the_total_limit_is_refused(tmp_path):
    from jargon.errors import InputError

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for i in range(docx_module.MAX_TOTAL_BYTES // docx_module.MAX_PART_BYTES + 1):
            z.writestr(f"word/media/zeros{i}.bin", b"\0" * docx_module.MAX_PART_BYTES)
    with pytest.raises(InputError, match="more than the 256 MB"):
        docx_module.check_sizes(buf.getvalue(), "many.docx")


def test_docx_lying_about_its_size_stops_at_the_declared_size(cli, tmp_path):
    data = bytearray(docx_with_document_xml(bomb_xml(4 * 2**20)))
    # declare 1,000 bytes for document.xml in the local header and the central directory
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo("word/document.xml")
    struct.pack_into("<I", data, info.header_offset + 22, 1000)
    for pos in _central_headers(data):
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46: pos + 46 + name_len] == b"word/document.xml":
            struct.pack_into("<I", data, pos + 24, 1000)
    path = tmp_path / "liar.docx"
    path.write_bytes(bytes(data))
    result = cli("decode", "-d", "ru-corporate", path)
    assert result.rc == 2
    one_clean_line(result, "liar.docx", "not a readable .docx")


def _central_headers(data: bytearray) -> list[int]:
    out, pos = [], data.find(b"PK\x01\x02")
    while pos != -1:
        out.append(pos)
        pos = data.find(b"PK\x01\x02", pos + 4)
    return out


def test_a_normal_docx_still_reads(cli, tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("Анна: Коллеги, какая адженда?")
    path = tmp_path / "ok.docx"
    d.save(path)
    result = cli("decode", "-d", "ru-corporate", path)
    assert result.rc == 0 and "адженда" in result.out.lower()


def test_limits_are_documented():
    doc = (Path(__file__).resolve().parent.parent / "docs" / "transcripts.md").read_text(encoding="utf-8")
    assert f"{docx_module.MAX_PART_BYTES // 2**20} MB" in doc and f"{docx_module.MAX_TOTAL_BYTES // 2**20} MB" in doc
