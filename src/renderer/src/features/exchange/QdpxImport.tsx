import { useTranslation } from 'react-i18next'
import { navigate } from '../../app/router'
import { ErrorNote } from '../../components/ErrorNote'
import { Modal } from '../../components/Modal'
import { useQdpxImport, type QdpxImportReport } from './useQdpxImport'

/** What an import brought in and what it left out, with the way to the new study. */
export function QdpxReport({ report, onClose }: { report: QdpxImportReport; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Modal title={t('exchange.qdpx.reportTitle', { name: report.study.name })} onClose={onClose}>
      <div className="qdpx-report">
        {report.origin && <p>{t('exchange.qdpx.from', { origin: report.origin })}</p>}
        <p>
          {(['sources', 'codings', 'annotations', 'cases', 'companies', 'insights'] as const)
            .filter((k) => k === 'sources' || report[k] > 0)
            .map((k) => t(`exchange.qdpx.count.${k}`, { count: report[k] }))
            .join(', ')}
          .
        </p>
        <p>{t('exchange.qdpx.codes', report.codes)}</p>
        {report.variables.length > 0 && (
          <p>{t('exchange.qdpx.variables', { names: report.variables.join(', ') })}</p>
        )}
        {report.codeGroups.length > 0 && (
          <p>{t('exchange.qdpx.codeGroups', { names: report.codeGroups.join(', ') })}</p>
        )}
        {report.skipped.length > 0 && (
          <>
            <p>{t('exchange.qdpx.skipped', { count: report.skipped.length })}</p>
            <ul className="qdpx-skipped">
              {report.skipped.map((s, i) => (
                <li key={i}>
                  {s.item}: {s.reason}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div className="actions">
        <button type="button" className="secondary" onClick={onClose}>
          {t('exchange.qdpx.close')}
        </button>
        <button
          type="button"
          autoFocus
          onClick={() => {
            onClose()
            navigate({ name: 'studies', id: report.study.id })
          }}
        >
          {t('exchange.qdpx.open')}
        </button>
      </div>
    </Modal>
  )
}

/** "Import a REFI-QDA project…": a .qdpx from another tool (or Fieldnote) becomes a new study. */
export function QdpxImport() {
  const { t } = useTranslation()
  const qdpx = useQdpxImport()
  return (
    <div className="qdpx-import">
      <label className="file-button" title={t('exchange.qdpx.importHelp')}>
        {qdpx.busy ? t('exchange.qdpx.importing', { file: qdpx.busy }) : t('exchange.qdpx.import')}
        <input
          type="file"
          accept=".qdpx,.qde,application/zip"
          className="visually-hidden"
          disabled={qdpx.busy !== null}
          onChange={(e) => {
            const file = e.target.files?.[0]
            e.target.value = ''
            if (file) void qdpx.run(file)
          }}
        />
      </label>
      <ErrorNote error={qdpx.error} />
      {qdpx.report && <QdpxReport report={qdpx.report} onClose={qdpx.clear} />}
    </div>
  )
}
