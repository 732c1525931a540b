import type { JSONContent } from '@tiptap/react'
import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Interview, InterviewDetail, Note } from '../../../../shared/domain/interview'
import { ErrorNote } from '../../components/ErrorNote'
import { NotesEditor } from '../../editor/NotesEditor'
import { call } from '../../lib/api'
import { fmtElapsed } from '../../lib/format'
import { useApi, useApiMutation } from '../../lib/queries'
import { navigate, routeHref } from '../../app/router'
import { DeleteButton } from '../../components/DeleteButton'
import { InterviewDetailsForm } from './InterviewDetailsForm'
import { RatingsPanel } from './RatingsPanel'
import { useAutosaveQueue } from './useAutosaveQueue'
import { useInterviewClock } from './useInterviewClock'

export function InterviewRunner({ id }: { id: string }) {
  const { t } = useTranslation()
  const detail = useApi('interviews:get', { id })
  const notes = useApi('notes:list', { interviewId: id })
  if (detail.error || notes.error) return <ErrorNote error={detail.error ?? notes.error} />
  if (!detail.data || !notes.data) return <p>{t('common.loading')}</p>
  return <Runner key={id} interview={detail.data} initialNotes={notes.data} />
}

function Runner({ interview, initialNotes }: { interview: InterviewDetail; initialNotes: Note[] }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const { queue, status } = useAutosaveQueue()
  const { elapsedMs, getElapsedMs, running } = useInterviewClock(interview)
  const timer = useApiMutation('interviews:timer', ['studies', 'companies'])
  const questions = useMemo(
    () => interview.script.sections.flatMap((s) => s.questions.map((q) => ({ ...q, section: s }))),
    [interview.script],
  )
  // The editor's latest content per question, so switching back shows what was typed even before it saved.
  const [docs] = useState(() => new Map<string, { doc: JSONContent; text: string }>(initialNotes.map((n) => [n.questionId, { doc: n.doc as JSONContent, text: n.plainText }])))
  const [noted, setNoted] = useState(() => new Set(initialNotes.filter((n) => n.plainText.trim()).map((n) => n.questionId)))
  const startIndex = Math.max(0, questions.findIndex((q) => q.id === interview.currentQuestionId))
  const [index, setIndex] = useState(startIndex)
  const [editing, setEditing] = useState(false)
  const current = questions[index]

  const setInterview = useCallback(
    (iv: Interview) => qc.setQueryData(['interviews:get', { id: interview.id }], (old: InterviewDetail | undefined) => (old ? { ...old, ...iv } : old)),
    [qc, interview.id],
  )

  const goTo = useCallback(
    (next: number) => {
      const q = questions[next]
      if (!q || next === index) return
      void queue.flush() // switching question writes the notes just typed
      setIndex(next)
      queue.schedule('current-question', (opts) => call('interviews:update', { id: interview.id, currentQuestionId: q.id }, opts))
    },
    [questions, index, queue, interview.id],
  )

  const toggleTimer = () => {
    if (interview.status === 'done') return
    timer.mutate({ id: interview.id, action: interview.timerRunning ? 'pause' : 'start' }, { onSuccess: setInterview })
  }

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return
      const step = e.key === 'ArrowDown' || e.key === 'PageDown' ? 1 : e.key === 'ArrowUp' || e.key === 'PageUp' ? -1 : 0
      if (step !== 0) {
        e.preventDefault()
        goTo(index + step)
      } else if (e.code === 'KeyT') {
        e.preventDefault()
        toggleTimer()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })
  const finish = async () => {
    await queue.flush()
    timer.mutate({ id: interview.id, action: 'finish' }, { onSuccess: setInterview })
  }

  const onNotesChange = useCallback(
    (doc: JSONContent, text: string) => {
      if (!current) return
      const questionId = current.id
      docs.set(questionId, { doc, text })
      setNoted((prev) => {
        const has = prev.has(questionId)
        const should = text.trim() !== ''
        if (has === should) return prev
        const next = new Set(prev)
        if (should) next.add(questionId)
        else next.delete(questionId)
        return next
      })
      queue.schedule(`note:${questionId}`, (opts) =>
        call('notes:save', { interviewId: interview.id, questionId, doc: doc as { type: 'doc' }, plainText: text, elapsedMs: Math.round(getElapsedMs()) }, opts),
      )
    },
    [current, queue, interview.id, getElapsedMs, docs],
  )

  const getStamp = useCallback(() => {
    const ms = getElapsedMs()
    return running || ms > 0 ? Math.round(ms) : null
  }, [getElapsedMs, running])

  if (!current) return <ErrorNote error={new Error(t('runner.noQuestions'))} />
  const sectionNumber = interview.script.sections.indexOf(current.section) + 1
  const overtime = elapsedMs > interview.plannedMinutes * 60_000

  return (
    <div className="runner">
      <header className="runner-header">
        <div>
          <a href={routeHref({ name: 'studies', id: interview.studyId })} className="back-link">
            ← {interview.studyName}
          </a>
          <h1>{interview.title || interview.participantName || t('interviews.untitled')}</h1>
          <p className="item-meta">
            {[interview.title ? interview.participantName : null, interview.companyName, interview.scriptName, interview.interviewer ? t('runner.by', { name: interview.interviewer }) : null]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </div>
        <div className="runner-controls">
          <output className={`timer ${overtime ? 'over' : ''}`} aria-label={t('runner.elapsed')} data-testid="timer">
            {fmtElapsed(elapsedMs)}
          </output>
          <span className="hint">{t('runner.planned', { minutes: interview.plannedMinutes })}</span>
          {interview.status !== 'done' && (
            <button type="button" onClick={toggleTimer} aria-keyshortcuts="Alt+T">
              {interview.timerRunning ? t('runner.pause') : interview.elapsedMs > 0 ? t('runner.resume') : t('runner.start')}
            </button>
          )}
          {interview.status !== 'done' ? (
            <button type="button" className="secondary" onClick={() => void finish()}>
              {t('runner.finish')}
            </button>
          ) : (
            <button type="button" className="secondary" onClick={() => timer.mutate({ id: interview.id, action: 'reopen' }, { onSuccess: setInterview })}>
              {t('runner.reopen')}
            </button>
          )}
          <button type="button" className="secondary" onClick={() => setEditing(true)}>
            {t('interviews.details')}
          </button>
          <DeleteButton domain="interviews" id={interview.id} onDeleted={() => navigate({ name: 'studies', id: interview.studyId })} />
          <span className={`save-state save-${status}`} role="status" aria-live="polite" data-testid="save-state">
            {t(`runner.save.${status}`)}
          </span>
        </div>
      </header>
      <ErrorNote error={timer.error} />
      <div className="runner-body">
        <nav className="outline" aria-label={t('runner.outline')}>
          {interview.script.sections.map((s) => (
            <div key={s.id} className="outline-section">
              <h2>{s.title}</h2>
              <ol>
                {s.questions.map((q) => {
                  const i = questions.findIndex((x) => x.id === q.id)
                  return (
                    <li key={q.id}>
                      <button type="button" aria-current={i === index ? 'step' : undefined} className={noted.has(q.id) ? 'noted' : ''} onClick={() => goTo(i)}>
                        <span className="q-num">{i + 1}.</span> {q.text}
                        {noted.has(q.id) && <span className="visually-hidden"> ({t('runner.hasNotes')})</span>}
                      </button>
                    </li>
                  )
                })}
              </ol>
            </div>
          ))}
        </nav>
        <section className="question-pane" aria-labelledby="current-question">
          <p className="item-meta">
            {t('runner.sectionOf', { n: sectionNumber, title: current.section.title })}
            {current.section.jtbdPhase && <span className="badge">{t(`jtbdPhase.${current.section.jtbdPhase}`)}</span>}
            {current.section.journeyStage && <span className="badge">{t(`journeyStage.${current.section.journeyStage}`)}</span>}
          </p>
          <h2 id="current-question">
            <span className="q-num">{t('runner.questionOf', { n: index + 1, total: questions.length })}</span> {current.text}
          </h2>
          {current.section.guidance && <p className="guidance">{current.section.guidance}</p>}
          {current.probes.length > 0 && (
            <div className="probes">
              <h3>{t('runner.probes')}</h3>
              <ul>
                {current.probes.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          )}
          {current.capture !== 'none' && <RatingsPanel interview={interview} queue={queue} onSaved={setInterview} only={current.capture} />}
          <NotesEditor
            key={current.id}
            initial={docs.get(current.id)?.doc ?? null}
            label={t('runner.notesFor', { question: current.text })}
            getElapsedMs={getStamp}
            onChange={onNotesChange}
          />
          <div className="question-nav">
            <button type="button" className="secondary" disabled={index === 0} onClick={() => goTo(index - 1)} aria-keyshortcuts="Alt+ArrowUp">
              ↑ {t('runner.previous')}
            </button>
            <span className="hint">{t('runner.keysHint')}</span>
            <button type="button" disabled={index === questions.length - 1} onClick={() => goTo(index + 1)} aria-keyshortcuts="Alt+ArrowDown">
              {t('runner.next')} ↓
            </button>
          </div>
        </section>
        <aside className="side-pane">
          <RatingsPanel interview={interview} queue={queue} onSaved={setInterview} />
        </aside>
      </div>
      {editing && <InterviewDetailsForm interview={interview} onClose={() => setEditing(false)} onSaved={(iv) => (setInterview(iv), setEditing(false))} />}
    </div>
  )
}
