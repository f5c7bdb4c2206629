"""The guards of the ru-extended pack (issue 10): each ordinary sense stays quiet, the office sense still fires.

One test pair per guard fixed for the Debian prose check (tests/test_prose_false_alarms.py). The sentences are
written for these tests (none is taken from the corpora): the quiet ones use the words in their everyday sense,
the firing ones in the office sense the sources cite.
"""
from __future__ import annotations

import pytest

from jargon import Decoder
from jargon.dictionary import load_dictionary

plugin = pytest.importorskip("jargon_ru_extended.plugin")


@pytest.fixture(scope="module")
def decoder() -> Decoder:
    return Decoder([load_dictionary(plugin.DICTIONARY_PATH)])


def _ids(decoder: Decoder, text: str) -> list[str]:
    return [m.entry.id for m in decoder.decode(text)]


QUIET = [
    # «в рамках» is ordinary Russian: only the fixed office formulas are entries
    ("v-ramkakh", "Перевод выполнен в рамках проекта добровольцев."),
    ("v-ramkakh", "Постарайся держаться в рамках приличия."),
    ("v-ramkakh", "Процессы перемещаются в рамках одной группы."),
    # diminutives in proverbs and literature
    ("chelovechek", "Вот и заснул усталый человечек."),
    ("chelovechek", "Из-за угла выглянул человечек в шляпе."),
    ("chelovechek", "Как не порадеть родному человечку!"),
    ("denezhka", "Копейка рубль бережёт, а денежка счёт любит."),
    ("denezhka", "Бабушка положила денежки в копилку."),
    # programmers' own words: a bare «баг» or «фича» is no corporate speech
    ("bag", "Баги размножаются быстрее, чем их ловят."),
    ("ficha", "У старой программы была скрытая фича."),
    ("ficha", "Смотришь в книгy, видишь фигy."),                # Latin y, as in old FIDO texts
    # a diminutive close to an ordinary word
    ("faylik", "В каталоге лежит файл max_files для настройки."),
    # ordinary senses of the verbs
    ("zashlo", "Мы гуляли, пока солнце не\nзашло."),                 # a line break between guard and word
    ("zashlo", "Вечером солнце зашло за тучу."),
    ("bernaut", "Старый дом выгорел дотла за одну ночь."),
    ("bernaut", "При выбоpе профессии не спеши."),               # Latin p: no typo of «выгорел»
    ("bernaut", "Выгорание ткани на солнце неизбежно."),
    ("daungreyd", "Пришлось сделать даунгрейд системы до прошлой версии."),
    ("daungreyd", "Даунгрейд прошивки вернул старые ошибки."),
    ("drayvit-2", "Изменения через драйвер вносятся без перезагрузки."),
    ("mne-za-eto-ne-platyat", "Работают бесплатно: за это не платят ни копейки."),
    ("sinergiya", "Процессор содержит синергичные вычислительные блоки."),
    ("rok-zvezda", "На концерт приехала настоящая рок-звезда."),
    ("zainvaytit", "Инвайт — просто добавь воды."),
    # everyday English words of English text are not Latin spellings of Russian entries
    ("apruvnut", "Orders are subject to approval by the manager."),
    ("apruvnut", "I do not approve of his methods."),
    ("attach", "The vacuum cleaner comes with a brush attachment."),
    ("yuzkeys", "The typical use case is a server with many sockets."),
    ("small-tok", "They engaged in small talk with the driver."),
    ("agile", "A program should be light and agile."),
    ("big-pikcha", "Put a big picture of a carrot on the page."),
    ("ekshn-aytemy", "Action items take the general form of a status."),
    # everyday words on their own: a crutch, fluffing fur, a crystal's growth point, a hand on a pulse
    ("kostyl", "Костыль помогал ему ходить после травмы."),
    ("kostyl", "Старик не играет в кости."),                     # «кости в» is no form of «костыли в»
    ("pushit", "Кот пушит хвост на морозе."),
    ("tochka-rosta", "Точка роста кристалла смещается."),
    ("derzhat-ruku-na-pulse", "Рука на пульсе, врач смотрит на часы."),
    ("ekspertiza", "Наша экспертиза показала, что подпись поддельная."),
    ("keys", "Он достал из кейса документы."),
    ("lidy", "Лиды статей пишет выпускающий редактор."),
    # new entries of this round: the everyday senses next to them
    ("enikeyshchik", "Эники, беники ели вареники."),
    ("fiksiki", "Дети смотрят мультик про фиксиков."),
    ("fiksiki", "Вечером включили мультфильм Фиксики."),
    ("zakryt-poziciyu", "Трейдер закрыл позицию по нефти с прибылью."),
    ("zakryt-poziciyu", "Курсор переходит в позицию закрытой скобки."),
    # ordinary Russian that was listed as a variant
    ("quick-win", "Команда одержала быструю победу в первом тайме."),
    ("breynshtorm", "Учитель предложил устроить мозговой штурм на уроке."),
    ("pereraboki", "Матч закончился в овертайме."),
    ("roi", "Окупаемость вложений в жильё выросла."),
    ("preza", "Он показал нам слайды из отпуска."),
    # program messages (Russian UI translations): git's commits, a program's advice, a file type
    ("zakommititsya", "Нельзя переписать опубликованные коммиты."),
    ("zakommititsya", "Сделайте коммит и повторите попытку."),
    ("proshu-rassmotret", "Рассмотрите возможность использования ключа --force."),
    ("rofl", "Не удалось открыть PO-файл для записи."),
]

FIRES = [
    # Latin spellings inside Russian text (English text stays quiet: above)
    ("apruvnut", "Нужен approve от Пети до пятницы."),
    ("attach", "Скинь attachment в чат, посмотрю."),
    ("yuzkeys", "У нас новый use case от клиента."),
    ("small-tok", "Пять минут small talk, потом к делу."),
    ("v-ramkakh", "В рамках задачи ещё проверим выгрузку."),
    ("v-ramkakh", "Это обсудим в рамках нашей встречи в четверг."),
    ("chelovechek", "Есть у меня человечек в юридическом, спрошу."),
    ("chelovechek", "Нужен человечек на проект до конца месяца."),
    ("denezhka", "Денежка от заказчика так и не пришла."),
    ("denezhka", "Когда будет денежка за второй этап?"),
    ("bag", "Тестировщики нашли баг в личном кабинете."),
    ("bag", "Это баг, заведи тикет."),
    ("ficha", "Клиент просит новую фичу к понедельнику."),
    ("ficha", "Эту фичу надо показать на демо."),
    ("chatik", "Скинул ссылку в рабочий чатик."),
    ("chatik", "Это уже обсуждали в чатике."),
    ("faylik", "Скинь файлик с цифрами, пожалуйста."),
    ("zashlo", "Клиенту зашло, идём дальше."),
    ("zashlo", "Презентация аудитории не зашла? Нет, не зашло."),
    ("bernaut", "У отдела продаж выгорание после квартала."),
    ("bernaut", "Я выгорел на работе за этот год."),
    ("daungreyd", "Мне предложили даунгрейд, но без снижения нагрузки."),
    ("drayvit-2", "Ты у нас драйвер изменений, тебе и отвечать."),
    ("mne-za-eto-ne-platyat", "Не буду, мне за это не платят."),
    ("sinergiya", "Ищем точки синергии с маркетингом."),
    ("rok-zvezda", "Ищем рок-звезду в отдел продаж."),
    ("prozharit", "Давайте прожарим эту идею на планёрке."),
    ("zainvaytit", "Кинь инвайт юристам на завтра."),
    ("apruvnut", "Нужен апрув от финансового директора."),
    ("attach", "Счёт в аттаче, посмотри."),
    ("yuzkeys", "Опиши юзкейс для мобильной версии."),
    ("small-tok", "Пять минут смолтока, и к делу."),
    ("agile", "У нас теперь эджайл, планов на год нет."),
    ("big-pikcha", "Давай сначала посмотрим на биг пикчу."),
    ("ekshn-aytemy", "Пришлю экшн айтемы после созвона."),
    ("enikeyshchik", "Ищем эникейщика на полставки."),
    ("fiksiki", "Напиши фиксикам, сервер лёг."),
    ("managery", "Манагеры опять всё перепутали."),
    ("velyu", "В чём велью этой интеграции?"),
    ("kostyl", "Это костыль, потом перепишем."),
    ("pushit", "Пушни юристов, договор висит."),
    ("tochka-rosta", "На встрече мне назвали две точки роста."),
    ("ekspertiza", "Не хватает экспертизы в ритейле."),
    ("keys", "Это хороший кейс для презентации."),
    ("lidy", "Горячие лиды с выставки ушли конкурентам."),
    ("zakryt-poziciyu", "Закроем позицию аналитика к марту."),
    ("nado-bylo-vchera", "Отчёт надо было отправить ещё вчера."),
    ("zakommititsya", "Команда закоммитилась на релиз в марте."),
    ("zakommititsya", "Я не могу коммититься на такие сроки."),
    ("proshu-rassmotret", "Просим рассмотреть возможность отсрочки платежа."),
    ("rofl", "Это рофл или реальная задача?"),
]


@pytest.mark.parametrize(("entry_id", "text"), QUIET, ids=[f"{i}:{t[:30]}" for i, t in QUIET])
def test_ordinary_sense_stays_quiet(decoder, entry_id, text):
    assert entry_id not in _ids(decoder, text), decoder.decode(text)


@pytest.mark.parametrize(("entry_id", "text"), FIRES, ids=[f"{i}:{t[:30]}" for i, t in FIRES])
def test_office_sense_still_fires(decoder, entry_id, text):
    assert entry_id in _ids(decoder, text), decoder.decode(text)
