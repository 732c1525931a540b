import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { InterviewRunner } from '../../src/renderer/src/features/interviews/InterviewRunner'
import { flushAllQueues } from '../../src/renderer/src/lib/autosave'
import { MAX_NOTE_TEXT_CHARS } from '../../src/shared/notes/limits'
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
    targetInterviews: 5,
  })
  interviewId = (
    await backend.call('interviews:create', { studyId: study.id, scriptId: 'builtin:jtbd-switch:en' })
  ).id
})
afterEach(() => backend.cleanup())

const editor = () => screen.getByRole('textbox', { name: /^Notes for:/ })
const outline = () => within(screen.getByRole('navigation', { name: 'Script outline' }))
const question = (n: number) => outline().getByRole('button', { name: new RegExp(`^${n}\\. `) })
const noteSaves = () => backend.calls.filter((c) => c.channel === 'notes:save')

describe('saving a question’s notes, question by question', () => {
  // Up to 20 s: a 5 MB paste through jsdom takes 4–5 s on two busy cores, at vitest's 5 s default.
  it('refuses an over-limit paste at once beside that question, keeps the text, never sends or retries it, and moves it to Transcripts', async () => {
    const user = userEvent.setup()
    renderUi(<InterviewRunner id={interviewId} />)
    await user.click(await screen.findByRole('textbox', { name: /^Notes for:/ }))
    await user.keyboard('Runs a team of twelve.')
    await act(() => flushAllQueues())
    expect(question(1).textContent).toContain('(has notes)')

    await user.click(screen.getByRole('button', { name: /^Next/ }))
    await waitFor(() => expect(screen.getByRole('heading', { name: /^Q2 of/ })).toBeTruthy())
    await user.click(editor())
    await user.keyboard('Before the paste. ')
    const pasted = 'Interviewer: so what happened next?\n'.repeat(
      Math.ceil((MAX_NOTE_TEXT_CHARS + 20_000) / 36),
    )
    const savesBefore = noteSaves().length
    await user.paste(pasted)

    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('These notes cannot be saved.')
    expect(alert.textContent).toMatch(
      /They have 2\d\d,\d{3} characters; one question’s notes hold at most 250,000/,
    )
    expect(editor().textContent).toContain('Before the paste. Interviewer: so what happened next?')
    expect(editor().textContent!.length).toBeGreaterThan(MAX_NOTE_TEXT_CHARS)
    expect(question(2).textContent).toContain('(notes cannot be saved)')
    expect(question(2).textContent).not.toContain('(has notes)')
    expect(screen.getByTestId('save-state').textContent).toBe('Notes of Q2 cannot be saved')

    // Typing on and flushing sends nothing over the limit, and nothing is retried.
    await user.keyboard(' more')
    await act(() => flushAllQueues())
    expect(noteSaves().length).toBe(savesBefore)
    const q2 = (await backend.call('notes:list', { interviewId })).find((n) =>
      n.plainText.startsWith('Before'),
    )
    expect(q2).toBeUndefined()

    // The other question's status is its own.
    await user.click(question(1))
    await waitFor(() => expect(screen.getByTestId('note-save-state').textContent).toBe('Notes saved'))
    expect(screen.queryByRole('alert')).toBeNull()
    expect(question(1).textContent).toContain('(has notes)')
    await user.click(question(2))
    expect((await screen.findByRole('alert')).textContent).toContain('These notes cannot be saved.')
    expect(editor().textContent!.length).toBeGreaterThan(MAX_NOTE_TEXT_CHARS)

    // Move to Transcripts takes the pasted text out (nothing else) into a new transcript, and the note saves.
    await user.click(screen.getByRole('button', { name: 'Move the pasted text to Transcripts' }))
    await waitFor(() =>
      expect(
        screen.getByText(/Moved to this interview’s transcripts as “Pasted into the notes of Q2”/),
      ).toBeTruthy(),
    )
    await act(() => flushAllQueues())
    const [summary] = await backend.call('transcripts:list', { interviewId })
    expect(summary?.title).toBe('Pasted into the notes of Q2')
    const transcript = await backend.call('transcripts:get', { id: summary!.id })
    // Read as a transcript: "Interviewer:" is a speaker, each line one of their turns.
    expect(transcript.speakers).toEqual(['Interviewer'])
    expect(transcript.segmentCount).toBe(Math.ceil((MAX_NOTE_TEXT_CHARS + 20_000) / 36))
    expect(transcript.plainText).toContain('so what happened next?')
    const saved = (await backend.call('notes:list', { interviewId })).map((n) => n.plainText).sort()
    expect(saved).toEqual(['Before the paste.  more', 'Runs a team of twelve.'])
    expect(screen.queryByRole('alert')).toBeNull()
    expect(question(2).textContent).toContain('(has notes)')
  }, 20_000)

  it('marks unsaved or failing text as not saved, never as "has notes", and names the failing question', async () => {
    const user = userEvent.setup()
    renderUi(<InterviewRunner id={interviewId} />)
    await user.click(await screen.findByRole('textbox', { name: /^Notes for:/ }))
    await user.keyboard('Hi')
    // Typed but not written yet (the autosave waits for a pause).
    expect(question(1).textContent).toContain('(notes not saved yet)')
    expect(question(1).textContent).not.toContain('(has notes)')

    // The library goes away (as while switching libraries): the write fails and will be retried.
    const path = join(backend.dir, 't.fieldnote')
    backend.app.libraries.close()
    await act(() => flushAllQueues())
    expect(question(1).textContent).toContain('(notes not saved yet)')
    expect(screen.getByTestId('save-state').textContent).toBe('Not saved yet — retrying: notes of Q1')
    expect(screen.getByTestId('note-save-state').textContent).toBe('Not saved yet — retrying')

    // On another question, its own status is not the failure of Q1.
    await user.click(question(3))
    await waitFor(() => expect(screen.getByRole('heading', { name: /^Q3 of/ })).toBeTruthy())
    expect(screen.getByTestId('note-save-state').textContent).toBe('Notes saved')

    await backend.app.libraries.open(path)
    await act(() => flushAllQueues())
    await waitFor(() => expect(question(1).textContent).toContain('(has notes)'))
    expect(screen.getByTestId('save-state').textContent).toBe('All changes saved')
  })
})
