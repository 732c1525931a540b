import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
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

async function openBoard() {
  const { board } = await studyWithBoard(backend)
  window.location.hash = `#/boards/${board.id}`
  renderUi(<RoutedBoards />)
  await screen.findByRole('grid', { name: 'SaaS map' })
  return board
}

const cardIn = (lane: string, stage: string, text: string) =>
  within(cell(lane, stage)).getByText(text).closest<HTMLElement>('[data-card-id]')!

describe('journey board editing', () => {
  it(
    'undoes and redoes a move, an edit, a delete and a hidden stage, with keys and buttons',
    { timeout: 20_000 },
    async () => {
      const user = userEvent.setup()
      await openBoard()
      cardIn('Touchpoints / channels', 'Awareness', 'SEO').focus()
      await user.keyboard('{Alt>}{ArrowRight}{/Alt}')
      await within(cell('Touchpoints / channels', 'Consideration')).findByText('SEO')

      await user.keyboard('{Control>}z{/Control}')
      expect(within(cell('Touchpoints / channels', 'Awareness')).getByText('SEO')).toBeInTheDocument()
      await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}')
      expect(within(cell('Touchpoints / channels', 'Consideration')).getByText('SEO')).toBeInTheDocument()

      cardIn('Touchpoints / channels', 'Consideration', 'SEO').focus()
      await user.keyboard('{Delete}')
      expect(
        within(cell('Touchpoints / channels', 'Consideration')).queryByText('SEO'),
      ).not.toBeInTheDocument()
      await user.click(screen.getByRole('button', { name: 'Undo' }))
      expect(within(cell('Touchpoints / channels', 'Consideration')).getByText('SEO')).toBeInTheDocument()

      await user.click(screen.getByRole('button', { name: 'Hide stage Awareness' }))
      expect(screen.queryByRole('button', { name: 'Stage Awareness: settings' })).not.toBeInTheDocument()
      expect(screen.getByRole('button', { name: 'Show “Awareness”' })).toBeInTheDocument()
      await user.keyboard('{Control>}z{/Control}')
      expect(screen.getByRole('button', { name: 'Stage Awareness: settings' })).toBeInTheDocument()
      await user.click(screen.getByRole('button', { name: 'Redo' }))
      expect(screen.queryByRole('button', { name: 'Stage Awareness: settings' })).not.toBeInTheDocument()
      await user.click(screen.getByRole('button', { name: 'Undo' }))

      // A card's text through the details pane, and the emotion controls: each one undo step.
      await user.click(cardIn('Positive moments', 'Support & service', 'Fast, efficient support'))
      const text = screen.getByRole('textbox', { name: 'Text' })
      await user.clear(text)
      await user.type(text, 'Support answers within the hour')
      await user.tab()
      expect(
        within(cell('Positive moments', 'Support & service')).getByText('Support answers within the hour'),
      ).toBeInTheDocument()
      await user.selectOptions(
        screen.getByRole('combobox', { name: 'To-be emotion at Support & service' }),
        '+2',
      )
      await user.keyboard('{Control>}z{/Control}')
      expect(screen.getByRole('combobox', { name: 'To-be emotion at Support & service' })).toHaveValue('')
      await user.keyboard('{Control>}z{/Control}')
      expect(
        within(cell('Positive moments', 'Support & service')).getByText('Fast, efficient support'),
      ).toBeInTheDocument()
    },
  )

  it(
    'autosaves with a visible state, and a save from a stale copy says so and offers to reload',
    { timeout: 20_000 },
    async () => {
      const user = userEvent.setup()
      const board = await openBoard()
      const status = screen.getByTestId('board-save-state')
      expect(status).toHaveTextContent('Saved')

      cardIn('Touchpoints / channels', 'Awareness', 'Press').focus()
      await user.keyboard('{Alt>}{ArrowLeft}{/Alt}') // nothing left of the first stage
      await user.keyboard('{Alt>}{ArrowRight}{/Alt}')
      await waitFor(() => expect(screen.getByTestId('board-save-state')).toHaveTextContent('Saving…'))
      const saved = await savedBoard(backend, board.id, (b) => b.revision === 2)
      await waitFor(() => expect(screen.getByTestId('board-save-state')).toHaveTextContent('Saved'))

      // Another window saves the board: the editor's copy is now one revision behind.
      await backend.call('boards:save', {
        id: board.id,
        baseRevision: saved.revision,
        content: { ...saved.content, cards: saved.content.cards.filter((c) => c.text !== 'SEO') },
      })
      cardIn('Touchpoints / channels', 'Awareness', 'Blog content').focus()
      await user.keyboard('{Delete}')
      const alert = await screen.findByRole('alert', {}, { timeout: 5_000 })
      expect(alert).toHaveTextContent('Not saved: changed elsewhere.')
      expect(alert).toHaveTextContent('was changed elsewhere')
      // The refused copy was not written over the other window's work.
      expect(
        (await backend.call('boards:get', { id: board.id })).content.cards.some(
          (c) => c.text === 'Blog content',
        ),
      ).toBe(true)

      await user.click(within(alert).getByRole('button', { name: 'Reload the board' }))
      await waitFor(() => expect(screen.getByTestId('board-save-state')).toHaveTextContent('Saved'))
      expect(within(cell('Touchpoints / channels', 'Awareness')).queryByText('SEO')).not.toBeInTheDocument()
      expect(
        within(cell('Touchpoints / channels', 'Awareness')).getByText('Blog content'),
      ).toBeInTheDocument()
      expect(screen.getByRole('button', { name: 'Undo' })).toBeDisabled()
      expect((await backend.call('boards:get', { id: board.id })).revision).toBe(3)
    },
  )
})
