import type { JSONContent } from '@tiptap/react'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { INSIGHT_STATUSES, type InsightStatus } from '../../../../shared/domain/insight'
import type { Insight, InsightSource } from '../../../../shared/ipc/contracts/insights'
import { navigate } from '../../app/router'
import { FormActions } from '../../components/FormActions'
import { Modal } from '../../components/Modal'
import { StatementEditor } from '../../editor/StatementEditor'
import { flushAllQueues } from '../../lib/autosave'
import { useApi, useApiMutation } from '../../lib/queries'
import { confidenceText } from './confidence-text'
import './insights.css'

export interface NewInsightProps {
  /** Where the new insight's quotes come from. */
  from: InsightSource
  /** That source in a few words ("4 quotes chosen", "Churn reason PRC-01 Too expensive"). */
  description: string
  /** The study chosen at first (null: across studies). */
  studyId: string | null
  onClose: () => void
  /** After the insight is made; by default the dialog then offers to open it. */
  onCreated?: (insight: Insight) => void
  /** Open the new insight at once instead of offering to (the Insights screen itself). */
  openAtOnce?: boolean
}

/** Writes a new insight from a source of quotes: its statement, study, status and owner. */
export function NewInsightDialog({
  from,
  description,
  studyId,
  onClose,
  onCreated,
  openAtOnce,
}: NewInsightProps) {
  const { t } = useTranslation()
  const studies = useApi('studies:list')
  const create = useApiMutation('insights:create')
  const [statement, setStatement] = useState<{ doc: JSONContent; text: string } | null>(null)
  const [study, setStudy] = useState(studyId ?? '')
  const [status, setStatus] = useState<InsightStatus>('draft')
  const [owner, setOwner] = useState('')
  const [created, setCreated] = useState<Insight | null>(null)
  const onChange = useCallback((doc: JSONContent, text: string) => setStatement({ doc, text }), [])
  const open = (insight: Insight) => (onClose(), navigate({ name: 'insights', id: insight.id }))

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!statement) return
    // A board card is read from the library: the card's latest edit must be saved there first.
    if (from.kind === 'card') await flushAllQueues()
    create.mutate(
      {
        studyId: study || null,
        statement: { ...statement.doc, type: 'doc' },
        status,
        owner,
        tagIds: [],
        from,
      },
      {
        onSuccess: (insight) => {
          onCreated?.(insight)
          if (openAtOnce) open(insight)
          else setCreated(insight)
        },
      },
    )
  }

  if (created)
    return (
      <Modal title={t('insights.create.title')} onClose={onClose}>
        <p role="status">
          {t('insights.create.created', {
            confidence: confidenceText(t, created.confidence),
            quotes: t('common.quotes', { count: created.evidence.length }),
          })}
        </p>
        <blockquote className="insight-created">{created.statementText}</blockquote>
        <div className="actions">
          <button type="button" className="secondary" onClick={onClose}>
            {t('insights.create.close')}
          </button>
          <button type="button" onClick={() => open(created)} autoFocus>
            {t('insights.create.open')}
          </button>
        </div>
      </Modal>
    )

  return (
    <Modal title={t('insights.create.title')} onClose={onClose} wide>
      <form className="form new-insight" onSubmit={(e) => void submit(e)}>
        <p className="insight-source">{t('insights.create.from', { description })}</p>
        <StatementEditor
          initial={null}
          label={t('insights.detail.statement')}
          onChange={onChange}
          autoFocus
        />
        <p className="hint">{t('insights.create.statementHelp')}</p>
        <div className="row">
          <label>
            {t('insights.create.study')}
            <select value={study} onChange={(e) => setStudy(e.target.value)}>
              <option value="">{t('insights.create.acrossStudies')}</option>
              {studies.data?.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('insights.detail.status')}
            <select value={status} onChange={(e) => setStatus(e.target.value as InsightStatus)}>
              {INSIGHT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`insights.status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('insights.detail.owner')}
            <input value={owner} maxLength={200} onChange={(e) => setOwner(e.target.value)} />
          </label>
        </div>
        {from.kind === 'tag' && <p className="hint">{t('insights.create.studyHelp')}</p>}
        <FormActions
          write={create}
          submitLabel={t('insights.create.submit')}
          onCancel={onClose}
          disabled={!statement?.text.trim()}
        />
      </form>
    </Modal>
  )
}
