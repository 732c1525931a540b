import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Tag } from '../../../../shared/domain/tag'
import { routeHref } from '../../app/router'
import { buildTree, visibleForFilter, type TreeNode } from './tag-tree'

/** The tag tree as nested lists of links; parents can be collapsed; a filter shows matches with their ancestors. */
export function TagTreeView({
  tags,
  filter,
  selectedId,
}: {
  tags: Tag[]
  filter: string
  selectedId?: string | undefined
}) {
  const { t } = useTranslation()
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set())
  const tree = useMemo(() => buildTree(tags), [tags])
  const visible = useMemo(() => (filter.trim() ? visibleForFilter(tags, filter) : null), [tags, filter])

  const toggle = (id: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })

  const renderNodes = (nodes: TreeNode[]) => (
    <ul className="tag-tree">
      {nodes
        .filter((n) => !visible || visible.has(n.tag.id))
        .map(({ tag, children }) => {
          const shownKids = children.filter((c) => !visible || visible.has(c.tag.id))
          const open = visible !== null || !collapsed.has(tag.id)
          // A category stands for its sub-tags too: its badge counts their highlights (each once).
          const count = tag.treeHighlightCount
          const countText =
            children.length > 0 ? t('tags.highlightsTree', { count }) : t('tags.highlights', { count })
          return (
            <li key={tag.id}>
              <div className="tag-row">
                {shownKids.length > 0 ? (
                  <button
                    type="button"
                    className="icon tree-toggle"
                    aria-expanded={open}
                    aria-label={t(open ? 'tags.collapse' : 'tags.expand', { name: tag.name })}
                    onClick={() => toggle(tag.id)}
                  >
                    {open ? '▾' : '▸'}
                  </button>
                ) : (
                  <span className="tree-toggle-space" aria-hidden="true" />
                )}
                <a
                  href={routeHref({ name: 'codebook', id: tag.id })}
                  aria-current={tag.id === selectedId ? 'true' : undefined}
                  className="tag-link"
                >
                  <span className="swatch" style={{ backgroundColor: tag.color }} aria-hidden="true" />
                  {tag.code && <span className="tag-code">{tag.code}</span>}{' '}
                  <span className="tag-name">{tag.name}</span>{' '}
                  {/* Visible: the kind on top-level rows and the count as a pill; screen readers hear both in words. */}
                  {tag.parentId === null && (
                    <span className="tag-meta" aria-hidden="true">
                      {t(`tags.kind.${tag.kind}`)}
                    </span>
                  )}
                  <span
                    className={count > 0 ? 'count-pill used' : 'count-pill'}
                    aria-hidden="true"
                    title={countText}
                  >
                    {count}
                  </span>
                  <span className="visually-hidden">
                    {t(`tags.kind.${tag.kind}`)} · {countText}
                  </span>
                </a>
              </div>
              {open && shownKids.length > 0 && renderNodes(shownKids)}
            </li>
          )
        })}
    </ul>
  )

  return (
    <nav aria-label={t('tags.treeLabel')} className="tag-tree-nav">
      {visible && visible.size === 0 ? (
        <p className="hint">{t('tags.noMatch', { filter })}</p>
      ) : (
        renderNodes(tree)
      )}
    </nav>
  )
}
