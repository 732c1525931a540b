import type { LaneKind, Team } from '../domain/board'
import type { Language } from '../domain/common'

/**
 * The words the board exports print themselves (everything else on an export is the user's text). The exports
 * run outside React, for a file the user sends on, so they carry their own small table instead of i18next.
 */
export interface ExportLabels {
  asIs: string
  toBe: string
  override: string
  noEvidence: string
  evidence: string
  assumption: string
  quotes: string
  companies: string
  participants: string
  churnReasons: string
  lostMrr: string
  metrics: string
  emotion: string
  cards: string
  stages: string
  lane: string
  card: string
  details: string
  owner: string
  segment: string
  persona: string
  study: string
  updated: string
  more: (n: number) => string
  noCards: string
  /** Mermaid's actor for a card that names no team: the customer walks the journey. */
  customer: string
  teams: Record<Team, string>
  priority: Record<'high' | 'medium' | 'low', string>
  status: Record<'idea' | 'planned' | 'in_progress' | 'done', string>
  metric: Record<'nps' | 'csat' | 'ces', string>
  kind: Record<LaneKind, string>
}

const EN: ExportLabels = {
  asIs: 'As-is',
  toBe: 'To-be',
  override: 'override',
  noEvidence: 'no evidence',
  evidence: 'evidence',
  assumption: 'assumption',
  quotes: 'quotes',
  companies: 'companies',
  participants: 'participants',
  churnReasons: 'Churn reasons',
  lostMrr: 'lost MRR',
  metrics: 'Ratings',
  emotion: 'Emotion',
  cards: 'cards',
  stages: 'stages',
  lane: 'Lane',
  card: 'Card',
  details: 'Details',
  owner: 'owner',
  segment: 'Segment',
  persona: 'Persona',
  study: 'Study',
  updated: 'Updated',
  more: (n) => `+${n} more`,
  noCards: 'No cards at this stage yet.',
  customer: 'Customer',
  teams: {
    marketing: 'Marketing',
    product: 'Product',
    sales: 'Sales',
    customer_success: 'Customer success',
    design_ux: 'Design / UX',
    support: 'Support',
    account_management: 'Account management',
  },
  priority: { high: 'high priority', medium: 'medium priority', low: 'low priority' },
  status: { idea: 'idea', planned: 'planned', in_progress: 'in progress', done: 'done' },
  metric: { nps: 'NPS', csat: 'CSAT', ces: 'CES' },
  kind: {
    text: 'Text',
    touchpoints: 'Touchpoints',
    teams: 'Owning teams',
    emotion: 'Emotion curve',
    evidence: 'Evidence',
    metrics: 'Metric moments',
    churn: 'Churn risk',
    opportunities: 'Opportunities',
  },
}

const RU: ExportLabels = {
  asIs: 'Как есть',
  toBe: 'Как должно быть',
  override: 'вручную',
  noEvidence: 'нет данных',
  evidence: 'по данным',
  assumption: 'предположение',
  quotes: 'цитат',
  companies: 'компаний',
  participants: 'участников',
  churnReasons: 'Причины оттока',
  lostMrr: 'потерянный MRR',
  metrics: 'Оценки',
  emotion: 'Эмоции',
  cards: 'карточек',
  stages: 'этапов',
  lane: 'Дорожка',
  card: 'Карточка',
  details: 'Подробности',
  owner: 'ответственный',
  segment: 'Сегмент',
  persona: 'Персона',
  study: 'Исследование',
  updated: 'Изменено',
  more: (n) => `ещё ${n}`,
  noCards: 'На этом этапе пока нет карточек.',
  customer: 'Клиент',
  teams: {
    marketing: 'Маркетинг',
    product: 'Продукт',
    sales: 'Продажи',
    customer_success: 'Customer success',
    design_ux: 'Дизайн / UX',
    support: 'Поддержка',
    account_management: 'Аккаунт-менеджмент',
  },
  priority: { high: 'высокий приоритет', medium: 'средний приоритет', low: 'низкий приоритет' },
  status: { idea: 'идея', planned: 'запланировано', in_progress: 'в работе', done: 'сделано' },
  metric: { nps: 'NPS', csat: 'CSAT', ces: 'CES' },
  kind: {
    text: 'Текст',
    touchpoints: 'Точки контакта',
    teams: 'Ответственные команды',
    emotion: 'Кривая эмоций',
    evidence: 'Свидетельства',
    metrics: 'Моменты метрик',
    churn: 'Риск оттока',
    opportunities: 'Возможности',
  },
}

export const EXPORT_LABELS: Record<Language, ExportLabels> = { en: EN, ru: RU }
