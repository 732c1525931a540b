import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call, invoke, setupApp, type TestApp } from './helpers'

/** An export shows how far it is and stops on Cancel without handing over a file. */
let t: TestApp
let release: () => void
let printed: string[]

beforeEach(async () => {
  t = await setupApp()
  printed = []
  // The printer waits for the test, so the export is caught in its last step, as a slow PDF would be.
  t.app.shell.printToPdf = (html) =>
    new Promise((resolve) => {
      printed.push(html)
      release = () => resolve(new TextEncoder().encode('%PDF-1.7 test'))
    })
  await call(t.app, 'studies:create', { name: 'Exit Q1', method: 'exit', targetInterviews: 4 })
})
afterEach(() => t.cleanup())

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 500; i++) {
    const v = await probe()
    if (ok(v)) return v
    await new Promise((r) => setTimeout(r, 5))
  }
  throw new Error('the export never reached the expected step')
}

describe('report export progress and cancel', () => {
  it('reports its step while it runs and nothing once done', async () => {
    const running = invoke(t.app, 'reports:render', { format: 'pdf' })
    const progress = await until(
      () => call(t.app, 'reports:progress'),
      (p) => p?.step === 'printing' && printed.length === 1,
    )
    expect(progress).toEqual({ step: 'printing', done: 0, total: 1 })
    release()
    const done = await running
    expect(done.ok).toBe(true)
    expect(printed).toHaveLength(1)
    expect(await call(t.app, 'reports:progress')).toBeNull()
  })

  it('a Cancel while printing drops the file: CANCELLED, and the next export runs normally', async () => {
    const running = invoke(t.app, 'reports:render', { format: 'pdf' })
    await until(
      () => call(t.app, 'reports:progress'),
      (p) => p?.step === 'printing' && printed.length === 1,
    )
    expect(await call(t.app, 'reports:cancel')).toEqual({ cancelled: true })
    release()
    expect(await running).toEqual({
      ok: false,
      error: { code: 'CANCELLED', message: 'Export cancelled; no file was written.' },
    })
    expect(await call(t.app, 'reports:progress')).toBeNull()
    expect(await call(t.app, 'reports:cancel')).toEqual({ cancelled: false })
    const again = await call(t.app, 'reports:render', { format: 'md' })
    expect(again.fileName).toMatch(/\.md$/)
  })

  it('a printer told ahead is let go of when the export stops before printing, and used once when it prints', async () => {
    const events: string[] = []
    const printer = Object.assign(async () => new TextEncoder().encode('%PDF-1.7 unprepared'), {
      prepare: () => {
        events.push('prepare')
        return {
          print: async (html: string) => {
            events.push(html.includes('<h1>') ? 'print' : 'print without a report')
            return new TextEncoder().encode('%PDF-1.7 test')
          },
          release: () => events.push('release'),
        }
      },
    })
    t.app.shell.printToPdf = printer
    const file = await call(t.app, 'reports:render', { format: 'pdf' })
    expect(Buffer.from(file.base64, 'base64').toString()).toBe('%PDF-1.7 test')
    expect(events).toEqual(['prepare', 'print', 'release'])

    // Cancelled in its first step, while the printer starts: released, never printed.
    events.length = 0
    printer.prepare = ((prepare) => () => {
      void call(t.app, 'reports:cancel')
      return prepare()
    })(printer.prepare)
    const stopped = await invoke(t.app, 'reports:render', { format: 'pdf' })
    expect(stopped).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
    expect(events).toEqual(['prepare', 'release'])

    // Other formats never start a printer.
    events.length = 0
    await call(t.app, 'reports:render', { format: 'html' })
    expect(events).toEqual([])
  })
})
