import { describe, expect, it } from 'vitest'
import { isStandardLayout, resolveMapping, suggestMapping } from '../../src/shared/csv/mapping'

describe('column mapping', () => {
  it('recognises the standard layout and other tools’ headers', () => {
    expect(isStandardLayout('churnSurvey', ['date', 'company', 'reason', 'comment', 'mrr'])).toBe(true)
    expect(isStandardLayout('companies', ['Name', 'Segment', 'MRR'])).toBe(true)
    const headers = ['Customer Name', 'Cancelled At', 'Cancellation Reason', 'Feedback', 'MRR at cancel']
    expect(isStandardLayout('churnSurvey', headers)).toBe(false)
    expect(suggestMapping('churnSurvey', headers)).toEqual({
      date: 'Cancelled At',
      company: 'Customer Name',
      reason: 'Cancellation Reason',
      comment: 'Feedback',
      mrr: 'MRR at cancel',
    })
  })
  it('resolves a mapping and names what is missing', () => {
    expect(resolveMapping('companies', ['Account', 'Tier'], { name: 'Account', segment: 'Tier' })).toEqual({
      name: 0,
      segment: 1,
    })
    expect(() => resolveMapping('churnSurvey', ['x'], { date: 'x' })).toThrow(/company, reason/)
    expect(() => resolveMapping('companies', ['x'], { name: 'nope' })).toThrow(/"nope"/)
  })
})
