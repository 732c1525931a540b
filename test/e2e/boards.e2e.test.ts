import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import { hasTool, pptxParts, slidesOf } from '../shared/boards-export-tools'
import {
  bridgeCall,
  closeAppInBrowser,
  openAppInBrowser,
  screenshot,
  selectTranscriptPhrase,
  type RunningApp,
} from './harness'

const TRANSCRIPT =
  'Setting up the import took us two weeks and nobody answered our questions. ' +
  'Once the import worked, the dashboards were a delight.'

/**
 * Issue 11 in Chromium: a journey board from the SaaS template made through the UI; a card added, moved with
 * the keyboard and dragged with the mouse; a quote linked to it; a new emotion-scored quote tagged with a stage
 * moves that stage's point on the curve without a reload; presented with a lane left out.
 */
describe('journey boards', () => {
  let browser: Browser
  let app: RunningApp
  let page: Page
  let problems: string[]
  let interviewId = ''
  let boardHash = ''

  const api = <T>(channel: string, input?: unknown) => bridgeCall<T>(app, channel, input)
  const cell = (lane: string, stage: string) =>
    page.getByRole('gridcell', { name: new RegExp(`^${escape(lane)}, ${escape(stage)}: `) })
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  const onboardingPoint = () => page.locator('.emotion-point[data-stage="3"]')

  beforeAll(async () => {
    ;({ browser, app, page, problems } = await openAppInBrowser())
    await page.setViewportSize({ width: 1600, height: 1000 })
    await api('tags:seedStarter', { codebook: 'journey_stages', language: 'en' })
    const tags = await api<{ id: string; semanticKey: string | null }[]>('tags:list', {
      kind: 'journey_stage',
    })
    const onboarding = tags.find((t) => t.semanticKey === 'onboarding')?.id ?? ''
    const study = await api<{ id: string }>('studies:create', {
      name: 'Trial journeys',
      method: 'journey',
      targetInterviews: 5,
    })
    const company = await api<{ id: string }>('companies:create', { name: 'Acme Freight', segment: 'B' })
    const person = await api<{ id: string }>('participants:create', {
      name: 'Dana Park',
      companyId: company.id,
    })
    const interview = await api<{ id: string }>('interviews:create', {
      studyId: study.id,
      participantId: person.id,
      scriptId: 'builtin:jtbd-switch:en',
      title: 'Dana onboarding',
    })
    interviewId = interview.id
    const { imported } = await api<{ imported: { id: string }[] }>('transcripts:import', {
      interviewId,
      files: [{ name: 'dana.txt', text: TRANSCRIPT }],
    })
    await api('highlights:create', {
      source: { type: 'transcript', transcriptId: imported[0]?.id ?? '' },
      start: 0,
      end: 'Setting up the import took us two weeks'.length,
      tagIds: [onboarding],
      emotion: -2,
    })
    await page.reload() // the data was made behind the UI's back
  })
  afterAll(() => closeAppInBrowser({ browser, app }))

  it('creates a board from the SaaS template through the UI', async () => {
    await page.getByRole('link', { name: 'Journey boards' }).click()
    await page.getByRole('button', { name: 'Create your first board' }).click()
    const dialog = page.getByRole('dialog', { name: 'New journey board' })
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Trial to paid')
    await dialog.getByRole('radio', { name: /SaaS journey/ }).check()
    await dialog.getByRole('button', { name: 'Create board' }).click()
    const grid = page.getByRole('grid', { name: 'Trial to paid' })
    await expect.poll(() => grid.isVisible()).toBe(true)
    expect(await grid.locator('.stage-header').count()).toBe(10)
    expect(await grid.getByRole('rowheader').count()).toBe(12)
    boardHash = await page.evaluate(() => window.location.hash)
    expect(boardHash).toMatch(/^#\/boards\/.+/)
    // The stage with a scored quote has a point; the stages nobody spoke of are gaps.
    await expect.poll(() => onboardingPoint().count()).toBe(1)
    expect(await page.locator('.emotion-gap').count()).toBe(9)
    await screenshot(page, 'board-01-created')
  })

  it('adds a card and moves it with the keyboard, then with the mouse', async () => {
    await cell('Actions', 'Awareness').hover()
    await page.getByRole('button', { name: 'Add a card to Actions, Awareness' }).click()
    await page.keyboard.type('Looks for a CSV import')
    await page.keyboard.press('Enter')
    const card = (where: Locator) => where.locator('[data-card-id]', { hasText: 'Looks for a CSV import' })
    await expect.poll(() => card(cell('Actions', 'Awareness')).count()).toBe(1)
    await expect
      .poll(() => card(page.locator('body')).evaluate((el) => el === document.activeElement))
      .toBe(true)

    await page.keyboard.press('Alt+ArrowRight')
    await expect.poll(() => card(cell('Actions', 'Consideration')).count()).toBe(1)
    await expect.poll(() => page.getByText('Moved to Actions, Consideration.').count()).toBe(1)

    // The mouse: press on the card, carry it past the drag threshold, drop it on another cell.
    const from = await card(cell('Actions', 'Consideration')).boundingBox()
    const to = await cell('Expectations', 'Decision / purchase').boundingBox()
    if (!from || !to) throw new Error('card or cell not on screen')
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
    await page.mouse.down()
    await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 4, { steps: 3 })
    await page.mouse.move(to.x + to.width / 2, to.y + to.height - 12, { steps: 12 })
    await page.mouse.up()
    await expect.poll(() => card(cell('Expectations', 'Decision / purchase')).count()).toBe(1)
    expect(await card(cell('Actions', 'Consideration')).count()).toBe(0)
    await expect.poll(() => page.getByTestId('board-save-state').textContent()).toBe('Saved')
    await screenshot(page, 'board-02-card-moved')
  })

  it('links a quote to the card, which then shows the company behind it', async () => {
    const card = cell('Expectations', 'Decision / purchase').locator('[data-card-id]', {
      hasText: 'Looks for a CSV import',
    })
    await expect.poll(() => card.getByText('Assumption — no evidence').isVisible()).toBe(true)
    await card.click()
    await page.getByRole('button', { name: 'Link quotes…' }).click()
    const picker = page.getByRole('dialog', { name: 'Link quotes to the card' })
    await picker.getByRole('combobox', { name: 'Tag' }).selectOption('')
    await picker.getByRole('searchbox', { name: 'Search quotes' }).fill('two weeks')
    await picker.getByRole('checkbox', { name: /Setting up the import took us two weeks/ }).check()
    await picker.getByRole('button', { name: 'Done' }).click()
    await expect.poll(() => card.getByRole('button', { name: '1 company' }).isVisible()).toBe(true)
    const inspector = page.getByRole('complementary', { name: 'Details' })
    await expect.poll(() => inspector.getByText('1 quote cited').isVisible()).toBe(true)
    await expect
      .poll(() => inspector.getByText('Setting up the import took us two weeks').isVisible())
      .toBe(true)
    await screenshot(page, 'board-03-quote-linked')
  })

  it('a newly tagged, emotion-scored quote moves the curve point, without a reload', async () => {
    const before = Number(await onboardingPoint().getAttribute('cy'))
    expect(await onboardingPoint().locator('title').textContent()).toContain('−2 from 1 quote')
    await page.evaluate((id) => (window.location.hash = `#/interview/${id}`), interviewId)
    await page.getByRole('tab', { name: 'Transcript' }).click()
    await selectTranscriptPhrase(page, 'the dashboards were a delight')
    await page.keyboard.press('Control+k')
    await page.keyboard.type('Onboarding')
    const option = page
      .getByRole('listbox', { name: 'Tags' })
      .getByRole('option', { name: /Onboarding & first use/ })
    await expect.poll(() => option.getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('Enter')
    const details = page.getByRole('region', { name: '1 highlight' })
    await details.getByRole('radio', { name: 'Emotion +2' }).click()
    await expect
      .poll(() => details.getByRole('radio', { name: 'Emotion +2' }).getAttribute('aria-checked'))
      .toBe('true')

    await page.evaluate((hash) => (window.location.hash = hash), boardHash)
    await expect.poll(() => onboardingPoint().locator('title').textContent()).toContain('0 from 2 quotes')
    const after = Number(await onboardingPoint().getAttribute('cy'))
    expect(after).toBeLessThan(before)
    await onboardingPoint().scrollIntoViewIfNeeded()
    await screenshot(page, 'board-04-curve-moved')
  })

  it('a quote dragged from the evidence lane onto a card is cited by it', async () => {
    const evidence = cell('Evidence', 'Onboarding & first use')
    await evidence.getByRole('button', { name: 'Show the latest 2' }).click()
    const handle = evidence.getByRole('button', { name: /Drag “the dashboards were a delight/ })
    // The template's barrier card in the same stage, which no quote backs yet.
    const card = cell('Barriers / pain points', 'Onboarding & first use').locator('[data-card-id]', {
      hasText: 'Registration or setup difficulty',
    })
    await expect.poll(() => card.getByText('Assumption — no evidence').isVisible()).toBe(true)
    await handle.scrollIntoViewIfNeeded()
    const from = await handle.boundingBox()
    if (!from) throw new Error('quote handle not on screen')
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
    await page.mouse.down()
    await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 - 6, { steps: 3 })
    // Where the card is once the drag has started: on a loaded machine the board may still be laying out
    // when the handle is first measured, and a drop aimed at the old place lands beside the card.
    const to = await card.boundingBox()
    if (!to) throw new Error('card not on screen')
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 14 })
    await page.mouse.move(to.x + to.width / 2 + 2, to.y + to.height / 2 + 2, { steps: 2 })
    await page.mouse.up()
    await card.click() // the inspector shows the selected card
    const inspector = page.getByRole('complementary', { name: 'Details' })
    await expect.poll(() => inspector.getByText('1 quote cited').isVisible()).toBe(true)
    await expect.poll(() => inspector.getByText('the dashboards were a delight').isVisible()).toBe(true)
    await expect.poll(() => page.getByTestId('board-save-state').textContent()).toBe('Saved')
    // The company count comes from the board read after the save lands; poll, do not peek once.
    await expect.poll(() => card.getByRole('button', { name: '1 company' }).isVisible()).toBe(true)
    await expect.poll(() => card.getByText('Assumption — no evidence').count()).toBe(0)
    await expect.poll(() => evidence.getByText('2 quotes · 1 company · 1 person').isVisible()).toBe(true)
    await screenshot(page, 'board-04b-quote-dragged')
  })

  it('presents the board without the editing chrome and with a lane left out', async () => {
    await page.getByRole('button', { name: 'Present' }).click()
    await page.locator('summary', { hasText: 'Lanes shown' }).click()
    await page.getByRole('checkbox', { name: 'Churn-risk signals' }).uncheck()
    await page.locator('summary', { hasText: 'Lanes shown' }).click()
    const grid = page.getByRole('grid', { name: 'Trial to paid' })
    expect(await grid.getByRole('rowheader').count()).toBe(11)
    expect(await grid.getByRole('rowheader', { name: 'Churn-risk signals' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Undo' }).count()).toBe(0)
    expect(await page.getByRole('complementary', { name: 'Details' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: /Add a card/ }).count()).toBe(0)
    await page.locator('.board-scroll').evaluate((el) => el.scrollTo(0, 0))
    await screenshot(page, 'board-05-presentation')
    await page.getByRole('button', { name: 'Exit presentation' }).click()
    expect(await grid.getByRole('rowheader').count()).toBe(12)
    expect(problems).toEqual([])
  })

  it(
    'exports PNG, SVG, PDF, PPTX, CSV and Mermaid, and a presentation exports only its lanes',
    {
      timeout: 240_000,
    },
    async () => {
      const out = resolve('test-results', 'board-exports')
      mkdirSync(out, { recursive: true })
      const exported = async (format: RegExp): Promise<{ name: string; bytes: Buffer }> => {
        const menu = page.locator('details.board-export')
        if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click()
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          menu.getByRole('button', { name: format }).click(),
        ])
        const file = join(out, download.suggestedFilename())
        await download.saveAs(file)
        await expect
          .poll(() => menu.getByRole('status').textContent())
          .toBe(`Exported ${download.suggestedFilename()}`)
        return { name: download.suggestedFilename(), bytes: readFileSync(file) }
      }
      const run = (cmd: string, args: string[]) => {
        const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 150_000 })
        expect(r.status, `${cmd}: ${r.stderr}`).toBe(0)
        return r.stdout
      }

      const png = await exported(/PNG picture/)
      expect(png.name).toBe('Trial to paid.png')
      expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
      // Drawn at twice the SVG's size: the whole board (10 stages), sharp enough to read on a slide.
      expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(3_000)
      writeFileSync(resolve('test-results', 'screenshots', 'board-06-export.png'), png.bytes)

      const svg = (await exported(/SVG drawing/)).bytes.toString('utf8')
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
      for (const text of ['Trial to paid', 'Looks for a CSV import', 'Churn-risk signals'])
        expect(svg).toContain(text)
      expect(svg).not.toMatch(/<script|\son\w+=/i)
      if (hasTool('xmllint')) run('xmllint', ['--noout', join(out, 'Trial to paid.svg')])

      const pdf = await exported(/^PDF$/)
      expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
      if (hasTool('pdfinfo')) expect(run('pdfinfo', [join(out, pdf.name)])).toMatch(/Pages:\s+1\n/)

      const pptx = await exported(/PowerPoint/)
      const slides = slidesOf(pptxParts(new Uint8Array(pptx.bytes)))
      expect(slides.length).toBeGreaterThan(10) // title, the board, one slide per stage
      expect(slides.some((xml) => xml.includes('Looks for a CSV import'))).toBe(true)
      if (hasTool('soffice') && hasTool('pdftoppm')) {
        const deck = join(out, pptx.name)
        run('soffice', [
          `-env:UserInstallation=${pathToFileURL(join(out, 'lo-profile')).href}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          join(out, 'pptx-pdf'), // not beside the board's own PDF, which has the same name
          deck,
        ])
        run('pdftoppm', [
          '-png',
          '-r',
          '60',
          '-f',
          '2',
          '-l',
          '2',
          join(out, 'pptx-pdf', 'Trial to paid.pdf'),
          join(out, 'deck'),
        ])
        writeFileSync(
          resolve('test-results', 'screenshots', 'board-07-pptx-in-libreoffice.png'),
          // pdftoppm pads the page number to the width of the last one (deck-02.png of 12 slides).
          readFileSync(join(out, readdirSync(out).find((f) => /^deck-0*2\.png$/.test(f)) ?? 'deck-2.png')),
        )
      }

      const csv = (await exported(/CSV of the cards/)).bytes.toString('utf8')
      expect(csv.charCodeAt(0)).toBe(0xfeff)
      expect(csv).toContain('Looks for a CSV import')
      const mermaid = (await exported(/Mermaid/)).bytes.toString('utf8')
      expect(mermaid.trimStart().startsWith('journey')).toBe(true)
      expect(mermaid).toContain('title Trial to paid')

      // Presenting with a lane left out: the export is what the room sees.
      await page.getByRole('button', { name: 'Present' }).click()
      await page.locator('summary', { hasText: 'Lanes shown' }).click()
      await page.getByRole('checkbox', { name: 'Churn-risk signals' }).uncheck()
      await page.locator('summary', { hasText: 'Lanes shown' }).click()
      const shown = (await exported(/SVG drawing/)).bytes.toString('utf8')
      expect(shown).not.toContain('Churn-risk signals')
      expect(shown).toContain('Looks for a CSV import')
      await page.getByRole('button', { name: 'Exit presentation' }).click()
      expect(problems).toEqual([])
    },
  )
})
