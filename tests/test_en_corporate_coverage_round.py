"""en-corporate's coverage round (2026-12-02): terms from published glossaries the pack lacked.

Agile and incident vocabulary (sprint retro, burndown, tech debt, war room, P0), succession and
talent-review words (bench strength, flight risk, calibration, talent pool), consulting and
office idioms (kick the tires, grease the skids, hash it out, end run, soup to nuts) and startup
slang (greenfield, bootstrapped), and Scrum's own rituals (planning poker, definition of
ready). Each is found in workplace speech and refused in its literal or technical sense (a
greenfield site, a bit shift, a bail hearing, git's signoff).
The sentences are written for these tests, not taken from a labelled set."""
from __future__ import annotations

import pytest
from engine_helpers import decoded_ids as _ids
from engine_helpers import english_decoder


@pytest.fixture(scope="module")
def decoder():
    return english_decoder()


FOUND = [
    ("greenfield", "It was a greenfield project, so we picked the whole stack ourselves."),
    ("war-room", "We had a war room going for the whole launch weekend."),
    ("shoutout", "Big shout-out to the infra team for the weekend."),
    ("sprint-retro", "I raised it at the retro and nothing changed."),
    ("burndown", "The burndown chart flatlined in week two."),
    ("jira-epic", "Just put it under the epic and we'll size it later."),
    ("tech-debt", "We never get a sprint to pay down the tech debt."),
    ("bench-strength", "HR wants more bench strength under the directors."),
    ("flight-risk", "After the reorg my manager flagged me as a flight risk."),
    ("top-talent", "Leadership keeps saying we need to retain top talent."),
    ("talent-pool", "The recruiter said they'd keep me in their talent pool."),
    ("calibration", "My rating dropped in the calibration session."),
    ("hash-it-out", "Let's get in a room and hash it out."),
    ("grease-the-skids", "I greased the skids with finance before the meeting."),
    ("eob", "Can you get me the draft by EOB?"),
    ("leave-money-on-the-table", "Sales thinks we're leaving money on the table with the old pricing."),
    ("kick-the-tires", "They're just kicking the tyres on our platform, they won't buy."),
    ("over-index", "I think we're over-indexing on the one bad review."),
    ("ahead-of-the-curve", "We want to stay ahead of the curve on AI."),
    ("connect-the-dots", "Can you connect the dots for me on the budget?"),
    ("flog-a-dead-horse", "We're flogging a dead horse with this product."),
    ("soup-to-nuts", "I ran the launch soup to nuts."),
    ("nastygram", "I woke up to a nastygram from the client."),
    ("end-run", "He did an end run around his manager and went to the VP."),
    ("p0", "Checkout is down, it's a P0."),
    ("sign-off-on", "I need you to sign off on the budget by Friday."),
    ("done-is-better-than-perfect", "Our CEO says done is better than perfect."),
    ("bootstrapped", "We're bootstrapped, so there's no budget for conferences."),
    ("planning-poker", "We spent an hour on planning poker and still guessed wrong."),
    ("definition-of-ready", "That story doesn't meet our definition of ready."),
    ("sprint-planning", "Bring it to sprint planning on Monday."),
    ("short-leash", "After the audit the new director kept us on a short leash."),
    ("full-meal-deal", "The client wants the full meal deal by Q3."),
    ("right-hand-man", "She's basically the director's right-hand woman."),
]


@pytest.mark.parametrize(("entry", "text"), FOUND, ids=[f"{e}:{t[:30]}" for e, t in FOUND])
def test_jargon_is_found(decoder, entry, text):
    assert entry in _ids(decoder, text)


LITERAL = [
    ("greenfield", "The council refused planning permission on the greenfield site."),
    ("war-room", "Churchill directed the war from the bunker's war room."),
    ("flight-risk", "The judge refused bail, calling the defendant a flight risk."),
    ("kick-the-tires", "Before buying the used car, kick the tires and ask the dealer for the history."),
    ("kick-the-tires", "Don't kick my tires if you ain't gonna take me for a ride."),
    ("hash-it-out", "Pass the file to the hash function and hash it out to a hex digest."),
    ("sign-off-on", "See the signoff option in git commit for the Signed-off-by trailer."),
    ("bootstrapped", "Fully bootstrapped at this point, the interpreter can import whatever you like."),
    ("flog-a-dead-horse", "Alimony is like buying oats for a dead horse."),
    ("leave-money-on-the-table", "We left money on the table for the waiter as a tip."),
    ("end-run", "The halfback ran an end run around the linebacker for twenty yards."),
    ("short-leash", "Keep the puppy on a short leash on walks near the road."),
    ("full-meal-deal", "I ordered the full meal deal with fries and a drink."),
]


@pytest.mark.parametrize(("entry", "text"), LITERAL, ids=[f"{e}:{t[:30]}" for e, t in LITERAL])
def test_literal_sense_is_no_jargon(decoder, entry, text):
    assert entry not in _ids(decoder, text)
