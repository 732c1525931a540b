import { useTranslation } from 'react-i18next'
import type { EvidenceFilterOptions } from '../../../../shared/ipc/contracts/evidence'
import { SEGMENTS } from '../../../../shared/domain/common'
import type { InterviewMethod } from '../../../../shared/domain/script'
import type { Segment } from '../../../../shared/domain/common'
import { MethodSelect } from '../../components/MethodSelect'

export interface Filters {
  studyId?: string
  tagId?: string
  segment?: Segment
  companyId?: string
  participantId?: string
  method?: InterviewMethod
  from?: string
  to?: string
}

/** The tag tree flattened in display order, each tag with its depth (for indentation in a select). */
export function tagTree(tags: EvidenceFilterOptions['tags']): { id: string; name: string; depth: number }[] {
  const children = new Map<string | null, EvidenceFilterOptions['tags']>()
  const ids = new Set(tags.map((t) => t.id))
  for (const tag of tags) {
    const parent = tag.parentId && ids.has(tag.parentId) ? tag.parentId : null
    children.set(parent, [...(children.get(parent) ?? []), tag])
  }
  const out: { id: string; name: string; depth: number }[] = []
  const walk = (parent: string | null, depth: number) => {
    for (const tag of children.get(parent) ?? []) {
      out.push({ id: tag.id, name: tag.code ? `${tag.name} (${tag.code})` : tag.name, depth })
      walk(tag.id, depth + 1)
    }
  }
  walk(null, 0)
  return out
}

const orUndefined = (v: string) => (v === '' ? undefined : v)

export function EvidenceFilters({
  options,
  filters,
  onChange,
}: {
  options: EvidenceFilterOptions | undefined
  filters: Filters
  onChange: (f: Filters) => void
}) {
  const { t } = useTranslation()
  const set = (patch: Partial<Filters>) =>
    onChange(
      Object.fromEntries(
        Object.entries({ ...filters, ...patch }).filter(([, v]) => v !== undefined),
      ) as Filters,
    )
  const participants = (options?.participants ?? []).filter(
    (p) => !filters.companyId || p.companyId === filters.companyId,
  )
  return (
    <fieldset className="evidence-filters">
      <legend>{t('evidence.filters')}</legend>
      <label>
        {t('evidence.study')}
        <select value={filters.studyId ?? ''} onChange={(e) => set({ studyId: orUndefined(e.target.value) })}>
          <option value="">{t('evidence.allStudies')}</option>
          {options?.studies.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('evidence.tag')}
        <select value={filters.tagId ?? ''} onChange={(e) => set({ tagId: orUndefined(e.target.value) })}>
          <option value="">{t('evidence.allTags')}</option>
          {tagTree(options?.tags ?? []).map((tag) => (
            <option key={tag.id} value={tag.id}>
              {`${'\u00a0\u00a0'.repeat(tag.depth)}${tag.depth ? '└ ' : ''}${tag.name}`}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('evidence.segment')}
        <select
          value={filters.segment ?? ''}
          onChange={(e) => set({ segment: orUndefined(e.target.value) as Segment | undefined })}
        >
          <option value="">{t('evidence.allSegments')}</option>
          {SEGMENTS.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('evidence.company')}
        <select
          value={filters.companyId ?? ''}
          onChange={(e) => set({ companyId: orUndefined(e.target.value), participantId: undefined })}
        >
          <option value="">{t('evidence.allCompanies')}</option>
          {options?.companies.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('evidence.participant')}
        <select
          value={filters.participantId ?? ''}
          onChange={(e) => set({ participantId: orUndefined(e.target.value) })}
        >
          <option value="">{t('evidence.allParticipants')}</option>
          {participants.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <MethodSelect
        label={t('evidence.method')}
        value={filters.method}
        onChange={(method) => set({ method })}
        anyLabel={t('evidence.allMethods')}
      />
      <label>
        {t('evidence.from')}
        <input
          type="date"
          value={filters.from ?? ''}
          max={filters.to}
          onChange={(e) => set({ from: orUndefined(e.target.value) })}
        />
      </label>
      <label>
        {t('evidence.to')}
        <input
          type="date"
          value={filters.to ?? ''}
          min={filters.from}
          onChange={(e) => set({ to: orUndefined(e.target.value) })}
        />
      </label>
    </fieldset>
  )
}
