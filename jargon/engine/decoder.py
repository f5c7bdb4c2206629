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
   veto their entry where they match.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from itertools import accumulate, chain, compress, count
from operator import add, and_, not_, or_

from rapidfuzz import fuzz

from jargon.model import DecodedDocument, Dictionary, Document, Entry, Match
from jargon.nogc import paused_gc
from jargon.text.analyzer import Analyzer
from jargon.text.tokens import WORD_RE, Tokens, tokenize

from .cache import build_lexicon, language_tables
from .lexicon import Lexicon, reachable
from .patterns import LITERAL, Pattern
from .scoring import Utterance, Window, best_window
from .tuning import DEFAULT_THRESHOLD, MAX_GAP, MAX_PIECE, ONE_WORD_TYPO_LONG, ONE_WORD_TYPO_LOWER, ONE_WORD_TYPO_SIM

__all__ = ["DEFAULT_THRESHOLD", "Decoder"]

Candidate = tuple[Window, Pattern, Tokens, tuple]   # a scored window, its pattern, the piece's tokens, guard context

_SENTENCE_END = re.compile(r"[.!?…\n]\s")
_PLAIN = re.compile(r"[^\u0300-\u036f]*")   # no combining accents: lower-casing was all the normalising
_LETTER = re.compile(r"[^\W\d_]")
_FOREIGN_WORD = re.compile(r"[a-z'-]+$")      # a word in Latin letters (read through transliteration)


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
        for code, indices in by_lang.items():
            lang = languages.get(code)
            analyzer: Analyzer = lang.analyzer() if lang is not None else Analyzer()
            tables = language_tables(analyzer, [self.entries[i][0] for i in indices])
            items = [(idx, self.entries[idx][1]) for idx in indices]
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
        """Score candidate patterns on one piece: [(window, pattern, tokens, context)]. ``low`` is the
        piece lower-cased (same length) and ``words`` its words as the scan found them. With
        ``split``, ``pids`` counted pieces of split words as present: rejoin them, then look again."""
        a = lex.analyzer
        toks = tokenize(low, base)            # the same words, at the same offsets, as in the piece
        if a.plain_lowercase and _PLAIN.fullmatch(low):
            norms = words                     # already normalised: WORD_RE on ``low`` gave them
        else:
            norms = [a.normalize(piece[s - base:e - base]) for s, e in zip(toks.starts, toks.ends, strict=True)]
        try:
            classes = list(map(lex.cache.__getitem__, norms))    # the scan analysed them all
        except KeyError:            # normalising found forms the scan did not see
            classes = [lex.classes(n) for n in norms]
        if split:
            n = len(norms)
            toks, norms, classes = _rejoin(piece, base, toks, norms, classes, lex)
            present = set().union(*map(lex.sets.__getitem__, norms))
            # nothing joined: the line's classes are a subset of those ``pids`` assumed
            pids = lex.candidates(present) if len(norms) != n else lex.possible(pids, present)
            if not pids:
                return []

        weights, persons = lex.weights, lex.persons   # caches per word form, shared by all lines

        def weight(i: int) -> float:
            w = weights.get(norms[i])
            if w is None:
                w = weights[norms[i]] = a.insert_weight(norms[i])
            return w

        starts, ends, opens, utts = toks

        person_at: list[bool | None] = [None] * len(norms)

        def person(i: int) -> bool:
            p = person_at[i]
            if p is None:
                key = (norms[i], piece[starts[i] - base].isupper(), opens[i])
                p = persons.get(key)
                if p is None:
                    p = persons[key] = a.is_person(*key)
                person_at[i] = p
            return p

        def opens_utterance(i: int) -> bool:
            """Token i opens its utterance, fillers and greetings aside ("Ну, уважаемые коллеги")."""
            k = i
            while k > 0 and not opens[k]:
                k -= 1
                if norms[k] not in a.fillers and norms[k] not in a.openers:
                    return False
            return True

        def addresses(i: int) -> bool:
            """The address ending at token i is one: set off from what follows (a comma, a dash,
            the end of the utterance), or followed by what follows an address (a question, an
            imperative: the analyser decides), and not running into a preposition, which makes
            it a noun phrase ("коллеги по цеху")."""
            k = i + 1
            if k >= len(utts) or utts[k] != utts[i]:
                return True
            between = piece[ends[i] - base:starts[k] - base].strip()
            if not between and norms[k] in a.prepositions:
                return False
            stop = bisect_right(utts, utts[i])
            return a.is_address(norms[k:min(stop, k + 4)], between)

        reads_own: dict[int, bool] = {}     # utterance -> its Latin-letter words read as the language

        def unsure(i: int) -> bool:
            """Drop the classes token i got by a reading that this line does not support (True
            when some were dropped): a transliteration ("task" read as "таск") counts only in a
            line that reads as the language written in other letters ("u menya seychas
            zagruz"); no reading reaches part of an identifier or an acronym; a typo correction
            never reaches a capitalised word inside a sentence, and no loose reading (typo,
            stem, derived word) a capitalised name ("Апулей" is no typo of "апрувнуть")."""
            how = lex.how.get(norms[i], {})
            drop = set()
            surface = piece[starts[i] - base:ends[i] - base]
            # part of an identifier ("ip_forward", "RTPROT_STATIC") or an acronym: no reading
            coded = "_" in piece[max(0, starts[i] - base - 1):ends[i] - base + 1] or (
                len(surface) > 1 and surface.isupper())
            for c, rule in how.items():
                if coded and rule in ("translit", "typo"):
                    drop.add(c)
                elif rule == "translit":
                    u = utts[i]
                    if u not in reads_own:
                        lo, hi = bisect_left(utts, u), bisect_right(utts, u)
                        run = [n for n in norms[lo:hi] if _FOREIGN_WORD.match(n)]
                        if len(run) < 2:        # "Kollegi! Kto znaet...": the line's Latin words
                            run = [n for n in norms if _FOREIGN_WORD.match(n)]
                        reads_own[u] = a.reads_as_own(run, lex.spellings)
                    if not reads_own[u]:
                        drop.add(c)
                elif rule == "typo" and surface[:1].isupper() and not opens[i]:
                    drop.add(c)
                elif rule in ("stem", "derived", "typo") and surface[:1].isupper() and a.is_known(norms[i]) \
                        and person(i):
                    drop.add(c)      # a name is only ever itself ("Авраам" is no form of "аврал")
            if drop:
                classes[i] = {c: s for c, s in classes[i].items() if c not in drop}
            return bool(drop)

        # utts is non-decreasing: an utterance is a run of tokens
        # word class -> positions on the line, for the classes of the candidate phrases (and of
        # their entries' literal collocations) only
        pclass_sets, patterns = lex.pclass_sets, lex.patterns
        relevant = set().union(*map(pclass_sets.__getitem__, pids))
        for entry in {patterns[pid].entry for pid in pids}:
            relevant.update(*map(pclass_sets.__getitem__, lex.literals.get(entry, ())))
        token_sets = list(map(lex.sets.__getitem__, norms))
        for i in [i for i, n in enumerate(norms) if n in lex.suspect_forms]:
            if unsure(i):
                token_sets[i] = frozenset(classes[i])
        where: dict[int, list[int]] = {}
        for i in compress(count(), map(not_, map(relevant.isdisjoint, token_sets))):
            for c in relevant.intersection(token_sets[i]):
                where.setdefault(c, []).append(i)
        views: dict[int, tuple[int, Utterance, set]] = {}

        def view(utt: int) -> tuple[int, Utterance, set]:
            if utt not in views:
                lo, hi = bisect_left(utts, utt), bisect_right(utts, utt) - 1
                local = {c: [i - lo for i in ps if lo <= i <= hi] for c, ps in where.items()}
                u = Utterance(classes[lo:hi + 1], lambda i: weight(i + lo), lambda i: person(i + lo),
                              lambda i: opens_utterance(i + lo), lambda c: local.get(c, ()),
                              lambda i, name: grammar(i + lo, name), not a.free_word_order)
                views[utt] = lo, u, set().union(*token_sets[lo:hi + 1])
            return views[utt]

        grammars = lex.grammars

        def grammar(i: int, name: str) -> bool:
            key = (norms[i], name)
            g = grammars.get(key)
            if g is None:
                g = grammars[key] = a.has_grammar(norms[i], name)
            return g

        foreign_line: list[bool] = []

        def foreign(i: int, pat: Pattern, pcl: tuple[int, ...]) -> bool:
            """A one-word phrase in a line mostly in another script (an English word in Russian
            text, a Latin word read as Russian) counts only through a listed spelling."""
            if len(pat.words) != 1 or a.letters is None:
                return False
            if not foreign_line:
                own = len(re.findall(a.letters, low))
                foreign_line.append(2 * own < len(_LETTER.findall(low)) and not a.reads_as_own(words))
            if not foreign_line[0]:
                return False
            (j,) = pat.words
            if not re.search(a.letters, lex.class_word[pcl[j]]):
                return False    # the dictionary writes the word in that script itself ("ROI")
            return lex.how.get(norms[i], {}).get(pcl[j]) != "spelling"

        def loose_typo(w: Window, pat: Pattern, pcl: tuple[int, ...]) -> bool:
            """A one-word phrase has nothing else to confirm a corrected typo: it takes a close
            one ("концептульно"), a long word ("верхнеуровненько"), or a lower-case word of
            some length that sounds like it ("калеги" in speech-to-text), never a short word or
            a capitalised one a few letters away (names: "Дейл", "Авраам"; words: "пиво",
            "позырить" for "пошэрить")."""
            (j,) = pat.words
            i, sim = (w.assigned or {}).get(j, (w.first, 1.0))
            if lex.how.get(norms[i], {}).get(pcl[j]) != "typo" or sim >= ONE_WORD_TYPO_SIM:
                return False
            n = len(norms[i])
            if n >= ONE_WORD_TYPO_LONG:
                return False
            # a word of some length that sounds like the phrase's word ("калеги", "Колеги")
            return n < ONE_WORD_TYPO_LOWER or not lex.sounds_like(norms[i], pcl[j])

        results: list[Candidate] = []
        context = (lex, norms, piece, base)     # what an explanation needs of this piece

        def score(pid: int, around: Window | None = None) -> list[Window]:
            """The best window of pattern ``pid`` in each utterance (only near ``around``, a
            phrase's window, for a literal collocation: each use is judged where it is)."""
            pat, pcl = lex.patterns[pid], lex.pclasses[pid]
            by_utt: dict[int, list[int]] = {}
            positions_of = {i for c in pcl if c in where for i in where[c]}
            reach = len(pat.tokens) + MAX_GAP   # a literal use overlaps the phrase's window
            if around is not None:
                positions_of = {i for i in positions_of if utts[i] == utts[around.first]
                                and around.first - reach <= i <= around.last + reach}
            for i in sorted(positions_of):
                by_utt.setdefault(utts[i], []).append(i)
            windows = []
            for utt, positions in by_utt.items():
                lo, u, present = view(utt)
                if not reachable(pat, pcl, present):
                    continue
                w = best_window(pid, pat, pcl, u, [p - lo for p in positions],
                                None if around is None else (around.first - lo, around.last - lo))
                if w is None:
                    continue
                w.first += lo
                w.last += lo
                if w.assigned is not None:
                    w.assigned = {j: (p + lo, sim) for j, (p, sim) in w.assigned.items()}
                rejected = ("not an address here" if pat.anchored and not addresses(w.last) else
                            "a one-word phrase in text of another script" if w.first == w.last and foreign(
                                w.first, pat, pcl) else
                            "a one-word phrase said only by a loose typo" if len(pat.words) == 1 and loose_typo(
                                w, pat, pcl) else None)
                if rejected:
                    if trace is not None and pat.kind != LITERAL:
                        trace.append(self._match(w, pat, toks, context, rejected))
                    continue
                results.append((w, pat, toks, context))
                windows.append(w)
            return windows

        matched: list[tuple[int, Window]] = []
        for pid in pids:
            entry = lex.patterns[pid].entry
            matched.extend((entry, w) for w in score(pid) if entry in lex.literals)
        # literal collocations are checked only where their entry matched, around each window
        for entry, w in matched:
            for lpid in lex.literals[entry]:
                score(lpid, w)
        return results

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
                if lpat.entry == pat.entry and ls < e and s < le:
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
            better = [cc for cs, ce, cc in chosen if s < ce and cs < e]
            reason = (f"a literal use: {lit.text!r}" if lit is not None else
                      "overlapped by a better match" if better else None)
            if reason:
                # another wording of an entry that matched here is no near miss worth listing
                if trace is not None and not any(cc[1].entry == pat.entry for cc in better):
                    trace.append(self._match(*c, reason))
                continue
            chosen.append((s, e, c))
        return [self._match(*c) for _, _, c in chosen]

    def _match(self, w: Window, pat: Pattern, toks: Tokens, context: tuple, rejected: str | None = None) -> Match:
        """The Match of a chosen (or, with ``rejected``, a refused) candidate window."""
        s, e = toks.starts[w.first], toks.ends[w.last]
        d, entry = self.entries[pat.entry]
        _, _, piece, base = context
        explanation = None
        if self.explain:
            from .explain import explain_window

            explanation = explain_window(w, pat, toks, context, self.threshold, rejected)
        return Match(s, e, piece[s - base:e - base], entry, d.name, round(min(100.0, w.score), 1), explain=explanation)


def _rejoin(piece, base, toks, norms, classes, lex: Lexicon):
    """Join two words that speech-to-text split ("за брал", "верхне уровнево", "follow up")."""
    if len(norms) < 2:
        return toks, norms, classes
    halves, targets = lex.half_classes, lex.join_targets
    # pairs worth a look (C-level): joined, they make a dictionary word or spelling, or one is
    # a piece of a split word and the other a piece too or a short one ("кан цептуально")
    nexts = norms[1:]
    merged = list(map(add, norms, nexts))
    piece_or_short = [w in halves or len(w) <= 3 for w in norms]
    is_piece = list(map(halves.__contains__, norms))
    maybe = compress(count(), map(or_, map(targets.__contains__, merged),
                                  map(or_, map(and_, is_piece, piece_or_short[1:]),
                                      map(and_, piece_or_short, is_piece[1:]))))
    joins: list[int] = []
    starts, ends, opens, utts = toks
    for i in maybe:
        if joins and joins[-1] == i - 1:
            continue           # its first word was just joined to the one before
        if utts[i] != utts[i + 1] or not piece[ends[i] - base:starts[i + 1] - base].isspace():
            continue
        mc = lex.classes(merged[i])
        # join when the joined word is a better reading ("фоллоу ап": a typo alone) and a
        # part means nothing alone, or when the joined word is itself a dictionary word
        # that anchors a phrase neither part does ("за брал")
        new = [c for c in mc if mc[c] > max(classes[i].get(c, 0.0), classes[i + 1].get(c, 0.0))]
        how = lex.how.get(merged[i], {})
        if new and all(how.get(c) == "typo" for c in new) and (
                lex.analyzer.is_known(norms[i]) and lex.analyzer.is_known(norms[i + 1])):
            continue           # two real words ("право на") are not a typo of one ("правочки")
        if new and (not classes[i] or not classes[i + 1] or (
                merged[i] in lex.forms and not lex.anchor_classes.isdisjoint(new))):
            joins.append(i)
    if not joins:
        return toks, norms, classes
    starts, ends, opens, utts, norms, classes = (list(x) for x in (starts, ends, opens, utts, norms, classes))
    for i in reversed(joins):
        ends[i:i + 2] = [ends[i + 1]]
        del starts[i + 1], opens[i + 1], utts[i + 1]
        norms[i:i + 2] = [merged[i]]
        classes[i:i + 2] = [lex.classes(merged[i])]
    toks = Tokens(starts, ends, opens, utts)
    return toks, norms, classes


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
