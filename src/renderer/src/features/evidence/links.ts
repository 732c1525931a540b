import type { EvidencePlace } from '../../../../shared/ipc/contracts/evidence'
import { routeHref } from '../../app/router'

/** Where a piece of evidence lives: its paragraph in a transcript, or its question in the runner. */
export function evidenceHref(place: EvidencePlace & { interviewId: string }): string {
  const { interviewId, questionId, transcriptId, transcriptParagraph } = place
  if (transcriptId)
    return routeHref({
      name: 'interview',
      id: interviewId,
      transcript: { id: transcriptId, paragraph: transcriptParagraph ?? 0 },
    })
  return routeHref({ name: 'interview', id: interviewId, ...(questionId ? { questionId } : {}) })
}
