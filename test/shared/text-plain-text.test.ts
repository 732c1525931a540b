import { describe, expect, it } from 'vitest'
import {
  codePointLength,
  docPlainText,
  offsetAtPos,
  posRangesForOffsets,
  sliceCodePoints,
  utf16Index,
} from '../../src/shared/text/plain-text'

const p = (...content: object[]) => ({ type: 'paragraph', content })
const txt = (text: string, ids?: string[]) =>
  ids ? { type: 'text', text, marks: [{ type: 'highlight', attrs: { ids } }] } : { type: 'text', text }

describe('code points', () => {
  it('counts astral characters once', () => {
    expect(codePointLength('a👋b')).toBe(3)
    expect(utf16Index('a👋b', 2)).toBe(3)
    expect(sliceCodePoints('a👋bc', 1, 3)).toBe('👋b')
  })
})

describe('docPlainText', () => {
  it('separates blocks with the separator, nested blocks included, and serialises hard breaks', () => {
    const doc = {
      type: 'doc',
      content: [
        p(txt('One')),
        { type: 'bulletList', content: [{ type: 'listItem', content: [p(txt('Two'))] }] },
        p(txt('a'), { type: 'hardBreak' }, txt('b')),
        { type: 'horizontalRule' },
        p(),
      ],
    }
    expect(docPlainText(doc).text).toBe('One\n\n\nTwo\na\nb\n\n')
  })

  it('reports highlight ranges in code points, overlapping and split across marks', () => {
    const doc = {
      type: 'doc',
      content: [p(txt('👋 hi ')), p(txt('price ', ['h1']), txt('went', ['h1', 'h2']), txt(' up', ['h2']))],
    }
    const r = docPlainText(doc)
    expect(r.text).toBe('👋 hi \nprice went up')
    expect(r.highlights.get('h1')).toEqual({ start: 6, end: 16 })
    expect(r.highlights.get('h2')).toEqual({ start: 12, end: 19 })
    expect(sliceCodePoints(r.text, 6, 16)).toBe('price went')
  })

  it('maps ProseMirror positions to offsets and back', () => {
    const doc = { type: 'doc', content: [p(txt('ab👋')), p(txt('cd'))] }
    const { runs } = docPlainText(doc)
    // positions: <p>=0, a=1, b=2, 👋=3..5, </p>=5, <p>=6, c=7
    expect(runs.map((r) => r.pos)).toEqual([1, 7])
    expect(offsetAtPos(runs, 1, 1)).toBe(0)
    expect(offsetAtPos(runs, 5, -1)).toBe(3)
    expect(offsetAtPos(runs, 5, 1)).toBe(4)
    expect(offsetAtPos(runs, 8, -1)).toBe(5)
    expect(posRangesForOffsets(runs, 2, 5)).toEqual([
      { from: 3, to: 5 },
      { from: 7, to: 8 },
    ])
  })
})
