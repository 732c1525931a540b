import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { Interview, InterviewDetail } from '../../../../shared/domain/interview'

/**
 * The runner's own cache updates, in one place: the interview a write returned replaces the cached one
 * (timer, ratings, details), and a transcript made from notes refreshes what lists or finds transcripts.
 */
export function useRunnerRefresh(interviewId: string) {
  const qc = useQueryClient()
  const setInterview = useCallback(
    (iv: Interview) =>
      qc.setQueryData(['interviews:get', { id: interviewId }], (old: InterviewDetail | undefined) =>
        old ? { ...old, ...iv } : old,
      ),
    [qc, interviewId],
  )
  const afterTranscriptImport = useCallback(
    () =>
      qc.invalidateQueries({
        predicate: (q) =>
          typeof q.queryKey[0] === 'string' && /^(transcripts|search|evidence):/.test(q.queryKey[0]),
      }),
    [qc],
  )
  return { setInterview, afterTranscriptImport }
}
