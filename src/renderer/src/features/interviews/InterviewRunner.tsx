import type { Editor } from '@tiptap/core'
import { useCallback, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { InterviewDetail, Note } from '../../../../shared/domain/interview'
import type { TranscriptTarget } from '../../app/router'
import { ErrorNote } from '../../components/ErrorNote'
import { NotesEditor } from '../../editor/NotesEditor'
import { TagPicker } from '../../editor/TagPicker'
import { lastPastedRange } from '../../editor/paste-range'
import { useApi, useWrite } from '../../lib/queries'
import { ChurnReasonPanel } from '../churn/ChurnReasonPanel'
import { HighlightDetails } from '../highlights/HighlightDetails'
import { HighlightList } from '../highlights/HighlightList'
import { useNoteTagging } from '../highlights/useNoteTagging'
import { useTagging } from '../highlights/useTagging'
import { moveNoteToTranscript } from '../notes/move-to-transcript'
import { NoteSaveStatus, noteKey, saveSummary } from '../notes/NoteSaveStatus'
import { useNoteAutosave } from '../notes/useNoteAutosave'
import { TranscriptPane } from '../transcripts/TranscriptPane'
import { InterviewDetailsForm } from './InterviewDetailsForm'
import { QuestionOutline } from './QuestionOutline'
import { QuestionPane, RunnerTabs, type RunnerTab } from './QuestionPane'
import { RatingsPanel } from './RatingsPanel'
import { RunnerHeader } from './RunnerHeader'
import { useAutosaveQueue } from './useAutosaveQueue'
import { useInterviewClock } from './useInterviewClock'
import { useInterviewTimer } from './useInterviewTimer'
import { useQuestionNavigation } from './useQuestionNavigation'
import { useSetInterview } from './useSetInterview'
import { useRunnerShortcuts } from './useRunnerShortcuts'

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
  // The runner seeds its editors from the saved notes once; its own autosaves must not re-render it.
  const notes = useApi('notes:list', { interviewId: id }, { seedOnce: true })
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
  const { queue, status, keys } = useAutosaveQueue()
  const setInterview = useSetInterview(interview.id)
  const write = useWrite()
  const { elapsedMs, getElapsedMs, running } = useInterviewClock(interview)
  const timer = useInterviewTimer(interview, queue, setInterview)
  const { questions, index, current, goTo, questionNumber } = useQuestionNavigation(
    interview,
    queue,
    questionId,
  )
  const getStamp = useCallback(() => {
    const ms = getElapsedMs()
    return running || ms > 0 ? Math.round(ms) : null
  }, [getElapsedMs, running])
  const notes = useNoteAutosave({
    interviewId: interview.id,
    initialNotes,
    queue,
    questionId: current?.id,
    getStamp,
  })
  const tagging = useTagging(interview.id)
  const [editing, setEditing] = useState(false)
  const [tab, setTab] = useState<RunnerTab>(transcript ? 'transcript' : 'notes')
  const [activeHighlights, setActiveHighlights] = useState<string[] | null>(null)
  const editorRef = useRef<Editor | null>(null)
  const onEditor = useCallback((e: Editor | null) => void (editorRef.current = e), [])
  const noteTagging = useNoteTagging({
    editorRef,
    tagging,
    queue,
    questionId: current?.id,
    removeHighlightFrom: notes.removeHighlightFrom,
    onShown: setActiveHighlights,
  })
  const defaultKind =
    interview.method === 'exit' ? 'churn_reason' : interview.method === 'jtbd_switch' ? 'jtbd_force' : 'theme'
  useRunnerShortcuts((step) => goTo(index + step), timer.toggle)

  const moveToTranscripts = async (): Promise<string> => {
    const editor = editorRef.current
    if (!editor || !current) throw new Error(t('interviews.noQuestions'))
    const title = t('notes.movedTitle', { n: index + 1 })
    await moveNoteToTranscript(editor, interview.id, title, write)
    return title
  }

  if (!current) return <ErrorNote error={new Error(t('interviews.noQuestions'))} />
  const { picking } = noteTagging

  return (
    <div className="runner">
      <RunnerHeader
        interview={interview}
        elapsedMs={elapsedMs}
        timer={timer}
        onEditDetails={() => setEditing(true)}
        saveStatus={status}
        saveText={saveSummary(t, status, keys, questionNumber)}
      />
      <ErrorNote error={timer.error} />
      <div className="runner-body">
        <QuestionOutline
          sections={interview.script.sections}
          questions={questions}
          index={index}
          keys={keys}
          noted={notes.noted}
          onGo={goTo}
        />
        <section
          className="question-pane"
          aria-label={tab === 'notes' ? t('highlights.tabs.notes') : t('highlights.tabs.transcript')}
        >
          <RunnerTabs tab={tab} onChange={setTab} />
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
            <QuestionPane
              question={current}
              index={index}
              total={questions.length}
              sectionNumber={interview.script.sections.indexOf(current.section) + 1}
              onGo={goTo}
            >
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
                initial={notes.opened.doc}
                initialPaste={notes.opened.pasted}
                label={t('interviews.notesFor', { question: current.text })}
                getElapsedMs={getStamp}
                onChange={notes.onChange}
                onTagRequest={noteTagging.onTagRequest}
                onHighlightClick={setActiveHighlights}
                colorOf={tagging.colorOf}
                colorsKey={tagging.highlights}
                onEditor={onEditor}
              />
              {noteTagging.tagHint && (
                <p className="hint" role="status">
                  {noteTagging.tagHint}
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
            </QuestionPane>
          )}
        </section>
        <aside className="side-pane">
          {activeHighlights && (
            <HighlightDetails
              ids={activeHighlights}
              tagging={tagging}
              defaultKind={defaultKind}
              onClose={() => setActiveHighlights(null)}
              onDeleteNoteHighlight={noteTagging.deleteHighlight}
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
          onClose={noteTagging.closePicker}
          onPick={(tag) => noteTagging.tagSelection(tag.id, picking)}
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
