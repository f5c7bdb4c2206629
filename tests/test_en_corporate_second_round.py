"""en-corporate's second round of issue 10 (2026-12-01): the buzzwords and idioms the surveys
and glossaries cite that the pack missed. Each new entry is found in a natural sentence, and
each guarded one stays quiet in a sentence of its everyday sense (a literal topic near it, a
collocation, no workplace word near it)."""
from __future__ import annotations

import pytest
from engine_helpers import decoded_ids as _ids
from engine_helpers import english_decoder
from jargon_en_corporate.plugin import DICTIONARY_PATH

from jargon.dictionary import load_dictionary

DICTIONARY = load_dictionary(DICTIONARY_PATH)


@pytest.fixture(scope="module")
def decoder():
    return english_decoder()


FOUND = [
    ("evangelize", "We need a champion on each ward to evangelize the new rota system."),
    ("moonshot", "The CEO wants a moonshot, not incremental change."),
    ("wordsmith", "He's been wordsmithing the press release all week."),
    ("air-cover", "I need you to give the team some air cover with the directors."),
    ("pre-wire", "Can you pre-wire the finance director before the board?"),
    ("unpack", "Let's unpack that before we move on."),
    ("unpack", "The comms team unpacked the survey results in a two-hour workshop."),
    ("regroup", "No decision today, let's regroup next week."),
    ("do-you-have-capacity", "Do you have any capacity this week?"),
    ("just-flagging", "Just flagging that the report is three days late."),
    ("just-flagging", "I flagged it up to my line manager and she took it from there."),
    ("hope-this-finds-you-well", "Hope this email finds you well! Quick ask about the invoice."),
    ("please-be-advised", "Please be advised that the office will close at three."),
    ("do-the-needful", "Please find the file and kindly do the needful."),
    ("revert-back", "I'll revert back once I hear from the client."),
    ("prepone", "The call got preponed to ten, sorry."),
    ("pfa", "Please find attached the minutes from today's meeting."),
    ("for-your-perusal", "Attached for your perusal is the Q3 report."),
    ("mark-me-on-the-email", "Please mark me on the email to procurement."),
    ("the-space", "There are three big players in the payments space."),
    ("cross-functional", "I lead a cross-functional team of eight."),
    ("c-suite", "We need C-suite buy-in before we do anything."),
    ("jedi-title", "The ad was looking for a JavaScript Jedi."),
    ("ninja-title", "Ask Dami, she's our Excel ninja."),
    ("digital-native", "We want digital natives on the social media team."),
    ("go-viral", "The client thinks the campaign could go viral."),
    ("e-meet", "Hi Priya, nice to e-meet you!"),
    ("side-hustle", "Half the team has a side hustle now."),
    ("bang-for-the-buck", "We want more bang for our buck from the agency."),
    ("step-up-to-the-plate", "It's time for the managers to step up to the plate."),
    ("we-are-where-we-are", "Look, we are where we are, let's fix the forecast."),
    ("happy-to-discuss", "Draft attached, happy to discuss if helpful."),
    ("holding-reply", "Just send the MP a holding reply for now."),
    ("purdah", "We can't announce the funding, we're in purdah."),
    ("fully-across", "Sorry, I'm not fully across the detail yet."),
    ("root-and-branch", "The new chief executive promised root and branch reform."),
    ("a-few-quick-thoughts", "Thanks for the draft, a few quick thoughts below."),
    ("diary-commitments", "Due to diary commitments the director can't attend."),
    ("lines-to-take", "Comms will send the lines to take before the press call."),
    ("elephant-traps", "There are a few elephant traps in the new policy."),
    ("doesnt-stack-up", "Nice idea, but the numbers don't stack up."),
    ("in-slower-time", "We'll look at the wider issues in slower time."),
    ("take-forward", "Thanks all, we will take this forward with the board."),
    ("bilateral", "Can we have a quick bilateral before the board?"),
    ("thank-you-for-your-partnership", "Thank you for your partnership on this launch."),
    ("drive-by", "He did a drive-by on my desk with another urgent project."),
    ("big-rocks", "What are the big rocks for this quarter, team?"),
    ("living-document", "The strategy is a living document, so don't quote it."),
    ("bang-it-out", "Let's bang it out by Friday and fix it later."),
    ("hold-the-fort", "Can you hold the fort while I'm on leave?"),
    ("parachute-in", "She was parachuted into the role without an interview."),
    ("quarterback", "Who's quarterbacking this with the partners?"),
    ("horse-trading", "The budget round was the usual horse trading between directors."),
    ("sniff-test", "Do these numbers pass the sniff test?"),
    ("bias-for-action", "We look for people with a bias for action."),
    ("ai-first", "From now on we're an AI-first company."),
    ("capital-efficient", "We need to be more capital-efficient this year."),
    ("centre-of-excellence", "We're setting up a data centre of excellence."),
    ("future-state", "We mapped the current state and future state for every process."),
    ("apples-to-oranges", "That's not an apples-to-apples comparison with last year."),
    ("balls-in-the-air", "Sorry, I've got a lot of balls in the air this week."),
    ("jump-the-shark", "Honestly the loyalty scheme jumped the shark years ago."),
    ("magic-bullet", "There's no magic bullet for retention, people."),
    ("green-shoots", "We're seeing green shoots in the order book."),
    ("interrogate-the-data", "We need to interrogate the data before the board sees it."),
    ("drop-dead-deadline", "What's the drop-dead date for the tender?"),
    ("finger-on-the-pulse", "We keep our finger on the pulse of the market."),
    ("top-of-the-hour", "He asked us to meet him at the bottom of the hour."),
    ("spare-cycles", "Do you have any spare cycles to help with the proposal?"),
    ("on-the-beach", "He's been on the beach for two weeks between projects."),
    ("buttoned-up", "Make sure the numbers are buttoned up before the client sees them."),
    ("stealth-mode", "The startup has been in stealth mode for two years."),
    ("away-day", "The whole away day was about synergy between the teams."),
    ("tailwinds", "We're facing headwinds in mortgages, but some tailwinds in savings."),
    ("reimagine", "We're reimagining the customer experience for the whole company."),
    ("dial-it-back", "Your sales pitch is too aggressive, dial it back a bit."),
    ("eight-hundred-pound-gorilla", "Amazon is the 800-pound gorilla in our market."),
    ("seamless-experience", "The brief is a seamless experience from app to gate."),
    ("best-practice-frames", "The campus already has a template and it's best practice across the group."),
    ("disruptor", "Their pitch deck calls them a disruptor in student accommodation."),
    ("low-cost-country-sourcing", "Procurement wants low-cost country sourcing for the call centre."),
    ("cookie-jar-accounting", "The auditors called it cookie jar accounting."),
    ("alpha-pup", "If the alpha pups like it, the rest of the market follows."),
    ("delivering-through-others", "The senior role is all about delivering through others."),
    ("wash-its-face", "The pilot has to wash its face by March or it goes."),
    ("wash-up", "We'll hold a wash-up after the launch to see what went wrong."),
    ("piece-of-work", "The team is doing a piece of work around staff retention."),
    ("belt-and-braces", "We took a belt and braces approach to the audit."),
    ("blended-solution", "The vendor is proposing a blended solution for training."),
    ("span-of-control", "The consultants want wider spans of control, so fewer team leaders."),
    ("hr-business-partner", "Talk to your HR business partner before the restructure is announced."),
    ("reality-sandwich", "I think the board needs a bite of the reality sandwich on these targets."),
    ("in-the-fridge", "Good idea, but let's put it in the fridge to snack on later."),
    ("boss-spasming", "The whole floor was boss-spasming the minute the director walked in."),
    ("give-you-time-back", "That's everything, so I'll give you some time back."),
    ("voluntold", "I got voluntold to run the Christmas party again."),
    ("administrivia", "Before we start, some administrivia about the timesheets."),
    ("agreeance", "So are we all in agreeance on the new rota?"),
    ("imagineer", "The new hire's email signature says imagineer."),
    ("intrapreneur", "The CEO wants every one of us to be an intrapreneur."),
    ("phantom-promotion", "It was a phantom promotion: new title, same salary."),
    ("creepback", "After the redundancies there was the usual creepback of contractors."),
    ("always-be-closing", "My sales manager's only advice was always be closing."),
    ("frictionless-experience", "The whole pitch was about frictionless onboarding for small business customers."),
    ("frictionless-alone", "The client wants the process to be frictionless for staff."),
]


@pytest.mark.parametrize(("entry", "text"), FOUND)
def test_a_new_entry_is_found_in_a_natural_sentence(decoder, entry, text):
    assert entry in _ids(decoder, text)


# Frames added to entries the pack had, for the wordings the surveys' sentences use.
FRAMES = [
    ("scalable", "Is the solution scalable if we open ten more hotels?"),
    ("streamline-the-process", "We've streamlined the approvals so it's two signatures instead of five."),
    ("ecosystem", "The idea is to build an ecosystem of apps around the current account."),
    ("proactive", "It's about being proactive rather than waiting for the complaint."),
    ("upskill", "The plan is to reskill the call-centre staff as digital advisers."),
    ("stretch-assignment", "The sales team were given a stretch target for Q4."),
    ("baked-in", "We should bake the accessibility checks in from the start."),
    ("diarise", "Can you diarise a review for six weeks' time?"),
    ("circle-back", "Can we loop back to the catering contract before we finish?"),
    ("park-it", "Let's put the overtime item in the parking lot for next time."),
    ("ping-me", "Ping me the deck when it's ready."),
    ("customer-centric", "We are a customer-obsessed company."),
    ("disrupt", "They keep calling the app a disruptive platform."),
    ("disrupt", "Streaming disrupted the whole DVD rental business."),
    ("ballpark", "Can I get a ballpark for the Q3 arrears before the committee?"),
    ("granular", "Let's not get too granular yet."),
    ("stakeholders", "I'll be reaching out to each of the stakeholders this week."),
    ("park-alone", "The cleaning contract is parked until the new budget is agreed."),
    ("take-this-offline", "That was taken offline after the meeting, I'll update you."),
    ("we-need-to-pivot", "He's been pivoting the whole branch toward insurance products."),
    ("on-my-radar", "Is the overspend on finance's radar yet?"),
    ("drink-from-the-firehose", "The new grads are drinking from the firehose in their first week."),
    ("world-class", "The goal is a world-class omnichannel experience for every shopper."),
    ("evangelize", "We need champions on each ward to evangelize the new e-prescribing system."),
]


@pytest.mark.parametrize(("entry", "text"), FRAMES)
def test_a_new_frame_of_an_entry_is_found(decoder, entry, text):
    assert entry in _ids(decoder, text)


# Everyday senses: each guarded new entry stays quiet (the jargon sentence above still fires).
QUIET = [
    ("evangelize", "The missionaries set out to evangelize the pagans of the north."),
    ("evangelize", "You have to allow a little for the desire to evangelize when you have good news."),
    ("moonshot", "The Apollo moonshot put astronauts on the lunar surface in 1969."),
    ("air-cover", "The troops advanced under air cover from the fighter squadron."),
    ("pre-wire", "The house is pre-wired for ethernet, with a socket in every room."),
    ("unpack", "Let's unpack the suitcase before dinner."),
    ("unpack", "Unpack the tarball into a fresh directory."),
    ("regroup", "The battalion withdrew to regroup, and the enemy followed."),
    ("do-you-have-capacity", "You have the capacity to learn from mistakes."),
    ("the-space", "The currency symbol and the sign string are adjacent, a space separates them."),
    ("hold-the-fort", "The soldiers held the fort for a week against the invasion."),
    ("parachute-in", "The paratroopers were parachuted in behind enemy lines."),
    ("quarterback", "His speed has made him the least sacked quarterback in the Ivy league."),
    ("horse-trading", "At the fair the gypsy drovers did their horse trading by the stables."),
    ("green-shoots", "The first green shoots of the daffodils came up through the soil of the garden."),
    ("buttoned-up", "He buttoned up his coat against the wind."),
    ("away-day", "The fans loved the away day at the stadium, even though the league leaders won."),
    ("purdah", "In some households the women lived in purdah behind the veil."),
    ("disruptor", "The chemical is a known endocrine disruptor."),
    ("drive-by", "Police are investigating a drive-by shooting on the estate."),
    ("revert-back", "If the patch breaks the build, please revert #535."),
    ("pfa", "Font files ending in .pfa hold PostScript font definitions."),
    ("prepone", "He set free the angel imprisoned in the marble block."),
    ("step-up-to-the-plate", "The batter stepped up to the plate as the pitcher wound up."),
    ("tailwinds", "The aircraft had tailwinds all the way across the Atlantic, the sailors said."),
    ("on-the-beach", "We spent the afternoon on the beach with the kids."),
    ("reimagine", "The old fairy tale is reimagined as a film."),
    ("best-practice-frames", "As a best practice, listeners should always be added for the event."),
    ("piece-of-work", "Yes, I am a real piece of work, he said."),
    ("piece-of-work", "This remarkable piece of work was carried out on a Sunday in May."),
    ("belt-and-braces", "He wore a belt and braces with his old work trousers and a shirt."),
    ("wash-up", "Pass the wash-up liquid, the plates are greasy."),
    ("table-stakes", "In the poker game the table stakes were a tenner each."),
    ("just-flagging", "Someone ran a new flag up the flagpole outside the town hall."),
    ("ballpark", "The crowd at the ballpark cheered as the batter hit a home run."),
    ("loop-in", "Fixed an infinite loop in the LZMA encoder."),
    ("take-this-offline", "A cpuset had all its memory nodes taken offline."),
    ("in-the-fridge", "Put the leftover soup in the fridge to snack on later."),
    ("give-you-time-back", "Mr. Jones related an incident from some time back."),
    ("go-viral", "The video of the cat on the skateboard is going viral."),
    ("magic-bullet", "The Warren Commission relied on the magic bullet theory."),
    ("balls-in-the-air", "The juggler kept a lot of balls in the air at the circus."),
    ("finger-on-the-pulse", "The nurse kept a finger on the pulse at the patient's wrist."),
    ("spare-cycles", "The daemon only runs on spare cycles when the CPU is idle."),
    ("frictionless-alone", "Assume a frictionless surface and a block of mass two kilograms."),
    ("frictionless-alone", "In the ideal case the motion is frictionless, she said."),
]


@pytest.mark.parametrize(("entry", "text"), QUIET)
def test_a_guarded_new_entry_stays_quiet_in_its_everyday_sense(decoder, entry, text):
    assert entry not in _ids(decoder, text)


def test_python_async_with_is_no_sync_meeting(decoder):
    """Python's "async with EXPRESSION" read as "a sync with {something}" (pydoc's topics)."""
    assert "sync-meeting" not in _ids(decoder, "The following code: async with EXPRESSION as TARGET: SUITE")
    assert {"sync-meeting", "lets-sync"} & set(_ids(decoder, "I had a sync with the product team this morning."))


def test_multicast_loopback_is_no_circle_back(decoder):
    text = "whether sent multicast packets should be looped back to the local sockets"
    assert "circle-back" not in _ids(decoder, text)


def test_the_surveys_that_list_an_older_entry_are_cited_by_it():
    """Second-round sources that list terms the pack already had are cited by those entries too."""
    by_id = {e.id: e for e in DICTIONARY.entries}
    assert "preply-2023b" in by_id["new-normal"].sources
    assert "healthpolicyinsight-maynard" in by_id["burning-platform"].sources
    assert "jive-pollvaulter" in by_id["give-110"].sources


def test_every_new_entry_cites_a_listed_source():
    ids = {e.id for e in DICTIONARY.entries}
    new = {entry for entry, _ in FOUND}
    assert new <= ids
    for entry in DICTIONARY.entries:
        if entry.id in new:
            assert entry.sources, entry.id


# Release notes and READMEs (/usr/share/doc) on which the pack's older entries fired; the
# jargon sentence beside each still fires.
DOCS = [
    ("quiet-quitting", "Node.js currently uses the quictls/openssl fork.", "Half the team are quiet quitting."),
    ("lean-and-mean", "define WIN32_LEAN_AND_MEAN to avoid conflicts between headers",
     "After the cuts we're lean and mean."),
    ("loop-in", "Use epoll for a more efficient main loop in Linux.", "Can you loop me in on that?"),
    ("lets-sync", "The patch keeps us in sync with Debian.", "Let's sync up after lunch."),
    ("as-discussed", "Call jpeg_abort() as discussed below.", "As discussed, the launch moves to May."),
    ("mainstreaming", "Compression took minutes on a mainstream PC.", "We need to mainstream this across the council."),
    ("restructuring", "A massive restructuring of the headers to reduce include abuse.",
     "The restructuring cost forty jobs."),
    ("double-click", "Improve double click handling in the icon view for the mouse.",
     "Let's double-click on that point."),
]


@pytest.mark.parametrize(("entry", "ordinary", "jargon"), DOCS)
def test_an_older_entry_is_quiet_in_release_notes(decoder, entry, ordinary, jargon):
    assert entry not in _ids(decoder, ordinary)
    assert entry in _ids(decoder, jargon)

# Everyday English that uses the round's words in their ordinary senses: no entry of the round
# fires on any of it.
EVERYDAY = [
    'The children unpacked their bags and ran down to the beach.',
    'We spent the whole day on the beach and came home sunburnt.',
    'The army regrouped after the battle and marched north.',
    'She hopes you are well and sends her love from Spain.',
    "I hope you're well after the operation, Grandma.",
    'He was a real piece of work, her first husband.',
    'The museum has a fine piece of work by a Flemish master.',
    'The rocket carried three astronauts on the moonshot of 1969.',
    'My uncle is a bit of a wordsmith; he writes crossword clues.',
    'The missionaries went to evangelize the villages in the hills.',
    'He held the fort against the rebels for a month.',
    'The parachutists were dropped in behind the lines.',
    'Our team won the match with a touchdown by the quarterback.',
    'The drovers were horse trading at the fair all morning.',
    'The first green shoots of spring came up in the garden.',
    'He buttoned up his coat and went out into the rain.',
    'The fans had a great away day in Leeds, even though we lost.',
    'The poker game had table stakes of ten pounds.',
    'She dialled back the thermostat before bed.',
    'A gorilla at the zoo weighs about four hundred pounds.',
    'The juggler kept three balls in the air while riding a unicycle.',
    'Assume the pulley is frictionless and the rope is light.',
    "There's a loop in the rope at the end.",
    "The ship's deck was covered in ice.",
    'He signed off the letter with love.',
    'The video went viral overnight.',
    'The election was called and the party went quiet.',
    'She put the soup in the fridge to eat later.',
    'Everyone was looking for the silver bullet to kill the werewolf.',
    'The pilot had a tailwind across the Atlantic.',
    'The space between the two houses was overgrown.',
    'The cat has a lot of spare cycles in the afternoon.',
    'The dog did a drive-by of the kitchen and stole a sausage.',
    'She put on a belt and braces with her trousers.',
    'We washed up after dinner and watched television.',
    'The actor reimagined Hamlet as a modern teenager.',
    'The disruptor beam fired across the bridge of the starship.',
    'The purdah of the widows in the old novel was cruel.',
    'We crossed that bridge on the way to the lake.',
    'The bilateral talks between the two countries ended.',
    'The root and branch of the old oak were rotten.',
    "I've got a few quick thoughts on the film if you want them.",
    'The doctor took her pulse with a finger on her wrist.',
    'The kids were in stealth mode sneaking downstairs for biscuits.',
]


@pytest.mark.parametrize("text", EVERYDAY)
def test_no_entry_of_the_round_fires_on_everyday_english(decoder, text):
    new = {entry for entry, _ in FOUND}
    assert [i for i in _ids(decoder, text) if i in new] == []
