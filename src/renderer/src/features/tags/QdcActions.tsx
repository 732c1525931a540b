import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorNote } from '../../components/ErrorNote'
import { call } from '../../lib/api'
import { downloadFile } from '../../lib/download'
import { useApiMutation } from '../../lib/queries'
import { QdpxReport } from '../exchange/QdpxImport'
import { useQdpxImport } from '../exchange/useQdpxImport'

/** Export the codebook as a .qdc file (a download) and import one chosen with a file input. */
export function QdcActions({ onDone, empty }: { onDone: (message: string) => void; empty: boolean }) {
  const { t } = useTranslation()
  const importQdc = useApiMutation('tags:importQdc')
  const [exportError, setExportError] = useState<unknown>(null)
  // A whole project chosen here: say so and offer the project import, which brings its sources too.
  const [project, setProject] = useState<File | null>(null)
  const qdpx = useQdpxImport()

  const exportFile = async () => {
    setExportError(null)
    try {
      const { xml, fileName } = await call('tags:exportQdc')
      downloadFile(fileName, xml, 'application/xml')
      onDone(t('tags.qdc.exported', { file: fileName }))
    } catch (err) {
      setExportError(err)
    }
  }

  return (
    <div className="qdc-actions">
      {/* REFI-QDA needs at least one code: an empty codebook has nothing to export. */}
      <button
        type="button"
        className="secondary"
        disabled={empty}
        title={empty ? t('tags.qdc.nothingToExport') : undefined}
        onClick={() => void exportFile()}
      >
        {t('tags.qdc.export')}
      </button>
      <label className="file-button" title={t('tags.qdc.importHelp')}>
        {t('tags.qdc.import')}
        <input
          type="file"
          accept=".qdc,.xml,.qdpx,application/xml,text/xml"
          className="visually-hidden"
          onChange={(e) => {
            const file = e.target.files?.[0]
            e.target.value = ''
            if (!file) return
            setProject(null)
            void file
              .slice(0, 4)
              .text()
              .then((head) => {
                if (head === 'PK\u0003\u0004') {
                  setProject(file)
                  return
                }
                void file.text().then((xml) =>
                  importQdc.mutate(
                    { xml },
                    {
                      onSuccess: (r) =>
                        onDone(
                          [
                            t('tags.qdc.imported', {
                              created: r.created,
                              updated: r.updated,
                              skipped: r.skipped,
                            }),
                            r.codeGroups.length
                              ? t('tags.qdc.codeGroups', {
                                  count: r.codeGroups.length,
                                  names: r.codeGroups.join(', '),
                                })
                              : '',
                          ]
                            .filter(Boolean)
                            .join(' '),
                        ),
                    },
                  ),
                )
              })
          }}
        />
      </label>
      {project && (
        <p role="alert" className="qdc-project">
          {t('tags.qdc.isProject', { file: project.name })}{' '}
          <button
            type="button"
            disabled={qdpx.busy !== null}
            onClick={() => void qdpx.run(project).then(() => setProject(null))}
          >
            {t('exchange.qdpx.asProject')}
          </button>
        </p>
      )}
      <ErrorNote error={importQdc.error ?? exportError ?? qdpx.error} />
      {qdpx.report && <QdpxReport report={qdpx.report} onClose={qdpx.clear} />}
    </div>
  )
}
