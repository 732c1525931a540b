import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../components/EmptyState'
import { ErrorNote } from '../../components/ErrorNote'
import { ItemLink } from '../../components/ListDetailScreen'
import { useApi, useApiMutation } from '../../lib/queries'
import { navigate, routeHref } from '../../app/router'
import { ScriptEditor } from './ScriptEditor'
import { ScriptView } from './ScriptView'

export function ScriptsScreen({ selectedId }: { selectedId?: string }) {
  const { t } = useTranslation()
  const list = useApi('scripts:list')
  const builtins = list.data?.filter((s) => s.builtin) ?? []
  const own = list.data?.filter((s) => !s.builtin) ?? []
  const activeId = selectedId ?? builtins[0]?.id
  const item = (s: NonNullable<typeof list.data>[number]) => (
    <ItemLink
      key={s.id}
      href={routeHref({ name: 'scripts', id: s.id })}
      current={s.id === activeId}
      title={
        <>
          {s.name} <span className="lang-chip">{s.language.toUpperCase()}</span>
        </>
      }
      meta={
        <>
          {t(`method.${s.method}`)} ·{' '}
          {t('scripts.counts', { sections: s.sectionCount, questions: s.questionCount })}
        </>
      }
    />
  )
  return (
    <div className="split">
      <section className="list-pane" aria-labelledby="scripts-h">
        <header className="pane-header">
          <h1 id="scripts-h">{t('nav.scripts')}</h1>
        </header>
        <ErrorNote error={list.error} />
        <h2 className="list-group">{t('scripts.yours')}</h2>
        {own.length === 0 && (
          <EmptyState title={t('scripts.emptyTitle')}>
            <p>{t('scripts.emptyHelp')}</p>
          </EmptyState>
        )}
        <ul className="item-list">{own.map(item)}</ul>
        <h2 className="list-group">{t('scripts.templates')}</h2>
        <ul className="item-list">{builtins.map(item)}</ul>
      </section>
      <section className="detail-pane">{activeId && <ScriptDetail id={activeId} />}</section>
    </div>
  )
}

function ScriptDetail({ id }: { id: string }) {
  const { t } = useTranslation()
  const script = useApi('scripts:get', { id })
  const duplicate = useApiMutation('scripts:duplicate')
  if (script.error) return <ErrorNote error={script.error} />
  if (!script.data) return <p>{t('common.loading')}</p>
  const s = script.data
  const dup = (
    <button
      type="button"
      className={s.builtin ? '' : 'secondary'}
      onClick={() =>
        duplicate.mutate(
          { id: s.id, name: t('scripts.copyName', { name: s.name }) },
          { onSuccess: (copy) => navigate({ name: 'scripts', id: copy.id }) },
        )
      }
    >
      {t('scripts.duplicate')}
    </button>
  )
  return (
    <>
      <ErrorNote error={duplicate.error} />
      {s.builtin ? (
        <ScriptView script={s} actions={dup} />
      ) : (
        <ScriptEditor key={s.id + s.updatedAt} script={s} extraActions={dup} />
      )}
    </>
  )
}
