import type { Interview, InterviewDetail } from '../../../../shared/domain/interview'
import type { AutosaveQueue } from '../../lib/autosave'
import { useApiMutation } from '../../lib/queries'

/** Start, pause, finish and reopen; the server's answer replaces the cached interview through onSaved. */
export function useInterviewTimer(
  interview: InterviewDetail,
  queue: AutosaveQueue,
  onSaved: (iv: Interview) => void,
) {
  const timer = useApiMutation('interviews:timer')
  const toggle = () => {
    if (interview.status === 'done') return
    timer.mutate(
      { id: interview.id, action: interview.timerRunning ? 'pause' : 'start' },
      { onSuccess: onSaved },
    )
  }
  // Notes typed just before Finish are written before the interview is marked done.
  const finish = async () => {
    await queue.flush()
    timer.mutate({ id: interview.id, action: 'finish' }, { onSuccess: onSaved })
  }
  const reopen = () => timer.mutate({ id: interview.id, action: 'reopen' }, { onSuccess: onSaved })
  return { toggle, finish, reopen, error: timer.error }
}
