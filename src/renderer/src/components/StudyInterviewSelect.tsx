import { useState } from 'react'
import { useApi } from '../lib/queries'

/** Which of a study's interviews a panel works on: the first until another is chosen. */
export function useStudyInterview(studyId: string) {
  const list = useApi('interviews:list', { studyId })
  const [chosenId, choose] = useState('')
  const interviews = list.data ?? []
  return { interviews, interviewId: chosenId || interviews[0]?.id || '', choose }
}

/** A <select> of the study's interviews, each by its title or else who was interviewed. */
export function StudyInterviewSelect({ choice }: { choice: ReturnType<typeof useStudyInterview> }) {
  return (
    <select value={choice.interviewId} onChange={(e) => choice.choose(e.target.value)}>
      {choice.interviews.map((i) => (
        <option key={i.id} value={i.id}>
          {i.title || i.participantName || i.id}
        </option>
      ))}
    </select>
  )
}
