import { safeFileBase } from '../../../shared/text/file-name'
import { nowIso, type ServiceContext } from '../../db/context'
import { mustExist } from '../../db/rows'
import type { Row } from './library-json-rows'
import { STUDY_SCOPE } from './library-json-scope'
import { FORMAT_ID, FORMAT_VERSION, SCHEMA_VERSION, TABLES } from './library-json-tables'

/**
 * The open library (or one study of it) as a library JSON file. Deterministic: tables in the format's order,
 * rows in rowid order (the order they were written, which an import keeps), columns in schema order, one row
 * per line. Only `exportedAt` differs between two exports of the same data, so export → import → export
 * gives the same file apart from that line.
 */
export function exportLibraryJson(
  ctx: ServiceContext,
  input: { studyId: string | null },
): { json: string; fileName: string } {
  const study = input.studyId
    ? mustExist(
        ctx.sqlite.prepare('select id, name from studies where id = ?').get(input.studyId) as
          { id: string; name: string } | undefined,
        'Study',
        input.studyId,
      )
    : null
  const exportedAt = nowIso(ctx)
  const lines = [
    '{',
    `  "format": ${JSON.stringify(FORMAT_ID)},`,
    `  "version": ${FORMAT_VERSION},`,
    `  "schemaVersion": ${JSON.stringify(SCHEMA_VERSION)},`,
    `  "exportedAt": ${JSON.stringify(exportedAt)},`,
    `  "study": ${study ? JSON.stringify({ id: study.id, name: study.name }) : 'null'},`,
    '  "tables": {',
  ]
  TABLES.forEach((t, i) => {
    const columns = t.columns.map((c) => `"${c.name}"`).join(', ')
    const where = study ? (STUDY_SCOPE[t.name] ?? '0') : '1'
    const select = ctx.sqlite.prepare(`select ${columns} from ${t.name} where ${where} order by rowid`)
    const rows = (where.includes('@study') ? select.all({ study: study?.id }) : select.all()) as Row[]
    const comma = i < TABLES.length - 1 ? ',' : ''
    if (rows.length === 0) lines.push(`    "${t.name}": []${comma}`)
    else {
      lines.push(`    "${t.name}": [`)
      rows.forEach((r, j) => lines.push(`      ${JSON.stringify(r)}${j < rows.length - 1 ? ',' : ''}`))
      lines.push(`    ]${comma}`)
    }
  })
  lines.push('  }', '}', '')
  const day = exportedAt.slice(0, 10)
  const base = study ? `Fieldnote ${study.name} ${day}` : `Fieldnote library ${day}`
  return { json: lines.join('\n'), fileName: `${safeFileBase(base, 'Fieldnote')}.json` }
}
