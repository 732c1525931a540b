import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { RunnerQuestion } from './useQuestionNavigation'

export type RunnerTab = 'notes' | 'transcript'

/** Notes of the question on screen, or the interview's transcripts. */
export function RunnerTabs({ tab, onChange }: { tab: RunnerTab; onChange: (tab: RunnerTab) => void }) {
  const { t } = useTranslation()
  return (
    <div role="tablist" aria-label={t('highlights.tabs.label')} className="runner-tabs">
      {(['notes', 'transcript'] as const).map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          id={`runner-tab-${name}`}
          aria-selected={tab === name}
          aria-controls={`runner-panel-${name}`}
          onClick={() => onChange(name)}
        >
          {t(`highlights.tabs.${name}`)}
        </button>
      ))}
    </div>
  )
}

interface Props {
  question: RunnerQuestion
  /** 0-based place of the question in the script. */
  index: number
  total: number
  /** 1-based number of the question's section. */
  sectionNumber: number
  onGo: (index: number) => void
  /** What is asked and noted for the question: ratings, the notes editor, its highlights. */
  children: ReactNode
}

/** The notes tab: the question with its section, guidance and probes, what is noted for it, and the way on. */
export function QuestionPane({ question, index, total, sectionNumber, onGo, children }: Props) {
  const { t } = useTranslation()
  const { section } = question
  return (
    <div role="tabpanel" id="runner-panel-notes" aria-labelledby="runner-tab-notes" className="notes-panel">
      <p className="item-meta">
        {t('interviews.sectionOf', { n: sectionNumber, title: section.title })}
        {section.jtbdPhase && <span className="badge">{t(`jtbdPhase.${section.jtbdPhase}`)}</span>}
        {section.journeyStage && <span className="badge">{t(`journeyStage.${section.journeyStage}`)}</span>}
      </p>
      <h2 id="current-question">
        <span className="q-num">{t('interviews.questionOf', { n: index + 1, total })}</span> {question.text}
      </h2>
      {section.guidance && <p className="guidance">{section.guidance}</p>}
      {question.probes.length > 0 && (
        <div className="probes">
          <h3>{t('interviews.probes')}</h3>
          <ul>
            {question.probes.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {children}
      <div className="question-nav">
        <button
          type="button"
          className="secondary"
          disabled={index === 0}
          onClick={() => onGo(index - 1)}
          aria-keyshortcuts="Alt+ArrowUp"
        >
          ↑ {t('interviews.previous')}
        </button>
        <span className="hint">{t('interviews.keysHint')}</span>
        <button
          type="button"
          disabled={index === total - 1}
          onClick={() => onGo(index + 1)}
          aria-keyshortcuts="Alt+ArrowDown"
        >
          {t('interviews.next')} ↓
        </button>
      </div>
    </div>
  )
}
