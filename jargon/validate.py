"""The checks behind ``jargon dict validate``: everything that makes a dictionary hard to use.

1. the schema (``jargon.dictionary.load_dictionary``: broken TOML, unknown keys,
   missing fields, duplicate ids and headwords), which stops the other checks;
2. variants that repeat a headword or variant (their own entry's or another's);
3. headwords that collide fuzzily with another entry's headword or variant;
4. variants that, decoded alone, do not match their own entry;
5. examples that do not decode to their own entry.

Apart from those problems, :func:`shared_headwords` finds the headwords another dictionary
has too (the command prints them as notes: both entries are kept, and a reader meets two
meanings, which may be what the two dictionaries mean).

Each problem carries the file and line it is about (the entry's line when the
exact line of a variant or example cannot be found).
"""
from __future__ import annotations

import json
import os
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .errors import JargonError
from .model import Dictionary, Entry

DEFAULT_SIMILARITY = 90.0   # rapidfuzz ratio (0-100) of normalised headwords above which they collide


@dataclass(frozen=True)
class Problem:
    path: Path | str | None
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


class UnreadableDictionary(JargonError):
    """A dictionary file that cannot be read at all (missing, a folder, no permission)."""


def normalise(text: str) -> str:
    """The words as the engine tokenises them (inner hyphens kept), lower-cased, ё as е."""
    from .text.tokens import words

    return " ".join(w.lower().replace("ё", "е").replace("’", "'") for w in words(text))


def validate_file(path: str | os.PathLike, languages: dict | None = None,
                  similarity: float = DEFAULT_SIMILARITY,
                  decoder_factory: Callable[[Sequence[Dictionary]], Any] | None = None,
                  loaded: Dictionary | None = None) -> list[Problem]:
    """Every problem in one dictionary file, sorted by line.

    ``languages``: language code -> ``Language`` for the decoder (default: those of the
    process-wide plugin manager). ``decoder_factory`` builds the decoder (default:
    :class:`jargon.engine.decoder.Decoder`). ``loaded``: the file's dictionary when the
    caller has loaded it already (it is not parsed again). Raises :class:`UnreadableDictionary`
    when the file cannot be read.
    """
    from .dictionary import load_dictionary
    from .errors import DictionaryError, DictionaryTooDeep

    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UnreadableDictionary(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        d = loaded if loaded is not None else load_dictionary(path)
    except DictionaryTooDeep as exc:
        raise UnreadableDictionary(str(exc)) from None
    except DictionaryError as exc:
        return [Problem(path, exc.line or 0, exc.reason)]
    if decoder_factory is None:
        decoder_factory = _default_decoder_factory(languages)
    lines = raw.decode("utf-8").splitlines()
    return validate_dictionary(d, lines, similarity, decoder_factory)


def validate_dictionary(d: Dictionary, lines: Sequence[str], similarity: float,
                        decoder_factory: Callable[[Sequence[Dictionary]], Any]) -> list[Problem]:
    """The content checks (2-5) of a dictionary that passed the schema check."""
    from .nogc import paused_gc

    where = _Locator(d, lines)
    problems: list[Problem] = []
    # the duplicate and fuzzy checks make many small tuples and sets, none of them cyclic,
    # beside the whole dictionary, which the cycle collector would keep walking for nothing
    with paused_gc():
        normal = {text: normalise(text) for e in d.entries for text in (e.phrase, *e.variants)}
        duplicated = _duplicate_variants(d, where, normal, problems)
        _fuzzy_headwords(d, where, normal, similarity, problems)
    # (entry, 0 for a variant or the example's number, text)
    variants = [(e, 0, v) for e in d.entries for v in e.variants if (e.id, v) not in duplicated]
    examples = [(e, n, x) for e in d.entries for n, x in enumerate(e.examples, 1)]
    decoder = decoder_factory([d])
    # a variant is checked as a phrase, without its entry's context guards (a variant said alone
    # has no context); the examples are decoded with the guards on
    phrases = decoder_factory([_without_context(d)]) if any(e.context or e.unless for e in d.entries) else decoder
    checked = variants + examples
    decoded = (decode_each(phrases, [text for _, _, text in variants])
               + decode_each(decoder, [text for _, _, text in examples]))
    for (entry, n, text), matches in zip(checked, decoded, strict=True):
        found = _found(matches, d.name)
        if entry.id in found:
            continue
        if n == 0:
            problems.append(Problem(d.path, where.item(entry, "variants", text),
                                    f"variant {text!r} of entry {entry.id!r} {_instead(found, 'matches')}"))
        else:
            problems.append(Problem(d.path, where.item(entry, "examples", text),
                                    f"example {n} of entry {entry.id!r} does not decode to it "
                                    f"({_instead(found, 'found')}): {_short(text)!r}"))
    return sorted(problems, key=lambda p: p.line)


def _without_context(d: Dictionary) -> Dictionary:
    """``d`` with no entry's context guards (jargon.engine.context)."""
    return replace(d, entries=tuple(replace(e, context=(), unless=()) if e.context or e.unless else e
                                    for e in d.entries))


def decode_each(decoder: Any, texts: Sequence[str]) -> list[list[Any]]:
    """The matches ``decoder`` finds in each of ``texts``, as decoding each alone finds them.

    The decoder works line by line, so the texts are decoded together, one line apart, and
    each match goes back to its text by offset (one decode call instead of one per text;
    ``tests/test_validate_batch.py`` checks that this finds what one call per text finds).
    A text whose lower-casing changes its length ("İ") is decoded alone: the decoder then
    lower-cases its whole block character by character."""
    out: list[list[Any]] = [[] for _ in texts]
    together = [i for i, text in enumerate(texts) if len(text.lower()) == len(text)]
    for i in sorted(set(range(len(texts))).difference(together)):
        out[i] = list(decoder.decode(texts[i]))
    starts, pos = [], 0
    for i in together:
        starts.append(pos)
        pos += len(texts[i]) + 1
    for m in decoder.decode("\n".join(texts[i] for i in together)):
        k = bisect_right(starts, m.start) - 1
        out[together[k]].append(replace(m, start=m.start - starts[k], end=m.end - starts[k]))
    return out


def _default_decoder_factory(languages: dict | None) -> Callable[[Sequence[Dictionary]], Any]:
    def build(dictionaries: Sequence[Dictionary]):
        from .engine.decoder import Decoder

        langs = languages
        if langs is None:
            from .plugins import get_plugin_manager

            langs = get_plugin_manager().languages()
        return Decoder(list(dictionaries), languages=langs)

    return build


def _found(matches: Iterable[Any], dictionary: str) -> list[str]:
    return [m.entry.id for m in matches if m.dictionary == dictionary]


def _instead(found: list[str], verb: str) -> str:
    if not found:
        return "matches nothing" if verb == "matches" else "found nothing"
    ids = ", ".join(repr(i) for i in dict.fromkeys(found))
    return f"matches {ids} instead" if verb == "matches" else f"found {ids}"


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _duplicate_variants(d: Dictionary, where: _Locator, normal: dict[str, str],
                        problems: list[Problem]) -> set[tuple[str, str]]:
    """Variants equal (normalised: ``normal``) to a headword or variant seen before; returns
    (entry id, variant)."""
    owners: dict[str, tuple[Entry, str]] = {}   # normalised form -> (entry, "the headword"/"a variant")
    for entry in d.entries:
        owners.setdefault(normal[entry.phrase], (entry, "the headword"))
    flagged: set[tuple[str, str]] = set()
    for entry in d.entries:
        for variant in entry.variants:
            key = normal[variant]
            owner, role = owners.get(key, (None, ""))
            if owner is None:
                owners[key] = (entry, "a variant")
                continue
            if owner is entry:
                what = "repeats the headword" if role == "the headword" else "is listed twice"
                message = f"variant {variant!r} of entry {entry.id!r} {what}"
            else:
                message = (f"variant {variant!r} of entry {entry.id!r} is also {role} of entry "
                           f"{owner.id!r} (line {owner.line})")
            problems.append(Problem(d.path, where.item(entry, "variants", variant), message))
            flagged.add((entry.id, variant))
    return flagged


def _same_file(a: Dictionary, b: Dictionary) -> bool:
    try:
        return a.path is not None and b.path is not None and Path(a.path).resolve() == Path(b.path).resolve()
    except OSError:
        return False


def shared_headwords(d: Dictionary, others: Sequence[Dictionary]) -> list[Problem]:
    """Headwords of ``d`` (loaded from a file) that one of ``others`` has too, by line; a
    dictionary of the same name or file as ``d`` is not among the others."""
    from .catalog import headword_key, where_entry

    try:
        lines = Path(d.path).read_text(encoding="utf-8").splitlines() if d.path else []
    except (OSError, UnicodeDecodeError):
        lines = []
    where = _Locator(d, lines)
    problems: list[Problem] = []
    theirs: dict[str, list[tuple[Dictionary, Entry]]] = {}
    for other in others:
        if other.name == d.name or _same_file(other, d):
            continue
        for e in other.entries:
            theirs.setdefault(headword_key(e.phrase), []).append((other, e))
    for entry in d.entries:
        for other, e in theirs.get(headword_key(entry.phrase), ()):
            problems.append(Problem(d.path, where.key(entry, "phrase"),
                                    f"headword {entry.phrase!r} of entry {entry.id!r} is also the headword of "
                                    f"{where_entry(other, e)}: both are kept, tell them apart or drop one"))
    return sorted(problems, key=lambda p: p.line)


def _fuzzy_headwords(d: Dictionary, where: _Locator, normal: dict[str, str], similarity: float,
                     problems: list[Problem]) -> None:
    """Headwords within ``similarity`` of another entry's headword or variant (not equal: see
    above), all of them normalised (``normal``)."""
    from .similar_pairs import similar_pairs

    entries = list(d.entries)
    if len(entries) < 2:
        return
    heads = [normal[e.phrase] for e in entries]
    forms: list[tuple[int, str, str]] = []     # (entry index, normalised form, verbatim)
    first_query: list[int] = []                # headword j is a choice for later headwords only (see below)
    for i, e in enumerate(entries):
        forms.append((i, heads[i], e.phrase))
        forms.extend((i, normal[v], v) for v in e.variants)
        first_query.extend([i + 1] + [0] * len(e.variants))
    close: dict[int, list[tuple[float, int]]] = defaultdict(list)    # headword -> (score, form)
    for i, k, score in similar_pairs(heads, [f[1] for f in forms], similarity, first_query):
        close[i].append((score, k))
    for i, entry in enumerate(entries):
        best: tuple[float, int, str, bool] | None = None
        for score, k in sorted(close.get(i, ()), key=lambda c: (-c[0], c[1])):
            j, form, verbatim = forms[k]
            if j == i or form == heads[i]:
                continue
            is_headword = verbatim == entries[j].phrase
            if is_headword and j > i:
                continue      # a headword pair is reported once, at the later entry
            if best is None or score > best[0]:
                best = (float(score), j, verbatim, is_headword)
        if best is None:
            continue
        score, j, verbatim, is_headword = best
        role = "the headword" if is_headword else "a variant"
        problems.append(Problem(
            d.path, where.key(entry, "phrase"),
            f"headword {entry.phrase!r} of entry {entry.id!r} is close to {verbatim!r}, {role} of entry "
            f"{entries[j].id!r} (line {entries[j].line}, similarity {score:.0f}): merge them or tell them apart"))


class _Locator:
    """Finds the line of a key or of a list item inside an entry's table."""

    def __init__(self, d: Dictionary, lines: Sequence[str]):
        self.lines = lines
        starts = sorted(e.line for e in d.entries if e.line)
        self.ends = {s: (starts[k + 1] if k + 1 < len(starts) else len(lines) + 1) for k, s in enumerate(starts)}

    def _span(self, entry: Entry) -> range:
        if not entry.line:
            return range(0)
        return range(entry.line, self.ends.get(entry.line, len(self.lines) + 1))   # 1-based lines

    def key(self, entry: Entry, key: str) -> int:
        pattern = re.compile(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=")
        for n in self._span(entry):
            if pattern.match(self.lines[n - 1]):
                return n
        return entry.line

    def item(self, entry: Entry, key: str, value: str) -> int:
        start = self.key(entry, key)
        quoted = (json.dumps(value, ensure_ascii=False), f"'{value}'")
        for n in self._span(entry):
            if n >= start and any(q in self.lines[n - 1] for q in quoted):
                return n
        return start or entry.line
