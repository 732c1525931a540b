import { useTranslation } from 'react-i18next'
import type { ChannelOutput } from '../../../shared/ipc/contracts'

type Participant = ChannelOutput<'participants:list'>[number]

/** Who was interviewed: every participant with their company, or nobody yet. */
export function ParticipantSelect({
  value,
  onChange,
  people,
}: {
  value: string
  onChange: (participantId: string) => void
  people: Participant[] | undefined
}) {
  const { t } = useTranslation()
  return (
    <label>
      {t('interviews.participant')}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('interviews.noParticipant')}</option>
        {people?.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
            {p.companyName ? ` — ${p.companyName}` : ''}
          </option>
        ))}
      </select>
    </label>
  )
}
