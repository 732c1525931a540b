import { screen, waitFor } from '@testing-library/react'
import { useRoute } from '../../src/renderer/src/app/router'
import { BoardsScreen } from '../../src/renderer/src/features/boards/BoardsScreen'
import type { RealBackend } from './real-backend'

/** The boards screen under the app's router, so creating a board opens it as in the app. */
export function RoutedBoards() {
  const route = useRoute()
  return <BoardsScreen selectedId={route.name === 'boards' ? route.id : undefined} />
}

export async function studyWithBoard(
  backend: RealBackend,
  template: 'saas_default' | 'empty' = 'saas_default',
) {
  const study = await backend.call('studies:create', {
    name: 'Journeys',
    method: 'journey',
    targetInterviews: 5,
  })
  const board = await backend.call('boards:create', {
    studyId: study.id,
    name: 'SaaS map',
    template,
    language: 'en',
  })
  return { study, board }
}

/** A cell of the grid by its lane and stage. */
export const cell = (lane: string, stage: string) =>
  screen.getByRole('gridcell', { name: new RegExp(`^${escape(lane)}, ${escape(stage)}: `) })

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/** The saved copy in the library, once the editor's autosave has written it. */
export async function savedBoard(
  backend: RealBackend,
  id: string,
  until: (b: Awaited<ReturnType<typeof get>>) => boolean,
) {
  let last: Awaited<ReturnType<typeof get>> | undefined
  await waitFor(
    async () => {
      last = await get(backend, id)
      if (!until(last)) throw new Error(`not saved yet (revision ${last.revision})`)
    },
    { timeout: 5_000 },
  )
  return last!
}
const get = (backend: RealBackend, id: string) => backend.call('boards:get', { id })
