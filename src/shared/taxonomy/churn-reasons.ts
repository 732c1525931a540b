import { tagOf, type Bilingual, type StarterTag } from './types'

/** Teams that own churn reasons (domain-brief §3.1 "usual owner team"). */
const TEAMS = {
  CS: { en: 'Customer Success', ru: 'Успех клиентов' },
  Product: { en: 'Product', ru: 'Продукт' },
  UX: { en: 'UX', ru: 'UX-дизайн' },
  Support: { en: 'Support', ru: 'Поддержка' },
  Management: { en: 'Management', ru: 'Руководство' },
  AM: { en: 'Account management', ru: 'Аккаунт-менеджмент' },
  Ops: { en: 'Operations', ru: 'Операционный отдел' },
  Marketing: { en: 'Marketing', ru: 'Маркетинг' },
  Sales: { en: 'Sales', ru: 'Продажи' },
  Pricing: { en: 'Pricing', ru: 'Ценообразование' },
  Billing: { en: 'Billing', ru: 'Биллинг' },
  Finance: { en: 'Finance', ru: 'Финансы' },
  None: { en: 'None (external context)', ru: 'Нет (внешний контекст)' },
} satisfies Record<string, Bilingual>
type Team = keyof typeof TEAMS

function owners(...teams: Team[]): Bilingual {
  return { en: teams.map((t) => TEAMS[t].en).join(' / '), ru: teams.map((t) => TEAMS[t].ru).join(' / ') }
}

interface Category {
  code: string
  color: string
  name: Bilingual
  description: Bilingual
  reasons: {
    code: string
    name: Bilingual
    owner: Team[]
    prevention: Bilingual
    source: string
  }[]
}

/** domain-brief §3.1: ten categories, each reason with its owner team and default prevention or counter-offer. */
const CATEGORIES: Category[] = [
  {
    code: 'VAL',
    color: '#2e7d32',
    name: { en: 'Value / outcome not achieved', ru: 'Ценность / результат не достигнуты' },
    description: {
      en: 'The customer did not get the outcome they bought the product for.',
      ru: 'Клиент не получил результата, ради которого покупал продукт.',
    },
    reasons: [
      {
        code: 'VAL-01',
        name: {
          en: 'No early value; “Aha!” moment never reached (first 90 days)',
          ru: 'Нет ранней ценности; «ага-момент» так и не наступил (первые 90 дней)',
        },
        owner: ['CS'],
        prevention: {
          en: 'Fix onboarding so customers reach the “Aha!” moment within 90 days.',
          ru: 'Исправить онбординг, чтобы клиент пришёл к «ага-моменту» в первые 90 дней.',
        },
        source: '001-A',
      },
      {
        code: 'VAL-02',
        name: {
          en: 'Promised outcome not achieved / customer doesn’t see the value',
          ru: 'Обещанный результат не достигнут / клиент не видит ценности',
        },
        owner: ['CS', 'Product'],
        prevention: {
          en: 'Agree on success criteria up front and review progress towards them regularly.',
          ru: 'Заранее договориться о критериях успеха и регулярно сверять прогресс.',
        },
        source: '001-B',
      },
      {
        code: 'VAL-03',
        name: {
          en: 'Product ineffective for the customer’s job',
          ru: 'Продукт неэффективен для задачи клиента',
        },
        owner: ['Product'],
        prevention: {
          en: 'Study the job the product is hired for and close the gaps in how well it does it.',
          ru: 'Изучить «работу», ради которой нанимают продукт, и закрыть пробелы в её выполнении.',
        },
        source: '004',
      },
      {
        code: 'VAL-04',
        name: {
          en: 'Product not essential (“sports car, not truck”); cut in a downturn',
          ru: 'Продукт не обязателен («спорткар, а не грузовик»); урезан в кризис',
        },
        owner: ['Product', 'CS'],
        prevention: {
          en: 'Build indispensability: tie the product to the customer’s core, everyday workflow.',
          ru: 'Сделать продукт незаменимым: встроить его в ключевые ежедневные процессы клиента.',
        },
        source: '002',
      },
      {
        code: 'VAL-05',
        name: {
          en: 'Success not reached despite satisfaction (goal moved, success map stalled)',
          ru: 'Успех не достигнут, хотя клиент доволен (цель сместилась, карта успеха застряла)',
        },
        owner: ['CS'],
        prevention: {
          en: 'Revisit the success map with the customer and agree on the next steps from point A to point B.',
          ru: 'Пересмотреть с клиентом карту успеха и договориться о следующих шагах от точки А к точке Б.',
        },
        source: '002',
      },
    ],
  },
  {
    code: 'ONB',
    color: '#00838f',
    name: { en: 'Onboarding and adoption', ru: 'Онбординг и внедрение' },
    description: {
      en: 'The customer never got properly started with the product.',
      ru: 'Клиент так и не начал как следует пользоваться продуктом.',
    },
    reasons: [
      {
        code: 'ONB-01',
        name: {
          en: 'Onboarding too complex or too long; abandoned funnel',
          ru: 'Онбординг слишком сложный или долгий; клиент бросил воронку',
        },
        owner: ['CS', 'UX'],
        prevention: {
          en: 'Shorten and simplify the onboarding funnel; watch where users drop off.',
          ru: 'Сократить и упростить воронку онбординга; следить, где пользователи отваливаются.',
        },
        source: '001-B',
      },
      {
        code: 'ONB-02',
        name: { en: 'Registration or setup difficulties', ru: 'Трудности с регистрацией или настройкой' },
        owner: ['UX', 'Product'],
        prevention: {
          en: 'Remove registration and setup barriers; offer help through several contact channels.',
          ru: 'Убрать барьеры при регистрации и настройке; дать помощь по нескольким каналам связи.',
        },
        source: '003',
      },
      {
        code: 'ONB-03',
        name: {
          en: 'Did not implement or adopt the solution properly',
          ru: 'Решение не внедрено или освоено не полностью',
        },
        owner: ['CS'],
        prevention: {
          en: 'Run guided implementation with adoption milestones and follow up when they slip.',
          ru: 'Сопровождать внедрение с контрольными точками освоения и реагировать на отставание.',
        },
        source: '001-A',
      },
      {
        code: 'ONB-04',
        name: {
          en: 'Doesn’t understand the product / lacks training',
          ru: 'Не понимает продукт / не хватает обучения',
        },
        owner: ['CS'],
        prevention: {
          en: 'Counter-offer: consulting and training sessions.',
          ru: 'Встречное предложение: консультации и обучающие сессии.',
        },
        source: '001-A',
      },
    ],
  },
  {
    code: 'PRD',
    color: '#1565c0',
    name: { en: 'Product fit and quality', ru: 'Соответствие и качество продукта' },
    description: {
      en: 'The product itself did not do what the customer needed, or did it badly.',
      ru: 'Сам продукт не делал того, что нужно клиенту, или делал это плохо.',
    },
    reasons: [
      {
        code: 'PRD-01',
        name: {
          en: 'Doesn’t meet requirements / missing features',
          ru: 'Не соответствует требованиям / не хватает функций',
        },
        owner: ['Product'],
        prevention: {
          en: 'Feed missing requirements into the roadmap and tell customers when they ship.',
          ru: 'Вносить недостающие требования в план развития и сообщать клиентам о выходе.',
        },
        source: '000',
      },
      {
        code: 'PRD-02',
        name: {
          en: 'Product quality problems (bugs, reliability)',
          ru: 'Проблемы с качеством продукта (ошибки, надёжность)',
        },
        owner: ['Product'],
        prevention: {
          en: 'Improve product quality: fix the defects that hurt key customers first.',
          ru: 'Повышать качество продукта: в первую очередь исправлять ошибки, мешающие ключевым клиентам.',
        },
        source: '001-A',
      },
      {
        code: 'PRD-03',
        name: { en: 'Hard to use', ru: 'Сложно пользоваться' },
        owner: ['UX'],
        prevention: {
          en: 'Usability research and fixes on the most frequent tasks.',
          ru: 'Исследовать удобство и улучшать самые частые сценарии.',
        },
        source: '000',
      },
      {
        code: 'PRD-04',
        name: { en: 'Hard to set up / configure', ru: 'Сложно настроить / сконфигурировать' },
        owner: ['Product', 'UX'],
        prevention: {
          en: 'Simplify setup with sensible defaults, templates and guided configuration.',
          ru: 'Упростить настройку: разумные значения по умолчанию, шаблоны и пошаговый мастер.',
        },
        source: '000',
      },
      {
        code: 'PRD-05',
        name: { en: 'Disagrees with product direction', ru: 'Не согласен с направлением развития продукта' },
        owner: ['Product'],
        prevention: {
          en: 'Share the roadmap early and involve key customers (advisory board, early access).',
          ru: 'Заранее делиться планами и вовлекать ключевых клиентов (консультативный совет, ранний доступ).',
        },
        source: '000',
      },
      {
        code: 'PRD-06',
        name: {
          en: 'Product not updated; looking for something newer',
          ru: 'Продукт не обновляется; клиент ищет что-то новее',
        },
        owner: ['Product'],
        prevention: {
          en: 'Keep products and services updated and make the updates visible.',
          ru: 'Регулярно обновлять продукт и услуги и делать обновления заметными.',
        },
        source: '001-D',
      },
    ],
  },
  {
    code: 'SUP',
    color: '#6a1b9a',
    name: { en: 'Support and service', ru: 'Поддержка и сервис' },
    description: {
      en: 'Getting help was poor, slow or too much effort.',
      ru: 'Помощь была плохой, медленной или требовала слишком много усилий.',
    },
    reasons: [
      {
        code: 'SUP-01',
        name: { en: 'Poor support quality', ru: 'Низкое качество поддержки' },
        owner: ['Support'],
        prevention: {
          en: 'Improve support: train staff, resolve quickly, survey regularly.',
          ru: 'Улучшить поддержку: обучать сотрудников, быстро решать вопросы, регулярно опрашивать клиентов.',
        },
        source: '000, 001-A, 001-B',
      },
      {
        code: 'SUP-02',
        name: { en: 'Slow response or resolution', ru: 'Медленный ответ или решение' },
        owner: ['Support'],
        prevention: {
          en: 'Set and track first-response and resolution-time targets.',
          ru: 'Установить и отслеживать целевое время первого ответа и решения.',
        },
        source: '001-A',
      },
      {
        code: 'SUP-03',
        name: {
          en: 'High effort to get issues solved (low CES)',
          ru: 'Много усилий, чтобы решить проблему (низкий CES)',
        },
        owner: ['Support'],
        prevention: {
          en: 'Measure CES after support contacts and remove the steps that cost customers effort.',
          ru: 'Измерять CES после обращений и убирать шаги, которые требуют усилий от клиента.',
        },
        source: '001-E',
      },
      {
        code: 'SUP-04',
        name: {
          en: 'Staff conduct or presentation below expectations',
          ru: 'Поведение или внешний вид сотрудников ниже ожиданий',
        },
        owner: ['Management'],
        prevention: {
          en: 'Set conduct and appearance standards for all client-facing staff.',
          ru: 'Ввести стандарты поведения и внешнего вида для всех, кто работает с клиентами.',
        },
        source: '003',
      },
    ],
  },
  {
    code: 'REL',
    color: '#ad1457',
    name: { en: 'Relationship and communication', ru: 'Отношения и коммуникация' },
    description: {
      en: 'How the vendor worked with the customer let them down.',
      ru: 'Клиента подвело то, как с ним работала компания.',
    },
    reasons: [
      {
        code: 'REL-01',
        name: {
          en: 'Vendor didn’t understand needs; no deep, regular contact',
          ru: 'Компания не поняла потребности; нет глубокого регулярного контакта',
        },
        owner: ['CS'],
        prevention: {
          en: 'Hold regular depth interviews and check-ins with key customers.',
          ru: 'Регулярно проводить глубинные интервью и встречи с ключевыми клиентами.',
        },
        source: '003',
      },
      {
        code: 'REL-02',
        name: { en: 'Team communication ineffective', ru: 'Неэффективная коммуникация команды' },
        owner: ['CS', 'AM'],
        prevention: {
          en: 'Agree on a contact plan and one accountable person per account.',
          ru: 'Согласовать план контактов и одного ответственного за клиента.',
        },
        source: '001-A',
      },
      {
        code: 'REL-03',
        name: {
          en: 'Hard to do business with (processes, bureaucracy)',
          ru: 'Сложно сотрудничать (процессы, бюрократия)',
        },
        owner: ['Ops'],
        prevention: {
          en: 'Simplify contracts, approvals and billing processes.',
          ru: 'Упростить договоры, согласования и процессы оплаты.',
        },
        source: '000',
      },
      {
        code: 'REL-04',
        name: {
          en: 'Over-promised by marketing or sales; false expectations',
          ru: 'Маркетинг или продажи пообещали лишнее; ложные ожидания',
        },
        owner: ['Marketing', 'Sales'],
        prevention: {
          en: 'Align marketing and sales promises with what the product really delivers.',
          ru: 'Привести обещания маркетинга и продаж в соответствие с реальными возможностями продукта.',
        },
        source: '001-B',
      },
      {
        code: 'REL-05',
        name: {
          en: 'Broken handoff; asked the same things repeatedly',
          ru: 'Сбой при передаче клиента; одни и те же вопросы по кругу',
        },
        owner: ['Sales', 'CS'],
        prevention: {
          en: 'Hand over everything learnt in the sale so the customer is never asked twice.',
          ru: 'Передавать всё, что выяснили при продаже, чтобы клиента не спрашивали дважды.',
        },
        source: '001-B',
      },
    ],
  },
  {
    code: 'PRC',
    color: '#e65100',
    name: { en: 'Price and commercial terms', ru: 'Цена и коммерческие условия' },
    description: {
      en: 'Price, terms or payment drove the customer away.',
      ru: 'Клиента оттолкнули цена, условия или оплата.',
    },
    reasons: [
      {
        code: 'PRC-01',
        name: {
          en: 'Price too high / poor price-value',
          ru: 'Слишком высокая цена / плохое соотношение цены и ценности',
        },
        owner: ['Pricing'],
        prevention: {
          en: 'Competitive pricing, reviewed regularly.',
          ru: 'Конкурентные цены, регулярный пересмотр.',
        },
        source: '000, 001-B, 001-D',
      },
      {
        code: 'PRC-02',
        name: {
          en: 'Customer’s financial difficulty / budget cut',
          ru: 'Финансовые трудности клиента / сокращение бюджета',
        },
        owner: ['AM'],
        prevention: {
          en: 'Counter-offer: extended payment term or some free months.',
          ru: 'Встречное предложение: отсрочка платежа или несколько бесплатных месяцев.',
        },
        source: '001-A',
      },
      {
        code: 'PRC-03',
        name: { en: 'Inflexible contract terms', ru: 'Негибкие условия договора' },
        owner: ['Sales'],
        prevention: {
          en: 'Counter-offer: flexible contract terms.',
          ru: 'Встречное предложение: гибкие условия договора.',
        },
        source: '001-D, 004',
      },
      {
        code: 'PRC-04',
        name: { en: 'Payment process friction', ru: 'Неудобный процесс оплаты' },
        owner: ['Product', 'Billing'],
        prevention: {
          en: 'Make paying easy: more payment methods, fewer steps, clear invoices.',
          ru: 'Упростить оплату: больше способов, меньше шагов, понятные счета.',
        },
        source: '001-B',
      },
      {
        code: 'PRC-05',
        name: { en: 'Lost legacy tariff or privileges', ru: 'Потеря старого тарифа или привилегий' },
        owner: ['AM'],
        prevention: {
          en: 'Let loyal customers keep legacy tariffs and privileges.',
          ru: 'Сохранять лояльным клиентам старые тарифы и привилегии.',
        },
        source: '003',
      },
    ],
  },
  {
    code: 'CMP',
    color: '#c62828',
    name: { en: 'Competition', ru: 'Конкуренция' },
    description: { en: 'The customer moved to another solution.', ru: 'Клиент перешёл на другое решение.' },
    reasons: [
      {
        code: 'CMP-01',
        name: { en: 'Switched to a named competitor', ru: 'Перешёл к названному конкуренту' },
        owner: ['Product', 'Marketing'],
        prevention: {
          en: 'Record which competitor and why; compare offers and close the gaps that matter.',
          ru: 'Записать, к какому конкуренту и почему; сравнить предложения и закрыть важные пробелы.',
        },
        source: '001-A, 004',
      },
      {
        code: 'CMP-02',
        name: { en: 'Competitor made a better offer', ru: 'Конкурент сделал более выгодное предложение' },
        owner: ['Sales', 'Pricing'],
        prevention: {
          en: 'Watch passives (NPS 7–8), who are most at risk, and reach them with a retention offer first.',
          ru: 'Следить за нейтралами (NPS 7–8), они в зоне риска, и первыми предлагать им условия удержания.',
        },
        source: '004, 001-E',
      },
      {
        code: 'CMP-03',
        name: {
          en: 'Built or moved to an in-house / alternative solution',
          ru: 'Сделал собственное решение / перешёл на альтернативу',
        },
        owner: ['Product'],
        prevention: {
          en: 'Find out what the in-house solution does better and whether integration would keep the account.',
          ru: 'Выяснить, чем собственное решение лучше и не сохранит ли клиента интеграция.',
        },
        source: 'not in sources, optional',
      },
    ],
  },
  {
    code: 'FIT',
    color: '#5d4037',
    name: { en: 'Customer fit', ru: 'Соответствие клиента' },
    description: {
      en: 'The customer was not, or is no longer, a good fit.',
      ru: 'Клиент не подходил или перестал подходить продукту.',
    },
    reasons: [
      {
        code: 'FIT-01',
        name: {
          en: 'Wrong-fit customer (outside ICP / segment C)',
          ru: 'Неподходящий клиент (вне ICP / сегмент C)',
        },
        owner: ['Marketing'],
        prevention: {
          en: 'Rework marketing so it stops attracting unsuitable customers.',
          ru: 'Перестроить маркетинг, чтобы он перестал привлекать неподходящих клиентов.',
        },
        source: '001-A, 003, 000',
      },
      {
        code: 'FIT-02',
        name: {
          en: 'Never a buyer (segment D behaviour)',
          ru: 'Так и не стал покупателем (поведение сегмента D)',
        },
        owner: ['Sales'],
        prevention: { en: 'Tighten sales qualification.', ru: 'Ужесточить квалификацию в продажах.' },
        source: '003',
      },
      {
        code: 'FIT-03',
        name: {
          en: 'Need changed or disappeared; job no longer exists',
          ru: 'Потребность изменилась или исчезла; «работы» больше нет',
        },
        owner: ['Product', 'Marketing'],
        prevention: {
          en: 'Track changes in customers’ jobs and offer a fitting plan or product early.',
          ru: 'Отслеживать, как меняются задачи клиентов, и заранее предлагать подходящий тариф или продукт.',
        },
        source: 'derived',
      },
    ],
  },
  {
    code: 'INV',
    color: '#546e7a',
    name: { en: 'Involuntary / passive', ru: 'Вынужденный / пассивный отток' },
    description: {
      en: 'The customer left without deciding to: payment failed or they simply stopped.',
      ru: 'Клиент ушёл, не принимая решения: не прошёл платёж или он просто перестал пользоваться.',
    },
    reasons: [
      {
        code: 'INV-01',
        name: {
          en: 'Failed renewal payment / expired card',
          ru: 'Не прошёл платёж за продление / истекла карта',
        },
        owner: ['Billing'],
        prevention: {
          en: 'Use an account (card) updater and email reminders before renewal.',
          ru: 'Использовать автообновление данных карты и напоминания по почте перед продлением.',
        },
        source: '001-A',
      },
      {
        code: 'INV-02',
        name: {
          en: 'Silent churn: stopped using without notice',
          ru: 'Тихий отток: перестал пользоваться без предупреждения',
        },
        owner: ['CS'],
        prevention: {
          en: 'Monitor usage and reach out when it drops.',
          ru: 'Следить за использованием и связываться с клиентом при спаде.',
        },
        source: '001-D',
      },
      {
        code: 'INV-03',
        name: { en: 'Post-payment non-payment or dispute', ru: 'Неоплата по постоплате или спор' },
        owner: ['Finance'],
        prevention: {
          en: 'Agree on payment terms in writing and follow up overdue invoices early.',
          ru: 'Фиксировать условия оплаты письменно и рано напоминать о просроченных счетах.',
        },
        source: '001-F',
      },
    ],
  },
  {
    code: 'EXT',
    color: '#757575',
    name: { en: 'External', ru: 'Внешние причины' },
    description: {
      en: 'Forces outside both the customer’s and the vendor’s control.',
      ru: 'Обстоятельства, которые не зависят ни от клиента, ни от компании.',
    },
    reasons: [
      {
        code: 'EXT-01',
        name: { en: 'Economic downturn / crisis', ru: 'Экономический спад / кризис' },
        owner: ['None'],
        prevention: {
          en: 'Not controllable; record it as context and keep in touch for a win-back.',
          ru: 'Не зависит от нас; записать как контекст и поддерживать связь для возврата клиента.',
        },
        source: '002',
      },
      {
        code: 'EXT-02',
        name: {
          en: 'Political or social external forces',
          ru: 'Политические или социальные внешние факторы',
        },
        owner: ['None'],
        prevention: {
          en: 'Not controllable; record it as context and keep in touch for a win-back.',
          ru: 'Не зависит от нас; записать как контекст и поддерживать связь для возврата клиента.',
        },
        source: '002',
      },
    ],
  },
]

export const CHURN_CATEGORY_CODES = CATEGORIES.map((c) => c.code)

export const CHURN_REASONS: readonly StarterTag[] = CATEGORIES.flatMap((c) => [
  tagOf({
    key: c.code,
    kind: 'churn_reason',
    code: c.code,
    color: c.color,
    name: c.name,
    description: c.description,
  }),
  ...c.reasons.map((r) =>
    tagOf({
      key: r.code,
      parentKey: c.code,
      kind: 'churn_reason',
      code: r.code,
      color: c.color,
      name: r.name,
      // r.source is the research provenance of the reason, for whoever maintains this list; it means
      // nothing to someone coding an interview. A reason is described by what its category means.
      description: c.description,
      ownerTeam: owners(...r.owner),
      prevention: r.prevention,
    }),
  ),
])
