/**
 * Issue 12: exporting the report of a study of 100 interviews whose appendix holds 5,000 quotes, through the
 * real channel (reports:render: the model in one read transaction, then the format), as HTML, DOCX and PDF.
 * The PDF is printed by the local Chromium, as in browser mode and on the command line (Electron's
 * printToPDF is not here). Peak memory is the main process's resident set while the exports run, sampled
 * every 10 ms; the PDF's printing happens in Chromium's own processes and is not in it.
 *
 * The library is made for this: 40 companies over the four segments (half of them churned, with MRR), one
 * participant and one exit interview each for 100 people, 50 tagged quotes per interview from the same
 * vocabulary as the other fixtures, the starter churn-reason codebook, 20 insights of 10 quotes each.
 */
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { performance } from 'node:perf_hooks'
import { printHtmlWithChromium, findChromium } from '../src/main/bridge/chromium-pdf'
import type { AppContext } from '../src/main/ipc/app-context'
import { LibraryManager } from '../src/main/library/library-manager'
import type { Call, Report } from './bench-types'
import { Prng } from './prng'
import { median } from './stats'

const INTERVIEWS = 100
const QUOTES_PER_INTERVIEW = 50
const RUNS = 3
const SEGMENTS = ['A', 'B', 'C', 'D'] as const
const WORDS =
  'price support onboarding export dashboard slow team budget renewal invoice integration report access training migration contract seats admin mobile search'.split(
    ' ',
  )

const gc = (): void => (globalThis as { gc?: () => void }).gc?.()

async function seed(app: AppContext, call: Call): Promise<string> {
  const rng = new Prng(12)
  await call(app, 'tags:seedStarter', { codebook: 'churn_reasons', language: 'en' })
  const reasons = (await call(app, 'tags:list', { kind: 'churn_reason' })).filter((t) => t.parentId)
  const themes = []
  for (let i = 0; i < 10; i++)
    themes.push(await call(app, 'tags:create', { name: `Theme ${i + 1}`, kind: 'theme' }))
  const tags = [...reasons.slice(0, 15).map((t) => t.id), ...themes.map((t) => t.id)]
  const study = await call(app, 'studies:create', {
    name: 'Exit 2026',
    method: 'exit',
    targetInterviews: 100,
  })
  const companies = []
  for (let i = 0; i < 40; i++)
    companies.push(
      await call(app, 'companies:create', {
        name: `Company ${i + 1}`,
        segment: SEGMENTS[i % 4]!,
        mrrMinor: 10_000 + i * 2_500,
        customerSince: '2024-01-01',
        ...(i % 2
          ? { status: 'churned' as const, churnedOn: '2026-06-01', churnType: 'voluntary' as const }
          : {}),
      }),
    )
  const scripts = await call(app, 'scripts:list', {})
  const exitScript = scripts.find((s) => s.method === 'exit') ?? scripts[0]!
  const { sqlite } = app.libraries.context()
  const interviewIds: string[] = []
  for (let i = 0; i < INTERVIEWS; i++) {
    const person = await call(app, 'participants:create', {
      name: `Person ${i + 1}`,
      companyId: companies[i % companies.length]!.id,
      email: `person${i + 1}@example.test`,
    })
    const interview = await call(app, 'interviews:create', {
      studyId: study.id,
      participantId: person.id,
      scriptId: exitScript.id,
    })
    interviewIds.push(interview.id)
  }
  // The quotes by SQL in one transaction, as the other fixtures write their bulk (bench/generate-library.ts).
  const note = sqlite.prepare(
    "insert into interview_notes (id, interview_id, question_id, doc, plain_text) values (?, ?, ?, '{}', ?)",
  )
  const hl = sqlite.prepare(
    'insert into highlights (id, interview_id, note_id, start_offset, end_offset, quote) values (?, ?, ?, 0, ?, ?)',
  )
  const tagged = sqlite.prepare('insert or ignore into highlight_tags (highlight_id, tag_id) values (?, ?)')
  const highlightIds: string[] = []
  sqlite.transaction(() => {
    for (const [i, interviewId] of interviewIds.entries())
      for (let q = 0; q < QUOTES_PER_INTERVIEW; q++) {
        const words = Array.from({ length: rng.int(12, 32) }, () => rng.pick(WORDS))
        const text = `${words.join(' ')}.`
        const id = `bench-q-${i}-${q}`
        note.run(`bench-n-${i}-${q}`, interviewId, `q-${q}`, text)
        hl.run(id, interviewId, `bench-n-${i}-${q}`, text.length, text)
        tagged.run(id, tags[(i + q) % tags.length]!)
        highlightIds.push(id)
      }
  })()
  for (let k = 0; k < 20; k++)
    await call(app, 'insights:create', {
      studyId: study.id,
      statement: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: `Finding ${k + 1}: ${WORDS[k]} matters` }] },
        ],
      },
      from: { kind: 'highlights', highlightIds: highlightIds.slice(k * 250, k * 250 + 10) },
    })
  return study.id
}

const PEAK_HOOK = `process.on('exit', () =>
  process.stderr.write('fieldnote-peak-rss-kb ' + process.resourceUsage().maxRSS + String.fromCharCode(10)))
`

export async function reportsBench(
  root: string,
  dir: string,
  migrations: string,
  call: Call,
  report: Report,
): Promise<void> {
  const library = join(dir, 'Reports.fieldnote')
  const app: AppContext = {
    libraries: new LibraryManager({ dataDir: join(dir, 'reports-data'), migrationsFolder: migrations }),
    shell: { kind: 'web', version: 'bench', printToPdf: printHtmlWithChromium },
  }
  try {
    await app.libraries.create(library)
    const studyId = await seed(app, call)
    const preview = await call(app, 'reports:preview', { studyId })
    const appendix = (preview.html.match(/<blockquote/g) ?? []).length
    console.log(
      `# report: ${INTERVIEWS} interviews, ${appendix} quotes in the document (appendix and sections), ${preview.sections.length} sections, HTML ${(preview.html.length / 1e6).toFixed(1)} MB`,
    )
    const formats = findChromium() ? (['html', 'docx', 'pdf'] as const) : (['html', 'docx'] as const)
    for (const format of formats) {
      gc()
      const times: number[] = []
      let bytes = 0
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now()
        const file = await call(app, 'reports:render', { studyId, format })
        times.push(performance.now() - t0)
        bytes = file.base64.length * 0.75
      }
      console.log(`#   ${format}: ${(bytes / 1e6).toFixed(1)} MB`)
      report(`report_${format}_ms`, median(times), 'ms', 5000)
    }
    if (formats.length < 3) console.log('# report_pdf_ms skipped: no Chromium on this machine')
    app.libraries.close()
    // The export's own memory: each format exported by `fieldnote report` in a fresh process, as a user runs
    // it, its peak resident set read by the process itself at exit (the bench's own process holds the seeding;
    // a PDF's printing runs in Chromium's processes and is not counted).
    const hook = join(dir, 'peak-rss-hook.mjs')
    writeFileSync(hook, PEAK_HOOK)
    // bin/fieldnote.mjs rebuilds its bundle with Vite, in the same process, when a source is newer: done here
    // first, so that build (over 100 MB more) is not counted as the first format's export.
    spawnSync(process.execPath, [join(root, 'bin', 'fieldnote.mjs'), '--help'], { timeout: 300_000 })
    const peaks = formats.map((format) => {
      const r = spawnSync(
        process.execPath,
        [
          '--import',
          pathToFileURL(hook).href,
          join(root, 'bin', 'fieldnote.mjs'),
          'report',
          '--library',
          library,
          '--study',
          'Exit 2026',
          '--format',
          format,
          '--out',
          join(dir, `bench-report.${format}`),
        ],
        { encoding: 'utf8', timeout: 300_000 },
      )
      const kb = Number(/fieldnote-peak-rss-kb (\d+)/.exec(r.stderr)?.[1])
      if (r.status !== 0 || !kb) throw new Error(`fieldnote report --format ${format} failed: ${r.stderr}`)
      console.log(`#   fieldnote report --format ${format}: peak resident ${(kb / 1024).toFixed(0)} MB`)
      return kb / 1024
    })
    report('report_export_peak_rss_mb', Math.max(...peaks), 'MB', 500)
  } finally {
    app.libraries.close()
  }
}
