import type { TagKind } from '../domain/tag'

/** Text in both UI languages; starter codebooks are seeded in the library's language. */
export interface Bilingual {
  en: string
  ru: string
}

/**
 * One tag of a starter codebook. `key` is unique within the codebook and names the parent; `code` and
 * `semanticKey` are what seeding matches on, so seeding twice never duplicates a tag.
 */
export interface StarterTag {
  key: string
  parentKey: string | null
  kind: TagKind
  code: string | null
  semanticKey: string | null
  emotionScore: number | null
  color: string
  name: Bilingual
  description: Bilingual
  ownerTeam: Bilingual
  prevention: Bilingual
}

export const EMPTY: Bilingual = { en: '', ru: '' }

export function tagOf(
  t: Partial<StarterTag> & Pick<StarterTag, 'key' | 'kind' | 'color' | 'name'>,
): StarterTag {
  return {
    parentKey: null,
    code: null,
    semanticKey: null,
    emotionScore: null,
    description: EMPTY,
    ownerTeam: EMPTY,
    prevention: EMPTY,
    ...t,
  }
}
