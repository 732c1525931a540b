/**
 * Russian UI strings. Same keys as en.ts, except that plurals carry the four Russian forms
 * (_one, _few, _many, _other); test/renderer/i18n.test.ts checks keys, plural forms and placeholders.
 */
import { backupsRu } from './features/backups.ru'
import { boardsRu } from './features/boards.ru'
import { reportsRu } from './features/reports.ru'
import { insightsRu } from './features/insights.ru'
import { churnRu } from './features/churn.ru'
import { companiesRu } from './features/companies.ru'
import { evidenceRu } from './features/evidence.ru'
import { forcesRu } from './features/forces.ru'
import { highlightsRu } from './features/highlights.ru'
import { importsRu } from './features/imports.ru'
import { interviewsRu } from './features/interviews.ru'
import { libraryRu } from './features/library.ru'
import { matrixRu } from './features/matrix.ru'
import { notesRu } from './features/notes.ru'
import { participantsRu } from './features/participants.ru'
import { scriptsRu } from './features/scripts.ru'
import { searchRu } from './features/search.ru'
import { storiesRu } from './features/stories.ru'
import { studiesRu } from './features/studies.ru'
import { tagsRu } from './features/tags.ru'
import { exchangeRu } from './features/exchange.ru'

type Messages = { [key: string]: string | Messages }

export const ru: Messages = {
  nav: {
    label: 'Основное',
    studies: 'Исследования',
    companies: 'Компании',
    people: 'Люди',
    scripts: 'Сценарии',
    codebook: 'Кодовая книга',
    evidence: 'Цитаты и поиск',
    churn: 'Причины оттока',
    forces: 'Силы JTBD',
    boards: 'Карты пути клиента',
    insights: 'Инсайты',
    reports: 'Отчёты',
    library: 'Библиотека',
  },
  library: libraryRu,
  backups: backupsRu,
  studies: studiesRu,
  companies: companiesRu,
  participants: participantsRu,
  scripts: scriptsRu,
  interviews: interviewsRu,
  tags: tagsRu,
  exchange: exchangeRu,
  highlights: highlightsRu,
  notes: notesRu,
  evidence: evidenceRu,
  search: searchRu,
  churn: churnRu,
  forces: forcesRu,
  matrix: matrixRu,
  stories: storiesRu,
  imports: importsRu,
  boards: boardsRu,
  insights: insightsRu,
  reports: reportsRu,
  common: {
    cancel: 'Отмена',
    save: 'Сохранить',
    edit: 'Изменить',
    delete: 'Удалить',
    search: 'Поиск…',
    loading: 'Загрузка…',
    yes: 'Да',
    no: 'Нет',
    errorTitle: 'Не удалось выполнить действие:',
    scope: 'Исследование',
    wholeLibrary: 'Вся библиотека',
    openInterview: 'Открыть интервью',
    split: {
      A: 'Сегмент A',
      B: 'Сегмент B',
      C: 'Сегмент C',
      D: 'Сегмент D',
      unsegmented: 'Без сегмента',
      early: 'В первые 90 дней',
      later: 'После 90 дней',
      unknown: 'Неизвестно',
      voluntary: 'Добровольный',
      involuntary: 'Вынужденный',
    },
    untitledInterview: 'Интервью без названия',
    quotes_one: '{{count}} цитата',
    quotes_few: '{{count}} цитаты',
    quotes_many: '{{count}} цитат',
    quotes_other: '{{count}} цитаты',
    interview: 'Интервью',
  },
  textFile: {
    binary: '«{{file}}» — двоичный файл (в нём есть нулевые байты), а не текстовый.',
    encoding: '«{{file}}» — текст не в UTF-8 и не в UTF-16. Сохраните его как «CSV UTF-8» и выберите снова.',
  },
  settings: { language: 'Язык' },
  errors: {
    VALIDATION: 'Проверьте введённые данные:',
    NOT_FOUND: 'Не найдено:',
    CONFLICT: 'Уже существует:',
    FORBIDDEN: 'Нет доступа:',
    NO_LIBRARY: 'Библиотека не открыта:',
    LIBRARY_NOT_FOUND: 'Библиотека не найдена:',
    LIBRARY_EMPTY_FILE: 'Пустой файл:',
    LIBRARY_NOT_SQLITE: 'Это не библиотека:',
    LIBRARY_FOREIGN: 'Это не библиотека Fieldnote:',
    LIBRARY_DAMAGED: 'Библиотека повреждена:',
    LIBRARY_READ_ONLY: 'Только для чтения:',
    LIBRARY_NEWER_VERSION: 'Создана более новой версией Fieldnote:',
    LIBRARY_EXISTS: 'Файл уже существует:',
    LIBRARY_IS_FOLDER: 'Это папка:',
    LIBRARY_UNREADABLE: 'Файл не читается:',
    BACKUP_FAILED: 'Копия не удалась:',
    CANCELLED: 'Отменено:',
    TOO_LARGE: 'Слишком большой объём:',
    INTERNAL: 'Что-то пошло не так:',
    detail: {
      LIBRARY_NOT_FOUND: 'По пути «{{path}}» библиотеки нет.',
      LIBRARY_EMPTY_FILE: '«{{path}}» — пустой файл (0 байт), а не библиотека Fieldnote. Файл не изменён.',
      LIBRARY_NOT_SQLITE:
        '«{{path}}» — не библиотека Fieldnote (это не база данных SQLite). Файл не изменён.',
      LIBRARY_FOREIGN:
        '«{{path}}» — база данных SQLite другой программы, а не библиотека Fieldnote. Файл не изменён.',
      LIBRARY_DAMAGED:
        '«{{path}}» повреждён, открыть его безопасно нельзя. Файл не изменён; восстановите его из резервной копии.',
      LIBRARY_READ_ONLY:
        '«{{path}}» доступен только для чтения (или его папка). Скопируйте его в папку с правом записи и откройте копию.',
      LIBRARY_NEWER_VERSION:
        '«{{path}}» создан более новой версией Fieldnote. Обновите Fieldnote, чтобы открыть его; файл не изменён.',
      LIBRARY_EXISTS:
        '«{{path}}» уже существует. Откройте его или выберите другое имя; Fieldnote никогда не перезаписывает файлы.',
      LIBRARY_IS_FOLDER:
        '«{{path}}» — папка, а не файл библиотеки. Откройте файл .fieldnote в ней или допишите имя файла, чтобы создать там новую библиотеку.',
      LIBRARY_UNREADABLE:
        '«{{path}}» не удаётся прочитать (нет прав). Проверьте права доступа; файл не изменён.',
    },
  },
  method: {
    jtbd_switch: 'JTBD-интервью о переключении',
    exit: 'Интервью на выходе',
    journey: 'Разбор пути клиента',
    discovery: 'Исследовательское интервью',
  },
  studyStatus: { planning: 'Планирование', active: 'Идёт', completed: 'Завершено', archived: 'В архиве' },
  interviewStatus: { planned: 'Запланировано', in_progress: 'Идёт', done: 'Проведено' },
  companyStatus: { active: 'Действующий клиент', churned: 'Ушедший клиент' },
  churnType: { voluntary: 'Добровольный', involuntary: 'Вынужденный' },
  segmentHelp: {
    A: 'продукт для них критичен, покупают охотно',
    B: 'продукт нужен, иногда возражают',
    C: 'плохо подходят, долгий цикл сделки, легко уходят',
    D: 'никогда не покупают, сильно нагружают поддержку',
  },
  jtbdPhase: {
    first_thought: 'Первая мысль',
    passive_looking: 'Пассивный поиск',
    active_looking: 'Активный поиск',
    deciding: 'Принятие решения',
    first_use: 'Первое использование',
    ongoing_use: 'Постоянное использование',
  },
  journeyStage: {
    awareness: 'Знакомство',
    consideration: 'Рассмотрение',
    decision: 'Принятие решения / покупка',
    onboarding: 'Онбординг и первое использование',
    regular_use: 'Регулярное использование',
    support: 'Поддержка и обслуживание',
    retention: 'Удержание / продление',
    expansion: 'Расширение (допродажи)',
    advocacy: 'Лояльность / рекомендации',
    offboarding: 'Уход клиента',
  },
  capture: {
    none: 'Без оценки',
    nps: 'NPS (0–10)',
    csat: 'CSAT (1–5)',
    ces: 'CES (1–7)',
    csi: 'Факторы CSI (1–5)',
  },
  delete: {
    title: 'Удалить {{what}} «{{name}}»?',
    confirm: 'Удалить безвозвратно',
    /** Accusative case: «Удалить компанию …». */
    what: {
      study: 'исследование',
      company: 'компанию',
      participant: 'участника',
      script: 'сценарий',
      interview: 'интервью',
    },
    impact: {
      study: {
        interviews_one: 'Будет удалено {{count}} интервью этого исследования.',
        interviews_few: 'Будут удалены {{count}} интервью этого исследования.',
        interviews_many: 'Будут удалены {{count}} интервью этого исследования.',
        interviews_other: 'Будут удалены {{count}} интервью этого исследования.',
      },
      company: {
        participants_one: '{{count}} участник останется — без компании.',
        participants_few: '{{count}} участника останутся — без компании.',
        participants_many: '{{count}} участников останутся — без компании.',
        participants_other: '{{count}} участника останутся — без компании.',
        interviews_one: '{{count}} интервью останется, но потеряет связь с этой компанией.',
        interviews_few: '{{count}} интервью останутся, но потеряют связь с этой компанией.',
        interviews_many: '{{count}} интервью останутся, но потеряют связь с этой компанией.',
        interviews_other: '{{count}} интервью останутся, но потеряют связь с этой компанией.',
      },
      participant: {
        interviews_one: '{{count}} интервью останется — без участника.',
        interviews_few: '{{count}} интервью останутся — без участника.',
        interviews_many: '{{count}} интервью останутся — без участника.',
        interviews_other: '{{count}} интервью останутся — без участника.',
      },
      script: {
        interviews_one:
          'Этот сценарий использовало {{count}} интервью; у него остаётся собственная копия сценария.',
        interviews_few:
          'Этот сценарий использовали {{count}} интервью; у каждого остаётся собственная копия сценария.',
        interviews_many:
          'Этот сценарий использовали {{count}} интервью; у каждого остаётся собственная копия сценария.',
        interviews_other:
          'Этот сценарий использовали {{count}} интервью; у каждого остаётся собственная копия сценария.',
      },
      interview: {
        interviews_one: 'Само интервью.',
        interviews_few: 'Сами интервью.',
        interviews_many: 'Сами интервью.',
        interviews_other: 'Сами интервью.',
      },
      notes_one: 'Будут удалены заметки к {{count}} вопросу.',
      notes_few: 'Будут удалены заметки к {{count}} вопросам.',
      notes_many: 'Будут удалены заметки к {{count}} вопросам.',
      notes_other: 'Будут удалены заметки к {{count}} вопроса.',
      nothingElse: 'Больше ничего не затрагивается.',
    },
  },
  editor: {
    toolbar: 'Форматирование',
    heading: 'Заголовок',
    bold: 'Полужирный',
    italic: 'Курсив',
    bulletList: '• Список',
    orderedList: '1. Список',
    quote: 'Цитата',
  },
  ratings: {
    title: 'Оценки',
    nps: {
      question: 'Насколько вероятно, что вы порекомендуете нас другу или коллеге?',
      label: 'NPS',
      reason: 'Главная причина такой оценки',
      scaleHint: '0 — точно не порекомендую, 10 — обязательно порекомендую',
    },
    csat: {
      question: 'Насколько вы довольны опытом работы с нами?',
      label: 'CSAT',
      reason: 'Главная причина оценки',
      scaleHint: '1 — очень плохо, 5 — отлично',
    },
    ces: {
      question: '«Компания позволила мне легко решить мой вопрос».',
      label: 'CES',
      reason: 'Причина оценки',
      scaleHint: '1 — совершенно не согласен, 7 — полностью согласен',
    },
    csi: {
      question:
        'Удовлетворённость по каждому фактору (1 — совсем не удовлетворён, 5 — полностью удовлетворён)',
    },
  },
  metrics: {
    title: 'Метрики',
    nps: 'Индекс рекомендации (NPS)',
    npsShort: 'NPS',
    promoters_one: '{{count}} промоутер',
    promoters_few: '{{count}} промоутера',
    promoters_many: '{{count}} промоутеров',
    promoters_other: '{{count}} промоутера',
    passives_one: '{{count}} пассивный',
    passives_few: '{{count}} пассивных',
    passives_many: '{{count}} пассивных',
    passives_other: '{{count}} пассивного',
    detractors_one: '{{count}} критик',
    detractors_few: '{{count}} критика',
    detractors_many: '{{count}} критиков',
    detractors_other: '{{count}} критика',
    csat: 'CSAT',
    csatDetail_one: 'доля оценок 4–5 (top-2-box): {{top2}}% · {{count}} ответ',
    csatDetail_few: 'доля оценок 4–5 (top-2-box): {{top2}}% · {{count}} ответа',
    csatDetail_many: 'доля оценок 4–5 (top-2-box): {{top2}}% · {{count}} ответов',
    csatDetail_other: 'доля оценок 4–5 (top-2-box): {{top2}}% · {{count}} ответа',
    ces: 'CES (лёгкость, 1–7)',
    csi: 'CSI — индекс удовлетворённости (1–5)',
    csiDetail_one: '{{pct}}% · {{count}} оценка',
    csiDetail_few: '{{pct}}% · {{count}} оценки',
    csiDetail_many: '{{pct}}% · {{count}} оценок',
    csiDetail_other: '{{pct}}% · {{count}} оценки',
    respondents_one: '{{count}} ответ',
    respondents_few: '{{count}} ответа',
    respondents_many: '{{count}} ответов',
    respondents_other: '{{count}} ответа',
    noAnswers: 'Ответов пока нет',
  },
}
