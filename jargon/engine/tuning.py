"""Every tuning number of the engine, in one place, each with what it controls.

The engine's decisions (what counts as a match, how well it scores) rest on these
numbers; the labelled sets scored in the test suite (tests/test_quality.py) and the unit
tests of each stage pin them: moving any of them by a quarter fails a test
(bench/mutate.py checks that).
"""
from __future__ import annotations

# -- the score -------------------------------------------------------------------------
DEFAULT_THRESHOLD = 75.0   # a candidate scoring below this (0-100) is not a match
MIN_COVERAGE = 0.75        # a window must hold this share of its pattern's weight (long phrases)
FULL_PHRASE_WORDS = 3      # phrases of up to this many words (besides slots) must be said in full
ORDER_PENALTY = 0.2        # score lost when every aligned word is out of the phrase's order
MAX_GAP = 4                # words a window may hold beyond its pattern's own
CONTEXT_WINDOW = 12        # words either side of a match, on its line, where an entry's context guard
                           # looks for a word of its topic (jargon.engine.context)

# -- how much a word counts (weights) --------------------------------------------------
FUNCTION_WEIGHT = 0.3      # prepositions, conjunctions, particles inside a phrase
PRONOUN_WEIGHT = 0.5       # pronouns, adverbs of time and degree ("сегодня", "очень")
FILLER_WEIGHT = 0.1        # a discourse filler or politeness formula inserted into a phrase ("ну", "спасибо")
CONTENT_INSERT_WEIGHT = 1.5   # a noun or verb inserted into a phrase: more than it would count inside
SLOT_WEIGHT = 0.6          # the "any colleague" slot (a name or pronoun) of a phrase
OPEN_SLOT_WEIGHT = 0.6     # an open slot ({something}): any short noun phrase
SLOT_NOUN_SIM = 0.7        # a noun, not a person, in a person slot's case ("мы с бухгалтерией решили")
OPEN_SLOT_WORDS = 3        # words an open slot may take
INTERJECTION_WEIGHT = 0.1  # Russian interjections (pymorphy3 INTJ) inside a phrase

# -- how similar a text word is to a phrase word ---------------------------------------
STEM_SIM = 0.9             # the same Snowball stem only ("концептуальное" for "концептуально")
PREFIX_SIM = 0.9           # another verb prefix ("почелленджил" for "челленджить")
DERIVED_SIM = 0.9          # a word derived from a one-word entry's root ("профакапили" for "факап")
TRANSLIT_SIM = 0.95        # read from Latin letters ("zagruz")
SOUND_TYPO_MIN = 8         # letters a word needs to be corrected by how it sounds beyond the edit limit
                           # ("чилинджить" for "челленджить": 3 edits, heard alike)
LATIN_ALONE_MIN = 6        # letters a lone Latin word needs to be read as a dictionary form in Cyrillic text
                           # («verkhneurovnevo»; short ones are commands and identifiers: "coll", "mitap")
SYNONYM_SIM = 0.85         # a synonym listed in [synonyms] ("загруженность" for "загруз")
TYPO_SIM_MIN = 0.8         # a corrected typo scores its rapidfuzz ratio, clamped to
TYPO_SIM_MAX = 0.97        # [TYPO_SIM_MIN, TYPO_SIM_MAX]
# a one-word phrase said only by a corrected typo needs this similarity, or a word this long,
# or a word at least ONE_WORD_TYPO_LOWER letters long that sounds like it (Analyzer.sound_key)
ONE_WORD_TYPO_SIM = 0.9
ONE_WORD_TYPO_LONG = 10
ONE_WORD_TYPO_LOWER = 6


HOMOPHONE_SIM = 0.85       # a real word heard like a phrase's word ("teem" for "team") scores this
HOMOPHONE_RATIO = 70       # and needs at least this rapidfuzz ratio to it ("bracket" is no "breakout": 67)
TYPO_EXTRA_FIRST_MIN = 5   # a word longer than this may be a typo with a letter too many before it ("kneedle")


def max_typo_distance(n: int) -> int:
    """Edits allowed when correcting a word of ``n`` letters: none below 4, then 1, 2, 3."""
    return 0 if n < 4 else 1 if n <= 5 else 2 if n <= 11 else 3


# -- the Russian analyser (jargon.builtin.russian) ------------------------------------------
PARSE_SCORE_RATIO = 0.5    # pymorphy3 parses scoring under this share of the best are not inflected


# -- split words ----------------------------------------------------------------------
HEARD_JOIN_MIN = 6         # letters two real words joined need to be read as one damaged word ("of line")
HEARD_JOIN_SIM = 0.85      # and how like that word they must be (rapidfuzz ratio / 100: "ofline" 0.92)
MAX_PIECE_CLASSES = 3      # a split-word piece shared by more dictionary words than this is ignored
                           # (it also decides what is rejoined: 2 loses "это вп ланах")


# -- candidate lookup (speed; a change here must not change what is found) --------------
MAX_PAIR_SET = 4           # a phrase is indexed by pairs among at most this many of its rarest words
MAX_PIECE = 20_000         # characters per scanned piece; longer lines are cut at sentence ends
