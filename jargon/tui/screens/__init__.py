"""Screens of the jargon TUI (the main screen is the App's own)."""
