import { routeHref } from '../../app/router'

/**
 * Where a piece of evidence lives. The runner route is #/interview/<id>; the question id rides along as a
 * third segment (#/interview/<id>/<questionId>), which today's router ignores and a runner may honour.
 */
export function evidenceHref(interviewId: string, questionId?: string | null): string {
  const base = routeHref({ name: 'interview', id: interviewId })
  return questionId ? `${base}/${encodeURIComponent(questionId)}` : base
}
