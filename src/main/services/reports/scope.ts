import type { ReportOptions } from '../../../shared/reports/options'
import { INTERVIEW_DATE } from '../scope'

/**
 * The interviews a report covers, as a WHERE clause over `interviews i left join participants p left join
 * companies co` with named parameters: the study (or all), the segment, and the period on the interview's
 * date (conducted, else scheduled, else created — the date a researcher would put on it).
 */
export interface InterviewScope {
  where: string
  params: { studyId: string | null; segment: string | null; from: string | null; to: string | null }
}

export { INTERVIEW_DATE }

export function interviewScope(options: ReportOptions): InterviewScope {
  return {
    where: `(@studyId is null or i.study_id = @studyId)
      and (@segment is null or co.segment = @segment)
      and (@from is null or ${INTERVIEW_DATE} >= @from)
      and (@to is null or ${INTERVIEW_DATE} <= @to)`,
    params: {
      studyId: options.studyId,
      segment: options.filters.segment,
      from: options.filters.from,
      to: options.filters.to,
    },
  }
}

export const SCOPED_INTERVIEWS = `from interviews i
  left join participants p on p.id = i.participant_id
  left join companies co on co.id = p.company_id`
