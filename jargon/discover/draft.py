"""A draft dictionary from candidates: one entry per candidate, the meaning left for the researcher.

Each entry has the candidate's lemma as headword, the other forms seen as variants (so the
decoder finds exactly what was said, even where pymorphy3 cannot inflect a new word), the
sentences it was said in as examples, and a tag of its kind. ``meaning`` is empty with a
``# TODO`` comment: ``jargon dict validate`` accepts the file once every meaning is written
(until then it reports each empty meaning).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from jargon.model import Dictionary, Entry

from .candidates import Candidate

TODO = "  # TODO: what it really means (written by the researcher)"
MAX_VARIANTS = 8


def draft_entries(cands: Sequence[Candidate]) -> list[Entry]:
    from jargon.dictionary import new_entry_id

    taken: set[str] = set()
    phrases: set[str] = set()
    entries = []
    for cand in cands:
        forms = [f for f, _ in cand.forms.most_common()]
        phrase = cand.lemma if cand.kind != "formula" else forms[0]
        if phrase.lower() in phrases:
            continue
        phrases.add(phrase.lower())
        entry_id = new_entry_id(phrase, taken)
        taken.add(entry_id)
        variants = tuple(f for f in forms if f != phrase.lower())[:MAX_VARIANTS]
        examples = tuple(dict.fromkeys(c.sentence for c in cand.contexts if c.sentence))
        note = f"found by jargon discover: {cand.kind}, said {cand.count} times by {len(cand.speakers)} speakers"
        if cand.english:
            note += f"; English root: {cand.english}"
        entries.append(Entry(id=entry_id, phrase=phrase, meaning="", variants=variants, examples=examples,
                             tags=("discovered", cand.kind), note=note, inflect=True))
    return entries


def draft_toml(cands: Sequence[Candidate], name: str = "discovered") -> str:
    """The draft dictionary's TOML text."""
    from jargon.dictionary import dictionary_to_toml

    d = Dictionary(name=name, entries=tuple(draft_entries(cands)), title="Discovered jargon (draft)",
                   version="0.1.0", description="Candidates found by jargon discover; write each meaning, "
                   "delete what is not jargon, then run: jargon dict validate FILE")
    text = re.sub(r'(?m)^meaning = ""$', lambda m: m.group() + TODO, dictionary_to_toml(d))
    return text if text.endswith("\n") else text + "\n"
