import { useId, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChannelOutput } from '../../../../shared/ipc/contracts'
import { ErrorNote } from '../../components/ErrorNote'
import { routeHref } from '../../app/router'
import { useApi, useApiMutation } from '../../lib/queries'

type Row = ChannelOutput<'churn:rollup'>['rows'][number]

/** A <select> of churn reasons in tree order (categories too: a company may be coded at category level). */
export function ReasonSelect({
  rows,
  value,
  onChange,
  label,
}: {
  rows: Row[]
  value: string
  onChange: (id: string) => void
  label: string
}) {
  const { t } = useTranslation()
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('churn.chooseReason')}</option>
      {rows.map((r) => (
        <option key={r.tagId} value={r.tagId}>
          {'\u00a0\u00a0'.repeat(r.depth)}
          {r.code ? `${r.code} · ` : ''}
          {r.name}
        </option>
      ))}
    </select>
  )
}

function UncodedItem({ item, rows }: { item: ChannelOutput<'churn:uncoded'>[number]; rows: Row[] }) {
  const { t } = useTranslation()
  const set = useApiMutation('churn:setPrimary')
  const who = [item.participantName, item.companyName].filter(Boolean).join(' · ')
  return (
    <QueueItem
      rows={rows}
      initialTagId={item.suggestedTagId ?? ''}
      selectLabel={t('churn.primaryFor', { title: item.title || who })}
      actionLabel={t('churn.setPrimary')}
      write={set}
      onAct={(tagId) => set.mutate({ interviewId: item.interviewId, tagId })}
    >
      <a href={routeHref({ name: 'interview', id: item.interviewId })}>
        {item.title || t('common.untitledInterview')}
      </a>
      <span className="item-meta">
        {' '}
        {who || t('churn.noCompany')} · {item.studyName}
      </span>
      <div className="hint">
        {item.suggestedTagName
          ? t('churn.suggested', { name: item.suggestedTagName, count: item.churnReasonHighlights })
          : t('churn.noReasonQuotes')}
      </div>
    </QueueItem>
  )
}

export function UncodedQueue({ studyId, rows }: { studyId: string | null; rows: Row[] }) {
  const { t } = useTranslation()
  const q = useApi('churn:uncoded', { studyId })
  return (
    <QueueCard
      title={t('churn.uncodedTitle')}
      count={q.data?.length}
      error={q.error}
      empty={t('churn.uncodedEmpty')}
    >
      {q.data?.map((item) => (
        <UncodedItem key={item.interviewId} item={item} rows={rows} />
      ))}
    </QueueCard>
  )
}

function UnmappedItem({ item, rows }: { item: ChannelOutput<'churn:unmapped'>[number]; rows: Row[] }) {
  const { t } = useTranslation()
  const map = useApiMutation('churn:mapReason')
  return (
    <QueueItem
      rows={rows}
      initialTagId=""
      selectLabel={t('churn.mapTo', { reason: item.reasonRaw })}
      actionLabel={t('churn.map')}
      write={map}
      onAct={(tagId) => map.mutate({ reasonRaw: item.reasonRaw, tagId })}
    >
      <q className="raw-reason">{item.reasonRaw}</q>
      <div className="item-meta">
        {t('churn.unmappedRows', { count: item.rows })} · {item.companies.slice(0, 5).join(', ')}
        {item.companies.length > 5 ? '…' : ''}
      </div>
    </QueueItem>
  )
}

export function UnmappedQueue({ rows }: { rows: Row[] }) {
  const { t } = useTranslation()
  const q = useApi('churn:unmapped')
  return (
    <QueueCard
      title={t('churn.unmappedTitle')}
      count={q.data?.length}
      error={q.error}
      empty={t('churn.unmappedEmpty')}
    >
      {q.data?.map((item) => (
        <UnmappedItem key={item.reasonRaw} item={item} rows={rows} />
      ))}
    </QueueCard>
  )
}

/** One thing waiting in a queue: what it is, and a churn reason to choose and apply to it. */
function QueueItem({
  rows,
  initialTagId,
  selectLabel,
  actionLabel,
  write,
  onAct,
  children,
}: {
  rows: Row[]
  initialTagId: string
  selectLabel: string
  actionLabel: string
  write: { error: unknown; isPending: boolean }
  onAct: (tagId: string) => void
  children: ReactNode
}) {
  const [tagId, setTagId] = useState(initialTagId)
  return (
    <li className="queue-item">
      <div>{children}</div>
      <div className="inline-actions">
        <ReasonSelect rows={rows} value={tagId} onChange={setTagId} label={selectLabel} />
        <button type="button" disabled={!tagId || write.isPending} onClick={() => onAct(tagId)}>
          {actionLabel}
        </button>
      </div>
      <ErrorNote error={write.error} />
    </li>
  )
}

/** A work queue: its title with the number waiting, a note when it is empty, and its items. */
function QueueCard({
  title,
  count,
  error,
  empty,
  children,
}: {
  title: string
  count: number | undefined
  error: unknown
  empty: string
  children: ReactNode
}) {
  const id = useId()
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="badge">{count ?? 0}</span>
      </h2>
      <ErrorNote error={error} />
      {count === 0 && <p className="hint">{empty}</p>}
      <ul className="queue">{children}</ul>
    </section>
  )
}
