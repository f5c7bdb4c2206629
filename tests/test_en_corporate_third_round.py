"""en-corporate's third round (2026-12-01): jargon said outside the frame an entry spells out.

A frame entry's distinctive word said alone or inflected ("that's really her wheelhouse", "they
haven't backfilled the post"), terms the pack lacked (de-risk, timebox, BAU, bubble it up...), and
literal-topic guards that generalise (a runner touching the base, ducks crossing a canal, the
bleeding edge of a wound, boots in the mud, poker stakes, the star, the swimming pool). The
sentences are written for these tests, not taken from a labelled set."""
from __future__ import annotations

import pytest
from engine_helpers import decoded_ids as _ids
from engine_helpers import english_decoder


@pytest.fixture(scope="module")
def decoder():
    return english_decoder()


FOUND = [
    # bare cores and inflections of frame entries
    ("wheelhouse", "Employment law is squarely in her wheelhouse, so ask her first."),
    ("headwinds", "We expect real headwinds next year with energy prices where they are."),
    ("backfill", "Nobody has backfilled Priya's role, so I'm doing two jobs."),
    ("backfill-alone", "The manager is backfilling until HR approves a new hire."),
    ("double-down-alone", "Once the trial worked, the directors doubled down and tripled the budget."),
    ("blocker-alone", "The biggest blocker this week is legal sign-off from the client."),
    ("ballpark", "She ballparked the refit at forty thousand."),
    ("value-add-spaced", "What's the value add of another status meeting for the team?"),
    ("putting-out-fires", "Since the merger it has been pure firefighting for the office."),
    ("pipeline-alone", "The sales manager says our pipeline for the spring is thin."),
    ("going-forward-end", "All holiday requests go through the new HR portal going forward, staff."),
    ("best-practice", "Is it best practice to copy the regional manager on every escalation?"),
    ("aligned-with", "Before we brief the agency, let's check we're aligned with finance."),
    ("revert-back", "I will revert to you by Thursday with the figures."),
    ("curveball", "The regulator's letter was a curveball for the whole team."),
    ("back-burner", "The rebrand got back-burnered until the new CEO starts."),
    ("tee-up", "Can you tee up a call with procurement for Monday?"),
    ("escalate-alone", "Every escalation from the client goes to my manager now."),
    # new terms
    ("bubble-it-up", "If procurement won't budge, bubble it up to the finance director."),
    ("bubble-up-alone", "Complaints about the rota bubbled up from staff in the warehouse."),
    ("stress-test", "We stress-tested the budget against a twenty percent fall in sales."),
    ("de-risk", "Piloting it in one region first de-risks the launch."),
    ("timebox", "Let's timebox the options discussion to fifteen minutes."),
    ("front-load", "The manager front-loaded the hiring so the team is ready by spring."),
    ("low-lift", "Changing the email template is a low-lift fix."),
    ("hand-off", "I'll hand the supplier contracts off to Tom before I go on leave."),
    ("drop-a-line", "Drop me a line when the contractor sends the quote."),
    ("bau", "Once the migration is done the support work moves into BAU."),
    ("business-as-usual", "For the staff it's business as usual while the merger goes through."),
    ("backlog-grooming", "We lost the afternoon to backlog grooming again."),
    ("t-shirt-sizing", "Just T-shirt size the features for the manager: small, medium or large."),
    ("definition-of-done", "Nobody agreed a definition of done, so nothing ever closes."),
    ("product-market-fit", "We still haven't found product-market fit, the founder admits."),
    ("go-to-market", "Our go-to-market for the new tier changed twice this quarter."),
    ("moat", "The founders keep saying the customer data is our moat."),
    ("beachhead", "Vets are the beachhead market, then we go after dentists."),
    ("ten-x", "The ad asks for a 10x engineer on a junior salary."),
    ("brain-dump", "Do a brain dump for Sam before your holiday."),
    ("goat-rodeo", "The office move was a total goat rodeo."),
    ("move-the-cheese", "Users will ask who moved their cheese when the old menu goes."),
    ("all-hands-on-deck", "It's all hands on deck until the year-end close."),
    ("resource-constrained", "We're resource constrained this quarter, so the team can't take it."),
    ("cover-it-off", "Can you cover it off at the team meeting?"),
    ("head-above-the-parapet", "Nobody wanted to put their head above the parapet about the bonus."),
    ("back-to-the-drawing-board", "The client rejected the pitch, so it's back to the drawing board."),
    ("drop-the-ball", "Someone in payroll dropped the ball on the overtime."),
    ("game-plan", "What's the game plan for the board meeting?"),
    ("take-one-for-the-team", "I took one for the team and ran the Saturday shift."),
    ("take-soundings", "Let me take soundings with the other directors first."),
    ("under-constant-review", "The car allowance is kept under constant review."),
    ("crisis-mode", "The whole team has been in crisis mode since the audit."),
    ("cya", "He sent a CYA email before the meeting started."),
    ("birds-eye-view", "The director only wants a bird's-eye view of the project."),
    ("take-that-with-me", "Good question, I'll take that away and come back to the team."),
    ("short-handed", "We're short-staffed in the office until the new starters arrive."),
    ("big-wigs", "The bigwigs from head office are in on Friday."),
    ("when-you-have-a-moment", "When you have a moment, could you pop into my office?"),
    ("yak-shaving", "Fixing the build to fix the VPN to send the report was pure yak shaving."),
    ("pull-the-trigger", "The directors finally pulled the trigger on the merger."),
    ("action-plan", "The manager wants an action plan from every team by Friday."),
    ("strategic-overview", "The director gave a strategic overview and left early."),
    ("after-careful-consideration", "After careful consideration, the company will not renew your contract."),
    ("nil-return", "If your department has nothing, send a nil return."),
    ("do-one-thing", "Do one thing, send me the invoice and I'll approve it."),
    ("discuss-about", "Let's discuss about the shipment on the call."),
    ("out-of-station", "I'm out of station till Monday, please call my deputy."),
    ("good-name", "May I know your good name, sir?"),
    ("kindly-intimate", "Kindly intimate us when the goods are dispatched."),
    ("the-same", "The report is ready, please share the same with the client."),
    ("pfa", "Please find below the revised figures."),
    ("story-points", "How many story points is the new login page?"),
    ("team-velocity", "The manager says our velocity is down this sprint."),
    ("tech-spike", "We need a technical spike before the team can estimate it."),
    ("agentic", "The CEO says every product needs agentic AI by spring."),
    ("ai-native", "We're an AI-native company now, says the founder."),
    ("blue-ocean", "The consultants sold the board a blue ocean strategy."),
    ("aha-moment", "The product manager wants users to reach the aha moment on day one."),
    ("churn", "Customer churn is up, so the sales team gets a new target."),
    ("funding-envelope", "It has to fit within the funding envelope for next year."),
    ("bifurcate", "HR plans to bifurcate the role into two part-time posts."),
    ("in-the-trenches", "The manager spent a week in the trenches with the support team."),
    ("killing-it", "Great quarter, team, you're absolutely killing it."),
    ("next-steps", "Let's agree next steps before the client leaves the call."),
    ("dogs-not-barking", "What are the dogs-not-barking problems in this contract, team?"),
    ("evergreen-content", "Marketing wants more evergreen content for the blog."),
    ("bus-factor", "Only one engineer knows payroll, so our bus factor is one."),
    ("work-out-loud", "The new manager wants everyone to work out loud in the channel."),
    ("uplift", "The CFO expects a sales uplift from the new pricing."),
    ("timepass", "That review call was just timepass, nothing was decided."),
    ("hard-to-reach", "The trust wants to engage hard-to-reach groups online."),
    ("wedge", "Scheduling is our wedge into the dental market, the founder says."),
    ("defensibility", "The investors kept asking the founder about defensibility."),
    ("three-amigos", "Book a three amigos session with the team before the sprint."),
    ("self-organizing-team", "We're a self-organising team, so nobody decides anything."),
    ("tiger-team", "The director formed a SWAT team to fix the billing backlog."),
    ("end-user-perspective", "From an end-user perspective, the new portal is a mess."),
    ("accretive", "The CFO says the deal is accretive to the business."),
    ("biome", "Nobody is hiring in today's regulatory biome, the manager said."),
    ("de-scale", "The director wants to de-scale the programme before the next quarter."),
    ("basis-the", "Basis our discussion, I am sharing the revised quote."),
    ("please-be-invited", "Please be invited to attend the review on Friday."),
    ("cube-farm", "The new hires sit out in the cube farm."),
    ("product-owner", "Ask the product owner before the team changes scope."),
    ("scrum-master", "Our scrum master booked four ceremonies this week."),
    ("failing-up", "Over budget and late, and now he runs the division: talk about failing up."),
    ("fish-or-cut-bait", "It's been a month, time to fish or cut bait on the merger."),
    ("fee-relief", "The agency offered some fee relief to keep the contract."),
]


@pytest.mark.parametrize(("entry_id", "text"), FOUND, ids=[f"{i}:{t[:25]}" for i, t in FOUND])
def test_jargon_said_outside_the_frame_is_found(decoder, entry_id, text):
    assert entry_id in _ids(decoder, text)


# Literal uses, each quiet through a guard that generalises (a topic set or a collocation).
QUIET = [
    ("touch-base", "The runner touched the base a moment before the catcher got the ball."),
    ("ducks-in-a-row", "Five ducks in a row waddled along the canal towpath."),
    ("cutting-edge", "Keep the bleeding edge of the cut covered with a clean bandage."),
    ("boots-on-the-ground", "Wear proper boots on the ground up there, it's all mud after the rain."),
    ("table-stakes", "At the casino the table stakes were five dollars a hand."),
    ("north-star", "On a clear night you can find the North Star from the Plough."),
    ("swim-lanes", "At the leisure centre the swim lanes are roped off for the swimming club."),
    ("wheelhouse", "The skipper stayed in the wheelhouse of the trawler all night."),
    ("headwinds", "The cyclists rode into strong headwinds on the coast road."),
    ("double-down-alone", "At blackjack he doubled down on eleven and won the hand."),
    ("double-down-alone", "BOX DRAWINGS DOUBLE DOWN AND RIGHT"),
    ("putting-out-fires", "The firefighting crews spent the night putting out the wildfire."),
    ("bubble-up-alone", "Hot water bubbled up from the spring below the rocks."),
    ("tee-up", "The golfer teed up on the first hole and sliced it into the trees."),
    ("curveball", "The pitcher threw a curveball and the batter swung and missed."),
    ("back-burner", "Leave the soup simmering on the back burner of the stove."),
    ("moat", "The castle moat was drained in the nineteenth century."),
    ("pipeline-alone", "The shell pipeline sends the output of grep to sort."),
    ("blocker-alone", "Install an ad blocker in the browser."),
    ("revert-back", "If the test fails, revert the commit and try again."),
    ("takeaway-alone", "We ordered a Chinese takeaway after work."),
    ("hand-off", "Kernel messages are handed off to a daemon such as klogd."),
    ("low-lift", "The low-lift pump moves water from the river to the reservoir."),
    ("stress-test", "The cardiologist ordered a treadmill stress test for the patient."),
    ("all-hands-on-deck", "The captain called all hands on deck as the storm hit the ship."),
    ("drop-the-ball", "The goalkeeper dropped the ball and the striker scored."),
    ("take-soundings", "The ship took soundings of the harbour before it anchored."),
    ("the-same", "Threads sharing the same memory space see each other's writes."),
    ("discuss-about", "There is no need for us to discuss it any further."),
    ("do-one-thing", "Write programs that do one thing and do it well."),
    ("pull-the-trigger", "The police said the suspect pulled the trigger twice."),
    ("in-the-trenches", "The soldiers spent the winter in the trenches on the Somme."),
    ("blue-ocean", "The island sits in a blue ocean, with white beaches and waves."),
    ("killing-it", "The frost is killing it, the gardener said of the lemon tree."),
    ("tiger-team", "Armed police and a SWAT team surrounded the house after the siege began."),
    ("wedge", "Put a wedge under the door so it stays open for the team."),
    ("three-amigos", "We watched Three Amigos, the Steve Martin film, after the office party."),
    ("de-scale", "Descale the kettle with vinegar once a month, the office manager said."),
    ("fish-or-cut-bait", "On the pier the old angler told me to fish or cut bait."),
    ("biome", "The rainforest biome holds more plant species than any other, the team found."),
]


@pytest.mark.parametrize(("entry_id", "text"), QUIET, ids=[f"{i}:{t[:25]}" for i, t in QUIET])
def test_a_literal_use_is_not_jargon(decoder, entry_id, text):
    assert entry_id not in _ids(decoder, text)


# A bare core with an everyday sense needs a workplace word near it.
NO_WORK_WORD = [
    ("backfill-alone", "They backfilled the trench with gravel and sand."),
    ("pipeline-alone", "The new pipeline will carry gas across the border."),
    ("double-down-alone", "He doubled down the lane to catch the bus."),
    ("business-as-usual", "By the afternoon it was business as usual in the village."),
    ("drop-a-line", "Drop me a line when you get to Lisbon, love."),
]


@pytest.mark.parametrize(("entry_id", "text"), NO_WORK_WORD, ids=[f"{i}:{t[:25]}" for i, t in NO_WORK_WORD])
def test_a_bare_core_with_no_workplace_word_is_quiet(decoder, entry_id, text):
    assert entry_id not in _ids(decoder, text)
