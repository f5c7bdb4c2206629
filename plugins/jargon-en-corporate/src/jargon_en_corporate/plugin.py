"""The jargon plugin: registered through the ``jargon`` entry-point group.

Contributes the ``en-corporate`` dictionary and the English language. Importing
this module is cheap: the stemmer is loaded only when the analyzer first stems.
"""
from __future__ import annotations

from pathlib import Path

from jargon.contributions import Language
from jargon.hookspecs import hookimpl

DICTIONARY_PATH = Path(__file__).resolve().parent / "en-corporate.toml"


def english() -> Language:
    from .analyzer import EnglishAnalyzer

    return Language("en", "English", EnglishAnalyzer)


@hookimpl
def jargon_dictionaries():
    return [DICTIONARY_PATH]


@hookimpl
def jargon_languages():
    return [english()]
