import type { Tag } from '../../src/shared/domain/tag'

/** A plain theme tag for codebook tests, with the fields a test cares about overridden. */
export function makeTag(over: Partial<Tag>): Tag {
  return {
    id: 'id-0001',
    parentId: null,
    name: 'Pricing',
    position: 0,
    code: null,
    kind: 'theme',
    color: '#123456',
    description: '',
    ownerTeam: '',
    prevention: '',
    semanticKey: null,
    emotionScore: null,
    aliases: [],
    highlightCount: 0,
    treeHighlightCount: 0,
    ...over,
  }
}
