"""en-corporate: idioms said in their physical sense (a record player's needle, goalposts on a
pitch, real cats, a plane circling back, a page of a textbook...) are kept quiet by literal-topic
guards (`unless` with a topic set) that generalise to the topic, not to one sentence, while the
same idioms said at work, next to office words of a neighbouring area, still count (issue 9:
literal senses; issue 10: guards that generalise)."""
from __future__ import annotations

from dataclasses import replace

import pytest
from engine_helpers import decoded_ids as _ids
from engine_helpers import english_decoder
from jargon_en_corporate.plugin import DICTIONARY_PATH, english

from jargon.dictionary import load_dictionary
from jargon.engine.decoder import Decoder


@pytest.fixture(scope="module")
def decoder():
    return english_decoder()


# (literal sentence, entry that must not match)
LITERAL = [
    ("Lower the stylus gently and move the needle to the second track.", "move-the-needle"),
    ("She moved the needle on the old fuel gauge with her thumb to free it.", "move-the-needle"),
    ("The groundsman moved the goalposts to the far end for the under-tens.", "move-the-goalposts"),
    ("After the concert the stadium crew moved the goalposts back into place.", "move-the-goalposts"),
    ("The cattery shuts at six, so by half five I'm herding cats into their baskets.", "herding-cats"),
    ("With three new kittens in the flat, my mornings are spent herding cats.", "herding-cats"),
    ("The helicopter circled back over the airstrip twice before it set down.", "circle-back"),
    ("Leave the car park, take the detour and circle back past the church.", "circle-back"),
    ("Open your workbook and check that your partner is on the same page.", "on-the-same-page"),
    ("At book club nobody was on the same page, half of us had lost our copies.", "on-the-same-page"),
    ("Her cadence stayed above eighty rpm all along the flat.", "cadence"),
    ("The cox called a higher stroke rate and the cadence lifted.", "cadence"),
    ("From the cockpit you get a real helicopter view of the valley.", "high-level"),
    ("Push the envelope through the letterbox if nobody's in.", "push-the-envelope"),
    ("Put a pin in it at the hemline before you sew.", "put-a-pin-in-it"),
    ("Loosen the sash first, then open the kimono and hang it up.", "open-the-kimono"),
    ("Could you bring the cake to the table? The candles are lit.", "bring-to-the-table-slot"),
    ("The kids asked the waiter what you can bring to the table for a birthday.", "bring-to-the-table"),
    ("Ask the waitress to bring it to the table when the others arrive.", "bring-to-the-table-slot"),
    ("In the old westerns the pioneers circle the wagons when night falls.", "circle-the-wagons"),
    ("The crane did the heavy lifting while we guided the beams into place.", "heavy-lifting"),
    ("At the gym I leave the heavy lifting to the deadlift crowd.", "heavy-lifting"),
    ("At the end of the day shift the nurses hand over to the night team.", "at-the-end-of-the-day"),
    ("He set a single boot on the ground and tested the ice.", "boots-on-the-ground"),
    ("The fitter got on the line with us to clear the jam.", "get-over-the-line"),
    ("Since the broadband dropped out we don't have the bandwidth to stream films.", "no-bandwidth"),
    ("Wedge a block under it and leverage the crate up off the pallet.", "leverage"),
]

# Jargon said next to an office word of a neighbouring area, left out of the topic sets
# ("gauge interest", "turf war", "pet project", "the pilot", "next chapter", "hit our stride"...).
JARGON = [
    ("The survey will gauge interest, but only the price cut will move the needle.", "move-the-needle"),
    ("This turf war between sales and marketing keeps moving the goalposts.", "move-the-goalposts"),
    ("Getting sign-off on my pet project is like herding cats.", "herding-cats"),
    ("Let's circle back once the pilot has run for a month.", "circle-back"),
    ("Before the next chapter of the programme, let's make sure we're on the same page.", "on-the-same-page"),
    ("We hit our stride once the weekly cadence was agreed.", "cadence"),
    ("Give me the helicopter view of the pilot before the board meets.", "high-level"),
    ("Legal will rubber stamp anything, so push the envelope on the contract terms.", "push-the-envelope"),
    ("I've got another idea up my sleeve, but let's put a pin in it for now.", "put-a-pin-in-it"),
    ("Over coffee, tell me what you bring to the table.", "bring-to-the-table"),
    ("At the team dinner we agreed to bring procurement to the table early.", "bring-to-the-table-slot"),
    ("Once the western markets slumped, management circled the wagons.", "circle-the-wagons"),
    ("Once we have a concrete plan, your team will do the heavy lifting.", "heavy-lifting"),
    ("At the end of the day, shift managers make the call.", "at-the-end-of-the-day"),
    ("We need more boots on the ground at the depot.", "boots-on-the-ground"),
    ("We finally got the bid over the line.", "get-over-the-line"),
    ("Nobody on the network team has the bandwidth for another project.", "no-bandwidth"),
    ("Let's leverage the new data to raise the bar.", "leverage"),
]


@pytest.mark.parametrize(("text", "entry"), LITERAL)
def test_literal_sense_is_quiet(decoder, text, entry):
    assert entry not in _ids(decoder, text)


@pytest.mark.parametrize(("text", "entry"), JARGON)
def test_jargon_beside_a_neighbouring_word_still_counts(decoder, text, entry):
    assert entry in _ids(decoder, text)


@pytest.fixture(scope="module")
def unguarded():
    """The pack with the `unless` and `literal` guards of the entries above dropped."""
    dictionary = load_dictionary(DICTIONARY_PATH)
    names = {entry for _, entry in LITERAL}
    assert names <= {e.id for e in dictionary.entries}
    entries = tuple(replace(e, unless=(), literal=()) if e.id in names else e for e in dictionary.entries)
    return Decoder([replace(dictionary, entries=entries)], languages={"en": english()})


@pytest.mark.parametrize(("text", "entry"), LITERAL)
def test_literal_sentence_is_a_near_miss_of_its_entry(unguarded, text, entry):
    """Each literal sentence matches its entry once the guards are dropped: the guards, not a
    wording the phrase does not cover, keep it quiet."""
    assert entry in _ids(unguarded, text)
