import { useTranslation } from 'react-i18next'

/** Entry point of the codebook screen (the route table in app/App.tsx renders it). */
export function CodebookScreen({ selectedId }: { selectedId?: string }) {
  const { t } = useTranslation()
  return (
    <div className="page">
      <h1>{t('nav.codebook')}</h1>
      {selectedId && <p className="hint">{selectedId}</p>}
    </div>
  )
}
