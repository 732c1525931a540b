import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChannelInput } from '../../../shared/ipc/contracts'
import { useApi } from '../lib/queries'
import { EmptyState } from './EmptyState'
import { ErrorNote } from './ErrorNote'

/** One entry of a master list: a link to its detail, marked as the one shown. */
export function ItemLink({
  href,
  current,
  title,
  meta,
}: {
  href: string
  current: boolean
  title: ReactNode
  meta: ReactNode
}) {
  return (
    <li>
      <a href={href} aria-current={current ? 'true' : undefined}>
        <span className="item-title">{title}</span>
        <span className="item-meta">{meta}</span>
      </a>
    </li>
  )
}

type SearchableChannel = 'studies:list' | 'companies:list' | 'participants:list'

/** A list screen's search text and the records it finds (all of them while it is empty). */
export function useSearchedList<C extends SearchableChannel>(channel: C) {
  const [search, setSearch] = useState('')
  // Each of these channels takes an optional { search }; TypeScript cannot see that through the generic.
  const list = useApi(channel, (search ? { search } : undefined) as ChannelInput<C> | undefined)
  return { search, setSearch, list }
}

interface ListDetailScreenProps<T extends { id: string }> {
  /** The list heading's element id. */
  headingId: string
  title: string
  newLabel: string
  searchLabel: string
  searched: { search: string; setSearch: (search: string) => void; list: { data?: T[]; error: unknown } }
  /** Shown when there is nothing yet (not when a search finds nothing); `createLabel` offers to create one. */
  empty: { title: string; help: string; createLabel?: string }
  /** Between the error and the list. */
  beforeList?: ReactNode
  item: (item: T) => { href: string; title: ReactNode; meta: ReactNode }
  currentId: string | undefined
  detail: ReactNode
  /** The create dialog; `close` closes it. */
  createDialog: (close: () => void) => ReactNode
}

/** A searchable master list of one domain's records beside the chosen record's detail, and its create dialog. */
export function ListDetailScreen<T extends { id: string }>(props: ListDetailScreenProps<T>) {
  const { t } = useTranslation()
  const [creating, setCreating] = useState(false)
  const { search, setSearch, list } = props.searched
  const { empty } = props
  return (
    <div className="split">
      <section className="list-pane" aria-labelledby={props.headingId}>
        <header className="pane-header">
          <h1 id={props.headingId}>{props.title}</h1>
          <button type="button" onClick={() => setCreating(true)}>
            {props.newLabel}
          </button>
        </header>
        <input
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t('common.search')}
          aria-label={props.searchLabel}
        />
        <ErrorNote error={list.error} />
        {props.beforeList}
        {list.data?.length === 0 && !search && (
          <EmptyState title={empty.title}>
            <p>{empty.help}</p>
            {empty.createLabel && (
              <button type="button" onClick={() => setCreating(true)}>
                {empty.createLabel}
              </button>
            )}
          </EmptyState>
        )}
        <ul className="item-list">
          {list.data?.map((x) => (
            <ItemLink key={x.id} current={x.id === props.currentId} {...props.item(x)} />
          ))}
        </ul>
      </section>
      <section className="detail-pane">{props.detail}</section>
      {creating && props.createDialog(() => setCreating(false))}
    </div>
  )
}
