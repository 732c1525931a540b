import type { Language } from '../../../shared/domain/common'
import { localize, STARTER_CODEBOOKS, type StarterCodebookKey } from '../../../shared/taxonomy'
import type { ServiceContext } from '../../db/context'
import { insertTag } from './edit'

/** Seeds a starter codebook in the given language; tags already present (same code, or same kind and meaning) are skipped. */
export function seedStarter(
  ctx: ServiceContext,
  input: { codebook: StarterCodebookKey; language: Language },
): { created: number; skipped: number } {
  const idByKey = new Map<string, string>()
  let created = 0
  let skipped = 0
  const byCode = ctx.sqlite.prepare('select id from tags where code = ? and deleted_at is null')
  const byMeaning = ctx.sqlite.prepare(
    'select id from tags where kind = ? and semantic_key = ? and deleted_at is null order by created_at limit 1',
  )
  for (const s of STARTER_CODEBOOKS[input.codebook]) {
    const existing = (
      s.code ? byCode.get(s.code) : s.semanticKey ? byMeaning.get(s.kind, s.semanticKey) : undefined
    ) as { id: string } | undefined
    if (existing) {
      idByKey.set(s.key, existing.id)
      skipped++
      continue
    }
    const texts = localize(s, input.language)
    const id = insertTag(ctx, {
      ...texts,
      parentId: s.parentKey ? (idByKey.get(s.parentKey) ?? null) : null,
      kind: s.kind,
      code: s.code,
      color: s.color,
      semanticKey: s.semanticKey,
      emotionScore: s.emotionScore,
    })
    idByKey.set(s.key, id)
    created++
  }
  return { created, skipped }
}
