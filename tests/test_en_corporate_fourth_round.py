"""en-corporate's fourth round (2026-12-02): recall lost to context guards, missing terms, technical prose.

A buzzword with a context guard counts only near a workplace word; the {work} set now holds the
words of workplaces people describe (a project, a job, a bank, a ministry, clinics, the CRM)
that technical documentation rarely uses. An idiom whose literal sense is rare is guarded by its
literal topic instead ("drinking from the firehose" beside firefighters), a word with no
technical sense at all ("stakeholders") by none. The terms the pack lacked (sanity check, gut
check, skunkworks...) are added; code documentation's own senses ("leveraging PEP 442", "the
module's C-level state", "close the event loop") are literal by a {programming} topic. The
sentences are written for these tests, not taken from a labelled set."""
from __future__ import annotations

import re

import pytest
from engine_helpers import decoded_ids as _ids
from engine_helpers import english_decoder


@pytest.fixture(scope="module")
def decoder():
    return english_decoder()


FOUND = [
    # guards that no longer refuse: a workplace word of the new {work} words, or no guard at all
    ("stakeholders-alone", "There were twenty stakeholders on that invite and nobody replied."),
    ("drink-from-the-firehose", "My first month was like drinking from the firehose."),
    ("disruptor", "They call themselves a disruptor in pet insurance."),
    ("ownership-alone", "On my first project here there was a lot of ownership talk."),
    ("lean-in", "The new campaign wants us all to lean in."),
    ("robust-alone", "The new CRM was sold to us as robust."),
    ("bandwidth-alone", "Everyone at the ministry talks about bandwidth."),
    ("scalable-alone", "The hospital wanted something scalable and cheap."),
    # terms and wordings the pack lacked
    ("sanity-check", "Can someone in finance sanity-check the numbers before Friday?"),
    ("gut-check", "Quick gut check on these figures before I send them?"),
    ("skunkworks", "We had a little skunkworks going on recycled packaging."),
    ("end-to-end", "I wanted to own the onboarding process end to end."),
    ("evangelist-alone", "He's our data evangelist, always pushing the dashboards."),
    ("champion", "She's been championing the hybrid working policy for a year."),
    ("level-set", "Can we level set before we start?"),
    ("loop-in", "Can you loop in Priya on the email?"),
    ("loop-in", "pls loop in sam on the email"),
    ("back-of-the-envelope", "A back of the envelope number is fine for now."),
    ("transformation-alone", "The consultants pitched it to the manager as transformational."),
    ("quick-and-dirty", "Management wanted a quick and dirty fix so the line could restart."),
    ("get-on-board", "We had to bring the regional managers on board first."),
    ("pushback", "There was plenty of internal pushback on the new rota."),
    ("disrupt", "Investors want to hear that we'll disrupt banking."),
    ("whole-self", "The posters in the lift tell us to bring our whole selves to work."),
    ("move-the-goalposts", "The client kept moving the goalposts on the brief."),
    ("cadence", "What's the reporting cadence for the steering group?"),
    ("circle-back", "We said we'd cirle back on the parking charges next month."),
    ("at-the-end-of-the-day", "At the end of the day, it's the client's call."),
]


@pytest.mark.parametrize(("entry", "text"), FOUND, ids=[f"{e}:{t[:30]}" for e, t in FOUND])
def test_jargon_is_found(decoder, entry, text):
    assert entry in _ids(decoder, text)


LITERAL = [
    # a literal topic near the words
    ("drink-from-the-firehose", "Learning at some schools is like drinking from a firehose."),
    ("drink-from-the-firehose", "After the blaze the firefighters let the kids drink from the fire hose."),
    ("bandwidth-alone", "The bandwidth at the depot drops every afternoon when the cameras upload."),
    ("bandwidth-alone", "The video call keeps dropping because the bandwidth at the hotel is awful."),
    ("stakeholders-alone", "The stakeholder held the bets until the race was over."),
    ("evangelist-alone", "Luke the evangelist wrote the third gospel."),
    ("evangelist-alone", "The amount of weight an evangelist carries with the almighty."),
    ("evangelist-alone", "Said the famous evangelist, and went home."),
    ("skunkworks", "Lockheed's skunk works built the SR-71 in secret."),
    ("level-set", "The logger has its level set to WARNING by default."),
    ("champion", "She championed the cause of the miners for thirty years."),
    ("reach-out-alone", "At the depot you have to reach out of the cab window to swipe your card."),
    # code documentation
    ("leverage", "Leveraging PEP 442, most extension modules are now collected."),
    ("c-suite", "The module's C-level state is kept in a struct."),
    ("close-the-loop", "Close the event loop before the program exits."),
    ("take-ownership", "These functions take over ownership of the item passed to them."),
    ("future-proof", "Pass the flag explicitly to future-proof your Python code."),
    ("loop-in", "It properly finalizes the loop at the context manager exit."),
    ("pushback", "Remove punctuation chars from wordchars. No pushback. Get a token."),
    ("quick-and-dirty", "Quick-and-dirty patterns will handle common cases of regular expressions."),
    ("get-on-board", "I recognized your foul stench when I was brought on board."),
    # the senses of a dictionary of ordinary English
    ("cadence", "The drill sergeant called the cadence while they were marching."),
    ("cadence", "The cadence of the rowers dropped over the last two hundred metres."),
    ("move-the-goalposts", "The groundsman had to move the goalposts to the other end for the junior match."),
    ("circle-back", "The pilot circled back to the airfield after the hydraulic warning light came on."),
    ("move-the-needle", "The record player won't start unless you move the needle by hand onto the first groove."),
    ("on-the-same-page", "Is everyone on the same page of the handout? We're on page twelve."),
    ("at-the-end-of-the-day", "At the end of the day shift, hand the keys to the night porter."),
    ("leverage", "The drivers have to leverage the pallet up with a bar when it sticks."),
    ("tiger-team", "My daughter's school has a Tiger team in the under nines football league."),
    ("level-set", "I reset the scales on the weighbridge, a level-set every morning."),
    ("put-a-pin-in-it", "Put a pin in it so the hem stays straight while you sew."),
    ("high-level", "You get a proper helicopter view of the site from the air ambulance pad."),
    ("alignment-alone", "The manager sent me on an alignment course for the wheel machines."),
    ("long-tail", "The bird has a long tail and brown markings on the wings."),
    ("future-state", "They denied the resurrection and a future state of the soul."),
    ("greenlight", "A green light is visible to traffic at the intersection."),
    ("exemplar", "The exemplar piety of the father of a family."),
    ("centre-of-excellence", "Opisthocoelous, coe, a word of anatomy."),
]


@pytest.mark.parametrize(("entry", "text"), LITERAL, ids=[f"{e}:{t[:30]}" for e, t in LITERAL])
def test_literal_sense_is_no_jargon(decoder, entry, text):
    assert entry not in _ids(decoder, text)


def test_the_same_words_near_work_are_jargon(decoder):
    """The topic guards refuse only the literal topic: the jargon said near work still counts."""
    assert "bandwidth-alone" in _ids(decoder, "The manager keeps talking about bandwidth for the team.")
    assert "leverage" in _ids(decoder, "We should leverage our existing clients before we hire.")
    assert "c-suite" in _ids(decoder, "The C-level execs want the report by Monday.")


def test_work_words_are_rare_in_technical_prose(decoder):
    """{work} holds no word that code documentation uses all the time (a stored value, a git
    branch, a user's role, a bit shift, a print job): near such a word a guarded buzzword is still unproven."""
    work = set(decoder.dictionaries[0].sets["work"])
    assert {"project", "bank", "ministry", "clinics", "crm", "workstream"} <= work
    assert not {"store", "stores", "branch", "role", "roles", "shift", "process", "system", "job", "jobs"} & work
    assert "robust-alone" not in _ids(decoder, "Store the value in a robust way on each branch.")


def test_guarded_entries_keep_only_the_workplace_sets():
    """Every context guard of the pack is a workplace set; literal topics use ``unless``."""
    from jargon_en_corporate.plugin import DICTIONARY_PATH

    from jargon.dictionary import load_dictionary

    for entry in load_dictionary(DICTIONARY_PATH).entries:
        assert set(entry.context) <= {"{work}", "{delivery}"}, entry.id
        assert not any(re.fullmatch(r"\{(work|delivery)\}", u) for u in entry.unless), entry.id
