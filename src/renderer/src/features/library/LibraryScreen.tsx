import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppErrorShape } from '../../../../shared/ipc/errors'
import type { MenuCommand } from '../../../../shared/ipc/transport'
import { ErrorNote } from '../../components/ErrorNote'
import { ApiError, call } from '../../lib/api'
import { useApi, useApiMutation } from '../../lib/queries'
import { takePendingLibraryCommand } from '../../app/library-commands'
import { navigate } from '../../app/router'
import { LibraryBackupsCard } from '../backups/BackupsCard'
import { JsonBackupCard } from './JsonBackupCard'
import { LibraryBrowser } from './LibraryBrowser'

type Mode = 'open' | 'create'

/** File > New / Open library and the recent list; also where a library that failed to open is explained. */
export function LibraryScreen() {
  const { t } = useTranslation()
  const info = useApi('app:info')
  const current = useApi('library:current')
  const recent = useApi('library:recent')
  const open = useApiMutation('library:open')
  const create = useApiMutation('library:create')

  const done = () => navigate({ name: 'studies' })
  const go = (mode: Mode, path: string) =>
    mode === 'open'
      ? open.mutate({ path }, { onSuccess: done })
      : create.mutate({ path }, { onSuccess: done })

  const choose = async (mode: Mode) => {
    const { path } = await call('library:choose', { mode })
    if (path) go(mode, path)
  }

  const canChoose = info.data?.canChooseFiles ?? false
  // The desktop app has the system dialog; in a browser the server lists folders (LibraryBrowser).
  const [browsing, setBrowsing] = useState<Mode | null>(null)
  const pick = (mode: Mode) => (canChoose ? void choose(mode) : setBrowsing(mode))
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
      <LibraryBackupsCard />

      <PathCard
        id="new-lib"
        title={t('library.new')}
        chooseLabel={info.data && t('library.newChoose')}
        onChoose={() => pick('create')}
        pathLabel={t('library.newPath')}
        placeholder={info.data?.defaultLibraryPath.replace(/[^/\\]+$/, t('library.examplePath'))}
        submitLabel={t('library.create')}
        onSubmit={(path) => go('create', path)}
        error={create.error}
      />

      <PathCard
        id="open-lib"
        title={t('library.open')}
        chooseLabel={info.data && t('library.openChoose')}
        onChoose={() => pick('open')}
        pathLabel={t('library.openPath')}
        submitLabel={t('library.openButton')}
        onSubmit={(path) => go('open', path)}
        error={open.error}
      >
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
                      onClick={() => go('open', r.path)}
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
      </PathCard>
      <JsonBackupCard hasLibrary={Boolean(current.data)} canChoose={canChoose} />
      {browsing && (
        <LibraryBrowser
          mode={browsing}
          onClose={() => setBrowsing(null)}
          onPick={(path) => {
            setBrowsing(null)
            go(browsing, path)
          }}
        />
      )}
    </div>
  )
}

/** New or open: the system dialog (or the server's folder list) and, beside it, a path to type. */
function PathCard({
  id,
  title,
  chooseLabel,
  onChoose,
  pathLabel,
  placeholder,
  submitLabel,
  onSubmit,
  error,
  children,
}: {
  id: string
  title: string
  /** The choose button's label, once the app says how files are chosen. */
  chooseLabel: string | undefined
  onChoose: () => void
  pathLabel: string
  placeholder?: string | undefined
  submitLabel: string
  onSubmit: (path: string) => void
  error: unknown
  children?: ReactNode
}) {
  const [path, setPath] = useState('')
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {chooseLabel && (
        <button type="button" onClick={onChoose}>
          {chooseLabel}
        </button>
      )}
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          onSubmit(path)
        }}
      >
        <label>
          {pathLabel}
          <input value={path} onChange={(e) => setPath(e.target.value)} placeholder={placeholder} />
        </label>
        <button type="submit">{submitLabel}</button>
      </form>
      <ErrorNote error={error} />
      {children}
    </section>
  )
}
