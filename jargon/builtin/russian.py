"""Built-in plugin: Russian text analysis with pymorphy3 (inflection, names) and Snowball (stems)."""
from __future__ import annotations

import re
from collections.abc import Container
from functools import lru_cache
from typing import Any

from jargon.contributions import Language
from jargon.engine.tuning import (
    CONTENT_INSERT_WEIGHT,
    FILLER_WEIGHT,
    FUNCTION_WEIGHT,
    INTERJECTION_WEIGHT,
    PARSE_SCORE_RATIO,
    PRONOUN_WEIGHT,
)
from jargon.hookspecs import hookimpl
from jargon.text.analyzer import Analyzer

_CYRILLIC = re.compile(r"[а-яё]")
_LATIN = re.compile(r"^[a-z'-]+$")
_ANY_LATIN = re.compile(r"[a-z]")
_PERSON_TAGS = ("Name", "Surn", "Patr")
# name + possessive suffix + adjective ending: Маш-ин-ы, Кирилл-ов-ы, Игор-ев-ы
# what follows a borrowed root in a Russian word: verb suffixes and endings (-ить, -нуть,
# -ануть, -ировать, past, present, imperative, participles), or noun suffixes and case
# endings (diminutive -чик/-чк-, agent -ер, adjectival -ов-/-ск-/-н-)
_VERB_ENDING = (r"(?:ану|ан|ну|н|ова|ирова|ыва|ива|и|е|а|я|у)?"
                r"(?:ть|ться|тся|л|ла|ло|ли|лся|лась|лось|лись|ю|юсь|ешь|ет|ется|ем|ете|ут|ют|ит|ится|им|ите|ишь|"
                r"ат|ят|утся|ются|й|йте|и|в|вши|вшись|ясь|нн?(?:ый|ая|ое|ые|ого|ой|ую|ым|ых)|н|на|но|ны)")
_NOUN_ENDING = (r"(?:чик|чк|ер|ов|ск|н|ин|инг|щик|ищ|ушк|ышк|ечк|очк|ик|ок|ен|ун)?"
                r"(?:а|у|ом|ой|е|ы|и|ов|ам|ами|ах|ий|ая|ое|ые|ого|ому|ым|ых|ую|ей|ем|"
                r"ях|ям|ями|ю|я|ь)?")
_DERIVED_ENDING = re.compile(rf"^(?:{_VERB_ENDING}|{_NOUN_ENDING})$")
_VERBAL_ENDING = re.compile(rf"^{_VERB_ENDING}$")
_VERB_SUFFIX = re.compile(r"(?:ировать|овать|ануть|нуть|ить|ать|ять|еть)(?:ся|сь)?$")
_DRAWN_OUT = re.compile(r"([а-яё])\1\1")     # a letter held in speech-to-text: "дааа", "нууу", "эээ"
_POSSESSIVE = re.compile(r"^([а-я]{2,}?)(?:ов|ев|ин|ын)(?:а|у|ы|о|ой|ом|ому|ых|ым|ыми)?$")


class RussianAnalyzer(Analyzer):
    language = "ru"
    fillers = frozenset(
        "ну вот вот и же ведь уже тут там как бы типа короче просто прям прямо реально очень так "
        "вообще наверное кстати значит получается собственно конечно всё-таки все-таки пожалуй "
        "еще ещё тоже также опять снова а и да ок окей ладно слушайте слушай смотрите смотри "
        "общем целом принципе итоге смысле общем-то целом-то честно чуть немного".split())
    openers = frozenset(
        "всем привет приветствую здравствуйте здравствуй доброе добрый утро день вечер "
        "уважаемые дорогие".split())
    formulas = openers | frozenset("спасибо пожалуйста извините простите друзья сорри sorry пардон".split())
    # forms of быть: an auxiliary inside a phrase ("это будет в планах") weighs like a pronoun
    auxiliaries = frozenset("быть был была было были будет будут буду будем будешь будете есть".split())
    function_words = frozenset(
        "в во на с со к ко по о об обо от из за под над при про для до без у через между перед "
        "и а но или да ни не ли же бы то что чтобы как если когда пока".split())
    pronouns = frozenset(
        "я ты он она оно мы вы они меня тебя его ее её нас вас их мне тебе ему ей нам вам им "
        "мной тобой им ней нами вами ими нему него неё ней них это этот эта эти это тот та те "
        "мой моя мое моё мои твой наш наша наше наши ваш ваша ваше ваши свой себя себе".split())
    person_pronouns = frozenset(
        "я ты он она мы вы они меня тебя его ее её нас вас их мне тебе ему ей нам вам им мной "
        "тобой ней нами вами ими нему него неё них нее "
        # possessives fill a possessive slot ("челленджить твои гипотезы"), and "someone else's"
        "чужие чужой чужую чужих чужим чьи-то чьи-нибудь "
        "мой моя мое моё мои моих моим твой твоя твое твоё твои твоих твоим ваш ваша ваше ваши "
        "ваших вашим наш наша наше наши наших нашим".split())
    prepositions = frozenset(
        "в во на с со к ко по о об обо от из за под над при про для до без у через между перед "
        "около после вокруг среди".split())
    plain_lowercase = True
    clitics = ("-то", "-ка", "-таки", "-де")
    alternations = {"к": "ч", "г": "ж", "х": "ш", "т": "ч", "д": "ж", "с": "ш", "з": "ж"}
    letters = "[а-яё]"
    neighbour_letters = "[іїєґў]"     # Ukrainian and Belarusian
    negations = frozenset(("не", "ни"))
    # unstressed vowels heard one for the other at the start of a word ("оджента", "итоги"/"етоги")
    initial_alternates = {"о": "а", "а": "о", "е": "и", "и": "е", "э": "е"}
    vowels = "аеёиоуыэюяь"
    # unstressed vowels sound alike, voiced and voiceless consonants are confused by ear and
    # by speech-to-text, doubled letters are heard once: "калеги", "коллеки" sound "коллеги"
    _SOUND = str.maketrans("оеёяэыгдбзвж", "аииииикптсфш")
    prefixes = ("пере", "под", "при", "про", "раз", "рас", "по", "за", "на", "от", "вы", "до", "об", "с")

    def __init__(self) -> None:
        self._morph = None
        self._stemmer: Any = None       # Stemmer.Stemmer, built on first use

    # pymorphy3 and the stemmer are rebuilt lazily after unpickling (decoders go to worker processes)
    def __getstate__(self):
        return {}

    def __setstate__(self, state):
        self.__init__()

    @property
    def morph(self):
        if self._morph is None:
            import pymorphy3

            self._morph = pymorphy3.MorphAnalyzer(lang="ru")
        return self._morph

    def _parse(self, word: str) -> list:
        """pymorphy3's parses; none for a word it cannot handle (characters Python's
        unicodedata has no name for make it raise ValueError)."""
        try:
            return self.morph.parse(word)
        except ValueError:
            return []

    def _known(self, word: str) -> bool:
        try:
            return self.morph.word_is_known(word)
        except ValueError:
            return False

    def normalize(self, word: str) -> str:
        return super().normalize(word).replace("ё", "е")

    def inflections(self, word: str) -> set[str]:
        forms = {word}
        if not _CYRILLIC.search(word):
            return forms
        parses = self._parse(word)
        best = parses[0].score if parses else 0
        for p in parses[:3]:
            if p.score < best * PARSE_SCORE_RATIO or "UNKN" in p.tag:
                continue
            for form in p.lexeme:
                forms.add(form.word.replace("ё", "е"))
        return forms

    def stem(self, word: str) -> str | None:
        if self._stemmer is None:
            import Stemmer

            self._stemmer = Stemmer.Stemmer("russian")
        s = self._stemmer.stemWord(word)
        return s if len(s) >= self.min_stem else None

    _LIGHT_POS = {"ADVB": PRONOUN_WEIGHT, "PRED": PRONOUN_WEIGHT, "NUMR": PRONOUN_WEIGHT, "NPRO": PRONOUN_WEIGHT,
                  "PRCL": FUNCTION_WEIGHT, "CONJ": FUNCTION_WEIGHT, "PREP": FUNCTION_WEIGHT,
                  "INTJ": INTERJECTION_WEIGHT}

    def weight(self, word: str) -> float:
        if word in self.auxiliaries:
            return PRONOUN_WEIGHT
        base = super().weight(word)
        if base < 1.0 or not _CYRILLIC.search(word) or not self._known(word):
            return base
        parses = self._parse(word)
        return self._LIGHT_POS.get(parses[0].tag.POS, 1.0) if parses else base

    # nouns of time: "на этой неделе", "в этом квартале" stand in a phrase like "сейчас" does
    _TIME_NOUNS = frozenset("неделя день месяц год квартал время момент утро вечер сезон спринт период "
                            "минута час".split())

    def insert_weight(self, word: str) -> float:
        """Besides the neutral rule: a drawn-out hesitation ("дааа") is a filler; comparatives
        ("позже"), words that may be parenthetical ("говорят", "кажется") and nouns of time
        ("неделе") cost what a pronoun costs, not what a noun or a verb inserted into a phrase
        costs. A pronominal adjective ("эту") keeps a content word's cost: it brings its noun
        into the phrase ("закинь мне эту таску" is about the task)."""
        if _DRAWN_OUT.search(word):
            return FILLER_WEIGHT
        if _LATIN.match(word):
            # Russian in Latin letters ("eto u nas v planakh"): what the word reads as costs
            from jargon.text.translit import to_cyrillic

            read = [r for r in to_cyrillic(word) if self._known(r)]
            if read:
                return min(map(self.insert_weight, read))
        w = super().insert_weight(word)
        if w < CONTENT_INSERT_WEIGHT or not _CYRILLIC.search(word) or not self._known(word):
            return w
        parses = self._parse(word)[:3]
        if any({"Prnt"} in p.tag or p.tag.POS == "COMP" for p in parses) \
                or (parses and parses[0].tag.POS == "NOUN" and parses[0].normal_form in self._TIME_NOUNS):
            return PRONOUN_WEIGHT
        return w

    _GRAMMAR = {"noun": ({"NOUN"}, None), "adj": ({"ADJF", "ADJS", "PRTF"}, None), "verb": ({"VERB", "INFN"}, None),
                "num": ({"NUMR"}, None), "noun:gen": ({"NOUN"}, {"gent", "gen2"}), "noun:nom": ({"NOUN"}, {"nomn"}),
                "noun:acc": ({"NOUN"}, {"accs"}), "noun:dat": ({"NOUN"}, {"datv"}), "noun:ins": ({"NOUN"}, {"ablt"}),
                "noun:loc": ({"NOUN"}, {"loct", "loc2"})}

    def has_grammar(self, word: str, name: str) -> bool:
        """pymorphy3's reading of ``word`` (any of its likely parses) as ``name``."""
        if name == "num" and word.isdigit():
            return True
        if word in self.fillers:
            return False        # said as a particle ("в планах типа"), not the noun it may be
        pos, cases = self._GRAMMAR.get(name, (set(), None))
        if not _CYRILLIC.search(word) or _DRAWN_OUT.search(word):
            return False
        parses = self._parse(word)
        if "NOUN" in pos and (len(word) <= 4 and all("UNKN" in p.tag for p in parses)
                              or any({"Fixd", "NOUN"} in p.tag for p in parses[:1])):
            return True     # an indeclinable noun or an abbreviation is in every case ("в планах БТИ", "РЖД")
        best = parses[0].score if parses else 0
        return any(p.tag.POS in pos and (cases is None or p.tag.case in cases)
                   for p in parses[:4] if p.score >= best * PARSE_SCORE_RATIO)

    def modifies(self, word: str, noun: str) -> bool:
        """pymorphy3 reads ``word`` as an adjective, a participle or a possessive (ADJF, PRTF)
        and ``noun`` as a noun, in one case and number (and gender, in the singular): "ближайших
        планах", "наших планах", not "планах цеха"."""
        if word in self.fillers or not _CYRILLIC.search(word) or not _CYRILLIC.search(noun):
            return False
        mods = [p.tag for p in self._parse(word) if p.tag.POS in ("ADJF", "PRTF")]
        if not mods:
            return False
        # every parse: the noun after it tells which case the modifier is in ("ближайших" is
        # read first as a genitive, "планах" only as a locative)
        nouns = [p.tag for p in self._parse(noun) if p.tag.POS == "NOUN"]
        return any(m.case == n.case and m.number == n.number and (m.number == "plur" or m.gender in (None, n.gender))
                   for m in mods for n in nouns)

    def sound_key(self, word: str) -> str:
        """How a word sounds (vowels reduced, doubled letters once): two spellings of one key
        are heard alike ("калеги" and "коллеги")."""
        key = word.translate(self._SOUND)
        return re.sub(r"(.)\1+", r"\1", key)

    def derivation_root(self, word: str) -> str:
        """A borrowed verb's root without its verb suffix ("пингануть" -> "пинг", "чекнуть" ->
        "чек"); a noun's Snowball stem ("дедлайн", "факап")."""
        root = _VERB_SUFFIX.sub("", word)
        if root != word and len(root) >= 3:
            return root
        return self.stem(word) or word

    def derived_ending(self, rest: str, verbal: bool = False) -> bool:
        return bool((_VERBAL_ENDING if verbal else _DERIVED_ENDING).match(rest))

    def is_verb(self, word: str) -> bool:
        return _VERB_SUFFIX.search(word) is not None

    def is_known(self, word: str) -> bool:
        return not _CYRILLIC.search(word) or self._known(word)

    def is_person(self, word: str, capitalized: bool, sentence_initial: bool) -> bool:
        if word in self.person_pronouns:
            return True
        if word in self.pronouns or word in self.function_words or word in self.fillers or len(word) < 2:
            return False
        if not _CYRILLIC.search(word):      # "podsvechu tebe": a pronoun in Latin letters
            return (capitalized and not sentence_initial) or not self.person_pronouns.isdisjoint(
                self.transliterate(word))
        known = self._known(word)
        for p in self._parse(word)[:3]:
            tag = p.tag
            if any(t in tag for t in _PERSON_TAGS) and (known or capitalized):
                return True
            if "Poss" in tag and (capitalized or known):
                return True
        if self._possessive_of_name(word):
            return True
        # a person named by a role: "подсветить стажёру точки роста", "ребятам", "руководителю"
        if known and any(p.tag.POS == "NOUN" and "anim" in p.tag and "Geox" not in p.tag
                         for p in self._parse(word)[:2]):
            return True
        # an unknown capitalised word inside a sentence is most likely a name
        return capitalized and not sentence_initial and not known

    _QUESTION = frozenset("кто что где когда куда откуда почему зачем как какой какая какое какие каков какова "
                          "сколько чей чья чьи ли можно нужно надо".split())
    _SECOND_PERSON = frozenset("вы ты".split())

    def is_address(self, following: list[str], set_off: str = "") -> bool:
        """An address is followed by a question, a request, an imperative or a 2nd-person verb;
        a subject by a verb that agrees with it (3rd person or past plural): "коллеги меня
        поддержали" is not an address, "коллеги подскажите" and "коллеги кто знает" are. The
        first verb within four words decides; with none, it stays an address. "Вас", "тебе"
        decide nothing: they may be the object of a subject ("коллеги вас поддерживали"). Set off by a
        comma it is an address, unless a relative clause follows ("Коллеги, с которыми я работаю,
        ...") or a parenthetical word and a verb that agrees ("Коллеги, как правило, отвечают"); by a
        dash before "это" it is the subject of a definition ("Коллеги — это главное")."""
        if set_off:
            if any(w.startswith("котор") for w in following[:2]):
                return False    # a relative clause: "Коллеги, которые пришли позже, сидели сзади"
            words = next((p.split() for p in self._PARENTHETICAL if following[:p.count(" ") + 1] == p.split()), None)
            if set_off[0] == "," and words:
                if not following[len(words):]:
                    return False    # "Что нравится? — Коллеги, наверное.": an answer that names them
                return self._verb_decides(following[len(words):])   # "Коллеги, как правило, отвечают быстро"
            return not (set_off[0] in "-–—" and following[:1] == ["это"])
        return self._verb_decides(following)

    # set off by commas after an address or a subject alike: the verb after them decides
    _PARENTHETICAL = ("как правило", "как всегда", "как обычно", "в основном", "к сожалению", "к счастью",
                      "как известно", "в целом", "кстати", "наверное", "конечно", "видимо", "похоже", "по-моему")

    def _verb_decides(self, following: list[str]) -> bool:
        """No comma after the word: a question word or "вы" makes it an address, and so does
        the first verb within four words unless it agrees with a plural subject."""
        for w in following[:4]:
            if w in self._QUESTION or w in self._SECOND_PERSON:
                return True
            verbs = [p.tag for p in self._parse(w)[:3] if p.tag.POS == "VERB"]
            if verbs:
                return not any("plur" in t and ("3per" in t or "past" in t) for t in verbs)
        return True

    def inflect_like(self, name: list[str], model: str, said_like: tuple[str, ...] = ()) -> list[str]:
        """"Мариной Олеговной" like "Вася" -> "Марина Олеговна"; as written when pymorphy3 does not know a word."""
        case = self._name_case(model)
        if case is None:
            return name
        cases = {self._name_case(w) for w in said_like} - {None}
        out = []
        for word in name:
            parses = [p for t in _PERSON_TAGS for p in self._parse(word) if t in p.tag]   # first names first
            parse = next((p for p in parses if p.tag.case in cases), parses[0] if parses else None)
            form = parse.inflect({case}) if parse is not None else None
            if form is None:
                return name
            out.append(form.word[:1].upper() + form.word[1:] if word[:1].isupper() else form.word)
        return out

    _CASE_SLOT = {"nomn": "noun:nom", "gent": "noun:gen", "datv": "noun:dat", "accs": "noun:acc",
                  "ablt": "noun:ins", "loct": "noun:loc"}

    def slot_grammar(self, placeholder: str) -> str | None:
        case = self._name_case(placeholder)
        return self._CASE_SLOT.get(case) if case in ("datv", "ablt") else None

    def _name_case(self, word: str) -> str | None:
        """The case of a first name's form ("Васю": accs), the singular reading first."""
        names = [p for p in self._parse(word) if "Name" in p.tag]
        like = next((p for p in names if "sing" in p.tag), names[0] if names else None)
        return like.tag.case if like is not None else None

    def _possessive_of_name(self, word: str) -> bool:
        """A possessive adjective made from a first name: "Машины", "Кирилловы", "игоревы"."""
        m = _POSSESSIVE.match(word)
        if not m:
            return False
        base = m.group(1)
        for name in (base, base + "а", base + "я", base + "ь"):
            if self._known(name) and any("Name" in p.tag for p in self._parse(name)[:2]):
                return True
        return False

    # Russian function words in Latin letters that are not English words too
    _LATIN_FUNCTION = frozenset(
        "u v na ne eto vse vsyo ya menya mne chto kak po ili net tak uzhe seychas sejchas tolko vot nu esli "
        "kto gde kuda pochemu zachem skolko kakoy kakaya kakie znaet znayu ok my "
        "kogda potom tam tut zdes ego ikh nas vas vy ty ona oni bylo budet est nado mozhno tozhe ochen".split())

    # English function words: a stretch holding one is English, whatever pymorphy3 knows
    # ("all" reads as "алл", "collect" as "коллект")
    _ENGLISH_FUNCTION = frozenset(
        "the an of and is are was were for with at by it this that be as from or not you we they he "
        "she please all will can have has does did your our their".split())   # not "my", "i", "a", "to": Russian too

    def reads_as_own(self, words: list[str], listed: Container[str] = ()) -> bool:
        """Russian in Latin letters: no English function word, at most a third English words
        (jargon.text.english: "static", "thread" are English), and a Russian function word
        that is no English word ("eto", "vse"; "net" or "u" beside another function word or
        a Russian word) or at least two words of which half or more read as Russian words
        that are no English words ("vse ok, detali potom", «Zabral, vernus», «kontseptualno da»)."""
        from jargon.text.english import is_english
        from jargon.text.translit import LATIN_WORD, to_cyrillic

        # one-letter words count when they are Russian prepositions ("v planah", "u menya"), not "a", "i"
        latin = [w for w in words if (len(w) > 1 or w in self._LATIN_FUNCTION) and LATIN_WORD.match(w)]
        if not latin or not self._ENGLISH_FUNCTION.isdisjoint(latin):
            return False
        # a word that is English too ("net", "u", "format") is no evidence of Russian on its own
        # ("sourceforge.net", ":meth:`str.format`", "wena wena Feb prog"); beside another function
        # word or a Russian word that is no English one it is ("net, ne v planah", "ne hochu")
        english = {w: is_english(w) for w in latin}
        function = [w for w in latin if w in self._LATIN_FUNCTION]
        if len(function) < 2 and all(english[w] for w in function):
            russian = [w for w in latin if w not in self._LATIN_FUNCTION and not english[w] and (
                w in listed or any(self._known(t) for t in to_cyrillic(w)))]     # (not "{Attach}, v. t.")
            if not (function and russian) and (len(latin) < 2 or 2 * len(russian) < len(latin)):
                return False
        return 3 * sum(english[w] for w in latin if w not in self._LATIN_FUNCTION and w not in listed) <= len(latin)

    def is_foreign_word(self, word: str) -> bool:
        from jargon.text.english import is_english

        return is_english(word)

    def transliterate(self, word: str) -> list[str]:
        if not _ANY_LATIN.search(word):      # most words: nothing to read in another script
            return []
        from jargon.text.translit import fold_homoglyphs, read_mixed, to_cyrillic

        if not _LATIN.match(word):
            folded = fold_homoglyphs(word)      # "pришлете" with a Latin "p" (not "PO-файл")
            if folded:
                return [folded.replace("-", "")]
            # a word typed partly in Latin letters ("koncептуально"): only as a word the analyser knows
            return [w for w in read_mixed(word) if self._known(w)]
        return to_cyrillic(word.replace("-", ""))


@lru_cache(maxsize=1)
def _analyzer() -> RussianAnalyzer:
    return RussianAnalyzer()


@hookimpl
def jargon_languages():
    return [Language("ru", "Russian", RussianAnalyzer)]
