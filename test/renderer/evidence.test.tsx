import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EvidenceScreen } from '../../src/renderer/src/features/evidence/EvidenceScreen'
import { tagTree } from '../../src/renderer/src/features/evidence/EvidenceFilters'
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

describe('Evidence screen', () => {
  it('says what to do when there is no evidence yet', async () => {
    renderUi(<EvidenceScreen />)
    expect(await screen.findByRole('heading', { name: 'No evidence yet' })).toBeInTheDocument()
    expect(screen.getByText(/Tag passages in interview notes or transcripts/)).toBeInTheDocument()
    expect(screen.getByTestId('evidence-counts')).toHaveTextContent(
      '0 highlights · 0 participants · 0 companies',
    )
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
