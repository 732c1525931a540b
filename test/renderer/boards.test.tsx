import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { boardRenders } from '../../src/renderer/src/features/boards/board-renders'
import { cell, RoutedBoards, savedBoard, studyWithBoard } from './boards-fixture'
import { installRealBackend, type RealBackend } from './real-backend'
import { renderUi, setLanguage } from './render'

let backend: RealBackend
beforeEach(async () => {
  await setLanguage('en')
  backend = await installRealBackend()
  window.location.hash = ''
})
afterEach(() => backend.cleanup())

describe('journey boards', () => {
  it('creates a board from the SaaS template: 10 stages as columns, 12 lanes as rows', async () => {
    const user = userEvent.setup()
    await backend.call('studies:create', { name: 'Onboarding study', method: 'journey', targetInterviews: 5 })
    renderUi(<RoutedBoards />)
    await user.click(await screen.findByRole('button', { name: 'Create your first board' }))
    const dialog = await screen.findByRole('dialog', { name: 'New journey board' })
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Trial to paid')
    expect(within(dialog).getByRole('radio', { name: /SaaS journey \(10 stages\)/ })).toBeChecked()
    await user.click(within(dialog).getByRole('button', { name: 'Create board' }))

    const grid = await screen.findByRole('grid', { name: 'Trial to paid' })
    const stages = within(grid)
      .getAllByRole('columnheader')
      .filter((h) => h.classList.contains('stage-header'))
    expect(stages.map((h) => h.textContent?.replace(/[⠿⊘]/g, ''))).toEqual([
      'Awareness',
      'Consideration',
      'Decision / purchase',
      'Onboarding & first use',
      'Regular use / adoption',
      'Support & service',
      'Retention / renewal',
      'Expansion (upsell / cross-sell)',
      'Loyalty / advocacy',
      'Offboarding / exit',
    ])
    expect(within(grid).getAllByRole('rowheader')).toHaveLength(12)
    expect(within(cell('Touchpoints / channels', 'Awareness')).getByText('SEO')).toBeInTheDocument()
    expect(
      within(cell('Barriers / pain points', 'Decision / purchase')).getByText('Assumption — no evidence'),
    ).toBeInTheDocument()
    expect(screen.getByTestId('board-save-state')).toHaveTextContent('Saved')
    const [board] = await backend.call('boards:list')
    expect(window.location.hash).toBe(`#/boards/${board?.id}`)
  })

  it(
    'adds a card and moves it with the keyboard alone; moving re-renders only the moved card',
    { timeout: 20_000 },
    async () => {
      const user = userEvent.setup()
      const { board } = await studyWithBoard(backend)
      window.location.hash = `#/boards/${board.id}`
      renderUi(<RoutedBoards />)
      await screen.findByRole('grid', { name: 'SaaS map' })

      cell('Actions', 'Awareness').focus()
      await user.keyboard('{Enter}')
      await user.keyboard('Compares three tools{Enter}')
      const card = await within(cell('Actions', 'Awareness')).findByText('Compares three tools')
      const el = card.closest<HTMLElement>('[data-card-id]')!
      await waitFor(() => expect(el).toHaveFocus())

      const before = boardRenders.count
      await user.keyboard('{Alt>}{ArrowRight}{/Alt}')
      const moved = await within(cell('Actions', 'Consideration')).findByText('Compares three tools')
      // Only the card that moved rendered again (twice: React's StrictMode mounts a moved card twice).
      expect(boardRenders.count - before).toBeGreaterThan(0)
      expect(boardRenders.count - before).toBeLessThanOrEqual(2)
      expect(moved.closest('[data-card-id]')).toHaveFocus()
      expect(within(cell('Actions', 'Awareness')).queryByText('Compares three tools')).not.toBeInTheDocument()
      expect(screen.getByText('Moved to Actions, Consideration.')).toBeInTheDocument()

      // Down carries it to the next lane that holds cards: past the computed emotion curve.
      for (const lane of [
        'Touchpoints / channels',
        'Owning team(s)',
        'Expectations',
        'Barriers / pain points',
      ]) {
        await user.keyboard('{Alt>}{ArrowDown}{/Alt}')
        await within(cell(lane, 'Consideration')).findByText('Compares three tools')
      }

      const stages = Object.fromEntries(board.content.stages.map((s) => [s.name, s.id]))
      const lanes = Object.fromEntries(board.content.lanes.map((l) => [l.name, l.id]))
      const saved = await savedBoard(backend, board.id, (b) =>
        b.content.cards.some(
          (c) => c.text === 'Compares three tools' && c.laneId === lanes['Barriers / pain points'],
        ),
      )
      expect(saved.content.cards.find((c) => c.text === 'Compares three tools')?.stageId).toBe(
        stages['Consideration'],
      )
      await waitFor(() => expect(screen.getByTestId('board-save-state')).toHaveTextContent('Saved'))
    },
  )

  it('moves focus between cells with the arrow keys and edits a card in place', async () => {
    const user = userEvent.setup()
    const { board } = await studyWithBoard(backend)
    window.location.hash = `#/boards/${board.id}`
    renderUi(<RoutedBoards />)
    await screen.findByRole('grid', { name: 'SaaS map' })
    cell('Customer step or mindset', 'Awareness').focus()
    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(cell('Touchpoints / channels', 'Awareness')).toHaveFocus()
    await user.keyboard('{ArrowRight}')
    expect(cell('Touchpoints / channels', 'Consideration')).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(
      within(cell('Touchpoints / channels', 'Consideration'))
        .getByText('Website visit')
        .closest('[data-card-id]'),
    ).toHaveFocus()
    await user.keyboard('{ArrowDown}')
    expect(
      within(cell('Touchpoints / channels', 'Consideration'))
        .getByText('Organic social')
        .closest('[data-card-id]'),
    ).toHaveFocus()
    await user.keyboard('{Enter}')
    const editor = screen.getByRole('textbox', { name: 'Card text' })
    await user.clear(editor)
    await user.keyboard('Organic social and communities{Enter}')
    expect(
      await within(cell('Touchpoints / channels', 'Consideration')).findByText(
        'Organic social and communities',
      ),
    ).toBeInTheDocument()
    await user.keyboard('{Escape}')
    expect(cell('Touchpoints / channels', 'Consideration')).toHaveFocus()
  })
})
