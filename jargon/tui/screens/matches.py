"""All matches in a table (Enter jumps to one; d, c, u triage it) and a summary of the counts.

Every cell from a transcript or a dictionary is a :class:`rich.text.Text`, never markup.
The table puts score and triage right after the line number, and cuts long text to a
width, so at 80 columns both stay visible. The tag table of the Summary tab is also the
legend of the colours (colour by tag: each match's first tag).
"""
from __future__ import annotations

from collections.abc import Callable

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane

from jargon.model import DecodedDocument, Document, Match
from jargon.render import LineIndex
from jargon.stats import NO_SPEAKER, document_stats

SAID_WIDTH, HEADWORD_WIDTH, SPEAKER_WIDTH = 24, 28, 20
TRIAGE_COLUMN = "triage"


def cut(text: str, width: int) -> Text:
    """``text`` as plain Text, one line, cut to ``width`` cells with an ellipsis."""
    one_line = " ".join(text.split())
    shown = Text(one_line, no_wrap=True, overflow="ellipsis")
    shown.truncate(width, overflow="ellipsis")
    return shown


class MatchesScreen(Screen[int | None]):
    """Returns the index of the chosen match, or None. ``triage(index, status)`` records a decision
    and returns the new statuses of every match."""

    BINDINGS = [
        Binding("escape,q,m", "close", "Back"),
        Binding("enter", "jump", "Go to", show=False),
        Binding("d", "triage('dismissed')", "Dismiss"),
        Binding("c", "triage('confirmed')", "Confirm"),
        Binding("u", "triage('')", "Undo"),
    ]

    def __init__(self, doc: Document, matches: list[Match], statuses: list[str | None],
                 triage: Callable[[int, str | None], list[str | None]] | None = None,
                 legend: dict[str, Style] | None = None) -> None:
        super().__init__()
        self.doc, self.matches, self.statuses = doc, matches, list(statuses)
        self.triage = triage
        self.legend = legend or {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="matches-summary-line")
        with TabbedContent(id="matches-tabs"):
            with TabPane("Matches", id="tab-matches"):
                yield DataTable(id="matches-table", cursor_type="row", zebra_stripes=True)
            with TabPane("Summary", id="tab-summary"):
                yield Static(id="summary-overall")
                yield DataTable(id="summary-entries", cursor_type="row")
                yield DataTable(id="summary-tags", cursor_type="row")
                yield DataTable(id="summary-speakers", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        self.title = f"Matches in {self.doc.path.name if self.doc.path else self.doc.name}"
        self.sub_title = ""
        lines = LineIndex(self.doc.text)
        table = self.query_one("#matches-table", DataTable)
        table.add_column("line", key="line")
        table.add_column("score", key="score")
        table.add_column(TRIAGE_COLUMN, key=TRIAGE_COLUMN, width=9)
        table.add_column("said", key="said", width=SAID_WIDTH)
        table.add_column("headword", key="headword", width=HEADWORD_WIDTH)
        table.add_column("speaker", key="speaker", width=SPEAKER_WIDTH)
        for i, m in enumerate(self.matches):
            seg = self.doc.segment_at(m.start) if self.doc.segments else None
            table.add_row(str(lines.position(m.start)[0]), f"{m.score:.0f}", Text(self.statuses[i] or ""),
                          cut(m.text, SAID_WIDTH), cut(m.entry.phrase, HEADWORD_WIDTH),
                          cut((seg.speaker or "") if seg else "", SPEAKER_WIDTH), key=str(i))
        self.show_summary()
        table.focus()

    def show_summary(self) -> None:
        """The counts, dismissed matches left out: one line above the tabs, the tables in Summary."""
        counted = [m for i, m in enumerate(self.matches) if self.statuses[i] != "dismissed"]
        stats = document_stats(DecodedDocument(self.doc, counted))
        total = stats.total
        dismissed = self.statuses.count("dismissed")
        confirmed = self.statuses.count("confirmed")
        line = (f"{total.matches} matches in {total.words} words: {total.per_1000:.1f} per 1,000 words"
                f" · {dismissed} dismissed, {confirmed} confirmed")
        self.query_one("#matches-summary-line", Static).update(Text(line))
        self.query_one("#summary-overall", Static).update(Text(
            f"{total.matches} matches (dismissed ones left out) in {total.words} words: "
            f"{total.per_1000:.1f} per 1,000 words"))
        entries = self.query_one("#summary-entries", DataTable)
        entries.clear(columns=True)
        entries.add_columns("headword", "dictionary", "count", "per 1,000 words")
        for key, count in total.entries.most_common():
            per = count * 1000 / total.words if total.words else 0.0
            entries.add_row(Text(total.phrases[key]), Text(key[0]), str(count), f"{per:.1f}")
        tags = self.query_one("#summary-tags", DataTable)
        tags.clear(columns=True)
        tags.display = bool(total.tags)
        tags.add_columns("colour", "tag", "count")
        for tag, count in total.tags.most_common():
            style = self.legend.get(tag)
            tags.add_row(Text(" abc ", style=style) if style is not None else Text(""), Text(tag), str(count))
        speakers = self.query_one("#summary-speakers", DataTable)
        speakers.clear(columns=True)
        speakers.display = bool(stats.speakers)
        speakers.add_columns("speaker", "matches", "words", "per 1,000 words")
        for name, tally in sorted(stats.speakers.items(), key=lambda kv: (-kv[1].matches, kv[0] or "")):
            speakers.add_row(Text(name or NO_SPEAKER), str(tally.matches), str(tally.words), f"{tally.per_1000:.1f}")

    def _row_index(self) -> int | None:
        table = self.query_one("#matches-table", DataTable)
        if not self.matches or table.cursor_row < 0:
            return None
        key = table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value
        return int(key) if key is not None else None

    def action_triage(self, status: str) -> None:
        index = self._row_index()
        if index is None or self.triage is None:
            return
        self.statuses = list(self.triage(index, status or None))
        table = self.query_one("#matches-table", DataTable)
        for i, st in enumerate(self.statuses):
            table.update_cell(str(i), TRIAGE_COLUMN, Text(st or ""))
        self.show_summary()

    def action_jump(self) -> None:
        index = self._row_index()
        if index is not None:
            self.dismiss(index)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "matches-table" and event.row_key.value is not None:
            self.dismiss(int(event.row_key.value))

    def action_close(self) -> None:
        self.dismiss(None)
