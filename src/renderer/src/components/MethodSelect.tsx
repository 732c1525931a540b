import { useTranslation } from 'react-i18next'
import { INTERVIEW_METHODS, type InterviewMethod } from '../../../shared/domain/script'

/** The interview methods, by name, as a labelled <select>. */
export function MethodSelect<V extends InterviewMethod | undefined>({
  label,
  value,
  onChange,
  anyLabel,
}: {
  label: string
  value: V
  onChange: (method: V) => void
  /** A first option for no method in particular (a filter); without it a method must be chosen. */
  anyLabel?: string
}) {
  const { t } = useTranslation()
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange((e.target.value || undefined) as V)}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {INTERVIEW_METHODS.map((m) => (
          <option key={m} value={m}>
            {t(`method.${m}`)}
          </option>
        ))}
      </select>
    </label>
  )
}
