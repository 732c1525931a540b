import { useTranslation } from 'react-i18next'

/** Entry point of the churn screen (the route table in app/App.tsx renders it). */
export function ChurnScreen({ selectedId }: { selectedId?: string }) {
  const { t } = useTranslation()
  return (
    <div className="page">
      <h1>{t('nav.churn')}</h1>
      {selectedId && <p className="hint">{selectedId}</p>}
    </div>
  )
}
