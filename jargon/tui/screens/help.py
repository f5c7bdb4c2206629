"""The help screen: what jargon tui does and its keys."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from ..keys import help_table

HELP = f"""\
# jargon — reading a transcript

Every jargon phrase in the transcript is highlighted; the match panel (on the right, or
below the text in a narrow terminal) says what the focused one really means and why it matched.

{help_table()}

Triage decisions (dismiss, confirm) are saved beside the transcript in
`NAME.jargon.toml`, loaded next time, and respected by `jargon decode` and exports.
Select text with the mouse, then press `a` to make it a new entry (with nothing selected,
`a` offers the focused match).

Colours: by tag, each of the transcript's first tags has its own colour (the legend is in the
matches view); by score (`b`), red is 90 and over, yellow 80-89, blue below 80. Struck-through
matches are dismissed, underlined ones confirmed.
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "close", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Markdown(HELP)

    def action_close(self) -> None:
        self.dismiss(None)
