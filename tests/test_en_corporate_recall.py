"""en-corporate on speech it has not seen (issue 9): openers after a conjunction that opens the sentence, verbs of
phrases with any object, speech-to-text homophones, and the sourced entries the fresh sets
missed. Each is pinned with the ordinary sentence that must stay quiet beside it."""
from __future__ import annotations

import pytest
from engine_helpers import decoded_ids as _ids
from engine_helpers import english_decoder
from jargon_en_corporate.analyzer import EnglishAnalyzer


@pytest.fixture(scope="module")
def decoder():
    return english_decoder()


def test_conjunctions_may_come_before_an_opener():
    assert {"because", "but", "that", "so"} <= EnglishAnalyzer.openers


@pytest.mark.parametrize(("jargon", "ordinary", "entry"), [
    ("But at the end of the day we're the ones standing in the cold.",
     "But we went home at the end of the day.", "at-the-end-of-the-day"),
    ("And going forward, branches will be measured on the app.", "And the column kept going forward.",
     "going-forward"),
    ("I think going forward we need receipts.", "I think the convoy kept going forward.", "going-forward"),
])
def test_an_opener_after_a_conjunction_is_found(decoder, jargon, ordinary, entry):
    assert entry in _ids(decoder, jargon)
    assert entry not in _ids(decoder, ordinary)


@pytest.mark.parametrize(("jargon", "ordinary", "entry"), [
    ("I got pinged at eleven at night about a rota change.", "The porter pinged the lift button twice.", "ping-me"),
    ("They punted the argument to the next meeting.", "He punted the ball downfield.", "punt"),
    ("We parked the pay review question for a year.", "We parked the car by the river.", "park-it"),
    ("They were socialized at a leadership offsite first.", "Children are socialized into their roles.",
     "socialize-this"),
    ("The savings had been baked into the budget.", "She baked the apples into a pie.", "baked-in"),
    ("You can run your idea up the flagpole.", "The crew ran the flag up the flagpole.", "run-it-up-the-flagpole"),
    ("She wanted to take the loyalty app to the next level.", "Take the lift to the next level of the car park.",
     "next-level"),
    ("We had to take the frontline staff on the journey with us.", "The journey took us three days.",
     "on-a-journey"),
    ("Sales just want to get the contract over the line.", "He got in a long line for another seat.",
     "across-the-finish-line"),
    ("The partner wanted to move the dial on client retention.", "Turn the dial to the left.", "move-the-needle"),
    ("She'd loop back once she'd synced with HR.", "FreeBSD is faster over loopback.", "circle-back"),
    ("They threw the new release over the wall to operations.", "He threw them against the wall.",
     "throw-over-the-wall"),
    ("According to the strategy deck, we streamline the depots.", "We stood on the deck of the ship.",
     "slide-deck"),
    ("Lots of talk about alignment, not much about pay.", "The wheel alignment was off.", "get-aligned"),
    ("Everything in the branch is about optics now.", "The optics of the old telescope were cleaned.", "optics"),
    ("The platform is supposed to be scalable.", "The fish has scales.", "scalable"),
    ("The launch email talked about a culture of excellence.", "Culture matters.", "foster-a-culture"),
])
def test_verbs_with_any_object_and_the_frames_said_in_interviews(decoder, jargon, ordinary, entry):
    assert entry in _ids(decoder, jargon)
    assert entry not in _ids(decoder, ordinary)


@pytest.mark.parametrize(("jargon", "ordinary", "entry"), [
    ("Please loop in procurement before you sign.", "The lookups are read in order.", "loop-in"),
    ("Could you ping the client about the proposal?", "Ping the server twice.", "ping-me"),
    ("Shoot me a note when the quote comes in.", "Don't shoot me, he said.", "ping-me"),
    ("Getting buy in from both boards took a year.", "They buy in bulk.", "buy-in"),
    ("Have you synced with the night manager?", "My phone won't sync with the car.", "lets-sync"),
    ("We've got a hard-stop at 3.", "There's a hard stop at the end of the rail track.", "hard-stop"),
    ("HR will onboard the graduate cohort in September.", "We went onboard the ship.", "onboarding"),
    ("There was no alignment between the two teams.", "Check the alignment of the wheels.", "get-aligned"),
    ("I've been in the weeds on the tender all week.", "The cat hid in the weeds.", "in-the-weeds"),
    ("Families have been reaching out through the website form.", "You have to reach out of the cab window.",
     "reach-out"),
])
def test_departments_and_clients_fill_the_slots_of_chat_verbs(decoder, jargon, ordinary, entry):
    assert entry in _ids(decoder, jargon)
    assert entry not in _ids(decoder, ordinary)


@pytest.mark.parametrize(("heard", "entry"), [
    ("We touch bass on Friday afternoons.", "touch-base"),
    ("We'll circle bak next week.", "circle-back"),
    ("Is everyone on the same paige about who's presenting?", "on-the-same-page"),
    ("The goal is to move the needel on satisfaction.", "move-the-needle"),
    ("were all on the same pg right, launch is the ninth", "on-the-same-page"),
    ("the low-hanging-fruit is the unpaid invoices", "low-hanging-fruit"),
    ("lets looping the auditors early this time", "loop-in"),
    ("We'll circleback tomorrow.", "circle-back"),     # glued: a joined dictionary phrase, not a "lookup"
    ('She sent a message starting "per my las email".', "per-my-last-email"),
])
def test_speech_to_text_homophones_are_listed_spellings(decoder, heard, entry):
    assert entry in _ids(decoder, heard)


@pytest.mark.parametrize(("jargon", "ordinary", "entry"), [
    ("We had a town hall where the CEO said we needed to pivot.", "My kid's band played at the town hall on Saturday.",
     "town-hall"),
    ("The monthly town hall was moved again.", "The senator held a town hall with voters.", "town-hall"),
    ("In theory there's a monthly all-hands with questions.", "All hands on deck, the captain shouted.", "all-hands"),
    ("There's always a post-mortem after a failed release.", "The post-mortem examination found no injuries.",
     "post-mortem"),
    ("They say we're facing headwinds this year.", "The cyclists rode into a headwind.", "headwinds"),
    ("We're not a bank, we're an ecosystem of services.", "The marine ecosystem of the bay is fragile.", "ecosystem"),
    ("They decided to gamify the call targets.", "They played a game.", "gamify"),
    ("We have eighteen months of runway.", "The runway was closed after the plane skidded.", "runway"),
    ("Everything is a north star metric and a flywheel.", "The engine flywheel cracked.", "flywheel"),
    ("We spent an hour ideating on customer delight.", "The customers were delighted with the menu.",
     "customer-delight"),
    ("We're always firefighting, never getting ahead.", "Firefighters spent the night putting out fires in the hills.",
     "putting-out-fires"),
    ("The merger was supposed to give us a seat at the table.", "She took a seat at the table and poured the tea.",
     "seat-at-the-table"),
    ("It was operationalized in about a week.", "It was operated in about a week.", "operationalize"),
    ("I'm piggybacking on the senior nurse's login.", "Children love piggyback rides.", "piggyback"),
    ("Increase our visibility with senior leadership.", "The visibility was poor on the motorway.", "visibility"),
    ("We're sweating the assets, so the old vans keep going.", "We're sweating in the heat.", "sweat-the-assets"),
    ("New starters are told to pick Martin's brain.", "The crow began to pick the dead rabbit's brain.",
     "pick-your-brain"),
])
def test_entries_the_fresh_sets_missed(decoder, jargon, ordinary, entry):
    assert entry in _ids(decoder, jargon)
    assert entry not in _ids(decoder, ordinary)


@pytest.mark.parametrize(("jargon", "ordinary", "entry"), [
    ("I had to escalate it to my manager.", "The protest escalated into a riot.", "escalate"),
    ("Do we need to escalate this?", "Tensions escalate this week.", "escalate"),
    ("I escalated it to Bob.", "Attackers can escalate privileges.", "escalate"),
    ("The wellbeing project got deprioritised again.", "The scheduler may reprioritize jobs.", "reprioritize"),
    ("Dogfooding the rota tool was painful.", "The dog food was eaten.", "eat-your-own-dog-food"),
    ("The board is worried about our burn rate.", "The candle's rate of burn was slow.", "burn-rate"),
    ("The plan shows hockey stick growth from year three.", "He broke his hockey stick.", "hockey-stick"),
    ("Our people are our secret sauce.", "Put the secret sauce on the burger.", "secret-sauce"),
    ("The new ways of working mean fewer desks.", "There are two ways of working out the sum.", "ways-of-working"),
    ("I ran it by legal and they said no.", "You can run it by hand.", "run-it-past"),
    ("The senior cashier brings the new starters up to speed.",
     "I just got out of the hospital after a speed reading accident.", "up-to-speed"),
    ("Can you bring me up to speed on the pay review?", "The train got up to speed after the tunnel.", "up-to-speed"),
    ("He's on garden leave until March.", "She worked in the garden on her leave.", "gardening-leave"),
    ("Nobody knows where they sit on the 9-box.", "Put the box on the grid.", "nine-box"),
    ("My name came up in the talent review.", "The talent show was reviewed.", "talent-review"),
    ("I was identified as high potential.", "The electrode is at high potential.", "high-potential"),
    ("They were socialized at a leadership offsite first.", "Keep an offsite backup of your data.", "offsite"),
    ("I report to Sarah with a dotted line to the regional director.", "Just sign on the dotted line.", "dotted-line"),
    ("They greenlit the extra shift pattern without asking.", "The car stopped at the green light.", "greenlight"),
    ("My manager says we're moving fast and breaking things.", "Move the vase fast or you'll break it.",
     "move-fast-and-break-things"),
    ("We have a fail-fast culture.", 'Short timeouts allow applications to "fail fast", if so desired.', "fail-fast"),
    ("The union pushed back on the new rota.", "He pushed back the chair and stood up.", "pushback"),
    ("We lost headcount in the spring.", "The headmaster lost count of the pupils.", "headcount"),
    ("The numbers in the deck are wrong.", "There are four aces in the deck.", "slide-deck"),
    ("My 360 review said I was too direct.", "The car did a 360 on the ice.", "360-feedback"),
    ("The office is for the watercooler moments, apparently.", "Spike the office water cooler.", "watercooler-moment"),
    ("Net-net, we're not getting the budget.", "The fishing net net weight is two kilos.", "net-net"),
    ("The consultants put every option on a two-by-two.", "The animals went in two by two.", "two-by-two"),
    ("In my one-to-one she just read my tasks back to me.", "The mapping is one-to-one.", "one-to-one"),
    ("My weekly 1-on-1 got cancelled again.", "The tutor gave me one-on-one lessons.", "one-to-one"),
    ("Offboarding was horrible, they cut my access first.", "He boarded the train at noon.", "offboarding"),
    ("Glassdoor reviews are hurting our employer brand.", "The brand of the employer's car was Ford.",
     "employer-brand"),
    ("Another pulse survey, and nothing changed.", "The nurse checked his pulse.", "pulse-survey"),
    ("The cloud move was a lift and shift, so it costs more.", "Lift and shift the boxes onto the shelf.",
     "lift-and-shift"),
    ("I shot you an email about the rota this morning.", "Somebody shoot me now.", "ping-me"),
    ("They hired a technical evangelist to tell us our product was great.", "The evangelist preached to the crowd.",
     "evangelist"),
    ("After the restructure we were all put into squads and tribes.",
     "The squad trained on Tuesday, and the tribes gathered.", "squads-and-tribes"),
    ("She drew a two-by-two and the meeting was over.", "Let A be a two-by-two matrix of real numbers.", "two-by-two"),
    ("My back-of-the-envelope calculation says we'll save a million.",
     "He scribbled the number on the back of the envelope.", "back-of-the-envelope"),
])
def test_entries_of_the_2026_12_01_round(decoder, jargon, ordinary, entry):
    assert entry in _ids(decoder, jargon)
    assert entry not in _ids(decoder, ordinary)


@pytest.mark.parametrize("jargon, ordinary, entry", [
    # one-word buzzwords with a context guard: the same word, with and without a workplace word near
    ("Please see the attached deck ahead of the team meeting.", "We sat on the deck of the ferry.", "deck-alone"),
    ("The dashboard gives the managers more visibility into every call.", "Visibility was poor in the fog.",
     "visibility-alone"),
    ("The ask from the directors is simple: same output, fewer hours.", "The ask was simple: come home.", "the-ask"),
    ("The solution has to be robust, or procurement won't look at it.", "He was a robust old farmer.",
     "robust-alone"),
    ("Our headcount went down but the workload didn't.", "The teacher did a headcount on the coach.",
     "headcount-alone"),
    ("Any agency shift over that has to be escalated to the site team.", "The argument escalated quickly.",
     "escalate-alone"),
    ("If one of the directors pushes back, you're back to square one.", "She pushed back her chair and left.",
     "push-back-alone"),
    ("A lot of my job as a manager is protecting the team's bandwidth.", "Our bandwidth at home is terrible.",
     "bandwidth-alone"),
    ("The manager says we should follow industry best practice.", "As a best practice, close the file handle.",
     "best-practice"),
    # frames with their literal guards
    ("We need to pressure-test the plan with the site managers.", "The plumber had to pressure test the boiler.",
     "pressure-test"),
    ("Let's put the new uniform policy to bed once and for all.", "I put the kids to bed at eight.", "put-to-bed"),
    ("This time we need to bring procurement to the table early.", "Bring the plates to the table, please.",
     "bring-to-the-table-slot"),
    ("Others get parked because they need capital.", "The car got parked on the kerb.", "park-it"),
    ("It was like trying to drink from the firehose in my first month of training.",
     "Getting an education here is like drinking from a fire hose.", "drink-from-the-firehose"),
    ("We had to pressure test that idea in the leadership meeting.", "The pipes were pressure tested.",
     "pressure-test"),
    ("The vendor pivoted three times in a year.", "The crane arm pivots on a steel pin.", "pivot-alone"),
    ("The away day was about synergy between the retail teams.",
     "The synergy between the two drugs is why the pharmacist flagged it.", "synergy"),
])
def test_entries_of_the_second_2026_12_01_round(decoder, jargon, ordinary, entry):
    assert entry in _ids(decoder, jargon)
    assert entry not in _ids(decoder, ordinary)


def test_a_misspelt_vowel_is_still_heard_as_the_word(decoder):
    """The English sound key (vowels as one, doubled letters once) lets a one-word phrase
    through a typo that changes only a vowel ("levarage"), not through another word."""
    assert "leverage" in _ids(decoder, "They were talking about levarage the whole day.")
    assert "synergy" in _ids(decoder, "They were talking about synergys the whole day.")
    assert _ids(decoder, "They were talking about beverages the whole day.") == []
