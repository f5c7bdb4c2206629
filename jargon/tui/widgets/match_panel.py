"""The side panel: everything about the focused match, and the other places its entry occurs."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from jargon.model import Document, Match, format_time
from jargon.render import LineIndex, sentence_around


class MatchPanel(Vertical):
    """Headword, meaning (clean or verbatim), tags, score, dictionary, examples, triage, other places."""

    class Jump(Message):
        """The user picked another place of the same entry."""

        def __init__(self, index: int) -> None:
            self.index = index
            super().__init__()

    def compose(self) -> ComposeResult:
        yield Static("", id="match-details")
        yield Label("", id="occurrences-title")
        yield OptionList(id="occurrences")

    def on_mount(self) -> None:
        self.show_nothing("No match selected.")

    def show_nothing(self, message: str) -> None:
        self.query_one("#match-details", Static).update(Text(message, style="italic"))
        self.query_one("#occurrences-title", Label).update(Text(""))
        occ = self.query_one("#occurrences", OptionList)
        occ.clear_options()
        occ.display = False

    def show_match(self, doc: Document, lines: LineIndex, matches: list[Match], index: int,
                   status: str | None, clean: bool) -> None:
        m = matches[index]
        e = m.entry
        line, column = lines.position(m.start)
        t = Text()
        t.append(e.phrase + "\n", style="bold")
        label = "meaning (clean)" if clean and e.explicit and e.clean_meaning else "meaning"
        t.append(f"{label}: ", style="dim")
        t.append(e.display_meaning(clean) + "\n\n")
        t.append("said: ", style="dim")
        t.append(f"«{m.text}»", style="italic")
        t.append(f"  line {line}:{column}\n")
        seg = doc.segment_at(m.start) if doc.segments else None
        if seg is not None and (seg.speaker or seg.time_start is not None):
            t.append("speaker: ", style="dim")
            t.append(f"{seg.speaker or '?'}")
            if seg.time_start is not None:
                t.append(f"  at {format_time(seg.time_start)}")
            t.append("\n")
        if e.tags:
            t.append("tags: ", style="dim")
            t.append(", ".join(e.tags) + "\n")
        t.append("score: ", style="dim")
        t.append(f"{m.score:.1f}")
        t.append("   dictionary: ", style="dim")
        t.append(f"{m.dictionary}\n")
        t.append("triage: ", style="dim")
        t.append({"dismissed": "dismissed (not jargon here)", "confirmed": "confirmed"}.get(status or "", "—") + "\n")
        if e.note:
            t.append("note: ", style="dim")
            t.append(e.note + "\n")
        if e.examples:
            t.append("\nexamples:\n", style="dim")
            for ex in e.examples[:4]:
                t.append(f" • {ex}\n")
        t.append("\ncontext: ", style="dim")
        t.append(sentence_around(doc.text, m.start, m.end, limit=160))
        if m.explain:
            from jargon.engine.explain import explain_lines

            t.append("\n\nwhy it matched:\n", style="dim")
            t.append("\n".join(explain_lines(m.explain)))
        self.query_one("#match-details", Static).update(t)

        others = [i for i, o in enumerate(matches) if o.entry.id == e.id and o.dictionary == m.dictionary]
        title = self.query_one("#occurrences-title", Label)
        occ = self.query_one("#occurrences", OptionList)
        occ.clear_options()
        title.update(Text(f"{len(others)} place{'s' if len(others) != 1 else ''} with this entry:"))
        options = []
        for i in others:
            o = matches[i]
            ln, _ = lines.position(o.start)
            who = doc.segment_at(o.start) if doc.segments else None
            mark = "▶ " if i == index else "  "
            speaker = f"{who.speaker}: " if who is not None and who.speaker else ""
            options.append(Option(Text(f"{mark}line {ln}  {speaker}«{o.text}»"), id=f"m{i}"))
        occ.add_options(options)
        occ.display = True

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id and event.option.id.startswith("m"):
            self.post_message(self.Jump(int(event.option.id[1:])))
