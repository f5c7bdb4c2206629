"""Text analysis: normalisation, tokenisation with offsets, transliteration, per-language analysers."""
