"""The one key table of the main screen: its bindings, the footer, the help screen and the command palette.

Each :class:`Key` says which keys run which App action, its short footer label (when it is
shown in the footer) and what it does in words. The footer lists the shown keys in table
order, so the ones that matter come first and stay visible at 80 columns.
"""
from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class Key:
    keys: str                  # Textual key names, comma separated
    action: str                # an App action (without the "app." prefix)
    title: str                 # the command palette's name for it
    help: str                  # what it does, in the help screen and the palette
    footer: str = ""           # short label in the footer ("": not shown there)
    display: str = ""          # how the key is written, when the key name is not it
    group: str = ""            # keys shown together in the footer ("n p Next/prev")


MOVE, TRIAGE = Binding.Group("Next/prev"), Binding.Group("Dismiss/confirm", compact=True)
GROUPS = {"move": MOVE, "triage": TRIAGE}

KEYS: tuple[Key, ...] = (
    Key("n", "next_match", "Next match", "next match", "Next", group="move"),
    Key("p", "prev_match", "Previous match", "previous match", "Prev", group="move"),
    Key("d", "dismiss_match", "Dismiss match", "dismiss the match: not jargon here (again: undo)", "Dismiss",
        group="triage"),
    Key("c", "confirm_match", "Confirm match", "confirm the match as jargon (again: undo)", "Confirm",
        group="triage"),
    Key("u", "clear_decision", "Clear triage decision", "undo: forget the dismiss/confirm decision on the match"),
    Key("m", "show_matches", "List all matches", "all matches in a table (d, c, u triage there too), and a summary",
        "Matches"),
    Key("e", "export", "Export…", "export: an HTML report, a spreadsheet, JSON, QDA software…", "Export"),
    Key("o", "open_file", "Open file…", "open a transcript file", "Open"),
    Key("question_mark,f1", "help", "Help", "this help", "Help", display="?"),
    Key("q", "quit", "Quit", "quit", "Quit"),
    Key("slash", "search", "Search dictionaries…", "search the dictionaries: headwords, variants, meanings",
        "Search", display="/"),
    Key("a", "add_entry", "Add entry…", "add an entry to your dictionary: the selected text, else the focused "
        "match", "Add"),
    Key("D", "discover", "Discover jargon…", "discover: candidate jargon of this transcript that no dictionary has "
        "(a accept into your dictionary, x reject for good, s skip)"),
    Key("t", "toggle_translate", "Toggle translate view", "translate view: each phrase replaced by its meaning",
        "Translate"),
    Key("i", "toggle_panel", "Toggle match panel", "show or hide the match panel (it sits below the text when "
        "the terminal is narrow)"),
    Key("plus,equals_sign", "threshold_up", "Raise threshold", "raise the threshold by 5: only stronger matches",
        display="+"),
    Key("minus", "threshold_down", "Lower threshold", "lower the threshold by 5: more, weaker matches", display="-"),
    Key("ctrl+t", "set_threshold", "Set threshold…", "type a minimum score 0-100"),
    Key("v", "toggle_clean", "Toggle clean meanings", "clean or verbatim meanings of explicit entries"),
    Key("b", "toggle_colour", "Toggle colour by tag/score", "colour the highlights by tag or by score"),
    Key("O", "paste_text", "Paste text…", "decode pasted text"),
    Key("r", "reload", "Reload dictionaries", "read the dictionaries again and decode again"),
)


def written(key: Key) -> str:
    """The keys as the help screen writes them (``?`` / ``f1``)."""
    names = key.keys.split(",")
    if key.display:
        names[0] = key.display
    return " / ".join(n.replace("equals_sign", "=") for n in names)


def bindings() -> list[Binding]:
    """The main screen's bindings, from :data:`KEYS`."""
    return [Binding(k.keys, f"app.{k.action}", k.footer or k.title, show=bool(k.footer),
                    key_display=k.display or None, group=GROUPS.get(k.group)) for k in KEYS]


def help_table() -> str:
    """The keys as a Markdown table (the help screen)."""
    rows = ["| key | what it does |", "| --- | --- |"]
    rows += [f"| `{written(k)}` | {k.help} |" for k in KEYS]
    rows.append("| `ctrl+p` | command palette: every action by name |")
    return "\n".join(rows)
