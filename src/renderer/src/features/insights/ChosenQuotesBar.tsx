import { useTranslation } from 'react-i18next'
import type { EvidenceRow } from '../../../../shared/ipc/contracts/evidence'
import { CreateInsightButton } from './CreateInsightButton'

/**
 * The quotes chosen in the evidence list and the insight they can become. The insight's study is the one
 * the list is filtered to, else the study all the chosen quotes come from, else none (across studies).
 */
export function ChosenQuotesBar({
  chosen,
  studyId,
  onClear,
}: {
  chosen: readonly EvidenceRow[]
  studyId: string | undefined
  onClear: () => void
}) {
  const { t } = useTranslation()
  if (chosen.length === 0)
    return <p className="hint evidence-choice-hint">{t('insights.create.chooseHint')}</p>
  const studies = new Set(chosen.map((r) => r.studyId))
  const study = studyId ?? (studies.size === 1 ? (chosen[0]?.studyId ?? null) : null)
  const count = chosen.length
  return (
    <div className="evidence-choice" role="region" aria-label={t('insights.create.chosen', { count })}>
      <strong>{t('insights.create.chosen', { count })}</strong>
      <CreateInsightButton
        className=""
        label={t('insights.create.fromQuotes', { count })}
        from={{ kind: 'highlights', highlightIds: chosen.map((r) => r.highlightId) }}
        description={t('insights.create.chosen', { count })}
        studyId={study}
        onDone={onClear}
      />
      <button type="button" className="secondary" onClick={onClear}>
        {t('insights.create.clear')}
      </button>
    </div>
  )
}
