import { describe, expect, it } from 'vitest'
import { forcesRollup } from '../../src/shared/rollups/forces'
import { cooccurrence, tagBySegment } from '../../src/shared/rollups/matrix'

const forceTags = [
  { id: 'push', parentId: null, name: 'Push', code: null, semanticKey: 'push' },
  { id: 'push-slow', parentId: 'push', name: 'Too slow', code: null, semanticKey: null },
  { id: 'pull', parentId: null, name: 'Pull', code: null, semanticKey: 'pull' },
  { id: 'anx', parentId: null, name: 'Anxiety', code: null, semanticKey: 'anxiety' },
  { id: 'habit', parentId: null, name: 'Habit', code: null, semanticKey: 'habit' },
]

describe('JTBD forces', () => {
  it('counts a participant once per force; children inherit the force', () => {
    const out = forcesRollup(forceTags, [
      { highlightId: 'h1', participantId: 'p1', tagIds: ['push'] },
      { highlightId: 'h2', participantId: 'p1', tagIds: ['push-slow'] },
      { highlightId: 'h3', participantId: 'p2', tagIds: ['push-slow', 'push'] },
      { highlightId: 'h4', participantId: 'p2', tagIds: ['pull', 'anx'] },
      { highlightId: 'h5', participantId: null, tagIds: ['pull'] },
    ])
    expect(out.map((f) => [f.force, f.participants, f.highlights])).toEqual([
      ['push', 2, 3],
      ['pull', 1, 2],
      ['anxiety', 1, 1],
      ['habit', 0, 0],
    ])
    expect(out[0]!.highlightIds).toEqual(['h1', 'h2', 'h3'])
  })
})

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
