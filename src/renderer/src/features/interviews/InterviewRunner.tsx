import type { Editor } from '@tiptap/core'
import type { JSONContent } from '@tiptap/react'
import { getTextBetween, getTextSerializersFromSchema } from '@tiptap/core'
import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Interview, InterviewDetail, Note } from '../../../../shared/domain/interview'
import { ErrorNote } from '../../components/ErrorNote'
import { NotesEditor } from '../../editor/NotesEditor'
import type { NoteSnapshot } from '../../editor/note-snapshot'
import { lastPastedRange, type PastedRange } from '../../editor/paste-range'
import { ApiError, call } from '../../lib/api'
import { MAX_NOTE_TEXT_CHARS, noteSizeMessage, noteSizeProblem } from '../../../../shared/notes/limits'
import { fmtElapsed } from '../../lib/format'
import { useApi, useApiMutation } from '../../lib/queries'
import { navigate, routeHref } from '../../app/router'
import { DeleteButton } from '../../components/DeleteButton'
import { ChurnReasonPanel } from '../churn/ChurnReasonPanel'
import { InterviewDetailsForm } from './InterviewDetailsForm'
import { RatingsPanel } from './RatingsPanel'
import { useAutosaveQueue } from './useAutosaveQueue'
import { NoteSaveStatus, noteKey, saveSummary } from '../notes/NoteSaveStatus'
import { useInterviewClock } from './useInterviewClock'
import { TagPicker } from '../../editor/TagPicker'
import { HighlightDetails } from '../highlights/HighlightDetails'
import { HighlightList } from '../highlights/HighlightList'
import { newHighlightId, useTagging } from '../highlights/useTagging'
import { withoutHighlight } from '../highlights/strip-highlight'
import { TranscriptPane } from '../transcripts/TranscriptPane'
import type { TranscriptTarget } from '../../app/router'

/** A question's notes as the runner keeps them: a live editor snapshot, or the note as loaded. */
interface NoteSource {
  readonly doc: JSONContent
  readonly plainText: string
  readonly hasText: boolean
  readonly pasted?: PastedRange | null
}

/** The outline's mark for a question: unsaved or refused text first, "has notes" only for saved notes. */
function outlineMark(
  state: string | undefined,
  savedWithText: boolean,
): 'refused' | 'unsaved' | 'hasNotes' | null {
  if (state === 'refused') return 'refused'
  if (state === 'pending' || state === 'saving' || state === 'error') return 'unsaved'
  return savedWithText ? 'hasNotes' : null
}

/** The runner for one interview; an evidence or search link opens it at a question or a transcript paragraph. */
export function InterviewRunner({
  id,
  questionId,
  transcript,
}: {
  id: string
  questionId?: string
  transcript?: TranscriptTarget
}) {
  const { t } = useTranslation()
  const detail = useApi('interviews:get', { id })
  const notes = useApi('notes:list', { interviewId: id })
  if (detail.error || notes.error) return <ErrorNote error={detail.error ?? notes.error} />
  if (!detail.data || !notes.data) return <p>{t('common.loading')}</p>
  return (
    <Runner
      key={`${id}/${questionId ?? ''}/${transcript ? `${transcript.id}/${transcript.paragraph}` : ''}`}
      interview={detail.data}
      initialNotes={notes.data}
      questionId={questionId}
      transcript={transcript}
    />
  )
}

function Runner({
  interview,
  initialNotes,
  questionId,
  transcript,
}: {
  interview: InterviewDetail
  initialNotes: Note[]
  questionId?: string
  transcript?: TranscriptTarget
}) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const { queue, status, keys } = useAutosaveQueue()
  const { elapsedMs, getElapsedMs, running } = useInterviewClock(interview)
  const timer = useApiMutation('interviews:timer', ['studies', 'companies'])
  const questions = useMemo(
    () => interview.script.sections.flatMap((s) => s.questions.map((q) => ({ ...q, section: s }))),
    [interview.script],
  )
  // The editor's latest content per question, so switching back shows what was typed even before it saved.
  const [docs] = useState(
    () =>
      new Map<string, NoteSource>(
        initialNotes.map((n) => [
          n.questionId,
          { doc: n.doc as JSONContent, plainText: n.plainText, hasText: n.plainText.trim() !== '' },
        ]),
      ),
  )
  // Questions whose notes in the library have text: the outline's "has notes" mark is for saved notes only.
  const [noted, setNoted] = useState(
    () => new Set(initialNotes.filter((n) => n.plainText.trim()).map((n) => n.questionId)),
  )
  const questionNumber = useCallback(
    (questionId: string) => {
      const i = questions.findIndex((q) => q.id === questionId)
      return i < 0 ? undefined : i + 1
    },
    [questions],
  )
  const startIndex = Math.max(
    0,
    questions.findIndex((q) => q.id === (questionId ?? interview.currentQuestionId)),
  )
  const [index, setIndex] = useState(startIndex)
  const [editing, setEditing] = useState(false)
  const current = questions[index]
  const tagging = useTagging(interview.id)
  const [tab, setTab] = useState<'notes' | 'transcript'>(transcript ? 'transcript' : 'notes')
  const [activeHighlights, setActiveHighlights] = useState<string[] | null>(null)
  const [picking, setPicking] = useState<{ from: number; to: number } | null>(null)
  const [tagHint, setTagHint] = useState<string | null>(null)
  const editorRef = useRef<Editor | null>(null)
  const onEditor = useCallback((e: Editor | null) => void (editorRef.current = e), [])
  const defaultKind =
    interview.method === 'exit' ? 'churn_reason' : interview.method === 'jtbd_switch' ? 'jtbd_force' : 'theme'

  const setInterview = useCallback(
    (iv: Interview) =>
      qc.setQueryData(['interviews:get', { id: interview.id }], (old: InterviewDetail | undefined) =>
        old ? { ...old, ...iv } : old,
      ),
    [qc, interview.id],
  )

  const goTo = useCallback(
    (next: number) => {
      const q = questions[next]
      if (!q || next === index) return
      void queue.flush() // switching question writes the notes just typed
      setIndex(next)
      queue.schedule('current-question', (opts) =>
        call('interviews:update', { id: interview.id, currentQuestionId: q.id }, opts),
      )
    },
    [questions, index, queue, interview.id],
  )

  const toggleTimer = () => {
    if (interview.status === 'done') return
    timer.mutate(
      { id: interview.id, action: interview.timerRunning ? 'pause' : 'start' },
      { onSuccess: setInterview },
    )
  }

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return
      const step =
        e.key === 'ArrowDown' || e.key === 'PageDown' ? 1 : e.key === 'ArrowUp' || e.key === 'PageUp' ? -1 : 0
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

  /**
   * Schedules the write of one question's notes. The note is serialised when the write runs (not per
   * keystroke) and checked against the library's limit first: a note the library would refuse is refused
   * here, without sending megabytes, and the queue does not retry it.
   */
  const scheduleNote = useCallback(
    (questionId: string, note: NoteSource, elapsedMs: () => number | null) => {
      queue.schedule(noteKey(questionId), async (opts) => {
        const plainText = note.plainText
        const doc = note.doc
        const problem = noteSizeProblem(
          plainText.length,
          plainText.length > MAX_NOTE_TEXT_CHARS ? 0 : JSON.stringify(doc).length,
        )
        if (problem)
          throw new ApiError({
            code: 'TOO_LARGE',
            message: noteSizeMessage(problem),
            params: { what: problem.what, limit: String(problem.limit), size: String(problem.size) },
          })
        await call(
          'notes:save',
          {
            interviewId: interview.id,
            questionId,
            doc: doc as { type: 'doc' },
            plainText,
            elapsedMs: elapsedMs(),
          },
          opts,
        )
        const has = note.hasText
        setNoted((prev) => {
          if (prev.has(questionId) === has) return prev
          const next = new Set(prev)
          if (has) next.add(questionId)
          else next.delete(questionId)
          return next
        })
      })
    },
    [queue, interview.id],
  )

  const onNotesChange = useCallback(
    (note: NoteSnapshot) => {
      if (!current) return
      const questionId = current.id
      docs.set(questionId, note)
      // Before the clock starts there is no interview time to record yet.
      scheduleNote(questionId, note, () =>
        running || getElapsedMs() > 0 ? Math.round(getElapsedMs()) : null,
      )
      // A note that may be over the limit (an O(1) bound) is checked right away, so a refusal shows at once;
      // in the next task, so that a big paste is painted first instead of waiting for its own check.
      if (
        note.textLengthBound > MAX_NOTE_TEXT_CHARS &&
        queue.statusOf(noteKey(questionId)).state !== 'refused'
      )
        setTimeout(() => void queue.flush(), 0)
    },
    [current, queue, getElapsedMs, running, docs, scheduleNote],
  )

  /**
   * Moves the last paste (or, without one, the whole note) into a new transcript of this interview, then
   * takes it out of the note. The editor is read-only meanwhile, so what is taken out is what was imported.
   */
  const moveToTranscripts = async (): Promise<string> => {
    const editor = editorRef.current
    if (!editor || !current) throw new Error(t('runner.noQuestions'))
    const doc = editor.state.doc
    const range = lastPastedRange(editor) ?? { from: 0, to: doc.content.size }
    const text = getTextBetween(doc, range, {
      blockSeparator: '\n',
      textSerializers: getTextSerializersFromSchema(editor.schema),
    })
    const title = t('notes.movedTitle', { n: index + 1 })
    editor.setEditable(false)
    try {
      await call('transcripts:import', { interviewId: interview.id, files: [{ name: `${title}.txt`, text }] })
    } finally {
      editor.setEditable(true)
    }
    editor.chain().deleteRange(range).focus().run()
    await qc.invalidateQueries({
      predicate: (q) =>
        typeof q.queryKey[0] === 'string' && /^(transcripts|search|evidence):/.test(q.queryKey[0]),
    })
    return title
  }

  const onTagRequest = useCallback(() => {
    const editor = editorRef.current
    if (!editor || editor.state.selection.empty) {
      setTagHint(t('highlights.selectFirst'))
      return
    }
    setTagHint(null)
    setPicking({ from: editor.state.selection.from, to: editor.state.selection.to })
  }, [t])

  /** Marks the selection with a new highlight id, writes the note (so the row exists), then tags the row. */
  const tagNoteSelection = async (tagId: string, range: { from: number; to: number }) => {
    const editor = editorRef.current
    if (!editor) return
    const id = newHighlightId()
    editor.chain().setTextSelection(range).addHighlight(id).run()
    await queue.flush()
    // The highlight row exists only once this note is saved.
    const saved = queue.statusOf(noteKey(current?.id ?? ''))
    if (saved.state === 'error' || saved.state === 'refused')
      throw saved.error instanceof Error ? saved.error : new Error(t('runner.save.error'))
    await call('highlights:setTags', { id, tagIds: [tagId] })
    await tagging.refresh()
    setPicking(null)
    // As after tagging a transcript: the panel shows what was just tagged, not an older highlight.
    setActiveHighlights([id])
    editor.commands.focus()
  }

  const deleteNoteHighlight = async (id: string) => {
    const h = tagging.highlightById.get(id)
    const editor = editorRef.current
    if (editor && (!h || h.questionId === current?.id)) editor.commands.removeHighlight(id)
    else if (h?.questionId) {
      // The note of another question: take the id out of its saved doc.
      const questionId = h.questionId
      const saved = docs.get(questionId)
      if (saved) {
        const note = {
          doc: withoutHighlight(saved.doc, id),
          plainText: saved.plainText,
          hasText: saved.hasText,
        }
        docs.set(questionId, note)
        scheduleNote(questionId, note, () => null)
      } else await call('highlights:delete', { id })
    }
    await queue.flush()
    setActiveHighlights((ids) => ids?.filter((x) => x !== id) ?? null)
  }

  // What the editor opens with, read once per question: reading a live snapshot's doc serialises it, which
  // on every re-render of the runner (each save state change) would cost as much as a save.
  const currentId = current?.id
  const opened = useMemo(() => {
    const note = currentId === undefined ? undefined : docs.get(currentId)
    return { doc: note?.doc ?? null, pasted: note?.pasted ?? null }
  }, [currentId, docs])

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
            {[
              interview.title ? interview.participantName : null,
              interview.companyName,
              interview.scriptName,
              interview.interviewer ? t('runner.by', { name: interview.interviewer }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </div>
        <div className="runner-controls">
          <output
            className={`timer ${overtime ? 'over' : ''}`}
            aria-label={t('runner.elapsed')}
            data-testid="timer"
          >
            {fmtElapsed(elapsedMs)}
          </output>
          <span className="hint">{t('runner.planned', { minutes: interview.plannedMinutes })}</span>
          {interview.status !== 'done' && (
            <button type="button" onClick={toggleTimer} aria-keyshortcuts="Alt+T">
              {interview.timerRunning
                ? t('runner.pause')
                : interview.elapsedMs > 0
                  ? t('runner.resume')
                  : t('runner.start')}
            </button>
          )}
          {interview.status !== 'done' ? (
            <button type="button" className="secondary" onClick={() => void finish()}>
              {t('runner.finish')}
            </button>
          ) : (
            <button
              type="button"
              className="secondary"
              onClick={() =>
                timer.mutate({ id: interview.id, action: 'reopen' }, { onSuccess: setInterview })
              }
            >
              {t('runner.reopen')}
            </button>
          )}
          <button type="button" className="secondary" onClick={() => setEditing(true)}>
            {t('interviews.details')}
          </button>
          <DeleteButton
            domain="interviews"
            id={interview.id}
            onDeleted={() => navigate({ name: 'studies', id: interview.studyId })}
          />
          <span
            className={`save-state save-${status}`}
            role="status"
            aria-live="polite"
            data-testid="save-state"
          >
            {saveSummary(t, status, keys, questionNumber)}
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
                  const mark = outlineMark(keys.get(noteKey(q.id))?.state, noted.has(q.id))
                  return (
                    <li key={q.id}>
                      <button
                        type="button"
                        aria-current={i === index ? 'step' : undefined}
                        className={mark === 'hasNotes' ? 'noted' : mark ? `notes-${mark}` : ''}
                        onClick={() => goTo(i)}
                      >
                        <span className="q-num">{i + 1}.</span> {q.text}
                        {mark && <span className="visually-hidden"> ({t(`notes.outline.${mark}`)})</span>}
                      </button>
                    </li>
                  )
                })}
              </ol>
            </div>
          ))}
        </nav>
        <section
          className="question-pane"
          aria-label={tab === 'notes' ? t('highlights.tabs.notes') : t('highlights.tabs.transcript')}
        >
          <div role="tablist" aria-label={t('highlights.tabs.label')} className="runner-tabs">
            {(['notes', 'transcript'] as const).map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                id={`runner-tab-${name}`}
                aria-selected={tab === name}
                aria-controls={`runner-panel-${name}`}
                onClick={() => setTab(name)}
              >
                {t(`highlights.tabs.${name}`)}
              </button>
            ))}
          </div>
          {tab === 'transcript' ? (
            <div role="tabpanel" id="runner-panel-transcript" aria-labelledby="runner-tab-transcript">
              <TranscriptPane
                interviewId={interview.id}
                target={transcript}
                tagging={tagging}
                defaultKind={defaultKind}
                onOpenHighlights={setActiveHighlights}
              />
            </div>
          ) : (
            <div
              role="tabpanel"
              id="runner-panel-notes"
              aria-labelledby="runner-tab-notes"
              className="notes-panel"
            >
              <p className="item-meta">
                {t('runner.sectionOf', { n: sectionNumber, title: current.section.title })}
                {current.section.jtbdPhase && (
                  <span className="badge">{t(`jtbdPhase.${current.section.jtbdPhase}`)}</span>
                )}
                {current.section.journeyStage && (
                  <span className="badge">{t(`journeyStage.${current.section.journeyStage}`)}</span>
                )}
              </p>
              <h2 id="current-question">
                <span className="q-num">
                  {t('runner.questionOf', { n: index + 1, total: questions.length })}
                </span>{' '}
                {current.text}
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
              {current.capture !== 'none' && (
                <RatingsPanel
                  interview={interview}
                  queue={queue}
                  onSaved={setInterview}
                  only={current.capture}
                />
              )}
              {/* Above the editor: a refusal stays in view however long the refused text is. */}
              <NoteSaveStatus
                key={`status-${current.id}`}
                status={keys.get(noteKey(current.id)) ?? { state: 'saved', error: null }}
                hasPaste={() => (editorRef.current ? lastPastedRange(editorRef.current) !== null : false)}
                onMove={moveToTranscripts}
                onOpenTranscripts={() => setTab('transcript')}
              />
              <NotesEditor
                key={current.id}
                initial={opened.doc}
                initialPaste={opened.pasted}
                label={t('runner.notesFor', { question: current.text })}
                getElapsedMs={getStamp}
                onChange={onNotesChange}
                onTagRequest={onTagRequest}
                onHighlightClick={setActiveHighlights}
                colorOf={tagging.colorOf}
                colorsKey={tagging.highlights}
                onEditor={onEditor}
              />
              {tagHint && (
                <p className="hint" role="status">
                  {tagHint}
                </p>
              )}
              <HighlightList
                highlights={tagging.highlights.filter(
                  (h) => h.source === 'note' && h.questionId === current.id,
                )}
                tagging={tagging}
                title={t('highlights.list.note')}
                onOpen={(hid) => setActiveHighlights([hid])}
              />
              <div className="question-nav">
                <button
                  type="button"
                  className="secondary"
                  disabled={index === 0}
                  onClick={() => goTo(index - 1)}
                  aria-keyshortcuts="Alt+ArrowUp"
                >
                  ↑ {t('runner.previous')}
                </button>
                <span className="hint">{t('runner.keysHint')}</span>
                <button
                  type="button"
                  disabled={index === questions.length - 1}
                  onClick={() => goTo(index + 1)}
                  aria-keyshortcuts="Alt+ArrowDown"
                >
                  {t('runner.next')} ↓
                </button>
              </div>
            </div>
          )}
        </section>
        <aside className="side-pane">
          {activeHighlights && (
            <HighlightDetails
              ids={activeHighlights}
              tagging={tagging}
              defaultKind={defaultKind}
              onClose={() => setActiveHighlights(null)}
              onDeleteNoteHighlight={deleteNoteHighlight}
            />
          )}
          {interview.method === 'exit' && <ChurnReasonPanel interviewId={interview.id} tags={tagging.tags} />}
          {/* A rating asked by the current question is shown beside it, not twice. */}
          <RatingsPanel
            interview={interview}
            queue={queue}
            onSaved={setInterview}
            exclude={current.capture === 'none' ? undefined : current.capture}
          />
        </aside>
      </div>
      {picking && (
        <TagPicker
          tags={tagging.tags}
          defaultKind={defaultKind}
          onCreate={tagging.createTag}
          onClose={() => {
            setPicking(null)
            editorRef.current?.commands.focus()
          }}
          onPick={(tag) => tagNoteSelection(tag.id, picking)}
        />
      )}
      {editing && (
        <InterviewDetailsForm
          interview={interview}
          onClose={() => setEditing(false)}
          onSaved={(iv) => (setInterview(iv), setEditing(false))}
        />
      )}
    </div>
  )
}
