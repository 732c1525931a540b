import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupsStatus } from '../../../../shared/ipc/contracts/backups'
import { ErrorNote } from '../../components/ErrorNote'
import { call } from '../../lib/api'
import { fmtDateTime } from '../../lib/format'
import { useApi, useApiMutation } from '../../lib/queries'
import { routeHref } from '../../app/router'
import { LibraryBrowser } from '../library/LibraryBrowser'

/**
 * Back up now, when the last backup was taken and where backups go (the system folder dialog in the desktop
 * app, the server's folder list in a browser). On the Library page with a link to the restore screen.
 */
export function BackupsCard({ status, restoreLink }: { status: BackupsStatus; restoreLink?: boolean }) {
  const { t } = useTranslation()
  const info = useApi('app:info')
  const run = useApiMutation('backups:run')
  const setFolder = useApiMutation('backups:setFolder')
  const [browsing, setBrowsing] = useState(false)
  const open = status.library?.open === true

  const chooseFolder = async () => {
    if (!info.data?.canChooseFiles) return setBrowsing(true)
    const { path } = await call('backups:chooseFolder')
    if (path) setFolder.mutate({ folder: path })
  }
  const isDefault = status.folder === status.defaultFolder
  return (
    <section className="card backups-card" aria-labelledby="backups-card">
      <h2 id="backups-card">{t('backups.cardTitle')}</h2>
      {!open && <p className="hint">{t('backups.noLibrary')}</p>}
      {open && (
        <>
          <p>
            {status.lastBackupAt
              ? t('backups.lastBackup', { when: fmtDateTime(status.lastBackupAt) })
              : t('backups.never')}
          </p>
          <p className="backups-folder">
            {t('backups.folder')} {isDefault ? t('backups.folderIsDefault') : null}
            <span className="path">{status.folder}</span>
          </p>
          <div className="backups-actions">
            <button
              type="button"
              disabled={run.isPending || status.running}
              onClick={() => run.mutate(undefined)}
            >
              {run.isPending ? t('backups.backingUp') : t('backups.backUpNow')}
            </button>
            <button type="button" className="secondary" onClick={() => void chooseFolder()}>
              {t('backups.changeFolder')}
            </button>
            {!isDefault && (
              <button type="button" className="secondary" onClick={() => setFolder.mutate({ folder: null })}>
                {t('backups.useDefaultFolder')}
              </button>
            )}
            {restoreLink && <a href={routeHref({ name: 'backups' })}>{t('backups.restoreLink')}</a>}
          </div>
          {run.data && !run.isPending && (
            <p className="hint" role="status">
              {t('backups.backedUp', { path: run.data.path })}
            </p>
          )}
          {status.lastError && (
            <p className="hint">{t('backups.autoFailed', { message: status.lastError })}</p>
          )}
          <ErrorNote error={run.error ?? setFolder.error} />
        </>
      )}
      {!open && restoreLink && status.backups.length > 0 && (
        <a href={routeHref({ name: 'backups' })}>{t('backups.restoreLink')}</a>
      )}
      {browsing && (
        <LibraryBrowser
          mode="folder"
          onClose={() => setBrowsing(false)}
          onPick={(folder) => {
            setBrowsing(false)
            setFolder.mutate({ folder })
          }}
        />
      )}
    </section>
  )
}

/** The Library page's backups card: shown once the app knows which library the backups are of. */
export function LibraryBackupsCard() {
  const status = useApi('backups:status')
  if (!status.data?.library) return null
  return <BackupsCard status={status.data} restoreLink />
}
