"""Property tests: decoding arbitrary text never raises, and offsets always slice the input."""
from __future__ import annotations

from engine_helpers import seed_decoder, seed_dictionary
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PIECES = [e.phrase for e in seed_dictionary().entries] + [
    "подсвечу Диме точки роста", "фолоуап", "follow-up", "challenge-ить", "за брал", "впланах", "Коллеги",
    "ё", "\u00a0", "\u0301", "—", "«", "»", "\n", "İ", "ß", "ﬁ", "Σ", "🙂", "[00:01:02] Оля:",
]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=25).map(" ".join),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=40).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_decode_never_raises_and_offsets_slice_the_input(text):
    matches = seed_decoder().decode(text)
    last_end = -1
    for m in matches:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= last_end          # sorted and non-overlapping
        last_end = m.end
        assert 0 < m.score <= 100


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60), st.sampled_from([e.phrase for e in seed_dictionary().entries]), st.text(max_size=60))
def test_a_headword_between_unrelated_text_keeps_exact_offsets(left, phrase, right):
    text = f"{left}\n{phrase}\n{right}"
    for m in seed_decoder().decode(text):
        assert text[m.start:m.end] == m.text


# The tokeniser is written for speed (possessive quantifiers, column-wise passes); these
# check it against plain definitions.
_PLAIN_WORD = (r"[^\W_](?:[^\W_]|[\u0300-\u036f])*(?:[-'’][^\W_](?:[^\W_]|[\u0300-\u036f])*)*"
               r"(?:(?<=[A-Za-z])['’](?![^\W_]))?")
token_texts = st.one_of(
    texts, st.text(alphabet="аbZ1_ -'’\u0301\u0300.,;:!?«»\"()\n\u00a0İ", max_size=40))


@settings(max_examples=400, deadline=None)
@given(token_texts, st.integers(min_value=0, max_value=1000))
def test_tokens_are_the_plain_definition_with_utterances_opened_by_boundaries(text, base):
    import re

    from jargon.text.tokens import BOUNDARY_RE, WORD_RE, tokenize

    spans = [m.span() for m in re.finditer(_PLAIN_WORD, text)]
    assert WORD_RE.findall(text) == [text[s:e] for s, e in spans]
    toks = tokenize(text, base)
    assert list(zip(toks.starts, toks.ends, strict=True)) == [(base + s, base + e) for s, e in spans]
    for i in range(len(spans)):
        between = text[spans[i - 1][1]:spans[i][0]] if i else ""
        assert toks.opens[i] == (i == 0 or bool(BOUNDARY_RE.search(between)))
        assert i == 0 or (toks.utts[i] != toks.utts[i - 1]) == toks.opens[i]
