import { describe, expect, it } from 'vitest'
import {
  buildMatchQuery,
  MATCH_CLOSE,
  MATCH_OPEN,
  parseSearchInput,
  snippetSegments,
} from '../../src/shared/search/query'

describe('buildMatchQuery', () => {
  it('returns null for empty or punctuation-only input', () => {
    expect(buildMatchQuery('')).toBeNull()
    expect(buildMatchQuery('   \n\t')).toBeNull()
    expect(buildMatchQuery('"" * - ( ) : ^')).toBeNull()
  })

  it('quotes every word and prefixes the last one while it is being typed', () => {
    expect(buildMatchQuery('pricing to')).toBe('"pricing" "to"')
    expect(buildMatchQuery('pricing expens')).toBe('"pricing" "expens"*')
    expect(buildMatchQuery('pricing expens ')).toBe('"pricing" "expens"')
  })

  it('does not prefix-expand words shorter than three letters', () => {
    expect(buildMatchQuery('ab')).toBe('"ab"')
    expect(buildMatchQuery('abc')).toBe('"abc"*')
  })

  it('turns FTS5 operators and syntax into plain words', () => {
    expect(buildMatchQuery('cats AND dogs')).toBe('"cats" "AND" "dogs"*')
    expect(buildMatchQuery('a OR b NOT c')).toBe('"a" "OR" "b" "NOT" "c"')
    expect(buildMatchQuery('NEAR(one two, 3)')).toBe('"NEAR" "one" "two" "3"')
    expect(buildMatchQuery('plain_text: x*')).toBe('"plain" "text" "x"')
    expect(buildMatchQuery('^start +plus -minus')).toBe('"start" "plus" "minus"*')
  })

  it('keeps balanced quoted phrases and ignores an unbalanced quote', () => {
    expect(buildMatchQuery('"too expensive" renewal')).toBe('"too expensive" "renewal"*')
    expect(buildMatchQuery('renewal "too expensive"')).toBe('"renewal" "too expensive"')
    expect(buildMatchQuery('"too expens')).toBe('"too" "expens"*')
    expect(buildMatchQuery('a "b c" "d')).toBe('"a" "b c" "d"')
  })

  it('handles Cyrillic and diacritics as letters', () => {
    expect(buildMatchQuery('дорого цен')).toBe('"дорого" "цен"*')
    expect(buildMatchQuery('café naïve')).toBe('"café" "naïve"*')
    expect(parseSearchInput('Ёлка')).toEqual([{ tokens: ['Ёлка'], prefix: true }])
  })

  it('caps the number of terms', () => {
    const many = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ')
    expect(parseSearchInput(many)).toHaveLength(16)
  })
})

describe('snippetSegments', () => {
  it('splits marked text into match and plain segments', () => {
    expect(
      snippetSegments(`…the ${MATCH_OPEN}price${MATCH_CLOSE} went ${MATCH_OPEN}up${MATCH_CLOSE}`),
    ).toEqual([
      { text: '…the ', match: false },
      { text: 'price', match: true },
      { text: ' went ', match: false },
      { text: 'up', match: true },
    ])
  })
  it('keeps HTML-looking text as text', () => {
    expect(snippetSegments(`<b>${MATCH_OPEN}x${MATCH_CLOSE}</b>`)).toEqual([
      { text: '<b>', match: false },
      { text: 'x', match: true },
      { text: '</b>', match: false },
    ])
  })
  it('returns nothing for an empty snippet', () => {
    expect(snippetSegments('')).toEqual([])
  })
})
