import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BUILTIN_TEMPLATES, findBuiltinTemplate } from '../../src/shared/templates'
import { call, expectRefused, fail, JTBD_EN, seedBasics, setupApp, type Seed, type TestApp } from './helpers'

let t: TestApp
beforeEach(async () => {
  t = await setupApp()
})
afterEach(() => t.cleanup())

describe('scripts', () => {
  it('lists the built-in templates, filtered by method and language', async () => {
    const all = await call(t.app, 'scripts:list')
    expect(all.length).toBe(BUILTIN_TEMPLATES.length)
    expect(all.every((s) => s.builtin)).toBe(true)
    expect(all.map((s) => s.id)).toContain(JTBD_EN)
    const jtbdEn = all.find((s) => s.id === JTBD_EN)
    const template = findBuiltinTemplate(JTBD_EN)!
    expect(jtbdEn).toMatchObject({
      name: template.name,
      method: 'jtbd_switch',
      language: 'en',
      sectionCount: template.body.sections.length,
      questionCount: template.body.sections.reduce((n, s) => n + s.questions.length, 0),
    })
    expect((await call(t.app, 'scripts:list', { language: 'ru' })).every((s) => s.language === 'ru')).toBe(
      true,
    )
    expect((await call(t.app, 'scripts:list', { method: 'exit' })).map((s) => s.method)).toEqual([
      'exit',
      'exit',
    ])
    expect(await call(t.app, 'scripts:list', { method: 'discovery' })).toEqual([])
  })

  it('duplicate makes an editable copy; update and delete it', async () => {
    const copy = await call(t.app, 'scripts:duplicate', { id: JTBD_EN })
    const template = findBuiltinTemplate(JTBD_EN)!
    expect(copy).toMatchObject({
      id: 'id-0001',
      name: `${template.name} (copy)`,
      builtin: false,
      method: 'jtbd_switch',
      language: 'en',
    })
    expect(copy.body).toEqual((await call(t.app, 'scripts:get', { id: JTBD_EN })).body)
    const named = await call(t.app, 'scripts:duplicate', { id: copy.id, name: 'Second copy' })
    expect(named.name).toBe('Second copy')
    expect((await call(t.app, 'scripts:list')).filter((s) => !s.builtin).map((s) => s.name)).toEqual(
      ['JTBD switch interview (depth interview) (copy)', 'Second copy'].sort((a, b) => a.localeCompare(b)),
    )

    const body = {
      sections: [{ id: 's1', title: 'Only', questions: [{ id: 'q1', text: 'Why?', probes: ['And?'] }] }],
    }
    const updated = await call(t.app, 'scripts:update', {
      id: copy.id,
      name: 'Short',
      method: 'discovery',
      body,
    })
    expect(updated).toMatchObject({ name: 'Short', method: 'discovery' })
    expect(updated.body).toEqual({
      sections: [
        {
          id: 's1',
          title: 'Only',
          guidance: '',
          minutes: null,
          jtbdPhase: null,
          journeyStage: null,
          questions: [{ id: 'q1', text: 'Why?', probes: ['And?'], capture: 'none' }],
        },
      ],
    })
    expect(await call(t.app, 'scripts:deleteImpact', { id: copy.id })).toEqual({
      name: 'Short',
      interviews: 0,
      participants: 0,
      notes: 0,
    })
    await call(t.app, 'scripts:delete', { id: copy.id })
    expect((await fail(t.app, 'scripts:get', { id: copy.id })).code).toBe('NOT_FOUND')
  })
})

describe('domain rules', () => {
  let seed: Seed
  beforeEach(async () => {
    seed = await seedBasics(t.app)
  })

  it('a built-in script cannot be deleted or changed → FORBIDDEN', async () => {
    await expectRefused(t.app, 'scripts:delete', { id: JTBD_EN }, 'FORBIDDEN')
    await expectRefused(t.app, 'scripts:update', { id: JTBD_EN, name: 'Mine now' }, 'FORBIDDEN')
    await expectRefused(t.app, 'scripts:deleteImpact', { id: JTBD_EN }, 'FORBIDDEN')
    expect((await call(t.app, 'scripts:get', { id: JTBD_EN })).builtin).toBe(true)
  })

  it('duplicate section or question ids in a script body are refused', async () => {
    const body = { sections: [{ id: 'a', title: 'A', questions: [{ id: 'a', text: 'Q?', probes: [] }] }] }
    expect(await expectRefused(t.app, 'scripts:update', { id: seed.script.id, body })).toContain('"a"')
  })
})
