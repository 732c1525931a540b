import { screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StudyDetailPane } from '../../src/renderer/src/features/studies/StudyDetailPane'
import { installRealBackend, type RealBackend } from './real-backend'
import { renderUi, setLanguage } from './render'

let backend: RealBackend
beforeEach(async () => {
  backend = await installRealBackend()
})
afterEach(() => backend.cleanup())

/** A study with one finished interview that gave NPS 10, and `open` more interviews not done yet. */
async function study(open: number) {
  const s = await backend.call('studies:create', { name: 'Exit', method: 'exit', targetInterviews: 10 })
  const done = await backend.call('interviews:create', { studyId: s.id, scriptId: 'builtin:exit:en' })
  await backend.call('interviews:update', { id: done.id, nps: 10 })
  await backend.call('interviews:timer', { id: done.id, action: 'finish' })
  for (let i = 0; i < open; i++)
    await backend.call('interviews:create', { studyId: s.id, scriptId: 'builtin:exit:en' })
  return s.id
}

describe('study progress and NPS breakdown wording', () => {
  it('counts a done interview once, and says "1 promoter"', async () => {
    await setLanguage('en')
    renderUi(<StudyDetailPane id={await study(0)} />)
    expect(await screen.findByText('1 of 10 target interviews done.')).toBeInTheDocument()
    expect(screen.queryByText(/planned or running/)).not.toBeInTheDocument()
    expect(screen.getByText('1 promoter · 0 passives · 0 detractors')).toBeInTheDocument()
  })

  it('names only the interviews still to do', async () => {
    await setLanguage('en')
    renderUi(<StudyDetailPane id={await study(1)} />)
    expect(
      await screen.findByText('1 of 10 target interviews done. 1 more is planned or running.'),
    ).toBeInTheDocument()
  })

  it('uses the Russian plural forms', async () => {
    await setLanguage('ru')
    renderUi(<StudyDetailPane id={await study(2)} />)
    expect(
      await screen.findByText('Проведено 1 из 10 интервью по цели. Ещё 2 интервью запланированы или идут.'),
    ).toBeInTheDocument()
    expect(screen.getByText('1 промоутер · 0 пассивных · 0 критиков')).toBeInTheDocument()
  })
})
