import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ForcesScreen } from '../../src/renderer/src/features/forces/ForcesScreen'
import { insertTag, seedChurnTaxonomy, type TagRow } from './churn-taxonomy'
import { installRealBackend, type RealBackend } from './real-backend'
import { renderUi, setLanguage } from './render'

let backend: RealBackend
const sql = () => backend.app.libraries.context().sqlite
const tag = (id: string, o: TagRow) => insertTag(backend, id, o)

beforeEach(async () => {
  await setLanguage('en')
  backend = await installRealBackend()
  window.location.hash = ''
  seedChurnTaxonomy(backend)
})
afterEach(() => backend.cleanup())

describe('JTBD forces screen', () => {
  it('shows the quadrants with per-participant counts, the switch timeline, and adds a job story', async () => {
    const user = userEvent.setup()
    tag('push', { name: 'Push', kind: 'jtbd_force', key: 'push' })
    tag('pull', { name: 'Pull', kind: 'jtbd_force', key: 'pull', position: 1 })
    tag('ph1', { name: 'First thought', kind: 'jtbd_phase', key: 'first_thought' })
    const study = await backend.call('studies:create', {
      name: 'Switch',
      method: 'jtbd_switch',
      targetInterviews: 3,
    })
    const person = await backend.call('participants:create', { name: 'Ann' })
    const interview = await backend.call('interviews:create', {
      studyId: study.id,
      participantId: person.id,
      scriptId: 'builtin:jtbd-switch:en',
      title: 'Ann switch',
    })
    const db = sql()
    db.prepare(
      "insert into interview_notes (id, interview_id, question_id, doc, plain_text, first_elapsed_ms) values ('n1', ?, 'q1', '{}', 'x', 65000)",
    ).run(interview.id)
    for (const [id, quote, tags] of [
      ['h1', 'Spreadsheets broke every month', ['push', 'ph1']],
      ['h2', 'It kept crashing', ['push']],
      ['h3', 'The demo looked easy', ['pull']],
    ] as const) {
      db.prepare(
        "insert into highlights (id, interview_id, note_id, start_offset, end_offset, quote) values (?, ?, 'n1', 0, 1, ?)",
      ).run(id, interview.id, quote)
      for (const t of tags)
        db.prepare('insert into highlight_tags (highlight_id, tag_id) values (?, ?)').run(id, t)
    }
    renderUi(<ForcesScreen selectedId={study.id} />)
    const push = await screen.findByRole('region', { name: 'Push of the situation' })
    expect(await within(push).findByText('1 participant · 2 quotes')).toBeInTheDocument()
    expect(within(push).getByText('Spreadsheets broke every month')).toBeInTheDocument()
    expect(
      within(screen.getByRole('region', { name: 'Habit of the present' })).getByText(
        '0 participants · 0 quotes',
      ),
    ).toBeInTheDocument()

    const timeline = screen.getByRole('region', { name: 'Switch timeline' })
    expect(await within(timeline).findByText('First thought')).toBeInTheDocument()
    expect(within(timeline).getByText('1:05')).toBeInTheDocument()

    const stories = screen.getByRole('region', { name: 'Job stories' })
    const form = within(stories).getByRole('form', { name: 'New job story' })
    await user.type(within(form).getByRole('textbox', { name: 'When…' }), 'the month closes')
    await user.type(within(form).getByRole('textbox', { name: 'I want to…' }), 'reconcile in an hour')
    await user.type(within(form).getByRole('textbox', { name: 'so I can…' }), 'go home on time')
    await user.click(within(form).getByRole('button', { name: 'Add job story' }))
    expect(
      await within(stories).findByText(
        'When the month closes, I want to reconcile in an hour, so I can go home on time.',
      ),
    ).toBeInTheDocument()
    await waitFor(async () =>
      expect(await backend.call('stories:list', { studyId: study.id })).toHaveLength(1),
    )
  })
})
