"""Why a candidate matched (or did not): the alignment, the rules, the parts of the score, the guards.

``explain_window`` turns a scored window into a plain dict (JSON-ready) that ``--explain``
prints and the ``json``/``jsonl`` formats carry as the ``explain`` field:

* ``pattern``: the headword or variant that matched, and its kind;
* ``words``: each pattern word with the text word aligned to it, by which rule (exact,
  inflection, stem, synonym, spelling, translit, prefix, derived, typo with its edit
  distance, joined, or a slot: person, open, grammar) and its similarity;
* ``score``: matched weight, pattern weight, inserted weight, coverage, Dice, order
  factor, and the score they make (``100 x Dice x order``);
* ``guards``: what was checked besides the score (address position, literal
  collocations of the entry, the script of the line; the decoder adds the entry's context
  guard, jargon.engine.context);
* ``rejected``: for a near miss, why it was refused.
"""
from __future__ import annotations

from rapidfuzz.distance import OSA

from .cache import unscoped
from .patterns import GRAM, OPEN, PERSON, Pattern
from .scoring import Window

SLOT_RULES = {PERSON: "person slot", OPEN: "open slot", GRAM: "grammar slot"}


def _rule(lex, form: str, c: int) -> tuple[str, int | None]:
    """The rule that made text ``form`` a word of class ``c`` (and a typo's edit distance)."""
    rule = lex.how.get(form, {}).get(c, "form")
    word = lex.class_word[c] if c < len(lex.class_word) else ""
    if rule == "form":
        return ("exact" if form == word else "inflection"), None
    if rule in ("typo", "translit") and form.isalpha():
        forms = [f for f, classes in lex.forms.items() if c in classes] or [word]
        distance = min(OSA.distance(form, f) for f in forms)
        return rule, distance if rule == "typo" else None
    return rule, None


def explain_window(w: Window, pat: Pattern, toks, context: tuple, threshold: float,
                   rejected: str | None = None, headword: str | None = None) -> dict:
    lex, norms, piece, base = context
    classes = lex.pclasses[w.pid]
    words = []
    for j, tok in enumerate(pat.tokens):
        at = (w.assigned or {}).get(j)
        item: dict = {"pattern": unscoped(tok.word), "weight": round(tok.weight, 2)}
        if at is None:
            item.update(text=None, rule="missing", similarity=0.0)
        else:
            i, sim = at
            item["text"] = piece[toks.starts[i] - base:toks.ends[i] - base]
            if tok.slot:
                item["rule"] = SLOT_RULES.get(tok.kind, "slot")
            else:
                rule, distance = _rule(lex, norms[i], classes[j])
                item["rule"] = rule
                if distance is not None:
                    item["distance"] = distance
            item["similarity"] = round(sim, 3)
        words.append(item)
    dice = 2 * w.matched / (pat.total + w.matched + w.inserted) if pat.total + w.matched + w.inserted else 0.0
    guards = []
    if pat.anchored:
        guards.append({"guard": "address", "passed": rejected != "not an address here",
                       "rule": "opens an utterance, not quoted alone; set off (no relative clause after "
                               "the comma), or followed by a question or an imperative"})
    literals = [unscoped(lex.patterns[lp].text) for lp in lex.literals.get(pat.entry, ())]
    if literals:
        vetoed = rejected.startswith("a literal use") if rejected else False
        guards.append({"guard": "literal", "passed": not vetoed, "checked": literals})
    if len(pat.words) == 1 and lex.analyzer.letters is not None:
        guards.append({"guard": "script", "passed": rejected != "a one-word phrase in text of another script",
                       "rule": "a one-word phrase in text of another script needs a listed spelling"})
    out = {
        "pattern": unscoped(pat.text),
        "pattern_kind": "headword" if unscoped(pat.text) == headword else "variant",
        "words": words,
        "score": {
            "matched": round(w.matched, 3), "pattern": round(pat.total, 3), "inserted": round(w.inserted, 3),
            "coverage": round(w.coverage, 3), "dice": round(dice, 3), "order": round(w.order, 3),
            "score": round(min(100.0, w.score), 1), "threshold": threshold,
        },
        "guards": guards,
    }
    if rejected:
        out["rejected"] = rejected
    return out


def explain_lines(explanation: dict) -> list[str]:
    """The explanation as a few readable lines (the text format's --explain)."""
    lines = [f"pattern  {explanation['pattern']!r} ({explanation['pattern_kind']})"]
    parts = []
    for wd in explanation["words"]:
        if wd["text"] is None:
            parts.append(f"{wd['pattern']}: missing")
        else:
            extra = f", {wd['distance']} edit{'s' if wd['distance'] != 1 else ''}" if "distance" in wd else ""
            parts.append(f"{wd['text']}={wd['pattern']} ({wd['rule']}{extra}, {wd['similarity']:.2f})")
    lines.append("words    " + " · ".join(parts))
    sc = explanation["score"]
    lines.append(f"score    100 x Dice(matched {sc['matched']:.2f}, pattern {sc['pattern']:.2f}, inserted "
                 f"{sc['inserted']:.2f}) {sc['dice']:.3f} x order {sc['order']:.2f} = {sc['score']:g} "
                 f"(coverage {sc['coverage']:.2f}, threshold {sc['threshold']:g})")
    for g in explanation["guards"]:
        detail = ", ".join(repr(c) for c in g["checked"]) if "checked" in g else g.get("rule", "")
        lines.append(f"guard    {g['guard']}: {'passed' if g['passed'] else 'FAILED'} ({detail})")
    return lines
