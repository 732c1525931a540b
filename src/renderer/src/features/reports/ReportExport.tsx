import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { REPORT_FORMATS, type ReportFormat } from '../../../../shared/ipc/contracts/reports'
import type { ReportOptionsInput } from '../../../../shared/reports/options'
import { ErrorNote } from '../../components/ErrorNote'
import { base64ToBytes } from '../../lib/base64'
import { downloadFile } from '../../lib/download'
import { ApiError, call } from '../../lib/api'
import { useApi, useWrite } from '../../lib/queries'

/** One button per format; the file is written by main from the same report model as the preview. */
export function ReportExport({ options }: { options: ReportOptionsInput }) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState<ReportFormat | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const write = useWrite()
  const progress = useApi('reports:progress', undefined, {
    enabled: busy !== null,
    refetchInterval: 300,
  })
  const step = busy !== null ? progress.data?.step : undefined

  const run = async (format: ReportFormat) => {
    setBusy(format)
    setDone(null)
    setError(null)
    try {
      const file = await call('reports:render', { ...options, format })
      downloadFile(file.fileName, base64ToBytes(file.base64), file.mime)
      setDone(t('reports.exported', { file: file.fileName }))
    } catch (err) {
      // A cancel is the user's own choice: say what happened, not that something went wrong.
      if (err instanceof ApiError && err.code === 'CANCELLED') setDone(t('reports.cancelled'))
      else setError(err)
    } finally {
      setBusy(null)
    }
  }

  return (
    <section className="report-export" aria-labelledby="report-export-h">
      <h2 id="report-export-h">{t('reports.export')}</h2>
      <div role="group" aria-label={t('reports.export')} className="report-export-buttons">
        {REPORT_FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className="secondary"
            disabled={busy !== null}
            onClick={() => void run(format)}
          >
            {busy === format
              ? t('reports.exporting', { format: t(`reports.formats.${format}`) })
              : t(`reports.formats.${format}`)}
          </button>
        ))}
        {busy !== null && (
          <button type="button" onClick={() => void write('reports:cancel', undefined)}>
            {t('reports.cancel')}
          </button>
        )}
      </div>
      <p className="hint" role="status">
        {busy !== null && step ? t(`reports.steps.${step}`) : done}
      </p>
      <ErrorNote error={error} />
    </section>
  )
}
