"""The per-language text analysis interface the engine relies on.

A language plugin returns a :class:`jargon.contributions.Language` whose factory
builds an :class:`Analyzer`. The engine calls it for every *distinct* word form
only (results are cached), so analysers may be slow-ish but must be pure.

Words passed in are already normalised by :meth:`Analyzer.normalize`.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Container

from jargon.engine.tuning import CONTENT_INSERT_WEIGHT, FILLER_WEIGHT, FUNCTION_WEIGHT, PRONOUN_WEIGHT

_STRESS = re.compile("[\u0300\u0301]")   # grave and acute accents used as stress marks

__all__ = ["CONTENT_INSERT_WEIGHT", "FILLER_WEIGHT", "FUNCTION_WEIGHT", "PRONOUN_WEIGHT", "Analyzer"]


class Analyzer:
    """Language-neutral defaults: lower-casing, no inflection, no stemming."""

    language = "und"
    #: words that may stand between the parts of a phrase without changing it
    fillers: frozenset[str] = frozenset()
    #: words of greetings and politeness formulas ("доброе утро", "спасибо"): cheap when inserted
    formulas: frozenset[str] = frozenset()
    #: words that may come before an address that opens an utterance ("всем привет, коллеги")
    openers: frozenset[str] = frozenset()
    #: prepositions, conjunctions, particles and the like
    function_words: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()
    #: prepositions: an address directly followed by one is a noun phrase ("коллеги по цеху")
    prepositions: frozenset[str] = frozenset()
    #: determiners ("the", "our"): one opens a noun phrase whose words before the phrase's
    #: person or set word belong to it ("loop in the night manager")
    determiners: frozenset[str] = frozenset()
    #: first letters speech-to-text confuses (an unstressed Russian "о" heard as "а"): a typo
    #: is looked for among dictionary words beginning with the other letter too ("оджента")
    initial_alternates: dict[str, str] = {}
    #: particles of phrasal verbs ("by" of "run it by", "in" of "loop me in"): a phrase that
    #: has one right after its verb (or the verb's object) is not said without it
    particles: frozenset[str] = frozenset()
    #: personal pronouns that may fill a "any colleague" placeholder slot
    person_pronouns: frozenset[str] = frozenset()
    #: verb prefixes that may be stripped from an unknown word ("почелленджил" -> "челленджил")
    prefixes: tuple[str, ...] = ()
    #: shortest stem that is still informative
    min_stem: int = 4
    #: the language's vowels (a placeholder name's final vowel is its ending: "Вася" -> "вас")
    vowels: str = "aeiouy"
    #: words this short are glued to the next one by speech-to-text ("в планах" -> "впланах")
    short_word: int = 3
    #: whether a phrase's words may be said in another order (Russian: yes, at a small cost;
    #: English: no, "out of reach" is not "reach out")
    free_word_order: bool = True
    #: particles written onto a word with a hyphen that do not change it ("адженда-то")
    clitics: tuple[str, ...] = ()
    #: consonants that alternate at the end of a root when a word is derived ("фидбэк" -> "фидбэчить")
    alternations: dict[str, str] = {}
    #: a regular expression for one letter of the language's own script ("[а-яё]"); a line
    #: mostly in another script is foreign text, where one-word phrases count only through
    #: a listed spelling. None: every line is the language's own.
    letters: str | None = None
    #: a regular expression for a letter of a neighbouring language's script that this language
    #: does not use (Ukrainian "і", "є" for Russian): a line holding one is that language, where
    #: no typo reaches a dictionary word ("Колеги, хто знає?"). None: no such letters.
    neighbour_letters: str | None = None
    #: negative particles ("не"): one standing right before a word of a phrase that has none
    #: turns the phrase into its opposite ("это не в планах")
    negations: frozenset[str] = frozenset()
    #: speech-to-text writes a compound as the words it is made of ("head count", "road map"):
    #: those words are pieces of a split word however many dictionary words share them
    compounds_apart: bool = False
    #: True when normalize() is just lower-casing plus "ё"->"е" and "’"->"'" for text without
    #: combining accents (lets the decoder slice normalised words out of the lower-cased line)
    plain_lowercase: bool = False

    def normalize(self, word: str) -> str:
        """Lower-case, NFC, stress marks removed ("подсвети́ть"), typographic apostrophe to "'"."""
        word = unicodedata.normalize("NFC", word).lower()
        if _STRESS.search(word):
            word = unicodedata.normalize("NFC", _STRESS.sub("", unicodedata.normalize("NFD", word)))
        return word.replace("’", "'")

    def inflections(self, word: str) -> set[str]:
        """Every inflected form of a dictionary word, the word itself included."""
        return {word}

    def stem(self, word: str) -> str | None:
        """A stem shared by related words and parts of speech, or None when too short to trust."""
        return None

    def weight(self, word: str) -> float:
        """How much a word counts when it is part of a phrase (content words 1.0)."""
        if word in self.function_words:
            return FUNCTION_WEIGHT
        if word in self.pronouns:
            return PRONOUN_WEIGHT
        return 1.0

    def insert_weight(self, word: str) -> float:
        """How much a word costs when it stands inside a phrase without belonging to it.

        Fillers and conversational formulas ("ну", "доброе утро") cost almost nothing; a
        content word costs more than it would count inside the phrase: an object between
        the words ("забрал груз и вернулся") usually means they are used literally.
        """
        if word in self.fillers or word in self.formulas:
            return FILLER_WEIGHT
        w = self.weight(word)
        return CONTENT_INSERT_WEIGHT if w >= 1.0 else w

    def is_known(self, word: str) -> bool:
        """Whether ``word`` is a real word of the language (typos and names usually are not).
        Neutral default, without a word list: no, so dictionary words stay typo-tolerant."""
        return False

    def is_person(self, word: str, capitalized: bool, sentence_initial: bool) -> bool:
        """Whether the word can name a person (a colleague in a placeholder slot). Neutral
        default, without a names list: only the person pronouns (a capitalised word may be
        any noun: German capitalises them all)."""
        return word in self.person_pronouns

    def is_address(self, following: list[str], set_off: str = "") -> bool:
        """Whether a word that opens an utterance is an address ("коллеги, кто знает",
        "коллеги кто знает") rather than the subject or object of what follows ("коллеги меня
        поддержали"). ``following``: the next few normalised words of the utterance;
        ``set_off``: the punctuation between (a comma, a dash), "" when only spaces. Neutral
        default: yes."""
        return True

    def reads_as_own(self, words: list[str], listed: Container[str] = ()) -> bool:
        """Whether ``words``, written in another script (a line, or a quoted stretch of Latin
        letters inside Cyrillic text), are this language all the same ("u menya seychas
        zagruz", «Zabral, vernus» are Russian; "Collect all the data" is not); ``listed``:
        spellings the dictionaries list (they count as the language's words). Neutral
        default: no."""
        return False

    def is_foreign_word(self, word: str) -> bool:
        """Whether a word written in another script is a word of that other language (an English
        word inside Russian text): then a reading of it as this language's word is doubtful.
        Neutral default: no."""
        return False

    def transliterate(self, word: str) -> list[str]:
        """Readings in this language's script of a word written in another script (most likely first)."""
        return []

    def has_grammar(self, word: str, name: str) -> bool:
        """Whether the analyser reads ``word`` as ``name`` ("noun", "noun:gen", "adj", "verb",
        "num"): fills a grammatical slot such as ``{noun:gen}``. Neutral default: numbers only."""
        return name == "num" and word.isdigit()

    def modifies(self, word: str, noun: str) -> bool:
        """Whether ``word`` can be a modifier agreeing with the ``noun`` after it (an adjective,
        a participle or a possessive in its case and number: "в *ближайших* планах"), so that
        it belongs to the phrase's noun phrase rather than being inserted into the phrase.
        Neutral default: no."""
        return False

    def sound_key(self, word: str) -> str:
        """How a word sounds, for telling a misheard word from another word: two spellings of
        one key are heard alike. Neutral default: the word itself."""
        return word

    def homophone_key(self, word: str) -> str | None:
        """How a real word of the language is pronounced, for speech-to-text writing one word
        for another that sounds the same ("tiger teem" for "tiger team"); None: no homophone
        readings (the neutral default)."""
        return None

    def derivation_root(self, word: str) -> str:
        """The root that words derived from a one-word ``derive`` entry are built on."""
        return self.stem(word) or word

    def derived_ending(self, rest: str, verbal: bool = False) -> bool:
        """Whether ``rest``, what follows a root in a word the analyser does not know, is an
        ending the language derives words with (``verbal``: a verb's ending, a verb's form or
        participle). Neutral default: only an empty rest."""
        return not rest

    def is_verb(self, word: str) -> bool:
        """Whether a dictionary word is a verb by its form (a borrowed verb's family is its
        verbs: "коммититься" is no "коммит"). Neutral default: no."""
        return False

    def inflect_like(self, name: list[str], model: str, said_like: tuple[str, ...] = ()) -> list[str]:
        """The words of a ``name`` (as written in a text) in the grammatical form of ``model``, a form
        of a placeholder ("Васю"); ``said_like`` are the placeholder's forms in the phrase the text
        matched (the name was said in one of them). Languages without inflection keep the name."""
        return name

    def slot_grammar(self, placeholder: str) -> str | None:
        """The grammatical slot a placeholder's form stands for, when a noun of that form may
        take a person's place ("с Васей" -> "noun:ins": "мы с бухгалтерией решили"), or None.
        Neutral default: None (a person only)."""
        return None

    def placeholder_stem(self, placeholder: str) -> str:
        """The part of a placeholder name shared by its forms ("Вася" -> "вас")."""
        p = self.normalize(placeholder)
        return p[:-1] if len(p) > 3 and p[-1] in self.vowels else p
