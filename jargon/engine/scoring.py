"""Score one pattern against the words of one utterance, and pick its best window.

A window is a stretch of the utterance between two words of the pattern. Each
pattern word is aligned to the best word of its class inside the window; then

* ``matched``  = sum of weights x similarity of the aligned pattern words,
* ``coverage`` = matched / pattern weight (must reach MIN_COVERAGE; phrases of up
  to three words must be said in full),
* ``inserted`` = weight of the window's words that are not part of the phrase
  (fillers barely count, nouns and verbs fully; extra words of a name in the slot, and of
  a noun phrase in an open slot, up to OPEN_SLOT_WORDS, are free),
* ``score``    = 100 x Dice(matched, pattern, window) x order factor, where words said in
  another order than the phrase cost a little.

The similarities come from the lexicon (forms 1.0, stems 0.9, typos scored by
rapidfuzz); the order factor uses rapidfuzz's LCS over the aligned word indices.
"""
from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import LCSseq

from .patterns import GRAM, LITERAL, OPEN, PERSON, SET, Pattern
from .tuning import (
    DEFAULT_THRESHOLD,
    FILLER_WEIGHT,
    MAX_GAP,
    MIN_COVERAGE,
    OPEN_SLOT_WORDS,
    ORDER_PENALTY,
    SLOT_NOUN_SIM,
)


@dataclass(slots=True)
class Window:
    pid: int
    first: int           # index of the first token in the window
    last: int            # index of the last token
    matched: float
    coverage: float
    score: float
    complete: bool = False   # every word of the pattern is aligned
    # how the score was made (for --explain): pattern token -> (text token, similarity)
    assigned: dict[int, tuple[int, float]] | None = None
    inserted: float = 0.0    # weight of the window's words that are not the phrase's
    order: float = 1.0       # the order factor

    @property
    def key(self) -> float:
        """Preference among overlapping candidates: explain more of the text, and well."""
        return self.matched * self.score


class Utterance:
    """The tokens of one utterance with lazily computed weights and person flags."""

    __slots__ = ("classes", "weight", "person", "utt_start_ok", "positions", "grammar", "fixed_order", "slot_noun",
                 "threshold", "preposition", "negated", "negations", "determiner", "particles", "pronouns",
                 "function_words", "broken", "word", "modifies", "joined")

    def __init__(self, classes, weight, person, utt_start_ok, positions, grammar=None, fixed_order=False,
                 slot_noun=None, threshold=DEFAULT_THRESHOLD, preposition=None, negated=frozenset(),
                 negations=frozenset(), determiner=None, particles=frozenset(), pronouns=frozenset(),
                 function_words=frozenset(), broken=None, word=None, modifies=None, joined=None):
        self.classes = classes            # per token: {word class: similarity}
        self.weight = weight              # callable(i) -> float
        self.person = person              # callable(i) -> bool
        self.utt_start_ok = utt_start_ok  # callable(i) -> bool: token i opens the utterance (fillers aside)
        self.positions = positions        # callable(word class) -> its token positions, in order
        self.grammar = grammar            # callable(i, "noun:gen") -> bool: the analyser reads token i so
        self.fixed_order = fixed_order    # the language's phrases keep their word order (English)
        self.slot_noun = slot_noun        # callable(i, placeholder) -> bool: a noun in the placeholder's case
        self.threshold = threshold        # the decoder's: a window that reaches it beats one that does not
        self.preposition = preposition    # callable(i) -> bool: token i is a preposition
        self.negated = negated            # positions of negative particles bound to the next word ("не")
        self.negations = negations        # the language's negative particles (a phrase may hold one)
        self.determiner = determiner      # callable(i) -> bool: token i is a determiner ("the", "our"), or None
        self.particles = particles        # the language's particles of phrasal verbs ("by", "in")
        self.pronouns = pronouns          # the language's pronouns (the object of a phrasal verb: "run it by")
        self.function_words = function_words  # and its function words (no verb: "not" of "not in my wheelhouse")
        self.broken = broken              # callable(i) -> bool: punctuation stands between tokens i and i + 1
        self.word = word                  # callable(i) -> token i's normalised word, or None
        self.modifies = modifies          # callable(i) -> bool: token i modifies token i + 1 (agrees), or None
        self.joined = joined              # callable(i) -> bool: token i is two words glued ("впланах"), or None

    def fills(self, i: int, kind: str, name: str) -> float:
        """How well token i fills a slot of ``kind`` (a person, an open or a grammatical slot): 1.0,
        SLOT_NOUN_SIM for a noun in a person slot's case ("с бухгалтерией"), or 0.0."""
        if kind == PERSON:
            if self.person(i):
                return 1.0
            return SLOT_NOUN_SIM if self.slot_noun is not None and self.slot_noun(i, name) else 0.0
        if kind == OPEN:      # a thing, not a prepositional phrase ("pass the event loop to the API in")
            return float(self.weight(i) > FILLER_WEIGHT and not (
                self.fixed_order and self.preposition is not None and self.preposition(i)))
        return float(kind == GRAM and self.grammar is not None and self.grammar(i, name))


def inside(i: int, windows: list[tuple[int, int]]) -> bool:
    """Token i lies in one of the token ranges ``windows`` (a phrase's uses found so far)."""
    return any(a <= i <= b for a, b in windows)


def best_window(pid: int, pat: Pattern, pclasses: tuple[int, ...], u: Utterance,
                anchor_positions: list[int], overlap: tuple[int, int] | None = None,
                taken: list[tuple[int, int]] | None = None) -> Window | None:
    """The best window of ``pat`` near ``anchor_positions`` in the utterance (among those
    overlapping the token positions ``overlap`` when given; using no token inside the
    windows ``taken``, the phrase's earlier uses), or None."""
    n = len(pat.tokens)
    span_limit = n + MAX_GAP
    lo = max(0, min(anchor_positions) - span_limit)
    hi = min(len(u.classes) - 1, max(anchor_positions) + span_limit)

    # per position: which pattern tokens it can fill, and with what similarity
    cand: dict[int, dict[int, float]] = {}
    for j, c in enumerate(pclasses):
        for i in u.positions(c):
            if lo <= i <= hi:
                cand.setdefault(i, {})[j] = u.classes[i][c]
    if taken:
        for i in [i for i in cand if inside(i, taken)]:
            del cand[i]
    for j in pat.slots:
        tok = pat.tokens[j]
        for i in range(lo, hi + 1):
            name = tok.word if tok.kind == PERSON else tok.word[1:-1]
            if taken and inside(i, taken):
                continue
            if tok.kind != PERSON or i not in cand:
                sim = u.fills(i, tok.kind, name)
                if sim:
                    cand.setdefault(i, {})[j] = sim
    positions = sorted(cand)
    total = pat.total
    need = MIN_COVERAGE * total
    weights = pat.weights
    words = pat.words
    best: Window | None = None
    for a_idx, s in enumerate(positions):
        if pat.anchored and not u.utt_start_ok(s):
            continue
        if overlap is not None and s > overlap[1]:
            break
        avail: set[int] = set()
        got = 0.0
        for e_idx in range(a_idx, len(positions)):
            e = positions[e_idx]
            if e - s >= span_limit + 2 or taken and any(s <= b and a <= e for a, b in taken):
                break     # too long, or across an earlier use of the phrase
            for j in cand[e]:
                if j not in avail:
                    avail.add(j)
                    got += weights[j]
            # cheap bound first: can the words available in [s, e] be enough at all?
            if (pat.required_all and not words <= avail) or got < need:
                continue
            if overlap is not None and e < overlap[0]:
                continue
            w = _evaluate(pid, pat, u, cand, positions[a_idx:e_idx + 1], s, e, total)
            if w is not None:
                # a window that is a match beats one that explains more but is none ("методологи
                # любят челленджить гипотезы": the far word in the slot costs the words between)
                if best is None or (w.score >= u.threshold, w.key) > (best.score >= u.threshold, best.key):
                    best = w
                if w.complete:
                    break     # every word is in: a longer window only adds inserted words
    return best


def _evaluate(pid, pat, u, cand, inside, s, e, total) -> Window | None:
    """The window [s, e] (``inside``: its positions that can fill pattern words), or None."""
    tokens = pat.tokens
    assigned: dict[int, tuple[int, float]] = {}
    used: dict[int, int] = {}
    prev_pos = s - 1
    for j, tok in enumerate(tokens):
        best_i, best_key = -1, None
        for i in inside:
            sim = cand[i].get(j)
            if sim is None:
                continue
            if i in used:
                # one joined word may fill two consecutive, different pattern words ("впланах"),
                # never a repeated one ("win win" is not said by one "win")
                if not (used[i] == j - 1 and (j - 1) in cand[i] and not tokens[j - 1].kind and not tok.kind
                        and tokens[j - 1].word != tok.word and (u.joined is None or u.joined(i))):
                    continue     # (a word read as a typo of both is one of them: "quet" is no "quiet quitting")
            k = (sim, i >= prev_pos, -abs(i - prev_pos))
            if best_key is None or k > best_key:
                best_i, best_key = i, k
        if best_key is not None:          # set together with best_i
            assigned[j] = (best_i, best_key[0])
            used[best_i] = j
            prev_pos = best_i
    if not assigned or s not in used or e not in used:
        return None          # a tighter window is evaluated separately
    if pat.required_all and not pat.words <= assigned.keys():
        return None
    if pat.kind == LITERAL and u.broken is not None and any(map(u.broken, range(s, e))):
        return None          # a collocation is said in one go: "большой загруз, касса за кассой" is none
    if u.particles and pat.kind != LITERAL and _particle_missing(tokens, assigned, u):
        return None          # "run the booking team" is no "run it by the {something} team"
    if s > 0 and pat.kind != LITERAL and len(pat.words) > 1 and not tokens[used[s]].kind \
            and (s + 1) in used and assigned[used[s + 1]][1] < 1.0 \
            and _governed_adjective(u, s - 1, s) and _oblique(u, s + 1):
        return None          # "в больших нагрузках": a noun read loosely (a synonym) in a preposition's
                             # noun phrase is another sense ("в рабочем чатике" is the phrase itself; "сослался
                             # на большой загруз": the accusative is what one refers to)
    if u.fixed_order and any(tokens[j].kind == OPEN and j in assigned and j + 1 < len(tokens)
                             and j + 1 not in assigned for j in pat.slots):
        return None          # an open slot ends where the phrase goes on ("keep the event loop" is
        #                      no "keep the {something} in the loop")
    for j in pat.slots:      # a grammatical slot says what the next or the previous word is
        if tokens[j].kind == GRAM and j in assigned and not any(
                k in assigned and abs(assigned[k][0] - assigned[j][0]) == 1 for k in (j - 1, j + 1)):
            return None
    weights = pat.weights
    matched = sum([weights[j] * sim for j, (_, sim) in assigned.items()])
    coverage = matched / total
    if coverage < MIN_COVERAGE:
        return None
    slot_pos = {p for j, (p, _) in assigned.items() if tokens[j].kind == PERSON} if pat.slots else None
    open_runs = {p: 1 for j, (p, _) in assigned.items() if tokens[j].kind == OPEN} if pat.slots else None
    in_np = _noun_phrases(u, tokens, assigned, used, s) \
        if u.determiner is not None and pat.kind != LITERAL else ()
    inserted = 0.0
    between: set[int] | None = None
    for i in range(s, e + 1):
        if i in used or i in in_np:
            continue
        if u.fixed_order and pat.kind != LITERAL:
            if between is None:
                between = _separated(tokens, assigned, u)
            if i in between:
                continue     # "roll this out", "loop Priya in": the verb's object before its particle
        if u.fixed_order and pat.kind != LITERAL and u.preposition is not None and (i - 1) in used \
                and (i + 1) in used and used[i + 1] == used[i - 1] + 1 and u.preposition(i):
            return None      # a preposition between two words the phrase says side by side makes another
            #                  construction: "pass the event loop to the API in" is no "loop the {something} in"
        if slot_pos and ((i - 1) in slot_pos or (i + 1) in slot_pos) and u.person(i):
            slot_pos.add(i)      # "Андреем Викторовичем": more words of the same name
            continue
        if open_runs and (i - 1) in open_runs and open_runs[i - 1] < OPEN_SLOT_WORDS:
            open_runs[i] = open_runs.pop(i - 1) + 1   # "socialize the new pricing model": one noun phrase
            continue
        if u.negated and i in u.negated and u.negations.isdisjoint([t.word for t in tokens]):
            return None      # "это не в планах", "решили не идти в эту историю": the phrase negated
        if u.modifies is not None and (i + 1) in used and pat.kind != LITERAL and not tokens[used[i + 1]].kind \
                and (i - 1) in used and u.modifies(i):
            continue         # "это в [ближайших] планах": a modifier of the phrase's noun, inside the phrase
        if (i + 1) in used and pat.kind != LITERAL and not tokens[used[i + 1]].kind \
                and _governed_adjective(u, i, i + 1):
            return None      # an adjective of the phrase after a preposition of the text belongs to another
                             # noun phrase: "нагрузки на большом количестве" is no "большой загруз"
        inserted += u.weight(i)
    # pattern words in the order they were said (assigned follows the pattern's order)
    order = [j for _, j in sorted((p, j) for j, (p, _) in assigned.items())]
    in_order = LCSseq.similarity(order, sorted(order)) if len(order) > 1 else len(order)
    if (u.fixed_order or pat.kind == LITERAL or pat.light) and in_order < len(order):
        return None          # "out of reach" is not "reach out" in English; a collocation is said as written
    order_factor = 1.0 - ORDER_PENALTY * (len(order) - in_order) / len(order)
    dice = 2 * matched / (total + matched + inserted)
    return Window(pid, s, e, matched, coverage, 100.0 * dice * order_factor, len(assigned) == len(tokens),
                  assigned, inserted, order_factor)


def _separated(tokens, assigned: dict[int, tuple[int, float]], u: Utterance) -> set[int]:
    """Positions of the words said between a phrasal verb of the pattern and its particle
    (pattern words side by side, "roll out", "loop in"): its object, up to OPEN_SLOT_WORDS
    words not cut by punctuation that open with a pronoun, a determiner or a name ("roll
    this out", "loop the new hire in", "loop Priya in"; not "the flag went up"). Such a verb
    takes its object there in English; the words are no insertion into the phrase."""
    out: set[int] = set()
    for j in range(1, len(tokens)):
        verb, particle = tokens[j - 1], tokens[j]
        if particle.kind or verb.kind or particle.word not in u.particles or verb.word in u.particles \
                or j - 1 not in assigned or j not in assigned:
            continue
        v, p = assigned[j - 1][0], assigned[j][0]
        if 1 < p - v <= OPEN_SLOT_WORDS + 1 and _object_starts(u, v + 1) \
                and (u.broken is None or not any(map(u.broken, range(v, p)))):
            out.update(range(v + 1, p))
    return out


def _object_starts(u: Utterance, i: int) -> bool:
    """Token i can open the object of a verb: a pronoun, a determiner, a person's name."""
    return (u.word is not None and u.word(i) in u.pronouns) or \
        (u.determiner is not None and u.determiner(i)) or u.person(i)


def _particle_missing(tokens, assigned: dict[int, tuple[int, float]], u: Utterance) -> bool:
    """A particle of a phrasal verb of the pattern is not in the window: the particle right
    after the phrase's verb, its first word after any function words and pronouns ("loop
    in", "drill down", "let me loop you in"), or after the verb's object, a pronoun or a slot
    ("run it by", "loop {someone} in"); not a preposition further on ("put a pin in it" said
    "put a pin on it"). The verb follows a pronoun when it is not the first word ("let me
    loop"); a phrase of function words before a noun has no verb ("not in my wheelhouse")."""
    v = 0
    while v < len(tokens) and not tokens[v].kind and (tokens[v].word in u.function_words
                                                      or tokens[v].word in u.pronouns):
        v += 1
    if v >= len(tokens) or tokens[v].kind or (v and tokens[v - 1].word not in u.pronouns):
        return False         # no verb, or a noun after a determiner ("in the weeds on this")
    for j in (v + 1, v + 2):
        if j >= len(tokens) or j in assigned:
            continue
        tok = tokens[j]
        if not tok.kind and tok.word in u.particles and (
                j == v + 1 or tokens[v + 1].kind or tokens[v + 1].word in u.pronouns):
            return True
    return False


def _noun_phrases(u: Utterance, tokens, assigned: dict[int, tuple[int, float]], used: dict[int, int],
                  s: int) -> set[int]:
    """The text words before a person or set word of the pattern that open its noun phrase with
    a determiner: "loop in [the night] manager", "ping [our] finance team" (at most
    OPEN_SLOT_WORDS words; without a determiner they are inserted words)."""
    out: set[int] = set()
    for j, (p, _) in assigned.items():
        if tokens[j].kind not in (PERSON, SET):
            continue
        run: list[int] = []
        k = p - 1
        while k >= s and len(run) < OPEN_SLOT_WORDS:
            if k in used:
                if run and u.determiner(k):
                    out.update(run)        # "Looping the [whole] {team}": the phrase's own determiner
                break
            run.append(k)
            if u.determiner(k):
                out.update(run)
                break
            k -= 1
    return out


def _governed_adjective(u: Utterance, prep: int, adj: int) -> bool:
    """Token ``prep`` is a preposition and token ``adj`` an adjective: the adjective opens the
    preposition's noun phrase."""
    return u.preposition is not None and u.preposition(prep) and u.grammar is not None and u.grammar(adj, "adj")


_OBLIQUE = ("noun:gen", "noun:dat", "noun:ins", "noun:loc")


def _oblique(u: Utterance, i: int) -> bool:
    """Token i is a noun the analyser reads in a case other than the nominative or accusative."""
    return u.grammar is not None and i < len(u.classes) and any(u.grammar(i, name) for name in _OBLIQUE)
