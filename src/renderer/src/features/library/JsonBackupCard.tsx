import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LibraryJsonImport } from '../../../../shared/ipc/contracts/exchange'
import { ErrorNote } from '../../components/ErrorNote'
import { StudyScope } from '../../components/StudyScope'
import { call } from '../../lib/api'
import { downloadFile } from '../../lib/download'
import { useApiMutation } from '../../lib/queries'
import { LibraryBrowser } from './LibraryBrowser'

/**
 * The library, or one study, as a JSON backup (a download), and a JSON backup made into a new library: the
 * file is read here, the new library's place chosen like File > New (the system dialog, or the server's
 * folder list in a browser), and the import opens it. A refused file creates nothing.
 */
export function JsonBackupCard({ hasLibrary, canChoose }: { hasLibrary: boolean; canChoose: boolean }) {
  const { t } = useTranslation()
  const importJson = useApiMutation('exchange:importJson')
  const [studyId, setStudyId] = useState('')
  const [exportError, setExportError] = useState<unknown>(null)
  const [message, setMessage] = useState<string | null>(null)
  // The chosen file's text, while the user picks where its new library goes (browser mode).
  const [pending, setPending] = useState<string | null>(null)

  const exportFile = async () => {
    setExportError(null)
    setMessage(null)
    try {
      const { json, fileName } = await call('exchange:exportJson', { studyId: studyId || null })
      downloadFile(fileName, json, 'application/json')
      setMessage(t('library.json.exported', { file: fileName }))
    } catch (err) {
      setExportError(err)
    }
  }

  const importInto = (path: string, json: string) =>
    importJson.mutate({ path, json }, { onSuccess: (r) => setMessage(importedMessage(r)) })

  const importedMessage = (r: LibraryJsonImport) =>
    t('library.json.imported', {
      name: r.library.name,
      studies: r.counts.studies,
      interviews: r.counts.interviews,
      sources: r.counts.sources,
      codes: r.counts.codes,
      codings: r.counts.codings,
      cases: r.counts.cases,
      companies: r.counts.companies,
    }) + r.skipped.map((x) => ` ${t('library.json.skipped', x)}`).join('')

  const chosen = async (json: string) => {
    setMessage(null)
    importJson.reset()
    if (!canChoose) return setPending(json)
    const { path } = await call('library:choose', { mode: 'create' })
    if (path) importInto(path, json)
  }

  return (
    <section className="card" aria-labelledby="json-backup">
      <h2 id="json-backup">{t('library.json.title')}</h2>
      <p className="hint">{t('library.json.explain')}</p>
      {hasLibrary && (
        <div className="inline-form">
          <StudyScope value={studyId} onChange={setStudyId} />
          <button type="button" className="secondary" onClick={() => void exportFile()}>
            {t(studyId ? 'library.json.exportStudy' : 'library.json.export')}
          </button>
        </div>
      )}
      <label className="file-button">
        {t('library.json.import')}
        <input
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          disabled={importJson.isPending}
          onChange={(e) => {
            const file = e.target.files?.[0]
            e.target.value = ''
            if (file) void file.text().then(chosen)
          }}
        />
      </label>
      {importJson.isPending && <p className="hint">{t('library.json.importing')}</p>}
      {message && (
        <p role="status" className="hint">
          {message}
        </p>
      )}
      <ErrorNote error={importJson.error ?? exportError} />
      {pending !== null && (
        <LibraryBrowser
          mode="create"
          onClose={() => setPending(null)}
          onPick={(path) => {
            setPending(null)
            importInto(path, pending)
          }}
        />
      )}
    </section>
  )
}
