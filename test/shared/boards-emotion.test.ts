import { describe, expect, it } from 'vitest'
import { asIsValue, emotionByStage, emotionPoint } from '../../src/shared/boards/emotion'

describe('journey emotion curve', () => {
  it('is the mean of the scored quotes, with n and the spread', () => {
    const p = emotionPoint([-2, -1, 0, 1], 3, 4)
    expect(p.n).toBe(4)
    expect(p.mean).toBe(-0.5)
    expect([p.min, p.max]).toEqual([-2, 1])
    // Population standard deviation of -2, -1, 0, 1 around -0.5: sqrt((2.25 + 0.25 + 0.25 + 2.25) / 4).
    expect(p.sd).toBeCloseTo(Math.sqrt(1.25), 12)
    expect([p.companies, p.participants]).toEqual([3, 4])
  })

  it('leaves a gap, not a zero, where nobody spoke', () => {
    const points = emotionByStage(['aware', 'buy', 'use'], [
      { stageIds: ['aware'], score: 2, companyId: 'c1', participantId: 'p1' },
      { stageIds: ['use'], score: -1, companyId: 'c1', participantId: 'p1' },
      { stageIds: ['use'], score: -2, companyId: 'c2', participantId: 'p2' },
    ])
    expect(points.get('aware')?.mean).toBe(2)
    expect(points.get('buy')).toMatchObject({ n: 0, mean: null, sd: null })
    expect(points.get('use')).toMatchObject({ n: 2, mean: -1.5, companies: 2, participants: 2 })
    expect(asIsValue(points.get('buy')!, null)).toEqual({ value: null, source: 'none' })
  })

  it('counts a quote once per stage even when several of its tags point there', () => {
    const points = emotionByStage(['s'], [{ stageIds: ['s', 's'], score: 1, companyId: null, participantId: null }])
    expect(points.get('s')).toMatchObject({ n: 1, mean: 1, companies: 0 })
  })

  it('an override wins and says so; evidence otherwise', () => {
    const p = emotionPoint([1, 2])
    expect(asIsValue(p, -1)).toEqual({ value: -1, source: 'override' })
    expect(asIsValue(p, null)).toEqual({ value: 1.5, source: 'evidence' })
    expect(asIsValue(emotionPoint([]), 0)).toEqual({ value: 0, source: 'override' })
  })

  it('refuses a score off the −2 … +2 scale', () => {
    expect(() => emotionPoint([3])).toThrow(RangeError)
    expect(() => emotionPoint([Number.NaN])).toThrow(RangeError)
  })
})
