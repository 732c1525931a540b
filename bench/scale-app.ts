/// <reference lib="dom" />
/**
 * Issue 14 "Scale": the real app page (the built renderer, out/main/web.js, the web bridge, real SQLite) in
 * headless Chromium, with the research library open (bench/research-cache.ts: 2,000 interviews, ~5M words,
 * 200k highlights). The server opens a copy of it with --library, as a library Fieldnote closed cleanly and
 * backed up today (settings.json says so), so no whole-file check or automatic backup runs under the figures.
 *
 * - renderer_ready_ms: from the navigation's start (performance.timeOrigin) to the first screen ready: the
 *   studies list shows every study, the first study's detail pane shows its interviews table filled (an
 *   interviews:list answered), and the frame showing it has been painted (requestAnimationFrame, then a task
 *   posted from it). The median of several loads, each a new page in a warm browser (cached scripts, as the
 *   desktop app loads its files from disk).
 * - evidence_list_10k_mount_ms: from the Evidence screen's address being set (the page already ready on the
 *   studies) to its quote list showing rows, painted, with every highlight of the library in scope (200k,
 *   over the 10k). evidence_list_dom_nodes: elements inside the list, the most seen after mounting
 *   and after scrolling far into it (the list must be virtualized to stay under the goal).
 * - editor_200k_words_open_ms: an interview holding 200k words of notes (the note limit is 250,000 characters
 *   per question, so they fill several questions, each near the limit), opened from the studies screen: from
 *   the address being set to the notes editor showing its question's note, focused (taking input), painted.
 *   editor_200k_words_transcript_open_ms: the same interview's 200k-word transcript, from a click on the
 *   Transcript tab to its text painted (the one place 200k words sit in one editor).
 * - keystroke_p95_ms: typing at the end of the open ~240,000-character note, measured as note_keystroke_p95_ms
 *   is (bench/notes-editor.ts): keydown to the editor having handled the input, with style and layout done.
 * - core_loop_long_tasks_over_200ms: tasks over 200 ms (PerformanceObserver 'longtask') while a person does
 *   the core loop on a research interview: open it, type a sentence, tag a passage (select, Ctrl+K, a tag,
 *   Enter), open the churn Pareto, search. core_loop_longest_task_ms is the longest task seen.
 */
import Database from 'better-sqlite3'
import { statSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser } from '../test/e2e/harness'
import { MAX_NOTE_TEXT_CHARS } from '../src/shared/notes/limits'
import { Prng } from './prng'
import { noteContent, type ParagraphNode } from './text'
import { keystrokes } from './notes-editor'
import { researchLibraryCopy } from './research-cache'
import { median, percentile } from './stats'
import { invoke, startServer, type Server } from './web-app'
import type { Report } from './bench-types'

const READY = { warmup: 1, runs: 5 }
const EVIDENCE = { warmup: 1, runs: 5 }
const BIG_OPEN = { warmup: 1, runs: 3 }
const LOOPS = 2
const BIG_WORDS = 200_000
/** Each question's note stays a little under the limit, so the keystrokes typed into it still save. */
const NOTE_CHARS = MAX_NOTE_TEXT_CHARS - 10_000
/** The core loop's question: the exit script's first, noted in most of the library's exit interviews. */
const LOOP_QUESTION = 'exit.reason.q1'
const VIEWPORT = { width: 1440, height: 900 }

/** What the init script leaves in every page (see installHelpers). */
type Check = 'studies' | 'evidence' | 'editor' | 'pareto' | 'transcript'
interface Helpers {
  long: [number, number][]
  painted(check: Check, arg: unknown, timeoutMs: number): Promise<number>
}
type BenchWindow = { __fn: Helpers }

const words = (text: string) => text.split(/\s+/).filter(Boolean).length

/** One question's note: stamped paragraphs as the editor saves them, up to `chars` characters of text. */
function fullNote(rng: Prng, chars: number) {
  const content: ParagraphNode[] = []
  let text = ''
  for (let elapsed = 60_000; ; elapsed += 30_000) {
    const part = noteContent(rng, 'en', 300, elapsed)
    const next = text ? `${text}\n${part.plainText}` : part.plainText
    if (next.length > chars) break
    content.push(...part.doc.content)
    text = next
  }
  return { doc: { type: 'doc' as const, content }, plainText: text }
}

/** A WebVTT file of alternating turns, about `total` words. */
function transcriptVtt(rng: Prng, total: number): string {
  const cues = ['WEBVTT', '']
  const stamp = (ms: number) => new Date(ms).toISOString().slice(11, 23)
  let at = 1_000
  for (let n = 0, count = 0; count < total; n++) {
    const text = noteContent(rng, 'en', 70, 0).plainText.replace(/\n/g, ' ')
    count += words(text)
    const end = at + 20_000
    cues.push(`${stamp(at)} --> ${stamp(end)}`, `<v ${n % 2 ? 'Dana Park' : 'Interviewer'}>${text}</v>`, '')
    at = end + 1_000
  }
  return cues.join('\n')
}

interface Fixture {
  studies: number
  firstStudy: { id: string; interviews: number }
  big: { id: string; firstNoteChars: number; noteWords: number; transcriptWords: number }
  loop: { id: string; tagName: string }
}

/** What the bench needs from the library, read before the server opens it. */
function pickFromLibrary(path: string): { loopInterview: string; tagName: string; exitStudy: string } {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    // A finished exit interview with notes on its first question and a transcript: the core loop's interview.
    const loop = db
      .prepare(
        `select i.id, i.study_id as studyId from interviews i join studies s on s.id = i.study_id
         where s.method = 'exit' and i.status = 'done'
           and exists (select 1 from transcripts t where t.interview_id = i.id)
           and exists (select 1 from interview_notes n where n.interview_id = i.id and n.question_id = @question)
         order by i.rowid limit 1`,
      )
      .get({ question: LOOP_QUESTION }) as { id: string; studyId: string } | undefined
    const tag = db
      .prepare("select name from tags where code = 'PRC-01' and deleted_at is null")
      .pluck()
      .get() as string | undefined
    if (!loop || !tag)
      throw new Error('the research library has no exit interview with notes, or no PRC-01 tag')
    return { loopInterview: loop.id, tagName: tag, exitStudy: loop.studyId }
  } finally {
    db.close()
  }
}

/** The interview with 200k words of notes (and a 200k-word transcript), written through the bridge. */
async function createBigInterview(server: Server, studyId: string): Promise<Fixture['big']> {
  const interview = await invoke<{ id: string }>(server, 'interviews:create', {
    studyId,
    scriptId: 'builtin:exit:en',
  })
  const detail = await invoke<{ script: { sections: { questions: { id: string }[] }[] } }>(
    server,
    'interviews:get',
    { id: interview.id },
  )
  const questions = detail.script.sections.flatMap((s) => s.questions.map((q) => q.id))
  const rng = new Prng(14)
  let noteWords = 0
  let firstNoteChars = 0
  for (const questionId of questions) {
    if (noteWords >= BIG_WORDS) break
    const note = fullNote(rng, NOTE_CHARS)
    if (!firstNoteChars) firstNoteChars = note.plainText.length
    noteWords += words(note.plainText)
    await invoke(server, 'notes:save', {
      interviewId: interview.id,
      questionId,
      doc: note.doc,
      plainText: note.plainText,
      elapsedMs: 60_000,
    })
  }
  if (noteWords < BIG_WORDS)
    throw new Error(`the exit script's ${questions.length} questions hold only ${noteWords} words of notes`)
  const vtt = transcriptVtt(rng, BIG_WORDS)
  await invoke(server, 'transcripts:import', {
    interviewId: interview.id,
    files: [{ name: 'long-call.vtt', text: vtt }],
  })
  return { id: interview.id, firstNoteChars, noteWords, transcriptWords: words(vtt) }
}

/** Settings of a library Fieldnote closed cleanly and backed up today. */
function writeSettings(dataDir: string, libraryPath: string): void {
  const { size, mtimeMs } = statSync(libraryPath)
  mkdirSync(dataDir, { recursive: true })
  writeFileSync(
    join(dataDir, 'settings.json'),
    JSON.stringify({
      recentLibraries: [libraryPath],
      lastLibrary: libraryPath,
      cleanCloses: { [libraryPath]: { size, mtimeMs } },
      backups: { [libraryPath]: { folder: null, lastAt: new Date().toISOString() } },
    }),
  )
}

/**
 * In every page, before its own scripts (an init script, which the page's CSP does not stop): the long tasks
 * as [startTime, duration], and `painted`, which resolves with performance.now() once a check holds and the
 * frame showing it has been painted (requestAnimationFrame, then a task posted from it).
 */
function installHelpers(): void {
  const checks: Record<string, (arg: unknown) => boolean> = {
    // The first screen (see the header): every study listed, the first one's interviews table filled.
    studies: (arg) => {
      const e = arg as { studies: number; interviews: number }
      if (!document.querySelector('.app-shell[data-ready="true"]')) return false
      if (document.querySelectorAll('.list-pane .item-list > li').length < e.studies) return false
      if (!document.getElementById('study-title')) return false
      const table = document.querySelector('section[aria-labelledby="interviews-h"] tbody')
      return (table?.children.length ?? 0) >= e.interviews
    },
    evidence: () =>
      document.querySelectorAll('.evidence-list .evidence-row').length > 0 &&
      document.querySelector('[data-testid="evidence-counts"]') !== null,
    // Showing text and taking input: the editor has the focus.
    editor: () => {
      const e = document.querySelector('.notes-editor')
      return e !== null && document.activeElement === e && (e.textContent ?? '').length > 0
    },
    pareto: () => document.querySelector('.pareto-svg') !== null,
    transcript: (min) => {
      const text = document.querySelector('[role="textbox"][aria-label^="Transcript "]')
      return (text?.textContent?.length ?? 0) >= (min as number)
    },
  }
  const helpers: Helpers = {
    long: [],
    painted: (check, arg, timeoutMs) =>
      new Promise((done, fail) => {
        const ready = () => checks[check]?.(arg) ?? false
        const paint = () =>
          requestAnimationFrame(() => {
            const ch = new MessageChannel()
            ch.port1.onmessage = () => done(performance.now())
            ch.port2.postMessage(null)
          })
        if (ready()) return paint()
        const watch = new MutationObserver(() => {
          if (!ready()) return
          watch.disconnect()
          paint()
        })
        watch.observe(document, { childList: true, subtree: true, attributes: true })
        setTimeout(() => fail(new Error(`"${check}" not ready within ${timeoutMs} ms`)), timeoutMs)
      }),
  }
  ;(window as unknown as BenchWindow).__fn = helpers
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) helpers.long.push([e.startTime, e.duration])
  }).observe({ type: 'longtask', buffered: true })
}

async function openReady(context: BrowserContext, server: Server, fx: Fixture): Promise<[Page, number]> {
  const page = await context.newPage()
  await page.goto(`${server.origin}/?token=${server.token}#/studies`)
  const ms = await page.evaluate(
    (expected) => (window as unknown as BenchWindow).__fn.painted('studies', expected, 60_000),
    { studies: fx.studies, interviews: fx.firstStudy.interviews },
  )
  return [page, ms]
}

/** Sets the address in the page and waits, in the page, for a check and the painted frame; ms from the change. */
async function goTimed(page: Page, hash: string, check: Check, arg: unknown = null): Promise<number> {
  return page.evaluate(
    ([to, name, a]) => {
      const t0 = performance.now()
      window.location.hash = to
      return (window as unknown as BenchWindow).__fn.painted(name, a, 60_000).then((t) => t - t0)
    },
    [hash, check, arg] as const,
  )
}

const longTasks = (page: Page, since: number) =>
  page.evaluate((t) => (window as unknown as BenchWindow).__fn.long.filter(([start]) => start >= t), since)

/** Elements inside the evidence list now. */
const listNodes = (page: Page) =>
  page.evaluate(() => document.querySelector('.evidence-scroll')?.querySelectorAll('*').length ?? 0)

async function evidenceBench(context: BrowserContext, server: Server, fx: Fixture, report: Report) {
  const mounts: number[] = []
  let nodes = 0
  let inScope = ''
  for (let i = 0; i < EVIDENCE.warmup + EVIDENCE.runs; i++) {
    const [page] = await openReady(context, server, fx)
    const ms = await goTimed(page, '#/evidence', 'evidence')
    nodes = Math.max(nodes, await listNodes(page))
    if (i === 0) {
      inScope = (await page.getByTestId('evidence-counts').textContent()) ?? ''
      // Far into the list: the rows mounted must stay a window's worth wherever it is scrolled.
      for (const at of [5_000, 50_000, 200_000]) {
        await page.evaluate((y) => document.querySelector('.content')?.scrollTo(0, y), at)
        await page.waitForTimeout(300)
        nodes = Math.max(nodes, await listNodes(page))
      }
    }
    await page.close()
    if (i >= EVIDENCE.warmup) mounts.push(ms)
  }
  const total = Number(/^([\d,\s\u00a0]+)/.exec(inScope)?.[1]?.replace(/\D/g, '') ?? 0)
  console.log(`#   evidence list in scope: ${inScope}`)
  if (total < 10_000) throw new Error(`the evidence list has ${total} quotes in scope, not ≥ 10,000`)
  report('evidence_list_10k_mount_ms', median(mounts), 'ms', 150)
  report('evidence_list_10k_mount_max_ms', Math.max(...mounts), 'ms')
  report('evidence_list_dom_nodes', nodes, 'nodes', 500)
}

async function bigInterviewBench(context: BrowserContext, server: Server, fx: Fixture, report: Report) {
  const opens: number[] = []
  const transcriptOpens: number[] = []
  let page: Page | null = null
  for (let i = 0; i < BIG_OPEN.warmup + BIG_OPEN.runs; i++) {
    await page?.close()
    ;[page] = await openReady(context, server, fx)
    const ms = await goTimed(page, `#/interview/${fx.big.id}`, 'editor')
    const shown = await page.evaluate(() => document.querySelector('.notes-editor')?.textContent?.length ?? 0)
    if (shown < fx.big.firstNoteChars * 0.98)
      throw new Error(`the editor shows ${shown} characters, expected the ${fx.big.firstNoteChars} saved`)
    if (i >= BIG_OPEN.warmup) opens.push(ms)
  }
  if (!page) throw new Error('no page')
  report('editor_200k_words_open_ms', median(opens), 'ms', 1000)
  report('editor_200k_words_open_max_ms', Math.max(...opens), 'ms')

  // The editor focused itself at the end of the note on opening; typing goes there.
  const typed = await keystrokes(page)
  report('keystroke_p95_ms', percentile(typed.work, 95), 'ms', 16)
  report('keystroke_median_ms', median(typed.work), 'ms')
  report('keystroke_next_paint_p95_ms', percentile(typed.nextPaint, 95), 'ms')

  for (let i = 0; i < BIG_OPEN.warmup + BIG_OPEN.runs; i++) {
    await page.close()
    ;[page] = await openReady(context, server, fx)
    await page.evaluate((hash) => (window.location.hash = hash), `#/interview/${fx.big.id}`)
    await page.getByRole('tab', { name: 'Transcript' }).waitFor()
    const tab = await page.getByRole('tab', { name: 'Transcript' }).elementHandle()
    const ms = await page.evaluate(
      ([el, min]) => {
        const t0 = performance.now()
        ;(el as HTMLElement).click()
        return (window as unknown as BenchWindow).__fn.painted('transcript', min, 60_000).then((t) => t - t0)
      },
      [tab, fx.big.transcriptWords * 4] as const,
    )
    if (i >= BIG_OPEN.warmup) transcriptOpens.push(ms)
  }
  await page.close()
  report('editor_200k_words_transcript_open_ms', median(transcriptOpens), 'ms', 1000)
}

/** Selects the first few words of a note paragraph's unmarked text, as a mouse drag would. */
async function selectUnmarkedWords(page: Page): Promise<string> {
  return page.locator('.notes-editor').evaluate((root) => {
    for (const p of root.querySelectorAll('p')) {
      const node = [...p.childNodes].find(
        (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').length > 40,
      )
      if (!node) continue
      const text = node.textContent ?? ''
      const end = text.indexOf(' ', text.indexOf(' ', 12) + 1)
      const range = document.createRange()
      range.setStart(node, 0)
      range.setEnd(node, end)
      window.getSelection()?.removeAllRanges()
      window.getSelection()?.addRange(range)
      document.dispatchEvent(new Event('selectionchange'))
      return text.slice(0, end)
    }
    throw new Error('the note has no unmarked paragraph text to tag')
  })
}

async function coreLoop(page: Page, fx: Fixture): Promise<Record<string, [number, number][]>> {
  const steps: Record<string, [number, number][]> = {}
  const step = async (name: string, run: () => Promise<unknown>) => {
    const since = await page.evaluate(() => performance.now())
    await run()
    // Work the step set off after its result showed (refetches, effects) counts as the step's.
    await page.waitForTimeout(500)
    steps[name] = await longTasks(page, since)
  }
  await step('open interview', () => goTimed(page, `#/interview/${fx.loop.id}/${LOOP_QUESTION}`, 'editor'))
  await step('type', () =>
    page.keyboard.type(' Renewal went up by a third, nobody warned us.', { delay: 30 }),
  )
  await step('tag a passage', async () => {
    const marks = await page.locator('.notes-editor mark.hl').count()
    await selectUnmarkedWords(page)
    await page.keyboard.press('Control+k')
    await page.getByRole('combobox', { name: /Find a tag/ }).waitFor()
    await page.keyboard.type(fx.loop.tagName, { delay: 30 })
    await page.keyboard.press('Enter')
    await page.waitForFunction((n) => document.querySelectorAll('.notes-editor mark.hl').length > n, marks)
  })
  await step('open the Pareto', () => goTimed(page, '#/churn', 'pareto'))
  await step('search', async () => {
    await goTimed(page, '#/evidence', 'evidence')
    await page.getByRole('searchbox').first().click()
    await page.keyboard.type('pricing renewal', { delay: 60 })
    await page.getByRole('region', { name: 'Search results' }).waitFor({ timeout: 30_000 })
  })
  return steps
}

export async function scaleAppBench(root: string, dir: string, report: Report): Promise<void> {
  const libraryPath = join(dir, 'Scale Library.fieldnote')
  const copied = await researchLibraryCopy(root, libraryPath)
  console.log(
    copied.generatedMs === null
      ? '# scale: research library copied from the cache'
      : `# scale: research library generated in ${Math.round(copied.generatedMs)} ms and cached`,
  )
  const picked = pickFromLibrary(libraryPath)
  const dataDir = join(dir, 'scale-web')
  writeSettings(dataDir, libraryPath)
  const server = await startServer(root, dataDir, 'scale', ['--library', libraryPath])
  let browser: Browser | null = null
  try {
    const studies = await invoke<{ id: string }[]>(server, 'studies:list', undefined)
    const first = studies[0]
    if (!first) throw new Error('the research library has no studies')
    const firstInterviews = await invoke<unknown[]>(server, 'interviews:list', { studyId: first.id })
    const big = await createBigInterview(server, picked.exitStudy)
    const fx: Fixture = {
      studies: studies.length,
      firstStudy: { id: first.id, interviews: firstInterviews.length },
      big,
      loop: { id: picked.loopInterview, tagName: picked.tagName },
    }
    console.log(
      `# scale: ${fx.studies} studies (the first with ${fx.firstStudy.interviews} interviews); big interview ` +
        `${big.noteWords} words of notes (${big.firstNoteChars} characters in its first question), ` +
        `${big.transcriptWords}-word transcript`,
    )

    browser = await launchBrowser()
    const context = await browser.newContext({ viewport: VIEWPORT })
    await context.addInitScript(installHelpers)

    const readies: number[] = []
    let startupLongest = 0
    for (let i = 0; i < READY.warmup + READY.runs; i++) {
      const [page, ms] = await openReady(context, server, fx)
      const tasks = await longTasks(page, 0)
      startupLongest = Math.max(startupLongest, ...tasks.map(([, d]) => d))
      await page.close()
      if (i >= READY.warmup) readies.push(ms)
    }
    report('renderer_ready_ms', median(readies), 'ms', 1000)
    report('renderer_ready_max_ms', Math.max(...readies), 'ms')
    report('renderer_ready_longest_task_ms', startupLongest, 'ms')

    await evidenceBench(context, server, fx, report)
    await bigInterviewBench(context, server, fx, report)

    let over = 0
    let longest = 0
    for (let i = 0; i < LOOPS; i++) {
      const [page] = await openReady(context, server, fx)
      const steps = await coreLoop(page, fx)
      for (const [name, tasks] of Object.entries(steps)) {
        const worst = Math.max(0, ...tasks.map(([, d]) => d))
        over += tasks.filter(([, d]) => d > 200).length
        longest = Math.max(longest, worst)
        console.log(
          `#   core loop ${i + 1}, ${name}: ${tasks.length} long tasks, longest ${Math.round(worst)} ms`,
        )
      }
      await page.close()
    }
    report('core_loop_long_tasks_over_200ms', over, 'tasks', 0)
    report('core_loop_longest_task_ms', longest, 'ms')
  } finally {
    await browser?.close()
    await server.stop()
  }
}
