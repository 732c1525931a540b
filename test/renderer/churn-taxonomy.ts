import type { RealBackend } from './real-backend'

export interface TagRow {
  parent?: string
  name: string
  code?: string
  kind?: string
  key?: string
  prevention?: string
  position?: number
}

/** A tag written straight into the library, with the fields the roll-ups read (code, semantic key, prevention). */
export function insertTag(backend: RealBackend, id: string, o: TagRow): void {
  backend.app.libraries
    .context()
    .sqlite.prepare(
      'insert into tags (id, parent_id, name, code, kind, semantic_key, prevention, position) values (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      id,
      o.parent ?? null,
      o.name,
      o.code ?? null,
      o.kind ?? 'churn_reason',
      o.key ?? null,
      o.prevention ?? '',
      o.position ?? 0,
    )
}

/** Two churn-reason categories with three reasons: the churn, import and forces screens start from these. */
export function seedChurnTaxonomy(backend: RealBackend): void {
  const tag = (id: string, o: TagRow) => insertTag(backend, id, o)
  tag('prc', { name: 'Price', code: 'PRC' })
  tag('prc1', {
    parent: 'prc',
    name: 'Too expensive',
    code: 'PRC-01',
    prevention: 'Competitive pricing review',
  })
  tag('prc2', { parent: 'prc', name: 'Budget cut', code: 'PRC-02', position: 1 })
  tag('sup', { name: 'Support', code: 'SUP', position: 1 })
  tag('sup1', { parent: 'sup', name: 'Poor support', code: 'SUP-01' })
}
