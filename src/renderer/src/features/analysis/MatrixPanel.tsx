import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChannelOutput } from '../../../../shared/ipc/contract'
import { ErrorNote } from '../../components/ErrorNote'
import { useApi } from '../../lib/queries'

type Row = ChannelOutput<'churn:rollup'>['rows'][number]

/**
 * Tag × tag co-occurrence and tag × segment, counted per company, over the churn categories or one
 * category's reasons (all highlights of the scope, interviews of any method and survey comments).
 */
export function MatrixPanel({ rows, studyId }: { rows: Row[]; studyId: string | null }) {
  const { t } = useTranslation()
  const id = useId()
  const [parent, setParent] = useState('')
  const categories = rows.filter((r) => r.parentId === null)
  const tags = parent ? { parentId: parent } : { kind: 'churn_reason' as const }
  const co = useApi('matrix:cooccurrence', { tags, studyId })
  const seg = useApi('matrix:segments', { tags, studyId })
  const label = (x: { code: string | null; name: string }) => x.code ?? x.name
  return (
    <section className="card" aria-labelledby={id}>
      <header className="section-header">
        <h2 id={id}>{t('analysis.matrixTitle')}</h2>
        <label>
          {t('analysis.matrixTags')}{' '}
          <select value={parent} onChange={(e) => setParent(e.target.value)}>
            <option value="">{t('analysis.matrixCategories')}</option>
            {categories.map((c) => (
              <option key={c.tagId} value={c.tagId}>
                {t('analysis.matrixReasonsOf', { name: `${c.code ?? ''} ${c.name}`.trim() })}
              </option>
            ))}
          </select>
        </label>
      </header>
      <p className="hint">{t('analysis.matrixHelp')}</p>
      <ErrorNote error={co.error ?? seg.error} />
      <div className="matrices">
        {co.data && co.data.tags.length > 0 && (
          <CountTable
            caption={t('analysis.cooccurrenceCaption')}
            columns={co.data.tags.map((c) => ({ key: c.id, label: label(c), title: c.name }))}
            rows={co.data.tags.map((r) => ({ key: r.id, label: label(r), title: r.name }))}
            counts={co.data.counts}
            diagonal
          />
        )}
        {seg.data && seg.data.tags.length > 0 && (
          <CountTable
            caption={t('analysis.segmentCaption')}
            columns={seg.data.segments.map((s) => ({ key: s, label: t(`analysis.split.${s}`) }))}
            rows={seg.data.tags.map((r) => ({ key: r.id, label: label(r), title: r.name }))}
            counts={seg.data.counts}
          />
        )}
      </div>
    </section>
  )
}

interface Heading {
  key: string
  label: string
  title?: string
}

/** A table of company counts; non-zero cells stand out, and a square matrix can mark its diagonal. */
function CountTable({
  caption,
  columns,
  rows,
  counts,
  diagonal,
}: {
  caption: string
  columns: Heading[]
  rows: Heading[]
  counts: number[][]
  diagonal?: boolean
}) {
  return (
    <div className="table-scroll">
      <table className="data-table matrix">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <td />
            {columns.map((c) => (
              <th scope="col" key={c.key} title={c.title}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.key}>
              <th scope="row" title={r.title}>
                {r.label}
              </th>
              {(counts[i] ?? []).map((n, j) => (
                <td key={j} className={diagonal && i === j ? 'diagonal' : n > 0 ? 'hit' : undefined}>
                  {n}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
