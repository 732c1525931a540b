import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorNote } from '../../components/ErrorNote'
import { call } from '../../lib/api'
import { base64ToBytes } from '../../lib/base64'
import { downloadFile } from '../../lib/download'

/** "Export as REFI-QDA (.qdpx)": the study (or, without one, the library) for another QDA tool. */
export function QdpxExport({ studyId }: { studyId?: string }) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const run = async () => {
    setBusy(true)
    setDone(null)
    setError(null)
    try {
      const file = await call('exchange:exportQdpx', studyId ? { studyId } : undefined)
      downloadFile(file.fileName, base64ToBytes(file.base64), file.mime)
      setDone(t('exchange.qdpx.exported', { file: file.fileName }))
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <button type="button" className="secondary" disabled={busy} onClick={() => void run()}>
        {busy ? t('exchange.qdpx.exporting') : t('exchange.qdpx.export')}
      </button>
      {done && (
        <p className="hint" role="status">
          {done}
        </p>
      )}
      <ErrorNote error={error} />
    </>
  )
}
