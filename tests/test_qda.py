"""REFI-QDA exports: the qdc codebook and the qdpx project validate against the official
schemas (copied into tests/fixtures/refi-qda/) and point at the right text."""
from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from jargon.builtin.formats_qda import (
    CODEBOOK_CSV_COLUMNS,
    NO_TAG_COLOR,
    lf_offset,
    lf_source,
    write_codebook_csv,
    write_qdc,
    write_qdpx,
)
from jargon.contributions import RenderOptions
from jargon.model import DecodedDocument, Dictionary, Document, Entry, Match, Segment

xmlschema = pytest.importorskip("xmlschema")

FIXTURES = Path(__file__).parent / "fixtures"
SCHEMAS = FIXTURES / "refi-qda"
TRANSCRIPTS = FIXTURES / "transcripts"
DICT = FIXTURES / "transcripts-dict.toml"
P = "{urn:QDA-XML:project:1.0}"
C = "{urn:QDA-XML:codebook:1.0}"
GUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")

EVIL = Entry("evil", "Верхнеуровнево <b>", 'без деталей <script>alert("x")</script> & "кавычки"',
             tags=("quality", "vague"))
PLAIN = Entry("plain", "Концептуально", "в общих чертах", tags=("vague",))
NOTAG = Entry("notag", "большой загруз", "мне лень")
DICTIONARY = Dictionary("test", (EVIL, PLAIN, NOTAG))


@pytest.fixture(scope="module")
def project_schema():
    return xmlschema.XMLSchema(str(SCHEMAS / "Project.xsd"))


@pytest.fixture(scope="module")
def codebook_schema():
    return xmlschema.XMLSchema(str(SCHEMAS / "Codebook.xsd"))


def doc_with(text, found, segments=(), name="a.txt"):
    matches, pos = [], 0
    for surface, entry in found:
        start = text.index(surface, pos)
        matches.append(Match(start, start + len(surface), surface, entry, "test", 100.0))
        pos = start + len(surface)
    return DecodedDocument(Document(text, name, list(segments)), matches)


def sample():
    text = "Анна: Верхнеуровнево всё ясно.\r\nБорис: Концептуально — да.\r\nАнна: 😀 большой загруз\r\n"
    segs = []
    for line_start, who in ((0, "Анна"), (text.index("Борис"), "Борис"), (text.index("Анна: 😀"), "Анна")):
        s = text.index(": ", line_start) + 2
        segs.append(Segment(s, text.index("\r\n", s), who, float(len(segs) * 10)))
    first = doc_with(text, [("Верхнеуровнево", EVIL), ("Концептуально", PLAIN), ("большой загруз", NOTAG)], segs,
                     "interview & <co>.txt")
    second = doc_with("без спикеров, концептуально\n", [("концептуально", PLAIN)], name="notes.txt")
    return [first, second]


def qdpx(docs, **options) -> zipfile.ZipFile:
    buf = io.BytesIO()
    write_qdpx(buf, docs, RenderOptions(dictionaries=[DICTIONARY], **options))
    return zipfile.ZipFile(io.BytesIO(buf.getvalue()))


def test_lf_offsets():
    text = "a\r\nbc\rd\r\ne"
    lf, removed = lf_source(text)
    assert lf == "a\nbc\nd\ne"
    for i, ch in enumerate(text):
        if ch != "\r" or text[i + 1:i + 2] != "\n":
            assert lf[lf_offset(i, removed)] == ("\n" if ch == "\r" else ch)


def test_qdc_codebook_validates_and_groups(codebook_schema):
    out = io.StringIO()
    write_qdc(out, [], RenderOptions(dictionaries=[DICTIONARY]))
    xml = out.getvalue()
    codebook_schema.validate(xml)
    root = ET.fromstring(xml)
    top = root.find(f"{C}Codes").findall(f"{C}Code")
    assert [(c.get("name"), c.get("isCodable")) for c in top] == [("test", "false")]
    children = top[0].findall(f"{C}Code")
    assert [(c.get("name"), c.get("isCodable")) for c in children] == [
        ("quality (test)", "false"), ("vague (test)", "false"), ("большой загруз", "true")]
    evil = children[0].find(f"{C}Code")
    assert evil.get("name") == "Верхнеуровнево <b>"
    assert evil.find(f"{C}Description").text == 'без деталей <script>alert("x")</script> & "кавычки"'
    assert "<script>" not in xml and "&lt;script&gt;" in xml
    codes = root.iter(f"{C}Code")
    assert all(GUID_RE.match(c.get("guid")) for c in codes)
    sets = {s.get("name"): [m.get("guid") for m in s] for s in root.find(f"{C}Sets")}
    assert set(sets) == {"test: quality", "test: vague"}
    assert evil.get("guid") in sets["test: vague"]          # a second tag is a set membership
    assert len(sets["test: vague"]) == 2


def test_qdpx_validates_and_selections_point_at_the_text(project_schema):
    docs = sample()
    z = qdpx(docs)
    names = z.namelist()
    assert names[0] == "project.qde"
    assert all(n == "project.qde" or re.match(r"^sources/[0-9a-f-]{36}\.txt$", n) for n in names)
    qde = z.read("project.qde").decode("utf-8")
    project_schema.validate(qde)
    root = ET.fromstring(qde)
    assert [child.tag.replace(P, "") for child in root] == ["Users", "CodeBook", "Variables", "Cases", "Sources",
                                                            "Sets", "Description"]
    sources = root.find(f"{P}Sources").findall(f"{P}TextSource")
    assert [s.get("name") for s in sources] == ["interview & <co>", "notes"]
    codes = {c.get("guid"): c for c in root.iter(f"{P}Code")}
    found = []
    for src, decoded in zip(sources, docs, strict=True):
        path = src.get("plainTextPath")
        assert path.startswith("internal://")
        stored = z.read("sources/" + path[len("internal://"):])
        assert b"\r" not in stored
        text = stored.decode("utf-8")
        assert text == decoded.document.text.replace("\r\n", "\n")
        for sel in src.findall(f"{P}PlainTextSelection"):
            start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
            code = codes[sel.find(f"{P}Coding/{P}CodeRef").get("targetGUID")]
            assert code.get("isCodable") == "true"
            assert text[start:end] == sel.get("name")
            assert sel.find(f"{P}Description").text == code.find(f"{P}Description").text
            found.append((text[start:end], code.get("name")))
    assert found == [("Верхнеуровнево", "Верхнеуровнево <b>"), ("Концептуально", "Концептуально"),
                     ("большой загруз", "большой загруз"), ("концептуально", "Концептуально")]
    # code points, not UTF-16 units or bytes: the emoji before the last phrase counts once
    last = sources[0].findall(f"{P}PlainTextSelection")[-1]
    assert int(last.get("startPosition")) == docs[0].document.text.replace("\r\n", "\n").index("большой")


def test_qdpx_speakers_are_cases_and_a_variable(project_schema):
    root = ET.fromstring(qdpx(sample()).read("project.qde"))
    selections = {s.get("guid"): s.get("name") for s in root.iter(f"{P}PlainTextSelection")}
    cases = {c.get("name"): [selections[r.get("targetGUID")] for r in c.findall(f"{P}SelectionRef")]
             for c in root.find(f"{P}Cases")}
    assert cases == {"Анна": ["Верхнеуровнево", "большой загруз"], "Борис": ["Концептуально"]}
    var = root.find(f"{P}Variables/{P}Variable")
    assert var.get("name") == "Speakers"
    values = [v.find(f"{P}TextValue").text for v in root.iter(f"{P}VariableValue")]
    assert values == ["Анна, Борис"]          # only the source that has speakers


def test_qdpx_is_reproducible():
    first = qdpx(sample())
    second = qdpx(sample())
    assert [(i.filename, i.CRC) for i in first.infolist()] == [(i.filename, i.CRC) for i in second.infolist()]


def test_qdpx_without_matches_or_speakers_still_validates(project_schema):
    z = qdpx([doc_with("ничего\n", [])])
    root = ET.fromstring(z.read("project.qde"))
    project_schema.validate(z.read("project.qde").decode())
    assert root.find(f"{P}Cases") is None and root.find(f"{P}Variables") is None


def test_qdpx_from_cli_on_real_transcripts(cli, tmp_path, project_schema):
    target = tmp_path / "project.qdpx"
    files = [TRANSCRIPTS / n for n in ("teams.vtt", "zoom.vtt", "otter.txt", "subtitles.srt")]
    r = cli("decode", "-d", DICT, "-f", "qdpx", "-o", target, *files)
    assert r.rc == 0, r.err
    z = zipfile.ZipFile(target)
    qde = z.read("project.qde").decode()
    project_schema.validate(qde)
    root = ET.fromstring(qde)
    count = 0
    for src in root.iter(f"{P}TextSource"):
        text = z.read("sources/" + src.get("plainTextPath")[len("internal://"):]).decode()
        for sel in src.findall(f"{P}PlainTextSelection"):
            assert text[int(sel.get("startPosition")):int(sel.get("endPosition"))].lower() in (
                "верхнеуровнево", "концептуально", "большой загруз")
            count += 1
    assert count == 9
    assert {c.get("name") for c in root.find(f"{P}Cases")} >= {"Борис Ким", "Anna Ivanova", "Boris", "Анна"}


def test_qdpx_needs_an_output_file(cli):
    r = cli("decode", "-d", DICT, "-f", "qdpx", TRANSCRIPTS / "zoom.vtt")
    assert r.rc == 2
    assert r.err_lines == ["jargon: format 'qdpx' is binary: give an output file with -o FILE"]


def test_qdc_from_cli(cli, tmp_path, codebook_schema):
    target = tmp_path / "codes.qdc"
    r = cli("decode", "-d", DICT, "-f", "qdc", "-o", target, TRANSCRIPTS / "zoom.vtt")
    assert r.rc == 0, r.err
    codebook_schema.validate(str(target))
    names = [c.get("name") for c in ET.parse(target).getroot().iter(f"{C}Code") if c.get("isCodable") == "true"]
    assert sorted(names) == ["Верхнеуровнево", "Концептуально", "большой загруз"]


def test_schema_check_is_not_vacuous(project_schema):
    qde = qdpx(sample()).read("project.qde").decode()
    project_schema.validate(qde)
    guid = re.search(r'guid="([0-9a-f-]{36})"', qde).group(1)
    with pytest.raises(xmlschema.XMLSchemaValidationError):
        project_schema.validate(qde.replace(guid, guid.replace("-", "")))
    with pytest.raises(xmlschema.XMLSchemaValidationError):
        project_schema.validate(qde.replace("<Description>Corporate", "<Sets />\n <Description>Corporate"))


# -- names, GUIDs, colours and dates that import cleanly ------------------------------------

SAME = Entry("same-b", "Концептуально", "мы ещё ничего не решили", tags=("vague",))
OTHER = Dictionary("other", (SAME,))


def guids(qde: bytes) -> set[str]:
    """Every GUID a project defines or refers to."""
    found = set()
    for el in ET.fromstring(qde).iter():
        for key, value in el.attrib.items():
            if key in ("guid", "targetGUID", "creatingUser", "creatingUserGUID"):
                found.add(value)
    return found


def test_exports_of_different_same_named_files_share_no_guid():
    one = qdpx([doc_with("Концептуально: да.\n", [("Концептуально", PLAIN)], name="study1/interview.txt")])
    two = qdpx([doc_with("Концептуально: нет.\n", [("Концептуально", PLAIN)], name="study2/interview.txt")])
    first, second = guids(one.read("project.qde")), guids(two.read("project.qde"))
    assert len(first) > 10 and all(GUID_RE.match(g) for g in first | second)
    assert not first & second
    again = qdpx([doc_with("Концептуально: да.\n", [("Концептуально", PLAIN)], name="study1/interview.txt")])
    assert guids(again.read("project.qde")) == first              # the same inputs: the same GUIDs


def test_a_dictionary_change_changes_the_guids():
    doc = [doc_with("Концептуально.\n", [("Концептуально", PLAIN)])]
    buf = io.BytesIO()
    write_qdpx(buf, doc, RenderOptions(dictionaries=[DICTIONARY, OTHER]))
    assert not guids(qdpx(doc).read("project.qde")) & guids(zipfile.ZipFile(buf).read("project.qde"))


def two_dictionaries(project_schema=None):
    text = "Концептуально — да. Концептуально — нет.\n"
    first = doc_with(text, [("Концептуально", PLAIN)], name="a/interview.txt")
    second = doc_with(text, [("Концептуально", PLAIN)], name="b/interview.txt")
    s = text.index("Концептуально", 5)
    second.matches[0] = Match(s, s + 13, "Концептуально", SAME, "other", 100.0)
    buf = io.BytesIO()
    write_qdpx(buf, [first, second], RenderOptions(dictionaries=[DICTIONARY, OTHER]))
    return zipfile.ZipFile(io.BytesIO(buf.getvalue()))


def test_a_headword_in_two_dictionaries_gives_two_distinctly_named_codes(project_schema):
    z = two_dictionaries()
    qde = z.read("project.qde").decode()
    project_schema.validate(qde)
    root = ET.fromstring(qde)
    codes = {c.get("guid"): c.get("name") for c in root.iter(f"{P}Code") if c.get("isCodable") == "true"}
    names = list(codes.values())
    assert len(names) == len(set(names)) == 4
    assert {"Концептуально (test)", "Концептуально (other)"} <= set(names)
    assert "большой загруз" in names                              # no collision: the headword as is
    coded = [codes[r.get("targetGUID")] for r in root.iter(f"{P}CodeRef")]
    assert coded == ["Концептуально (test)", "Концептуально (other)"]
    folders = [c.get("name") for c in root.iter(f"{P}Code") if c.get("isCodable") == "false"]
    assert folders == ["test", "quality (test)", "vague (test)", "other", "vague (other)"]


def test_sources_are_named_by_file_name_and_the_path_is_in_the_description():
    root = ET.fromstring(two_dictionaries().read("project.qde"))
    sources = root.findall(f"{P}Sources/{P}TextSource")
    assert [s.get("name") for s in sources] == ["interview (a)", "interview (b)"]
    assert [s.find(f"{P}Description").text.split(",")[0] for s in sources] == ["a/interview.txt", "b/interview.txt"]
    unique = ET.fromstring(qdpx([doc_with("x\n", [], name="deep/er/one.txt"), doc_with("y\n", [], name="two.vtt")])
                           .read("project.qde"))
    assert [s.get("name") for s in unique.iter(f"{P}TextSource")] == ["one", "two"]


def test_codes_are_coloured_by_tag():
    root = ET.fromstring(two_dictionaries().read("project.qde"))
    color = {c.get("name"): c.get("color") for c in root.iter(f"{P}Code") if c.get("isCodable") == "true"}
    assert all(re.fullmatch(r"#[0-9A-F]{6}", v) for v in color.values())
    # EVIL's first tag is "quality", PLAIN's and SAME's "vague"; NOTAG has none
    assert color["Концептуально (test)"] == color["Концептуально (other)"] != color["Верхнеуровнево <b>"]
    assert color["большой загруз"] == NO_TAG_COLOR


def test_project_sources_selections_and_codings_have_a_user_and_a_date(monkeypatch, project_schema):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    qde = qdpx(sample()).read("project.qde")
    project_schema.validate(qde.decode())
    root = ET.fromstring(qde)
    user = root.find(f"{P}Users/{P}User").get("guid")
    assert root.get("creatingUserGUID") == user and root.get("creationDateTime") == "2023-11-14T22:13:20Z"
    stamped = list(root.iter(f"{P}TextSource")) + list(root.iter(f"{P}PlainTextSelection")) + list(
        root.iter(f"{P}Coding"))
    assert len(stamped) == 2 + 4 + 4
    assert all(e.get("creatingUser") == user and e.get("creationDateTime") == "2023-11-14T22:13:20Z"
               for e in stamped)


def test_the_date_is_the_newest_input_files_time_without_source_date_epoch(tmp_path, monkeypatch):
    import os

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    path = tmp_path / "a.txt"
    path.write_text("x\n")
    os.utime(path, (1600000000, 1600000000))
    decoded = doc_with("x\n", [])
    decoded.document.path = path
    root = ET.fromstring(qdpx([decoded]).read("project.qde"))
    assert root.get("creationDateTime") == "2020-09-13T12:26:40Z"


# -- the codebook CSV that Taguette imports ---------------------------------------------------

def taguette_tags(data: str) -> list[dict]:
    """What Taguette's codebook import (taguette/import_codebook.py) reads: a header with exactly one of
    tag/name/path and optionally description; every row a non-empty tag."""
    rows = list(csv.reader(io.StringIO(data, newline="")))
    header = [c.lower() for c in rows[0]]
    assert sum(c in header for c in ("tag", "name", "path")) == 1
    col, desc = header.index("tag"), header.index("description")
    tags = [{"path": r[col].strip(), "description": r[desc].strip()} for r in rows[1:] if any(r)]
    assert all(t["path"] for t in tags)
    return tags


def test_codebook_csv_imports_into_taguette():
    out = io.StringIO()
    write_codebook_csv(out, [], RenderOptions(dictionaries=[DICTIONARY, OTHER]))
    data = out.getvalue()
    assert data.splitlines()[0] == ",".join(CODEBOOK_CSV_COLUMNS) == "tag,description"
    tags = taguette_tags(data)
    assert [t["path"] for t in tags] == ["Верхнеуровнево <b>", "Концептуально (test)", "большой загруз",
                                         "Концептуально (other)"]
    assert len({t["path"] for t in tags}) == len(tags)              # Taguette's tags are unique
    assert tags[1]["description"] == "в общих чертах"


def test_codebook_csv_from_cli(cli, tmp_path):
    target = tmp_path / "codebook.csv"
    r = cli("decode", "-d", DICT, "-f", "codebook-csv", "-o", target, TRANSCRIPTS / "zoom.vtt")
    assert r.rc == 0, r.err
    assert sorted(t["path"] for t in taguette_tags(target.read_text(encoding="utf-8"))) == [
        "Верхнеуровнево", "Концептуально", "большой загруз"]
