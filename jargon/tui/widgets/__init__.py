"""Widgets of the jargon TUI."""
from .match_panel import MatchPanel
from .transcript import TranscriptView

__all__ = ["MatchPanel", "TranscriptView"]
