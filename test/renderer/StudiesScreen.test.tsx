import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StudiesScreen } from '../../src/renderer/src/features/studies/StudiesScreen'
import { installRealBackend, type RealBackend } from './real-backend'
import { renderUi, setLanguage } from './render'

let backend: RealBackend
beforeEach(async () => {
  await setLanguage('en')
  backend = await installRealBackend()
  window.location.hash = ''
})
afterEach(() => backend.cleanup())

describe('Studies screen', () => {
  it('explains what a study is when there are none and offers to create the first', async () => {
    renderUi(<StudiesScreen />)
    expect(await screen.findByRole('heading', { name: 'No studies yet' })).toBeInTheDocument()
    expect(screen.getByText(/A study groups interviews around one research goal/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Create your first study' })).toBeInTheDocument()
  })

  it('creates a study through the dialog and lists it', async () => {
    const user = userEvent.setup()
    renderUi(<StudiesScreen />)
    await user.click(await screen.findByRole('button', { name: 'Create your first study' }))
    const dialog = await screen.findByRole('dialog', { name: 'New study' })

    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Why B customers leave')
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Research goal' }),
      'Find the first-90-days churn triggers',
    )
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Method' }), 'Exit interview')
    const target = within(dialog).getByRole('spinbutton', { name: 'Target interviews' })
    await user.clear(target)
    await user.type(target, '37')
    expect(target).toHaveValue(37)
    await user.click(within(dialog).getByRole('button', { name: 'Patterns (8–10)' }))
    expect(target).toHaveValue(10)
    await user.click(within(dialog).getByRole('button', { name: 'Create study' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const link = await screen.findByRole('link', { name: /Why B customers leave/ })
    expect(link).toHaveTextContent('Exit interview · 0/10 done')
    expect(screen.queryByRole('heading', { name: 'No studies yet' })).not.toBeInTheDocument()

    const [study, ...others] = await backend.call('studies:list')
    expect(others).toEqual([])
    expect(study).toMatchObject({
      name: 'Why B customers leave',
      method: 'exit',
      targetInterviews: 10,
      status: 'planning',
    })
    expect(window.location.hash).toBe(`#/studies/${study?.id}`)
  })

  it('does not create a study without a name', async () => {
    const user = userEvent.setup()
    renderUi(<StudiesScreen />)
    await user.click(await screen.findByRole('button', { name: 'New study' }))
    const dialog = await screen.findByRole('dialog', { name: 'New study' })
    const name = within(dialog).getByRole('textbox', { name: 'Name' })

    // Empty: the browser's own validation stops the form.
    await user.click(within(dialog).getByRole('button', { name: 'Create study' }))
    expect(name).toBeInvalid()
    expect(backend.calls.map((c) => c.channel)).not.toContain('studies:create')

    // Only spaces: the browser lets it through, the app's validation refuses it and says why.
    await user.type(name, '   ')
    await user.click(within(dialog).getByRole('button', { name: 'Create study' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('A name is required')
    expect(screen.getByRole('dialog', { name: 'New study' })).toBeInTheDocument()
    expect(await backend.call('studies:list')).toEqual([])
  })
})
