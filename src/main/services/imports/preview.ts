import {
  isStandardLayout,
  IMPORT_FIELDS,
  REQUIRED_FIELDS,
  suggestMapping,
  type ImportKind,
} from '../../../shared/csv/mapping'
import type { ServiceContext } from '../../db/context'
import { table } from './shared'

/** A CSV's headers and first rows with the mapping we would suggest, for the import dialog's mapping step. */
export function previewImport(_ctx: ServiceContext, input: { kind: ImportKind; csv: string }) {
  const t = table(input.csv)
  return {
    headers: t.headers,
    sample: t.rows.slice(0, 5),
    totalRows: t.rows.length,
    fields: IMPORT_FIELDS[input.kind].map((field) => ({
      field,
      required: REQUIRED_FIELDS[input.kind].includes(field),
    })),
    suggestedMapping: suggestMapping(input.kind, t.headers),
    standardLayout: isStandardLayout(input.kind, t.headers),
  }
}
