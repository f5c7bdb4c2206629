"""One candidate line of the decoder, stage by stage: read it, rejoin split words, drop the
readings it does not support, find where the candidate words are, score and guard.

The decoder's scan (jargon.engine.lexicon) finds the lines that may hold a phrase; each one
becomes a :class:`CandidateLine`, which goes through named stages:

1. ``__init__``: the line's tokens with exact offsets, their normal forms and word classes;
2. :meth:`rejoin`: words that speech-to-text split are joined again ("за брал");
3. :meth:`index`: readings the line does not support are dropped (:meth:`unsure`: a
   transliteration outside Russian written in Latin letters, a loose reading of a name,
   any reading of an identifier), and the positions of the candidate phrases' words found;
4. :meth:`candidates`: each phrase's best window per utterance (jargon.engine.scoring),
   its guards (:meth:`addresses`, :meth:`foreign`, :meth:`loose_typo`), then the entry's
   literal collocations around each window.

The per-token helpers (:meth:`weight`, :meth:`person`, :meth:`grammar`, ...) cache what the
analyser says of each word form in the lexicon, shared by all lines.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection
from itertools import compress, count
from operator import add, and_, not_, or_

from jargon.text.analyzer import Analyzer
from jargon.text.tokens import WORD_RE, Tokens, tokenize
from jargon.transcript.speakers import NAME

from .lexicon import LOOSE, Lexicon, reachable
from .patterns import LITERAL, Pattern
from .scoring import Utterance, Window, best_window, inside
from .tuning import (
    DEFAULT_THRESHOLD,
    HEARD_JOIN_MIN,
    HEARD_JOIN_SIM,
    LATIN_ALONE_MIN,
    MAX_GAP,
    ONE_WORD_TYPO_LONG,
    ONE_WORD_TYPO_LOWER,
    ONE_WORD_TYPO_SIM,
    TRANSLIT_SIM,
)

_PLAIN = re.compile(r"[^\u0300-\u036f]*")   # no combining accents: lower-casing was all the normalising
_LETTER = re.compile(r"[^\W\d_]")
_CLOSING_QUOTES = frozenset("»“”\"'")  # not "": the end of the piece
_FOREIGN_WORD = re.compile(r"[a-z'-]+$")      # a word in Latin letters (read through transliteration)
_INITIAL = re.compile(r"(?<![^\W\d_])([^\W\d_]{1,2})\. ?$")   # "Э. ", "Дж. ": an initial before a surname

Candidate = tuple[Window, Pattern, Tokens, tuple]    # (window, pattern, tokens, explanation context)
_LOOSE = ("typo", "homophone", *LOOSE)     # readings of a word that are not the word as written
_OTHER_WORD = ("synonym", *LOOSE)      # readings that are another word, not the word itself
_CAMEL = re.compile(r"[^\W\d_]*[a-zа-яё][A-ZА-ЯЁ]")     # "checkIP", "wordsStream": a capital inside a word
# right before a word: "buf.", "C.D.", "elem->", "std::" (a member, a file name)
_MEMBER = re.compile(r"(?<![\w.])[A-Za-z_][\w.]*(?:\.|->|::)$")
_PATH = re.compile(r"/[\w.-]+/$")          # "/foobar/" right before a word: a path ("/sys/fs/cgroup/foobar/tasks")
_OPTION = re.compile(r"(?:^|(?<=\s))--?$")   # "-" or "--" right before a Latin word: a command's option ("-CAstore")
# a line's opening tags and speaker label ("[chat] Vera: ", "[00:19:03] Игорь: ", "Dev (Teams): ")
_LABEL = re.compile(rf"[ \t]*(?:[\[(][^\[\]()\n]{{1,30}}[\])][ \t]*)*(?:{NAME}[ \t]*:(?=\s|$))?")
_BREAK = re.compile(r"[,.;:!?…()\u2014\u2013]")     # punctuation a collocation is not said across
_CALL = re.compile(r"\((?![\s()]|\Z|e?s\))")              # "keys(obj": called ("colleague(s)", "ok(" are not)


def _in_code(piece: str, start: int, end: int) -> bool:
    """The word at ``piece[start:end]`` is part of an identifier or of code, not of prose: joined
    by "_", a member after a Latin identifier and a dot, "->" or "::" ("buf.keys", "elem->forward",
    not "Привет.Коллеги"), a path's part ("/sys/fs/cgroup/foobar/tasks", not "and/or"), or a Latin
    word called ("keys(obj)") or written as a command's option ("-CAstore", "--follow")."""
    word = piece[start:end]
    if "_" in piece[max(0, start - 1):end + 1]:
        return True
    if not word[:1].isupper() and _MEMBER.search(piece, max(0, start - 40), start):
        return True
    if _PATH.search(piece, max(0, start - 80), start):
        return True
    return word.isascii() and (_CALL.match(piece, end) is not None
                               or _OPTION.search(piece, max(0, start - 3), start) is not None)


class CandidateLine:
    """A line (``piece``, at offset ``base``) that may hold phrases of ``lex``; ``low`` is it
    lower-cased (same length), ``words`` its words as the scan found them."""

    def __init__(self, lex: Lexicon, piece: str, low: str, words: list[str], base: int,
                 threshold: float = DEFAULT_THRESHOLD):
        self.lex, self.piece, self.low, self.words, self.base = lex, piece, low, words, base
        self.threshold = threshold      # the decoder's: the scoring prefers windows that reach it
        a = self.a = lex.analyzer
        self.toks = tokenize(low, base)       # the same words, at the same offsets, as in the piece
        if a.plain_lowercase and _PLAIN.fullmatch(low):
            self.norms = words                # already normalised: WORD_RE on ``low`` gave them
        else:
            self.norms = [a.normalize(piece[s - base:e - base])
                          for s, e in zip(self.toks.starts, self.toks.ends, strict=True)]
        try:
            self.classes = list(map(lex.cache.__getitem__, self.norms))    # the scan analysed them all
        except KeyError:            # normalising found forms the scan did not see
            self.classes = [lex.classes(n) for n in self.norms]
        self.joined_apart = False      # (see rejoin)
        self.heard_joins: frozenset[str] = frozenset()   # two real words joined as a typo of one (see rejoin)
        self._reset()

    def _reset(self) -> None:
        self.person_at: list[bool | None] = [None] * len(self.norms)
        self.reads_own: dict[int, bool] = {}     # utterance -> its Latin-letter words read as the language
        self.foreign_line: bool | None = None
        self.has_own: bool | None = None
        self.neighbour: bool | None = None
        self.latin_own: bool | None = None
        self.label: int | None = None
        self.views: dict[int, tuple[int, Utterance, set]] = {}
        self.where: dict[int, list[int]] = {}
        self.token_sets: list = []

    # -- stage 2: split words -------------------------------------------------------
    def rejoin(self, pids: set[int], keep_apart: bool = False) -> set[int]:
        """Join split words; the candidate phrases of the line as it now reads. ``joined_apart``
        says whether a join took two words that a candidate phrase has side by side ("push
        back" of "push back politely", joined as "pushback"); with ``keep_apart`` such words
        stay apart (the decoder reads such a line both ways)."""
        lex = self.lex
        n = len(self.norms)
        self.toks, self.norms, self.classes, self.joined_apart, self.heard_joins = _rejoin(
            self.piece, self.base, self.toks, self.norms, self.classes, lex, pids, keep_apart)
        self._reset()
        present = set().union(*map(lex.sets.__getitem__, self.norms))
        # nothing joined: the line's classes are a subset of those ``pids`` assumed
        return lex.candidates(present) if len(self.norms) != n else lex.possible(pids, present)

    # -- stage 3: readings and positions ----------------------------------------------
    def index(self, pids: set[int]) -> None:
        """Drop unsupported readings, then note where the words of the candidate phrases (and
        of their entries' literal collocations) stand on the line."""
        lex = self.lex
        pclass_sets, patterns = lex.pclass_sets, lex.patterns
        relevant = set().union(*map(pclass_sets.__getitem__, pids))
        for entry in {patterns[pid].entry for pid in pids}:
            relevant.update(*map(pclass_sets.__getitem__, lex.literals.get(entry, ())))
        token_sets = self.token_sets = list(map(lex.sets.__getitem__, self.norms))
        for i in [i for i, n in enumerate(self.norms) if n in lex.suspect_forms]:
            if self.unsure(i):
                token_sets[i] = frozenset(self.classes[i])
        where = self.where
        for i in compress(count(), map(not_, map(relevant.isdisjoint, token_sets))):
            for c in relevant.intersection(token_sets[i]):
                where.setdefault(c, []).append(i)

    def unsure(self, i: int) -> bool:
        """Drop the classes token i got by a reading that this line does not support (True
        when some were dropped): a transliteration ("task" read as "таск") counts only in a
        line that reads as the language written in other letters ("u menya seychas
        zagruz"); no reading reaches part of an identifier or an acronym; a typo correction
        never reaches a capitalised word inside a sentence, and no loose reading (typo,
        stem, derived word) a capitalised name ("Апулей" is no typo of "апрувнуть"), and no typo
        correction a word of a line in a neighbouring language ("Колеги, хто знає?")."""
        a, lex, norms, piece, base = self.a, self.lex, self.norms, self.piece, self.base
        starts, ends, opens, utts = self.toks
        how = lex.how.get(norms[i], {})
        drop = set()
        surface = piece[starts[i] - base:ends[i] - base]
        # part of an identifier or a piece of code ("ip_forward", "PTRACE_MODE_ATTACH",
        # "buf.keys()") or an acronym: no reading, and no Latin spelling either in code
        identifier = _in_code(piece, starts[i] - base, ends[i] - base)
        # camelCase ("checkIP", "wordsStream") reads as code too, but a Latin spelling in it
        # is still one ("FollowUp")
        coded = identifier or (len(surface) > 1 and surface.isupper()) or _CAMEL.match(surface) is not None
        for c, rule in how.items():
            if (coded and rule in ("translit", "typo")) or (identifier and rule == "spelling"):
                drop.add(c)
            elif rule == "translit":
                u = utts[i]
                if self.read_alone(i, c):
                    continue        # «verkhneurovnevo норм»: one word, read as a dictionary form, in own-script text
                if u not in self.reads_own:
                    lo, hi = bisect_left(utts, u), bisect_right(utts, u)
                    said = self.said()
                    run = [n for n in norms[max(lo, said):hi] if _FOREIGN_WORD.match(n)]
                    if len(run) < 2:        # "Kollegi! Kto znaet...": the line's Latin words
                        run = [n for n in norms[said:] if _FOREIGN_WORD.match(n)]
                    self.reads_own[u] = a.reads_as_own(run, lex.spellings)
                if not self.reads_own[u]:
                    drop.add(c)
            elif rule == "typo" and ((surface[:1].isupper() and (not opens[i] or self.after_initial(i)))
                                     or self.neighbour_language()):
                drop.add(c)      # a capitalised word inside a sentence, or after an initial ("Э. Хоффер"), is a name
            elif rule in ("stem", "derived", "typo") and surface[:1].isupper() and a.is_known(norms[i]) \
                    and self.person(i):
                drop.add(c)      # a name is only ever itself ("Авраам" is no form of "аврал")
        if drop:
            self.classes[i] = {c: s for c, s in self.classes[i].items() if c not in drop}
        return bool(drop)

    def after_initial(self, i: int) -> bool:
        """Token i follows a person's initial ("Э. Хоффер", "Дж. Дейли", "J. Smith"): the dot
        opens an utterance there, but the word is a surname. An initial is a capital letter,
        or two letters with no vowel ("Дж", "Ст"; "Ну. Калеги" is a sentence)."""
        start = self.toks.starts[i] - self.base
        m = _INITIAL.search(self.piece, max(0, start - 5), start)
        if m is None:
            return False
        letters = m.group(1)
        return letters[0].isupper() and (len(letters) == 1 or (letters[1].islower()
                                                                and letters[1] not in self.a.vowels))

    def read_alone(self, i: int, c: int) -> bool:
        """Token i is a long Latin word read exactly as a form of class ``c`` by transliteration,
        no word of another language, in a line that holds words of the language's own script:
        it counts alone («verkhneurovnevo норм», «Дай high-level, verkhneurovnevo, без деталей»)."""
        norm = self.norms[i]
        return self.classes[i].get(c, 0.0) >= TRANSLIT_SIM and len(norm) >= LATIN_ALONE_MIN \
            and self.own_script() and not self.a.is_foreign_word(norm)

    def said(self) -> int:
        """How many of the line's first words are its tags and speaker label ("[chat] Vera:"):
        names, not what is said, so no evidence of the language it is said in."""
        if self.label is None:
            m = _LABEL.match(self.low)
            self.label = len(WORD_RE.findall(self.low, 0, m.end())) if m and m.end() else 0
        return self.label

    def neighbour_language(self) -> bool:
        """The line holds a letter of a neighbouring language that this one does not use
        (Ukrainian "є" in Russian text): its near-spellings are that language's words."""
        if self.neighbour is None:
            letters = self.a.neighbour_letters
            self.neighbour = letters is not None and re.search(letters, self.low) is not None
        return self.neighbour

    def own_script(self) -> bool:
        """The line holds words in the language's own script (Cyrillic for Russian)."""
        if self.has_own is None:
            letters = self.a.letters
            self.has_own = letters is not None and re.search(letters, self.low) is not None
        return self.has_own

    # -- per-token helpers ----------------------------------------------------------------
    def weight(self, i: int) -> float:
        """What token i costs inside a phrase it does not belong to (cached per form)."""
        weights, form = self.lex.weights, self.norms[i]
        w = weights.get(form)
        if w is None:
            w = weights[form] = self.a.insert_weight(form)
        return w

    def person(self, i: int) -> bool:
        """Whether token i can name a person (cached per form, capitalisation and position)."""
        p = self.person_at[i]
        if p is None:
            starts, _, opens, _ = self.toks
            key = (self.norms[i], self.piece[starts[i] - self.base].isupper(), opens[i])
            persons = self.lex.persons
            p = persons.get(key)
            if p is None:
                p = persons[key] = self.a.is_person(*key)
            self.person_at[i] = p
        return p

    def grammar(self, i: int, name: str) -> bool:
        """Whether the analyser reads token i as ``name`` ("noun:gen"), cached per form."""
        key = (self.norms[i], name)
        g = self.lex.grammars.get(key)
        if g is None:
            g = self.lex.grammars[key] = self.a.has_grammar(self.norms[i], name)
        return g

    def slot_noun(self, i: int, placeholder: str) -> bool:
        """Whether token i is a noun in the case of a person slot's placeholder ("Васей"), which
        may take the person's place ("мы с бухгалтерией решили идти в эту историю")."""
        slots = self.lex.slot_grammars
        name = slots.get(placeholder, "")
        if name == "":
            name = slots[placeholder] = self.a.slot_grammar(placeholder)
        return name is not None and self.grammar(i, name)

    def negated(self, lo: int, hi: int) -> frozenset[int]:
        """Positions (from ``lo``) of the negative particles among tokens lo..hi that are bound to
        the next word ("не в планах"), not said on their own ("Не, у меня сейчас большой загруз")."""
        negations = self.a.negations
        if not negations:
            return frozenset()
        norms, starts, ends, piece, base = self.norms, self.toks.starts, self.toks.ends, self.piece, self.base
        return frozenset(i - lo for i in compress(range(lo, hi), map(negations.__contains__, norms[lo:hi]))
                         if piece[ends[i] - base:starts[i + 1] - base].isspace())

    def opens_utterance(self, i: int) -> bool:
        """Token i opens its utterance, fillers and greetings aside ("Ну, уважаемые коллеги")."""
        opens, norms, a = self.toks.opens, self.norms, self.a
        k = i
        while k > 0 and not opens[k]:
            k -= 1
            if norms[k] not in a.fillers and norms[k] not in a.openers:
                return False
        return True

    def view(self, utt: int) -> tuple[int, Utterance, set]:
        """Utterance ``utt`` of the line: its first token, its scoring view, its word classes."""
        if utt not in self.views:
            utts = self.toks.utts
            lo, hi = bisect_left(utts, utt), bisect_right(utts, utt) - 1
            local = {c: [i - lo for i in ps if lo <= i <= hi] for c, ps in self.where.items()}
            u = Utterance(self.classes[lo:hi + 1], lambda i: self.weight(i + lo), lambda i: self.person(i + lo),
                          lambda i: self.opens_utterance(i + lo), lambda c: local.get(c, ()),
                          lambda i, name: self.grammar(i + lo, name), not self.a.free_word_order,
                          lambda i, placeholder: self.slot_noun(i + lo, placeholder), self.threshold,
                          lambda i: self.norms[i + lo] in self.a.prepositions,
                          self.negated(lo, hi), self.a.negations,
                          (lambda i: self.norms[i + lo] in self.a.determiners) if self.a.determiners else None,
                          self.a.particles, self.a.pronouns, self.a.function_words, lambda i: self.broken(i + lo),
                          lambda i: self.norms[i + lo], self.modifies_next(lo),
                          lambda i: "joined" in self.lex.how.get(self.norms[i + lo], {}).values())
            self.views[utt] = lo, u, set().union(*self.token_sets[lo:hi + 1])
        return self.views[utt]

    def modifies_next(self, lo: int) -> Callable[[int], bool] | None:
        """Whether token i (from ``lo``) is a modifier agreeing with the next token (the
        analyser's ``modifies``), or None for an analyser that cannot tell."""
        if type(self.a).modifies is Analyzer.modifies:
            return None
        norms, modifies = self.norms, self.a.modifies
        return lambda i: i + lo + 1 < len(norms) and modifies(norms[i + lo], norms[i + lo + 1])

    def broken(self, i: int) -> bool:
        """Punctuation stands between token i and the next one ("загруз, касса")."""
        starts, ends = self.toks.starts, self.toks.ends
        if i + 1 >= len(starts):
            return True
        return _BREAK.search(self.piece, ends[i] - self.base, starts[i + 1] - self.base) is not None

    # -- guards -------------------------------------------------------------------------
    def addresses(self, i: int, first: int | None = None) -> bool:
        """The address ending at token i is one: set off from what follows (a comma, a dash,
        the end of the utterance), or followed by what follows an address (a question, an
        imperative: the analyser decides), not running into a preposition, which makes
        it a noun phrase ("коллеги по цеху"), and not one word quoted alone, which names the
        word («Коллеги» — так называется наш журнал; a quoted sentence is said: "it is what it
        is"). ``first`` is the window's first token (the address alone when not given)."""
        starts, ends, _, utts = self.toks
        if (first is None or first == i) and \
                self.piece[ends[i] - self.base:ends[i] - self.base + 1] in _CLOSING_QUOTES:
            return False     # a word quoted alone is named, not said to anyone: «коллеги» у нас звучит по сто раз
        k = i + 1
        if k >= len(utts) or utts[k] != utts[i]:
            return True
        between = self.piece[ends[i] - self.base:starts[k] - self.base].strip()
        if not between and self.norms[k] in self.a.prepositions:
            return False
        stop = bisect_right(utts, utts[i])
        return self.a.is_address(self.norms[k:min(stop, k + 4)], between)

    def foreign(self, i: int, pat: Pattern, pcl: tuple[int, ...]) -> bool:
        """A one-word phrase in a line mostly in another script (an English word in Russian
        text, a Latin word read as Russian) counts only through a listed spelling, or as a
        long word read alone (:meth:`read_alone`)."""
        a, lex = self.a, self.lex
        if len(pat.words) != 1 or a.letters is None:
            return False
        if self.foreign_line is None:
            own = len(re.findall(a.letters, self.low))
            self.foreign_line = 2 * own < len(_LETTER.findall(self.low)) \
                and not a.reads_as_own(self.words[self.said():])
        if not self.foreign_line:
            return False
        (j,) = pat.words
        if not re.search(a.letters, lex.class_word[pcl[j]]):
            return False    # the dictionary writes the word in that script itself ("ROI")
        rule = self.rule(i, pcl[j])
        return rule != "spelling" and not (rule == "translit" and self.read_alone(i, pcl[j]))

    def loose_typo(self, w: Window, pat: Pattern, pcl: tuple[int, ...]) -> bool:
        """A one-word phrase has nothing else to confirm a corrected typo: it takes a close
        one ("концептульно"), a long word ("верхнеуровненько"), or a word of some length that
        sounds like it ("калеги" in speech-to-text), never a short word or one a few letters
        away that sounds otherwise (names: "Дейл"; words: "пиво", "позырить" for "пошэрить")."""
        (j,) = pat.words
        i, sim = (w.assigned or {}).get(j, (w.first, 1.0))
        if self.rule(i, pcl[j]) != "typo" or sim >= ONE_WORD_TYPO_SIM:
            return False
        n = len(self.norms[i])
        if n >= ONE_WORD_TYPO_LONG:
            return False
        return n < ONE_WORD_TYPO_LOWER or not self.lex.sounds_like(self.norms[i], pcl[j])

    def other_language(self) -> bool:
        """The line has no letter of the language's script and does not read as the language
        written in other letters ("u menya zagruz" does): English prose is no Russian text,
        whatever spellings a Russian dictionary lists ("attach", "use case")."""
        if self.a.letters is None or self.own_script():
            return False
        if self.latin_own is None:
            self.latin_own = self.a.reads_as_own(self.words[self.said():], self.lex.spellings)
        return not self.latin_own

    def rejected(self, w: Window, pat: Pattern, pcl: tuple[int, ...]) -> str | None:
        """Why a scored window does not count (its guards), or None."""
        if self.other_language():
            return "text in another language"
        if pat.anchored and not self.addresses(w.last, w.first):
            return "not an address here"
        if w.first == w.last and self.foreign(w.first, pat, pcl):
            return "a one-word phrase in text of another script"
        if len(pat.words) == 1 and self.loose_typo(w, pat, pcl):
            return "a one-word phrase said only by a loose typo"
        rule = self.rule_of(w, pat, pcl) if len(pat.words) == 1 else None
        if rule in ("synonym", "homophone"):
            return f"a one-word phrase said only by a {rule}"
        if len(pat.words) > 1 and self.reworded(w, pat, pcl):
            return "every word of the phrase replaced by another word"
        if len(pat.tokens) == 2 and w.order < 1.0 and self.head_reworded(w, pat, pcl):
            return "a two-word phrase reordered and reworded"
        if self.lex.hears_homophones and self.short_heard_at_edge(w, pat, pcl):
            return "a short word heard as a word of the phrase at its edge"
        if (self.lex.hears_homophones or self.heard_joins) and self.heard_alone(w, pat, pcl):
            heard = [i for i, _ in (w.assigned or {}).values() if self.norms[i] in self.heard_joins]
            return ("two words heard as one" if heard else "a homophone") + \
                " with no other word of the phrase as written"
        return None

    def reworded(self, w: Window, pat: Pattern, pcl: tuple[int, ...]) -> bool:
        """Every word of the phrase said only by another word: a synonym, or a word that shares
        only its stem ("рискует быть" for "есть риски"). A rewording of the whole phrase is
        another sentence; a typo is still the word, damaged."""
        aligned = [(j, i) for j, (i, _) in (w.assigned or {}).items() if j in pat.words]
        return bool(aligned) and all(self.rule(i, pcl[j]) in _OTHER_WORD for j, i in aligned)

    def head_reworded(self, w: Window, pat: Pattern, pcl: tuple[int, ...]) -> bool:
        """A two-word phrase said the other way round, its last word (the head: "большой
        *загруз*") by a synonym: an ordinary sentence ("нагрузка большая" describes a job),
        where a synonym of the modifier keeps the phrase ("загруз дичайший")."""
        last = len(pat.tokens) - 1
        i = (w.assigned or {}).get(last, (None, 0.0))[0]
        return last in pat.words and i is not None and self.rule(i, pcl[last]) == "synonym"

    def short_heard_at_edge(self, w: Window, pat: Pattern, pcl: tuple[int, ...]) -> bool:
        """A word of three letters or fewer read as a homophone ("of" for "off") counts only
        between two words of the phrase said around it, the next one a content word ("take it
        of line"); never as its first or last word ("a sign of the times" is no "sign off"), nor
        before a function word or a slot ("the cover of the Rolling Stone" is no "cover off the
        {something}")."""
        assigned, tokens, a = w.assigned or {}, pat.tokens, self.a
        for j, (i, _) in assigned.items():
            if len(self.norms[i]) <= 3 and self.rule(i, pcl[j]) == "homophone" and not (
                    (j - 1) in assigned and (j + 1) in assigned and not tokens[j + 1].kind
                    and tokens[j + 1].word not in a.function_words and tokens[j + 1].word not in a.pronouns):
                return True
        return False

    def heard_alone(self, w: Window, pat: Pattern, pcl: tuple[int, ...]) -> bool:
        """A word of the phrase read as a homophone (or two real words heard as one damaged word
        of the phrase, "of line" for "offline"), with a word of the phrase missing or no
        other content word of it said as written: "a race" is no "a RACI", "shoot a pink" no
        "shoot me a ping", "tied up the office" no "teed up the {something}"; "tiger teem" is
        "tiger team" (and "on my raider" stays unread: function words say too little, "at the
        Offset" is no "at the offsite")."""
        aligned = [(j, i) for j, (i, _) in (w.assigned or {}).items() if j in pat.words]
        heard = [j for j, i in aligned if self.rule(i, pcl[j]) == "homophone" or self.norms[i] in self.heard_joins]
        if not heard:
            return False
        if not w.complete:
            return True
        a, tokens = self.a, pat.tokens
        written = [j for j, i in aligned if j not in heard and self.rule(i, pcl[j]) not in _LOOSE]
        return not any(
            tokens[j].word not in a.function_words and tokens[j].word not in a.pronouns
            and tokens[j].word not in a.particles for j in written)

    def rule_of(self, w: Window, pat: Pattern, pcl: tuple[int, ...]) -> str | None:
        """The rule by which the one word of a one-word phrase was read. A synonym replaces a
        word inside a phrase, whose other words keep the jargon; alone it is just the other
        word ("повестка" is no "адженда", whichever dictionary lists it as a synonym)."""
        (j,) = pat.words
        i = (w.assigned or {}).get(j, (w.first, 1.0))[0]
        return self.rule(i, pcl[j])

    def rule(self, i: int, c: int) -> str | None:
        """By which rule token i got word class ``c`` ("form", "typo", "synonym"...), or None."""
        return self.lex.how.get(self.norms[i], {}).get(c)

    # -- stage 4: score -----------------------------------------------------------------
    def candidates(self, pids: set[int], refused: Callable[[Candidate, str], None] | None = None) -> list[Candidate]:
        """The scored windows of the candidate phrases that pass their guards, then the literal
        collocations of their entries around each (``refused`` hears of every window a guard
        turned down)."""
        lex = self.lex
        results: list[Candidate] = []
        context = (lex, self.norms, self.piece, self.base)     # what an explanation needs of this piece
        # per entry with literal collocations and utterance: the stretch its windows cover
        matched: dict[tuple[int, int], Window] = {}
        utts = self.toks.utts
        for pid in pids:
            entry = lex.patterns[pid].entry
            windows = self.score(pid, results, context, refused)
            if entry in lex.literals:
                for w in windows:
                    key = (entry, utts[w.first])
                    seen = matched.get(key)
                    matched[key] = w if seen is None else Window(-1, min(seen.first, w.first), max(seen.last, w.last),
                                                                 0.0, 0.0, 0.0)
        # literal collocations are checked only where their entry matched, around its windows
        for (entry, _), w in matched.items():
            for lpid in lex.literals[entry]:
                self.score(lpid, results, context, refused, w)
        return results

    def score(self, pid: int, results: list[Candidate], context: tuple,
              refused: Callable[[Candidate, str], None] | None, around: Window | None = None) -> list[Window]:
        """The best window of pattern ``pid`` in each utterance (only near ``around``, a
        phrase's window, for a literal collocation: each use is judged where it is)."""
        lex, where, utts = self.lex, self.where, self.toks.utts
        pat, pcl = lex.patterns[pid], lex.pclasses[pid]
        by_utt: dict[int, list[int]] = {}
        positions_of = {i for c in pcl if c in where for i in where[c]}
        reach = len(pat.tokens) + MAX_GAP   # a literal use overlaps the phrase's window
        if around is not None:
            positions_of = {i for i in positions_of if utts[i] == utts[around.first]
                            and around.first - reach <= i <= around.last + reach}
        for i in sorted(positions_of):
            by_utt.setdefault(utts[i], []).append(i)
        windows: list[Window] = []
        for positions in by_utt.values():
            lo, u, present = self.view(utts[positions[0]])
            overlap = None if around is None else (around.first - lo, around.last - lo)
            local = [p - lo for p in positions]
            taken: list[tuple[int, int]] = []     # the phrase's uses found so far in this utterance
            while reachable(pat, pcl, present):
                w = best_window(pid, pat, pcl, u, local, overlap, taken)
                if w is None:
                    break
                taken.append((w.first, w.last))
                self._found(w, lo, pat, pcl, results, windows, context, refused)
                if around is not None:
                    break         # a literal collocation is judged once, where its phrase is
                # said again further on? ("circle back now and circle back later": two uses)
                local = [p for p in local if not inside(p, taken)]
                if not local:
                    break
                present = {c for c in pcl if not all(inside(p, taken) for p in u.positions(c))}
        return windows

    def _found(self, w: Window, lo: int, pat: Pattern, pcl: tuple[int, ...], results: list[Candidate],
               windows: list[Window], context: tuple, refused: Callable[[Candidate, str], None] | None) -> None:
        """Window ``w`` of an utterance whose first token is ``lo``: to the line's positions,
        then to ``results`` (and ``windows``) unless a guard refuses it."""
        w.first += lo
        w.last += lo
        if w.assigned is not None:
            w.assigned = {j: (p + lo, sim) for j, (p, sim) in w.assigned.items()}
        reason = self.rejected(w, pat, pcl)
        if reason:
            if refused is not None and pat.kind != LITERAL:
                refused((w, pat, self.toks, context), reason)
            return
        results.append((w, pat, self.toks, context))
        windows.append(w)


def _rejoin(piece, base, toks, norms, classes, lex: Lexicon, pids: Collection[int] = (), keep_apart: bool = False):
    """Join two words that speech-to-text split ("за брал", "верхне уровнево", "follow up");
    ``(toks, norms, classes, joined apart, heard joins)``. *Joined apart*: whether a join may be
    wrong, so that the line is also read without it: it took two words that a candidate phrase
    of the line (``pids``) has side by side ("push back politely" beside "pushback"), or it is a
    *heard join*: two real words that, joined, are a close typo of a dictionary word ("take it of
    line", "the band with"; such a word counts only beside another word of its phrase as
    written, as a homophone does). With ``keep_apart`` neither kind is joined."""
    if len(norms) < 2:
        return toks, norms, classes, False, frozenset()
    side_by_side = {pair for pid in pids for pair in zip(lex.pclasses[pid], lex.pclasses[pid][1:], strict=False)}
    joined_apart = False
    if len(norms) > 2:
        toks, norms, classes = _rejoin_triples(piece, base, toks, norms, classes, lex)
    halves, targets = lex.half_classes, lex.join_targets
    # pairs worth a look (C-level): joined, they make a dictionary word or spelling, or one is
    # a piece of a split word and the other a piece too or a short one ("кан цептуально")
    nexts = norms[1:]
    merged = list(map(add, norms, nexts))
    piece_or_short = [w in halves or len(w) <= 3 for w in norms]
    is_piece = list(map(halves.__contains__, norms))
    maybe = list(compress(count(), map(or_, map(targets.__contains__, merged),
                                       map(or_, map(and_, is_piece, piece_or_short[1:]),
                                           map(and_, piece_or_short, is_piece[1:])))))
    # a piece beside a word the analyser does not know: speech-to-text split a misheard word
    # ("верхне уровнего"); the join below still needs a better reading than either part
    known = lex.analyzer.is_known
    odd = [i for i in compress(count(), map(or_, is_piece[:-1], is_piece[1:]))
           if (is_piece[i] and not known(nexts[i])) or (is_piece[i + 1] and not known(norms[i]))]
    if odd:
        maybe = sorted(set(maybe).union(odd))
    # two real words, one of them a piece of a split word, that may be one damaged dictionary
    # word heard apart ("of line", "band with"): joined, a typo of a word of a candidate phrase
    # (in a language that hears homophones, as a homophone: beside another word of the phrase)
    wanted = set().union(*map(lex.pclass_sets.__getitem__, pids)) if pids and lex.hears_homophones else set()
    heard_pairs = _heard_pairs(norms, merged, is_piece, wanted, lex) if wanted else []
    if heard_pairs:
        maybe = sorted(set(maybe).union(heard_pairs))
    joins: list[int] = []
    heard: set[str] = set()
    starts, ends, opens, utts = toks
    a = lex.analyzer
    for i in maybe:
        if joins and joins[-1] == i - 1:
            continue           # its first word was just joined to the one before
        if utts[i] != utts[i + 1] or not piece[ends[i] - base:starts[i + 1] - base].isspace():
            continue
        apart = bool(side_by_side) and any((c1, c2) in side_by_side for c1 in classes[i] for c2 in classes[i + 1])
        if apart and keep_apart:
            continue           # a phrase of the line says the two words as they are
        if not a.short_word and all(w in a.function_words or w in a.pronouns for w in (norms[i], nexts[i])):
            continue           # a language that glues no short word splits no word into two of them:
            #                    "me an" is no "mean" ("out side", "on boarding" are split words)
        mc = lex.classes(merged[i])
        # join when the joined word is a better reading ("фоллоу ап": a typo alone) and a
        # part means nothing alone, or when the joined word is itself a dictionary word
        # that anchors a phrase neither part does ("за брал")
        new = [c for c in mc if mc[c] > max(classes[i].get(c, 0.0), classes[i + 1].get(c, 0.0))]
        if _joins(i, new, merged, norms, classes, lex):
            joins.append(i)
            joined_apart = joined_apart or apart
        elif not keep_apart and _heard_join(merged[i], new, mc, lex, wanted) and known(norms[i]) and known(nexts[i]):
            # two real words one edit from a word of a candidate phrase ("band with", "fire
            # hoes"): joined tentatively, the line is read both ways
            heard.add(merged[i])
            joins.append(i)
            joined_apart = True
    return (*_joined(toks, norms, classes, [(i, 2) for i in joins], lex), joined_apart, frozenset(heard))


def _heard_pairs(norms: list[str], merged: list[str], is_piece: list[bool], wanted: set[int],
                 lex: Lexicon) -> list[int]:
    """Pairs i, i + 1 of real words, one a piece of a split word, that joined may be a word of
    the classes ``wanted`` (long enough, and read so by the lexicon)."""
    known = lex.analyzer.is_known
    return [i for i in compress(count(), map(or_, is_piece[:-1], is_piece[1:]))
            if len(merged[i]) >= HEARD_JOIN_MIN and known(norms[i]) and known(norms[i + 1])
            and not wanted.isdisjoint(lex.classes(merged[i]))]


def _joins(i: int, new: list[int], merged: list[str], norms: list[str], classes: list, lex: Lexicon) -> bool:
    """Whether words i and i + 1 are one split word: joined they read as ``new`` classes, better
    than either part does."""
    if not new:
        return False
    how = lex.how.get(merged[i], {})
    known = lex.analyzer.is_known
    typo = all(how.get(c) in _LOOSE for c in new)
    if typo and known(norms[i]) and known(norms[i + 1]):
        return False           # two real words ("право на") are not a typo of one ("правочки")
    loose = [lex.how.get(norms[i], {}), lex.how.get(norms[i + 1], {})]
    if typo and any(rule not in _LOOSE for part in loose for rule in part.values()):
        return False           # a part read as written is not given up for a loose reading of the
        #                        two ("pls ping" is no typo of "pushing")
    if classes[i] and classes[i + 1] and all(loose[0].get(c) in LOOSE or loose[1].get(c) in LOOSE for c in new):
        return False           # both words mean something, and joined they only read better as what
        #                        one of them already loosely is ("фолоуап я" is no "фолоуапя")
    return not classes[i] or not classes[i + 1] or (
        merged[i] in lex.forms and not lex.anchor_classes.isdisjoint(new))


def _heard_join(merged: str, new: list[int], mc: dict[int, float], lex: Lexicon, wanted: set[int]) -> bool:
    """Two real words, joined, are a word of a candidate phrase or a close typo of one: long
    enough (HEARD_JOIN_MIN letters), at least HEARD_JOIN_SIM like it, and not by its stem."""
    how = lex.how.get(merged, {})
    hits = [c for c in new if c in wanted and how.get(c) not in LOOSE and how.get(c) != "homophone"]
    return len(merged) >= HEARD_JOIN_MIN and bool(hits) and max(mc[c] for c in hits) >= HEARD_JOIN_SIM


def _rejoin_triples(piece, base, toks, norms, classes, lex: Lexicon):
    """Join three words that speech-to-text split out of one dictionary form ("конце пту
    ально", "верх не уровнево"): the three together are the form itself, one end is a piece
    of a split word, and one of them means nothing alone."""
    halves, forms, known = lex.half_classes, lex.forms, lex.analyzer.is_known
    starts, ends, _, utts = toks
    joins: list[tuple[int, int]] = []
    i = 0
    while i < len(norms) - 2:
        a, b, c = norms[i:i + 3]
        if (a in halves or c in halves) and a + b + c in forms and utts[i] == utts[i + 2] \
                and piece[ends[i] - base:starts[i + 1] - base].isspace() \
                and piece[ends[i + 1] - base:starts[i + 2] - base].isspace() \
                and not (known(a) and known(b) and known(c)):
            joins.append((i, 3))
            i += 3
        else:
            i += 1
    return _joined(toks, norms, classes, joins, lex)


def _joined(toks, norms, classes, joins: list[tuple[int, int]], lex: Lexicon):
    """The line with each run ``(i, k)`` of k words joined into one word."""
    if not joins:
        return toks, norms, classes
    starts, ends, opens, utts, norms, classes = (list(x) for x in (*toks, norms, classes))
    for i, k in reversed(joins):
        word = "".join(norms[i:i + k])
        ends[i:i + k] = [ends[i + k - 1]]
        del starts[i + 1:i + k], opens[i + 1:i + k], utts[i + 1:i + k]
        norms[i:i + k] = [word]
        classes[i:i + k] = [lex.classes(word)]
    return Tokens(starts, ends, opens, utts), norms, classes


