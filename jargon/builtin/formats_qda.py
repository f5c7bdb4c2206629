"""Built-in plugin: REFI-QDA exports for QDA software (ATLAS.ti, MAXQDA, NVivo, QualCoder, ...).

- ``qdc``: the dictionaries as a codebook (QDA-XML codebook 1.0). One code per entry
  (name: the headword, description: the meaning), inside a non-codable folder per
  dictionary and, below it, per the entry's first tag; every tag is also a code set
  listing all entries with that tag.
- ``qdpx``: a project (a zip of ``project.qde`` and ``sources/``). The same codebook;
  every decoded document is a ``TextSource`` whose text is stored as
  ``sources/<guid>.txt`` (UTF-8, LF line ends); every match is a ``PlainTextSelection``
  (code-point ``startPosition``/``endPosition``, end exclusive, name: the text found,
  description: the meaning) coded with its entry's code. Speakers are ``Cases``
  referring to the selections they said, and each source has a ``Speakers`` text variable.
- ``codebook-csv``: the same codes as CSV with Taguette's codebook columns ``tag`` and
  ``description`` (Taguette imports codebooks only as CSV).

Names are unique, as QDA tools need (QualCoder keeps one code of a name and loses the
other's codings): a headword that two dictionaries (or two entries) share is qualified,
``Концептуально (ru-corporate)``; tag folders are always qualified, ``vague (ru-corporate)``;
sources are named by the file's name without folder and extension (``interview``, as the
standard's examples; QualCoder adds ``.txt``), ``interview (study-2)`` when two files have
the same name; the path as given goes in the source's description.

Codes are coloured by their first tag (``#RRGGBB``, one colour per tag in the order of
the sorted tags; grey without a tag). The project, its sources, selections and codings
carry ``creatingUser`` (the user ``jargon``) and ``creationDateTime``: the time in
``SOURCE_DATE_EPOCH`` if set, else the newest modification time of the input files,
else (standard input only) the current time, in UTC.

GUIDs are UUID5 values inside a per-export project namespace derived from the content
of every input (names, texts, matches) and of the dictionaries: two exports of different
inputs share no GUID, and the same inputs give the same GUIDs; the zip has fixed
timestamps, so the same input gives byte-identical output. Offsets: the stored source is
the document text (docs/transcripts.md) with CRLF/CR line ends turned into LF; selection
offsets are shifted accordingly. Both XML files validate against the official schemas
(tests/fixtures/refi-qda/).
"""
from __future__ import annotations

import bisect
import csv
import hashlib
import os
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import PurePath
from typing import IO

from jargon.contributions import OutputFormat, RenderOptions
from jargon.escape import unicode_text
from jargon.hookspecs import hookimpl
from jargon.model import DecodedDocument, Dictionary, Entry

CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
PROJECT_NS = "urn:QDA-XML:project:1.0"
GUID_NS = uuid.UUID("6b1f8a52-3c0e-5d55-9a51-6a6172676f6e")   # fixed: "jargon" GUIDs
_XML_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# distinct colours (after Tableau 20, greys left out); a code without a tag is grey
PALETTE = ("#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD", "#8C564B", "#E377C2", "#BCBD22", "#17BECF",
           "#AEC7E8", "#FFBB78", "#98DF8A", "#FF9896", "#C5B0D5", "#C49C94", "#F7B6D2", "#DBDB8D", "#9EDAE5")
NO_TAG_COLOR = "#A0A0A0"


class Ids:
    """Deterministic GUIDs (8-4-4-4-12 hex, as the schema wants) inside one export's namespace."""

    def __init__(self, docs: list[DecodedDocument], dictionaries: Iterable[tuple[str, list[Entry]]], clean: bool):
        h = hashlib.sha256(b"jargon refi-qda\0" + (b"clean" if clean else b""))
        for name, entries in dictionaries:
            for e in entries:
                h.update(repr((name, e.id, e.phrase, e.meaning, e.clean_meaning, e.tags)).encode())
        for decoded in docs:
            doc = decoded.document
            h.update(repr((doc.name, len(doc.text))).encode())
            h.update(doc.text.encode("utf-8", "surrogatepass"))
            h.update(repr([(m.start, m.end, m.dictionary, m.entry.id) for m in decoded.matches]).encode())
        self.project = uuid.uuid5(GUID_NS, h.hexdigest())

    def __call__(self, *parts: str) -> str:
        return str(uuid.uuid5(self.project, unicode_text("\x1f".join(parts))))


def xml_text(text: str) -> str:
    """Text that XML 1.0 can hold (control characters dropped, lone surrogates as U+FFFD;
    ElementTree escapes the rest)."""
    return _XML_BAD.sub("", unicode_text(text))


def _origin() -> str:
    from jargon import __version__

    return f"jargon {__version__}"


def creation_time(docs: list[DecodedDocument]) -> str:
    """``creationDateTime`` for everything exported (UTC, seconds): see the module docstring."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    stamp: float | None = float(epoch) if epoch.isdigit() else None
    if stamp is None:
        times = []
        for d in docs:
            if d.document.path is not None:
                try:
                    times.append(d.document.path.stat().st_mtime)
                except OSError:
                    pass
        stamp = max(times) if times else datetime.now(UTC).timestamp()
    return datetime.fromtimestamp(int(stamp), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# -- the codebook, shared by qdc and qdpx ---------------------------------------

@dataclass
class Folder:
    guid: str
    name: str
    codes: list = field(default_factory=list)      # Code or Folder
    color: str | None = None


@dataclass
class Code:
    guid: str
    name: str
    description: str
    color: str | None = None


@dataclass
class CodeSet:
    guid: str
    name: str
    members: list[str]


def _dictionaries(options: RenderOptions, docs: list[DecodedDocument]) -> list[tuple[str, list[Entry]]]:
    """The dictionaries in use, plus entries found in matches but missing from them."""
    out: dict[str, dict[str, Entry]] = {}
    for d in options.dictionaries:
        if isinstance(d, Dictionary):
            out.setdefault(d.name, {}).update((e.id, e) for e in d.entries)
    for decoded in docs:
        for m in decoded.matches:
            out.setdefault(m.dictionary, {}).setdefault(m.entry.id, m.entry)
    return [(name, list(entries.values())) for name, entries in out.items()]


def code_names(dictionaries: list[tuple[str, list[Entry]]]) -> dict[tuple[str, str], str]:
    """A unique code name per (dictionary, entry id): the headword, qualified where headwords collide."""
    count: dict[str, int] = {}
    for _, entries in dictionaries:
        for e in entries:
            count[e.phrase.casefold()] = count.get(e.phrase.casefold(), 0) + 1
    names: dict[tuple[str, str], str] = {}
    taken: set[str] = set()
    for dname, entries in dictionaries:
        for e in entries:
            name = e.phrase if count[e.phrase.casefold()] == 1 else f"{e.phrase} ({dname})"
            if name.casefold() in taken:
                name = f"{e.phrase} ({dname}: {e.id})"
            n = 2
            while name.casefold() in taken:
                name, n = f"{e.phrase} ({dname}: {e.id} {n})", n + 1
            taken.add(name.casefold())
            names[(dname, e.id)] = name
    return names


def tag_colors(dictionaries: list[tuple[str, list[Entry]]]) -> dict[str, str]:
    tags = sorted({t for _, entries in dictionaries for e in entries for t in e.tags})
    return {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(tags)}


def build_codebook(options: RenderOptions, docs: list[DecodedDocument]) -> tuple[list[Folder], list[CodeSet], Ids]:
    """The code folders and sets of the dictionaries in use, and the export's GUIDs."""
    from jargon.errors import JargonError

    dictionaries = _dictionaries(options, docs)
    ids = Ids(docs, dictionaries, options.clean)
    names, colors = code_names(dictionaries), tag_colors(dictionaries)
    folders, sets = [], []
    for dname, entries in dictionaries:
        top = Folder(ids("dictionary", dname), dname)
        by_tag: dict[str, Folder] = {}
        tag_members: dict[str, list[str]] = {}
        for e in entries:
            color = colors[e.tags[0]] if e.tags else NO_TAG_COLOR
            code = Code(ids("code", dname, e.id), names[(dname, e.id)], e.display_meaning(options.clean), color)
            if e.tags:
                tag = e.tags[0]
                if tag not in by_tag:
                    by_tag[tag] = Folder(ids("tag", dname, tag), f"{tag} ({dname})", color=colors[tag])
                    top.codes.append(by_tag[tag])
                by_tag[tag].codes.append(code)
            else:
                top.codes.append(code)
            for tag in dict.fromkeys(e.tags):
                tag_members.setdefault(tag, []).append(code.guid)
        if top.codes:
            folders.append(top)
        sets += [CodeSet(ids("set", dname, tag), f"{dname}: {tag}", members) for tag, members in tag_members.items()]
    if not folders:
        raise JargonError("nothing to export: no dictionary entries")
    return folders, sets, ids


def _code_elements(parent, items, ns: str) -> None:
    from xml.etree.ElementTree import SubElement

    for item in items:
        el = SubElement(parent, f"{{{ns}}}Code", guid=item.guid, name=xml_text(item.name),
                        isCodable="false" if isinstance(item, Folder) else "true")
        if item.color:
            el.set("color", item.color)
        if isinstance(item, Code) and item.description:
            SubElement(el, f"{{{ns}}}Description").text = xml_text(item.description)
        if isinstance(item, Folder):
            _code_elements(el, item.codes, ns)


def _serialize(root) -> bytes:
    from xml.etree.ElementTree import ElementTree, indent, register_namespace

    register_namespace("", root.tag[1:].split("}")[0])
    indent(root, space=" ")
    import io

    buf = io.BytesIO()
    ElementTree(root).write(buf, encoding="utf-8", xml_declaration=True)
    return buf.getvalue() + b"\n"


def _set_elements(root, sets, ns: str, member_attribute: str) -> None:
    """``<Sets>`` of codes; the codebook schema names a member ``guid``, the project schema ``targetGUID``."""
    from xml.etree.ElementTree import SubElement

    if not sets:
        return
    sets_el = SubElement(root, f"{{{ns}}}Sets")
    for s in sets:
        el = SubElement(sets_el, f"{{{ns}}}Set", guid=s.guid, name=xml_text(s.name))
        for member in s.members:
            SubElement(el, f"{{{ns}}}MemberCode", **{member_attribute: member})


def codebook_xml(docs: list[DecodedDocument], options: RenderOptions) -> bytes:
    from xml.etree.ElementTree import Element, SubElement

    folders, sets, _ = build_codebook(options, docs)
    root = Element(f"{{{CODEBOOK_NS}}}CodeBook", origin=_origin())
    _code_elements(SubElement(root, f"{{{CODEBOOK_NS}}}Codes"), folders, CODEBOOK_NS)
    _set_elements(root, sets, CODEBOOK_NS, member_attribute="guid")
    return _serialize(root)


def write_qdc(out: IO[str], docs: list[DecodedDocument], options: RenderOptions) -> None:
    out.write(codebook_xml(docs, options).decode("utf-8"))


# -- the project -------------------------------------------------------------------

def lf_source(text: str) -> tuple[str, list[int]]:
    """``text`` with LF line ends, and the positions of the removed ``\\r`` of CRLF pairs."""
    removed = [m.start() for m in re.finditer(r"\r\n", text)]
    return text.replace("\r\n", "\n").replace("\r", "\n"), removed


def lf_offset(offset: int, removed: list[int]) -> int:
    """An offset into the original text as an offset into its LF version."""
    return offset - bisect.bisect_left(removed, offset)


def source_names(docs: list[DecodedDocument]) -> list[str]:
    """The documents' file names without folder and extension (QDA tools add the extension of the stored
    text), made unique with the parent folder, then a number, where they collide."""
    stems = [PurePath(d.document.name).stem or d.document.name for d in docs]
    count: dict[str, int] = {}
    for stem in stems:
        count[stem.casefold()] = count.get(stem.casefold(), 0) + 1
    out: list[str] = []
    taken: set[str] = set()
    for decoded, stem in zip(docs, stems, strict=True):
        folder = PurePath(decoded.document.name).parent.name
        base = f"{stem} ({folder})" if count[stem.casefold()] > 1 and folder else stem
        name, n = base, 2
        while name.casefold() in taken:
            name, n = f"{base} ({n})", n + 1
        taken.add(name.casefold())
        out.append(name)
    return out


def project_files(docs: list[DecodedDocument], options: RenderOptions) -> dict[str, bytes]:
    """``{"project.qde": ..., "sources/<guid>.txt": ...}``."""
    from xml.etree.ElementTree import Element, SubElement

    P = f"{{{PROJECT_NS}}}"
    folders, sets, ids = build_codebook(options, docs)
    user, when = ids("user", "jargon"), creation_time(docs)
    stamp = {"creatingUser": user, "creationDateTime": when}
    root = Element(f"{P}Project", name="jargon", origin=_origin(), creatingUserGUID=user, creationDateTime=when)
    SubElement(SubElement(root, f"{P}Users"), f"{P}User", guid=user, name="jargon")
    _code_elements(SubElement(SubElement(root, f"{P}CodeBook"), f"{P}Codes"), folders, PROJECT_NS)

    files: dict[str, bytes] = {}
    sources = []            # (guid, name, doc, selections, speakers)
    cases: dict[str, list[str]] = {}
    for index, (decoded, name) in enumerate(zip(docs, source_names(docs), strict=True)):
        doc = decoded.document
        sguid = ids("source", str(index), doc.name)
        text, removed = lf_source(doc.text)
        files[f"sources/{sguid}.txt"] = unicode_text(text).encode("utf-8")
        selections = []
        for m in sorted(decoded.matches, key=lambda m: m.start):
            start, end = lf_offset(m.start, removed), lf_offset(m.end, removed)
            sel = ids("selection", sguid, str(start), str(end), m.dictionary, m.entry.id)
            selections.append((sel, m, start, end))
            seg = doc.segment_at(m.start) if doc.segments else None
            if seg is not None and seg.speaker:
                cases.setdefault(seg.speaker, []).append(sel)
        speakers = list(dict.fromkeys(s.speaker for s in doc.segments if s.speaker))
        for speaker in speakers:
            cases.setdefault(speaker, [])
        sources.append((sguid, name, doc, selections, speakers))

    speakers_var = ids("variable", "Speakers")
    if any(s[4] for s in sources):
        var = SubElement(SubElement(root, f"{P}Variables"), f"{P}Variable", guid=speakers_var, name="Speakers",
                         typeOfVariable="Text")
        SubElement(var, f"{P}Description").text = "The speakers of the transcript, in order of appearance"
    if cases:
        cases_el = SubElement(root, f"{P}Cases")
        for speaker, sels in cases.items():
            case = SubElement(cases_el, f"{P}Case", guid=ids("case", speaker), name=xml_text(speaker))
            SubElement(case, f"{P}Description").text = "Speaker"
            for sel in sels:
                SubElement(case, f"{P}SelectionRef", targetGUID=sel)
    if sources:
        sources_el = SubElement(root, f"{P}Sources")
        for sguid, name, doc, selections, speakers in sources:
            src = SubElement(sources_el, f"{P}TextSource", {"guid": sguid, "name": xml_text(name),
                                                             "plainTextPath": f"internal://{sguid}.txt", **stamp})
            SubElement(src, f"{P}Description").text = xml_text(
                f"{doc.name}, read as {doc.reader}, decoded by {_origin()}")
            for sel, m, start, end in selections:
                el = SubElement(src, f"{P}PlainTextSelection", {"guid": sel, "name": xml_text(m.text),
                                                                 "startPosition": str(start),
                                                                 "endPosition": str(end), **stamp})
                SubElement(el, f"{P}Description").text = xml_text(m.entry.display_meaning(options.clean))
                coding = SubElement(el, f"{P}Coding", {"guid": ids("coding", sel), **stamp})
                SubElement(coding, f"{P}CodeRef", targetGUID=ids("code", m.dictionary, m.entry.id))
            if speakers:
                value = SubElement(src, f"{P}VariableValue")
                SubElement(value, f"{P}VariableRef", targetGUID=speakers_var)
                SubElement(value, f"{P}TextValue").text = xml_text(", ".join(speakers))
    _set_elements(root, sets, PROJECT_NS, member_attribute="targetGUID")
    SubElement(root, f"{P}Description").text = (
        f"Corporate jargon found by {_origin()}: {sum(len(d.matches) for d in docs)} coded selections "
        f"in {len(docs)} transcript{'s' if len(docs) != 1 else ''}")
    return {"project.qde": _serialize(root), **files}


def write_qdpx(out: IO[bytes], docs: list[DecodedDocument], options: RenderOptions) -> None:
    import zipfile

    files = project_files(docs, options)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)


# -- the codebook as CSV (Taguette) --------------------------------------------------

CODEBOOK_CSV_COLUMNS = ("tag", "description")


def codebook_rows(folders: list[Folder]) -> Iterable[tuple[str, str]]:
    """(code name, description) of every code, folder by folder."""
    for item in folders:
        if isinstance(item, Folder):
            yield from codebook_rows(item.codes)
        else:
            yield item.name, item.description


def write_codebook_csv(out: IO[str], docs: list[DecodedDocument], options: RenderOptions) -> None:
    """Taguette's codebook CSV: a ``tag`` column (the unique code name) and a ``description`` (the meaning)."""
    folders, _, _ = build_codebook(options, docs)
    writer = csv.writer(out)
    writer.writerow(CODEBOOK_CSV_COLUMNS)
    writer.writerows(codebook_rows(folders))


@hookimpl
def jargon_output_formats():
    return [
        OutputFormat("qdc", "REFI-QDA codebook: one code per dictionary entry, meaning as description", "qdc",
                     write_qdc),
        OutputFormat("qdpx", "REFI-QDA project for QDA software: transcripts as sources, matches as coded "
                     "selections, speakers as cases (binary: needs -o FILE)", "qdpx", write_qdpx, binary=True),
        OutputFormat("codebook-csv", "Codebook as CSV (tag, description), as Taguette imports it", "csv",
                     write_codebook_csv),
    ]
