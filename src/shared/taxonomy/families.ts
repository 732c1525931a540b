import { CSI_DRIVERS, type CsiDriverKey } from '../templates/csi-drivers'
import type { JourneyStage, JtbdPhase } from '../domain/script'
import { tagOf, type Bilingual, type StarterTag } from './types'

/** A family's root tag: it groups the family in the tree and carries a code, so seeding finds it again. */
function root(
  key: string,
  kind: StarterTag['kind'],
  color: string,
  name: Bilingual,
  description: Bilingual,
): StarterTag {
  return tagOf({ key, kind, code: key, color, name, description })
}

type Force = 'push' | 'pull' | 'anxiety' | 'habit'
const FORCES: { key: Force; color: string; name: Bilingual; description: Bilingual }[] = [
  {
    key: 'push',
    color: '#d84315',
    name: { en: 'Push of the situation', ru: 'Толчок ситуации' },
    description: {
      en: 'What was wrong with the old way that made them look for something new.',
      ru: 'Что было не так в прежнем способе и заставило искать новое.',
    },
  },
  {
    key: 'pull',
    color: '#2e7d32',
    name: { en: 'Pull of the new solution', ru: 'Притяжение нового решения' },
    description: {
      en: 'What attracted them to the new solution: the better life they imagined.',
      ru: 'Чем привлекло новое решение: какую лучшую жизнь клиент себе представлял.',
    },
  },
  {
    key: 'anxiety',
    color: '#f9a825',
    name: { en: 'Anxiety of the new solution', ru: 'Тревога перед новым решением' },
    description: {
      en: 'Worries about the new solution that held them back from switching.',
      ru: 'Опасения насчёт нового решения, которые удерживали от перехода.',
    },
  },
  {
    key: 'habit',
    color: '#5c6bc0',
    name: { en: 'Habit of the present', ru: 'Привычка к текущему' },
    description: {
      en: 'Comfort with the current way of doing things that kept them where they were.',
      ru: 'Привычность текущего способа, которая удерживала на месте.',
    },
  },
]

export const JTBD_FORCES: readonly StarterTag[] = [
  root(
    'FORCE',
    'jtbd_force',
    '#6d4c41',
    { en: 'JTBD forces', ru: 'Силы JTBD' },
    {
      en: 'The four forces of progress: push and pull drive a switch, anxiety and habit hold it back.',
      ru: 'Четыре силы прогресса: толчок и притяжение ведут к переходу, тревога и привычка его сдерживают.',
    },
  ),
  ...FORCES.map((f) =>
    tagOf({
      key: f.key,
      parentKey: 'FORCE',
      kind: 'jtbd_force',
      semanticKey: f.key,
      color: f.color,
      name: f.name,
      description: f.description,
    }),
  ),
]

const PHASES: { key: JtbdPhase; color: string; name: Bilingual; description: Bilingual }[] = [
  {
    key: 'first_thought',
    color: '#90caf9',
    name: { en: 'First thought', ru: 'Первая мысль' },
    description: {
      en: 'The moment they first realised something could be better.',
      ru: 'Момент, когда клиент впервые понял, что может быть лучше.',
    },
  },
  {
    key: 'passive_looking',
    color: '#64b5f6',
    name: { en: 'Passive looking', ru: 'Пассивный поиск' },
    description: {
      en: 'Noticing options without actively searching yet.',
      ru: 'Клиент замечает варианты, но ещё не ищет активно.',
    },
  },
  {
    key: 'active_looking',
    color: '#42a5f5',
    name: { en: 'Active looking', ru: 'Активный поиск' },
    description: {
      en: 'Deliberately searching for and comparing solutions.',
      ru: 'Целенаправленный поиск и сравнение решений.',
    },
  },
  {
    key: 'deciding',
    color: '#1e88e5',
    name: { en: 'Deciding', ru: 'Принятие решения' },
    description: {
      en: 'The moment of commitment: who decided, and what almost stopped it.',
      ru: 'Момент решения: кто решал и что чуть не остановило.',
    },
  },
  {
    key: 'first_use',
    color: '#1565c0',
    name: { en: 'First use', ru: 'Первое использование' },
    description: {
      en: 'Setting up and using the new solution for the first time.',
      ru: 'Настройка и первое использование нового решения.',
    },
  },
  {
    key: 'ongoing_use',
    color: '#0d47a1',
    name: { en: 'Ongoing use', ru: 'Постоянное использование' },
    description: {
      en: 'Regular use: whether the progress they hoped for happened.',
      ru: 'Регулярное использование: случился ли ожидаемый прогресс.',
    },
  },
]

export const JTBD_PHASES: readonly StarterTag[] = [
  root(
    'PHASE',
    'jtbd_phase',
    '#1976d2',
    { en: 'Switch timeline', ru: 'Хронология перехода' },
    {
      en: 'The phases of a switch, from the first thought to ongoing use.',
      ru: 'Этапы перехода: от первой мысли до постоянного использования.',
    },
  ),
  ...PHASES.map((p) =>
    tagOf({
      key: p.key,
      parentKey: 'PHASE',
      kind: 'jtbd_phase',
      semanticKey: p.key,
      color: p.color,
      name: p.name,
      description: p.description,
    }),
  ),
]

const STAGES: { key: JourneyStage; name: Bilingual; description: Bilingual }[] = [
  {
    key: 'awareness',
    name: { en: 'Awareness', ru: 'Знакомство' },
    description: {
      en: 'They know about the product, or know they have a need it could meet.',
      ru: 'Клиент знает о продукте или о потребности, которую он может закрыть.',
    },
  },
  {
    key: 'consideration',
    name: { en: 'Consideration', ru: 'Рассмотрение' },
    description: {
      en: 'They know it could meet the need and are evaluating fit.',
      ru: 'Клиент понимает, что продукт может подойти, и оценивает его.',
    },
  },
  {
    key: 'decision',
    name: { en: 'Decision / purchase', ru: 'Принятие решения / покупка' },
    description: { en: 'They have decided and are ready to buy.', ru: 'Клиент решился и готов купить.' },
  },
  {
    key: 'onboarding',
    name: { en: 'Onboarding & first use', ru: 'Онбординг и первое использование' },
    description: {
      en: 'Registration, setup and the first steps with the product.',
      ru: 'Регистрация, настройка и первые шаги в продукте.',
    },
  },
  {
    key: 'regular_use',
    name: { en: 'Regular use', ru: 'Регулярное использование' },
    description: { en: 'Everyday use and adoption.', ru: 'Ежедневное использование и освоение.' },
  },
  {
    key: 'support',
    name: { en: 'Support & service', ru: 'Поддержка и обслуживание' },
    description: {
      en: 'Asking for help and getting problems solved.',
      ru: 'Обращения за помощью и решение проблем.',
    },
  },
  {
    key: 'retention',
    name: { en: 'Retention / renewal', ru: 'Удержание / продление' },
    description: {
      en: 'They perceive the value and renew.',
      ru: 'Клиент видит ценность и продлевает подписку.',
    },
  },
  {
    key: 'expansion',
    name: { en: 'Expansion', ru: 'Расширение (допродажи)' },
    description: { en: 'Upsell and cross-sell.', ru: 'Допродажи и перекрёстные продажи.' },
  },
  {
    key: 'advocacy',
    name: { en: 'Loyalty / advocacy', ru: 'Лояльность / рекомендации' },
    description: {
      en: 'They keep coming back and recommend the product.',
      ru: 'Клиент возвращается и рекомендует продукт.',
    },
  },
  {
    key: 'offboarding',
    name: { en: 'Offboarding / exit', ru: 'Уход клиента' },
    description: { en: 'Cancelling and leaving.', ru: 'Отмена подписки и уход.' },
  },
]
const STAGE_COLORS = [
  '#004d40',
  '#00695c',
  '#00796b',
  '#00897b',
  '#009688',
  '#26a69a',
  '#2e7d6b',
  '#558b2f',
  '#689f38',
  '#827717',
]

export const JOURNEY_STAGES: readonly StarterTag[] = [
  root(
    'STAGE',
    'journey_stage',
    '#00796b',
    { en: 'Journey stages', ru: 'Этапы пути клиента' },
    {
      en: 'The default customer journey map stages, from awareness to offboarding.',
      ru: 'Этапы карты пути клиента по умолчанию: от знакомства до ухода.',
    },
  ),
  ...STAGES.map((s, i) =>
    tagOf({
      key: s.key,
      parentKey: 'STAGE',
      kind: 'journey_stage',
      semanticKey: s.key,
      color: STAGE_COLORS[i] ?? '#00796b',
      name: s.name,
      description: s.description,
    }),
  ),
]

const EMOTIONS: { key: string; score: number; color: string; name: Bilingual }[] = [
  {
    key: 'very_negative',
    score: -2,
    color: '#c62828',
    name: { en: 'Very negative (−2)', ru: 'Очень негативно (−2)' },
  },
  { key: 'negative', score: -1, color: '#ef6c00', name: { en: 'Negative (−1)', ru: 'Негативно (−1)' } },
  { key: 'neutral', score: 0, color: '#9e9d24', name: { en: 'Neutral (0)', ru: 'Нейтрально (0)' } },
  { key: 'positive', score: 1, color: '#43a047', name: { en: 'Positive (+1)', ru: 'Позитивно (+1)' } },
  {
    key: 'very_positive',
    score: 2,
    color: '#1b5e20',
    name: { en: 'Very positive (+2)', ru: 'Очень позитивно (+2)' },
  },
]

/** −2, −1, 0, +1, +2 with a true minus sign, as on the journey map. */
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0')

export const EMOTIONS_STARTER: readonly StarterTag[] = [
  root(
    'EMO',
    'emotion',
    '#8e24aa',
    { en: 'Emotions', ru: 'Эмоции' },
    {
      en: 'How the customer felt, scored from −2 (very negative) to +2 (very positive), as on the journey map.',
      ru: 'Что чувствовал клиент, по шкале от −2 (очень негативно) до +2 (очень позитивно), как на карте пути.',
    },
  ),
  ...EMOTIONS.map((e) =>
    tagOf({
      key: e.key,
      parentKey: 'EMO',
      kind: 'emotion',
      semanticKey: e.key,
      emotionScore: e.score,
      color: e.color,
      name: e.name,
      description: { en: `Emotion score ${signed(e.score)}.`, ru: `Оценка эмоции ${signed(e.score)}.` },
    }),
  ),
]

const DRIVER_COLORS: Record<CsiDriverKey, string> = {
  support_quality: '#283593',
  meets_requirements: '#3949ab',
  ease_of_doing_business: '#5e35b1',
  ease_of_use: '#7b1fa2',
  ease_of_setup: '#8e24aa',
  product_direction: '#6a1b9a',
  price_value: '#4527a0',
}

export const SATISFACTION_DRIVERS: readonly StarterTag[] = [
  root(
    'CSI',
    'satisfaction_driver',
    '#3949ab',
    { en: 'Satisfaction drivers', ru: 'Факторы удовлетворённости' },
    {
      en: 'The six factors most linked to loyalty (SaaSletter study), in descending order of influence, plus price/value.',
      ru: 'Шесть факторов, сильнее всего связанных с лояльностью (исследование SaaSletter), по убыванию влияния, плюс цена/ценность.',
    },
  ),
  ...CSI_DRIVERS.map((d, i) =>
    tagOf({
      key: d.key,
      parentKey: 'CSI',
      kind: 'satisfaction_driver',
      semanticKey: d.key,
      color: DRIVER_COLORS[d.key],
      name: { en: d.en, ru: d.ru },
      description:
        d.key === 'price_value'
          ? {
              en: 'Added by the study’s author as a seventh driver.',
              ru: 'Седьмой фактор, добавленный автором исследования.',
            }
          : {
              en: `Driver no. ${i + 1} by influence on loyalty.`,
              ru: `Фактор № ${i + 1} по влиянию на лояльность.`,
            },
    }),
  ),
]
