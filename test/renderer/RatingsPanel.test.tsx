import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Interview } from '../../src/shared/domain/interview'
import { RatingsPanel } from '../../src/renderer/src/features/interviews/RatingsPanel'
import { AutosaveQueue } from '../../src/renderer/src/lib/autosave'
import { installRealBackend, type RealBackend } from './real-backend'
import { renderUi, setLanguage } from './render'

let backend: RealBackend
let queue: AutosaveQueue
let interview: Interview

beforeEach(async () => {
  await setLanguage('en')
  backend = await installRealBackend()
  const study = await backend.call('studies:create', {
    name: 'Churn study',
    method: 'exit',
    targetInterviews: 10,
  })
  interview = await backend.call('interviews:create', {
    studyId: study.id,
    scriptId: 'builtin:jtbd-switch:en',
  })
  queue = new AutosaveQueue(600)
})
afterEach(async () => {
  await queue.flush()
  backend.cleanup()
})

/** The runner's part: it keeps the interview the server returned after each save. */
function Harness({ initial }: { initial: Interview }) {
  const [iv, setIv] = useState(initial)
  return <RatingsPanel interview={iv} queue={queue} onSaved={setIv} />
}

const saved = () => backend.call('interviews:get', { id: interview.id })
const flush = () => act(() => queue.flush())

describe('Ratings panel', () => {
  it('saves the NPS picked, and clears it when the same score is clicked again', async () => {
    const user = userEvent.setup()
    renderUi(<Harness initial={interview} />)
    const nine = screen.getByRole('radio', { name: 'NPS: 9' })
    expect(nine).toHaveAttribute('aria-checked', 'false')

    await user.click(nine)
    await flush()
    expect((await saved()).nps).toBe(9)
    await waitFor(() => expect(nine).toHaveAttribute('aria-checked', 'true'))
    expect(screen.getByRole('radio', { name: 'NPS: 8' })).toHaveAttribute('aria-checked', 'false')

    await user.click(nine)
    await flush()
    expect((await saved()).nps).toBeNull()
    await waitFor(() => expect(nine).toHaveAttribute('aria-checked', 'false'))
  })

  it('the last of several quick NPS clicks wins', async () => {
    const user = userEvent.setup()
    renderUi(<Harness initial={interview} />)
    await user.click(screen.getByRole('radio', { name: 'NPS: 3' }))
    await user.click(screen.getByRole('radio', { name: 'NPS: 7' }))
    await flush()
    expect((await saved()).nps).toBe(7)
    await waitFor(() =>
      expect(screen.getByRole('radio', { name: 'NPS: 7' })).toHaveAttribute('aria-checked', 'true'),
    )
  })

  it('saves CSAT and CES on their own scales', async () => {
    const user = userEvent.setup()
    renderUi(<Harness initial={interview} />)
    expect(screen.getByRole('radiogroup', { name: 'CSAT' }).querySelectorAll('[role=radio]')).toHaveLength(5)
    expect(screen.getByRole('radiogroup', { name: 'CES' }).querySelectorAll('[role=radio]')).toHaveLength(7)
    await user.click(screen.getByRole('radio', { name: 'CSAT: 4' }))
    await flush()
    await user.click(screen.getByRole('radio', { name: 'CES: 6' }))
    await flush()
    expect(await saved()).toMatchObject({ csat: 4, ces: 6, nps: null })
  })

  it('saves CSI driver ratings into csiRatings, one driver at a time without losing the others', async () => {
    const user = userEvent.setup()
    renderUi(<Harness initial={interview} />)
    await user.click(screen.getByRole('radio', { name: 'Ease of use: 4' }))
    await flush()
    expect((await saved()).csiRatings).toEqual({ ease_of_use: 4 })

    await user.click(screen.getByRole('radio', { name: 'Quality of support: 2' }))
    await flush()
    expect((await saved()).csiRatings).toEqual({ ease_of_use: 4, support_quality: 2 })
    await waitFor(() =>
      expect(screen.getByRole('radio', { name: 'Ease of use: 4' })).toHaveAttribute('aria-checked', 'true'),
    )

    await user.click(screen.getByRole('radio', { name: 'Ease of use: 4' }))
    await flush()
    expect((await saved()).csiRatings).toEqual({ ease_of_use: null, support_quality: 2 })
  })

  it('saves the reason for a score as it is typed', async () => {
    const user = userEvent.setup()
    renderUi(<Harness initial={interview} />)
    await user.type(screen.getByRole('textbox', { name: 'Main reason for the score' }), 'Fast support')
    await flush()
    expect((await saved()).npsReason).toBe('Fast support')
  })
})
