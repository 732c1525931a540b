import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppErrorShape } from '../../../../shared/ipc/errors'
import type { MenuCommand } from '../../../../shared/ipc/transport'
import { ErrorNote } from '../../components/ErrorNote'
import { ApiError, call } from '../../lib/api'
import { useApi, useApiMutation } from '../../lib/queries'
import { takePendingLibraryCommand } from '../../app/library-commands'
import { navigate } from '../../app/router'
import { LibraryBrowser } from './LibraryBrowser'

/** File > New / Open library and the recent list; also where a library that failed to open is explained. */
export function LibraryScreen() {
  const { t } = useTranslation()
  const info = useApi('app:info')
  const current = useApi('library:current')
  const recent = useApi('library:recent')
  const open = useApiMutation('library:open')
  const create = useApiMutation('library:create')
  const [openPath, setOpenPath] = useState('')
  const [newPath, setNewPath] = useState('')

  const done = () => navigate({ name: 'studies' })

  const choose = async (mode: 'open' | 'create') => {
    const { path } = await call('library:choose', { mode })
    if (!path) return
    if (mode === 'open') open.mutate({ path }, { onSuccess: done })
    else create.mutate({ path }, { onSuccess: done })
  }

  const canChoose = info.data?.canChooseFiles ?? false
  // The desktop app has the system dialog; in a browser the server lists folders (LibraryBrowser).
  const [browsing, setBrowsing] = useState<'open' | 'create' | null>(null)
  const pick = (mode: 'open' | 'create') => (canChoose ? void choose(mode) : setBrowsing(mode))
  useEffect(() => {
    if (!canChoose) return
    const run = (command: MenuCommand | null) => {
      if (command === 'library:new') void choose('create')
      if (command === 'library:open') void choose('open')
    }
    run(takePendingLibraryCommand())
    const onCommand = (e: Event) => run(takePendingLibraryCommand() ?? (e as CustomEvent<MenuCommand>).detail)
    window.addEventListener('fieldnote:library-command', onCommand)
    return () => window.removeEventListener('fieldnote:library-command', onCommand)
  })

  const startupError = info.data?.startupError
  return (
    <div className="page narrow">
      <h1>{t('library.title')}</h1>
      <p className="lede">{t('library.explain')}</p>
      {current.data ? (
        <section className="card" aria-labelledby="current-lib">
          <h2 id="current-lib">{t('library.current')}</h2>
          <p>
            <strong>{current.data.name}</strong>
          </p>
          <p className="path">{current.data.path}</p>
          {current.data.backupPath && (
            <p className="hint">{t('library.backupTaken', { path: current.data.backupPath })}</p>
          )}
          <p className="hint">{t('library.backupHowTo')}</p>
        </section>
      ) : (
        <section className="card" role="status">
          <h2>{t('library.noneOpen')}</h2>
          {startupError && <ErrorNote error={new ApiError(startupError as AppErrorShape)} />}
          <p>{t('library.noneOpenHelp')}</p>
        </section>
      )}

      <section className="card" aria-labelledby="new-lib">
        <h2 id="new-lib">{t('library.new')}</h2>
        {info.data && (
          <button type="button" onClick={() => pick('create')}>
            {t('library.newChoose')}
          </button>
        )}
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault()
            create.mutate({ path: newPath }, { onSuccess: done })
          }}
        >
          <label>
            {t('library.newPath')}
            <input
              value={newPath}
              onChange={(e) => setNewPath(e.target.value)}
              placeholder={info.data?.defaultLibraryPath.replace(/[^/\\]+$/, t('library.examplePath'))}
            />
          </label>
          <button type="submit">{t('library.create')}</button>
        </form>
        <ErrorNote error={create.error} />
      </section>

      <section className="card" aria-labelledby="open-lib">
        <h2 id="open-lib">{t('library.open')}</h2>
        {info.data && (
          <button type="button" onClick={() => pick('open')}>
            {t('library.openChoose')}
          </button>
        )}
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault()
            open.mutate({ path: openPath }, { onSuccess: done })
          }}
        >
          <label>
            {t('library.openPath')}
            <input value={openPath} onChange={(e) => setOpenPath(e.target.value)} />
          </label>
          <button type="submit">{t('library.openButton')}</button>
        </form>
        <ErrorNote error={open.error} />
        {recent.data && recent.data.length > 0 && (
          <>
            <h3>{t('library.recent')}</h3>
            <ul className="recent-list">
              {recent.data.map((r) => (
                <li key={r.path}>
                  <span className="path">{r.path}</span>
                  {r.exists ? (
                    <button
                      type="button"
                      onClick={() => open.mutate({ path: r.path }, { onSuccess: done })}
                      aria-label={t('library.openRecent', { path: r.path })}
                    >
                      {t('library.openButton')}
                    </button>
                  ) : (
                    <span className="hint">{t('library.missing')}</span>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {browsing && (
        <LibraryBrowser
          mode={browsing}
          onClose={() => setBrowsing(null)}
          onPick={(path) => {
            setBrowsing(null)
            if (browsing === 'open') open.mutate({ path }, { onSuccess: done })
            else create.mutate({ path }, { onSuccess: done })
          }}
        />
      )}
    </div>
  )
}
