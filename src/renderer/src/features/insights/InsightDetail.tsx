import type { JSONContent } from '@tiptap/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { INSIGHT_STATUSES, type InsightStatus } from '../../../../shared/domain/insight'
import type { Insight } from '../../../../shared/ipc/contracts/insights'
import { navigate } from '../../app/router'
import { ConfirmDelete } from '../../components/ConfirmDelete'
import { ErrorNote } from '../../components/ErrorNote'
import { StatementEditor } from '../../editor/StatementEditor'
import { fmtDateTime } from '../../lib/format'
import { useApi, useApiMutation } from '../../lib/queries'
import { CommitField } from '../boards/CardInspector'
import { ConfidencePanel } from './ConfidenceBadge'
import { InsightEvidence } from './InsightEvidence'
import { useStatementAutosave } from './useStatementAutosave'

/** One insight: its statement (saved as typed), status, owner, tags, confidence with reasons, and quotes. */
export function InsightDetail({ id }: { id: string }) {
  const { t } = useTranslation()
  const insight = useApi('insights:get', { id })
  const update = useApiMutation('insights:update')
  const [deleting, setDeleting] = useState(false)
  const studies = useApi('studies:list')
  const studyName = studies.data?.find((s) => s.id === insight.data?.studyId)?.name
  if (insight.error) return <ErrorNote error={insight.error} />
  const data = insight.data
  if (!data) return <p>{t('common.loading')}</p>
  return (
    <article className="insight-detail" aria-labelledby="insight-h">
      <header className="detail-header">
        <div>
          <h2 id="insight-h">{t('insights.detail.heading')}</h2>
          <p className="item-meta">
            {studyName ?? t('insights.detail.across')} ·{' '}
            {t('insights.detail.updated', { date: fmtDateTime(data.updatedAt) })}
          </p>
        </div>
        <div className="actions">
          <button type="button" className="danger secondary" onClick={() => setDeleting(true)}>
            {t('insights.detail.delete')}
          </button>
        </div>
      </header>
      {/* A new key per insight: the editor owns its text once loaded, and a refetch must not reset it. */}
      <Statement key={data.id} insight={data} />
      <div className="row insight-fields">
        <label>
          {t('insights.detail.status')}
          <select
            value={data.status}
            disabled={update.isPending}
            onChange={(e) => update.mutate({ id, status: e.target.value as InsightStatus })}
          >
            {INSIGHT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`insights.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <CommitField
          label={t('insights.detail.owner')}
          value={data.owner}
          onCommit={(owner) => update.mutate({ id, owner })}
        />
      </div>
      <InsightTags insight={data} onChange={(tagIds) => update.mutate({ id, tagIds })} />
      <ErrorNote error={update.error} />
      <ConfidencePanel confidence={data.confidence} />
      <InsightEvidence insight={data} />
      {deleting && <DeleteInsight insight={data} onClose={() => setDeleting(false)} />}
    </article>
  )
}

function Statement({ insight }: { insight: Insight }) {
  const { t } = useTranslation()
  const { save, status } = useStatementAutosave(insight.id)
  const message = status.error instanceof Error ? status.error.message : String(status.error ?? '')
  return (
    <section className="insight-statement" aria-labelledby="statement-h">
      <header className="pane-header">
        <h3 id="statement-h">{t('insights.detail.statement')}</h3>
        <p className={`save-state save-${status.state}`} role="status" data-testid="insight-save-state">
          {status.state === 'saved'
            ? t('insights.detail.saved')
            : status.state === 'error' || status.state === 'refused'
              ? t('insights.detail.notSaved', { message })
              : t('insights.detail.saving')}
        </p>
      </header>
      <StatementEditor
        initial={insight.statement as JSONContent}
        initialText={insight.statementText}
        label={t('insights.detail.statement')}
        onChange={save}
      />
      <p className="hint">{t('insights.detail.statementHelp')}</p>
    </section>
  )
}

/** The codebook tags the insight is filed under: chips to remove, a list to add from. */
function InsightTags({ insight, onChange }: { insight: Insight; onChange: (tagIds: string[]) => void }) {
  const { t } = useTranslation()
  const tags = useApi('tags:list')
  const byId = new Map((tags.data ?? []).map((x) => [x.id, x]))
  const name = (x: { name: string; code: string | null }) => (x.code ? `${x.code} ${x.name}` : x.name)
  return (
    <fieldset className="insight-tags">
      <legend>{t('insights.detail.tags')}</legend>
      {insight.tagIds.length === 0 && <p className="hint">{t('insights.detail.noTags')}</p>}
      <ul className="tag-chips">
        {insight.tagIds.map((tagId) => {
          const tag = byId.get(tagId)
          return (
            <li key={tagId} className="tag-chip">
              <span className="tag-dot" style={{ background: tag?.color }} aria-hidden="true" />
              {tag ? name(tag) : tagId}
              <button
                type="button"
                className="icon"
                aria-label={t('insights.detail.removeTag', { name: tag ? name(tag) : tagId })}
                onClick={() => onChange(insight.tagIds.filter((x) => x !== tagId))}
              >
                ×
              </button>
            </li>
          )
        })}
      </ul>
      <select
        value=""
        aria-label={t('insights.detail.addTag')}
        onChange={(e) => e.target.value && onChange([...insight.tagIds, e.target.value])}
      >
        <option value="">{t('insights.detail.addTag')}</option>
        {tags.data
          ?.filter((x) => !insight.tagIds.includes(x.id))
          .map((x) => (
            <option key={x.id} value={x.id}>
              {name(x)}
            </option>
          ))}
      </select>
    </fieldset>
  )
}

function DeleteInsight({ insight, onClose }: { insight: Insight; onClose: () => void }) {
  const { t } = useTranslation()
  const remove = useApiMutation('insights:delete')
  return (
    <ConfirmDelete
      title={t('insights.detail.deleteTitle')}
      impact={
        <>
          <li>“{insight.statementText}”</li>
          {insight.evidence.length > 0 && (
            <li>{t('insights.detail.deleteQuotes', { count: insight.evidence.length })}</li>
          )}
          <li>{t('insights.detail.deleteReports')}</li>
        </>
      }
      confirmLabel={t('insights.detail.deleteConfirm')}
      pending={remove.isPending}
      error={remove.error}
      onCancel={onClose}
      onConfirm={() =>
        remove.mutate({ id: insight.id }, { onSuccess: () => (onClose(), navigate({ name: 'insights' })) })
      }
    />
  )
}
