"""The decoder: dictionaries in, matches with exact offsets out.

How a text flows (see docs/architecture.md):

1. The text is cut into lines (long lines at sentence ends); offsets stay global.
2. Scan: each line's distinct lower-cased words are checked against the lexicon's
   *trigger* forms (C-speed set operations; every new word form is analysed once).
   Lines without a trigger are done.
3. Triggered lines are tokenised with offsets, split words are rejoined ("за брал"),
   and every anchor hit opens a candidate: (pattern, utterance).
4. Each candidate is scored on its best window (jargon.engine.scoring).
5. Overlaps resolve to the best match; literal collocations ("концептуальная модель")
   veto their entry where they match.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from jargon.model import DecodedDocument, Dictionary, Document, Entry, Match
from jargon.text.analyzer import Analyzer
from jargon.text.tokens import WORD_RE, tokenize

from .lexicon import Lexicon
from .patterns import LITERAL, Pattern, entry_patterns
from .scoring import Utterance, Window, best_window, reachable

DEFAULT_THRESHOLD = 75.0
MAX_PIECE = 20_000        # characters per scanned piece; longer lines are cut at sentence ends
_SENTENCE_END = re.compile(r"[.!?…\n]\s")
_PLAIN = re.compile(r"[^\u0300-\u036f]*")   # no combining accents: lower-casing was all the normalising


class Decoder:
    """Build once from dictionaries, then ``decode(text)`` as often as needed. Picklable."""

    def __init__(self, dictionaries: Iterable[Dictionary], threshold: float | None = None,
                 languages: dict | None = None):
        self.dictionaries = list(dictionaries)
        self.threshold = DEFAULT_THRESHOLD if threshold is None else float(threshold)
        self.entries: list[tuple[Dictionary, Entry]] = [(d, e) for d in self.dictionaries for e in d.entries]
        if languages is None:
            from jargon.plugins import get_plugin_manager

            languages = get_plugin_manager().languages()
        by_lang: dict[str, list[int]] = {}
        for idx, (d, _) in enumerate(self.entries):
            by_lang.setdefault(d.language, []).append(idx)
        self.lexicons: list[Lexicon] = []
        pid = 0
        for code, indices in by_lang.items():
            lang = languages.get(code)
            analyzer: Analyzer = lang.analyzer() if lang is not None else Analyzer()
            patterns: list[tuple[int, Pattern]] = []
            spellings: dict[str, str] = {}
            for idx in indices:
                for pat in entry_patterns(self.entries[idx][1], idx, analyzer):
                    patterns.append((pid, pat))
                    pid += 1
            for d in {id(self.entries[i][0]): self.entries[i][0] for i in indices}.values():
                for word, alts in d.spellings.items():
                    for alt in alts:
                        spellings[analyzer.normalize(alt)] = analyzer.normalize(word)
            self.lexicons.append(Lexicon(analyzer, patterns, spellings))

    # -- public -------------------------------------------------------------
    def decode(self, text: str) -> list[Match]:
        """All matches in ``text`` at or above the threshold, sorted, non-overlapping."""
        out: list[Match] = []
        for base, piece in _pieces(text):
            low = piece.lower()
            if len(low) != len(piece):     # a rare character changed length when lower-cased
                low = "".join(ch.lower()[:1] for ch in piece)
            low = low.replace("ё", "е").replace("’", "'")
            forms = set(WORD_RE.findall(low))
            if not forms:
                continue
            found: list[tuple[Window, Pattern, Lexicon, list]] = []
            for lex in self.lexicons:
                if lex.scan(forms):
                    found.extend(self._candidates(piece, low, base, lex))
            if found:
                out.extend(self._resolve(found, text))
        out.sort(key=lambda m: m.start)
        return out

    def decode_document(self, doc: Document) -> DecodedDocument:
        return DecodedDocument(doc, self.decode(doc.text))

    # -- internals ------------------------------------------------------------
    def _candidates(self, piece: str, low: str, base: int, lex: Lexicon):
        a = lex.analyzer
        toks = tokenize(piece, base)
        if _PLAIN.fullmatch(low) and a.plain_lowercase:
            norms = [low[t.start - base:t.end - base] for t in toks]   # already normalised
        else:
            norms = [a.normalize(t.surface) for t in toks]
        hits = [lex.hits(n) for n in norms]
        toks, norms, hits = _rejoin(piece, base, toks, norms, hits, lex)

        weights, persons = lex.weights, lex.persons   # caches per word form, shared by all lines

        def weight(i: int) -> float:
            w = weights.get(norms[i])
            if w is None:
                w = weights[norms[i]] = a.insert_weight(norms[i])
            return w

        def person(i: int) -> bool:
            t = toks[i]
            key = (norms[i], t.capitalized, t.utt_start)
            p = persons.get(key)
            if p is None:
                p = persons[key] = a.is_person(norms[i], t.capitalized, t.utt_start)
            return p

        def opens_utterance(i: int) -> bool:
            """Token i opens its utterance, fillers and formulas aside ("Ну, уважаемые коллеги")."""
            k = i
            while k > 0 and not toks[k].utt_start:
                k -= 1
                if norms[k] not in a.fillers and norms[k] not in a.formulas:
                    return False
            return True

        def governs_noun(i: int) -> bool:
            """An address runs straight into a preposition: a noun phrase ("коллеги по цеху")."""
            k = i + 1
            return (k < len(toks) and toks[k].utt == toks[i].utt and norms[k] in a.prepositions
                    and piece[toks[i].end - base:toks[k].start - base].isspace())

        # group anchor hits by (pattern, utterance)
        anchors: dict[tuple[int, int], list[int]] = {}
        hit_maps: list[dict] = []
        for i, h in enumerate(hits):
            hit_maps.append({(p, j): s for p, j, s in h})
            for p, j, _ in h:
                if (p, j) in lex.anchors:
                    anchors.setdefault((p, toks[i].utt), []).append(i)
        if not anchors:
            return []
        # per utterance views share the piece's token arrays; windows never cross an utterance
        results = []
        utt_bounds: dict[int, tuple[int, int]] = {}
        for i, t in enumerate(toks):
            lo, hi = utt_bounds.get(t.utt, (i, i))
            utt_bounds[t.utt] = (min(lo, i), max(hi, i))
        views: dict[int, tuple[int, Utterance]] = {}

        def view(utt: int) -> tuple[int, Utterance]:
            if utt not in views:
                lo, hi = utt_bounds[utt]
                views[utt] = lo, Utterance(norms[lo:hi + 1], hit_maps[lo:hi + 1], lambda i: weight(i + lo),
                                           lambda i: person(i + lo), lambda i: opens_utterance(i + lo))
            return views[utt]

        present: dict[int, set] = {}

        def possible(pid: int, utt: int) -> bool:
            if utt not in present:
                lo, hi = utt_bounds[utt]
                present[utt] = {k for i in range(lo, hi + 1) for k in hit_maps[i]}
            return reachable(pid, lex.patterns[pid], present[utt])

        def score(pid: int, utt: int, positions: list[int]) -> None:
            if not possible(pid, utt):
                return
            lo, u = view(utt)
            pat = lex.patterns[pid]
            w = best_window(pid, pat, u, [p - lo for p in positions])
            if w is not None and pat.anchored and governs_noun(w.last + lo):
                return
            if w is not None:
                w.first += lo
                w.last += lo
                results.append((w, lex.patterns[pid], lex, toks))

        for (pid, utt), positions in anchors.items():
            score(pid, utt, positions)
        # literal collocations are checked only where their entry matched
        for entry, utt in {(lex.patterns[w.pid].entry, toks[w.first].utt) for w, *_ in results}:
            for lpid in lex.literals.get(entry, ()):
                lo, hi = utt_bounds[utt]
                positions = [i for i in range(lo, hi + 1) if any(k[0] == lpid for k in hit_maps[i])]
                if positions:
                    score(lpid, utt, positions)
        return results

    def _resolve(self, found, text: str) -> list[Match]:
        literal = [(w, pat, toks) for w, pat, _, toks in found if pat.kind == LITERAL and w.score >= self.threshold]
        phrases = [(w, pat, toks) for w, pat, _, toks in found if pat.kind != LITERAL and w.score >= self.threshold]

        def span(w, toks):
            return toks[w.first].start, toks[w.last].end

        def vetoed(w, pat, toks) -> bool:
            s, e = span(w, toks)
            for lw, lpat, ltoks in literal:
                ls, le = span(lw, ltoks)
                if lpat.entry == pat.entry and ls < e and s < le:
                    return True
            return False

        chosen: list[tuple[int, int, Window, Pattern]] = []
        for w, pat, toks in sorted(phrases, key=lambda c: c[0].key, reverse=True):
            if literal and vetoed(w, pat, toks):
                continue
            s, e = span(w, toks)
            if any(s < ce and cs < e for cs, ce, _, _ in chosen):
                continue
            chosen.append((s, e, w, pat))
        out = []
        for s, e, w, pat in chosen:
            d, entry = self.entries[pat.entry]
            out.append(Match(s, e, text[s:e], entry, d.name, round(min(100.0, w.score), 1)))
        return out


def _rejoin(piece, base, toks, norms, hits, lex: Lexicon):
    """Join two words that speech-to-text split ("за брал", "верхне уровнево")."""
    if len(toks) < 2:
        return toks, norms, hits
    out_t, out_n, out_h = [], [], []
    i = 0
    while i < len(toks):
        if i + 1 < len(toks) and toks[i].utt == toks[i + 1].utt:
            a, b = toks[i], toks[i + 1]
            gap = piece[a.end - base:b.start - base]
            merged = norms[i] + norms[i + 1]
            if gap.isspace() and ("=" + merged in lex.postings or merged in lex.joined or
                                  norms[i] in lex.halves or norms[i + 1] in lex.halves):
                mh = lex.hits(merged)
                parts = {(p, j) for p, j, _ in hits[i]} | {(p, j) for p, j, _ in hits[i + 1]}
                if any((p, j) not in parts for p, j, _ in mh):   # the joined word says more
                    out_t.append(a._replace(end=b.end, surface=piece[a.start - base:b.end - base]))
                    out_n.append(merged)
                    out_h.append(mh)
                    i += 2
                    continue
        out_t.append(toks[i])
        out_n.append(norms[i])
        out_h.append(hits[i])
        i += 1
    return out_t, out_n, out_h


def _pieces(text: str) -> Iterator[tuple[int, str]]:
    """Lines of ``text`` with their offsets; lines longer than MAX_PIECE are cut after a sentence end."""
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl + 1
        while end - pos > MAX_PIECE:
            cut = -1
            for m in _SENTENCE_END.finditer(text, pos + MAX_PIECE // 2, pos + MAX_PIECE):
                cut = m.end()
            if cut == -1:
                space = text.rfind(" ", pos + MAX_PIECE // 2, pos + MAX_PIECE)
                cut = space + 1 if space != -1 else pos + MAX_PIECE
            yield pos, text[pos:cut]
            pos = cut
        yield pos, text[pos:end]
        pos = end
