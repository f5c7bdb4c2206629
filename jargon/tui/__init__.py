"""The Textual app behind ``jargon tui``: read a transcript with its jargon decoded.

Only ``jargon tui`` imports this package; the rest of jargon never imports Textual.
Layout: ``app.py`` (the App, its actions and workers), ``screens/`` (modal and full
screens), ``widgets/`` (the transcript view and the match panel), ``app.tcss``
(styles), ``commands.py`` (the command-palette provider). The plain-Python helpers
``display.py`` (text layout), ``search.py`` (dictionary search) and ``summary.py``
(counts) import no Textual and are unit-tested on their own.
"""
