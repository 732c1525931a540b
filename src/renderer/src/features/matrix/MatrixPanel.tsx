import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChannelOutput } from '../../../../shared/ipc/contracts'
import { ErrorNote } from '../../components/ErrorNote'
import { useApi } from '../../lib/queries'
import { TAG_KINDS } from '../../../../shared/domain/tag'

type Tag = ChannelOutput<'tags:list'>[number]
type TagKind = Tag['kind']
export type TagSet = { kind: TagKind } | { parentId: string }

/** The codebook's kinds, the churn reasons first (the matrices began with them). */
const KINDS: readonly TagKind[] = ['churn_reason', ...TAG_KINDS.filter((k) => k !== 'churn_reason')]

const encode = (set: TagSet) => ('kind' in set ? `kind:${set.kind}` : `parent:${set.parentId}`)
function decode(value: string): TagSet {
  const [type, rest] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)]
  return type === 'kind' ? { kind: rest as TagKind } : { parentId: rest }
}

/** Every set a matrix side can show: a kind's top-level tags, or the children of any tag that has some. */
function TagSetSelect({
  label,
  value,
  onChange,
  tags,
  allowSame,
}: {
  label: string
  value: string
  onChange: (value: string) => void
  tags: Tag[]
  allowSame?: string
}) {
  const { t } = useTranslation()
  const withChildren = new Set(tags.map((x) => x.parentId).filter(Boolean))
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {allowSame !== undefined && <option value="">{allowSame}</option>}
        {KINDS.filter((k) => tags.some((x) => x.kind === k)).map((k) => (
          <optgroup key={k} label={t(`tags.kind.${k}`)}>
            <option value={`kind:${k}`}>{t('matrix.matrixAllOfKind', { kind: t(`tags.kind.${k}`) })}</option>
            {tags
              .filter((x) => x.kind === k && withChildren.has(x.id))
              .map((x) => (
                <option key={x.id} value={`parent:${x.id}`}>
                  {t('matrix.matrixChildrenOf', { name: `${x.code ?? ''} ${x.name}`.trim() })}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </label>
  )
}

/**
 * Tag × tag co-occurrence and tag × segment, counted per company, over any tag set of the codebook
 * (a kind's top-level tags or one tag's children), optionally against a second set as columns.
 */
export function MatrixPanel({
  studyId,
  initialRows,
  title,
}: {
  studyId: string | null
  initialRows: TagSet
  title: string
}) {
  const { t } = useTranslation()
  const id = useId()
  const [rows, setRows] = useState(encode(initialRows))
  const [columns, setColumns] = useState('')
  const tagList = useApi('tags:list')
  // A set under a tag that was deleted since is dropped rather than left failing.
  const exists = (value: string) =>
    !value.startsWith('parent:') || !tagList.data || tagList.data.some((x) => `parent:${x.id}` === value)
  const rowSet = exists(rows) ? rows : encode(initialRows)
  const columnSet = exists(columns) ? columns : ''
  const tags = decode(rowSet)
  const co = useApi('matrix:cooccurrence', {
    tags,
    ...(columnSet ? { columns: decode(columnSet) } : {}),
    studyId,
  })
  const seg = useApi('matrix:segments', { tags, studyId })
  const label = (x: { code: string | null; name: string }) => x.code ?? x.name
  const live = tagList.data ?? []
  return (
    <section className="card" aria-labelledby={id}>
      <header className="section-header">
        <h2 id={id}>{title}</h2>
        <div className="matrix-pickers">
          <TagSetSelect label={t('matrix.matrixRows')} value={rowSet} onChange={setRows} tags={live} />
          <TagSetSelect
            label={t('matrix.matrixColumns')}
            value={columnSet}
            onChange={setColumns}
            tags={live}
            allowSame={t('matrix.matrixSameAsRows')}
          />
        </div>
      </header>
      <p className="hint">{t('matrix.matrixHelp')}</p>
      <ErrorNote error={co.error ?? seg.error ?? tagList.error} />
      {co.data && co.data.tags.length === 0 && <p className="hint">{t('matrix.matrixEmpty')}</p>}
      <div className="matrices">
        {co.data && co.data.tags.length > 0 && co.data.columns.length > 0 && (
          <CountTable
            caption={columnSet ? t('matrix.crossCaption') : t('matrix.cooccurrenceCaption')}
            columns={co.data.columns.map((c) => ({ key: c.id, label: label(c), title: c.name }))}
            rows={co.data.tags.map((r) => ({ key: r.id, label: label(r), title: r.name }))}
            counts={co.data.counts}
            diagonal={!columnSet}
          />
        )}
        {seg.data && seg.data.tags.length > 0 && (
          <CountTable
            caption={t('matrix.segmentCaption')}
            columns={seg.data.segments.map((s) => ({ key: s, label: t(`common.split.${s}`) }))}
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
