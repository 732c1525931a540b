import { strFromU8, unzipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportQdpx } from '../../src/main/services/exchange/qdpx-export'
import { call, setupApp, type TestApp } from './helpers'
import { qdeSchemaErrors } from './refi-tools'
import { seedReportLibrary } from './report-seed'

let t: TestApp
beforeEach(async () => {
  t = await setupApp()
})
afterEach(() => t.cleanup())

async function seed() {
  const s = await seedReportLibrary(t.app)
  const said = 'Ann said the renewal 😀 doubled & nobody warned her'
  await call(t.app, 'notes:save', {
    interviewId: s.ann.interview.id,
    questionId: s.ann.interview.currentQuestionId ?? '',
    doc: {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Context. ' },
            { type: 'text', text: said, marks: [{ type: 'highlight', attrs: { ids: ['h-typed'] } }] },
          ],
        },
      ],
    },
    plainText: `Context. ${said}`,
  })
  const [typed] = (
    await call(t.app, 'highlights:listForInterview', { interviewId: s.ann.interview.id })
  ).filter((h) => h.quote === said)
  await call(t.app, 'highlights:update', { id: typed!.id, memo: 'Check the renewal e-mail' })
  await call(t.app, 'highlights:setTags', { id: typed!.id, tagIds: [s.price.id] })
  await call(t.app, 'insights:create', {
    studyId: s.study.id,
    statement: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Ann Lee and Boris left over price' }] },
      ],
    },
    from: { kind: 'highlights', highlightIds: [typed!.id] },
  })
  return { ...s, typed: typed! }
}

describe('REFI-QDA project export (.qdpx)', () => {
  it('writes project.qde valid against the schema, a text file per source, and the Fieldnote sidecar', async () => {
    const s = await seed()
    const out = exportQdpx(t.app.libraries.context(), { studyId: s.study.id })
    expect(out.fileName).toMatch(/^Exit Q1 \d{4}-\d{2}-\d{2}\.qdpx$/)
    const files = unzipSync(out.bytes)
    const qde = strFromU8(files['project.qde']!)
    expect(qdeSchemaErrors(qde)).toBe('')
    const sources = Object.keys(files).filter((f) => f.startsWith('Sources/'))
    // Three transcripts from the seed and one question's notes.
    expect(sources).toHaveLength(4)
    for (const f of sources) expect(qde).toContain(`plainTextPath="internal://${f.slice('Sources/'.length)}"`)
    expect(JSON.parse(strFromU8(files['fieldnote.json']!))).toMatchObject({
      format: 'fieldnote-qdpx-sidecar',
      version: 1,
      study: { id: s.study.id, name: 'Exit Q1' },
    })
  })

  it('gives each selection code-point offsets that land on the highlighted words, with its codes and memo', async () => {
    const s = await seed()
    const files = unzipSync(exportQdpx(t.app.libraries.context(), { studyId: s.study.id }).bytes)
    const qde = strFromU8(files['project.qde']!)
    const sel =
      /<TextSource guid="([^"]+)"[^>]*plainTextPath="internal:\/\/([^"]+)"[\s\S]*?<PlainTextSelection guid="[^"]+" startPosition="(\d+)" endPosition="(\d+)"[^>]*>\s*<Description>Check the renewal e-mail<\/Description>\s*<Coding[^>]*>\s*<CodeRef targetGUID="([^"]+)"/.exec(
        qde,
      )
    expect(sel).not.toBeNull()
    const [, , file, start, end, code] = sel!
    const text = strFromU8(files[`Sources/${file}`]!)
    expect([...text].slice(Number(start), Number(end)).join('')).toBe(s.typed.quote)
    expect(qde).toContain(`<Code guid="${code}" name="${s.price.name}"`)
    expect(qde).toMatch(
      /<Case guid="[^"]+" name="Ann Lee">[\s\S]*?<TextValue>Acme Cloud<\/TextValue>[\s\S]*?<FloatValue>1000\.00<\/FloatValue>/,
    )
    expect(qde).toMatch(/<Set guid="[^"]+" name="Churn reasons">/)
    expect(qde).toMatch(/<Note guid="[^"]+" name="Ann Lee and Boris left over price"/)
  })

  it('exports the whole library when no study is given', async () => {
    await seed()
    const other = await call(t.app, 'studies:create', {
      name: 'Switch',
      method: 'jtbd_switch',
      targetInterviews: 3,
    })
    const files = unzipSync(exportQdpx(t.app.libraries.context(), {}).bytes)
    const qde = strFromU8(files['project.qde']!)
    expect(qdeSchemaErrors(qde)).toBe('')
    expect(qde).toContain('name="Fieldnote library"')
    expect(other.id).toBeTruthy()
  })
})
