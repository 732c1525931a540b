import { describe, expect, it } from 'vitest'
import { JourneyStageSchema, JtbdPhaseSchema } from '../../src/shared/domain/script'
import { TagCodeSchema, TagKindSchema } from '../../src/shared/domain/tag'
import { CsiDriverKeySchema } from '../../src/shared/templates/csi-drivers'
import { CHURN_CATEGORY_CODES, CHURN_REASONS, localize, STARTER_CODEBOOKS } from '../../src/shared/taxonomy'

const ALL = Object.values(STARTER_CODEBOOKS).flat()
const children = (key: keyof typeof STARTER_CODEBOOKS) =>
  STARTER_CODEBOOKS[key].filter((t) => t.parentKey !== null)

describe('starter codebooks (domain-brief §3)', () => {
  it('churn reasons: 10 categories, 40 reason codes (§3.1), each under its category', () => {
    expect(CHURN_CATEGORY_CODES).toEqual([
      'VAL',
      'ONB',
      'PRD',
      'SUP',
      'REL',
      'PRC',
      'CMP',
      'FIT',
      'INV',
      'EXT',
    ])
    const categories = CHURN_REASONS.filter((t) => t.parentKey === null)
    const reasons = CHURN_REASONS.filter((t) => t.parentKey !== null)
    expect(categories.map((c) => c.code)).toEqual(CHURN_CATEGORY_CODES)
    expect(reasons).toHaveLength(40)
    for (const r of reasons) {
      expect(r.code).toMatch(new RegExp(`^${r.parentKey}-\\d{2}$`))
      expect(r.kind).toBe('churn_reason')
    }
    expect(reasons.find((r) => r.code === 'PRC-01')?.prevention.en).toBe(
      'Competitive pricing, reviewed regularly.',
    )
    expect(reasons.find((r) => r.code === 'PRC-02')?.prevention.en).toContain('Counter-offer')
  })

  it('every reason has an owner team and a prevention strategy or counter-offer, in both languages', () => {
    for (const r of CHURN_REASONS.filter((t) => t.parentKey !== null))
      for (const lang of ['en', 'ru'] as const) {
        expect(r.ownerTeam[lang].trim(), `${r.code} owner ${lang}`).not.toBe('')
        expect(r.prevention[lang].trim(), `${r.code} prevention ${lang}`).not.toBe('')
      }
  })

  it('no seeded text shows where the list was researched from (no "Source: [001-B]")', () => {
    for (const t of ALL)
      for (const lang of ['en', 'ru'] as const)
        for (const text of Object.values(localize(t, lang)))
          expect(text, `${t.key} ${lang}`).not.toMatch(/Source:|Источник:|\[\d{3}/)
  })

  it('codes are unique and valid tag codes; keys are unique and parents come first', () => {
    const codes = ALL.map((t) => t.code).filter((c): c is string => c !== null)
    expect(new Set(codes).size).toBe(codes.length)
    for (const c of codes) expect(TagCodeSchema.safeParse(c).success, c).toBe(true)
    for (const list of Object.values(STARTER_CODEBOOKS)) {
      const seen = new Set<string>()
      for (const t of list) {
        expect(seen.has(t.key), t.key).toBe(false)
        if (t.parentKey) expect(seen.has(t.parentKey), `${t.key} after its parent`).toBe(true)
        seen.add(t.key)
        expect(TagKindSchema.safeParse(t.kind).success).toBe(true)
        expect(t.color).toMatch(/^#[0-9a-f]{6}$/)
        // Seeding matches on code or meaning: every tag needs one of them.
        expect(t.code ?? t.semanticKey, t.key).toBeTruthy()
      }
    }
  })

  it('names and descriptions are complete in English and Russian, and actually translated', () => {
    for (const t of ALL) {
      for (const lang of ['en', 'ru'] as const) {
        expect(t.name[lang].trim(), `${t.key} name ${lang}`).not.toBe('')
        expect(t.description[lang].trim(), `${t.key} description ${lang}`).not.toBe('')
      }
      expect(t.name.ru).not.toBe(t.name.en)
      expect(t.name.ru).toMatch(/[а-яё]/i)
      expect(localize(t, 'ru').name).toBe(t.name.ru)
    }
  })

  it('forces, phases, stages, emotions and drivers carry the keys the roll-ups use', () => {
    expect(children('jtbd_forces').map((t) => t.semanticKey)).toEqual(['push', 'pull', 'anxiety', 'habit'])
    expect(children('jtbd_phases').map((t) => t.semanticKey)).toEqual(JtbdPhaseSchema.options)
    expect(children('journey_stages').map((t) => t.semanticKey)).toEqual(JourneyStageSchema.options)
    expect(children('satisfaction_drivers').map((t) => t.semanticKey)).toEqual(CsiDriverKeySchema.options)
    expect(children('emotions').map((t) => t.emotionScore)).toEqual([-2, -1, 0, 1, 2])
    for (const [key, kind] of [
      ['jtbd_forces', 'jtbd_force'],
      ['jtbd_phases', 'jtbd_phase'],
      ['journey_stages', 'journey_stage'],
      ['emotions', 'emotion'],
      ['satisfaction_drivers', 'satisfaction_driver'],
    ] as const)
      for (const t of STARTER_CODEBOOKS[key]) expect(t.kind).toBe(kind)
  })

  it('colours within a family are distinct where the tags are siblings of different meaning', () => {
    for (const key of [
      'jtbd_forces',
      'jtbd_phases',
      'journey_stages',
      'emotions',
      'satisfaction_drivers',
    ] as const) {
      const colours = children(key).map((t) => t.color)
      expect(new Set(colours).size, key).toBe(colours.length)
    }
    const categoryColours = CHURN_REASONS.filter((t) => t.parentKey === null).map((t) => t.color)
    expect(new Set(categoryColours).size).toBe(10)
  })
})
