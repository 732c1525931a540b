/**
 * Issue 13: the research library (2,000 interviews, ~5M words, 200k highlights) exported as a REFI-QDA
 * project (.qdpx) and that file imported into a new library, through the services the channels call. Peak
 * memory is this process's resident set sampled every 10 ms while each step runs, less nothing: it includes
 * the open library's page cache, so it is an upper bound of what the step itself needs.
 */
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { exportQdpx } from '../src/main/services/exchange/qdpx-export'
import { importQdpx } from '../src/main/services/exchange/qdpx-import'
import type { AppContext } from '../src/main/ipc/app-context'
import { LibraryManager } from '../src/main/library/library-manager'
import type { Report } from './bench-types'

const gc = (): void => (globalThis as { gc?: () => void }).gc?.()

async function peakRss<T>(fn: () => T): Promise<{ value: T; ms: number; peakMb: number }> {
  gc()
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 10)
  // The step is synchronous; yielding once lets the sampler start, and the step's own allocations are
  // sampled by the final reading too.
  await new Promise((r) => setTimeout(r, 20))
  const t0 = performance.now()
  const value = fn()
  const ms = performance.now() - t0
  peak = Math.max(peak, process.memoryUsage().rss)
  clearInterval(timer)
  return { value, ms, peakMb: peak / 1024 / 1024 }
}

/** Run on the open research library. */
export async function qdpxBench(
  app: AppContext,
  dir: string,
  migrations: string,
  report: Report,
): Promise<void> {
  const exported = await peakRss(() => exportQdpx(app.libraries.context(), {}))
  console.log(`# qdpx: ${(exported.value.bytes.length / 1024 / 1024).toFixed(1)} MB zipped`)
  report('qdpx_export_ms', exported.ms, 'ms', 20_000)
  report('qdpx_export_peak_rss_mb', exported.peakMb, 'MB', 1024)
  const bytes = exported.value.bytes

  const target = new LibraryManager({ dataDir: join(dir, 'qdpx-data'), migrationsFolder: migrations })
  try {
    await target.create(join(dir, 'From qdpx.fieldnote'))
    const imported = await peakRss(() => importQdpx(target.context(), { bytes }))
    const r = imported.value
    console.log(
      `# qdpx import: ${r.sources} sources, ${r.codings} codings, ${r.annotations} annotations, ${r.cases} cases, ${r.skipped.length} skipped`,
    )
    report('qdpx_import_ms', imported.ms, 'ms', 20_000)
    report('qdpx_import_peak_rss_mb', imported.peakMb, 'MB', 1024)
  } finally {
    target.close()
  }
}
