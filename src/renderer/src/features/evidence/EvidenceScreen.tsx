import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Filters } from './EvidenceFilters'
import { EvidenceBrowser } from './EvidenceBrowser'
import { SearchPanel } from '../search/SearchPanel'
import './evidence.css'

/**
 * Search over everything said, and below it the evidence browser. The route's id, when given, is a study:
 * #/evidence/<studyId> opens the screen filtered to that study.
 */
export function EvidenceScreen({ selectedId }: { selectedId?: string }) {
  // A new study in the route starts from fresh filters.
  return <EvidencePage key={selectedId ?? ''} studyId={selectedId} />
}

function EvidencePage({ studyId: selectedId }: { studyId?: string }) {
  const { t } = useTranslation()
  const [filters, setFilters] = useState<Filters>(() => (selectedId ? { studyId: selectedId } : {}))
  return (
    <div className="page evidence-page">
      <h1>{t('evidence.title')}</h1>
      <SearchPanel studyId={filters.studyId} />
      <EvidenceBrowser filters={filters} onFiltersChange={setFilters} />
    </div>
  )
}
