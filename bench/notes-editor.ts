/// <reference lib="dom" />
/**
 * Issue 9 §2: the notes editor with long notes, in headless Chromium through the real web bridge (the built
 * renderer, out/main/web.js, real SQLite). Two figures:
 *
 * - note_keystroke_p95_ms: the work of one keystroke at the end of a ~200 KB note, measured in the page with
 *   performance.now(): from the keydown (a capture listener, before the editor's) until the editor has handled
 *   the input (a microtask queued from the input event, after the editor's DOM observer) and the browser has
 *   done style and layout for it (forced there with getBoundingClientRect). The goal compares it with one
 *   frame. note_keystroke_next_paint_p95_ms is keydown to the next painted frame (requestAnimationFrame, then a
 *   task posted from it), which also holds the wait for the display's refresh: headless Chromium keeps a
 *   60 Hz frame clock whatever the flags, so that figure cannot go below one frame for reasons not ours.
 * - note_paste_1mb_ms: 1 MiB of plain text pasted (a ClipboardEvent with a DataTransfer, through ProseMirror's
 *   own paste handler) into an empty question, until the next frame has been painted. That much text is over
 *   the note limit; the refusal is decided right after that frame and must then be on screen.
 */
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser } from '../test/e2e/harness'
import { Prng } from './prng'
import { noteContent, type ParagraphNode } from './text'
import { median, percentile } from './stats'
import { invoke, startServer } from './web-app'
import type { Report } from './bench-types'

const KEYSTROKES = { warmup: 30, runs: 300 }
const PASTES = 3
const NOTE_CHARS = 200 * 1024
const PASTE_CHARS = 1024 * 1024

/** A long live note as the editor saves it: many short stamped paragraphs, the odd bold or italic quote. */
function longNote(chars: number): { doc: { type: 'doc'; content: ParagraphNode[] }; plainText: string } {
  const rng = new Prng(9)
  const content: ParagraphNode[] = []
  let text = ''
  for (let elapsed = 60_000; text.length < chars; elapsed += 30_000) {
    const part = noteContent(rng, 'en', 300, elapsed)
    content.push(...part.doc.content)
    text = text ? `${text}\n${part.plainText}` : part.plainText
  }
  return { doc: { type: 'doc', content }, plainText: text }
}

/** Transcript-like lines, as someone would paste a whole transcript into a note. */
function pasteText(chars: number): string {
  const rng = new Prng(11)
  const lines: string[] = []
  let size = 0
  for (let i = 0; size < chars; i++) {
    const line = `${i % 2 ? 'Dana' : 'Interviewer'}: ${noteContent(rng, 'en', 40, 0).plainText}`
    lines.push(line)
    size += line.length + 1
  }
  return lines.join('\n').slice(0, chars)
}

const editorOf = (page: Page) => page.getByRole('textbox', { name: /^Notes for:/ })

async function editorLength(page: Page): Promise<number> {
  return editorOf(page).evaluate((el) => (el.textContent ?? '').length)
}

/** In the page: the work and the next-paint latency of the input that follows (see the header). */
function installProbe(): void {
  const w = window as unknown as { __fnProbe: { last: Promise<[number, number]> | null } }
  const editor = document.querySelector('.notes-editor') as HTMLElement
  let t0 = 0
  let armed = false
  w.__fnProbe = { last: null }
  document.addEventListener(
    'keydown',
    () => {
      t0 = performance.now()
      armed = true
      w.__fnProbe.last = null
    },
    true,
  )
  document.addEventListener('input', () => {
    if (!armed) return
    armed = false
    const start = t0
    w.__fnProbe.last = new Promise((done) =>
      // After the editor's own work for this input (its DOM observer runs in a microtask queued earlier).
      queueMicrotask(() => {
        void editor.getBoundingClientRect() // style and layout, as the next frame would do them
        const laidOut = performance.now()
        requestAnimationFrame(() => {
          const ch = new MessageChannel()
          ch.port1.onmessage = () => done([laidOut - start, performance.now() - start])
          ch.port2.postMessage(null)
        })
      }),
    )
  })
}

export async function keystrokes(page: Page): Promise<{ work: number[]; nextPaint: number[] }> {
  await page.evaluate(installProbe)
  const letters = 'the customer said pricing went up at renewal '
  const work: number[] = []
  const nextPaint: number[] = []
  for (let i = 0; i < KEYSTROKES.warmup + KEYSTROKES.runs; i++) {
    const ch = letters[i % letters.length] as string
    await page.keyboard.press(ch === ' ' ? 'Space' : ch)
    const probe = await page.evaluate(
      () => (window as unknown as { __fnProbe: { last: Promise<[number, number]> | null } }).__fnProbe.last,
    )
    if (!probe) throw new Error(`the key "${ch}" reached the page without an input event`)
    const [ms, raw] = probe
    if (i < KEYSTROKES.warmup) continue
    work.push(ms)
    nextPaint.push(raw)
  }
  return { work, nextPaint }
}

/** Pastes through the editor's own paste handler; resolves once the frame showing the paste has been painted. */
async function paste(page: Page, text: string): Promise<number> {
  return editorOf(page).evaluate(
    (el, data) =>
      new Promise<number>((done) => {
        const dt = new DataTransfer()
        dt.setData('text/plain', data)
        const t0 = performance.now()
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }))
        requestAnimationFrame(() => {
          const ch = new MessageChannel()
          ch.port1.onmessage = () => done(performance.now() - t0)
          ch.port2.postMessage(null)
        })
      }),
    text,
  )
}

export async function notesEditorBench(root: string, dir: string, report: Report): Promise<void> {
  const server = await startServer(root, join(dir, 'notes-web'), 'notes')
  let browser: Browser | null = null
  try {
    const study = await invoke<{ id: string }>(server, 'studies:create', {
      name: 'Long notes',
      method: 'jtbd_switch',
      targetInterviews: 10,
    })
    const interview = await invoke<{ id: string }>(server, 'interviews:create', {
      studyId: study.id,
      scriptId: 'builtin:jtbd-switch:en',
    })
    const detail = await invoke<{ script: { sections: { questions: { id: string }[] }[] } }>(
      server,
      'interviews:get',
      { id: interview.id },
    )
    const firstQuestion = detail.script.sections[0]?.questions[0]?.id as string
    const note = longNote(NOTE_CHARS)
    await invoke(server, 'notes:save', {
      interviewId: interview.id,
      questionId: firstQuestion,
      doc: note.doc,
      plainText: note.plainText,
      elapsedMs: 60_000,
    })
    console.log(
      `# notes editor: ${Math.round(note.plainText.length / 1024)} KB note in ${note.doc.content.length} paragraphs; ` +
        `paste of ${PASTE_CHARS / 1024} KB`,
    )

    browser = await launchBrowser()
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.goto(`${server.origin}/?token=${server.token}#/interview/${interview.id}`)
    await editorOf(page).waitFor()
    const before = await editorLength(page)
    if (before < note.plainText.length - note.doc.content.length)
      throw new Error(`the editor shows ${before} characters, expected the ${note.plainText.length} saved`)
    // The editor focuses itself at the end of the note on opening; typing goes there.
    const typed = await keystrokes(page)
    const after = await editorLength(page)
    if (after !== before + KEYSTROKES.warmup + KEYSTROKES.runs)
      throw new Error(
        `typed ${KEYSTROKES.warmup + KEYSTROKES.runs} characters but the note grew by ${after - before}`,
      )
    report('note_keystroke_p95_ms', percentile(typed.work, 95), 'ms', 16)
    report('note_keystroke_median_ms', median(typed.work), 'ms')
    report('note_keystroke_next_paint_p95_ms', percentile(typed.nextPaint, 95), 'ms')

    const text = pasteText(PASTE_CHARS)
    const pastes: number[] = []
    for (let i = 0; i < PASTES; i++) {
      await page.keyboard.press('Alt+ArrowDown') // a fresh, empty question each time
      await page.getByRole('heading', { name: new RegExp(`^Q${i + 2} of`) }).waitFor()
      await editorOf(page).click()
      pastes.push(await paste(page, text))
      const length = await editorLength(page)
      if (length < text.length * 0.99)
        throw new Error(`pasted ${text.length} characters but the editor shows ${length}`)
      // Over the note limit: the refusal must be on screen, not a retry loop.
      await page.getByTestId('note-refused').waitFor({ timeout: 10_000 })
    }
    report('note_paste_1mb_ms', median(pastes), 'ms', 500)
    report('note_paste_1mb_max_ms', Math.max(...pastes), 'ms')
  } finally {
    await browser?.close()
    await server.stop()
  }
}
