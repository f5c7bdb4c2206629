"""The jargon TUI: state, actions and workers.

Reading a file, building the decoder and decoding run in thread workers, so the UI
never blocks: the text shows as soon as it is read, the highlights when decoding
finishes. Workers hand results back with ``call_from_thread`` and a generation number,
so a slow, stale result (an older file, an older threshold) is dropped. Every
problem (unreadable file, broken dictionary, failing plugin) becomes a notification.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from time import perf_counter
from typing import Any

from rich.text import Text
from textual import work
from textual.app import App
from textual.screen import Screen
from textual.widgets import Static

from jargon.decisions import (
    CONFIRMED,
    DISMISSED,
    Decision,
    Decisions,
    DecisionsError,
    apply_decisions,
    load_decisions,
    save_decisions,
    sidecar_path,
)
from jargon.errors import JargonError
from jargon.model import DecodedDocument, Dictionary, Document, Match
from jargon.render import LineIndex

from .commands import JargonCommands
from .screens.dialogs import AddEntryDialog, ExportDialog, OpenDialog, PasteDialog, ThresholdDialog
from .screens.help import HelpScreen
from .screens.main import MainScreen
from .screens.matches import MatchesScreen
from .screens.search import SearchScreen
from .widgets import MatchPanel, TranscriptView

DEFAULT_THRESHOLD = 75.0          # the engine's default; read from it when it is loaded
THRESHOLD_STEP = 5.0
TRANSLATED = "translated"         # the export pseudo-format: the text with each phrase replaced
PLACEHOLDER = ("No transcript open.\n\nPress o to open a file, O to paste text, / to search the "
               "dictionaries, ? for help, ctrl+p for every command.")


_EDGE_PUNCTUATION = " \t\n\"'«»„“”‘’()[]{}<>.,;:!?…—–-"


def trim_phrase(text: str) -> str:
    """Selected text as a headword: one line, without the punctuation and quotes around it."""
    return " ".join(text.split()).strip(_EDGE_PUNCTUATION)


class JargonApp(App[int]):
    """``JargonApp(path)`` opens ``path`` at start; ``JargonApp(text=...)`` decodes given text."""

    CSS_PATH = "app.tcss"
    TITLE = "jargon"
    COMMANDS = App.COMMANDS | {JargonCommands}

    def __init__(self, path: str | os.PathLike | None = None, *, text: str | None = None,
                 dict_selectors: Sequence[str] = (), threshold: float | None = None,
                 plugin_paths: Sequence[str] = (), clean: bool = False, no_plugins: bool = False,
                 encoding: str | None = None) -> None:
        super().__init__()
        self.initial_path = str(path) if path is not None else None
        self.initial_text = text
        self.dict_selectors = list(dict_selectors)
        self.plugin_paths = tuple(plugin_paths)
        self.no_plugins = no_plugins
        self.encoding = encoding          # None: detected for each file
        self.encoding_note = ""           # the status line's word on how the open file was read
        self.threshold = float(threshold) if threshold is not None else DEFAULT_THRESHOLD
        self._threshold_given = threshold is not None
        self.clean = clean
        self.translate = False
        self.colour_by = "tag"
        self.pm: Any = None
        self.dictionaries: list[Dictionary] = []
        self.decoder: Any = None
        self.document: Document | None = None
        self.lines: LineIndex | None = None
        self.matches: list[Match] = []
        self.resolved: dict[int, Decision] = {}
        self.statuses: list[str | None] = []
        self.decisions = Decisions()
        self.decisions_note: str | None = None     # why decisions are not saved, if they are not
        self.focused_match: int | None = None
        self.busy: str | None = None
        self.open_generation = 0
        self.decode_generation = 0
        self.timings: dict[str, float] = {"start": perf_counter()}
        self._lock = threading.Lock()
        self._ui_thread = threading.get_ident()

    # -- screens and widgets ----------------------------------------------------------
    def get_default_screen(self) -> Screen:
        self.main_screen = MainScreen()
        return self.main_screen

    @property
    def view(self) -> TranscriptView:
        return self.main_screen.query_one(TranscriptView)

    @property
    def panel(self) -> MatchPanel:
        return self.main_screen.query_one(MatchPanel)

    def start(self) -> None:
        """Called by the main screen once its widgets exist."""
        self._ui_thread = threading.get_ident()
        self.view.clean = self.clean
        if self.initial_path is not None:
            self.open_path(self.initial_path)
        elif self.initial_text is not None:
            self.open_text(self.initial_text)
        else:
            self.view.show(None, PLACEHOLDER)
            self._set_busy("loading dictionaries…")
            self._warm_up()
        self._update_status()

    def notify(self, message: str, *, title: str = "", severity: Any = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """A notification shown as written: file names, headwords and errors are never parsed as markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    # -- thread helpers -----------------------------------------------------------------
    def _ui(self, fn: Callable, *args: Any, **kwargs: Any) -> Any:
        """Run ``fn`` on the UI thread (directly when already there)."""
        if threading.get_ident() == self._ui_thread:
            return fn(*args, **kwargs)
        try:
            return self.call_from_thread(fn, *args, **kwargs)
        except RuntimeError:      # the app is closing
            return None

    def _notify(self, message: str, severity: str = "information", title: str = "") -> None:
        self._ui(self.notify, message, severity=severity, title=title, timeout=8 if severity == "error" else 5)

    def _report_plugin_problem(self, message: str) -> None:
        self._notify(message, "warning", "plugin")

    def _set_busy(self, busy: str | None) -> None:
        self.busy = busy
        self._update_status()

    # -- loading (worker threads) -------------------------------------------------------
    def _ensure_plugins(self) -> None:
        """Plugin manager and dictionaries; call with the lock held, in a worker."""
        if self.pm is not None:
            return
        from jargon.catalog import load_dictionaries
        from jargon.session import Session

        self.session = Session(self.plugin_paths, self.no_plugins, report=self._report_plugin_problem, explain=True)
        self.pm = self.session.plugins
        self.dictionaries = self._load_dictionaries(load_dictionaries)
        if not self._threshold_given:
            from jargon.engine.decoder import DEFAULT_THRESHOLD as engine_default

            self.threshold = float(engine_default)

    def _load_dictionaries(self, load_dictionaries: Callable) -> list[Dictionary]:
        try:
            found = load_dictionaries(self.dict_selectors or None, self.pm)
        except JargonError as exc:
            self._notify(f"{exc}; using every installed dictionary instead", "error", "dictionary")
            found = load_dictionaries(None, self.pm)
        if not found:
            self._notify("No dictionaries installed or selected: nothing can be decoded.", "warning")
        return list(found)

    def _ensure_decoder(self) -> Any:
        if self.decoder is None:
            t0 = perf_counter()
            self.decoder = self.session.decoder_for(self.dictionaries, self.threshold)
            self.timings["decoder_build"] = perf_counter() - t0
        return self.decoder

    @work(thread=True, group="load", exit_on_error=False)
    def _warm_up(self) -> None:
        with self._lock:
            try:
                self._ensure_plugins()
                self._ensure_decoder()
            except Exception as exc:   # a plugin's language or dictionary that breaks the decoder
                self._notify(f"cannot build the decoder: {type(exc).__name__}: {exc}", "error")
        self._ui(self._set_busy, None)

    def open_path(self, path: str) -> None:
        self.open_generation += 1
        self._set_busy(f"reading {Path(path).name}…")
        self._open_worker(path, None, self.open_generation)

    def open_text(self, text: str, name: str = "<pasted>") -> None:
        self.open_generation += 1
        self._set_busy("decoding…")
        self._open_worker(None, (text, name), self.open_generation)

    @work(thread=True, group="load", exit_on_error=False)
    def _open_worker(self, path: str | None, pasted: tuple[str, str] | None, generation: int) -> None:
        from jargon.contributions import ReadOptions
        from jargon.inputs import Undecodable, read_document

        with self._lock:
            try:
                self._ensure_plugins()
            except Exception as exc:
                self._notify(f"cannot load plugins: {type(exc).__name__}: {exc}", "error")
                self._ui(self._set_busy, None)
                return
        note = ""
        try:
            if path is not None:
                try:
                    doc = read_document(path, self.pm.input_readers(), ReadOptions(encoding=self.encoding))
                except Undecodable as exc:
                    doc = read_document(path, self.pm.input_readers(),
                                        ReadOptions(encoding=self.encoding, errors="replace"))
                    self._notify(f"{exc.args[0].split('; ')[0]}: unreadable bytes are shown as \ufffd",
                                 "warning", "encoding")
                    note = ", bad bytes replaced"
                if doc.encoding:
                    note = doc.encoding + note
            else:
                assert pasted is not None
                doc = self._read_pasted(*pasted)
        except JargonError as exc:
            self._notify(str(exc), "error", "cannot open")
            self._ui(self._opening_failed, generation)
            return
        except Exception as exc:   # a reader plugin that crashed
            self._notify(f"{path}: the reader failed: {type(exc).__name__}: {exc}", "error", "cannot open")
            self._ui(self._opening_failed, generation)
            return
        decisions, why = self._decisions_for(doc)
        decode_generation = self._ui(self._show_document, doc, decisions, why, generation, note)
        if decode_generation is not None:
            self._decode(doc, decode_generation)

    def _read_pasted(self, text: str, name: str) -> Document:
        """Pasted text through the same plain-text reader as a file (speakers and times found)."""
        readers = self.pm.input_readers()
        if "text" not in readers:
            return Document(text=text, name=name, reader="text")
        from jargon.contributions import ReadOptions

        doc = readers["text"].read(text.encode("utf-8"), name, ReadOptions(encoding="utf-8"))
        doc.reader = "text"
        return doc

    def _decisions_for(self, doc: Document) -> tuple[Decisions, str | None]:
        if doc.path is None:
            return Decisions(), "pasted text: triage decisions are kept for this session only"
        sidecar = sidecar_path(doc.path)
        if not sidecar.exists():
            return Decisions(path=sidecar, transcript=doc.path.name), None
        try:
            return load_decisions(sidecar), None
        except DecisionsError as exc:
            self._notify(f"{exc}; triage decisions will not be saved", "error", "decisions")
            return Decisions(), f"{sidecar.name} could not be read, so decisions are not saved"

    def _decode(self, doc: Document, generation: int) -> None:
        """Decode in the calling worker thread; hands the matches to the UI."""
        with self._lock:
            if generation != self.decode_generation:
                return
            try:
                self._ensure_plugins()
                matches: list[Match] = []
                if self.dictionaries:
                    decoder = self._ensure_decoder()
                    decoder.threshold = self.threshold
                    t0 = perf_counter()
                    matches = list(decoder.decode_document(doc).matches)
                    self.timings["decode"] = perf_counter() - t0
            except JargonError as exc:
                self._notify(str(exc), "error", "decoding failed")
                self._ui(self._set_busy, None)
                return
            except Exception as exc:
                self._notify(f"decoding failed: {type(exc).__name__}: {exc}", "error")
                self._ui(self._set_busy, None)
                return
        self._ui(self._show_matches, doc, matches, generation)

    @work(thread=True, group="decode", exit_on_error=False)
    def _decode_worker(self, doc: Document, generation: int) -> None:
        self._decode(doc, generation)

    def redecode(self) -> None:
        """Decode the open document again (threshold or dictionaries changed)."""
        if self.document is None:
            return
        self.decode_generation += 1
        self._set_busy("decoding…")
        self._decode_worker(self.document, self.decode_generation)

    # -- results (UI thread) ---------------------------------------------------------------
    def _opening_failed(self, generation: int) -> None:
        if generation == self.open_generation:
            self._set_busy(None)

    def _show_document(self, doc: Document, decisions: Decisions, note: str | None, generation: int,
                       encoding_note: str = "") -> int | None:
        if generation != self.open_generation:
            return None
        self.encoding_note = encoding_note
        self.document, self.decisions, self.decisions_note = doc, decisions, note
        self.lines = LineIndex(doc.text)
        self.matches, self.resolved, self.statuses, self.focused_match = [], {}, [], None
        self.view.show(doc)
        self.panel.show_nothing("Decoding…")
        self.sub_title = doc.path.name if doc.path is not None else doc.name
        self.decode_generation += 1
        self.timings["shown"] = perf_counter()
        self._set_busy("decoding…")
        return self.decode_generation

    def _show_matches(self, doc: Document, matches: list[Match], generation: int) -> None:
        if generation != self.decode_generation or doc is not self.document:
            return
        anchor = self.matches[self.focused_match].start if self.focused_match is not None and self.matches else None
        self.matches = matches
        self._resolve()
        self.focused_match = None
        if anchor is not None:
            self.focused_match = next((i for i, m in enumerate(matches) if m.start == anchor), None)
        self.view.set_matches(matches, self.statuses, self.focused_match)
        self.timings["highlighted"] = perf_counter()
        self._set_busy(None)
        self._refresh_panel()

    def _resolve(self) -> None:
        self.resolved = self.decisions.resolve(self.matches)
        self.statuses = [self.resolved[i].status if i in self.resolved else None for i in range(len(self.matches))]

    def _refresh_panel(self) -> None:
        if self.document is None:
            self.panel.show_nothing("No transcript open.")
        elif self.focused_match is None or self.lines is None:
            self.panel.show_nothing(self._nothing_focused())
        else:
            self.panel.show_match(self.document, self.lines, self.matches, self.focused_match,
                                  self.statuses[self.focused_match], self.clean)

    def _nothing_focused(self) -> str:
        """What the panel says when no match is focused: honest about empty files and busy decoding."""
        assert self.document is not None
        n = len(self.matches)
        if not self.document.text.strip():
            return "The file is empty: there is nothing to decode."
        if self.busy:
            return "Decoding…"
        if n:
            return f"{n} match{'es' if n != 1 else ''}. Press n for the next one, m for the list."
        if not self.dictionaries:
            return "No dictionaries are loaded, so nothing can be found."
        return f"No jargon found at threshold {self.threshold:g}. Press - to lower it."

    def _update_status(self) -> None:
        try:
            status = self.main_screen.query_one("#status", Static)
        except Exception:
            return
        parts = []
        if self.document is not None:
            n = len(self.matches)
            dismissed = self.statuses.count(DISMISSED)
            confirmed = self.statuses.count(CONFIRMED)
            where = f"match {self.focused_match + 1}/{n}" if self.focused_match is not None else f"{n} matches"
            parts.append(where)
            if dismissed or confirmed:
                parts.append(f"{dismissed} dismissed, {confirmed} confirmed")
            if self.encoding_note and self.document.path is not None:
                parts.append(self.encoding_note)
        parts.append(f"threshold {self.threshold:g}")
        if self.translate:
            parts.append("translate view")
        if self.clean:
            parts.append("clean meanings")
        if self.colour_by != "tag":
            parts.append(f"colour by {self.colour_by}")
        if self.busy:
            parts.append(self.busy)
        status.update(Text(" · ".join(parts)))

    # -- navigation ------------------------------------------------------------------------
    def focus_match(self, index: int | None) -> None:
        if index is None or not 0 <= index < len(self.matches):
            return
        self.focused_match = index
        self.view.set_focused(index)
        self._refresh_panel()
        self._update_status()

    def _step(self, delta: int) -> None:
        if not self.matches:
            self.notify("No matches." if self.busy is None else "Still decoding…")
            return
        n = len(self.matches)
        if self.focused_match is None:
            index = 0 if delta > 0 else n - 1
        else:
            index = (self.focused_match + delta) % n
        self.focus_match(index)

    def action_next_match(self) -> None:
        self._step(1)

    def action_prev_match(self) -> None:
        self._step(-1)

    # -- triage ------------------------------------------------------------------------------
    def _triage(self, status: str | None) -> None:
        if self.focused_match is None:
            self.notify("No match selected: press n first.")
            return
        self.triage_at(self.focused_match, status)

    def triage_at(self, index: int, status: str | None) -> list[str | None]:
        """Dismiss or confirm match ``index`` (the same again, or None: undo); returns every match's status."""
        m = self.matches[index]
        previous = self.resolved.get(index)
        if previous is not None:
            self.decisions.remove(previous)
        if status is not None and (previous is None or previous.status != status):
            self.decisions.set(m, status)
        self._save_decisions()     # merges what other sessions saved meanwhile: resolve after it
        self._resolve()
        self.view.set_statuses(self.statuses)
        self._refresh_panel()
        self._update_status()
        return self.statuses

    def _save_decisions(self) -> None:
        if self.decisions.path is None:
            if self.decisions_note:
                self.notify(self.decisions_note, severity="warning")
                self.decisions_note = None    # say it once
            return
        try:
            save_decisions(self.decisions)
        except (JargonError, OSError) as exc:
            self.notify(f"cannot save decisions: {exc}", severity="error")

    def action_dismiss_match(self) -> None:
        self._triage(DISMISSED)

    def action_confirm_match(self) -> None:
        self._triage(CONFIRMED)

    def action_clear_decision(self) -> None:
        self._triage(None)

    # -- screens -------------------------------------------------------------------------------
    def action_show_matches(self) -> None:
        if self.document is None:
            self.notify("Open a transcript first.")
            return
        self.push_screen(MatchesScreen(self.document, self.matches, self.statuses, self.triage_at,
                                       self.view.tag_legend()), self.focus_match)

    def action_search(self) -> None:
        if self.pm is None:
            self.notify("Still loading the dictionaries…")
            return
        self.push_screen(SearchScreen(self.dictionaries, self.document, self.matches), self.focus_match)

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_open_file(self) -> None:
        start = self.document.path.parent if self.document is not None and self.document.path else Path.cwd()
        def opened(path: str | None) -> None:
            if path:
                self.open_path(path)

        self.push_screen(OpenDialog(start), opened)

    def action_paste_text(self) -> None:
        def pasted(text: str | None) -> None:
            if text:
                self.open_text(text)

        self.push_screen(PasteDialog(), pasted)

    # -- add entry ------------------------------------------------------------------------------
    def selected_phrase(self) -> str:
        """The text for a new entry: the selection, else the focused match, trimmed of punctuation."""
        if self.document is None:
            return ""
        rng = None if self.view.translate else self.view.selected_range()
        if rng is None and self.focused_match is not None:
            m = self.matches[self.focused_match]
            rng = (m.start, m.end)
        if rng is None:
            return ""
        return trim_phrase(self.document.text[rng[0]:rng[1]])

    def action_add_entry(self) -> None:
        self.push_screen(AddEntryDialog(self.selected_phrase()), self._add_entry_done)

    def action_discover(self) -> None:
        if self.document is None:
            self.notify("Open a transcript first.", severity="warning")
            return
        from .discover_view import DiscoverScreen

        self.push_screen(DiscoverScreen(self.decoded_with_decisions(), self._add_entry_done))

    def _add_entry_done(self, result: dict | None) -> None:
        if not result:
            return
        from jargon.dictionary import load_dictionary
        from jargon.userdict import add_user_entry

        try:
            path, entry = add_user_entry(result["phrase"], result["meaning"], result["tags"],
                                         variants=result.get("variants", ()), examples=result.get("examples", ()))
            added = load_dictionary(path)
        except JargonError as exc:
            self.notify(str(exc), severity="error", title="entry not added")
            return
        except OSError as exc:
            self.notify(f"cannot write the user dictionary: {exc}", severity="error", title="entry not added")
            return
        kept = [d for d in self.dictionaries
                if not (d.name == added.name or (d.path is not None and d.path.resolve() == path.resolve()))]
        self.dictionaries = kept + [added]
        self.decoder = None
        self.main_screen.selections = {}
        self.notify(f"Added «{entry.phrase}» to {path}", title="entry added")
        self.redecode()

    # -- threshold and views ---------------------------------------------------------------------
    def set_threshold(self, value: float | None) -> None:
        if value is None:
            return
        value = max(0.0, min(100.0, float(value)))
        if value == self.threshold:
            return
        self.threshold = value
        self._threshold_given = True
        self._update_status()
        self.redecode()

    def action_threshold_up(self) -> None:
        self.set_threshold(self.threshold + THRESHOLD_STEP)

    def action_threshold_down(self) -> None:
        self.set_threshold(self.threshold - THRESHOLD_STEP)

    def action_set_threshold(self) -> None:
        self.push_screen(ThresholdDialog(self.threshold), self.set_threshold)

    def action_toggle_translate(self) -> None:
        self.translate = not self.translate
        self.view.set_mode(translate=self.translate)
        self._update_status()

    def action_toggle_clean(self) -> None:
        self.clean = not self.clean
        self.view.set_mode(clean=self.clean)
        self._refresh_panel()
        self._update_status()

    def action_toggle_panel(self) -> None:
        self.panel.toggle_class("-hidden")

    def action_toggle_colour(self) -> None:
        self.colour_by = "score" if self.colour_by == "tag" else "tag"
        self.view.set_mode(colour_by=self.colour_by)
        self._update_status()

    # -- reload -------------------------------------------------------------------------------------
    def action_reload(self) -> None:
        self._set_busy("reloading dictionaries…")
        self._reload_worker()

    @work(thread=True, group="load", exit_on_error=False)
    def _reload_worker(self) -> None:
        from jargon.plugins import reset_plugin_manager

        with self._lock:
            reset_plugin_manager()
            self.pm, self.decoder = None, None
            try:
                self._ensure_plugins()
            except Exception as exc:
                self._notify(f"cannot load plugins: {type(exc).__name__}: {exc}", "error")
        self._ui(self._reloaded)

    def _reloaded(self) -> None:
        self.notify(f"{len(self.dictionaries)} dictionaries loaded.")
        if self.document is not None:
            self.redecode()
        else:
            self._set_busy(None)

    # -- export --------------------------------------------------------------------------------------
    def decoded_with_decisions(self) -> DecodedDocument:
        assert self.document is not None
        return apply_decisions(DecodedDocument(self.document, list(self.matches)), self.decisions)

    def export_formats(self) -> dict:
        from jargon.contributions import OutputFormat

        formats = dict(self.pm.output_formats()) if self.pm is not None else {}
        if TRANSLATED not in formats:
            formats[TRANSLATED] = OutputFormat(TRANSLATED, "the text with each phrase replaced by [meaning]",
                                               "txt", lambda out, docs, options: None)
        return formats

    def action_export(self) -> None:
        if self.document is None:
            self.notify("Open a transcript first.")
            return
        if self.busy:
            self.notify("Still decoding: export when the highlights are shown.")
            return
        doc = self.document
        if doc.path is not None:
            stem = doc.path.with_name(doc.path.name[: -len(doc.path.suffix)] if doc.path.suffix else doc.path.name)
        else:
            stem = Path.cwd() / "pasted"
        stem = stem.with_name(stem.name + ".decoded")
        inputs = (doc.path,) if doc.path is not None else ()
        self.push_screen(ExportDialog(self.export_formats(), stem, "html", inputs),
                         self._export_chosen)

    def _export_chosen(self, result: tuple | None) -> None:
        if result:
            self.export(*result)

    def export(self, format_name: str, path: str) -> None:
        self._export_worker(format_name, path, self.decoded_with_decisions(), self.clean)

    @work(thread=True, group="export", exit_on_error=False)
    def _export_worker(self, format_name: str, path: str, decoded: DecodedDocument, clean: bool) -> None:
        from jargon import export
        from jargon.contributions import RenderOptions

        target = Path(path).expanduser()
        source = decoded.document.path
        try:
            export.check_output(target, export.protected_files([source] if source else [], None, self.dictionaries))
            if format_name == TRANSLATED:
                export.save(target, export.translation([decoded], clean))
            else:
                fmt = self.export_formats()[format_name]
                options = RenderOptions(clean=clean, dictionaries=tuple(self.dictionaries),
                                        extra={"threshold": self.threshold})
                export.save(target, export.render(fmt, [decoded], options))
        except JargonError as exc:
            self._notify(str(exc), "error", "export failed")
            return
        n = len(decoded.matches)
        self._notify(f"Exported {n} match{'es' if n != 1 else ''} to {target} ({format_name}).", title="exported")
        self.timings["exported"] = perf_counter()


__all__ = ["JargonApp"]
