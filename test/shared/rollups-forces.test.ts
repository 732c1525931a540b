import { describe, expect, it } from 'vitest'
import { forcesRollup } from '../../src/shared/rollups/forces'

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
