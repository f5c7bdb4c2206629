"""The Discover view: candidate jargon of the open transcript that no dictionary covers yet.

A table of candidates (jargon.discover, in a worker: the frequency data takes a moment to
load) with the contexts of the highlighted one below it. ``a`` accepts it: the add-entry form
opens prefilled with the headword, the other forms as variants and a sentence as example, and
the entry goes to the user's dictionary through the same code as ``jargon dict add`` (the app
decodes again at once). ``x`` rejects it (remembered in the user's rejected file, it never
comes back), ``s`` skips it. Every cell from the transcript is a :class:`rich.text.Text`, never
markup.
"""
from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, Static

from jargon.discover.candidates import Candidate
from jargon.model import DecodedDocument

from .screens.dialogs import AddEntryDialog
from .screens.matches import cut


class DiscoverEntryDialog(AddEntryDialog):
    """The add-entry form with variants and an example: returns {"phrase", "meaning", "tags",
    "variants", "examples"} or None."""

    def __init__(self, phrase: str, variants: list[str], example: str, tags: list[str]) -> None:
        super().__init__(phrase)
        self.variants, self.example, self.tags = variants, example, tags

    def on_mount(self) -> None:
        box = self.query_one(".box", Vertical)
        buttons = box.children[-1]
        box.mount(Label("Variants (comma separated)"), Input(", ".join(self.variants), id="entry-variants"),
                  Label("Example"), Input(self.example, id="entry-example"), before=buttons)
        self.query_one("#entry-tags", Input).value = ", ".join(self.tags)
        self.query_one("#entry-meaning", Input).focus()

    def dismiss(self, result=None):
        if isinstance(result, dict):
            variants = self.query_one("#entry-variants", Input).value.split(",")
            example = self.query_one("#entry-example", Input).value.strip()
            result = dict(result, variants=[v.strip() for v in variants if v.strip()],
                          examples=[example] if example else [])
        return super().dismiss(result)


class DiscoverScreen(Screen[None]):
    """Candidates of ``decoded``; ``accept(result)`` adds an entry (the app's add-entry code)."""

    BINDINGS = [
        Binding("escape,q", "close", "Back"),
        Binding("a", "accept", "Accept"),
        Binding("x", "reject", "Reject"),
        Binding("s", "skip", "Skip"),
    ]

    def __init__(self, decoded: DecodedDocument, accept: Callable[[dict | None], None]) -> None:
        super().__init__()
        self.decoded = decoded
        self.accept = accept
        self.candidates: list[Candidate] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Looking for jargon that no dictionary covers…", id="discover-status")
        yield DataTable(id="discover-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="discover-contexts")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("score", "kind", "n", "lemma", "forms")
        self.run_worker(self._find, thread=True, exclusive=True)

    def _find(self) -> None:
        from jargon.discover.finder import find_candidates
        from jargon.discover.rejected import load_rejected
        from jargon.errors import JargonError

        try:
            found = find_candidates([self.decoded], load_rejected())
        except JargonError as exc:
            self.app.call_from_thread(self._failed, str(exc))
            return
        self.app.call_from_thread(self._show, found)

    def _failed(self, message: str) -> None:
        self.query_one("#discover-status", Static).update(Text(message))
        self.notify(message, severity="error", title="discover")

    def _show(self, found: list[Candidate]) -> None:
        self.candidates = list(found)
        self._fill()

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for cand in self.candidates:
            table.add_row(f"{cand.score:.1f}", cand.kind, str(cand.count), cut(cand.lemma, 28),
                          cut(", ".join(f for f, _ in cand.forms.most_common(4)), 40))
        n = len(self.candidates)
        status = (f"{n} candidate{'' if n == 1 else 's'}: a accept, x reject, s skip" if self.candidates
                  else "No candidates: every repeated word or phrase is covered or ordinary.")
        self.query_one("#discover-status", Static).update(Text(status))
        self._show_contexts()

    @property
    def current(self) -> Candidate | None:
        row = self.query_one(DataTable).cursor_row
        return self.candidates[row] if 0 <= row < len(self.candidates) else None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_contexts()

    def _show_contexts(self) -> None:
        cand = self.current
        text = Text()
        if cand is not None:
            if cand.english:
                text.append(f"English root: {cand.english}\n", style="dim")
            for c in cand.contexts:
                who = c.speaker or c.document
                text.append(f"{who}: ", style="bold")
                text.append(c.left)
                text.append(c.keyword, style="reverse")
                text.append(f"{c.right}\n")
        self.query_one("#discover-contexts", Static).update(text)

    def _drop_current(self) -> None:
        row = self.query_one(DataTable).cursor_row
        if 0 <= row < len(self.candidates):
            del self.candidates[row]
            self._fill()
            table = self.query_one(DataTable)
            if self.candidates:
                table.move_cursor(row=min(row, len(self.candidates) - 1))

    def action_accept(self) -> None:
        cand = self.current
        if cand is None:
            return
        from jargon.discover.draft import draft_entries

        entry = draft_entries([cand])[0]
        dialog = DiscoverEntryDialog(entry.phrase, list(entry.variants), (entry.examples or ("",))[0],
                                     list(entry.tags))

        def done(result: dict | None) -> None:
            if result:
                self._drop_current()
            self.accept(result)

        self.app.push_screen(dialog, done)

    def action_reject(self) -> None:
        cand = self.current
        if cand is None:
            return
        from jargon.discover.rejected import add_rejected
        from jargon.errors import JargonError

        try:
            add_rejected(cand.key)
        except (JargonError, OSError) as exc:
            self.notify(str(exc), severity="error", title="not rejected")
            return
        self._drop_current()

    def action_skip(self) -> None:
        table = self.query_one(DataTable)
        if self.candidates:
            table.move_cursor(row=(table.cursor_row + 1) % len(self.candidates))

    def action_close(self) -> None:
        self.dismiss(None)
