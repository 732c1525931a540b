import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { Interview, InterviewDetail } from '../../../../shared/domain/interview'

/**
 * Puts the interview a write answered with (timer, ratings, details) into the runner's cached copy at once;
 * the write's own refresh (lib/queries.ts) fetches the rest. Not a refresh: no request is made here.
 */
export function useSetInterview(interviewId: string) {
  const qc = useQueryClient()
  return useCallback(
    (iv: Interview) =>
      qc.setQueryData(['interviews:get', { id: interviewId }], (old: InterviewDetail | undefined) =>
        old ? { ...old, ...iv } : old,
      ),
    [qc, interviewId],
  )
}
