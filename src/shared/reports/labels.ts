import type { InsightStatus } from '../domain/insight'
import type { ConfidenceLabel, ConfidenceReason } from '../insights/confidence'
import type { ReportSectionId } from './model'

/** The words a report is written in, per language; the numbers and the user's text are never translated. */
export interface ReportLabels {
  untitled: string
  wholeLibrary: string
  madeOn: string
  anonymized: string
  filters: { segment: string; from: string; to: string; tag: string }
  sections: Record<ReportSectionId, string>
  method: {
    intro: (interviews: number, companies: number, participants: number) => string
    dates: (first: string, last: string) => string
    interviewers: string
    coverage: string
    segment: string
    unsegmented: string
    interviews: string
    done: string
    companies: string
    target: string
  }
  churn: {
    byCompanies: string
    byLostMrr: string
    reason: string
    code: string
    companies: string
    lostMrr: string
    share: string
    mentioned: string
    prevention: string
    none: string
    quotesOf: (reason: string) => string
  }
  forces: {
    force: string
    participants: string
    quotes: string
    names: Record<string, string>
    stories: string
  }
  metrics: {
    metric: string
    value: string
    respondents: string
    definitions: string[]
    none: string
  }
  people: {
    participants: string
    companies: string
    name: string
    role: string
    company: string
    segment: string
    plan: string
    mrr: string
    status: string
    customerSince: string
    churnedOn: string
  }
  appendix: { none: string; quotes: (n: number) => string }
  /** The spreadsheet-only table of every quote (XLSX sheet, CSV file). */
  quotes: {
    sheet: string
    quote: string
    tags: string
    participant: string
    interview: string
    date: string
    study: string
    source: string
    emotion: string
    memo: string
    sources: Record<'note' | 'transcript', string>
  }
  journey: { none: string; curve: string }
  insights: {
    none: string
    confidence: string
    against: string
    level: Record<ConfidenceLabel, string>
    status: Record<InsightStatus, string>
    /** A reason of the score in words, with the points it adds ("3 companies: +32"). */
    reason: (r: ConfidenceReason) => string
  }
  unknownSpeaker: string
  /** Words the export formats add around the model: a table of contents, a chart's numbers, an insight's parts. */
  formats: {
    contents: string
    contentsHint: string
    item: string
    cumulativeShare: string
    /** What a slide or table leaves out when it is cut to fit ("…and 12 more"). */
    more: (n: number) => string
    reasons: string
    status: string
    for: string
    /** The one sheet of a workbook whose report has no table, and what it says. */
    reportSheet: string
    noTables: string
  }
}

/** "1 interview", "2 interviews": English has two forms; Russian labels avoid the count's noun instead. */
const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

const EN: ReportLabels = {
  untitled: 'Research report',
  wholeLibrary: 'All studies',
  madeOn: 'Made on',
  anonymized:
    'Anonymized: participants and companies are numbered; names, e-mails and phone numbers are removed.',
  filters: { segment: 'Segment', from: 'From', to: 'To', tag: 'Tag' },
  sections: {
    summary: 'Summary',
    method: 'Method and coverage',
    insights: 'Key insights',
    churn: 'Churn reasons',
    forces: 'Forces of progress and job stories',
    journey: 'Customer journey',
    metrics: 'NPS, CSAT, CES and CSI',
    people: 'Participants and companies',
    appendix: 'Appendix: quotes by tag',
  },
  method: {
    intro: (i, c, p) =>
      `${count(i, 'interview')} with ${count(p, 'participant')} from ${count(c, 'company', 'companies')}.`,
    dates: (a, b) => (a === b ? `Conducted on ${a}.` : `Conducted between ${a} and ${b}.`),
    interviewers: 'Interviewers',
    coverage: 'Interviews by ABCD segment',
    segment: 'Segment',
    unsegmented: 'No segment',
    interviews: 'Interviews',
    done: 'Done',
    companies: 'Companies',
    target: 'Target',
  },
  churn: {
    byCompanies: 'Churn reasons by churned companies',
    byLostMrr: 'Churn reasons by lost MRR',
    reason: 'Reason',
    code: 'Code',
    companies: 'Churned companies',
    lostMrr: 'Lost MRR',
    share: 'Share',
    mentioned: 'Companies mentioning',
    prevention: 'Prevention',
    none: 'No churned company has a coded reason yet.',
    quotesOf: (r) => `What customers said: ${r}`,
  },
  forces: {
    force: 'Force',
    participants: 'Participants',
    quotes: 'Quotes',
    names: { push: 'Push', pull: 'Pull', anxiety: 'Anxiety', habit: 'Habit' },
    stories: 'Job stories',
  },
  metrics: {
    metric: 'Metric',
    value: 'Value',
    respondents: 'Respondents',
    definitions: [
      'NPS = % promoters (9–10) − % detractors (0–6), from −100 to +100.',
      'CSAT = mean of the 1–5 ratings; top-2-box = share of 4s and 5s.',
      'CES = mean of the 1–7 effort ratings (higher is easier).',
      'CSI = weighted mean of the driver ratings, as a share of the maximum.',
    ],
    none: 'No ratings were captured in these interviews.',
  },
  people: {
    participants: 'Participants',
    companies: 'Companies',
    name: 'Name',
    role: 'Role',
    company: 'Company',
    segment: 'Segment',
    plan: 'Plan',
    mrr: 'MRR',
    status: 'Status',
    customerSince: 'Customer since',
    churnedOn: 'Churned on',
  },
  appendix: { none: 'No tagged quotes.', quotes: (n) => (n === 1 ? '1 quote' : `${n} quotes`) },
  quotes: {
    sheet: 'Quotes',
    quote: 'Quote',
    tags: 'Tags',
    participant: 'Participant',
    interview: 'Interview',
    date: 'Date',
    study: 'Study',
    source: 'Source',
    emotion: 'Emotion (−2…+2)',
    memo: 'Memo',
    sources: { note: 'Notes', transcript: 'Transcript' },
  },
  journey: { none: 'No journey board in this study.', curve: 'Emotion curve' },
  insights: {
    none: 'No insights yet.',
    confidence: 'Confidence',
    against: 'Against',
    level: { assumption: 'Assumption', low: 'Low', medium: 'Medium', high: 'High' },
    status: { draft: 'Draft', validated: 'Validated', shared: 'Shared' },
    reason: (r) => {
      switch (r.kind) {
        case 'companies':
          return `${r.count} ${r.count === 1 ? 'company' : 'companies'}: +${r.points}`
        case 'participants':
          return `${r.count} ${r.count === 1 ? 'participant' : 'participants'}: +${r.points}`
        case 'segments':
          return r.segments.length
            ? `Segments ${r.segments.join(', ')}: +${r.points}`
            : 'No segment known: +0'
        case 'methods':
          return r.methods.length ? `Methods ${r.methods.join(', ')}: +${r.points}` : 'No method known: +0'
        case 'recency':
          return r.newestAgeDays === null
            ? 'No dated quote: +0'
            : r.newestAgeDays === 0
              ? `Newest quote from today: +${r.points}`
              : `Newest quote ${count(r.newestAgeDays, 'day')} old: +${r.points}`
        case 'contradiction':
          return `${r.againstBackers} against, ${r.forBackers} for: −${r.penalty}`
        case 'noEvidence':
          return 'No quote backs it yet'
      }
    },
  },
  unknownSpeaker: 'Unknown',
  formats: {
    contents: 'Contents',
    contentsHint: 'Right-click and choose Update Field to fill in the table of contents.',
    item: 'Item',
    cumulativeShare: 'Cumulative share',
    more: (n) => `…and ${n} more`,
    reasons: 'Why',
    status: 'Status',
    for: 'For',
    reportSheet: 'Report',
    noTables: 'This report has no tables.',
  },
}

const RU: ReportLabels = {
  ...EN,
  untitled: 'Отчёт об исследовании',
  wholeLibrary: 'Все исследования',
  madeOn: 'Дата',
  anonymized: 'Обезличено: участники и компании пронумерованы; имена, e-mail и телефоны удалены.',
  filters: { segment: 'Сегмент', from: 'С', to: 'По', tag: 'Тег' },
  sections: {
    summary: 'Резюме',
    method: 'Метод и охват',
    insights: 'Ключевые инсайты',
    churn: 'Причины оттока',
    forces: 'Силы прогресса и истории работ',
    journey: 'Путь клиента',
    metrics: 'NPS, CSAT, CES и CSI',
    people: 'Участники и компании',
    appendix: 'Приложение: цитаты по тегам',
  },
  method: {
    ...EN.method,
    intro: (i, c, p) => `Интервью: ${i}, участников: ${p}, компаний: ${c}.`,
    dates: (a, b) => (a === b ? `Проведены ${a}.` : `Проведены с ${a} по ${b}.`),
    interviewers: 'Интервьюеры',
    coverage: 'Интервью по сегментам ABCD',
    segment: 'Сегмент',
    unsegmented: 'Без сегмента',
    interviews: 'Интервью',
    done: 'Проведено',
    companies: 'Компании',
    target: 'Цель',
  },
  churn: {
    ...EN.churn,
    byCompanies: 'Причины оттока по числу ушедших компаний',
    byLostMrr: 'Причины оттока по потерянному MRR',
    reason: 'Причина',
    code: 'Код',
    companies: 'Ушедшие компании',
    lostMrr: 'Потерянный MRR',
    share: 'Доля',
    mentioned: 'Упоминали',
    prevention: 'Профилактика',
    none: 'Ни у одной ушедшей компании ещё нет причины.',
    quotesOf: (r) => `Что говорили клиенты: ${r}`,
  },
  forces: {
    force: 'Сила',
    participants: 'Участники',
    quotes: 'Цитаты',
    names: { push: 'Толчок', pull: 'Притяжение', anxiety: 'Тревога', habit: 'Привычка' },
    stories: 'Истории работ',
  },
  metrics: {
    ...EN.metrics,
    metric: 'Метрика',
    value: 'Значение',
    respondents: 'Ответов',
    none: 'Оценок в этих интервью нет.',
  },
  people: {
    participants: 'Участники',
    companies: 'Компании',
    name: 'Имя',
    role: 'Роль',
    company: 'Компания',
    segment: 'Сегмент',
    plan: 'Тариф',
    mrr: 'MRR',
    status: 'Статус',
    customerSince: 'Клиент с',
    churnedOn: 'Ушёл',
  },
  appendix: { none: 'Нет цитат с тегами.', quotes: (n) => `Цитат: ${n}` },
  quotes: {
    sheet: 'Цитаты',
    quote: 'Цитата',
    tags: 'Теги',
    participant: 'Участник',
    interview: 'Интервью',
    date: 'Дата',
    study: 'Исследование',
    source: 'Источник',
    emotion: 'Эмоция (−2…+2)',
    memo: 'Заметка',
    sources: { note: 'Заметки', transcript: 'Расшифровка' },
  },
  journey: { none: 'В исследовании нет карты пути.', curve: 'Кривая эмоций' },
  insights: {
    none: 'Инсайтов пока нет.',
    confidence: 'Уверенность',
    against: 'Против',
    level: { assumption: 'Допущение', low: 'Низкая', medium: 'Средняя', high: 'Высокая' },
    status: { draft: 'Черновик', validated: 'Подтверждён', shared: 'Опубликован' },
    reason: (r) => {
      switch (r.kind) {
        case 'companies':
          return `Компаний: ${r.count}: +${r.points}`
        case 'participants':
          return `Участников: ${r.count}: +${r.points}`
        case 'segments':
          return r.segments.length
            ? `Сегменты ${r.segments.join(', ')}: +${r.points}`
            : 'Сегмент неизвестен: +0'
        case 'methods':
          return r.methods.length ? `Методы ${r.methods.join(', ')}: +${r.points}` : 'Метод неизвестен: +0'
        case 'recency':
          return r.newestAgeDays === null
            ? 'Нет датированных цитат: +0'
            : r.newestAgeDays === 0
              ? `Самая новая цитата — сегодняшняя: +${r.points}`
              : `Самой новой цитате ${r.newestAgeDays} дн.: +${r.points}`
        case 'contradiction':
          return `Против: ${r.againstBackers}, за: ${r.forBackers}: −${r.penalty}`
        case 'noEvidence':
          return 'Ни одна цитата его пока не подтверждает'
      }
    },
  },
  unknownSpeaker: 'Неизвестно',
  formats: {
    contents: 'Содержание',
    contentsHint: 'Нажмите правой кнопкой и выберите «Обновить поле», чтобы заполнить содержание.',
    item: 'Пункт',
    cumulativeShare: 'Накопленная доля',
    more: (n) => `…и ещё ${n}`,
    reasons: 'Почему',
    status: 'Статус',
    for: 'За',
    reportSheet: 'Отчёт',
    noTables: 'В этом отчёте нет таблиц.',
  },
}

export const REPORT_LABELS = { en: EN, ru: RU } as const
