import { describe, expect, it } from 'vitest'
import { anonymizeReport } from '../../src/shared/reports/anonymize'
import { drawChart } from '../../src/shared/reports/charts'
import type { ReportDocument } from '../../src/shared/reports/model'

const chart = drawChart({
  title: 'Reasons of Ann Lee, call +1 415 555 0101',
  unit: 'companies',
  bars: [
    { label: 'Acme Cloud price', value: 3, cumulativeShare: 0.75 },
    { label: 'Support', value: 1, cumulativeShare: 1 },
  ],
})

const doc: ReportDocument = {
  title: 'Report',
  subtitle: 'Made on 2026-03-02',
  language: 'en',
  createdOn: '2026-03-02',
  anonymized: false,
  sections: [
    {
      id: 'churn',
      title: 'Churn',
      blocks: [
        { kind: 'chart', chart },
        { kind: 'paragraph', runs: [{ text: 'Lee said on 02.03.2026: call 8 (495) 123-45-67.' }] },
      ],
    },
  ],
}

describe('anonymizeReport', () => {
  const { document, replacements } = anonymizeReport(doc, [
    { kind: 'participant', name: 'Ann Lee', alias: 'P1', phone: '+1 415 555 0101' },
    { kind: 'company', name: 'Acme Cloud', alias: 'C1' },
  ])
  const svg = (
    document.sections[0]!.blocks[0] as Extract<ReportDocument['sections'][0]['blocks'][0], { kind: 'chart' }>
  ).chart.svg

  it('redacts what people read in a chart and leaves its geometry', () => {
    expect(svg).not.toMatch(/Ann|Lee|Acme|555 0101/)
    expect(svg).toContain('C1 price')
    const geometry = (s: string) => s.match(/\s(viewBox|x|y|width|height|d|points)="[^"]*"/g)
    expect(geometry(svg)).toEqual(geometry(chart.svg))
    expect(replacements.map((r) => r.original)).not.toContain('0 0 720 380')
  })

  it('keeps dates, removes phones and a last name written alone', () => {
    const text = (document.sections[0]!.blocks[1] as { runs: { text: string }[] }).runs[0]!.text
    expect(text).toBe('P1 said on 02.03.2026: call [phone].')
    expect(document.subtitle).toBe('Made on 2026-03-02')
  })
})
