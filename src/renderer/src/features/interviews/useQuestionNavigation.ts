import { useCallback, useMemo, useState } from 'react'
import type { InterviewDetail } from '../../../../shared/domain/interview'
import type { ScriptQuestion, ScriptSection } from '../../../../shared/domain/script'
import { useWrite } from '../../lib/queries'
import type { AutosaveQueue } from '../../lib/autosave'

/** A script question with its section, in the order the runner walks through them. */
export type RunnerQuestion = ScriptQuestion & { section: ScriptSection }

/**
 * The question on screen: the one a link asked for, else where the interview was left. Moving on writes
 * the notes just typed first, and the interview remembers its question (autosaved, like an edit).
 */
export function useQuestionNavigation(interview: InterviewDetail, queue: AutosaveQueue, questionId?: string) {
  const questions = useMemo<RunnerQuestion[]>(
    () => interview.script.sections.flatMap((s) => s.questions.map((q) => ({ ...q, section: s }))),
    [interview.script],
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

  const write = useWrite()
  const goTo = useCallback(
    (next: number) => {
      const q = questions[next]
      if (!q || next === index) return
      void queue.flush() // switching question writes the notes just typed
      setIndex(next)
      queue.schedule('current-question', ({ keepalive }) =>
        write(
          'interviews:update',
          { id: interview.id, currentQuestionId: q.id },
          { keepalive, background: true },
        ),
      )
    },
    [questions, index, queue, interview.id, write],
  )

  return { questions, index, current: questions[index], goTo, questionNumber }
}
