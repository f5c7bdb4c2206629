"""Triage decisions: a coder's "not jargon here" / "yes, jargon" on single matches.

They live in a sidecar file beside the transcript, ``NAME.jargon.toml`` (``interview.txt``
-> ``interview.jargon.toml``), written by ``jargon tui`` and read by ``jargon decode``
(``--decisions FILE``, or found automatically beside the input)::

    [transcript]
    file = "interview.txt"
    version = 1

    [[decisions]]
    entry = "kakova-agenda"           # the dictionary entry id
    start = 120                       # code-point offsets into the document text
    end = 143
    text = "Коллеги, какова адженда"  # the surface text that was matched
    status = "dismissed"              # or "confirmed"
    note = "asked for real"           # optional
    decided = "2025-01-31T10:02:03"   # optional, informational

A decision is keyed by entry id + start/end + surface text, so it applies again when
the same transcript is decoded again. When the offsets moved (the transcript was
edited) it follows the nearest match of the same entry with the same surface text.

Applying decisions removes dismissed matches and turns confirmed ones into
:class:`TriagedMatch` (a :class:`Match` with ``status = "confirmed"``).
Import-light: tomllib at load time, tomli-w only when saving.
"""
from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path

from .errors import JargonError
from .model import DecodedDocument, Match

SIDECAR_SUFFIX = ".jargon.toml"
CONFIRMED = "confirmed"
DISMISSED = "dismissed"
STATUSES = (CONFIRMED, DISMISSED)
FORMAT_VERSION = 1
RELOCATE_WINDOW = 2_000   # code points a decision may follow its match when the text was edited
_DECISION_KEYS = {"entry": str, "start": int, "end": int, "text": str, "status": str, "note": str, "decided": str}


class DecisionsError(JargonError):
    """A decisions sidecar file that cannot be read."""


@dataclass(frozen=True)
class Decision:
    entry: str
    start: int
    end: int
    text: str
    status: str
    note: str = ""
    decided: str = ""

    @property
    def key(self) -> tuple[str, int, int, str]:
        return (self.entry, self.start, self.end, self.text)


@dataclass(frozen=True)
class TriagedMatch(Match):
    """A match a coder has looked at: ``status`` is ``"confirmed"`` (dismissed ones are removed)."""

    status: str = CONFIRMED
    note: str = ""


def match_key(match: Match) -> tuple[str, int, int, str]:
    return (match.entry.id, match.start, match.end, match.text)


def match_status(match: Match) -> str | None:
    """``"confirmed"`` for a match that went through :func:`apply_decisions` confirmed, else None."""
    return getattr(match, "status", None)


class Decisions:
    """The decisions for one transcript, keyed by :func:`match_key`."""

    def __init__(self, items: Iterable[Decision] = (), path: str | os.PathLike | None = None,
                 transcript: str | None = None):
        self._items: dict[tuple[str, int, int, str], Decision] = {}
        for d in items:
            self._items[d.key] = d
        self._base: dict[tuple[str, int, int, str], Decision] = {}   # as last read or saved: see changes()
        self.path = Path(path) if path is not None else None
        self.transcript = transcript

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Decision]:
        return iter(sorted(self._items.values(), key=lambda d: (d.start, d.end, d.entry)))

    def get(self, match: Match) -> Decision | None:
        return self._items.get(match_key(match))

    def set(self, match: Match, status: str, note: str = "") -> Decision:
        if status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, not {status!r}")
        decision = Decision(match.entry.id, match.start, match.end, match.text, status, note,
                            datetime.now().replace(microsecond=0).isoformat())
        self._items[decision.key] = decision
        return decision

    def clear(self, match: Match) -> bool:
        return self._items.pop(match_key(match), None) is not None

    def remove(self, decision: Decision) -> bool:
        return self._items.pop(decision.key, None) is not None

    def changes(self) -> tuple[dict[tuple[str, int, int, str], Decision], frozenset[tuple[str, int, int, str]]]:
        """What this object changed since it was read or last saved: the decisions set (new or
        different), and the keys of those removed. Saving merges only these into the file."""
        changed = {k: d for k, d in self._items.items() if self._base.get(k) != d}
        return changed, frozenset(self._base) - frozenset(self._items)

    def _saved(self) -> None:
        self._base = dict(self._items)

    def resolve(self, matches: list[Match]) -> dict[int, Decision]:
        """Which decision applies to which match (by index into ``matches``).

        Exact keys first; a decision whose match is gone goes to the nearest unclaimed
        match of the same entry with the same surface text (within RELOCATE_WINDOW).
        """
        out: dict[int, Decision] = {}
        used: set[tuple] = set()
        for i, m in enumerate(matches):
            d = self._items.get(match_key(m))
            if d is not None:
                out[i] = d
                used.add(d.key)
        leftovers = [d for k, d in self._items.items() if k not in used]
        if not leftovers:
            return out
        by_surface: dict[tuple[str, str], list[int]] = {}
        for i, m in enumerate(matches):
            if i not in out:
                by_surface.setdefault((m.entry.id, m.text), []).append(i)
        for d in sorted(leftovers, key=lambda d: d.start):
            candidates = by_surface.get((d.entry, d.text), [])
            best = min(candidates, key=lambda i: abs(matches[i].start - d.start), default=None)
            if best is not None and abs(matches[best].start - d.start) <= RELOCATE_WINDOW:
                out[best] = d
                candidates.remove(best)
        return out


def sidecar_path(transcript: str | os.PathLike) -> Path:
    """``interview.txt`` -> ``interview.jargon.toml`` in the same folder."""
    p = Path(transcript)
    stem = p.name[: -len(p.suffix)] if p.suffix else p.name
    return p.with_name(stem + SIDECAR_SUFFIX)


def find_decisions(path: str | os.PathLike | None) -> Path | None:
    """The sidecar beside ``path`` if it exists (None for stdin, ``-`` or no sidecar)."""
    if path is None or str(path) in ("-", "<stdin>"):
        return None
    candidate = sidecar_path(path)
    return candidate if candidate.is_file() else None


def load_decisions(path: str | os.PathLike) -> Decisions:
    """Read a sidecar file; raises :class:`DecisionsError` naming the file and line."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise DecisionsError(f"{path}: cannot read decisions: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise DecisionsError(f"{path}: invalid UTF-8 at byte {exc.start}") from None
    return parse_decisions(text, path)


def parse_decisions(text: str, path: str | os.PathLike | None = None) -> Decisions:
    where = str(path) if path is not None else "<decisions>"
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"at line (\d+)", str(exc))
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise DecisionsError(f"{where}:{m.group(1) + ':' if m else ''} invalid TOML: {reason}") from None
    starts = [i + 1 for i, line in enumerate(text.splitlines()) if re.match(r"\s*\[\[\s*decisions\s*\]\]", line)]
    for key in data:
        if key not in ("transcript", "decisions"):
            raise DecisionsError(f"{where}: unknown top-level key {key!r} (expected transcript, decisions)")
    meta = data.get("transcript", {})
    if not isinstance(meta, dict):
        raise DecisionsError(f"{where}: [transcript] must be a table")
    version = meta.get("version", FORMAT_VERSION)
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise DecisionsError(f"{where}: decisions format version {version!r} is newer than this jargon reads "
                             f"({FORMAT_VERSION})")
    raw = data.get("decisions", [])
    if not isinstance(raw, list):
        raise DecisionsError(f"{where}: decisions must be an array of tables ([[decisions]])")
    items = []
    for n, item in enumerate(raw):
        line = f"{starts[n]}:" if n < len(starts) else ""
        items.append(_decision(item, f"{where}:{line}"))
    transcript = meta.get("file") if isinstance(meta.get("file"), str) else None
    decisions = Decisions(items, path=path, transcript=transcript)
    decisions._saved()
    return decisions


def _decision(item: object, where: str) -> Decision:
    if not isinstance(item, dict):
        raise DecisionsError(f"{where} a decision must be a table")
    for key, value in item.items():
        if key not in _DECISION_KEYS:
            raise DecisionsError(f"{where} unknown key {key!r} in decision (known: {', '.join(_DECISION_KEYS)})")
        expected = _DECISION_KEYS[key]
        if not isinstance(value, expected) or isinstance(value, bool):
            raise DecisionsError(f"{where} {key!r} must be {'an integer' if expected is int else 'a string'}")
    for key in ("entry", "start", "end", "text", "status"):
        if key not in item:
            raise DecisionsError(f"{where} decision is missing {key!r}")
    if item["status"] not in STATUSES:
        raise DecisionsError(f"{where} status must be one of {', '.join(STATUSES)}, not {item['status']!r}")
    if not 0 <= item["start"] <= item["end"]:
        raise DecisionsError(f"{where} start and end must satisfy 0 <= start <= end")
    return Decision(**{f.name: item[f.name] for f in fields(Decision) if f.name in item})


def decisions_to_toml(decisions: Decisions) -> str:
    import tomli_w

    meta: dict = {"version": FORMAT_VERSION}
    if decisions.transcript:
        meta["file"] = decisions.transcript
    rows = []
    for d in decisions:
        row: dict = {"entry": d.entry, "start": d.start, "end": d.end, "text": d.text, "status": d.status}
        if d.note:
            row["note"] = d.note
        if d.decided:
            row["decided"] = d.decided
        rows.append(row)
    header = "# Triage decisions for a transcript, written by jargon (see docs/tui.md).\n"
    return header + tomli_w.dumps({"transcript": meta, "decisions": rows})


def save_decisions(decisions: Decisions, path: str | os.PathLike | None = None) -> Path:
    """Merge ``decisions`` into the sidecar and write it atomically; returns the path written.

    Under the file's lock (jargon.locking) the sidecar is read again and only what
    ``decisions`` changed since it was read (:meth:`Decisions.changes`) is applied to it, so
    the decisions another session or process saved meanwhile are kept; ``decisions`` then
    holds the merged whole. Saved to another file than its own, all its decisions count as
    changes. A sidecar that cannot be read is left as it is (DecisionsError)."""
    from .atomic import atomic_write_text
    from .locking import locked

    target = Path(path) if path is not None else decisions.path
    if target is None:
        raise DecisionsError("no path to write the decisions to")
    if decisions.path is None or not _same_file(decisions.path, target):
        decisions._base = {}
    with locked(target) as real:
        on_disk = load_decisions(target) if real.exists() else Decisions()
        changed, removed = decisions.changes()
        merged = {k: d for k, d in on_disk._items.items() if k not in removed}
        merged.update(changed)
        decisions._items = merged
        decisions.transcript = decisions.transcript or on_disk.transcript
        text = decisions_to_toml(decisions)
        parse_decisions(text, target)   # never write what we could not read back
        atomic_write_text(target, text, backup=False)
    decisions._saved()
    decisions.path = target
    return target


def _same_file(a: Path, b: Path) -> bool:
    return os.path.realpath(a) == os.path.realpath(b)


def apply_decisions(decoded: DecodedDocument, decisions: Decisions | Iterable[Decision] | None) -> DecodedDocument:
    """A new DecodedDocument: dismissed matches removed, confirmed ones as :class:`TriagedMatch`."""
    if decisions is None:
        return decoded
    if not isinstance(decisions, Decisions):
        decisions = Decisions(decisions)
    resolved = decisions.resolve(decoded.matches)
    if not resolved:
        return DecodedDocument(decoded.document, list(decoded.matches))
    out: list[Match] = []
    for i, m in enumerate(decoded.matches):
        d = resolved.get(i)
        if d is None:
            out.append(m)
        elif d.status == CONFIRMED:
            out.append(TriagedMatch(m.start, m.end, m.text, m.entry, m.dictionary, m.score, CONFIRMED, d.note))
    return DecodedDocument(decoded.document, out)


def apply_sidecars(decoded: list[DecodedDocument], explicit: str | os.PathLike | None = None,
                   auto: bool = True,
                   on_error: Callable[[str, DecisionsError], None] | None = None) -> list[DecodedDocument]:
    """Triage decisions applied to decoded documents: the one code path of ``decode``, ``stats``
    and every export. ``--decisions FILE`` for its one input, else each input's own sidecar.

    ``auto=False`` (``--no-decisions``) ignores sidecars found beside the inputs. A sidecar
    found beside an input that cannot be read goes to ``on_error(path, error)`` and that input
    keeps all its matches (without ``on_error`` the error is raised); an explicit FILE that
    cannot be read is always an error.
    """
    if explicit is not None:
        if len(decoded) != 1:
            raise DecisionsError("--decisions FILE needs exactly one input (with several, each input's "
                                 "NAME.jargon.toml beside it is used)")
        return [apply_decisions(decoded[0], load_decisions(explicit))]
    if not auto:
        return decoded
    out = []
    for d in decoded:
        found = find_decisions(d.document.path)
        if found is None:
            out.append(d)
            continue
        try:
            decisions = load_decisions(found)
        except DecisionsError as exc:
            if on_error is None:
                raise
            on_error(str(found), exc)
            out.append(d)
            continue
        out.append(apply_decisions(d, decisions))
    return out
