import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { Tag } from '../../../../shared/domain/tag'
import { treeOrder } from '../../../../shared/rollups/tree'
import { ErrorNote } from '../../components/ErrorNote'
import { useApi, useApiMutation } from '../../lib/queries'

const label = (t: { name: string; code: string | null }) => (t.code ? `${t.code} ${t.name}` : t.name)

/**
 * An exit interview's primary churn reason, set where the interview is read. Unset, the roll-up uses the
 * reason with the most quotes; the other coded reasons count as secondary.
 */
export function ChurnReasonPanel({ interviewId, tags }: { interviewId: string; tags: readonly Tag[] }) {
  const { t } = useTranslation()
  const headingId = useId()
  const reasons = useApi('churn:forInterview', { interviewId })
  const setPrimary = useApiMutation('churn:setPrimary')
  const data = reasons.data
  if (!data?.exit) return null

  // Categories as option groups with their reasons under them, in the codebook's order.
  const groups: { root: Tag; members: Tag[] }[] = []
  for (const { tag, depth } of treeOrder(tags.filter((x) => x.kind === 'churn_reason'))) {
    if (depth === 0) groups.push({ root: tag, members: [tag] })
    else groups.at(-1)?.members.push(tag)
  }
  const suggested = data.coded.find((c) => c.tagId === data.suggestedTagId)
  const primaryId = data.primaryTagId ?? data.suggestedTagId

  return (
    <section aria-labelledby={headingId} className="churn-reason-panel">
      <h2 id={headingId}>{t('churn.churnPanel.title')}</h2>
      <label>
        {t('churn.churnPanel.primary')}
        <select
          value={data.primaryTagId ?? ''}
          disabled={setPrimary.isPending}
          onChange={(e) => setPrimary.mutate({ interviewId, tagId: e.target.value || null })}
        >
          <option value="">
            {suggested
              ? t('churn.churnPanel.fromQuotes', { reason: label(suggested) })
              : t('churn.churnPanel.notCoded')}
          </option>
          {groups.map(({ root, members }) => (
            <optgroup key={root.id} label={label(root)}>
              {members.map((tag) => (
                <option key={tag.id} value={tag.id}>
                  {label(tag)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <ErrorNote error={reasons.error ?? setPrimary.error} />
      {data.coded.length > 0 ? (
        <ul className="coded-reasons" aria-label={t('churn.churnPanel.coded')}>
          {data.coded.map((c) => (
            <li key={c.tagId}>
              {label(c)} · {t('common.quotes', { count: c.highlights })}
              {c.tagId === primaryId
                ? ` · ${t('churn.churnPanel.isPrimary')}`
                : ` · ${t('churn.churnPanel.isSecondary')}`}
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t('churn.churnPanel.howTo')}</p>
      )}
    </section>
  )
}
