import type { LaneKind, Team } from '../domain/board'
import type { Language } from '../domain/common'

/**
 * Built-in journey map templates, domain brief §3.4 (stages, lanes, starter cards), with the touchpoints of
 * §1.2.3, the owning teams of §1.2.4 (the brief's "derived, verify" mapping) and the survey moments of §1.2.5.
 * Data only: services/boards turns a template into a board in the user's language.
 */
type Text = Record<Language, string>

export interface TemplateStage {
  /** The journey-stage tag (starter codebook) this stage is linked to, by its semantic key. */
  key: string
  name: Text
}

export interface TemplateLane {
  key: string
  kind: LaneKind
  name: Text
}

export interface TemplateCard {
  stage: string
  lane: string
  text: Text
  /** A churn-reason code (taxonomy §3.1) the card is about; linked when that tag is in the codebook. */
  tagCode?: string
  channel?: Text
  teams?: readonly Team[]
}

export const BOARD_TEMPLATES = ['saas_default', 'lifecycle', 'cs_process', 'empty'] as const
export type BoardTemplate = (typeof BOARD_TEMPLATES)[number]

const t = (en: string, ru: string): Text => ({ en, ru })

/** The default 10-stage SaaS journey, merged from [001-A] and [003]. */
export const SAAS_STAGES: readonly TemplateStage[] = [
  { key: 'awareness', name: t('Awareness', 'Знакомство') },
  { key: 'consideration', name: t('Consideration', 'Рассмотрение') },
  { key: 'decision', name: t('Decision / purchase', 'Решение / покупка') },
  { key: 'onboarding', name: t('Onboarding & first use', 'Онбординг и первое использование') },
  { key: 'regular_use', name: t('Regular use / adoption', 'Регулярное использование') },
  { key: 'support', name: t('Support & service', 'Поддержка и сервис') },
  { key: 'retention', name: t('Retention / renewal', 'Удержание / продление') },
  { key: 'expansion', name: t('Expansion (upsell / cross-sell)', 'Расширение (допродажи)') },
  { key: 'advocacy', name: t('Loyalty / advocacy', 'Лояльность / рекомендации') },
  { key: 'offboarding', name: t('Offboarding / exit', 'Уход клиента') },
]

/** "Reach – Acquisition – Conversion – Retention – Loyalty" [001-A]; linked to the nearest default stage tags. */
export const LIFECYCLE_STAGES: readonly TemplateStage[] = [
  { key: 'awareness', name: t('Reach', 'Охват') },
  { key: 'consideration', name: t('Acquisition', 'Привлечение') },
  { key: 'decision', name: t('Conversion', 'Конверсия') },
  { key: 'retention', name: t('Retention', 'Удержание') },
  { key: 'advocacy', name: t('Loyalty', 'Лояльность') },
]

/** "Marketing → Initial sale → Adoption → Measurable ROI → Expansion → Advocacy → Renewal" [001-B]. */
export const CS_PROCESS_STAGES: readonly TemplateStage[] = [
  { key: 'awareness', name: t('Marketing and pre-sales', 'Маркетинг и пресейл') },
  { key: 'decision', name: t('Initial sale', 'Первая продажа') },
  { key: 'onboarding', name: t('User adoption', 'Внедрение у пользователей') },
  { key: 'regular_use', name: t('Measurable ROI', 'Измеримый ROI') },
  { key: 'expansion', name: t('Expansion', 'Расширение') },
  { key: 'advocacy', name: t('Advocacy', 'Рекомендации') },
  { key: 'retention', name: t('Renewal', 'Продление') },
]

/** The 12 lanes of §3.4, top to bottom. */
export const JOURNEY_LANES: readonly TemplateLane[] = [
  { key: 'step', kind: 'text', name: t('Customer step or mindset', 'Шаг и настрой клиента') },
  { key: 'actions', kind: 'text', name: t('Actions', 'Действия') },
  { key: 'touchpoints', kind: 'touchpoints', name: t('Touchpoints / channels', 'Точки контакта / каналы') },
  { key: 'teams', kind: 'teams', name: t('Owning team(s)', 'Ответственные команды') },
  { key: 'expectations', kind: 'text', name: t('Expectations', 'Ожидания') },
  { key: 'emotions', kind: 'emotion', name: t('Emotions', 'Эмоции') },
  { key: 'barriers', kind: 'text', name: t('Barriers / pain points', 'Барьеры / боли') },
  { key: 'positive', kind: 'text', name: t('Positive moments', 'Позитивные моменты') },
  { key: 'evidence', kind: 'evidence', name: t('Evidence', 'Доказательства') },
  { key: 'metrics', kind: 'metrics', name: t('Metric moments', 'Моменты замеров') },
  { key: 'churn', kind: 'churn', name: t('Churn-risk signals', 'Сигналы риска оттока') },
  {
    key: 'opportunities',
    kind: 'opportunities',
    name: t('Improvement ideas / opportunities', 'Идеи улучшений'),
  },
]

/** Touchpoints per stage, §1.2.3 (the table's list; the onboarding channels from the example after it). */
const TOUCHPOINTS: Record<string, readonly Text[]> = {
  awareness: [
    t('SEO', 'SEO'),
    t('Paid social and paid ads', 'Таргетированная и платная реклама'),
    t('Blog content', 'Контент в блоге'),
    t('Word of mouth', 'Сарафанное радио'),
    t('Press', 'Пресса'),
  ],
  consideration: [
    t('Website visit', 'Посещение сайта'),
    t('Organic social', 'Органические соцсети'),
    t('Product demo', 'Демо продукта'),
    t('Case studies', 'Кейсы'),
  ],
  decision: [
    t('Reviews', 'Отзывы'),
    t('Branded content', 'Брендированный контент'),
    t('User experience', 'Пользовательский опыт'),
    t('Interaction with sales', 'Общение с отделом продаж'),
  ],
  onboarding: [
    t(
      'Several contact channels: chat, phone, in-product chat, meeting booking',
      'Несколько каналов связи: чат, телефон, чат в продукте, запись на встречу',
    ),
  ],
  retention: [
    t('Reviews', 'Отзывы'),
    t('Customer surveys', 'Опросы клиентов'),
    t('Product-feedback surveys', 'Опросы об обратной связи по продукту'),
    t('Email campaigns', 'Email-рассылки'),
  ],
  advocacy: [
    t('Organic social', 'Органические соцсети'),
    t('Customer surveys', 'Опросы клиентов'),
    t('Customer loyalty programmes', 'Программы лояльности'),
  ],
}

/** Owning teams per stage, §1.2.4 ("most plausible mapping, derived, verify"): Marketing and Design/UX everywhere. */
const OWNERS: Record<string, readonly Team[]> = {
  awareness: ['marketing', 'design_ux'],
  consideration: ['marketing', 'product', 'design_ux'],
  decision: ['marketing', 'product', 'sales', 'customer_success', 'design_ux'],
  onboarding: ['customer_success', 'product', 'design_ux'],
  regular_use: ['product', 'customer_success', 'design_ux'],
  support: ['support', 'customer_success'],
  retention: ['marketing', 'product', 'customer_success', 'design_ux'],
  expansion: ['customer_success', 'sales', 'account_management'],
  advocacy: ['marketing', 'product', 'customer_success', 'design_ux'],
  offboarding: ['customer_success', 'account_management'],
}

/** Survey moments per stage, §1.2.5. */
const METRIC_MOMENTS: Record<string, readonly Text[]> = {
  decision: [
    t('CSAT after purchase', 'CSAT после покупки'),
    t('CSAT after the free trial', 'CSAT после пробного периода'),
  ],
  onboarding: [
    t('NPS right after onboarding', 'NPS сразу после онбординга'),
    t('CSAT after signup', 'CSAT после регистрации'),
  ],
  regular_use: [
    t('NPS about one month after signup', 'NPS примерно через месяц после регистрации'),
    t('CSAT after a period of use', 'CSAT после периода использования'),
  ],
  support: [
    t(
      'CSAT after a support interaction or ticket closure',
      'CSAT после обращения в поддержку или закрытия тикета',
    ),
    t('CES right after support or problem resolution', 'CES сразу после обращения или решения проблемы'),
    t('NPS after ticket closure', 'NPS после закрытия тикета'),
  ],
  retention: [
    t('NPS / CSAT right after bill payment', 'NPS / CSAT сразу после оплаты счёта'),
    t('Renewal date', 'Дата продления'),
  ],
}

/** Starter cards, §3.4 "source-derived starter cards". */
const STARTER_CARDS: readonly TemplateCard[] = [
  {
    stage: 'decision',
    lane: 'barriers',
    text: t('Interaction with sales: over-promising', 'Общение с продажами: завышенные обещания'),
    tagCode: 'REL-04',
  },
  {
    stage: 'onboarding',
    lane: 'barriers',
    text: t('Registration or setup difficulty', 'Трудности с регистрацией или настройкой'),
    tagCode: 'ONB-02',
  },
  {
    stage: 'onboarding',
    lane: 'expectations',
    text: t('Reach the "aha" moment within 90 days', 'Достичь «ага-момента» в первые 90 дней'),
  },
  {
    stage: 'support',
    lane: 'positive',
    text: t('Fast, efficient support', 'Быстрая и эффективная поддержка'),
  },
  {
    stage: 'retention',
    lane: 'barriers',
    text: t('Billing actions / renewal payment', 'Выставление счетов / оплата продления'),
    tagCode: 'INV-01',
  },
  {
    stage: 'advocacy',
    lane: 'opportunities',
    text: t('Loyalty programme / gamification', 'Программа лояльности / геймификация'),
  },
  { stage: 'advocacy', lane: 'opportunities', text: t('Legacy tariffs', 'Сохранение старых тарифов') },
  { stage: 'advocacy', lane: 'opportunities', text: t('Exclusive events', 'Эксклюзивные мероприятия') },
  { stage: 'advocacy', lane: 'opportunities', text: t('Early access', 'Ранний доступ') },
]

export interface JourneyTemplate {
  stages: readonly TemplateStage[]
  lanes: readonly TemplateLane[]
  cards: readonly TemplateCard[]
}

/** Suggestions for a stage's touchpoint cards (the editor offers them; the SaaS template starts with them). */
export function touchpointSuggestions(stageKey: string): readonly Text[] {
  return TOUCHPOINTS[stageKey] ?? []
}

function defaultCards(stages: readonly TemplateStage[]): TemplateCard[] {
  const keys = new Set(stages.map((s) => s.key))
  const cards: TemplateCard[] = []
  for (const s of stages) {
    for (const tp of TOUCHPOINTS[s.key] ?? [])
      cards.push({ stage: s.key, lane: 'touchpoints', text: tp, channel: tp, teams: OWNERS[s.key] ?? [] })
    const owners = OWNERS[s.key]
    if (owners) cards.push({ stage: s.key, lane: 'teams', text: t('', ''), teams: owners })
    for (const m of METRIC_MOMENTS[s.key] ?? []) cards.push({ stage: s.key, lane: 'metrics', text: m })
  }
  return [...cards, ...STARTER_CARDS.filter((c) => keys.has(c.stage))]
}

export function journeyTemplate(template: BoardTemplate): JourneyTemplate {
  switch (template) {
    case 'saas_default':
      return { stages: SAAS_STAGES, lanes: JOURNEY_LANES, cards: defaultCards(SAAS_STAGES) }
    case 'lifecycle':
      return { stages: LIFECYCLE_STAGES, lanes: JOURNEY_LANES, cards: defaultCards(LIFECYCLE_STAGES) }
    case 'cs_process':
      return { stages: CS_PROCESS_STAGES, lanes: JOURNEY_LANES, cards: defaultCards(CS_PROCESS_STAGES) }
    case 'empty':
      return { stages: [], lanes: [], cards: [] }
  }
}

/** The walk-through questions asked at every stage, domain brief §1.1.3 (with "what did you do" first). */
export const WALKTHROUGH_QUESTIONS: readonly { key: string; text: (stage: string) => Text }[] = [
  { key: 'did', text: (s) => t(`What did you do at the "${s}" stage?`, `Что вы делали на этапе «${s}»?`) },
  { key: 'liked', text: (s) => t(`What did you like about "${s}"?`, `Что вам понравилось на этапе «${s}»?`) },
  {
    key: 'hard',
    text: (s) => t(`What was hard or caused difficulty at "${s}"?`, `Что было трудно на этапе «${s}»?`),
  },
  {
    key: 'improve',
    text: (s) => t(`What would you improve about "${s}"?`, `Что бы вы улучшили на этапе «${s}»?`),
  },
]

export const WALKTHROUGH_TEXT = {
  name: (board: string) => t(`Journey walk-through: ${board}`, `Интервью по пути клиента: ${board}`),
  description: t(
    'Generated from the stages of a journey board: for each stage, what they did, liked, found hard and would improve.',
    'Создано по этапам карты пути клиента: для каждого этапа — что делали, что понравилось, что было трудно, что улучшить.',
  ),
  guidance: t(
    'Ask for a concrete recent example at this stage before moving on.',
    'Попросите конкретный недавний пример на этом этапе, прежде чем идти дальше.',
  ),
}
