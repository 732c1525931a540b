import { useState } from 'react'
import type { z } from 'zod'
import type { QdpxImportReportSchema } from '../../../../shared/ipc/contracts/exchange'
import { bytesToBase64 } from '../../lib/base64'
import { useWrite } from '../../lib/queries'

export type QdpxImportReport = z.infer<typeof QdpxImportReportSchema>

/** Reads a chosen .qdpx (or .qde) and imports it as a new study; the report says what came in. */
export function useQdpxImport() {
  const write = useWrite()
  const [busy, setBusy] = useState<string | null>(null)
  const [report, setReport] = useState<QdpxImportReport | null>(null)
  const [error, setError] = useState<unknown>(null)
  const run = async (file: File) => {
    setBusy(file.name)
    setError(null)
    setReport(null)
    try {
      const base64 = bytesToBase64(await file.arrayBuffer())
      setReport(await write('exchange:importQdpx', { name: file.name, base64 }))
    } catch (err) {
      setError(err)
    } finally {
      setBusy(null)
    }
  }
  return { run, busy, report, error, clear: () => setReport(null) }
}
