import { useTranslation } from 'react-i18next'
import { fmtDateTime, fmtNumber } from '../../lib/format'
import { useApi } from '../../lib/queries'

/** What one backup holds, read by the server on a read-only connection (backups:preview). */
export function BackupPreview({ path }: { path: string }) {
  const { t } = useTranslation()
  const preview = useApi('backups:preview', { path })
  const p = preview.data
  if (preview.isPending) return <p className="hint">{t('backups.previewLoading')}</p>
  if (!p) return null
  if (p.status === 'newer')
    return (
      <p role="alert" className="error-note">
        {t('backups.newer')}
      </p>
    )
  if (p.status === 'not_library')
    return (
      <p role="alert" className="error-note">
        {t('backups.notLibrary')}
      </p>
    )
  return (
    <div className="backup-preview" aria-label={t('backups.previewTitle')}>
      <h3>{t('backups.previewTitle')}</h3>
      {p.counts && (
        <dl className="facts">
          <dt>{t('backups.studies')}</dt>
          <dd>{fmtNumber(p.counts.studies)}</dd>
          <dt>{t('backups.interviews')}</dt>
          <dd>{fmtNumber(p.counts.interviews)}</dd>
          <dt>{t('backups.highlights')}</dt>
          <dd>{fmtNumber(p.counts.highlights)}</dd>
          <dt>{t('backups.lastChange')}</dt>
          <dd>{fmtDateTime(p.lastChangeAt)}</dd>
          <dt>{t('backups.check')}</dt>
          <dd className={p.status === 'ok' ? 'backup-ok' : 'backup-damaged'}>
            {p.status === 'ok'
              ? t('backups.checkOk')
              : t('backups.damaged', { problems: p.problems.join('; ') })}
          </dd>
        </dl>
      )}
      {!p.counts && p.status === 'damaged' && (
        <p role="alert" className="error-note">
          {t('backups.damaged', { problems: p.problems.join('; ') })}
        </p>
      )}
    </div>
  )
}
