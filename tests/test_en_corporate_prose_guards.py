"""en-corporate on ordinary prose (issue 10): openers that tell a story, literal senses said
with a concrete thing, news frames, compounds that are no typos, and everyday idioms that are
no workplace jargon. Each guard is pinned both ways: the ordinary sentence stays quiet, the
jargon next to it is still found."""
from __future__ import annotations

import pytest
from engine_helpers import decoded_ids as _ids
from engine_helpers import english_decoder
from jargon_en_corporate.analyzer import EnglishAnalyzer
from jargon_en_corporate.plugin import DICTIONARY_PATH, english

from jargon.dictionary import load_dictionary
from jargon.engine.decoder import Decoder

DICTIONARY = load_dictionary(DICTIONARY_PATH)


@pytest.fixture(scope="module")
def decoder():
    return english_decoder()


# -- the analyser's rules -----------------------------------------------------------------

@pytest.mark.parametrize(("following", "set_off", "expected"), [
    (["it's", "the", "customer"], ",", True),
    (["the", "pay", "was"], ",", True),           # "was" judges, it tells nothing
    (["he", "went", "home"], "", False),           # a story in the simple past
    (["the", "sun", "rose"], ",", False),
    (["they", "returned", "to"], ",", False),
    (["attached", "is", "the"], ",", True),        # a first word in -ed is a participle
    (["is", "a", "way"], "", False),               # a verb right after it: the opener is its subject
    (["is", "a", "way"], ",", True),
    (["but", "who", "approved"], ",", True),       # a question after it
    (["let", "me", "check"], ",", True),           # "let" is an imperative too
    ([], "", True),
])
def test_an_opener_is_no_formula_before_a_story(following, set_off, expected):
    assert EnglishAnalyzer().is_address(following, set_off) is expected


@pytest.mark.parametrize(("word", "expected"), [
    ("went", True), ("returned", True), ("stopped", True), ("was", False), ("had", False),
    ("let", False), ("need", False), ("red", False), ("bed", False), ("is", False),
])
def test_simple_past(word, expected):
    assert EnglishAnalyzer().is_simple_past(word) is expected


def test_prepositions_end_an_opener():
    assert {"to", "for", "of"} <= EnglishAnalyzer.prepositions


@pytest.mark.parametrize(("word", "known"), [
    ("overboarding", True),    # over + boarding: a coinage, no typo of "onboarding"
    ("unfollowed", True),
    ("lightswitch", True),     # two words of five letters or more
    ("lookups", True),         # a verb and its particle: no typo of "loop in"
    ("rollout", True),
    ("learnigns", False),      # a typo stays a typo
    ("hedwinds", False),
    ("onboarding", False),     # "on" is a word: no program's name
    ("gapplication", True),    # a letter or two before a word: a program's name, no typo of "gamification"
])
def test_a_compound_of_known_words_is_no_typo(word, known):
    assert EnglishAnalyzer().is_known(word) is known


def test_a_set_word_decides_its_literal():
    """A literal collocation is matched like a phrase (75% of its weight): where the words
    around its set slot would reach that alone, it vetoes every object, not only the set's
    ("take the idea to the next level" was taken for "take the lift to the next level").
    Each literal with a set slot holds little else."""
    import re

    from jargon.engine.tuning import MIN_COVERAGE, OPEN_SLOT_WEIGHT

    a = EnglishAnalyzer()

    def weight(tok: str) -> float:
        if not tok.startswith("{"):
            return a.weight(a.normalize(tok))
        return 1.0 if tok.strip("{}") in DICTIONARY.sets else OPEN_SLOT_WEIGHT

    for e in DICTIONARY.entries:
        for lit in e.literal:
            toks = re.findall(r"\{[^}]+\}|[\w'-]+", lit)
            slots = [t for t in toks if t.startswith("{") and t.strip("{}") in DICTIONARY.sets]
            if not slots or len(toks) <= 3:
                continue
            total = sum(map(weight, toks))
            assert (total - len(slots)) / total < MIN_COVERAGE, (e.id, lit)


def test_a_guessed_base_that_is_no_word_is_no_form():
    forms = EnglishAnalyzer().inflections("baked")
    assert {"bake", "bakes", "baking", "baked"} <= forms
    assert "bak" not in forms       # "restore the .bak file into the database" is no "baked into"


def test_a_guessed_base_that_is_a_word_stays_a_form():
    assert "bird-dog" in EnglishAnalyzer().inflections("bird-dogging")


@pytest.mark.parametrize("technical", [
    "GAPPLICATION(1) NAME gapplication - D-Bus application launcher",
    "Restore the BAK file my-export.bak into the database my-database.",
    "This can be used to lookup CRLs in a directory by issuer name.",
    "For credential lookups, the files are read in the order given.",
])
def test_technical_words_are_no_typos_of_jargon(decoder, technical):
    assert _ids(decoder, technical) == []


# -- guards in the dictionary -------------------------------------------------------------

@pytest.mark.parametrize(("ordinary", "jargon", "entry"), [
    ("At the end of the day he went home and slept.", "At the end of the day, it's the customer who pays.",
     "at-the-end-of-the-day"),
    ("At the end of the day's march the soldiers made camp.", "At the end of the day, the pay was fine.",
     "at-the-end-of-the-day"),
    ("With all due respect to the judge, the sentence was too harsh.", "With all due respect, that's not my job.",
     "with-all-due-respect"),
    ("Going forward is a way to retreat.", "Going forward, all expenses need receipts.", "going-forward"),
    ("Moving forward slowly, she felt for the light switch.", "Moving forward, all expenses need receipts.",
     "going-forward"),
    ("Bodies that lie on the same page of the album.", "Are we all on the same page?", "on-the-same-page"),
    ("The bottom line of the chart was smudged.", "The bottom line is that we're over budget.", "bottom-line"),
    ("She reached out her hand to steady him.", "Feel free to reach out to me.", "reach-out"),
    ("He reached out to touch the wall.", "I reached out to the vendor last week.", "reach-out"),
    ("We reached out to the family for comment.", "Just reaching out about the invoice.", "reach-out"),
    ("She took a step back from the edge of the cliff.", "Let's take a step back and look at this.",
     "take-a-step-back"),
    ("The divers made a deep dive to the wreck.", "We'll do a deep dive on retention.", "deep-dive"),
    ("The car came to a hard stop at the lights.", "I have a hard stop at four today.", "hard-stop"),
    ("We had a hard stop at the level crossing.", "Sorry, I've got a hard stop at noon.", "hard-stop"),
    ("They had to drill down through the rock to reach water.", "Let's drill down into the numbers.",
     "drill-down"),
    ("We picked the low-hanging fruit from the tree.", "Let's go after the low-hanging fruit first.",
     "low-hanging-fruit"),
    ("The debt restructuring was agreed by the creditors.", "The restructuring will affect several departments.",
     "restructuring"),
    ("You can now buy more gates with less specifications.", "We're asked to do more with less.",
     "do-more-with-less"),
    ("Five hundred workers were made redundant when the plant closed.", "I was made redundant in May.",
     "made-redundant"),
    ("The headcount at the school rose to four hundred.", "We can't hire, there's no headcount.", "headcount"),
    ("He walked to the door and opened it.", "He got walked out by security at four.", "walked-to-the-door"),
    ("The plane circled back to the airport after the engine failed.", "Let's circle back on pricing.",
     "circle-back"),
    ("We had to circle back to the harbour when the wind dropped.", "He said he'd circle back.", "circle-back"),
    ("The crew ran the flag up the flagpole at dawn.", "Let's run it up the flagpole.", "run-it-up-the-flagpole"),
    ("The general said there were five thousand troops boots on the ground.",
     "We need more boots on the ground in the new region.", "boots-on-the-ground"),
    ("The stakeholders in the bridge project met on Monday.", "We need stakeholder alignment first.",
     "stakeholders"),
    ("Intel brings you the cutting-edge technology of 1979.", "We use cutting-edge analytics.", "cutting-edge"),
    ("Economic empowerment of women was the theme.", "We want to empower you.", "empower"),
    ("We'll pivot at warp two and bring the tubes to bear.", "The board says we need to pivot.",
     "we-need-to-pivot"),
    ("The player pivoted fast and shot.", "The shop has pivoted to online orders.", "we-need-to-pivot"),
    ("Use the crowbar for leverage.", "We should leverage our existing customer base.", "leverage"),
    ("The president vowed to move forward with the plan.", "We need some forward planning.", "forward-planning"),
    ("Overboarding: overcompensating for fears about the future.", "The onboarding process took a week.",
     "onboarding"),
    ("They used a block and tackle to lift the engine.", "It's just block and tackle, nothing clever.",
     "block-and-tackle"),
    ("We're on a journey to the coast, she told the guard.", "We're on a journey, the CEO said.", "on-a-journey"),
    ("It's a journey of three days by train.", "It's a journey, not a destination.", "on-a-journey"),
    ("The meal was paid for out of pocket.", "I'll be out of pocket on Friday.", "out-of-pocket"),
    ("He ticked the box on the form and signed it.", "We only did the training to tick the box.", "tick-the-box"),
    ("The sweet spot on the racket is larger.", "That price is the sweet spot for us.", "sweet-spot"),
    ("We spun our wheels in the mud for an hour.", "I'm spinning my wheels on this report.", "spinning-wheels"),
    ("They closed the loop of the rope around the post.", "Just to close the loop, the answer is no.",
     "close-the-loop"),
    ("He took ownership of the house in May.", "I need you to take ownership of this.", "take-ownership"),
    ("Any updates to the file must be saved first.", "Hi Jo, any updates on this?", "any-update"),
    ("Any updates to the API proxy must be saved as a new revision.", "Any update on this yet?", "any-update"),
    ("His name and hers were on the same page of the register.", "We're all on the same page about tariffs.",
     "on-the-same-page"),
    ("The photo ran on the same page as the obituary.", "Is everyone on the same page as me?", "on-the-same-page"),
    ("The gearbox has too many moving parts.", "This project has too many moving parts.", "moving-parts"),
    ("Take the lift to the next level of the car park.", "Take the idea to the next level with a business case.",
     "next-level"),
    ("Touch base with your back foot before you push off.", "Let's touch base on Friday.", "touch-base"),
    ("We drill down about forty metres for the piles.", "Let's drill down into the numbers.", "drill-down"),
])
def test_the_ordinary_sense_stays_quiet_and_the_jargon_is_found(decoder, ordinary, jargon, entry):
    assert entry not in _ids(decoder, ordinary)
    assert entry in _ids(decoder, jargon)


@pytest.mark.parametrize("idiom", [
    "I've let the cat out of the bag.",
    "Don't count your chickens before they hatch.",
    "The dog was barking up the wrong tree.",
    "You hit the nail on the head.",
    "Too many cooks spoil the broth.",
    "Don't rock the boat.",
    "After the fire they were back to square one.",
    "Is the glass half empty or half full?",
    "Leave your name and I'll get back to you.",
    "I hear you coming up the stairs.",
    "The bean counters approved the loan.",
    "The engineers went back to the drawing board.",
    "It's not personal, he said.",
])
def test_everyday_idioms_are_no_workplace_jargon(decoder, idiom):
    assert _ids(decoder, idiom) == []


@pytest.mark.parametrize(("literal", "jargon", "entry"), [
    # unless = ["{topic}"]: a word of the literal topic anywhere near, not only in one wording
    ("The coral was lovely on our deep dive, until the divers lost the line.",
     "The board wants a deep dive on churn before Friday.", "deep-dive"),
    ("Slide in to touch base before the fielder throws.", "Let's touch base after the town hall.", "touch-base"),
    ("The trawler was on my radar for an hour, drifting north.", "The renewal is on my radar, don't worry.",
     "on-my-radar"),
    ("Our old elevator has a hard stop at the fourth floor.", "I have a hard stop at two, sorry.", "hard-stop"),
    ("Drill down past the joists, mind the concrete.", "Can we drill down into the churn figures?", "drill-down"),
    ("Roadworks will disrupt the buses all week.", "We want to disrupt the insurance market.", "disrupt"),
    ("Pick the low-hanging fruit first, the ladder's broken and the pears are ripe.",
     "Go after the low-hanging fruit in the contracts first.", "low-hanging-fruit"),
    ("Take the laptop offline before the update.", "Can we take this offline?", "take-this-offline"),
    ("The groundsman had to move the goalposts before the match.", "They keep moving the goalposts on targets.",
     "move-the-goalposts"),
    ("Antibiotics can show synergy, so doses are lowered.", "The merger promises synergy across the sales teams.",
     "synergy"),
])
def test_a_literal_topic_near_the_words_keeps_them_literal(decoder, literal, jargon, entry):
    assert entry not in _ids(decoder, literal)
    assert entry in _ids(decoder, jargon)
    # without its guards the entry would take the literal sentence (the guard is what holds it)
    from dataclasses import replace
    bare = replace(DICTIONARY, entries=tuple(replace(e, unless=()) if e.id == entry else e for e in DICTIONARY.entries))
    if entry != "take-this-offline":      # (held by a literal collocation with a {tech} word)
        assert entry in _ids(Decoder([bare], languages={"en": english()}), literal)


def test_a_workplace_word_of_the_same_sound_is_no_literal_topic(decoder):
    """The topic sets hold words of the physical sense only: a warehouse's forklifts and a
    laptop in a chat leave the jargon alone."""
    assert "leverage" in _ids(decoder, "We should leverage the new forklifts better.")
    assert "ping-me" in _ids(decoder, "Ping me when your laptop is back.")
