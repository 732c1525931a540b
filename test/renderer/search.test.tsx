import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EvidenceScreen } from '../../src/renderer/src/features/evidence/EvidenceScreen'
import { fakeLayout, restoreLayout, seedEvidence } from './evidence-fixture'
import { installRealBackend, type RealBackend } from './real-backend'
import { renderUi, setLanguage } from './render'

let backend: RealBackend
const seed = () => seedEvidence(backend)
beforeEach(async () => {
  fakeLayout()
  await setLanguage('en')
  backend = await installRealBackend()
  window.location.hash = ''
})
afterEach(() => {
  backend.cleanup()
  restoreLayout()
})

// Search sits at the top of the evidence screen.
describe('Search', () => {
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
})
