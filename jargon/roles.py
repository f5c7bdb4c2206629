"""Which speakers count: ``--speaker``/``--exclude-speaker`` and a roles file (``--roles roles.toml``).

A roles file says which labels are which role and which group (department, team) a
speaker belongs to; labels are matched without regard to case or spacing::

    [roles]
    interviewer = ["Интервьюер", "И."]
    respondent = ["Респондент"]

    [groups]
    "Финансы" = ["Ольга К.", "Борис"]

A speaker label matches a listed label as a whole, or by its parts when it carries a
parenthesised name or role: ``Респондент (Ольга К.)`` is role ``respondent`` (by
``Респондент``) in group ``Финансы`` (by ``Ольга К.``). The first role (and group) that
matches wins.

A selection term (``--speaker X``, ``--exclude-speaker X``, repeatable) matches a speaker
in the same way, and also every speaker of the role or group named ``X``. Selected
documents keep only the segments, and the matches, of the speakers kept
(:class:`SelectedDocument`); text without a speaker is kept unless ``--speaker`` is given.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

from .errors import JargonError
from .model import DecodedDocument, Document

_PARENS_RE = re.compile(r"^(?P<outer>.*?)\s*\((?P<inner>[^()]*)\)\s*$")


def _norm(label: str) -> str:
    return " ".join(label.casefold().split())


def label_keys(speaker: str) -> tuple[str, ...]:
    """The forms a speaker label is matched by: the whole label and, for ``Role (Name)``, each part."""
    whole = _norm(speaker)
    m = _PARENS_RE.match(whole)
    if not m:
        return (whole,)
    return tuple(k for k in (whole, m.group("outer"), m.group("inner")) if k)


@dataclass(frozen=True)
class Roles:
    """Role -> labels and group -> labels, as read from a roles file (labels normalised)."""

    roles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def role_of(self, speaker: str | None) -> str | None:
        return _first(self.roles, speaker)

    def group_of(self, speaker: str | None) -> str | None:
        return _first(self.groups, speaker)


def _first(table: dict[str, tuple[str, ...]], speaker: str | None) -> str | None:
    if not speaker:
        return None
    keys = label_keys(speaker)
    for name, labels in table.items():
        if any(k in labels for k in keys):
            return name
    return None


class RolesError(JargonError):
    """A roles file that cannot be used."""


def load_roles(path: str | Path) -> Roles:
    """Read a roles file; a problem is one :class:`RolesError` naming the file (and line)."""
    try:
        text = Path(path).read_bytes().decode("utf-8")
    except OSError as exc:
        raise RolesError(f"{path}: cannot read the roles file: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise RolesError(f"{path}: invalid UTF-8 at byte {exc.start}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RolesError(f"{path}: invalid TOML: {exc}") from None
    unknown = set(data) - {"roles", "groups"}
    if unknown:
        raise RolesError(f"{path}: unknown key {sorted(unknown)[0]!r} (expected [roles] and [groups])")
    tables = {}
    for key in ("roles", "groups"):
        table = data.get(key, {})
        if not isinstance(table, dict):
            raise RolesError(f"{path}: [{key}] must be a table of name = [labels]")
        out: dict[str, tuple[str, ...]] = {}
        for name, labels in table.items():
            if isinstance(labels, str):
                labels = [labels]
            if not isinstance(labels, list) or not all(isinstance(x, str) and x.strip() for x in labels):
                raise RolesError(f"{path}: [{key}] {name!r} must be a list of speaker labels (strings)")
            out[name] = tuple(_norm(x) for x in labels)
        tables[key] = out
    return Roles(**tables)


@dataclass(frozen=True)
class SpeakerSelection:
    """``--speaker`` (keep only these) and ``--exclude-speaker`` (leave these out) terms."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    roles: Roles = field(default_factory=Roles)

    def __bool__(self) -> bool:
        return bool(self.include or self.exclude)

    def _matches(self, speaker: str, terms: tuple[str, ...]) -> bool:
        wanted = {_norm(t) for t in terms}
        keys = set(label_keys(speaker))
        role, group = self.roles.role_of(speaker), self.roles.group_of(speaker)
        keys.update(_norm(x) for x in (role, group) if x)
        return not wanted.isdisjoint(keys)

    def keeps(self, speaker: str | None) -> bool:
        """Whether ``speaker`` (None: text without a speaker) is kept."""
        if speaker is None:
            return not self.include
        if self.include and not self._matches(speaker, self.include):
            return False
        return not (self.exclude and self._matches(speaker, self.exclude))

    def apply(self, decoded: DecodedDocument) -> DecodedDocument:
        """The document with only the kept speakers' segments and matches (unchanged without terms)."""
        doc = decoded.document
        if not self or (not doc.segments and self.keeps(None)):
            return decoded
        kept = {s.speaker: self.keeps(s.speaker) for s in doc.segments}
        kept.setdefault(None, self.keeps(None))
        segments = [s for s in doc.segments if kept[s.speaker]]
        view = SelectedDocument(**{f.name: getattr(doc, f.name) for f in fields(Document)})
        view.segments = segments
        if len(segments) == len(doc.segments):
            return DecodedDocument(view, list(decoded.matches))
        matches = [m for m in decoded.matches if kept[_speaker_at(doc, m.start)]]
        return DecodedDocument(view, matches)


def _speaker_at(doc: Document, offset: int) -> str | None:
    seg = doc.segment_at(offset)
    return seg.speaker if seg is not None else None


@dataclass
class SelectedDocument(Document):
    """A document seen through a :class:`SpeakerSelection`: only its (kept) segments count,
    even when none is left (:mod:`jargon.stats` counts words in segments only)."""
