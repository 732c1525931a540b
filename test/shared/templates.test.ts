import { describe, expect, it } from 'vitest'
import {
  JourneyStageSchema,
  JtbdPhaseSchema,
  ScriptBodySchema,
  type QuestionCapture,
  type ScriptTemplate,
} from '../../src/shared/domain/script'
import { CSI_DRIVERS, CsiDriverKeySchema } from '../../src/shared/templates/csi-drivers'
import {
  BUILTIN_TEMPLATE_KEYS,
  BUILTIN_TEMPLATES,
  builtinScriptId,
  findBuiltinTemplate,
} from '../../src/shared/templates'

const questionsOf = (t: ScriptTemplate) => t.body.sections.flatMap((s) => s.questions)
const byKey = (key: string, language: 'en' | 'ru') => {
  const t = BUILTIN_TEMPLATES.find((x) => x.key === key && x.language === language)
  if (!t) throw new Error(`missing template ${key}:${language}`)
  return t
}

describe('built-in script templates', () => {
  it('ships 3 templates in en and ru', () => {
    expect(BUILTIN_TEMPLATES).toHaveLength(6)
    for (const key of BUILTIN_TEMPLATE_KEYS) {
      expect(byKey(key, 'en').method).toBe(byKey(key, 'ru').method)
    }
    expect(byKey('jtbd-switch', 'en').method).toBe('jtbd_switch')
    expect(byKey('exit', 'en').method).toBe('exit')
    expect(byKey('journey', 'en').method).toBe('journey')
  })

  it.each(BUILTIN_TEMPLATES.map((t) => [`${t.key}:${t.language}`, t] as const))(
    '%s parses and round-trips unchanged',
    (_, t) => {
      const parsed = ScriptBodySchema.parse(t.body)
      expect(parsed).toEqual(t.body)
      expect(t.name.trim()).not.toBe('')
      expect(t.description.trim()).not.toBe('')
    },
  )

  it.each(BUILTIN_TEMPLATES.map((t) => [`${t.key}:${t.language}`, t] as const))(
    '%s has unique, prefixed ids',
    (_, t) => {
      const sectionIds = t.body.sections.map((s) => s.id)
      const questionIds = questionsOf(t).map((q) => q.id)
      expect(new Set(sectionIds).size).toBe(sectionIds.length)
      expect(new Set(questionIds).size).toBe(questionIds.length)
      const prefix = t.key === 'jtbd-switch' ? 'jtbd' : t.key
      for (const s of t.body.sections) {
        expect(s.id.startsWith(`${prefix}.`)).toBe(true)
        for (const q of s.questions) expect(q.id.startsWith(`${s.id}.`)).toBe(true)
      }
    },
  )

  it.each(BUILTIN_TEMPLATE_KEYS)('%s: en and ru share structure and ids', (key) => {
    const en = byKey(key, 'en')
    const ru = byKey(key, 'ru')
    expect(ru.body.sections).toHaveLength(en.body.sections.length)
    expect(questionsOf(ru)).toHaveLength(questionsOf(en).length)
    en.body.sections.forEach((s, i) => {
      const r = ru.body.sections[i]!
      expect(r.id).toBe(s.id)
      expect(r.minutes).toBe(s.minutes)
      expect(r.jtbdPhase).toBe(s.jtbdPhase)
      expect(r.journeyStage).toBe(s.journeyStage)
      expect(r.questions.map((q) => [q.id, q.capture])).toEqual(s.questions.map((q) => [q.id, q.capture]))
      expect(r.guidance === '').toBe(s.guidance === '')
    })
  })

  it('ru templates are in Russian and en templates are not', () => {
    const cyrillic = /[а-яё]/i
    for (const t of BUILTIN_TEMPLATES) {
      for (const s of t.body.sections) {
        expect(cyrillic.test(s.title)).toBe(t.language === 'ru')
        for (const q of s.questions) expect(cyrillic.test(q.text)).toBe(t.language === 'ru')
      }
    }
  })

  it('every capture kind appears in at least one template', () => {
    const captures = new Set<QuestionCapture>(
      BUILTIN_TEMPLATES.flatMap((t) => questionsOf(t).map((q) => q.capture)),
    )
    for (const c of ['nps', 'csat', 'ces', 'csi'] as const) expect(captures.has(c)).toBe(true)
  })

  it('JTBD template covers all six switch phases, in timeline order, with CSI and NPS captures', () => {
    for (const lang of ['en', 'ru'] as const) {
      const t = byKey('jtbd-switch', lang)
      const phases = t.body.sections.map((s) => s.jtbdPhase).filter((p) => p !== null)
      expect(new Set(phases)).toEqual(new Set(JtbdPhaseSchema.options))
      const firstIndex = JtbdPhaseSchema.options.map((p) => phases.indexOf(p))
      expect([...firstIndex].sort((a, b) => a - b)).toEqual(firstIndex)
      const caps = questionsOf(t).map((q) => q.capture)
      expect(caps).toContain('csi')
      expect(caps).toContain('nps')
      const minutes = t.body.sections.reduce((sum, s) => sum + (s.minutes ?? 0), 0)
      expect(minutes).toBeGreaterThanOrEqual(45)
      expect(minutes).toBeLessThanOrEqual(90)
    }
  })

  it('exit template asks for NPS', () => {
    expect(questionsOf(byKey('exit', 'en')).some((q) => q.capture === 'nps')).toBe(true)
  })

  it('journey template has one section per default CJM stage', () => {
    const defaults = JourneyStageSchema.options.filter((s) => s !== 'offboarding')
    expect(defaults).toHaveLength(9)
    for (const lang of ['en', 'ru'] as const) {
      const stages = byKey('journey', lang)
        .body.sections.map((s) => s.journeyStage)
        .filter((s) => s !== null)
      for (const stage of defaults) expect(stages.filter((s) => s === stage)).toHaveLength(1)
      for (const s of byKey('journey', lang).body.sections) {
        if (s.journeyStage) expect(s.questions.length).toBeGreaterThanOrEqual(5)
      }
    }
  })

  it('finds templates by builtin id', () => {
    expect(builtinScriptId('exit', 'ru')).toBe('builtin:exit:ru')
    for (const t of BUILTIN_TEMPLATES) expect(findBuiltinTemplate(builtinScriptId(t.key, t.language))).toBe(t)
    expect(findBuiltinTemplate('builtin:journey:en')?.method).toBe('journey')
    expect(findBuiltinTemplate('builtin:nope:en')).toBeUndefined()
    expect(findBuiltinTemplate('builtin:exit:de')).toBeUndefined()
    expect(findBuiltinTemplate('')).toBeUndefined()
  })
})

describe('CSI drivers', () => {
  it('lists the 7 drivers once each, with en and ru labels', () => {
    expect(CSI_DRIVERS.map((d) => d.key)).toEqual(CsiDriverKeySchema.options)
    expect(CsiDriverKeySchema.options).toHaveLength(7)
    for (const d of CSI_DRIVERS) {
      expect(d.en.trim()).not.toBe('')
      expect(d.ru).toMatch(/[а-яё]/i)
    }
  })
})
