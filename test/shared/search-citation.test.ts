import { describe, expect, it } from 'vitest'
import { formatCitation } from '../../src/shared/search/citation'

describe('formatCitation', () => {
  it('cites quote, participant, company with segment, study and date', () => {
    expect(
      formatCitation({
        quote: ' Too pricey ',
        participantName: 'Ann Lee',
        companyName: 'Acme',
        segment: 'B',
        studyName: 'Churn Q1',
        date: '2026-03-02T10:00:00Z',
      }),
    ).toBe('“Too pricey” — Ann Lee, Acme (B), Churn Q1, 2026-03-02')
  })
  it('leaves out what is unknown', () => {
    expect(
      formatCitation({
        quote: 'x',
        participantName: null,
        companyName: 'Acme',
        segment: null,
        studyName: null,
        date: null,
      }),
    ).toBe('“x” — Acme')
    expect(
      formatCitation({
        quote: 'x',
        participantName: null,
        companyName: null,
        segment: null,
        studyName: null,
        date: null,
      }),
    ).toBe('“x”')
  })
})
