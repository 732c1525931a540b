import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChannelOutput } from '../../../../shared/ipc/contracts'
import { EmptyState } from '../../components/EmptyState'
import { ErrorNote } from '../../components/ErrorNote'
import { navigate, routeHref } from '../../app/router'
import { evidenceHref } from '../evidence/links'
import { fmtMoney, fmtNumber, fmtShare } from '../../lib/format'
import { useApi, useApiMutation } from '../../lib/queries'
import { UncodedQueue, UnmappedQueue } from './ChurnQueues'
import { ImportDialog } from '../imports/ImportDialog'
import { CreateInsightButton } from '../insights/CreateInsightButton'
import { MatrixPanel } from '../matrix/MatrixPanel'
import { ParetoChart } from './ParetoChart'
import { ShowQuotesButton } from './ShowQuotesButton'
import { SplitsTable } from './SplitsTable'
import { StudyScope } from '../../components/StudyScope'
import '../../components/analysis.css'

type Rollup = ChannelOutput<'churn:rollup'>
type Row = Rollup['rows'][number]

/** Churn reasons: Pareto, per-reason table with prevention, splits, quotes, the two recoding queues, imports. */
export function ChurnScreen({ selectedId }: { selectedId?: string }) {
  const { t } = useTranslation()
  const studyId = selectedId ?? null
  const [byMrr, setByMrr] = useState(false)
  const [reason, setReason] = useState<string | null>(null)
  const [importing, setImporting] = useState<'companies' | 'churnSurvey' | null>(null)
  const rollup = useApi('churn:rollup', { studyId })
  const data = rollup.data
  const currency = data?.currencies[0] ?? 'USD'
  const money = (minor: number) => fmtMoney(minor, currency)
  const format = byMrr ? money : (v: number) => fmtNumber(v)
  const selected = data?.rows.find((r) => r.tagId === reason) ?? null

  return (
    <div className="page analysis">
      <header className="page-header">
        <h1>{t('nav.churn')}</h1>
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setImporting('companies')}>
            {t('churn.importCompanies')}
          </button>
          <button type="button" onClick={() => setImporting('churnSurvey')}>
            {t('churn.importSurvey')}
          </button>
        </div>
      </header>
      <div className="toolbar">
        <StudyScope
          value={studyId ?? ''}
          onChange={(id) => (setReason(null), navigate(id ? { name: 'churn', id } : { name: 'churn' }))}
        />
        <div role="group" aria-label={t('churn.measure')} className="toggle">
          <button type="button" aria-pressed={!byMrr} onClick={() => setByMrr(false)}>
            {t('churn.byCompanies')}
          </button>
          <button type="button" aria-pressed={byMrr} onClick={() => setByMrr(true)}>
            {t('churn.byLostMrr')}
          </button>
        </div>
      </div>
      <ErrorNote error={rollup.error} />
      {data && data.rows.length === 0 && <NoTaxonomy />}
      {data && data.rows.length > 0 && (
        <>
          <p className="lede">
            {t('churn.totals', {
              count: data.totals.churnedCompanies,
              coded: data.totals.codedCompanies,
              lost: money(data.totals.codedLostMrr),
            })}
            {data.totals.uncodedCompanies > 0 &&
              ` ${t('churn.uncodedCompanies', { count: data.totals.uncodedCompanies })}`}
            {data.currencies.length > 1 &&
              ` ${t('churn.mixedCurrencies', { currencies: data.currencies.join(', ') })}`}
          </p>
          <section className="card" aria-labelledby="pareto-h">
            <h2 id="pareto-h">{t(byMrr ? 'churn.paretoByMrr' : 'churn.paretoByCompanies')}</h2>
            <ParetoChart
              bars={byMrr ? data.pareto.lostMrr : data.pareto.companies}
              format={format}
              title={t(byMrr ? 'churn.paretoByMrr' : 'churn.paretoByCompanies')}
              selected={reason}
              onSelect={setReason}
            />
          </section>
          <ReasonsTable rows={data.rows} money={money} selected={reason} onSelect={setReason} />
          {selected && <QuotesPanel row={selected} studyId={studyId} onClose={() => setReason(null)} />}
          <SplitsTable rows={data.rows} byMrr={byMrr} format={money} />
          <MatrixPanel
            studyId={studyId}
            initialRows={{ kind: 'churn_reason' }}
            title={t('churn.matrixTitle')}
          />
          <div className="queues">
            <UncodedQueue studyId={studyId} rows={data.rows} />
            <UnmappedQueue rows={data.rows} />
          </div>
        </>
      )}
      {importing && <ImportDialog kind={importing} studyId={studyId} onClose={() => setImporting(null)} />}
    </div>
  )
}

function NoTaxonomy() {
  const { t, i18n } = useTranslation()
  const seed = useApiMutation('tags:seedStarter')
  return (
    <EmptyState title={t('churn.noTaxonomyTitle')}>
      <p>{t('churn.noTaxonomyHelp')}</p>
      <button
        type="button"
        disabled={seed.isPending}
        onClick={() =>
          seed.mutate({ codebook: 'churn_reasons', language: i18n.language === 'ru' ? 'ru' : 'en' })
        }
      >
        {t('churn.addTaxonomy')}
      </button>
      <ErrorNote error={seed.error} />
    </EmptyState>
  )
}

function ReasonsTable({
  rows,
  money,
  selected,
  onSelect,
}: {
  rows: Row[]
  money: (m: number) => string
  selected: string | null
  onSelect: (id: string) => void
}) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const [showAll, setShowAll] = useState(false)
  // A full taxonomy has ~50 codes; by default only the ones some company gave (as primary or mention).
  const shown = showAll ? rows : rows.filter((r) => r.mentionedCompanies > 0 || r.primaryCompanies > 0)
  return (
    <section className="card" aria-labelledby={id}>
      <header className="section-header">
        <h2 id={id}>{t('churn.reasonsTitle')}</h2>
        <label className="checkbox">
          <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />{' '}
          {t('churn.showAllReasons', { count: rows.length })}
        </label>
      </header>
      <p className="hint">{t('churn.reasonsHelp')}</p>
      <div className="table-scroll">
        <table className="data-table reasons">
          <thead>
            <tr>
              <th scope="col">{t('churn.reason')}</th>
              <th scope="col">{t('churn.companies')}</th>
              <th scope="col">{t('churn.shareOfChurned')}</th>
              <th scope="col">{t('churn.lostMrr')}</th>
              <th scope="col">{t('churn.shareOfLostMrr')}</th>
              <th scope="col">{t('churn.mentioned')}</th>
              <th scope="col">{t('churn.prevention')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr
                key={r.tagId}
                className={
                  [r.depth === 0 ? 'category-row' : '', r.tagId === selected ? 'selected' : '']
                    .join(' ')
                    .trim() || undefined
                }
              >
                <th scope="row" style={{ paddingLeft: `${0.4 + r.depth * 1.2}rem` }}>
                  <ShowQuotesButton reason={r} onSelect={onSelect} />
                </th>
                <td>{r.primaryCompanies}</td>
                <td>{fmtShare(r.shareOfChurned, i18n.language)}</td>
                <td>{money(r.primaryLostMrr)}</td>
                <td>{fmtShare(r.shareOfLostMrr, i18n.language)}</td>
                <td>{r.mentionedCompanies}</td>
                <td className="prevention">{r.prevention}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

function QuotesPanel({ row, studyId, onClose }: { row: Row; studyId: string | null; onClose: () => void }) {
  const { t } = useTranslation()
  const quotes = useApi('churn:quotes', { tagId: row.tagId, studyId })
  const heading = useRef<HTMLHeadingElement>(null)
  const name = `${row.code ?? ''} ${row.name}`.trim()
  // Opening a reason moves focus (and the view) to its quotes, which sit below a possibly long table.
  useEffect(() => {
    heading.current?.focus()
    heading.current?.scrollIntoView({ block: 'start', behavior: 'smooth' })
  }, [row.tagId])
  return (
    <section className="card quotes" aria-labelledby="quotes-h">
      <header className="section-header">
        <h2 id="quotes-h" ref={heading} tabIndex={-1}>
          {t('churn.quotesFor', { name })}
        </h2>
        <div className="actions">
          <CreateInsightButton
            label={t('insights.create.button')}
            ariaLabel={t('insights.create.forChurnReason', { name })}
            from={{ kind: 'tag', tagId: row.tagId }}
            description={t('insights.create.churnReason', { name })}
            studyId={studyId}
          />
          <button type="button" className="secondary" onClick={onClose}>
            {t('churn.close')}
          </button>
        </div>
      </header>
      {row.prevention && (
        <p className="goal">
          <strong>{t('churn.prevention')}:</strong> {row.prevention}
        </p>
      )}
      <ErrorNote error={quotes.error} />
      {quotes.data?.length === 0 && <p className="hint">{t('churn.noQuotes')}</p>}
      <ul className="quote-list">
        {quotes.data?.map((q) => (
          <li key={q.highlightId ?? q.surveyResponseId}>
            <blockquote>{q.quote}</blockquote>
            <div className="item-meta">
              {[q.companyName, q.participantName].filter(Boolean).join(' · ')}
              {q.interviewId ? (
                <>
                  {' · '}
                  <a href={evidenceHref({ ...q, interviewId: q.interviewId })}>
                    {q.interviewTitle || t('common.openInterview')}
                  </a>
                </>
              ) : (
                <>
                  {' · '}
                  {/* The company page lists its survey answers, where the comment can be tagged. */}
                  <a href={routeHref({ name: 'companies', id: q.companyId })}>{t('churn.fromSurvey')}</a>
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
