"""Score a decoder on labelled sets: precision, recall and F1, overall and per kind.

Two kinds of set, both JSON Lines:

* **phrase sets** (the development set ``shared/eval/dev.jsonl``, tests/data/*.jsonl):
  ``{"id", "text", "expect": [headword, ...], "allow": [headword, ...], "kind"}``. The
  items are joined with blank lines into one document, decoded once, and each match is
  mapped back to its item by offset, as ``shared/eval/score.py`` does; an item's found
  headwords are compared with ``expect`` (``allow`` counts neither way).
* **span sets** (English): ``{"id", "text", "spans": [{"text", "term", "start"?}, ...], "kind"}``:
  the jargon said in the text, whatever the dictionary calls it (at ``start`` when given,
  else its first use after the previous span). A labelled span is found when a match
  overlaps it; a match overlapping no labelled span is a false alarm.

Used by the test suite (tests/test_quality.py, with committed floors) and by
``python -m jargon.evaluation SET.jsonl [-d DICT ...] [--errors]``.
"""
from __future__ import annotations

import bisect
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SEPARATOR = "\n\n"


@dataclass
class Score:
    """Counts of one set, overall and per kind, with the items that went wrong."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    offset_errors: int = 0
    kinds: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    errors: list[str] = field(default_factory=list)

    @staticmethod
    def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def precision(self) -> float:
        return self._prf(self.tp, self.fp, self.fn)[0]

    @property
    def recall(self) -> float:
        return self._prf(self.tp, self.fp, self.fn)[1]

    @property
    def f1(self) -> float:
        return self._prf(self.tp, self.fp, self.fn)[2]

    def kind_recall(self, kind: str) -> float:
        c = self.kinds[kind]
        return self._prf(c["tp"], c["fp"], c["fn"])[1]

    def add(self, kind: str, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn
        c = self.kinds[kind]
        c["tp"] += tp
        c["fp"] += fp
        c["fn"] += fn

    def summary(self) -> str:
        lines = ["kind               tp   fp   fn   recall  precision"]
        for kind in sorted(self.kinds):
            c = self.kinds[kind]
            p, r, _ = self._prf(c["tp"], c["fp"], c["fn"])
            lines.append(f"{kind:<18}{c['tp']:>4}{c['fp']:>5}{c['fn']:>5}   {r:6.3f}  {p:6.3f}")
        lines.append(f"F1={self.f1:.3f} P={self.precision:.3f} R={self.recall:.3f} tp={self.tp} fp={self.fp} "
                     f"fn={self.fn} offset_errors={self.offset_errors}")
        return "\n".join(lines)


def load(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _document(items: list[dict]) -> tuple[str, list[int]]:
    starts, pos = [], 0
    for item in items:
        starts.append(pos)
        pos += len(item["text"]) + len(SEPARATOR)
    return SEPARATOR.join(item["text"] for item in items) + "\n", starts


def _by_item(matches: Iterable, items: list[dict], starts: list[int], document: str, score: Score):
    """Each match with the index of the item it lies in (offset errors counted)."""
    for m in matches:
        i = bisect.bisect_right(starts, m.start) - 1
        if i < 0 or m.end > starts[i] + len(items[i]["text"]) or document[m.start:m.end] != m.text:
            score.offset_errors += 1
            continue
        yield i, m


def score_phrases(decoder, items: list[dict]) -> Score:
    """Score a phrase set (see the module docstring)."""
    document, starts = _document(items)
    score = Score()
    found: dict[int, set[str]] = defaultdict(set)
    for i, m in _by_item(decoder.decode(document), items, starts, document, score):
        found[i].add(m.phrase)
    for i, item in enumerate(items):
        expect, allow = set(item.get("expect", ())), set(item.get("allow", ()))
        got = found.get(i, set())
        tp, fn, fp = got & expect, expect - got, got - expect - allow
        score.add(item.get("kind", "?"), len(tp), len(fp), len(fn))
        if fn or fp:
            score.errors.append(f"{item['id']} [{item.get('kind')}] missed={sorted(fn)} extra={sorted(fp)}: "
                                f"{item['text'][:300]}")
    return score


def score_spans(decoder, items: list[dict]) -> Score:
    """Score a span set (see the module docstring)."""
    document, starts = _document(items)
    score = Score()
    found: dict[int, list] = defaultdict(list)
    for i, m in _by_item(decoder.decode(document), items, starts, document, score):
        found[i].append((m.start - starts[i], m.end - starts[i], m.phrase))
    for i, item in enumerate(items):
        gold, pos = [], 0
        for span in item.get("spans", ()):
            at = span.get("start")
            if not (isinstance(at, int) and item["text"][at:at + len(span["text"])] == span["text"]):
                # no (or a wrong) offset: the first use after the previous span
                at = item["text"].find(span["text"], pos)
                if at < 0:
                    at = item["text"].find(span["text"])
            if at >= 0:
                gold.append((at, at + len(span["text"]), span.get("term", span["text"])))
                pos = at + len(span["text"])
        got = found.get(i, [])
        hit = [g for g in gold if any(s < g[1] and g[0] < e for s, e, _ in got)]
        false = [m for m in got if not any(m[0] < g[1] and g[0] < m[1] for g in gold)]
        score.add(item.get("kind", "?"), len(hit), len(false), len(gold) - len(hit))
        if len(hit) < len(gold) or false:
            missed = [g[2] for g in gold if g not in hit]
            extra = [f"{item['text'][s:e]!r}->{p}" for s, e, p in false]
            score.errors.append(f"{item['id']} [{item.get('kind')}] missed={missed} extra={extra}: "
                                f"{item['text'][:300]}")
    return score


def score_file(decoder, path: str | Path) -> Score:
    """Score a set file of either kind (span sets have "spans" in their items)."""
    items = load(path)
    return score_spans(decoder, items) if items and "spans" in items[0] else score_phrases(decoder, items)


def main(argv: list[str] | None = None) -> int:
    import argparse

    from jargon.catalog import load_dictionaries
    from jargon.engine.decoder import Decoder
    from jargon.plugins import get_plugin_manager

    ap = argparse.ArgumentParser(prog="python -m jargon.evaluation", description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="+", metavar="SET.jsonl")
    ap.add_argument("-d", "--dict", action="append", default=[], metavar="NAME|PATH")
    ap.add_argument("--errors", action="store_true", help="list the items that went wrong")
    args = ap.parse_args(argv)
    pm = get_plugin_manager()
    decoder = Decoder(load_dictionaries(args.dict or None, pm), languages=pm.languages())
    for path in args.sets:
        score = score_file(decoder, path)
        print(f"== {path}")
        if args.errors:
            print("\n".join(score.errors))
        print(score.summary())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
