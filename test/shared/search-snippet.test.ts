import { describe, expect, it } from 'vitest'
import { searchMatcher, SNIPPET_TOKENS, snippetOf } from '../../src/shared/search/snippet'

const marked = (text: string, q: string) => {
  const s = snippetOf(text, searchMatcher(q)!)
  return s && s.segments.map((x) => (x.match ? `[${x.text}]` : x.text)).join('')
}

describe('search snippets', () => {
  it('marks whole words, case-insensitively, in a window around the first match', () => {
    expect(marked('The renewal Price was far too expensive.', 'price ')).toBe(
      'The renewal [Price] was far too expensive.',
    )
    // "price" inside "prices" or "reprice" is not the word price.
    expect(marked('Reprice the prices, then the price.', 'price ')).toBe('…the prices, then the [price].')
  })

  it('matches the last word as a prefix while it is typed, and phrases in order across punctuation', () => {
    expect(marked('Onboarding was smooth.', 'onb')).toBe('[Onboarding] was smooth.')
    expect(marked('The price — renewal price, again.', '"renewal price"')).toBe(
      'The price — [renewal price], again.',
    )
    expect(marked('price renewal', '"renewal price"')).toBeNull()
  })

  it('marks every term inside the window and cuts long texts with ellipses', () => {
    const words = Array.from({ length: 60 }, (_, i) => `w${i}`)
    words[30] = 'pricing'
    words[33] = 'renewal'
    const s = marked(words.join(' '), 'pricing renewal ')!
    expect(s.startsWith('…w26 w27 w28 w29 [pricing] w31 w32 [renewal]')).toBe(true)
    expect(s.endsWith('…')).toBe(true)
    expect(s.match(/\w+/g)!.length).toBe(SNIPPET_TOKENS)
  })

  it('reads Cyrillic and does not mistake the tail of a word for a match', () => {
    expect(marked('Слишком ДОРОГО для нас', 'дорог')).toBe('Слишком [ДОРОГО] для нас')
    // The scan starts shortly before the first candidate, which here is inside "xprice".
    const text = `${'a '.repeat(100)}xprice and then the price`
    expect(marked(text, 'price ')).toContain('[price]')
    expect(marked(text, 'price ')).not.toContain('[xprice]')
  })

  it('returns null when only diacritic folding would match (the caller asks FTS5 then)', () => {
    expect(marked('A café alternative', 'cafe ')).toBeNull()
    expect(marked('A café alternative', 'café ')).toBe('A [café] alternative')
  })

  it('keeps user markup as text and folds whitespace', () => {
    expect(marked('Line one\n<b>price</b>\tthere', 'price ')).toBe('Line one <b>[price]</b> there')
  })
})
