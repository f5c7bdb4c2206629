"""The jargon plugin: contributes the ``ru-extended`` dictionary (Russian is built into jargon)."""
from __future__ import annotations

from pathlib import Path

from jargon.hookspecs import hookimpl

DICTIONARY_PATH = Path(__file__).resolve().parent / "ru-extended.toml"


@hookimpl
def jargon_dictionaries():
    return [DICTIONARY_PATH]
