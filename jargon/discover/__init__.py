"""``jargon discover``: candidate jargon found in the transcripts themselves, that no installed dictionary covers.

The parts, one module each:

- :mod:`.scan`: the decoded documents as tokens with lemma, speaker, utterance and whether a
  dictionary match already covers them (the session's decoder decides what is covered);
- :mod:`.reference`: the general-language word frequencies (wordfreq, an optional extra), loaded
  lazily and only here;
- :mod:`.anglicisms`: Cyrillic words built on an English root with Russian prefixes and endings;
- :mod:`.keyness`: words used far more here than in general language, by several speakers;
- :mod:`.formulas`: recurring multi-word expressions that several speakers repeat;
- :mod:`.candidates`: the candidate record and the ranking of all kinds together;
- :mod:`.output`: table, CSV, JSON and JSON Lines; :mod:`.draft`: a draft TOML dictionary;
- :mod:`.rejected`: the candidates the researcher rejected, so they do not come back.
"""
from __future__ import annotations

KINDS = ("anglicism", "term", "formula")
FORMATS = ("table", "csv", "json", "jsonl", "toml")
