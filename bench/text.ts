import type { Prng } from './prng'

/** Word banks for interview-note-like prose. Sense does not matter; length, alphabet and shape do. */
const EN = (
  'we they customer team manager onboarding pricing renewal contract invoice support ticket dashboard report export ' +
  'integration spreadsheet workflow approval budget quarter deadline competitor trial demo migration setup training ' +
  'feature bug release roadmap feedback survey churn switch decided compared tried needed wanted expected struggled ' +
  'worked broke helped slow fast easy hard confusing clear expensive cheap reliable missing manual automatic weekly ' +
  'monthly daily before after because when while until finally mostly really almost never always sometimes usually ' +
  'the a an of to in on for with from about into over under between without through their our your his her its ' +
  'said told mentioned explained described showed asked complained admitted noticed realised remembered estimated ' +
  'finance operations sales marketing legal security admin analyst director founder engineer designer consultant ' +
  'hours days weeks months users seats licences accounts projects clients partners vendors tools systems processes ' +
  'cost value time risk trust quality speed control visibility friction effort pain job outcome goal problem reason'
).split(' ')

const RU = (
  'мы они клиент команда менеджер внедрение цена продление договор счёт поддержка заявка панель отчёт выгрузка ' +
  'интеграция таблица процесс согласование бюджет квартал срок конкурент пробный демо переход настройка обучение ' +
  'функция ошибка релиз план отзыв опрос отток решили сравнили попробовали нужно хотели ждали мучились работало ' +
  'сломалось помогло медленно быстро легко сложно непонятно понятно дорого дёшево надёжно вручную автоматически ' +
  'каждую неделю месяц ежедневно до после потому когда пока наконец обычно почти никогда всегда иногда в на для с ' +
  'из о по под между без через их наш ваш сказал рассказал упомянул объяснил описал показал спросил пожаловался ' +
  'заметил вспомнил оценил финансы операции продажи маркетинг юристы безопасность администратор аналитик директор ' +
  'часы дни недели месяцы пользователи лицензии аккаунты проекты клиенты партнёры инструменты системы стоимость ' +
  'ценность время риск доверие качество скорость контроль прозрачность трение усилие боль работа результат цель'
).split(' ')

export type Lang = 'en' | 'ru'

function sentence(rng: Prng, words: readonly string[]): string {
  const n = rng.int(7, 22)
  const out: string[] = []
  for (let i = 0; i < n; i++) out.push(rng.pick(words))
  const first = out[0] ?? ''
  out[0] = first.charAt(0).toUpperCase() + first.slice(1)
  if (n > 10 && rng.chance(0.3)) out[Math.floor(n / 2)] += ','
  return `${out.join(' ')}${rng.chance(0.1) ? '?' : '.'}`
}

/** About `words` words of prose, as sentences. */
export function prose(rng: Prng, lang: Lang, words: number): string {
  const bank = lang === 'ru' ? RU : EN
  const parts: string[] = []
  let count = 0
  while (count < words) {
    const s = sentence(rng, bank)
    parts.push(s)
    count += s.split(' ').length
  }
  return parts.join(' ')
}

export type TextNode = {
  type: 'text'
  text: string
  marks?: { type: 'bold' | 'italic' }[]
}

export type ParagraphNode = {
  type: 'paragraph'
  attrs: { elapsedMs: number | null }
  content: TextNode[]
}

export type NoteDoc = {
  type: 'doc'
  content: ParagraphNode[]
}

export interface NoteContent {
  doc: NoteDoc
  /** What the editor sends alongside: editor.getText({ blockSeparator: '\n' }). */
  plainText: string
}

/**
 * A tiptap note of about `words` words in a few paragraphs, each stamped with the interview time its first
 * words were typed (the ElapsedStamp extension), with the odd bold or italic quote, as the editor saves it.
 */
export function noteContent(rng: Prng, lang: Lang, words: number, startElapsedMs: number): NoteContent {
  const paragraphs = rng.int(2, 6)
  const per = Math.max(5, Math.round(words / paragraphs))
  let elapsed = startElapsedMs
  const content: ParagraphNode[] = []
  for (let p = 0; p < paragraphs; p++) {
    const text = prose(rng, lang, per)
    const nodes: TextNode[] = []
    if (rng.chance(0.25)) {
      // A quote in bold or italic in the middle of the paragraph.
      const cut = text.indexOf(' ', Math.floor(text.length / 3))
      const end = text.indexOf(' ', cut + 1 + Math.floor(text.length / 5))
      if (cut > 0 && end > cut) {
        nodes.push({ type: 'text', text: text.slice(0, cut + 1) })
        nodes.push({
          type: 'text',
          text: text.slice(cut + 1, end),
          marks: [{ type: rng.chance(0.5) ? 'bold' : 'italic' }],
        })
        nodes.push({ type: 'text', text: text.slice(end) })
      }
    }
    if (nodes.length === 0) nodes.push({ type: 'text', text })
    content.push({ type: 'paragraph', attrs: { elapsedMs: elapsed }, content: nodes })
    elapsed += rng.int(20_000, 150_000)
  }
  const plainText = content.map((p) => p.content.map((t) => t.text).join('')).join('\n')
  return { doc: { type: 'doc', content }, plainText }
}
