import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EvidenceScreen } from '../../src/renderer/src/features/evidence/EvidenceScreen'
import { tagTree } from '../../src/renderer/src/features/evidence/EvidenceFilters'
import { installRealBackend, type RealBackend } from './real-backend'
import { renderUi, setLanguage } from './render'

let backend: RealBackend
const layout = {
  clientHeight: Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight'),
  clientWidth: Object.getOwnPropertyDescriptor(Element.prototype, 'clientWidth'),
}
beforeEach(async () => {
  // jsdom does no layout: give boxes a viewport-sized client area, as a window would, so the virtual list mounts rows.
  Object.defineProperty(Element.prototype, 'clientHeight', { configurable: true, get: () => 640 })
  Object.defineProperty(Element.prototype, 'clientWidth', { configurable: true, get: () => 900 })
  await setLanguage('en')
  backend = await installRealBackend()
  window.location.hash = ''
})
afterEach(() => {
  backend.cleanup()
  for (const [key, d] of Object.entries(layout)) if (d) Object.defineProperty(Element.prototype, key, d)
})

async function seed() {
  const study = await backend.call('studies:create', { name: 'Exit Q1', method: 'exit', targetInterviews: 5 })
  const company = await backend.call('companies:create', { name: 'Acme', segment: 'B' })
  const ann = await backend.call('participants:create', { name: 'Ann Lee', companyId: company.id })
  const iv = await backend.call('interviews:create', {
    studyId: study.id,
    participantId: ann.id,
    scriptId: 'builtin:jtbd-switch:en',
  })
  const q = iv.currentQuestionId!
  const note = await backend.call('notes:save', {
    interviewId: iv.id,
    questionId: q,
    doc: { type: 'doc', content: [] },
    plainText: 'The renewal <b>price</b> was far too expensive.',
    elapsedMs: 0,
  })
  const db = backend.app.libraries.context().sqlite
  db.prepare(`update interviews set conducted_at = '2026-02-03T10:00:00.000Z' where id = ?`).run(iv.id)
  db.prepare(
    `insert into tags (id, parent_id, name, color) values ('t1', null, 'Pricing', '#aa0000'), ('t2', 't1', 'Too expensive', '#bb0000'), ('t3', null, 'Support', '#0000aa')`,
  ).run()
  db.prepare(
    `insert into highlights (id, interview_id, note_id, start_offset, end_offset, quote) values ('h1', ?, ?, 4, 20, 'far too expensive'), ('h2', ?, ?, 0, 11, 'The renewal')`,
  ).run(iv.id, note.id, iv.id, note.id)
  db.prepare(`insert into highlight_tags (highlight_id, tag_id) values ('h1', 't2'), ('h2', 't3')`).run()
  return { study, iv, q }
}

describe('Evidence screen', () => {
  it('says what to do when there is no evidence yet', async () => {
    renderUi(<EvidenceScreen />)
    expect(await screen.findByRole('heading', { name: 'No evidence yet' })).toBeInTheDocument()
    expect(screen.getByText(/Tag passages in interview notes or transcripts/)).toBeInTheDocument()
    expect(screen.getByTestId('evidence-counts')).toHaveTextContent(
      '0 highlights · 0 participants · 0 companies',
    )
  })

  it('searches as you type and shows matches as marked text, never as HTML', async () => {
    const { iv, q } = await seed()
    const user = userEvent.setup()
    renderUi(<EvidenceScreen />)
    await user.type(screen.getByRole('searchbox', { name: /Search notes, transcripts/ }), 'pric')
    const results = await screen.findByRole('list', { name: 'Interview notes' })
    const items = within(results).getAllByRole('listitem')
    expect(items).toHaveLength(1)
    expect(
      within(screen.getByRole('region', { name: 'Search results' })).getAllByRole('listitem'),
    ).toHaveLength(1)
    const marks = items[0]!.querySelectorAll('mark')
    expect([...marks].map((m) => m.textContent)).toEqual(['price'])
    // The user's "<b>" is text, not an element.
    expect(items[0]!.querySelector('b')).toBeNull()
    expect(items[0]).toHaveTextContent('<b>price</b>')
    expect(items[0]).toHaveTextContent('Exit Q1 · Ann Lee · Acme (B)')
    const open = within(items[0]!).getByRole('link', { name: /Open interview Ann Lee/ })
    expect(open).toHaveAttribute('href', `#/interview/${iv.id}/${encodeURIComponent(q)}`)

    await user.clear(screen.getByRole('searchbox', { name: /Search notes, transcripts/ }))
    await user.type(screen.getByRole('searchbox', { name: /Search notes, transcripts/ }), 'zebra ')
    expect(
      await screen.findByText('Nothing found for “zebra”. Try fewer or shorter words.'),
    ).toBeInTheDocument()
    expect(screen.queryByRole('region', { name: 'Search results' })).not.toBeInTheDocument()
  })

  it('finds the reason given with a rating and opens the interview at the question that asked for it', async () => {
    const { iv } = await seed()
    await backend.call('interviews:update', { id: iv.id, nps: 3, npsReason: 'Invoices arrived late' })
    const user = userEvent.setup()
    renderUi(<EvidenceScreen />)
    await user.type(screen.getByRole('searchbox', { name: /Search notes, transcripts/ }), 'invoice')
    const reasons = await screen.findByRole('list', { name: 'Reasons given with NPS, CSAT and CES' })
    const [item] = within(reasons).getAllByRole('listitem')
    expect(item).toHaveTextContent('Rating reason')
    expect(item).toHaveTextContent(/NPS 3 — .*recommend/)
    expect([...item!.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Invoices'])
    const open = within(item!).getByRole('link', { name: /Open interview Ann Lee — NPS 3/ })
    expect(open).toHaveAttribute('href', `#/interview/${iv.id}/${encodeURIComponent('jtbd.close.q1')}`)
  })

  it('shows six hits per group first and loads the rest with "Show more"', async () => {
    const { iv } = await seed()
    const ins = backend.app.libraries
      .context()
      .sqlite.prepare(
        `insert into interview_notes (id, interview_id, question_id, doc, plain_text) values (?, ?, ?, '{}', ?)`,
      )
    for (let i = 0; i < 14; i++) ins.run(`n-${i}`, iv.id, `q-${i}`, `A widget note number ${i}`)
    const user = userEvent.setup()
    renderUi(<EvidenceScreen />)
    await user.type(screen.getByRole('searchbox', { name: /Search notes, transcripts/ }), 'widget ')
    const notes = await screen.findByRole('list', { name: 'Interview notes' })
    expect(within(notes).getAllByRole('listitem')).toHaveLength(6)
    expect(screen.getByRole('heading', { name: 'Interview notes 6 results+' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Show more: Interview notes' }))
    await waitFor(() => expect(within(notes).getAllByRole('listitem')).toHaveLength(12))
    await user.click(screen.getByRole('button', { name: 'Show more: Interview notes' }))
    await waitFor(() => expect(within(notes).getAllByRole('listitem')).toHaveLength(14))
    // Newest first, each note once, and no button once everything is shown.
    expect(
      within(notes)
        .getAllByRole('listitem')
        .map((li) => li.textContent?.match(/number (\d+)/)?.[1]),
    ).toEqual(Array.from({ length: 14 }, (_, i) => String(13 - i)))
    expect(screen.queryByRole('button', { name: 'Show more: Interview notes' })).not.toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Interview notes 14 results' })).toBeInTheDocument()
  })

  it('lists quotes with tags and counts, filters by a parent tag, groups, and copies a quote with its citation', async () => {
    const { iv } = await seed()
    const user = userEvent.setup()
    renderUi(<EvidenceScreen />)
    await waitFor(() =>
      expect(screen.getByTestId('evidence-counts')).toHaveTextContent(
        '2 highlights · 1 participant · 1 company',
      ),
    )
    const region = screen.getByRole('region', { name: 'Quotes' })
    expect(within(region).getByText('“far too expensive”')).toBeInTheDocument()
    expect(within(region).getByText('“The renewal”')).toBeInTheDocument()
    expect(within(region).getAllByRole('link', { name: 'Open in interview' })[0]).toHaveAttribute(
      'href',
      expect.stringContaining(`#/interview/${iv.id}`),
    )

    // "Pricing" includes its child "Too expensive".
    const tagSelect = screen.getByRole('combobox', { name: 'Tag (with sub-tags)' })
    expect(
      within(tagSelect)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All tags', 'Pricing', '\u00a0\u00a0└ Too expensive', 'Support'])
    await user.selectOptions(tagSelect, 't1')
    await waitFor(() =>
      expect(screen.getByTestId('evidence-counts')).toHaveTextContent(
        '1 highlight · 1 participant · 1 company',
      ),
    )
    expect(
      within(screen.getByRole('region', { name: 'Quotes' })).queryByText('“The renewal”'),
    ).not.toBeInTheDocument()

    await user.click(
      within(screen.getByRole('region', { name: 'Quotes' })).getByRole('button', { name: 'Copy quote' }),
    )
    expect(await screen.findByText('Quote copied with its citation.')).toBeInTheDocument()
    // user-event provides the browser clipboard in jsdom.
    expect(await navigator.clipboard.readText()).toBe(
      '“far too expensive” — Ann Lee, Acme (B), Exit Q1, 2026-02-03',
    )

    await user.click(screen.getByRole('button', { name: 'Clear filters' }))
    await user.click(screen.getByRole('checkbox', { name: 'Group by tag' }))
    const table = await screen.findByRole('table', { name: 'Highlights by tag' })
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.textContent),
    ).toEqual(['Support111', 'Too expensive111'])
    await user.click(within(table).getByRole('button', { name: 'Show quotes tagged Support' }))
    await waitFor(() => expect(screen.getByTestId('evidence-counts')).toHaveTextContent('1 highlight'))
    expect((screen.getByRole('combobox', { name: 'Tag (with sub-tags)' }) as HTMLSelectElement).value).toBe(
      't3',
    )
  })

  it('shows a helpful empty state when filters match nothing', async () => {
    await seed()
    const user = userEvent.setup()
    renderUi(<EvidenceScreen />)
    await screen.findByText('“far too expensive”')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Segment' }), 'A')
    expect(
      await screen.findByRole('heading', { name: 'No highlights match these filters' }),
    ).toBeInTheDocument()
    await user.click(
      within(
        screen.getByRole('heading', { name: 'No highlights match these filters' }).parentElement!,
      ).getByRole('button', { name: 'Clear filters' }),
    )
    expect(await screen.findByText('“far too expensive”')).toBeInTheDocument()
  })
})

describe('tagTree', () => {
  it('orders tags depth-first and treats orphans as top level', () => {
    const tags = [
      { id: 'c', parentId: 'b', name: 'C', color: '#000000', code: null },
      { id: 'a', parentId: null, name: 'A', color: '#000000', code: 'A-1' },
      { id: 'b', parentId: 'a', name: 'B', color: '#000000', code: null },
      { id: 'o', parentId: 'gone', name: 'Orphan', color: '#000000', code: null },
    ]
    expect(tagTree(tags)).toEqual([
      { id: 'a', name: 'A (A-1)', depth: 0 },
      { id: 'b', name: 'B', depth: 1 },
      { id: 'c', name: 'C', depth: 2 },
      { id: 'o', name: 'Orphan', depth: 0 },
    ])
  })
})
