"""The command palette provider: every action of the app, by name."""
from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from .keys import KEYS, written

# (title, help, action), from the one key table
ACTIONS: tuple[tuple[str, str, str], ...] = tuple(
    (k.title, f"{k.help[0].upper()}{k.help[1:]} ({written(k)})", k.action) for k in KEYS if k.action != "quit")


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
