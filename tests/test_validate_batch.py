"""``jargon.validate.decode_each``: decoding the variants and examples of a dictionary in one
call finds, for each, exactly what decoding it alone finds (``dict validate`` relies on it)."""
from __future__ import annotations

from pathlib import Path

import pytest

from jargon.catalog import builtin_dictionary_dir
from jargon.dictionary import load_dictionary
from jargon.engine.decoder import Decoder
from jargon.plugins import get_plugin_manager
from jargon.validate import decode_each

pytestmark = pytest.mark.usefixtures("plugins_on")


def _shipped():
    import jargon_en_corporate
    import jargon_ru_extended

    return [builtin_dictionary_dir() / "ru-corporate.toml",
            Path(jargon_en_corporate.__file__).parent / "en-corporate.toml",
            Path(jargon_ru_extended.__file__).parent / "ru-extended.toml"]


@pytest.mark.parametrize("path", _shipped(), ids=lambda p: p.stem)
def test_each_shipped_variant_and_example_as_if_decoded_alone(path):
    d = load_dictionary(path)
    decoder = Decoder([d], languages=get_plugin_manager().languages())
    texts = [v for e in d.entries for v in e.variants] + [x for e in d.entries for x in e.examples]
    assert len(texts) > 50
    together = decode_each(decoder, texts)
    alone = [decoder.decode(t) for t in texts]
    assert together == alone
    assert sum(map(len, together)) > len(texts) // 2      # most of them find something


def test_texts_that_touch_or_span_lines():
    d = load_dictionary(builtin_dictionary_dir() / "ru-corporate.toml")
    decoder = Decoder([d], languages=get_plugin_manager().languages())
    phrase = d.entries[0].phrase
    texts = [phrase, "", phrase + "\n" + phrase, "İ " + phrase, "нет ничего", phrase + " " + phrase]
    assert decode_each(decoder, texts) == [decoder.decode(t) for t in texts]
    assert decode_each(decoder, []) == []
