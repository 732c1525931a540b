import type { Prng } from './prng'

/**
 * Word streams for the issue-4 research library (bench/generate-research-library.ts).
 *
 * Real text is Zipf-distributed: a few function words are everywhere, domain words ("pricing", "onboarding")
 * appear in some notes, and most of the vocabulary is rare. A uniform pick from a 150-word bank would put every
 * search term in half the notes, which is not what FTS5 sees in a real library. So each language's vocabulary
 * is its function words, then its domain words, then a few thousand deterministic pseudo-words, drawn with
 * weight 1/(rank + 1). Every character is in the Basic Multilingual Plane, so UTF-16 indexes equal Unicode
 * code points and highlight offsets can be computed with String.length.
 */

const EN_FUNCTION = (
  'the a to of and in we it that for was they on with but our is so had not because when then just about ' +
  'there were would could from at this an be have did really'
).split(' ')
const EN_DOMAIN = (
  'customer team manager onboarding pricing renewal contract invoice support ticket dashboard report export ' +
  'integration spreadsheet workflow approval budget quarter deadline competitor trial demo migration setup training ' +
  'feature bug release roadmap feedback survey churn switch decided compared tried needed wanted expected struggled ' +
  'worked broke helped slow fast easy hard confusing clear expensive cheap reliable missing manual automatic weekly ' +
  'monthly daily before after while until finally mostly almost never always sometimes usually ' +
  'said told mentioned explained described showed asked complained admitted noticed realised remembered estimated ' +
  'finance operations sales marketing legal security admin analyst director founder engineer designer consultant ' +
  'hours days weeks months users seats licences accounts projects clients partners vendors tools systems processes ' +
  'cost value time risk trust quality speed control visibility friction effort pain job outcome goal problem reason ' +
  'cancel cancelled downgrade upgrade discount procurement champion reorg layoffs acquisition salesforce hubspot excel ' +
  'notion jira slack zapier api permissions sso audit compliance gdpr latency outage downtime invoice refund billing'
).split(' ')
const RU_FUNCTION =
  'и в не на что мы с по это как но а у они было так для же из за то бы уже только когда'.split(' ')
const RU_DOMAIN = (
  'клиент команда менеджер внедрение цена продление договор счёт поддержка заявка панель отчёт выгрузка ' +
  'интеграция таблица процесс согласование бюджет квартал срок конкурент пробный демо переход настройка обучение ' +
  'функция ошибка релиз план отзыв опрос отток решили сравнили попробовали нужно хотели ждали мучились работало ' +
  'сломалось помогло медленно быстро легко сложно непонятно понятно дорого дёшево надёжно вручную автоматически ' +
  'неделю месяц ежедневно после потому пока наконец обычно почти никогда всегда иногда между без через ' +
  'сказал рассказал упомянул объяснил описал показал спросил пожаловался заметил вспомнил оценил финансы операции ' +
  'продажи маркетинг юристы безопасность администратор аналитик директор часы дни недели месяцы пользователи ' +
  'лицензии аккаунты проекты клиенты партнёры инструменты системы стоимость ценность время риск доверие качество ' +
  'скорость контроль прозрачность трение усилие боль работа результат цель отказались отменили скидка закупки'
).split(' ')

const EN_SYLLABLES =
  'ka lo mi ren tas vel dor pin sa qu bri mon tel gar fen lis nor pra sto vik zel har cor dun'.split(' ')
const RU_SYLLABLES =
  'ка ло ми рен тас вел дор пин са бри мон тел гар фен лис нор пра сто вик зел хар кор дун жа'.split(' ')

export type Lang = 'en' | 'ru'

/** A Zipf-weighted vocabulary with a cumulative table for O(log n) draws. */
class Vocabulary {
  private readonly cumulative: Float64Array
  private readonly total: number

  constructor(readonly words: readonly string[]) {
    this.cumulative = new Float64Array(words.length)
    let sum = 0
    for (let i = 0; i < words.length; i++) {
      sum += 1 / (i + 1)
      this.cumulative[i] = sum
    }
    this.total = sum
  }

  draw(rng: Prng): string {
    const r = rng.next() * this.total
    let lo = 0
    let hi = this.cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((this.cumulative[mid] as number) > r) hi = mid
      else lo = mid + 1
    }
    return this.words[lo] as string
  }
}

function pseudoWords(
  rng: Prng,
  syllables: readonly string[],
  n: number,
  taken: ReadonlySet<string>,
): string[] {
  const out = new Set<string>()
  while (out.size < n) {
    const parts = rng.int(2, 4)
    let w = ''
    for (let i = 0; i < parts; i++) w += rng.pick(syllables)
    if (!taken.has(w)) out.add(w)
  }
  return [...out]
}

function vocabulary(
  rng: Prng,
  fn: readonly string[],
  domain: readonly string[],
  syllables: readonly string[],
): Vocabulary {
  const taken = new Set([...fn, ...domain])
  return new Vocabulary([
    ...fn,
    ...rng.sample(domain, domain.length),
    ...pseudoWords(rng, syllables, 4000, taken),
  ])
}

export class TextGenerator {
  private readonly vocab: Record<Lang, Vocabulary>

  constructor(rng: Prng) {
    this.vocab = {
      en: vocabulary(rng, EN_FUNCTION, EN_DOMAIN, EN_SYLLABLES),
      ru: vocabulary(rng, RU_FUNCTION, RU_DOMAIN, RU_SYLLABLES),
    }
  }

  /** About `words` tokens of prose as sentences; punctuation stays attached to its word. */
  tokens(rng: Prng, lang: Lang, words: number): string[] {
    const v = this.vocab[lang]
    const out: string[] = []
    while (out.length < words) {
      const n = rng.int(6, 20)
      const start = out.length
      for (let i = 0; i < n; i++) out.push(v.draw(rng))
      const first = out[start] as string
      out[start] = first.charAt(0).toUpperCase() + first.slice(1)
      if (n > 10 && rng.chance(0.3)) out[start + (n >> 1)] += ','
      out[out.length - 1] += rng.chance(0.1) ? '?' : '.'
    }
    return out
  }

  prose(rng: Prng, lang: Lang, words: number): string {
    return this.tokens(rng, lang, words).join(' ')
  }
}

/**
 * Non-overlapping highlight ranges over a run of tokens: `count` ranges of [minLen, maxLen] tokens, one per
 * equal slot of the run, as token index pairs [from, to).
 */
export function tokenRanges(
  rng: Prng,
  tokenCount: number,
  count: number,
  minLen: number,
  maxLen: number,
): [number, number][] {
  const out: [number, number][] = []
  if (count <= 0) return out
  const slot = Math.floor(tokenCount / count)
  if (slot < minLen) return out
  for (let k = 0; k < count; k++) {
    const len = rng.int(minLen, Math.min(maxLen, slot))
    const from = k * slot + rng.int(0, slot - len)
    out.push([from, from + len])
  }
  return out
}

/** Character offsets of each token when joined by single spaces. */
export function tokenOffsets(tokens: readonly string[]): number[] {
  const offsets = new Array<number>(tokens.length)
  let at = 0
  for (let i = 0; i < tokens.length; i++) {
    offsets[i] = at
    at += (tokens[i] as string).length + 1
  }
  return offsets
}
