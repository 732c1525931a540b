import { describe, expect, it } from 'vitest'
import { cooccurrence, tagBySegment } from '../../src/shared/rollups/matrix'

describe('matrices counted per company', () => {
  const tags = [
    { id: 'a', parentId: null, name: 'A', code: null },
    { id: 'a1', parentId: 'a', name: 'A1', code: null },
    { id: 'b', parentId: null, name: 'B', code: null },
    { id: 'c', parentId: null, name: 'C', code: null },
  ]
  const ev = [
    { companyId: 'x', segment: 'A' as const, tagId: 'a1' },
    { companyId: 'x', segment: 'A' as const, tagId: 'a' },
    { companyId: 'x', segment: 'A' as const, tagId: 'b' },
    { companyId: 'y', segment: null, tagId: 'b' },
    { companyId: 'y', segment: null, tagId: 'c' },
    { companyId: 'z', segment: 'A' as const, tagId: 'a1' },
  ]
  it('tag × tag: companies with both (descendants roll up onto the chosen tag)', () => {
    expect(cooccurrence(tags, ['a', 'b', 'c'], ev)).toEqual([
      [2, 1, 0],
      [1, 2, 1],
      [0, 1, 1],
    ])
  })
  it('rows × other columns: a company counts once per cell however many tags roll up onto it', () => {
    expect(cooccurrence(tags, ['a'], ev, ['b', 'c'])).toEqual([[1, 0]])
    expect(cooccurrence(tags, ['b', 'c'], ev, ['a'])).toEqual([[1], [0]])
  })
  it('tag × segment', () => {
    expect(tagBySegment(tags, ['a', 'b', 'c'], ev)).toEqual([
      [2, 0, 0, 0, 0],
      [1, 0, 0, 0, 1],
      [0, 0, 0, 0, 1],
    ])
  })
})
