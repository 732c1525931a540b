import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { en } from '../../src/renderer/src/i18n/en'
import { setupI18n } from '../../src/renderer/src/i18n'
import { ru } from '../../src/renderer/src/i18n/ru'

type Tree = { [key: string]: string | Tree }

const PLURAL = /_(zero|one|two|few|many|other)$/
const RU_FORMS = ['one', 'few', 'many', 'other']
/** Brand names and acronyms that read the same in Russian. Keep this short and explicit. */
const SAME_IN_BOTH = new Set([
  'Fieldnote',
  'MRR',
  'NPS',
  'CSAT',
  'CES',
  'HTML',
  'PDF',
  'Markdown',
  'Word (DOCX)',
  'PowerPoint (PPTX)',
  'Excel (XLSX)',
])

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out.set(key, v)
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv)
  }
  return out
}

const baseKey = (key: string) => key.replace(PLURAL, '')
const placeholders = (s: string) =>
  [...new Set([...s.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]))].sort()

const enFlat = flatten(en)
const ruFlat = flatten(ru)
const enBase = new Set([...enFlat.keys()].map(baseKey))
const ruBase = new Set([...ruFlat.keys()].map(baseKey))

/** Plural groups: base key → forms present. */
function pluralGroups(flat: Map<string, string>): Map<string, string[]> {
  const groups = new Map<string, string[]>()
  for (const key of flat.keys()) {
    const m = PLURAL.exec(key)
    if (!m) continue
    const base = baseKey(key)
    groups.set(base, [...(groups.get(base) ?? []), m[1] ?? ''])
  }
  return groups
}

describe('Russian UI strings', () => {
  it('has every English key', () => {
    expect([...enBase].filter((k) => !ruBase.has(k))).toEqual([])
  })

  it('has no keys English does not have (no stale translations)', () => {
    expect([...ruBase].filter((k) => !enBase.has(k))).toEqual([])
  })

  it('gives every plural all four Russian forms, and plurals exactly where English has them', () => {
    const enGroups = pluralGroups(enFlat)
    const ruGroups = pluralGroups(ruFlat)
    expect([...ruGroups.keys()].sort()).toEqual([...enGroups.keys()].sort())
    for (const [base, forms] of ruGroups)
      expect({ base, forms: [...forms].sort() }).toEqual({ base, forms: [...RU_FORMS].sort() })
    // A key is either a plural group or a plain string, never both.
    for (const base of ruGroups.keys()) expect(ruFlat.has(base), base).toBe(false)
  })

  it('keeps every {{placeholder}} of the English string', () => {
    const mismatches: string[] = []
    for (const [key, value] of ruFlat) {
      const enValue = enFlat.get(key) ?? enFlat.get(`${baseKey(key)}_other`)
      if (enValue === undefined) continue // reported by the stale-key test
      if (placeholders(value).join() !== placeholders(enValue).join()) mismatches.push(`${key}: ${value}`)
    }
    expect(mismatches).toEqual([])
  })

  it('translates everything except a few brand names and acronyms, and has no empty strings', () => {
    const untranslated = [...ruFlat]
      .filter(([key, value]) => value === enFlat.get(key) && !SAME_IN_BOTH.has(value))
      .map(([key]) => key)
    expect(untranslated).toEqual([])
    expect([...ruFlat].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([])
    expect([...enFlat].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([])
  })
})

describe('Russian plurals through i18next', () => {
  const t = (key: string, opts: Record<string, unknown> = {}) => i18next.t(key, opts)

  beforeAll(async () => {
    setupI18n('ru') // the app's own i18next setup
    await i18next.changeLanguage('ru')
  })

  it('picks one / few / many by count (1, 3, 5, 21)', () => {
    expect([1, 3, 5, 21].map((count) => t('metrics.respondents', { count }))).toEqual([
      '1 ответ',
      '3 ответа',
      '5 ответов',
      '21 ответ',
    ])
    expect([1, 3, 5, 21].map((count) => t('delete.impact.company.participants', { count }))).toEqual([
      '1 участник останется — без компании.',
      '3 участника останутся — без компании.',
      '5 участников останутся — без компании.',
      '21 участник останется — без компании.',
    ])
    expect(t('metrics.csiDetail', { count: 12, pct: 80 })).toBe('80% · 12 оценок')
  })

  it('fills placeholders and falls back to nothing English', () => {
    expect(t('delete.title', { what: t('delete.what.company'), name: 'Acme' })).toBe(
      'Удалить компанию «Acme»?',
    )
    expect(t('studies.preset.patterns', { min: 8, max: 10 })).toBe('Закономерности (8–10)')
    expect(i18next.getFixedT('en')('metrics.respondents', { count: 1 })).toBe('1 answer')
  })
})
