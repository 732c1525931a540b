import { describe, expect, it } from 'vitest'
import { mdText, reportMarkdown } from '../../src/shared/reports/markdown'
import { reportFixture } from './report-fixture'

const md = reportMarkdown(reportFixture())
const lines = md.split('\n')

describe('report Markdown', () => {
  it('writes headings #, ## and ### for the title, sections and sub-sections', () => {
    expect(lines.filter((l) => /^#{1,3} /.test(l))).toEqual([
      '# Churn study Q3 \\<2026\\> \\& onboarding',
      '## Summary',
      '## Key insights',
      '## Churn reasons',
      '### Quotes: Price too high',
      '## Customer journey',
      '## Participants and companies',
    ])
  })

  it('escapes user text so that no HTML, link or formula markup survives', () => {
    // Every < of user text is escaped, so no raw HTML tag opens anywhere.
    expect(md).not.toMatch(/(^|[^\\])<[a-z/!]/im)
    expect(md).not.toMatch(/(^|[^\\])\[[^\]]*\]\(/)
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>')
    expect(md).toContain('\\<a href="javascript:alert(1)"\\>click\\</a\\>')
    expect(md).toContain('\\<img src="https\\://evil.example/pixel.png"\\>')
    expect(md).toContain('Клиент сравнивает цены перед продлением')
    expect(mdText('*a* _b_ `c` [d](e) | f')).toBe('\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\| f')
    expect(mdText('see www.evil.example')).toBe('see www\\.evil.example')
  })

  it('keeps the marks of the runs as emphasis', () => {
    expect(md).toContain('Price is the **main** reason customers leave; *see ')
    expect(md).toContain('- Nine of twenty churned companies name price first.')
  })

  it('writes tables as GFM tables with numbers right-aligned and newlines folded', () => {
    expect(md).toContain(
      '**Churn reasons**\n\n| Code | Reason | Companies | Share | Lost MRR | Prevention |\n| --- | --- | ---: | ---: | ---: | --- |',
    )
    expect(md).toContain(
      '| PRC-01 | Price too high | 9 | 45% | $12,345.67 | =HYPERLINK("http\\://evil.example","click") |',
    )
    expect(md).toContain(
      '| ONB-02 | Onboarding, "slow" and manual | 5 | 25% | $2,500.00 | +1 call the customer |',
    )
    expect(md).toContain('| XSS | \\<script\\>alert(1)\\</script\\> | 3 | 15% | $0.00 | \\@SUM(A1) |')
    expect(md).toContain('| OTH | Other | 1 | 5% |   |   |')
  })

  it('writes quotes as > blocks with their attribution, an insight with for and against', () => {
    expect(md).toContain('> It doubled overnight.\n>\n> — Carol, Initech · Exit interview, Q3')
    expect(md).toContain('**Teams on the Basic plan leave when the renewal price jumps \\>20%**')
    expect(md).toContain('Confidence: High (78%) · Status: validated')
    expect(md).toContain('> **Against:** Price was fine, the missing export made us go.')
    expect(md).toContain('> **For:** Клиент сравнивает')
  })

  it('writes a chart as the table of its numbers and a figure as its text alternative', () => {
    expect(md).toContain(
      '**Churn reasons by companies \\<top 10\\>**\n\n| Item | companies | Cumulative share |\n| --- | ---: | ---: |\n| PRC-01 Price too high | 9 | 45% |',
    )
    expect(md).toContain('*Self-serve journey \\<v2\\>*: Journey board Self-serve journey \\<v2\\>: 5 stages')
    expect(md).not.toContain('<svg')
  })
})
