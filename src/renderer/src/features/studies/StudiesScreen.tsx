import { useTranslation } from 'react-i18next'
import { ListDetailScreen, useSearchedList } from '../../components/ListDetailScreen'
import { navigate, routeHref } from '../../app/router'
import { QdpxImport } from '../exchange/QdpxImport'
import { StudyDetailPane } from './StudyDetailPane'
import { StudyForm } from './StudyForm'

export function StudiesScreen({ selectedId }: { selectedId?: string }) {
  const { t } = useTranslation()
  const searched = useSearchedList('studies:list')
  const first = searched.list.data?.[0]
  const activeId = selectedId ?? first?.id

  return (
    <ListDetailScreen
      headingId="studies-h"
      title={t('nav.studies')}
      newLabel={t('studies.new')}
      searchLabel={t('studies.search')}
      searched={searched}
      empty={{
        title: t('studies.emptyTitle'),
        help: t('studies.emptyHelp'),
        createLabel: t('studies.createFirst'),
      }}
      item={(s) => ({
        href: routeHref({ name: 'studies', id: s.id }),
        title: s.name,
        meta: (
          <>
            {t(`method.${s.method}`)} ·{' '}
            {t('studies.progressShort', { done: s.doneCount, target: s.targetInterviews })}
          </>
        ),
      })}
      beforeList={<QdpxImport />}
      currentId={activeId}
      detail={activeId ? <StudyDetailPane id={activeId} /> : null}
      createDialog={(close) => (
        <StudyForm onClose={close} onSaved={(s) => (close(), navigate({ name: 'studies', id: s.id }))} />
      )}
    />
  )
}
