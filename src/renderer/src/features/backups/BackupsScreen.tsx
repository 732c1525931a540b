import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupEntry } from '../../../../shared/ipc/contracts/backups'
import { ErrorNote } from '../../components/ErrorNote'
import { call } from '../../lib/api'
import { fmtDateTime, fmtNumber } from '../../lib/format'
import { useApi, useApiMutation } from '../../lib/queries'
import { navigate, routeHref } from '../../app/router'
import { LibraryBrowser } from '../library/LibraryBrowser'
import { BackupPreview } from './BackupPreview'
import { BackupsCard } from './BackupsCard'
import './backups.css'

/** "<folder of the library>/<library> restored 2026-12-07.fieldnote": beside the library, never its name. */
function suggestedTarget(libraryPath: string, name: string): string {
  const cut = Math.max(libraryPath.lastIndexOf('/'), libraryPath.lastIndexOf('\\'))
  return `${libraryPath.slice(0, cut + 1)}${name}.fieldnote`
}

/**
 * The restore screen: the backups in the library's backup folder, a preview of the one selected, and a
 * restore into a new library file that can then be opened. Reachable with no library open (a damaged one).
 */
export function BackupsScreen() {
  const { t } = useTranslation()
  const status = useApi('backups:status')
  const [selected, setSelected] = useState<string | null>(null)
  const data = status.data
  const backups = data?.backups ?? []
  const chosen = backups.find((b) => b.path === selected) ?? backups[0] ?? null

  return (
    <div className="page narrow backups-page">
      <p className="back-link">
        <a href={routeHref({ name: 'library' })}>← {t('backups.backToLibrary')}</a>
      </p>
      <h1>{t('backups.title')}</h1>
      <p className="lede">{t('backups.explain')}</p>
      <ErrorNote error={status.error} />
      {data && <BackupsCard status={data} />}
      {data?.library && (
        <section className="card" aria-labelledby="backups-restore">
          <h2 id="backups-restore">{t('backups.listTitle')}</h2>
          {backups.length === 0 ? (
            <p className="hint">{t('backups.none')}</p>
          ) : (
            <div className="backups-restore">
              <ul className="backups-list" aria-label={t('backups.listLabel', { folder: data.folder })}>
                {backups.map((b) => (
                  <li key={b.path}>
                    <button
                      type="button"
                      aria-pressed={b.path === chosen?.path}
                      onClick={() => setSelected(b.path)}
                    >
                      <span className="item-title">{fmtDateTime(b.takenAt)}</span>
                      <span className="item-meta">
                        {b.kind === 'manual' ? t('backups.kindManual') : t('backups.kindAuto')}
                        {' · '}
                        {t('backups.megabytes', { size: fmtNumber(b.bytes / 1024 / 1024, 1) })}
                        {b.library !== data.library?.name &&
                          ` · ${t('backups.otherLibrary', { name: b.library })}`}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
              {chosen && (
                <div className="backups-detail">
                  <p className="path">{chosen.fileName}</p>
                  <BackupPreview path={chosen.path} />
                  <RestoreForm
                    key={chosen.path}
                    backup={chosen}
                    defaultTo={suggestedTarget(
                      data.library.path,
                      t('backups.restoredName', { name: chosen.library, date: chosen.takenAt.slice(0, 10) }),
                    )}
                  />
                </div>
              )}
            </div>
          )}
        </section>
      )}
    </div>
  )
}

function RestoreForm({ backup, defaultTo }: { backup: BackupEntry; defaultTo: string }) {
  const { t } = useTranslation()
  const info = useApi('app:info')
  const preview = useApi('backups:preview', { path: backup.path })
  const restore = useApiMutation('backups:restore')
  const open = useApiMutation('library:open')
  const [to, setTo] = useState(defaultTo)
  const [browsing, setBrowsing] = useState(false)
  const restorable = preview.data?.status === 'ok'

  const chooseTarget = async () => {
    if (!info.data?.canChooseFiles) return setBrowsing(true)
    const { path } = await call('library:choose', { mode: 'create' })
    if (path) setTo(path)
  }
  return (
    <form
      className="form backups-restore-form"
      onSubmit={(e) => {
        e.preventDefault()
        restore.mutate({ from: backup.path, to })
      }}
    >
      <p className="hint">{t('backups.restoreExplain')}</p>
      <div className="row">
        <label className="grow">
          {t('backups.restoreTo')}
          <input value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="button" className="secondary" onClick={() => void chooseTarget()}>
          {t('backups.chooseTarget')}
        </button>
      </div>
      <div className="actions">
        <button type="submit" disabled={!restorable || restore.isPending || !to.trim()}>
          {restore.isPending ? t('backups.restoring') : t('backups.restore')}
        </button>
      </div>
      <ErrorNote error={restore.error ?? open.error} />
      {restore.data && (
        <div role="status" className="backups-restored">
          <p>{t('backups.restored', { path: restore.data.path })}</p>
          <button
            type="button"
            onClick={() =>
              open.mutate({ path: restore.data.path }, { onSuccess: () => navigate({ name: 'studies' }) })
            }
          >
            {t('backups.openRestored')}
          </button>
        </div>
      )}
      {browsing && (
        <LibraryBrowser
          mode="create"
          onClose={() => setBrowsing(false)}
          onPick={(path) => {
            setBrowsing(false)
            setTo(path)
          }}
        />
      )}
    </form>
  )
}
