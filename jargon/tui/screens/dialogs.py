"""Small modal dialogs: add an entry, set the threshold, export, open a file, paste text."""
from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DirectoryTree, Input, Label, Select, TextArea


class Dialog(ModalScreen):
    """A modal box with a title; Escape cancels (returns None)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CLASSES = "dialog"

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "cancel":
            self.dismiss(None)
        elif event.button.id == "ok":
            self.submit()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.submit()

    def submit(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def buttons(self, ok: str) -> Horizontal:
        return Horizontal(Button(ok, id="ok", variant="primary"), Button("Cancel", id="cancel"), classes="buttons")


class AddEntryDialog(Dialog):
    """Returns {"phrase", "meaning", "tags"} or None."""

    def __init__(self, phrase: str = "") -> None:
        super().__init__()
        self.phrase = phrase

    def compose(self) -> ComposeResult:
        with Vertical(classes="box"):
            yield Label("Add an entry to your dictionary", classes="title")
            yield Label("Headword")
            yield Input(self.phrase, id="entry-phrase")
            yield Label("Meaning: what it really means")
            yield Input(id="entry-meaning")
            yield Label("Tags (comma separated)")
            yield Input(id="entry-tags")
            yield self.buttons("Save")

    def on_mount(self) -> None:
        self.query_one("#entry-meaning" if self.phrase else "#entry-phrase", Input).focus()

    def submit(self) -> None:
        phrase = self.query_one("#entry-phrase", Input).value.strip()
        meaning = self.query_one("#entry-meaning", Input).value.strip()
        tags = [t.strip() for t in self.query_one("#entry-tags", Input).value.split(",") if t.strip()]
        if not phrase or not meaning:
            self.notify("Both a headword and a meaning are needed.", severity="warning")
            self.query_one("#entry-meaning" if phrase else "#entry-phrase", Input).focus()
            return
        self.dismiss({"phrase": phrase, "meaning": meaning, "tags": tags})


class ThresholdDialog(Dialog):
    """Returns the new threshold (0-100) or None."""

    def __init__(self, current: float) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="box"):
            yield Label("Minimum score for a match (0-100)", classes="title")
            yield Input(f"{self.current:g}", id="threshold-input", type="number")
            yield self.buttons("Apply")

    def on_mount(self) -> None:
        self.query_one("#threshold-input", Input).focus()

    def submit(self) -> None:
        raw = self.query_one("#threshold-input", Input).value.strip()
        try:
            value = float(raw)
        except ValueError:
            value = -1.0
        if not 0 <= value <= 100:
            self.notify(f"{raw!r} is not a number between 0 and 100.", severity="warning")
            return
        self.dismiss(value)


# What each format is, in the app's words (a plugin's own formats keep their description)
FORMAT_WORDS = {
    "html": "Report to read or send (opens in a browser)",
    "markdown": "Report as Markdown (notes, wikis)",
    "xlsx": "Excel workbook: a sheet per transcript",
    "csv-excel": "Spreadsheet for Excel (CSV)",
    "csv": "Spreadsheet for other programs (CSV, UTF-8)",
    "qdpx": "Project for NVivo, ATLAS.ti, MAXQDA, QualCoder",
    "qdc": "Codebook for QDA software (a code per entry)",
    "codebook-csv": "Codebook as a spreadsheet (for Taguette)",
    "translated": "Transcript with phrases replaced by meanings",
    "text": "List of matches as plain text",
    "json": "Data for scripts (JSON)",
    "jsonl": "Data for scripts (JSON Lines)",
}
FORMAT_ORDER = tuple(FORMAT_WORDS)


def format_words(name: str, description: str) -> str:
    return FORMAT_WORDS.get(name, description)


class ConfirmDialog(Dialog):
    """A yes/no question; returns True or None."""

    def __init__(self, question: str, yes: str = "Replace") -> None:
        super().__init__()
        self.question, self.yes = question, yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="box"):
            yield Label(Text(self.question), classes="title")
            yield self.buttons(self.yes)

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()     # the safe answer is the default

    def submit(self) -> None:
        self.dismiss(True)


class ExportDialog(Dialog):
    """Returns (format name, path) or None. The format follows the file's extension; an existing file is
    replaced only when the user says so, a missing folder is not created, the transcript itself is refused."""

    def __init__(self, formats: dict, default_stem: Path, default_format: str = "html",
                 inputs: tuple[Path, ...] = ()) -> None:
        super().__init__()
        self.formats = formats
        self.stem = default_stem
        self.inputs = tuple(p.resolve() for p in inputs)
        self.default_format = default_format if default_format in formats else next(iter(formats), None)

    def compose(self) -> ComposeResult:
        rank = {name: i for i, name in enumerate(FORMAT_ORDER)}
        order = sorted(self.formats, key=lambda n: (rank.get(n, len(rank)), n))
        with Vertical(classes="box"):
            yield Label("Export the decoded transcript", classes="title")
            yield Label("What to write")
            yield Select([(Text(f"{format_words(n, self.formats[n].description)}  (.{self.formats[n].extension})"), n)
                          for n in order],
                         value=self.default_format if self.default_format else Select.BLANK,
                         allow_blank=False, id="export-format")
            yield Label("File (the extension chooses the format)")
            yield Input(self._default_path(self.default_format), id="export-path")
            yield self.buttons("Export")

    def _default_path(self, name: str | None) -> str:
        if not name:
            return str(self.stem)
        return f"{self.stem}.{self.formats[name].extension}"

    def on_select_changed(self, event: Select.Changed) -> None:
        path = self.query_one("#export-path", Input)
        if not isinstance(event.value, str):
            return
        current = Path(path.value)
        if self._format_for(path.value) != event.value:
            ext = self.formats[event.value].extension
            path.value = str(current.with_suffix(f".{ext}")) if current.suffix else self._default_path(event.value)

    def _format_for(self, path: str) -> str | None:
        from jargon.format_choice import by_extension

        ext = Path(path).suffix.lower().lstrip(".")
        fmt = by_extension(self.formats).get(ext) if ext else None
        return fmt.name if fmt is not None else None

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "export-path":
            return
        select = self.query_one("#export-format", Select)
        wanted = self._format_for(event.value)
        if wanted is not None and select.value != wanted and \
                self.formats[str(select.value)].extension != self.formats[wanted].extension:
            select.value = wanted

    def submit(self) -> None:
        fmt = self.query_one("#export-format", Select).value
        raw = self.query_one("#export-path", Input).value.strip()
        if not isinstance(fmt, str) or not raw:
            self.notify("Choose a format and a file.", severity="warning")
            return
        target = Path(raw).expanduser()
        if not target.parent.is_dir():
            self.notify(f"There is no folder {target.parent}: choose a folder that exists.", severity="warning")
            return
        if target.is_dir():
            self.notify(f"{target} is a folder: add a file name.", severity="warning")
            return
        if target.exists() and target.resolve() in self.inputs:
            self.notify(f"{target.name} is the transcript itself: choose another file.", severity="error")
            return
        if target.exists():
            def replace(yes: bool | None) -> None:
                if yes:
                    self.dismiss((fmt, str(target)))

            self.app.push_screen(ConfirmDialog(f"{target} exists. Replace it?"), replace)
            return
        self.dismiss((fmt, str(target)))


class OpenDialog(Dialog):
    """Returns a path to open, or None."""

    def __init__(self, start: Path) -> None:
        super().__init__()
        self.start = start

    def compose(self) -> ComposeResult:
        with Vertical(classes="box tall"):
            yield Label("Open a transcript", classes="title")
            yield Input(placeholder="path/to/transcript.txt", id="open-path")
            yield DirectoryTree(self.start, id="open-tree")
            yield self.buttons("Open")

    def on_mount(self) -> None:
        self.query_one("#open-path", Input).focus()

    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        self.dismiss(str(event.path))

    def submit(self) -> None:
        path = self.query_one("#open-path", Input).value.strip()
        if path:
            self.dismiss(str(Path(path).expanduser()))


class PasteDialog(Dialog):
    """Returns pasted text, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "decode", "Decode")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="box tall"):
            yield Label("Paste text to decode (ctrl+s decodes)", classes="title")
            yield TextArea(id="paste-text")
            yield self.buttons("Decode")

    def on_mount(self) -> None:
        self.query_one("#paste-text", TextArea).focus()

    def action_decode(self) -> None:
        self.submit()

    def submit(self) -> None:
        text = self.query_one("#paste-text", TextArea).text
        if text.strip():
            self.dismiss(text)
        else:
            self.notify("Nothing to decode: paste some text first.", severity="warning")
