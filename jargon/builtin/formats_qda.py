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

Offsets: the stored source is the document text (docs/transcripts.md) with CRLF/CR
line ends turned into LF; selection offsets are shifted accordingly. GUIDs are UUID5
values derived from names, and the zip has fixed timestamps, so the same input gives
byte-identical output. Both files validate against the official schemas
(tests/fixtures/refi-qda/).
"""
from __future__ import annotations

import bisect
import re
import uuid
from dataclasses import dataclass, field
from typing import IO

from jargon.contributions import OutputFormat, RenderOptions
from jargon.escape import unicode_text
from jargon.hookspecs import hookimpl
from jargon.model import DecodedDocument, Dictionary, Entry

CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
PROJECT_NS = "urn:QDA-XML:project:1.0"
GUID_NS = uuid.UUID("6b1f8a52-3c0e-5d55-9a51-6a6172676f6e")   # fixed: "jargon" GUIDs
_XML_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def guid(*parts: str) -> str:
    """A deterministic GUID (8-4-4-4-12 hex, as the schema wants) for a name."""
    return str(uuid.uuid5(GUID_NS, unicode_text("\x1f".join(parts))))


def xml_text(text: str) -> str:
    """Text that XML 1.0 can hold (control characters dropped, lone surrogates as U+FFFD;
    ElementTree escapes the rest)."""
    return _XML_BAD.sub("", unicode_text(text))


def _origin() -> str:
    from jargon import __version__

    return f"jargon {__version__}"


# -- the codebook, shared by qdc and qdpx ---------------------------------------

@dataclass
class Folder:
    guid: str
    name: str
    codes: list = field(default_factory=list)      # Code or Folder


@dataclass
class Code:
    guid: str
    name: str
    description: str


@dataclass
class CodeSet:
    guid: str
    name: str
    members: list[str]


def entry_guid(dictionary: str, entry: Entry) -> str:
    return guid("code", dictionary, entry.id)


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


def build_codebook(options: RenderOptions, docs: list[DecodedDocument]) -> tuple[list[Folder], list[CodeSet]]:
    from jargon.errors import JargonError

    folders, sets = [], []
    for dname, entries in _dictionaries(options, docs):
        top = Folder(guid("dictionary", dname), dname)
        by_tag: dict[str, Folder] = {}
        tag_members: dict[str, list[str]] = {}
        for e in entries:
            code = Code(entry_guid(dname, e), e.phrase, e.display_meaning(options.clean))
            if e.tags:
                tag = e.tags[0]
                if tag not in by_tag:
                    by_tag[tag] = Folder(guid("tag", dname, tag), tag)
                    top.codes.append(by_tag[tag])
                by_tag[tag].codes.append(code)
            else:
                top.codes.append(code)
            for tag in dict.fromkeys(e.tags):
                tag_members.setdefault(tag, []).append(code.guid)
        if top.codes:
            folders.append(top)
        sets += [CodeSet(guid("set", dname, tag), f"{dname}: {tag}", members) for tag, members in tag_members.items()]
    if not folders:
        raise JargonError("nothing to export: no dictionary entries")
    return folders, sets


def _code_elements(parent, items, ns: str) -> None:
    from xml.etree.ElementTree import SubElement

    for item in items:
        el = SubElement(parent, f"{{{ns}}}Code", guid=item.guid, name=xml_text(item.name),
                        isCodable="false" if isinstance(item, Folder) else "true")
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

    folders, sets = build_codebook(options, docs)
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


def project_files(docs: list[DecodedDocument], options: RenderOptions) -> dict[str, bytes]:
    """``{"project.qde": ..., "sources/<guid>.txt": ...}``."""
    from xml.etree.ElementTree import Element, SubElement

    P = f"{{{PROJECT_NS}}}"
    folders, sets = build_codebook(options, docs)
    user = guid("user", "jargon")
    root = Element(f"{P}Project", name="jargon", origin=_origin(), creatingUserGUID=user)
    SubElement(SubElement(root, f"{P}Users"), f"{P}User", guid=user, name="jargon")
    _code_elements(SubElement(SubElement(root, f"{P}CodeBook"), f"{P}Codes"), folders, PROJECT_NS)

    files: dict[str, bytes] = {}
    sources = []            # (guid, name, text, selections, speakers)
    cases: dict[str, list[str]] = {}
    for index, decoded in enumerate(docs):
        doc = decoded.document
        sguid = guid("source", str(index), doc.name)
        text, removed = lf_source(doc.text)
        files[f"sources/{sguid}.txt"] = unicode_text(text).encode("utf-8")
        selections = []
        for m in sorted(decoded.matches, key=lambda m: m.start):
            start, end = lf_offset(m.start, removed), lf_offset(m.end, removed)
            sel = guid("selection", sguid, str(start), str(end), m.dictionary, m.entry.id)
            selections.append((sel, m, start, end))
            seg = doc.segment_at(m.start) if doc.segments else None
            if seg is not None and seg.speaker:
                cases.setdefault(seg.speaker, []).append(sel)
        speakers = list(dict.fromkeys(s.speaker for s in doc.segments if s.speaker))
        for name in speakers:
            cases.setdefault(name, [])
        sources.append((sguid, doc, selections, speakers))

    speakers_var = guid("variable", "Speakers")
    if any(s[3] for s in sources):
        var = SubElement(SubElement(root, f"{P}Variables"), f"{P}Variable", guid=speakers_var, name="Speakers",
                         typeOfVariable="Text")
        SubElement(var, f"{P}Description").text = "The speakers of the transcript, in order of appearance"
    if cases:
        cases_el = SubElement(root, f"{P}Cases")
        for name, sels in cases.items():
            case = SubElement(cases_el, f"{P}Case", guid=guid("case", name), name=xml_text(name))
            SubElement(case, f"{P}Description").text = "Speaker"
            for sel in sels:
                SubElement(case, f"{P}SelectionRef", targetGUID=sel)
    if sources:
        sources_el = SubElement(root, f"{P}Sources")
        for sguid, doc, selections, speakers in sources:
            src = SubElement(sources_el, f"{P}TextSource", guid=sguid, name=xml_text(doc.name),
                             plainTextPath=f"internal://{sguid}.txt", creatingUser=user)
            SubElement(src, f"{P}Description").text = xml_text(
                f"{doc.name}, read as {doc.reader}, decoded by {_origin()}")
            for sel, m, start, end in selections:
                el = SubElement(src, f"{P}PlainTextSelection", guid=sel, name=xml_text(m.text),
                                startPosition=str(start), endPosition=str(end), creatingUser=user)
                SubElement(el, f"{P}Description").text = xml_text(m.entry.display_meaning(options.clean))
                coding = SubElement(el, f"{P}Coding", guid=guid("coding", sel), creatingUser=user)
                SubElement(coding, f"{P}CodeRef", targetGUID=entry_guid(m.dictionary, m.entry))
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


@hookimpl
def jargon_output_formats():
    return [
        OutputFormat("qdc", "REFI-QDA codebook: one code per dictionary entry, meaning as description", "qdc",
                     write_qdc),
        OutputFormat("qdpx", "REFI-QDA project for QDA software: transcripts as sources, matches as coded "
                     "selections, speakers as cases (binary: needs -o FILE)", "qdpx", write_qdpx, binary=True),
    ]
