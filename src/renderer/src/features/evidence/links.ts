import { routeHref } from '../../app/router'

/** Where a piece of evidence lives: its question in the runner, or its paragraph in a transcript. */
export function evidenceHref(
  interviewId: string,
  questionId?: string | null,
  transcript?: { id: string; paragraph: number | null } | null,
): string {
  if (transcript)
    return routeHref({
      name: 'interview',
      id: interviewId,
      transcript: { id: transcript.id, paragraph: transcript.paragraph ?? 0 },
    })
  return routeHref({ name: 'interview', id: interviewId, ...(questionId ? { questionId } : {}) })
}
