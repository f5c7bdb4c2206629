"""English text analysis for jargon: rule-based inflection and the Snowball English stemmer.

``inflections`` expands a dictionary word into the forms people say ("circle" ->
"circles", "circled", "circling"; "take" -> "took", "taken"...). It deliberately
over-generates a little (both "offered" and "offerred"): a form nobody writes
never matches anything, while a missing form loses a real match.
"""
from __future__ import annotations

import re
import unicodedata

from jargon.text.analyzer import Analyzer

_VOWELS = "aeiou"
_SOUND_VOWELS = re.compile(r"[aeiouy]+")
_DOUBLED = re.compile(r"(.)\1+")
_LATIN_WORD = re.compile(r"^[a-z][a-z'-]*$")
# British -ise/-isation spellings ("socialise", "operationalised", "organisation"): the stem
# before "is" and the ending after it
_DROPPED_G = re.compile(r"^([a-z]{2,}in)'?$")   # "hangin", "goin'": an -ing said without its g
_BRITISH_ISE = re.compile(r"^([a-z]{3,})is(e|es|ed|ing|ation|ations|er|ers)$")

# base: (3rd person singular, past, past participle, -ing); several pasts are "a|b"
_IRREGULAR_VERBS: dict[str, tuple[str, str, str, str]] = {
    "be": ("is", "was|were", "been", "being"),
    "have": ("has", "had", "had", "having"),
    "do": ("does", "did", "done", "doing"),
    "go": ("goes", "went", "gone", "going"),
    "take": ("takes", "took", "taken", "taking"),
    "put": ("puts", "put", "put", "putting"),
    "make": ("makes", "made", "made", "making"),
    "get": ("gets", "got", "got|gotten", "getting"),
    "give": ("gives", "gave", "given", "giving"),
    "come": ("comes", "came", "come", "coming"),
    "know": ("knows", "knew", "known", "knowing"),
    "think": ("thinks", "thought", "thought", "thinking"),
    "bring": ("brings", "brought", "brought", "bringing"),
    "buy": ("buys", "bought", "bought", "buying"),
    "catch": ("catches", "caught", "caught", "catching"),
    "teach": ("teaches", "taught", "taught", "teaching"),
    "seek": ("seeks", "sought", "sought", "seeking"),
    "drive": ("drives", "drove", "driven", "driving"),
    "eat": ("eats", "ate", "eaten", "eating"),
    "fall": ("falls", "fell", "fallen", "falling"),
    "feel": ("feels", "felt", "felt", "feeling"),
    "find": ("finds", "found", "found", "finding"),
    "forget": ("forgets", "forgot", "forgotten", "forgetting"),
    "hear": ("hears", "heard", "heard", "hearing"),
    "hold": ("holds", "held", "held", "holding"),
    "keep": ("keeps", "kept", "kept", "keeping"),
    "leave": ("leaves", "left", "left", "leaving"),
    "lead": ("leads", "led", "led", "leading"),
    "let": ("lets", "let", "let", "letting"),
    "lose": ("loses", "lost", "lost", "losing"),
    "mean": ("means", "meant", "meant", "meaning"),
    "meet": ("meets", "met", "met", "meeting"),
    "pay": ("pays", "paid", "paid", "paying"),
    "say": ("says", "said", "said", "saying"),
    "lay": ("lays", "laid", "laid", "laying"),
    "read": ("reads", "read", "read", "reading"),
    "run": ("runs", "ran", "run", "running"),
    "see": ("sees", "saw", "seen", "seeing"),
    "sell": ("sells", "sold", "sold", "selling"),
    "tell": ("tells", "told", "told", "telling"),
    "send": ("sends", "sent", "sent", "sending"),
    "spend": ("spends", "spent", "spent", "spending"),
    "build": ("builds", "built", "built", "building"),
    "set": ("sets", "set", "set", "setting"),
    "shut": ("shuts", "shut", "shut", "shutting"),
    "cut": ("cuts", "cut", "cut", "cutting"),
    "hit": ("hits", "hit", "hit", "hitting"),
    "sit": ("sits", "sat", "sat", "sitting"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "break": ("breaks", "broke", "broken", "breaking"),
    "wake": ("wakes", "woke", "woken", "waking"),
    "choose": ("chooses", "chose", "chosen", "choosing"),
    "stand": ("stands", "stood", "stood", "standing"),
    "understand": ("understands", "understood", "understood", "understanding"),
    "write": ("writes", "wrote", "written", "writing"),
    "ride": ("rides", "rode", "ridden", "riding"),
    "rise": ("rises", "rose", "risen", "rising"),
    "throw": ("throws", "threw", "thrown", "throwing"),
    "grow": ("grows", "grew", "grown", "growing"),
    "draw": ("draws", "drew", "drawn", "drawing"),
    "fly": ("flies", "flew", "flown", "flying"),
    "show": ("shows", "showed", "shown|showed", "showing"),
    "begin": ("begins", "began", "begun", "beginning"),
    "ring": ("rings", "rang", "rung", "ringing"),
    "sing": ("sings", "sang", "sung", "singing"),
    "drink": ("drinks", "drank", "drunk", "drinking"),
    "swim": ("swims", "swam", "swum", "swimming"),
    "win": ("wins", "won", "won", "winning"),
    "hang": ("hangs", "hung|hanged", "hung|hanged", "hanging"),
    "dig": ("digs", "dug", "dug", "digging"),
    "stick": ("sticks", "stuck", "stuck", "sticking"),
    "strike": ("strikes", "struck", "struck", "striking"),
    "sleep": ("sleeps", "slept", "slept", "sleeping"),
    "sweep": ("sweeps", "swept", "swept", "sweeping"),
    "feed": ("feeds", "fed", "fed", "feeding"),
    "fight": ("fights", "fought", "fought", "fighting"),
    "shake": ("shakes", "shook", "shaken", "shaking"),
    "steal": ("steals", "stole", "stolen", "stealing"),
    "wear": ("wears", "wore", "worn", "wearing"),
    "tear": ("tears", "tore", "torn", "tearing"),
    "bear": ("bears", "bore", "borne|born", "bearing"),
    "bend": ("bends", "bent", "bent", "bending"),
    "lend": ("lends", "lent", "lent", "lending"),
    "deal": ("deals", "dealt", "dealt", "dealing"),
    "learn": ("learns", "learned|learnt", "learned|learnt", "learning"),
    "spin": ("spins", "spun", "spun", "spinning"),
    "spread": ("spreads", "spread", "spread", "spreading"),
    "quit": ("quits", "quit", "quit", "quitting"),
    "cost": ("costs", "cost", "cost", "costing"),
    "hurt": ("hurts", "hurt", "hurt", "hurting"),
    "can": ("can", "could", "could", "can"),
    "will": ("will", "would", "would", "will"),
    "shall": ("shall", "should", "should", "shall"),
}
_IRREGULAR_NOUNS: dict[str, str] = {
    "person": "people", "man": "men", "woman": "women", "child": "children", "foot": "feet",
    "tooth": "teeth", "mouse": "mice", "goose": "geese", "life": "lives", "wife": "wives",
    "knife": "knives", "leaf": "leaves", "half": "halves", "shelf": "shelves", "self": "selves",
    "wolf": "wolves", "calf": "calves", "loaf": "loaves", "thief": "thieves", "analysis": "analyses",
    "crisis": "crises", "criterion": "criteria", "phenomenon": "phenomena", "datum": "data",
}
# for each irregular form, the whole lexeme it belongs to
_LEXEME_OF: dict[str, frozenset[str]] = {}
for _base, _forms in _IRREGULAR_VERBS.items():
    _lexeme = frozenset([_base, *(f for group in _forms for f in group.split("|"))])
    if _base == "be":
        _lexeme = _lexeme | {"am", "are"}
    for _form in _lexeme:
        _LEXEME_OF[_form] = _LEXEME_OF.get(_form, frozenset()) | _lexeme
for _sing, _plural in _IRREGULAR_NOUNS.items():
    _LEXEME_OF[_sing] = _LEXEME_OF.get(_sing, frozenset()) | {_sing, _plural}
    _LEXEME_OF[_plural] = _LEXEME_OF.get(_plural, frozenset()) | {_sing, _plural}
del _base, _forms, _lexeme, _form, _sing, _plural
# the simple pasts of the irregular verbs that tell a story after an opener ("went", "took"):
# not those spelt like the base ("let", "put" are imperatives too), nor "was", "had", "did"
# ("At the end of the day, the pay was fine" judges, it tells nothing)
_IRREGULAR_PASTS = frozenset(p for base, forms in _IRREGULAR_VERBS.items() for p in forms[1].split("|")
                             if p != base) - {"could", "would", "should", "was", "were", "had", "did"}
# a question after an opener keeps it a formula ("With all due respect, who approved this?")
_QUESTION_WORDS = frozenset("who what why how where when which".split())
# verbs right after an opener make it their subject ("going forward is a way to retreat")
_SUBJECT_VERBS = frozenset("is was are were has had means meant will would can could should may might must".split())
# the particles that make nouns of phrasal verbs ("lookup", "rollout", "pushback")
_PARTICLES = ("up", "in", "out", "off", "on", "down", "over", "back", "away")
# prefixes that make a new word of a known word ("overboarding", "unfollowed"): no typo
_WORD_PREFIXES = ("over", "under", "out", "off", "counter", "super", "inter", "multi", "non", "mis", "pre", "re",
                  "un", "co", "sub", "anti", "self", "semi")


def _is_vowel(word: str, i: int) -> bool:
    i %= len(word)
    ch = word[i]
    return ch in _VOWELS or (ch == "y" and i > 0 and word[i - 1] not in _VOWELS)


def _syllables(word: str) -> int:
    count, prev = 0, False
    for i in range(len(word)):
        v = _is_vowel(word, i)
        if v and not prev:
            count += 1
        prev = v
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    return max(count, 1)


def _ends_cvc(word: str) -> bool:
    """Consonant-vowel-consonant ending whose last consonant may double (stop, plan, commit)."""
    if len(word) < 3 or word[-1] in "wxy" + _VOWELS:
        return False
    return not _is_vowel(word, len(word) - 3) and word[-2] in _VOWELS


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def _regular_forms(word: str) -> set[str]:
    """-s, -ed and -ing forms (a verb's and a noun's plural coincide in spelling rules)."""
    forms = {word, _plural(word), word + "'s"}
    if word.endswith("e"):
        forms.add(word + "d")
        if word.endswith("ie"):
            forms.add(word[:-2] + "ying")
        elif word.endswith(("ee", "ye", "oe")):
            forms.add(word + "ing")
        else:
            forms.add(word[:-1] + "ing")
        return forms
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        forms.update({word[:-1] + "ied", word + "ing"})
        return forms
    if word.endswith("c"):  # panic -> panicked
        forms.update({word + "ked", word + "king", word + "ed", word + "ing"})
        return forms
    forms.update({word + "ed", word + "ing"})
    if _ends_cvc(word):
        doubled = word + word[-1]
        if _syllables(word) == 1:
            forms.difference_update({word + "ed", word + "ing"})
        forms.update({doubled + "ed", doubled + "ing"})
    return forms


def _guess_bases(word: str) -> set[str]:
    """Possible base forms of a word that already looks inflected ("circled" -> "circle", "circl")."""
    bases: set[str] = set()
    if word.endswith("ing") and len(word) > 5:
        stem = word[:-3]
        bases.update({stem, stem + "e"})
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls" + _VOWELS:
            bases.add(stem[:-1])
        if stem.endswith("y"):
            bases.add(stem[:-1] + "ie")
    elif word.endswith("ied") and len(word) > 4:
        bases.add(word[:-3] + "y")
    elif word.endswith("ed") and len(word) > 4:
        stem = word[:-2]
        bases.update({stem, stem + "e"})
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls" + _VOWELS:
            bases.add(stem[:-1])
    elif word.endswith("ies") and len(word) > 4:
        bases.add(word[:-3] + "y")
    elif word.endswith("es") and len(word) > 4 and word[:-2].endswith(("s", "x", "z", "ch", "sh")):
        bases.add(word[:-2])
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        bases.add(word[:-1])
    return bases


# what a stem may cut off a word: an inflection ("circl|ing", "synergi|es"), a final "e" or
# "y" ("leverag|e", "synergi" for "synergy"), never a derivational ending ("disrupt|ion")
_INFLECTIONAL_CUTS = frozenset(["", "e", "y", "s", "es", "ed", "d", "ing", "'s", "s'"])


def _inflectional_cut(word: str, stem: str) -> bool:
    """Whether the stem drops only an inflection of ``word`` (Snowball writes a final "y" as
    "i": "synergy" -> "synergi")."""
    if word.startswith(stem):
        return word[len(stem):] in _INFLECTIONAL_CUTS
    return stem.endswith("i") and word.startswith(stem[:-1] + "y") and word[len(stem):] in _INFLECTIONAL_CUTS


def _american_spelling(word: str) -> str:
    """A British -ise/-isation word in its -ize/-ization spelling ("operationalised" ->
    "operationalized"), so that one spelling in a dictionary finds both. Only where the -ise
    word is no English word of its own or its -ize twin is one too: "advise", "otherwise",
    "franchise" stay (no "advize" is English). Without the word list nothing is changed."""
    m = _BRITISH_ISE.match(word)
    if m is None:
        return word
    from jargon.text.english import english_words

    words = english_words()
    if not words:
        return word
    american = f"{m.group(1)}iz{m.group(2)}"
    return american if american in words or word not in words else word


def _dropped_g(word: str) -> str:
    """An -ing word said without its g ("hangin", "touchin'", "goin") in its -ing spelling, where
    the word as said is no English word and the -ing one is ("basin", "raisin", "cousin" stay).
    Without the word list nothing is changed."""
    m = _DROPPED_G.match(word)
    if m is None:
        return word
    from jargon.text.english import english_words

    words = english_words()
    full = m.group(1) + "g"
    return full if words and m.group(1) not in words and full in words else word


def _compound(word: str, words) -> bool:
    """A new word made of known ones is no typo: a prefix and a word of four letters or more
    ("overboarding", "unfollowed"); a letter, or two that are no word (not the "on" of
    "onboarding"), before a word of six letters or more, as programs are named
    ("gapplication"); a verb and its particle ("lookups", "rollout"); or two words of five
    letters or more ("lightswitch"). A typo of a dictionary word is rarely all real words
    ("learnigns", "hedwinds")."""
    for prefix in _WORD_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 4 and word[len(prefix):] in words:
            return True
    if (len(word) >= 7 and word[1:] in words) or (len(word) >= 8 and word[:2] not in words and word[2:] in words):
        return True       # a program's name: a letter, or two that are no word, before a word ("gapplication")
    base = word[:-1] if word.endswith("s") else word
    if any(base.endswith(p) and base[:-len(p)] in words and len(base) - len(p) >= 4 for p in _PARTICLES):
        return True       # a noun of a phrasal verb ("lookup", "rollouts")
    return any(word[:i] in words and word[i:] in words for i in range(5, len(word) - 4))


class EnglishAnalyzer(Analyzer):
    """English: rule-based inflection with irregular verbs and nouns, Snowball stems."""

    language = "en"
    fillers = frozenset(
        "just really like basically actually so well um uh er erm hmm okay ok literally honestly "
        "totally maybe perhaps probably quite pretty very also anyway".split())
    formulas = frozenset(
        "hi hello hey thanks thank please sorry cheers guys folks all morning afternoon evening".split())
    function_words = frozenset(
        "a an the and or but nor if then than as at by for from in into of off on onto out over "
        "to up upon with within without about above after before below between through under "
        "until via per that this these those which who whom whose what when where why how "
        "not no is are was were be been being am do does did have has had can could will would "
        "shall should may might must let let's don't doesn't didn't isn't aren't wasn't weren't can't "
        "cannot won't wouldn't shouldn't couldn't haven't hasn't hadn't there's here's what's "
        "that's".split())
    pronouns = frozenset(
        "i me my mine myself you your yours yourself yourselves he him his himself she her hers "
        "herself it its itself we us our ours ourselves they them their theirs themselves "
        "someone somebody everyone everybody anyone anybody nobody one i'm i've i'll i'd you're "
        "you've you'll you'd he's he'll she's she'll it's it'll we're we've we'll we'd they're "
        "they've they'll they'd u".split())
    # "u" is "you" in chat and speech-to-text ("ill loop u in", "ping u the link")
    person_pronouns = frozenset("me him her you u them us".split())
    particles = frozenset((*_PARTICLES, "by", "past", "through", "around", "along"))
    determiners = frozenset("the a an my our your his her their its this that these those every each".split())
    #: words that may come before an opener ("because at the end of the day", "but going forward")
    openers = frozenset("because cause but and so that then yet or though although since i think guess mean".split())
    #: an opener directly followed by one of these is a noun phrase ("with all due respect to the judge")
    prepositions = frozenset("to for of in on at by with from about towards toward into onto".split())
    min_stem = 4
    #: speech-to-text writes English words apart ("wheel house"), it does not glue a short one
    #: to the next ("thewheel"): no glued pairs, so a function word is no piece of a split word
    short_word = 0
    compounds_apart = True
    max_stem_cut = 3     # letters a stem may cut off the word ("circling" -> "circl")
    letters = "[a-z]"
    free_word_order = False

    def __init__(self) -> None:
        self._stemmer = None

    # the Snowball stemmer is a C object: rebuilt lazily after unpickling
    def __getstate__(self):
        return {}

    def __setstate__(self, state):
        self.__init__()

    def normalize(self, word: str) -> str:
        """Lower-case, accents dropped ("résumé" -> "resume"), every apostrophe as "'"."""
        word = super().normalize(word)
        if not word.isascii():
            decomposed = unicodedata.normalize("NFD", word)
            word = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))
        word = word.replace("‘", "'").replace("`", "'")
        return _dropped_g(_american_spelling(word))

    def inflections(self, word: str) -> set[str]:
        forms = {word}
        if not _LATIN_WORD.match(word):
            return forms
        if word in _LEXEME_OF:
            forms |= _LEXEME_OF[word]
            if word.endswith("ing"):  # "meeting" is a noun too: "meetings"
                forms.add(word + "s")
            return forms
        if word in self.function_words or word in self.pronouns:
            return forms
        forms |= _regular_forms(word)
        if word.endswith("s"):
            return forms      # a plural stays a plural: "learnings" is not "learn", "heads up" not "head up"
        for base in _guess_bases(word):
            if base in _LEXEME_OF:
                forms |= _LEXEME_OF[base]
            elif len(base) >= 3:
                found = _regular_forms(base)
                if not self.is_known(base):
                    # a guessed base that is no word is no form ("baked" -> "bak": the BAK file)
                    found -= {base, _plural(base), base + "'s"}
                forms |= found
        return forms

    def sound_key(self, word: str) -> str:
        """How a word sounds, roughly: vowels (and "y") after the first letter are one vowel,
        doubled letters once, so a misspelt vowel is heard as the word ("levarage" and
        "leverage", "synergys" and "synergies")."""
        key = word[:1] + _SOUND_VOWELS.sub("a", word[1:])
        return _DOUBLED.sub(r"\1", key)

    def homophone_key(self, word: str) -> str | None:
        """Metaphone (jellyfish): "teem" and "team", "raider" and "radar" are heard alike;
        words under four letters ("tie" and "tee", "roe" and "row": too many such pairs in
        ordinary prose), function words and pronouns have none."""
        if len(word) < 4 or not word.isalpha() or word in self.function_words or word in self.pronouns:
            return None
        import jellyfish

        return jellyfish.metaphone(word) or None

    def stem(self, word: str) -> str | None:
        """The Snowball stem, when it is long enough and cuts off no more than an inflection.

        A stem that drops a longer, derivational ending ("delayering" -> "delay",
        "transformational" -> "transform", "scalability" -> "scalabl"), or a short one that is
        no inflection ("disruption" -> "disrupt", "socialism" and "socialize" -> "social"),
        would join a buzzword to everyday words; those forms are listed as variants instead."""
        if self._stemmer is None:
            import Stemmer

            self._stemmer = Stemmer.Stemmer("english")
        s = self._stemmer.stemWord(word)
        if len(s) < self.min_stem or len(word) - len(s) > self.max_stem_cut or not _inflectional_cut(word, s):
            return None
        return s

    def is_known(self, word: str) -> bool:
        """A real English word (in the word list, or each part of a hyphenated one): never a
        typo. Without the word list every Latin word counts as real (no typo correction).
        Identifiers with digits ("bucket-1", "sig4's") are never typos either: they would
        otherwise be "corrected" to a dictionary word ("bucketed")."""
        if word.isascii() and any(ch.isdigit() for ch in word) and any(ch.isalpha() for ch in word):
            return True
        if not _LATIN_WORD.match(word):
            return False
        from jargon.text.english import english_words

        words = english_words()
        if not words:
            return True
        return all(part in words or part.rstrip("'") in words or _compound(part, words)
                   for part in word.replace("'s", "").split("-") if part)

    def is_address(self, following: list[str], set_off: str = "") -> bool:
        """An opener ("At the end of the day", "As promised", "With all due respect") is one
        unless a story goes on after it in the simple past: "At the end of the day he went
        home", "As promised, they arrived at noon" tell what happened; "At the end of the day,
        it's my call" is the formula. A simple past in the second or third word after it tells
        the story ("he went", "the sun rose"); a question after it keeps the formula; a verb
        right after it, with no comma, makes it the subject ("Going forward is a way to
        retreat")."""
        if following[:1] == ["but"]:
            following = following[1:]
        if not following or following[0] in _QUESTION_WORDS:
            return True       # a question follows ("All due respect, but who approved this?")
        if not set_off and following[0] in _SUBJECT_VERBS:
            return False
        # a past after its subject ("he went", "the sun rose"); a first word in -ed is a
        # participle ("As promised, attached is the deck")
        return not any(self.is_simple_past(w) for w in following[1:3]) and following[0] not in _IRREGULAR_PASTS

    def is_simple_past(self, word: str) -> bool:
        """A simple past of a verb: an irregular one ("went", "was") or a known word in -ed
        whose base is a word too ("returned", "stopped"; not "red", "bed" or "need")."""
        if word in _IRREGULAR_PASTS:
            return True
        if not word.endswith("ed") or len(word) < 5:
            return False
        from jargon.text.english import english_words

        words = english_words()
        return any(base in words for base in _guess_bases(word) if len(base) >= 3)

    def is_person(self, word: str, capitalized: bool, sentence_initial: bool) -> bool:
        """A person pronoun, or a capitalised word inside a sentence: English capitalises
        names, not nouns."""
        if word in self.person_pronouns:
            return True
        if word in self.pronouns or word in self.function_words or word in self.fillers or len(word) < 2:
            return False
        return capitalized and not sentence_initial
