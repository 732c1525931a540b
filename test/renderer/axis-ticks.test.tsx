import { render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { axisTicks } from '../../src/renderer/src/features/churn/axis-ticks'
import { ParetoChart, type Bar } from '../../src/renderer/src/features/churn/ParetoChart'
import { fmtNumber } from '../../src/renderer/src/lib/format'
import { setLanguage } from './render'

describe('axisTicks', () => {
  it('ticks a count axis at whole numbers only', () => {
    expect(axisTicks(1, { integer: true })).toEqual([0, 1])
    expect(axisTicks(2, { integer: true })).toEqual([0, 1, 2])
    expect(axisTicks(3, { integer: true })).toEqual([0, 1, 2, 3])
    expect(axisTicks(7, { integer: true })).toEqual([0, 2, 4, 6, 8])
    expect(axisTicks(40, { integer: true })).toEqual([0, 10, 20, 30, 40])
    expect(axisTicks(123_456, { integer: true })).toEqual([0, 50_000, 100_000, 150_000])
    expect(axisTicks(0, { integer: true })).toEqual([0, 1])
  })

  it('allows round fractions on a continuous axis', () => {
    expect(axisTicks(1, { integer: false })).toEqual([0, 0.5, 1])
  })

  it('every tick list reaches the largest value in at most four round steps', () => {
    for (let max = 1; max <= 2000; max += 7) {
      const ticks = axisTicks(max, { integer: true })
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max)
      expect(ticks.length - 1).toBeLessThanOrEqual(4)
      expect(ticks.every(Number.isInteger)).toBe(true)
    }
  })
})

const bar = (tagId: string, value: number, share: number, cumulativeShare: number): Bar => ({
  tagId,
  code: tagId.toUpperCase(),
  name: tagId,
  value,
  share,
  cumulativeShare,
})

function axisLabels(container: HTMLElement, cls: string): string[] {
  return [...container.querySelectorAll(`text.${cls}`)].map((n) => n.textContent ?? '')
}

describe('the Pareto chart’s axes', () => {
  it('shows no half companies, and numbers and shares in the Russian way', async () => {
    await setLanguage('ru')
    const one = render(
      <ParetoChart
        bars={[bar('prc', 1, 1, 1)]}
        format={(v) => fmtNumber(v)}
        title="Причины"
        selected={null}
        onSelect={() => {}}
      />,
    )
    expect(axisLabels(one.container, 'axis-value')).toEqual(['0', '1'])
    expect(axisLabels(one.container, 'axis-share').map((s) => s.replace(/\s/g, ' '))).toEqual([
      '0 %',
      '50 %',
      '100 %',
    ])
    one.unmount()

    const many = render(
      <ParetoChart
        bars={[bar('prc', 3000, 0.6, 0.6), bar('sup', 2000, 0.4, 1)]}
        format={(v) => fmtNumber(v)}
        title="Причины"
        selected={null}
        onSelect={() => {}}
      />,
    )
    expect(axisLabels(many.container, 'axis-value').map((s) => s.replace(/\s/g, ' '))).toEqual([
      '0',
      '1 000',
      '2 000',
      '3 000',
    ])
  })
})
