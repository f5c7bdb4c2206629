"""The decoder: dictionaries in, matches with exact offsets out.

How a text flows (see docs/architecture.md):

1. The text is lower-cased in blocks of whole lines and cut into lines (long lines at
   sentence ends); offsets stay global.
2. Scan: C-level passes over a block give each line's words and the block's new word
   forms, which are analysed once each. Only *hot* lines (holding a leading anchor or a
   piece of a split word) cost Python work: a line is a candidate only when it holds a
   phrase's anchor pair (jargon.engine.lexicon); other lines are done.
3. Candidate lines are tokenised with offsets, split words are rejoined ("за брал"),
   and each candidate phrase is scored on its best window in each utterance
   (jargon.engine.scoring).
4. Overlaps resolve to the best match; literal collocations ("концептуальная модель")
   veto their entry where they match, and an entry's context guards where no word of its
   topic is near, or a word of a literal topic is (jargon.engine.context).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import accumulate, chain
from operator import add

from rapidfuzz import fuzz

from jargon.catalog import headword_key
from jargon.model import DecodedDocument, Dictionary, Document, Entry, Match
from jargon.nogc import paused_gc
from jargon.text.analyzer import Analyzer
from jargon.text.tokens import WORD_RE, Tokens, sentences

from .cache import build_lexicon, language_tables, scoped, unscoped
from .context import ContextGuards
from .lexicon import Lexicon
from .line import Candidate, CandidateLine
from .patterns import LITERAL, Pattern, capitalised_words
from .scoring import Window
from .tuning import DEFAULT_THRESHOLD, MAX_PIECE

__all__ = ["DEFAULT_THRESHOLD", "Decoder"]

_SENTENCE_END = re.compile(r"[.!?…\n]\s")


class Decoder:
    """Build once from dictionaries, then ``decode(text)`` as often as needed. Picklable.

    ``languages`` maps a language code to its :class:`jargon.contributions.Language` (the
    plugins' languages, as :class:`jargon.session.Session` passes them); dictionaries in a
    language not given are matched with the neutral :class:`Analyzer`. The public
    ``jargon.Decoder`` fills it from the installed plugins."""

    def __init__(self, dictionaries: Iterable[Dictionary], threshold: float | None = None,
                 languages: dict | None = None, explain: bool = False, near_misses: bool = False):
        self.dictionaries = list(dictionaries)
        self.explain = explain or near_misses     # matches carry how they matched (jargon.engine.explain)
        self.near_misses = near_misses            # decode_document also keeps the rejected candidates
        self.threshold = DEFAULT_THRESHOLD if threshold is None else float(threshold)
        self.entries: list[tuple[Dictionary, Entry]] = [(d, e) for d in self.dictionaries for e in d.entries]
        # the languages come from the caller (jargon.session builds them from the plugins);
        # a language nobody gave gets the neutral analyser
        languages = languages or {}
        by_lang: dict[str, list[int]] = {}
        for idx, (d, _) in enumerate(self.entries):
            by_lang.setdefault(d.language, []).append(idx)
        self.lexicons: list[Lexicon] = []     # one per language; pattern ids are per lexicon
        self.contexts = ContextGuards()       # entries that count only near (or away from) words of a topic
        for code, indices in by_lang.items():
            lang = languages.get(code)
            analyzer: Analyzer = lang.analyzer() if lang is not None else Analyzer()
            for idx in indices:
                self.contexts.add(idx, self.entries[idx][1], self.entries[idx][0].sets, analyzer)
            tables = language_tables(analyzer, [self.entries[i][0] for i in indices])
            items = [(idx, scoped(*self.entries[idx])) for idx in indices]
            self.lexicons.append(build_lexicon(analyzer, items, tables))

    # -- public -------------------------------------------------------------
    def decode(self, text: str, near_misses: list[Match] | None = None) -> list[Match]:
        """All matches in ``text`` at or above the threshold, sorted, non-overlapping. With a
        ``near_misses`` list, the candidates that were rejected are added to it, each with its
        explanation and why (below the threshold, a literal use, a guard, a better overlap)."""
        with paused_gc():
            out = self._decode(text, near_misses)
        if near_misses:
            # one near miss per entry and stretch of text: the wording that came closest
            best: dict[tuple, Match] = {}
            for m in near_misses:
                key = (m.start, m.end, m.entry.id, (m.explain or {}).get("rejected"))
                if key not in best or m.score > best[key].score:
                    best[key] = m
            near_misses[:] = sorted(best.values(), key=lambda m: (m.start, m.end))
        return out

    def _decode(self, text: str, trace: list[Match] | None = None) -> list[Match]:
        out: list[Match] = []
        for base, low in _lowered_blocks(text):
            pieces, lines = _pieces(low)
            # C-level passes over the whole block: each piece's words, all distinct words
            words = list(map(WORD_RE.findall, lines))
            block_forms = set(chain.from_iterable(words))
            if not block_forms:
                continue
            found: dict[int, list[Candidate]] = {}
            for lex in self.lexicons:
                for i, pids, split in lex.scan_block(words, block_forms):
                    s, e = pieces[i]
                    # with split words in play, rejoin first and look for candidates again
                    found.setdefault(i, []).extend(self._candidates(
                        text[base + s:base + e], lines[i], words[i], base + s, lex, pids, split, trace))
            for i in sorted(found):
                if found[i]:
                    out.extend(self._resolve(found[i], text, trace))
        out.sort(key=lambda m: m.start)
        return out

    def decode_document(self, doc: Document) -> DecodedDocument:
        near: list[Match] | None = [] if self.near_misses else None
        return DecodedDocument(doc, self.decode(doc.text, near), near or [])

    # -- internals ------------------------------------------------------------
    def _candidates(self, piece: str, low: str, words: list[str], base: int, lex: Lexicon, pids: set[int],
                    split: bool, trace: list[Match] | None = None) -> list[Candidate]:
        """Score candidate patterns on one piece: [(window, pattern, tokens, context)], through
        the stages of :class:`jargon.engine.line.CandidateLine`. ``low`` is the piece
        lower-cased and ``words`` its words as the scan found them. With ``split``, ``pids``
        counted pieces of split words as present: rejoin them, then look again."""
        line = CandidateLine(lex, piece, low, words, base, self.threshold)
        if trace is None and line.other_language():
            return []       # nothing of this language can match here (with a trace, each window says so)
        if not split:
            return self._line_candidates(line, pids, trace)
        joined = line.rejoin(pids)
        out = self._line_candidates(line, joined, trace) if joined else []
        if line.joined_apart:
            # a join took two words a candidate phrase says apart ("push back politely" and
            # "pushback", "on board" and "onboard"): the line is read both ways, the better wins
            apart = CandidateLine(lex, piece, low, words, base, self.threshold)
            kept = apart.rejoin(pids, keep_apart=True)
            if kept:
                out += self._line_candidates(apart, kept, trace)
        return out

    def _line_candidates(self, line: CandidateLine, pids: set[int], trace: list[Match] | None) -> list[Candidate]:
        """The scored candidates of one line (:meth:`_candidates`' last stages)."""
        line.index(pids)
        refused = None
        if trace is not None:
            def refused(c: Candidate, reason: str) -> None:
                trace.append(self._match(c[0], c[1], c[2], c[3], reason))
        try:
            return line.candidates(pids, refused)
        finally:
            # its utterance views call back into the line: a cycle the paused collector would
            # keep until the end of the text (hundreds of MB with a large dictionary)
            line.views.clear()

    def _resolve(self, found: list[Candidate], text: str, trace: list[Match] | None = None) -> list[Match]:
        """Choose among one piece's candidates ``(window, pattern, tokens, context)``: those at
        or above the threshold, greedily by preference, skipping overlaps and literal uses.
        With ``trace``, every candidate not chosen goes there with the reason."""
        threshold = self.threshold
        literal = [c for c in found if c[1].kind == LITERAL and c[0].score >= threshold]
        phrases = [c for c in found if c[1].kind != LITERAL and c[0].score >= threshold]
        if trace is not None:
            trace.extend(self._match(*c, f"score under the threshold {threshold:g}")
                         for c in found if c[1].kind != LITERAL and c[0].score < threshold)

        def span(w, toks):
            return toks.starts[w.first], toks.ends[w.last]

        def vetoing(w, pat, toks) -> Pattern | None:
            """The literal collocation of the same entry said over this window, if any."""
            s, e = span(w, toks)
            for lw, lpat, ltoks, _ in literal:
                ls, le = span(lw, ltoks)
                if lpat.entry == pat.entry and ls < e and s < le and _cased_alike(lw, lpat, ltoks, text):
                    return lpat
            return None

        def preference(c: Candidate) -> tuple:
            """Explain more of the text, and well; on a tie, the pattern written most like the
            text ("стандартизирую результат": "результат" rather than "результаты"), then the
            earlier one in the dictionaries."""
            w, pat, toks, _ = c
            s, e = span(w, toks)
            return w.key, fuzz.ratio(text[s:e].lower(), pat.text.lower()), -w.pid

        chosen: list[tuple[int, int, Candidate]] = []
        for c in sorted(phrases, key=preference, reverse=True) if len(phrases) > 1 else phrases:
            w, pat, toks, _ = c
            lit = vetoing(w, pat, toks) if literal else None
            s, e = span(w, toks)
            better = [cc for cs, ce, cc in chosen
                      if s < ce and cs < e and not self._same_headword(cc, c, (cs, ce), (s, e))]
            reason = (f"a literal use: {unscoped(lit.text)!r}" if lit is not None else
                      self.contexts.refusal(pat.entry, c[3][1], w.first, w.last,
                                            _sentences(c) if pat.entry in self.contexts.not_near else None) or
                      ("overlapped by a better match" if better else None))
            if reason:
                # another wording of an entry that matched here is no near miss worth listing
                if trace is not None and not any(cc[1].entry == pat.entry for cc in better):
                    trace.append(self._match(*c, reason))
                continue
            chosen.append((s, e, c))
        return [self._match(*c) for _, _, c in chosen]

    def _same_headword(self, chosen: Candidate, other: Candidate, chosen_span: tuple[int, int],
                       span: tuple[int, int]) -> bool:
        """Two dictionaries' entries of one headword over the same words: both are kept (each
        dictionary says what it means), not one hidden behind the other."""
        if chosen_span != span:
            return False
        (d1, e1), (d2, e2) = self.entries[chosen[1].entry], self.entries[other[1].entry]
        return d1.name != d2.name and headword_key(e1.phrase) == headword_key(e2.phrase)

    def _match(self, w: Window, pat: Pattern, toks: Tokens, context: tuple, rejected: str | None = None) -> Match:
        """The Match of a chosen (or, with ``rejected``, a refused) candidate window."""
        s, e = toks.starts[w.first], toks.ends[w.last]
        d, entry = self.entries[pat.entry]
        _, _, piece, base = context
        explanation = None
        if self.explain:
            from .explain import explain_window

            explanation = explain_window(w, pat, toks, context, self.threshold, rejected, entry.phrase)
            explanation["guards"].extend(self.contexts.explain(pat.entry, context[1], w.first, w.last,
                                                               sentences(toks, piece, base)))
        return Match(s, e, piece[s - base:e - base], entry, d.name, round(min(100.0, w.score), 1), explain=explanation)


def _sentences(c: Candidate) -> list[int]:
    """The sentence number of each token of a candidate's line (for its ``unless`` guard)."""
    _, _, toks, (_, _, piece, base) = c
    return sentences(toks, piece, base)


def _cased_alike(w: Window, pat: Pattern, toks: Tokens, text: str) -> bool:
    """A literal collocation's word written in capitals (an acronym: "верхнеуровневое ПО")
    is said only by that word in capitals, not by a word spelt alike ("по проекту")."""
    acronyms = capitalised_words(pat.text)
    if not acronyms or not w.assigned:
        return True
    return all(text[toks.starts[i]:toks.ends[i]].isupper()
               for j, (i, _) in w.assigned.items() if pat.tokens[j].word in acronyms)


def _lowered_blocks(text: str, block: int = 1 << 18) -> Iterator[tuple[int, str]]:
    """``(start, lowered block)``: ``text`` lower-cased in blocks of whole lines (about
    ``block`` characters), so memory stays bounded."""
    pos, n = 0, len(text)
    while pos < n:
        stop = n if n - pos <= block else text.find("\n", pos + block) + 1 or n
        yield pos, _lowered(text[pos:stop])
        pos = stop


def _lowered(text: str) -> str:
    """``text`` lower-cased with "ё" as "е" and "’" as "'", code point for code point."""
    low = text.lower()
    if len(low) != len(text):     # a rare character ("İ") grew when lower-cased
        low = "".join(ch.lower()[:1] for ch in text)
    return low.replace("ё", "е").replace("’", "'")


def _pieces(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """The ``(start, end)`` spans of the lines of ``text`` (without the line break), and the
    lines; lines longer than MAX_PIECE are cut after a sentence end (or a space), so memory
    stays bounded."""
    lines = text.split("\n")
    lengths = list(map(len, lines))
    starts = list(accumulate(lengths, lambda start, length: start + length + 1, initial=0))
    if max(lengths) <= MAX_PIECE:      # the common case: plain lines, no Python loop
        return list(zip(starts, map(add, starts, lengths), strict=False)), lines
    out = []
    for pos, length in zip(starts, lengths, strict=False):
        end = pos + length
        while end - pos > MAX_PIECE:
            cut = -1
            for m in _SENTENCE_END.finditer(text, pos + MAX_PIECE // 2, pos + MAX_PIECE):
                cut = m.end()
            if cut == -1:
                space = text.rfind(" ", pos + MAX_PIECE // 2, pos + MAX_PIECE)
                cut = space + 1 if space != -1 else pos + MAX_PIECE
            out.append((pos, cut))
            pos = cut
        out.append((pos, end))
    return out, [text[s:e] for s, e in out]
