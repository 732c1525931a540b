import { describe, expect, it } from 'vitest'
import { CHART_HEIGHT, CHART_WIDTH, chartNumber, drawChart } from '../../src/shared/reports/charts'
import { expectWellFormed, textsOf } from './boards-export-tools'
import { HOSTILE, PARETO } from './report-fixture'

describe('report charts', () => {
  it('draws a Pareto: a bar per reason, the cumulative line and the 80% mark, at a fixed size', () => {
    expect([PARETO.width, PARETO.height]).toEqual([CHART_WIDTH, CHART_HEIGHT])
    expectWellFormed(PARETO.svg, 'pareto')
    expect(PARETO.svg).toMatch(new RegExp(`^<svg [^>]*width="${CHART_WIDTH}" height="${CHART_HEIGHT}"`))
    // One bar per reason plus the white background.
    expect(PARETO.svg.match(/<rect /g)).toHaveLength(5 + 1)
    expect(PARETO.svg).toContain('<polyline')
    expect(PARETO.svg.match(/<circle /g)).toHaveLength(5)
    const texts = textsOf(PARETO.svg, 'tspan')
    for (const t of ['80%', '100%', '0%', 'companies', '9']) expect(texts).toContain(t)
    // The axis runs in whole steps to 12 for a largest bar of 9; the 80 % mark is dashed.
    for (const t of ['3', '6', '12']) expect(texts).toContain(t)
    expect(texts.join(' ')).toContain('PRC-01 Price too high')
    expect(PARETO.svg).toContain('stroke-dasharray="5 4"')
  })

  it('escapes every text: a label is text, never markup', () => {
    expect(PARETO.svg).not.toMatch(/<script|alert\(1\)<\//)
    expect(PARETO.svg).toContain('&lt;script&gt;')
    expect(textsOf(PARETO.svg, 'title')).toEqual(['Churn reasons by companies <top 10>'])
    expect(textsOf(PARETO.svg, 'tspan').join(' ')).toContain('Нет интеграции')
    const attack = drawChart({
      title: HOSTILE.img,
      unit: '"><svg onload=alert(1)>',
      bars: [{ label: 'a', value: 1 }],
    })
    expectWellFormed(attack.svg, 'attack')
    expect(attack.svg).not.toMatch(/<img|<svg onload/)
    expect(attack.svg).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })

  it('draws plain bars without the Pareto line, and an empty chart without failing', () => {
    const plain = drawChart({
      title: 'NPS',
      unit: 'respondents',
      bars: [
        { label: 'Promoters', value: 12 },
        { label: 'Detractors', value: 3 },
      ],
    })
    expect(plain.svg).not.toContain('<polyline')
    expect(plain.svg).not.toContain('80%')
    const empty = drawChart({ title: 'Nothing', unit: 'companies', bars: [] })
    expectWellFormed(empty.svg, 'empty')
    expect(empty.svg).not.toMatch(/NaN|Infinity/)
  })

  it('writes numbers the same in every language: a narrow space groups thousands', () => {
    expect(chartNumber(12345.6)).toBe('12\u202f346')
    expect(chartNumber(2.25)).toBe('2.3')
    expect(chartNumber(0)).toBe('0')
  })
})
