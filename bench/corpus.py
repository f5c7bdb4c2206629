"""The synthetic interview-transcript corpus: filler talk with planted jargon.

Transcripts look like ``[00:12:31] Ольга: ...``: interviews (an interviewer asks,
a respondent answers at length) and meetings (several people, short turns), one
turn per line, a header line per transcript and a blank line between them.
Sentences are built from templates over the inflected vocabulary (vocab.py) with
agreement of subject and verb, adjective and noun. Every so many words (a random,
exponentially distributed gap) a sentence is replaced by a planted seed phrase
(plant.py) or a sentence that uses jargon words literally (hard negatives); the
exact offsets of both are recorded.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

import plant as P
import vocab as V
import wordlists as W

PRONOUNS = [("я", "1per", "sing", None), ("ты", "2per", "sing", None), ("он", "3per", "sing", "masc"),
            ("она", "3per", "sing", "femn"), ("мы", "1per", "plur", None), ("вы", "2per", "plur", None),
            ("они", "3per", "plur", None)]
STT_RATE = 0.12     # share of turns written as speech-to-text gives them (lower case, no punctuation)
NUMBERS = ["раза три в неделю", "процентов на двадцать", "в 2023 году", "за 15 минут", "человек пять",
           "часа два", "до 18:00", "на 10%", "тысяч на сорок", "в прошлом квартале", "раз в месяц", "к 9 утра",
           "с 2019 года", "минут сорок", "дня три", "человек на двенадцать"]


@dataclass
class Corpus:
    text: str
    planted: list[dict] = field(default_factory=list)
    literals: list[dict] = field(default_factory=list)
    words: int = 0


class Talk:
    """Filler sentences."""

    def __init__(self, vocab: V.Vocabulary, rng: random.Random):
        self.v = vocab
        self.rng = rng

    def np(self, case: str, adj_rate: float = 0.35) -> tuple[str, str | None, str]:
        """A noun phrase in ``case``: (text, gender, number)."""
        n = self.v.nouns.draw(self.rng)
        number = "plur" if self.rng.random() < 0.3 else "sing"
        if (case, number) not in n.forms:
            number = "sing" if number == "plur" else "plur"
        word = n.forms.get((case, number)) or n.forms.get(("nomn", number)) or next(iter(n.forms.values()))
        gender = n.gender if number == "sing" else None
        if self.rng.random() < adj_rate:
            a = self.v.adjectives.draw(self.rng)
            adj = a.forms.get((case, number, gender))
            if adj:
                word = f"{adj} {word}"
        return word, gender, number

    def pp(self) -> str:
        prep, case = self.rng.choice(W.PREPOSITIONS)
        if self.rng.random() < 0.06:
            return f"{prep} {self.rng.choice(W.LATIN_TOKENS)}"
        np = self.np(case)[0]
        if prep in ("с", "к", "в") and np[:2].lower() in ("со", "ко", "вс", "вв", "сс", "кк", "ст", "вт"):
            prep += "о"
        return f"{prep} {np}"

    def clause(self) -> str:
        rng = self.rng
        r = rng.random()
        parts = []
        if r < 0.45:
            pron, person, number, gender = rng.choice(PRONOUNS)
            if gender is None and number == "sing":
                gender = rng.choice(("masc", "femn"))
            parts.append(pron)
        elif r < 0.88:
            subj, gender, number = self.np("nomn", 0.3)
            person = "3per"
            parts.append(subj)
        else:   # impersonal: "было сложно", "надо ..."
            parts.append(rng.choice(["было", "будет", "стало", "надо", "нужно", "можно", "нельзя"]))
            if parts[0] in ("было", "будет", "стало"):
                parts.append(self.v.adverbs.draw(rng))
            else:
                parts.append(self.v.verbs.draw(rng).inf)
                if rng.random() < 0.6:
                    parts.append(self.np("accs")[0])
            return " ".join(parts)
        if rng.random() < 0.35:
            parts.append(self.v.adverbs.draw(rng))
        if rng.random() < 0.12:
            parts.append("не")
        verb = self.v.verbs.draw(rng)
        if rng.random() < 0.5:
            form = verb.past.get(gender if number == "sing" else "plur")
        else:
            form = verb.pres.get((person, number))
        parts.append(form or verb.inf)
        if rng.random() < 0.5:
            parts.append(self.np("accs")[0])
        if rng.random() < 0.45:
            parts.append(self.pp())
        if rng.random() < 0.08:
            parts.append(rng.choice(NUMBERS))
        return " ".join(parts)

    def sentence(self) -> str:
        rng = self.rng
        r = rng.random()
        end = rng.choice([".", ".", ".", ".", ".", "...", "!", "?"]) if r < 0.9 else "?"
        if r < 0.45:
            s = self.clause()
        elif r < 0.6:
            s = rng.choice(W.CLAUSE_OPENERS) + self.clause()
        elif r < 0.8:
            s = self.clause() + rng.choice(W.CONJUNCTIONS) + self.clause()
        elif r < 0.88:
            s = f"у нас {self.pp()} {self.np('nomn')[0]}"
        elif r < 0.94:
            return rng.choice(W.SHORT_REPLIES)
        else:
            s, end = "а " + self.np("nomn")[0], "?"
        if rng.random() < 0.3:
            s = rng.choice(W.DISCOURSE) + ", " + s[0].lower() + s[1:]
        return s[0].upper() + s[1:] + end

    def question(self) -> str:
        frame = self.rng.choice(W.QUESTION_FRAMES)
        return frame.format(np_nomn=self.np("nomn")[0], np_accs=self.np("accs")[0], np_loct=self.np("loct")[0],
                            np_ablt=self.np("ablt")[0], np_gent=self.np("gent")[0])


class Writer:
    """Accumulates the corpus text, counting words and recording spans."""

    def __init__(self, target_words: int, rng: random.Random, plant_every: float, literal_every: float):
        self.parts: list[str] = []
        self.pos = 0
        self.words = 0
        self.target = target_words
        self.rng = rng
        self.plant_every = plant_every
        self.literal_every = literal_every
        self.next_plant = rng.expovariate(1 / plant_every)
        self.next_literal = rng.expovariate(1 / literal_every)
        self.planted: list[dict] = []
        self.literals: list[dict] = []
        self.line = 1

    def write(self, s: str) -> int:
        start = self.pos
        self.parts.append(s)
        self.pos += len(s)
        self.words += len(s.split())
        self.line += s.count("\n")
        return start

    @property
    def full(self) -> bool:
        return self.words >= self.target


class Generator:
    def __init__(self, seed: int, words: int, seed_entries: list[dict], plant_every: float = 400.0,
                 literal_every: float = 2500.0):
        self.seed = seed
        self.rng = random.Random(seed)
        self.vocab = V.Vocabulary(seed)
        self.talk = Talk(self.vocab, self.rng)
        self.planter = P.Planter(random.Random(seed + 1), seed_entries)
        self.literal_names = [V.inflect_name(n, "ablt") for n in W.SLOT_NAMES]
        self.out = Writer(words, random.Random(seed + 2), plant_every, literal_every)

    def run(self) -> Corpus:
        n = 0
        while not self.out.full:
            n += 1
            self.transcript(n)
        text = "".join(self.out.parts)
        return Corpus(text, self.out.planted, self.out.literals, self.out.words)

    def transcript(self, n: int) -> None:
        rng, out = self.rng, self.out
        interview = rng.random() < 0.6
        company = rng.choice(W.COMPANIES)
        kind = "Интервью" if interview else "Встреча"
        out.write(f"{kind} {n}: {company}, {rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.2024\n")
        t = rng.randint(0, 120)
        if interview:
            speakers = [rng.choice(W.SPEAKERS_INTERVIEW), rng.choice(W.SPEAKERS)]
        else:
            speakers = rng.sample(W.SPEAKERS, rng.randint(3, 6))
        turns = rng.randint(40, 160)
        for i in range(turns):
            if out.full:
                break
            if interview:
                asking = i % 2 == 0
                who = speakers[0] if asking else speakers[1]
                count = 1 if asking else rng.randint(1, 8)
            else:
                asking = False
                who = rng.choice(speakers)
                count = rng.randint(1, 4)
            prefix = f"[{t // 3600:02d}:{t // 60 % 60:02d}:{t % 60:02d}] {who}: "
            out.write(prefix)
            before = out.words
            self.utterance(asking, count)
            out.write("\n")
            t += int((out.words - before) / 2.5) + rng.randint(1, 6)
        out.write("\n")

    def utterance(self, asking: bool, count: int) -> None:
        rng, out = self.rng, self.out
        stt = rng.random() < STT_RATE
        for k in range(count):
            if k:
                out.write(" ")
            if not asking and out.words >= out.next_plant:
                out.next_plant = out.words + out.rng.expovariate(1 / out.plant_every)
                p = self.planter.plant(stt_style=stt, utterance_start=k == 0)
                base = out.write(p.sentence)
                out.planted.append({"start": base + p.start, "end": base + p.end, "entry": p.entry,
                                    "kind": p.kind, "text": p.sentence[p.start:p.end], "line": out.line})
                continue
            if not asking and out.words >= out.next_literal:
                out.next_literal = out.words + out.rng.expovariate(1 / out.literal_every)
                entry, s = rng.choice(W.LITERAL_USES)
                s = s.format(name=rng.choice(self.literal_names))
                s = P.stt(s) if stt else s
                base = out.write(s)
                out.literals.append({"start": base, "end": base + len(s), "like": entry, "text": s,
                                     "line": out.line})
                continue
            s = self.talk.question() if asking else self.talk.sentence()
            out.write(P.stt(s) if stt else s)


def generate(seed: int, words: int, seed_entries: list[dict]) -> Corpus:
    """The corpus; ``seed_entries`` (the seed dictionary's entries) say which variants may be planted."""
    corpus = Generator(seed, words, seed_entries).run()
    for rec in corpus.planted + corpus.literals:   # the offsets are the contract: check them
        assert corpus.text[rec["start"]:rec["end"]] == rec["text"], rec
    return corpus
