"""The help screen: what jargon tui does and its keys."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

HELP = """\
# jargon — reading a transcript

Every jargon phrase in the transcript is highlighted; the panel on the right says
what the focused one really means.

| key | what it does |
| --- | --- |
| `n` / `p` | next / previous match |
| `d` | dismiss the match: not jargon here (again: undo) |
| `c` | confirm the match (again: undo) |
| `m` | all matches in a table, and a summary |
| `/` | search the dictionaries |
| `a` | add an entry to your dictionary (from the selected text) |
| `+` / `-` | raise / lower the threshold by 5; `ctrl+t` sets it |
| `t` | translate view: each phrase replaced by its meaning |
| `v` | clean / verbatim meanings |
| `b` | colour highlights by tag or by score |
| `e` | export in any registered format |
| `o` / `O` | open a file / paste text |
| `ctrl+p` | command palette: every action by name |
| `?` | this help |
| `q` | quit |

Triage decisions (dismiss, confirm) are saved beside the transcript in
`NAME.jargon.toml`, loaded next time, and respected by `jargon decode` and exports.
Select text with the mouse, then press `a` to make it a new entry.
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "close", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Markdown(HELP)

    def action_close(self) -> None:
        self.dismiss(None)
