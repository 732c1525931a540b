import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { InterviewRunner } from '../../src/renderer/src/features/interviews/InterviewRunner'
import { flushAllQueues } from '../../src/renderer/src/lib/autosave'
import { installRealBackend, type RealBackend } from './real-backend'
import { renderUi, setLanguage } from './render'

let backend: RealBackend
let interviewId: string

beforeEach(async () => {
  await setLanguage('en')
  backend = await installRealBackend()
  const study = await backend.call('studies:create', {
    name: 'Switch',
    method: 'jtbd_switch',
    targetInterviews: 10,
  })
  interviewId = (
    await backend.call('interviews:create', { studyId: study.id, scriptId: 'builtin:jtbd-switch:en' })
  ).id
})
afterEach(() => backend.cleanup())

/** Shows the runner, or nothing, as leaving and reopening an interview does. */
function Toggle() {
  const [open, setOpen] = useState(true)
  return (
    <>
      <button type="button" onClick={() => setOpen(!open)}>
        toggle
      </button>
      {open && <InterviewRunner id={interviewId} />}
    </>
  )
}

describe('reopening an interview', () => {
  it('shows the notes saved while it was open, never an older cached copy', async () => {
    const user = userEvent.setup()
    renderUi(<Toggle />)
    const editor = await screen.findByRole('textbox', { name: /^Notes for:/ })
    await user.click(editor)
    await user.keyboard('Runs a team of twelve.')
    await act(() => flushAllQueues())
    const saved = await backend.call('notes:list', { interviewId })
    expect(saved[0]?.plainText).toBe('Runs a team of twelve.')

    await user.click(screen.getByRole('button', { name: 'toggle' }))
    await user.click(screen.getByRole('button', { name: 'toggle' }))
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: /^Notes for:/ }).textContent).toBe('Runs a team of twelve.'),
    )
  })
})
