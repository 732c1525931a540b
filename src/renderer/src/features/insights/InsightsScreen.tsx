import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { routeHref } from '../../app/router'
import { ListDetailScreen } from '../../components/ListDetailScreen'
import { EmptyState } from '../../components/EmptyState'
import { StudyScope } from '../../components/StudyScope'
import { useApi } from '../../lib/queries'
import { ConfidenceBadge } from './ConfidenceBadge'
import { countsText } from './confidence-text'
import { InsightDetail } from './InsightDetail'
import { NewInsightDialog } from './NewInsightDialog'
import './insights.css'

/**
 * Insights of a study (or the library), most confident first, beside the chosen one. The route's id is the
 * insight, so other screens can open the one they just made; the study scope is the screen's own choice.
 */
export function InsightsScreen({ selectedId }: { selectedId?: string }) {
  const { t } = useTranslation()
  const [studyId, setStudyId] = useState('')
  const [search, setSearch] = useState('')
  const list = useApi('insights:list', {
    ...(studyId ? { studyId } : {}),
    ...(search.trim() ? { search: search.trim() } : {}),
  })
  return (
    <ListDetailScreen
      headingId="insights-h"
      title={t('insights.title')}
      newLabel={t('insights.new')}
      searchLabel={t('insights.search')}
      searched={{ search, setSearch, list }}
      empty={{
        title: t('insights.emptyTitle'),
        help: t('insights.emptyHelp'),
        createLabel: t('insights.emptyCreate'),
      }}
      beforeList={
        <>
          <StudyScope value={studyId} onChange={setStudyId} />
          {list.data?.length === 0 && search && <p className="hint">{t('insights.noneFound')}</p>}
        </>
      }
      item={(i) => ({
        href: routeHref({ name: 'insights', id: i.id }),
        title: (
          <>
            <span className="insight-list-statement">{i.statementText}</span>
            <span className="insight-list-badges">
              <ConfidenceBadge confidence={i.confidence} />
              <span className={`insight-status status-${i.status}`}>{t(`insights.status.${i.status}`)}</span>
            </span>
          </>
        ),
        meta: (
          <>
            {countsText(t, i.counts)}
            {i.owner && ` · ${t('insights.ownedBy', { owner: i.owner })}`}
          </>
        ),
      })}
      currentId={selectedId}
      detail={
        selectedId ? (
          <InsightDetail key={selectedId} id={selectedId} />
        ) : (
          <EmptyState title={t('insights.chooseTitle')}>
            <p>{t('insights.help')}</p>
            <p>{t('insights.chooseHelp')}</p>
          </EmptyState>
        )
      }
      createDialog={(close) => (
        <NewInsightDialog
          from={{ kind: 'none' }}
          description={t('insights.create.nothing')}
          studyId={studyId || null}
          onClose={close}
          openAtOnce
        />
      )}
    />
  )
}
