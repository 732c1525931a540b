import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../lib/queries'

/** Study selector shared by the churn and forces screens: '' means the whole library. */
export function StudyScope({ value, onChange }: { value: string; onChange: (studyId: string) => void }) {
  const { t } = useTranslation()
  const id = useId()
  const studies = useApi('studies:list')
  return (
    <div className="scope">
      <label htmlFor={id}>{t('common.scope')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('common.wholeLibrary')}</option>
        {studies.data?.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </div>
  )
}
