import { useTranslation } from 'react-i18next'

/** A datetime-local input's value (local time, no zone) as an ISO instant, or null when empty. */
export const toIso = (local: string): string | null => (local ? new Date(local).toISOString() : null)

/** An ISO instant as a datetime-local input's value, in the user's time zone. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return ''
  const d = new Date(iso)
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
}

export interface Plan {
  interviewer: string
  /** datetime-local value */
  scheduledAt: string
  plannedMinutes: string
}

interface PlanFieldProps {
  plan: Plan
  onChange: (patch: Partial<Plan>) => void
}

/** Who runs the interview and when: planning a new one and editing one's details ask the same. */
export function InterviewerAndScheduleFields({ plan, onChange }: PlanFieldProps) {
  const { t } = useTranslation()
  return (
    <>
      <label>
        {t('interviews.interviewer')}
        <input value={plan.interviewer} onChange={(e) => onChange({ interviewer: e.target.value })} />
      </label>
      <label>
        {t('interviews.scheduled')}
        <input
          type="datetime-local"
          value={plan.scheduledAt}
          onChange={(e) => onChange({ scheduledAt: e.target.value })}
        />
      </label>
    </>
  )
}

export function PlannedMinutesField({ plan, onChange }: PlanFieldProps) {
  const { t } = useTranslation()
  return (
    <label>
      {t('interviews.plannedMinutes')}
      <input
        type="number"
        min={5}
        max={600}
        value={plan.plannedMinutes}
        onChange={(e) => onChange({ plannedMinutes: e.target.value })}
      />
    </label>
  )
}
