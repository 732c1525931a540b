import type { LibraryJsonCounts } from '../../../shared/ipc/contracts/exchange'
import { AppError } from '../../../shared/ipc/errors'
import type { ServiceContext } from '../../db/context'
import type { LibraryJsonFile } from './library-json-read'
import { TABLES } from './library-json-tables'

export interface LibraryJsonWritten {
  counts: LibraryJsonCounts
  /** Rows written per table, in the format's order. */
  rows: Record<string, number>
  skipped: { what: string; reason: string }[]
}

const count = (file: LibraryJsonFile, table: string) => file.tables[table]?.length ?? 0

/** The report's words for the rows: sources are notes and transcripts, codes tags, codings tag links, cases people. */
function countsOf(file: LibraryJsonFile): LibraryJsonCounts {
  const notes = count(file, 'interview_notes')
  const transcripts = count(file, 'transcripts')
  return {
    studies: count(file, 'studies'),
    interviews: count(file, 'interviews'),
    sources: notes + transcripts,
    notes,
    transcripts,
    codes: (file.tables['tags'] ?? []).filter((t) => t['deleted_at'] === null).length,
    codings: count(file, 'highlight_tags'),
    highlights: count(file, 'highlights'),
    cases: count(file, 'participants'),
    companies: count(file, 'companies'),
    surveyResponses: count(file, 'churn_survey_responses'),
    scripts: count(file, 'scripts'),
    stories: count(file, 'job_stories'),
    boards: count(file, 'boards'),
    insights: count(file, 'insights'),
  }
}

/**
 * Writes a checked library JSON file into an empty library, inside the caller's one transaction. The rows go
 * in as they are, ids and timestamps kept (a sync will later merge by id); the triggers that keep search and
 * counts exact in the app rebuild the derived tables as each row lands. Foreign keys are checked at commit,
 * so a tag may come before the parent it was moved under later. A row SQLite refuses (a unique code twice, a
 * highlight with two sources) is named by its path, and the caller's transaction leaves nothing written.
 */
export function writeLibraryJson(ctx: ServiceContext, file: LibraryJsonFile): LibraryJsonWritten {
  const holding = TABLES.filter(
    (t) => ctx.sqlite.prepare(`select 1 from ${t.name} limit 1`).get() !== undefined,
  )
  if (holding.length)
    throw new AppError(
      'CONFLICT',
      `The library already holds data (${holding.map((t) => t.name).join(', ')}); a JSON backup is imported into a new library only.`,
    )
  ctx.sqlite.pragma('defer_foreign_keys = ON')
  const rows: Record<string, number> = {}
  for (const t of TABLES) {
    const names = t.columns.map((c) => c.name)
    const insert = ctx.sqlite.prepare(
      `insert into ${t.name} (${names.map((n) => `"${n}"`).join(', ')}) values (${names.map((n) => `@${n}`).join(', ')})`,
    )
    const list = file.tables[t.name] ?? []
    list.forEach((row, i) => {
      try {
        insert.run(row)
      } catch (err) {
        throw new AppError('VALIDATION', `tables.${t.name}[${i}]: ${(err as Error).message}`)
      }
    })
    rows[t.name] = list.length
  }
  const broken = ctx.sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]
  if (broken.length)
    throw new AppError(
      'VALIDATION',
      `The file's rows reference rows it does not have (${broken.length}, the first in ${broken[0]?.table}, pointing to ${broken[0]?.parent}).`,
    )
  return { counts: countsOf(file), rows, skipped: file.skipped }
}
