"""Planted jargon: one sentence holding one seed phrase, said the way people say it.

Each entry of the seed dictionary has a generator that returns the sentence in
three parts (text before, the phrase itself, text after) and the set of
modifications applied to the phrase:

- ``inflection``: another grammatical form (подсвечу, забрала, верхнеуровневый план);
- ``slot``: another person in place of "Вася" (Диме, Настины, с Андреем Викторовичем);
- ``variant``: one of the entry's listed variants (Взял в работу, вернусь);
- ``spelling``: a listed spelling of a word (фоллоу-ап, челенджить, щас);
- ``latin``: a Latin spelling (follow-up, agenda);
- ``typo``: one character dropped, doubled or swapped for a similar-sounding one
  in one word (фолоуап, калеги, загрус), names excepted;
- ``stt``: the whole sentence lower-cased without punctuation, as speech-to-text gives it
  (when the utterance around it is in that style).

No modification at all is ``exact``.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass

import vocab
import wordlists as W

_SIMILAR = {"о": "а", "а": "о", "е": "и", "и": "е", "з": "с", "с": "з", "д": "т", "т": "д", "б": "п",
            "п": "б", "в": "ф", "ф": "в", "г": "к", "к": "г", "ж": "ш", "ш": "ж", "э": "е", "я": "е", "ю": "у"}
_PUNCT = re.compile(r"[,.!?:;«»\"…]|\s[—–-](?=\s)")


@dataclass
class Planted:
    sentence: str
    start: int          # offsets of the phrase inside ``sentence``
    end: int
    entry: str
    kind: str           # "exact" or modifications joined with "+"


def make_typo(word: str, rng: random.Random) -> str | None:
    """One character dropped, doubled or swapped for a similar one (never the first letter)."""
    for _ in range(12):
        i = rng.randrange(1, len(word))
        op = rng.random()
        ch = word[i]
        if op < 0.35:
            new = word[:i] + word[i + 1:]
        elif op < 0.6:
            new = word[:i] + ch + word[i:]
        else:
            sub = _SIMILAR.get(ch.lower())
            if not sub:
                continue
            new = word[:i] + (sub.upper() if ch.isupper() else sub) + word[i + 1:]
        if new.lower() != word.lower() and not vocab.morph().word_is_known(new.lower()):
            return new
    return None


def stt(text: str) -> str:
    """Lower-case, no punctuation, single spaces: how speech-to-text writes it."""
    return " ".join(_PUNCT.sub(" ", text.lower()).split())


class Planter:
    def __init__(self, rng: random.Random, seed_entries: list[dict], typo_rate: float = 0.2):
        self.rng = rng
        self.typo_rate = typo_rate
        self.seed_forms = {_key(f) for e in seed_entries for f in [e["phrase"], *e.get("variants", [])]}
        names = list(W.SLOT_NAMES)
        others = [n for n in names if n != "Вася"]
        self.slot_ablt = [vocab.inflect_name(n, "ablt") for n in others + W.SLOT_FULL_NAMES + W.SLOT_SURNAMES]
        self.slot_datv = [vocab.inflect_name(n, "datv") for n in others + W.SLOT_FULL_NAMES]
        self.slot_gent = [vocab.inflect_name(n, "gent") for n in others + W.SLOT_FULL_NAMES]
        self.possessive = {n: stem for n, stem in W.SLOT_NAMES.items() if n != "Вася"}
        self.generators = {
            "kollegi": self.kollegi, "prishlete-followup": self.followup, "kakova-agenda": self.agenda,
            "bez-kamery-pribolel": self.kamera, "verkhneurovnevo": self.verkh, "kontseptualno": self.konts,
            "my-s-vasey-v-etu-istoriyu": self.my_s_vasey, "chellendzhit-gipotezy": self.chellendzh,
            "podsvetit-tochki-rosta": self.podsvet, "bolshoy-zagruz": self.zagruz,
            "zabral-vernus": self.zabral, "eto-v-planakh": self.planakh,
        }
        self.entries = list(self.generators)

    # -- assembly ------------------------------------------------------------

    def plant(self, stt_style: bool = False, utterance_start: bool = True, entry: str | None = None) -> Planted:
        """A planted sentence; ``stt_style`` when the utterance around it is in speech-to-text style.

        An address ("Коллеги!") can only be told from a literal use where a sentence
        visibly starts, so in speech-to-text style it is planted only at the start of
        an utterance.
        """
        if entry is None:
            choices = self.entries if utterance_start or not stt_style else [
                e for e in self.entries if e not in ADDRESS_ENTRIES]
            entry = self.rng.choice(choices)
        pre, phrase, post, mods, protect = self.generators[entry]()
        mods = set(mods)
        if self.rng.random() < self.typo_rate:
            words = [m for m in re.finditer(r"\w+", phrase) if len(m.group()) >= 5 and m.group() not in protect
                     and re.fullmatch(r"[а-яёА-ЯЁ]+", m.group())]
            if words:
                m = self.rng.choice(words)
                typo = make_typo(m.group(), self.rng)
                if typo:
                    phrase = phrase[:m.start()] + typo + phrase[m.end():]
                    mods.add("typo")
        if stt_style:
            parts = [stt(pre), stt(phrase), stt(post)]
            mods.add("stt")
            start = len(parts[0]) + 1 if parts[0] else 0
            sentence = " ".join(p for p in parts if p)
            return Planted(sentence, start, start + len(parts[1]), entry, _kind(mods))
        if not pre:
            phrase = phrase[0].upper() + phrase[1:]
        sentence = pre + phrase + post
        return Planted(sentence, len(pre), len(pre) + len(phrase), entry, _kind(mods))

    def listed(self, form: str) -> bool:
        """Whether ``form`` is a headword or variant of the seed dictionary as it is now."""
        return _key(form) in self.seed_forms

    def _pick(self, exact, other, p_exact=0.35):
        """``exact`` with probability p_exact, else one of ``other``: (value, mods) or (value, mods, base).

        An option marked "variant" is used only while its base (the value itself when
        no base is given) is still listed in the seed dictionary.
        """
        other = [o for o in other if "variant" not in o[1] or self.listed(o[2] if len(o) > 2 else o[0])]
        if self.rng.random() < p_exact or not other:
            return exact, set()
        return self.rng.choice(other)[:2]

    # -- one generator per seed entry ----------------------------------------
    # Each returns (pre, phrase, post, modifications, words that must not get a typo).

    def kollegi(self):
        phrase, mods = self._pick("Коллеги", [
            ("Уважаемые коллеги", {"variant"}, "Уважаемые коллеги!"),
            ("Дорогие коллеги", {"variant"}, "Дорогие коллеги!"),
            ("Всем привет, коллеги", {"variant"}, "Всем привет, коллеги!")], 0.6)
        question = self.rng.choice(COLLEAGUE_QUESTIONS)
        if self.rng.random() < 0.5:
            return "", phrase, "! " + question[0].upper() + question[1:], mods, ()
        return "", phrase, ", " + question, mods, ()

    def followup(self):
        verb, vmods = self._pick("пришлете", [("пришлёте", set()), ("пришлёшь", {"inflection"}),
                                              ("пришлите", {"inflection"}), ("пришли", {"inflection"}),
                                              ("скинете", {"variant"}, "Скинете фоллоуап?"),
                                              ("отправите", {"variant"}, "Отправите фоллоуап?"),
                                              ("киньте", {"variant"}, "Киньте фоллоуап")], 0.3)
        r = self.rng.random()
        if r < 0.6:
            noun, nmods = "фоллоуап", set()
        elif r < 0.8:
            noun, nmods = self.rng.choice(["фоллоу-ап", "фолоу-ап", "фолловап", "фоловап", "фоллоу ап"]), {"spelling"}
        else:
            noun, nmods = self.rng.choice(["follow-up", "followup", "follow up"]), {"latin"}
        if self.rng.random() < 0.2 and "variant" not in vmods and self.listed("Фоллоуап пришлете?"):
            phrase, mods = f"{noun} {verb}", {"variant"}
            if noun[0].isascii():
                phrase, mods = f"{verb} {noun}", set()
        else:
            phrase, mods = f"{verb} {noun}", set()
        pre = self.rng.choice(["", "", "", "А ", "Ну ", "И ещё: "])
        if pre and phrase[0].isascii():
            pre = ""
        return pre, phrase, "? " + self.rng.choice(FOLLOWUP_TAILS), mods | vmods | nmods, ()

    def agenda(self):
        phrase, mods = self._pick("Коллеги, какова адженда", [
            ("Коллеги, какая адженда", {"variant"}, "Коллеги, какая адженда?"),
            ("Какова адженда", {"variant"}, "Какова адженда?"), ("Какая адженда", {"variant"}, "Какая адженда?"),
            ("Какая у нас адженда", {"variant"}, "Какая у нас адженда?"),
            ("Какая адженда встречи", {"variant"}, "Какая адженда встречи?")], 0.5)
        r = self.rng.random()
        if r < 0.15:
            phrase = phrase.replace("адженда", self.rng.choice(["эдженда", "аджента"]))
            mods = mods | {"spelling"}
        elif r < 0.27:
            phrase = phrase.replace("адженда", "agenda")
            mods = mods | {"latin"}
        return "", phrase, "? " + self.rng.choice(AGENDA_TAILS), mods, ()

    def kamera(self):
        female = self.rng.random() < 0.45
        ill = "приболела" if female else "приболел"
        mods = {"inflection"} if female else set()
        phrase, vmods = self._pick(f"Коллеги, я без камеры сегодня, {ill}", [
            (f"Я сегодня без камеры, {ill}", {"variant"}, "Я сегодня без камеры, приболел"),
            (f"Я без камеры, {ill}", {"variant"}, "Я без камеры, приболел"),
            (f"Я без камеры, что-то {ill}", {"variant"}, "Я без камеры, что-то приболел")], 0.55)
        return "", phrase, self.rng.choice(KAMERA_TAILS), mods | vmods, ()

    def _adjectival(self, lemma, adverb, adverb_frames, nouns, plural_ok):
        if self.rng.random() < 0.45:
            pre, post = self.rng.choice(adverb_frames)
            return pre, adverb, post, set(), ()
        noun_lemma = self.rng.choice(nouns)
        case, pre, post = self.rng.choice(ADJ_FRAMES)
        n = vocab.noun(noun_lemma)
        number = "plur" if noun_lemma in plural_ok and self.rng.random() < 0.4 else "sing"
        noun_form = n.forms.get((case, number)) or n.forms[(case, "sing")]
        grammemes = {case, number} | ({n.gender} if number == "sing" else set())
        if case == "accs" and (number == "plur" or n.gender == "masc"):
            grammemes.add("inan")
        adj = vocab.inflect_word(lemma, grammemes)
        mods = {"variant"} if adj == lemma else {"inflection"}
        return pre, adj, " " + noun_form + post, mods, ()

    def verkh(self):
        return self._adjectival("верхнеуровневый", "верхнеуровнево", VERKH_FRAMES,
                                ["план", "презентация", "описание", "цель", "обзор", "оценка", "видение", "отчёт"],
                                {"план", "цель", "оценка", "отчёт"})

    def konts(self):
        return self._adjectival("концептуальный", "концептуально", KONTS_FRAMES,
                                ["одобрение", "согласие", "решение", "договорённость", "понимание", "добро"],
                                {"решение", "договорённость"})

    def my_s_vasey(self):
        name, mods = self._pick("Васей", [(n, {"slot"}) for n in self.slot_ablt], 0.3)
        protect = set(name.split())
        vp, vmods = self._pick("решили идти в эту историю", [
            ("решили зайти в эту историю", {"variant"}, "Мы с Васей решили зайти в эту историю"),
            ("идём в эту историю", {"variant"}, "Мы с Васей идём в эту историю"),
            ("решили вписаться в эту историю", {"variant"}, "Мы с Васей решили вписаться в эту историю")], 0.6)
        pre = self.rng.choice(["", "", "Короче, ", "Ну, ", "В общем, "])
        phrase = f"{'мы' if pre else 'Мы'} с {name} {vp}"
        return pre, phrase, self.rng.choice(VASEY_TAILS), mods | vmods, protect

    def _verb_frame(self, frames, infinitive):
        pre, forms = self.rng.choice(frames)
        form = self.rng.choice(forms)
        return pre, form, set() if form == infinitive else {"inflection"}

    def chellendzh(self):
        pre, verb, mods = self._verb_frame(CHELL_FRAMES, "челленджить")
        if self.rng.random() < 0.15:
            verb = verb.replace("челлендж", "челендж")
            mods = mods | {"spelling"}
        r = self.rng.random()
        protect: set[str] = set()
        if r < 0.25:
            obj, protect = "Васины гипотезы", {"Васины"}
        elif r < 0.65:
            name = self.rng.choice(list(self.possessive))
            obj, protect = f"{self.possessive[name]}ы гипотезы", {self.possessive[name] + "ы"}
            mods = mods | {"slot"}
        elif r < 0.8 or not self.listed("Челленджить гипотезы Васи"):
            name = self.rng.choice(list(self.possessive))
            obj, protect = f"{self.possessive[name]}у гипотезу", {self.possessive[name] + "у"}
            mods = mods | {"slot", "inflection"}
        else:
            gent = self.rng.choice(self.slot_gent)
            obj, protect = f"гипотезы {gent}", set(gent.split())
            mods = mods | {"slot", "variant"}
        return pre, f"{verb} {obj}", self.rng.choice(CHELL_TAILS), mods, protect

    def podsvet(self):
        pre, verb, mods = self._verb_frame(PODSVET_FRAMES, "подсветить")
        r = self.rng.random()
        if r < 0.3:
            who = "Васе"
        elif r < 0.75:
            who = self.rng.choice(self.slot_datv)
            mods = mods | {"slot"}
        else:
            pronouns = W.SLOT_PRONOUNS_DATV if pre.startswith("Руководитель") else W.SLOT_PRONOUNS_DATV[1:5]
            who = self.rng.choice(pronouns)
            mods = mods | {"slot"}
        obj, omods = self._pick("точки роста", [("зоны роста", {"variant"}, "Подсветить Васе зоны роста"),
                                                ("зоны развития", {"variant"}, "Подсветить Васе зоны развития")], 0.7)
        return pre, f"{verb} {who} {obj}", self.rng.choice(PODSVET_TAILS), mods | omods, set(who.split())

    def zagruz(self):
        phrase, mods = self._pick("У меня сейчас большой загруз", [
            ("У меня сейчас загруз", {"variant"}), ("У меня большой загруз", {"variant"}),
            ("Я сейчас в загрузе", {"variant"})], 0.55)
        if "сейчас" in phrase and self.rng.random() < 0.2:
            phrase = phrase.replace("сейчас", self.rng.choice(["щас", "ща", "счас"]))
            mods = mods | {"spelling"}
        pre = self.rng.choice(["", "", "Слушай, ", "Честно, ", "Ой, "])
        if pre:
            phrase = phrase[0].lower() + phrase[1:]
        return pre, phrase, self.rng.choice(ZAGRUZ_TAILS), mods, ()

    def zabral(self):
        phrase, mods = self._pick("Забрал, вернусь", [
            ("Забрала, вернусь", {"inflection"}), ("Забрали, вернёмся", {"inflection"}),
            ("Забираю, вернусь", {"inflection"}), ("Заберу, вернусь", {"inflection"}),
            ("Забрал в работу, вернусь", {"variant"}), ("Взял в работу, вернусь", {"variant"}),
            ("Взяла в работу, вернусь", {"variant", "inflection"}, "Взял в работу, вернусь")], 0.35)
        pre = self.rng.choice(["", "", "Ок, ", "Да-да, ", "Принято, "])
        if pre:
            phrase = phrase[0].lower() + phrase[1:]
        return pre, phrase, self.rng.choice(ZABRAL_TAILS), mods, ()

    def planakh(self):
        phrase, mods = self._pick("Это в планах", [("Это есть в планах", {"variant"})], 0.75)
        pre = self.rng.choice(["", "", "Новая кофемашина? ", "Ну, ", "Да, ", "Вторая касса на выходные? "])
        if pre and not pre.endswith("? "):
            phrase = phrase[0].lower() + phrase[1:]
        return pre, phrase, self.rng.choice(PLANAKH_TAILS), mods, ()


ADDRESS_ENTRIES = {"kollegi"}


def _key(phrase: str) -> str:
    """Phrases compared as the dictionary loader does: lower case, ё -> е, words only."""
    return " ".join(re.findall(r"\w+", phrase.lower().replace("ё", "е")))   # anchor = "start" in the seed dictionary


def _kind(mods: set[str]) -> str:
    return "+".join(sorted(mods)) or "exact"


COLLEAGUE_QUESTIONS = [
    "кто владелец этого дашборда?", "подскажите, где лежит шаблон отчёта?",
    "кто-нибудь знает, почему упала выгрузка?", "кто сейчас отвечает за закупки?",
    "где посмотреть график отпусков на июль?", "кто может глянуть заявку от склада?",
    "по инвентаризации в воронежских магазинах кто этим занимается?", "у кого есть доступ к SAP?",
    "кто брал ключ от переговорки?", "напоминаю про отчёты до пятницы.", "куда делся шаблон презентации?",
    "кто-нибудь видел, где лежит график дежурств?",
]
FOLLOWUP_TAILS = ["Я с телефона, не успеваю записывать.", "Мне в два ещё на другой созвон.",
                  "Я не всё успела записать.", "Я потом гляну.", "А то я с середины подключился.",
                  "Спасибо всем.", "Мне надо руководителю переслать."]
AGENDA_TAILS = ["В календаре только название.", "А то в приглашении пусто.", "В инвайте ничего нет.",
                "Я не успел посмотреть.", "Кто нас собрал?", "Сколько у нас времени?"]
KAMERA_TAILS = [", но всё слышу.", ", если что, пишите в чат.", ".", ", так что слушаю молча.",
                ", но я на связи.", ", извините."]
VERKH_FRAMES = [("Давайте пока ", " пройдёмся, детали потом."), ("Я посмотрел ", ", вроде всё нормально."),
                ("", ": пилот в трёх филиалах, запуск после Нового года."), ("Ну, если ", ", то всё готово."),
                ("Тимлид говорит: давайте ", ", без погружения."), ("Я так, ", ", глянула.")]
KONTS_FRAMES = [("", " я за, но давайте без меня."), ("", " да, детали давайте отдельно."),
                ("Мы ", " согласовали, остальное потом."), ("Там все ", " одобряют, а потом полгода тишина."),
                ("Ну, ", " мы не против."), ("Я ", " поддерживаю, но денег нет.")]
ADJ_FRAMES = [("nomn", "Пока есть только ", ", конкретики ноль."), ("accs", "Я накидала ", ", слайдов на пять."),
              ("gent", "Ждём от них хотя бы ", "."), ("loct", "Всё остановилось на ", "."),
              ("ablt", "Они ограничились ", " и разошлись."), ("accs", "Руководство дало ", ", дальше ждём."),
              ("nomn", "У нас пока ", ", по срокам никто ничего не обещал.")]
VASEY_TAILS = [", так что поддержите нас.", ", для нас это важно.", ". Кто за что отвечает, ещё обсудим.", ".",
               ", всё, вопрос закрыт.", ", так что ждите новостей."]
CHELL_FRAMES = [("Я ", ["челленджу", "почелленджу", "челленджил", "челленджила"]), ("Она опять ", ["челленджила"]),
                ("Он весь созвон ", ["челленджил"]), ("Мы ", ["челленджим", "челленджили", "почелленджим"]),
                ("Моя задача на этих встречах — ", ["челленджить"]), ("Кто-то же должен ", ["челленджить"]),
                ("На демо я буду ", ["челленджить"]), ("Хватит уже ", ["челленджить"]),
                ("", ["Челленджить", "Почелленджу"])]
CHELL_TAILS = [", а своих предложений не принёс.", ".", ", это моя роль в команде.", " по ценообразованию.",
               ", это у нас любимый вид спорта.", ", а то их как факты подают."]
PODSVET_FRAMES = [("Я ", ["подсвечу", "подсветил", "подсветила"]), ("Руководитель ", ["подсветил"]),
                  ("Надо ", ["подсветить"]), ("Давай ", ["подсветим"]), ("Мы ", ["подсветили", "подсветим"]),
                  ("Она ", ["подсветила"]), ("Я на ревью ", ["подсветила", "подсвечу"]),
                  ("", ["Подсвечу", "Подсветить"]), ("Руководитель очень любит ", ["подсветить"])]
PODSVET_TAILS = [" на ревью.", ", только аккуратно.", ", пусть знает.", " после демо.", ", он даже спасибо сказал.",
                 ".", " на годовой оценке."]
ZAGRUZ_TAILS = [", давай после релиза.", ", не возьму.", ", давайте на следующей неделе.",
                ", так что не раньше среды.", ".", ", давай потом."]
ZABRAL_TAILS = [" после обеда.", " с ответом.", " до конца недели.", ".", " до обеда.", " к вам завтра."]
PLANAKH_TAILS = [".", ", просто руки не доходят.", ", но пока без сроков.", ", мы уже обсуждали.",
                 ", третий год уже."]
