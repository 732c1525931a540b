import { useTranslation } from 'react-i18next'
import type { InterviewDetail } from '../../../../shared/domain/interview'
import { navigate, routeHref } from '../../app/router'
import { DeleteButton } from '../../components/DeleteButton'
import { fmtElapsed } from '../../lib/format'
import type { SaveState } from '../../lib/autosave'

interface Props {
  interview: InterviewDetail
  elapsedMs: number
  timer: { toggle: () => void; finish: () => Promise<void>; reopen: () => void }
  onEditDetails: () => void
  saveStatus: SaveState
  /** The one-line summary of every save on the screen. */
  saveText: string
}

/** The runner's header: who and what is interviewed, the clock and its controls, and the save state. */
export function RunnerHeader({ interview, elapsedMs, timer, onEditDetails, saveStatus, saveText }: Props) {
  const { t } = useTranslation()
  const overtime = elapsedMs > interview.plannedMinutes * 60_000
  return (
    <header className="runner-header">
      <div>
        <a href={routeHref({ name: 'studies', id: interview.studyId })} className="back-link">
          ← {interview.studyName}
        </a>
        <h1>{interview.title || interview.participantName || t('interviews.untitled')}</h1>
        <p className="item-meta">
          {[
            interview.title ? interview.participantName : null,
            interview.companyName,
            interview.scriptName,
            interview.interviewer ? t('interviews.by', { name: interview.interviewer }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      </div>
      <div className="runner-controls">
        <output
          className={`timer ${overtime ? 'over' : ''}`}
          aria-label={t('interviews.elapsed')}
          data-testid="timer"
        >
          {fmtElapsed(elapsedMs)}
        </output>
        <span className="hint">{t('interviews.planned', { minutes: interview.plannedMinutes })}</span>
        {interview.status !== 'done' && (
          <button type="button" onClick={timer.toggle} aria-keyshortcuts="Alt+T">
            {interview.timerRunning
              ? t('interviews.pause')
              : interview.elapsedMs > 0
                ? t('interviews.resume')
                : t('interviews.start')}
          </button>
        )}
        {interview.status !== 'done' ? (
          <button type="button" className="secondary" onClick={() => void timer.finish()}>
            {t('interviews.finish')}
          </button>
        ) : (
          <button type="button" className="secondary" onClick={timer.reopen}>
            {t('interviews.reopen')}
          </button>
        )}
        <button type="button" className="secondary" onClick={onEditDetails}>
          {t('interviews.details')}
        </button>
        <DeleteButton
          domain="interviews"
          id={interview.id}
          onDeleted={() => navigate({ name: 'studies', id: interview.studyId })}
        />
        <span
          className={`save-state save-${saveStatus}`}
          role="status"
          aria-live="polite"
          data-testid="save-state"
        >
          {saveText}
        </span>
      </div>
    </header>
  )
}
