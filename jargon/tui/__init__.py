"""The Textual app behind ``jargon tui``: read a transcript with its jargon decoded.

Only ``jargon tui`` imports this package; the rest of jargon never imports Textual.
Layout: ``app.py`` (the App, its actions and workers), ``screens/`` (the main screen,
matches, dictionary search, help, dialogs), ``widgets/`` (the transcript view and the
match panel), ``app.tcss`` (styles), ``commands.py`` (the command-palette provider).
``display.py`` (what the transcript view shows: text, spans, wrapped lines) imports no
Textual and is unit-tested on its own. Dictionary search is ``jargon.search`` and the
summary counts are ``jargon.stats``, shared with ``jargon lookup`` and ``jargon stats``.
"""
