import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EvidenceScreen } from '../../src/renderer/src/features/evidence/EvidenceScreen'
import { ForcesScreen } from '../../src/renderer/src/features/forces/ForcesScreen'
import { InsightsScreen } from '../../src/renderer/src/features/insights/InsightsScreen'
import { RoutedBoards } from './boards-fixture'
import { insertTag } from './churn-taxonomy'
import { fakeLayout, restoreLayout, seedEvidence } from './evidence-fixture'
import { installRealBackend, type RealBackend } from './real-backend'
import { renderUi, setLanguage } from './render'

let backend: RealBackend
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

const doc = (text: string) => ({
  type: 'doc' as const,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
})

describe('insights', () => {
  it('makes an insight from quotes chosen in the evidence list, in the study they come from', async () => {
    await seedEvidence(backend)
    const user = userEvent.setup()
    renderUi(<EvidenceScreen />)
    const region = await screen.findByRole('region', { name: 'Quotes' })
    await user.click(
      within(region).getByRole('checkbox', { name: 'Choose “far too expensive” for an insight' }),
    )
    await user.click(within(region).getByRole('checkbox', { name: 'Choose “The renewal” for an insight' }))
    expect(screen.getByText('2 quotes chosen')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Create insight from 2 quotes' }))

    const dialog = await screen.findByRole('dialog', { name: 'New insight' })
    expect(within(dialog).getByText('From: 2 quotes chosen')).toBeInTheDocument()
    // Both quotes come from one study, so the insight belongs to it unless the researcher says otherwise.
    expect(within(dialog).getByRole('combobox', { name: 'Study' })).toHaveDisplayValue('Exit Q1')
    expect(within(dialog).getByRole('combobox', { name: 'Status' })).toHaveDisplayValue('Draft')
    const create = within(dialog).getByRole('button', { name: 'Create insight' })
    expect(create).toBeDisabled()
    await user.click(within(dialog).getByRole('textbox', { name: 'Statement' }))
    await user.keyboard('Renewal price drives churn')
    await waitFor(() => expect(create).toBeEnabled())
    await user.click(create)

    expect(await within(dialog).findByRole('status')).toHaveTextContent(/^Insight created: .+, 2 quotes\.$/)
    const [made] = await backend.call('insights:list')
    expect(made).toMatchObject({ statementText: 'Renewal price drives churn', status: 'draft' })
    expect(made?.counts).toEqual({ for: 2, against: 0, companies: 1, participants: 1 })
    await user.click(within(dialog).getByRole('button', { name: 'Close' }))
    // The quotes it was made from are no longer chosen.
    await waitFor(() => expect(screen.queryByText('2 quotes chosen')).not.toBeInTheDocument())
  })

  it('shows an insight with its worded reasons; a quote marked against lowers the score', async () => {
    const { study } = await seedEvidence(backend)
    const made = await backend.call('insights:create', {
      studyId: study.id,
      statement: doc('Renewal price drives churn'),
      from: { kind: 'highlights', highlightIds: ['h1', 'h2'] },
    })
    const user = userEvent.setup()
    renderUi(<InsightsScreen selectedId={made.id} />)
    const list = await screen.findByRole('link', { name: /Renewal price drives churn/ })
    expect(list).toHaveTextContent(
      `${made.confidence.label === 'low' ? 'Low' : 'Medium'} · ${made.confidence.score}`,
    )
    expect(list).toHaveTextContent('2 quotes for · 1 company · 1 participant')
    const why = await screen.findByRole('list', { name: 'Why this score' })
    expect(within(why).getByText('1 company: +15')).toBeInTheDocument()
    expect(within(why).getByText('1 participant: +5')).toBeInTheDocument()
    expect(within(why).getByText('Segments B: +5')).toBeInTheDocument()
    expect(within(why).getByText('Methods Exit interview: +5')).toBeInTheDocument()

    const stance = screen.getByRole('group', { name: 'Stance of “The renewal”' })
    await user.click(within(stance).getByRole('button', { name: 'Against' }))
    // Acme backs it and Acme contradicts it: round(base × 1 / 2).
    const halved = Math.round(made.confidence.score / 2)
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'Why this score' })).getByText(
          `1 against, 1 for: −${made.confidence.score - halved}`,
        ),
      ).toBeInTheDocument(),
    )
    expect(within(stance).getByRole('button', { name: 'Against' })).toHaveAttribute('aria-pressed', 'true')
    expect((await backend.call('insights:get', { id: made.id })).confidence.score).toBe(halved)

    await user.click(screen.getByRole('button', { name: 'Unlink “The renewal”' }))
    await waitFor(() =>
      expect(screen.queryByRole('group', { name: 'Stance of “The renewal”' })).not.toBeInTheDocument(),
    )
    expect(screen.getByRole('link', { name: 'Open where it was said' })).toHaveAttribute(
      'href',
      expect.stringContaining('#/interview/'),
    )
  })

  it('shows a statement as text, never as HTML, and saves edits to it as they are typed', async () => {
    const made = await backend.call('insights:create', {
      studyId: null,
      statement: doc('<img src=x onerror="window.hacked=1"> teams leave'),
      from: { kind: 'none' },
    })
    const user = userEvent.setup()
    const { container } = renderUi(<InsightsScreen selectedId={made.id} />)
    const editor = await screen.findByRole('textbox', { name: 'Statement' })
    expect(editor).toHaveTextContent('<img src=x onerror="window.hacked=1"> teams leave')
    expect(container.querySelector('img')).toBeNull()
    expect(screen.getAllByText('Assumption').length).toBeGreaterThan(0)
    expect(screen.getByText('No quote backs it yet')).toBeInTheDocument()

    await user.click(editor) // jsdom puts the cursor at the start
    await user.keyboard('Early: ')
    await waitFor(() => expect(screen.getByTestId('insight-save-state')).toHaveTextContent('Saving…'))
    await waitFor(() => expect(screen.getByTestId('insight-save-state')).toHaveTextContent('Saved'), {
      timeout: 4000,
    })
    expect((await backend.call('insights:get', { id: made.id })).statementText).toBe(
      'Early: <img src=x onerror="window.hacked=1"> teams leave',
    )

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'validated')
    await waitFor(async () =>
      expect((await backend.call('insights:get', { id: made.id })).status).toBe('validated'),
    )
    await user.click(screen.getByRole('button', { name: 'Delete insight' }))
    const confirm = await screen.findByRole('dialog', { name: 'Delete this insight?' })
    expect(within(confirm).getByText('Reports will no longer show it.')).toBeInTheDocument()
    await user.click(within(confirm).getByRole('button', { name: 'Delete insight' }))
    await waitFor(async () => expect(await backend.call('insights:list')).toEqual([]))
    expect(window.location.hash).toBe('#/insights')
  })

  it('makes an insight from a force: the quotes under its tag and sub-tags, in the scope’s study', async () => {
    const { study } = await seedEvidence(backend)
    insertTag(backend, 'push', { name: 'Push', kind: 'jtbd_force', key: 'push' })
    insertTag(backend, 'push-price', { parent: 'push', name: 'Price pain', kind: 'jtbd_force' })
    backend.app.libraries
      .context()
      .sqlite.prepare(
        "insert into highlight_tags (highlight_id, tag_id) values ('h1', 'push'), ('h2', 'push-price')",
      )
      .run()
    const user = userEvent.setup()
    renderUi(<ForcesScreen selectedId={study.id} />)
    const push = await screen.findByRole('region', { name: 'Push of the situation' })
    // A force without a tag in the codebook offers nothing to make an insight from.
    expect(
      within(screen.getByRole('region', { name: 'Pull of the new solution' })).queryByRole('button', {
        name: /^Create insight/,
      }),
    ).not.toBeInTheDocument()
    await user.click(
      await within(push).findByRole('button', {
        name: 'Create insight from the force Push of the situation',
      }),
    )
    const dialog = await screen.findByRole('dialog', { name: 'New insight' })
    expect(within(dialog).getByText('From: Force: Push of the situation')).toBeInTheDocument()
    expect(within(dialog).getByRole('combobox', { name: 'Study' })).toHaveDisplayValue('Exit Q1')
    await user.click(within(dialog).getByRole('textbox', { name: 'Statement' }))
    await user.keyboard('Price pushes them to look')
    await user.click(within(dialog).getByRole('button', { name: 'Create insight' }))
    expect(await within(dialog).findByRole('status')).toHaveTextContent(/, 2 quotes\.$/)
    const [made] = await backend.call('insights:list', { studyId: study.id })
    expect(made?.statementText).toBe('Price pushes them to look')
  })

  it('makes an insight from a journey-board card, with the quotes the card cites', async () => {
    const { study } = await seedEvidence(backend)
    const board = await backend.call('boards:create', {
      studyId: study.id,
      name: 'SaaS map',
      template: 'saas_default',
      language: 'en',
    })
    const [first, ...rest] = board.content.cards
    const cited = { ...first!, evidence: ['h2'] }
    await backend.call('boards:save', {
      id: board.id,
      baseRevision: board.revision,
      content: { ...board.content, cards: [cited, ...rest] },
    })
    const user = userEvent.setup()
    window.location.hash = `#/boards/${board.id}`
    renderUi(<RoutedBoards />)
    await screen.findByRole('grid', { name: 'SaaS map' })
    await user.click(screen.getByText(cited.text).closest('[data-card-id]')!)
    await user.click(await screen.findByRole('button', { name: 'Create insight from this card' }))
    const dialog = await screen.findByRole('dialog', { name: 'New insight' })
    expect(within(dialog).getByText(`From: Card: ${cited.text}`)).toBeInTheDocument()
    await user.click(within(dialog).getByRole('textbox', { name: 'Statement' }))
    await user.keyboard('Renewal is where the journey breaks')
    await user.click(within(dialog).getByRole('button', { name: 'Create insight' }))
    expect(await within(dialog).findByRole('status')).toHaveTextContent(/, 1 quote\.$/)
    await user.click(within(dialog).getByRole('button', { name: 'Open insight' }))
    const [made] = await backend.call('insights:list')
    expect(window.location.hash).toBe(`#/insights/${made?.id}`)
    expect((await backend.call('insights:get', { id: made!.id })).evidence.map((e) => e.quote)).toEqual([
      'The renewal',
    ])
  })
})
