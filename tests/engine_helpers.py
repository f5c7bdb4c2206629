"""Shared helpers for engine tests: the seed dictionary and a decoder built once, and small
dictionaries written inline."""
from __future__ import annotations

import textwrap
from functools import lru_cache
from pathlib import Path

from jargon.builtin.russian import RussianAnalyzer
from jargon.contributions import Language
from jargon.dictionary import load_dictionary, parse_dictionary
from jargon.engine.decoder import Decoder
from jargon.model import Dictionary

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "dictionaries" / "ru-corporate.toml"
RU = {"ru": Language("ru", "Russian", RussianAnalyzer)}


def toml_dictionary(toml: str) -> Dictionary:
    """A dictionary from TOML written inline (indented in the test)."""
    return parse_dictionary(textwrap.dedent(toml))


def small_decoder(toml: str, languages: dict | None = None) -> Decoder:
    """A decoder of one inline dictionary, with the Russian analyser unless ``languages`` says otherwise."""
    return Decoder([toml_dictionary(toml)], languages=RU if languages is None else languages)


@lru_cache(maxsize=1)
def seed_dictionary():
    return load_dictionary(SEED)


@lru_cache(maxsize=4)
def seed_decoder(threshold: float | None = None) -> Decoder:
    return Decoder([seed_dictionary()], threshold=threshold, languages=RU)


@lru_cache(maxsize=1)
def english_decoder() -> Decoder:
    """A decoder of the en-corporate pack with its English analyser, built once (the plugin
    must be installed: the tests that use it are about it)."""
    from jargon_en_corporate.plugin import DICTIONARY_PATH, english

    return Decoder([load_dictionary(DICTIONARY_PATH)], languages={"en": english()})


def found(text: str, decoder: Decoder | None = None) -> list[tuple[str, str]]:
    """[(entry id, surface)] for every match, checking offsets on the way."""
    decoder = decoder or seed_decoder()
    out = []
    for m in decoder.decode(text):
        assert text[m.start:m.end] == m.text
        out.append((m.entry.id, m.text))
    return out


def ids(text: str, decoder: Decoder | None = None) -> list[str]:
    return [i for i, _ in found(text, decoder)]


def decoded_ids(decoder: Decoder, text: str) -> list[str]:
    """The entry ids of ``decoder``'s matches in ``text`` (offsets checked), decoder first."""
    return ids(text, decoder)
