"""The command palette provider: every action of the app, by name."""
from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

# (title, help, action)
ACTIONS: tuple[tuple[str, str, str], ...] = (
    ("Open file…", "Open a transcript from disk", "open_file"),
    ("Paste text…", "Decode text pasted into a box", "paste_text"),
    ("Next match", "Move to the next match (n)", "next_match"),
    ("Previous match", "Move to the previous match (p)", "prev_match"),
    ("Dismiss match", "Not jargon here: hide it from counts and exports (d)", "dismiss_match"),
    ("Confirm match", "Mark the match as confirmed jargon (c)", "confirm_match"),
    ("Clear triage decision", "Forget the dismiss/confirm decision on this match (u)", "clear_decision"),
    ("List all matches", "A table of every match, and a summary (m)", "show_matches"),
    ("Search dictionaries…", "Fuzzy search over headwords, variants and meanings (/)", "search"),
    ("Add entry…", "Add the selected text to your dictionary (a)", "add_entry"),
    ("Raise threshold", "Only stronger matches: threshold + 5 (+)", "threshold_up"),
    ("Lower threshold", "More, weaker matches: threshold - 5 (-)", "threshold_down"),
    ("Set threshold…", "Type a minimum score 0-100 (ctrl+t)", "set_threshold"),
    ("Toggle translate view", "Replace each phrase by its meaning (t)", "toggle_translate"),
    ("Toggle clean meanings", "Softened or verbatim meanings for explicit entries (v)", "toggle_clean"),
    ("Toggle colour by tag/score", "Colour highlights by the first tag or by score (b)", "toggle_colour"),
    ("Export…", "Write the decoded transcript in any registered format (e)", "export"),
    ("Reload dictionaries", "Read the dictionaries again and decode again (r)", "reload"),
    ("Help", "Keys and what they do (?)", "help"),
)


class JargonCommands(Provider):
    """Every jargon action in the command palette."""

    def _run(self, action: str) -> None:
        self.app.call_later(self.app.run_action, action)

    async def discover(self) -> Hits:
        for title, help_text, action in ACTIONS:
            yield DiscoveryHit(title, partial(self._run, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, action in ACTIONS:
            score = max(matcher.match(title), matcher.match(help_text) * 0.8)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(self._run, action), text=title, help=help_text)
