import { describe, expect, it } from 'vitest'
import { reportHtml } from '../../src/shared/reports/html'
import { reportFixture, HOSTILE } from './report-fixture'
import { expectInert } from './reports-html-tools'

const doc = reportFixture()
const html = reportHtml(doc)
const page = expectInert(html)
const text = page.body.textContent ?? ''

describe('report HTML', () => {
  it('is one self-contained file with a restrictive policy and nothing that runs or loads', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    const csp = page.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')
    expect(csp).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:")
    expect(page.querySelectorAll('script')).toHaveLength(0)
    expect(html).not.toMatch(/<script|<link|@import|url\(|<[^<>]*\ssrc=/i)
    expect(page.documentElement.lang).toBe('en')
    expect(page.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8')
  })

  it('keeps every hostile string as visible text, escaped', () => {
    for (const t of Object.values(HOSTILE)) expect(text).toContain(t)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('&lt;a href=&quot;javascript:alert(1)&quot;&gt;click&lt;/a&gt;')
  })

  it('gives the PDF its outline: the title as h1, sections as h2, sub-sections as h3', () => {
    expect([...page.querySelectorAll('h1')].map((h) => h.textContent)).toEqual([doc.title])
    const h2 = [...page.querySelectorAll('main h2')].map((h) => h.textContent)
    expect(h2).toEqual(doc.sections.map((s) => s.title))
    expect([...page.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['Quotes: Price too high'])
    const contents = [...page.querySelectorAll('nav a')].map((a) => [a.textContent, a.getAttribute('href')])
    expect(contents[0]).toEqual(['Summary', '#section-1'])
    expect(page.getElementById('section-1')?.querySelector('h2')?.textContent).toBe('Summary')
    expect(html).toMatch(/@page \{[^}]*margin/)
    expect(html).toContain('break-inside: avoid')
  })

  it('writes tables with typed, formatted cells and quotes with their attribution', () => {
    const table = page.querySelector('table')!
    expect(table.querySelector('caption')?.textContent).toBe('Churn reasons')
    expect([...table.querySelectorAll('th')].map((t) => t.textContent)).toEqual([
      'Code',
      'Reason',
      'Companies',
      'Share',
      'Lost MRR',
      'Prevention',
    ])
    const first = [...table.querySelectorAll('tbody tr')[0]!.querySelectorAll('td')].map((t) => t.textContent)
    expect(first).toEqual(['PRC-01', 'Price too high', '9', '45%', '$12,345.67', HOSTILE.hyperlink])
    expect(table.querySelectorAll('tbody tr')[4]!.querySelectorAll('td')[4]!.textContent).toBe('')
    const companies = page
      .querySelectorAll('table')[1]!
      .querySelectorAll('tbody tr')[1]!
      .querySelectorAll('td')
    expect([...companies].map((t) => t.textContent)).toEqual([
      'ООО «Ромашка»',
      '€120.50',
      '3',
      '-2.25',
      '2025-12-31',
    ])
    // One element per quote: its words, then who said them in its footer.
    const quote = page.querySelector('h3 ~ blockquote.quote')!
    expect(quote.firstChild?.textContent).toBe('It doubled overnight.')
    expect(quote.querySelector('footer')?.textContent).toBe('— Carol, Initech · Exit interview, Q3')
    expect(quote.children).toHaveLength(1)
    expect(page.querySelector('strong')?.textContent).toBe('main')
  })

  it('shows an insight with its confidence, reasons and the quote against it', () => {
    const insight = page.querySelector('article.insight')!
    expect(insight.querySelector('.statement')?.textContent).toBe(
      'Teams on the Basic plan leave when the renewal price jumps >20%',
    )
    expect(insight.querySelector('.confidence')?.textContent).toBe(
      'Confidence: High (78%) · Status: validated',
    )
    expect(insight.querySelectorAll('.reasons li')).toHaveLength(4)
    const against = insight.querySelectorAll('blockquote.quote.against')
    expect(against).toHaveLength(1)
    expect(against[0]!.textContent).toContain('Against:Price was fine')
  })

  it('inlines the charts and the board as SVG with their text alternative', () => {
    const svgs = page.querySelectorAll('figure svg')
    expect(svgs).toHaveLength(2)
    const labels = [...page.querySelectorAll('figure > div[role="img"]')].map((d) =>
      d.getAttribute('aria-label'),
    )
    expect(labels[0]).toBe('Churn reasons by companies <top 10> (companies)')
    expect(labels[1]).toContain('Journey board')
    expect(html).not.toContain('http://www.w3.org/2000/svg')
  })

  it('says so when the report is anonymized, in the report language', () => {
    const ru = reportHtml({ ...doc, language: 'ru', anonymized: true })
    const p = expectInert(ru)
    expect(p.documentElement.lang).toBe('ru')
    expect(p.querySelector('.note')?.textContent).toContain('Обезличено')
    expect(p.querySelector('nav h2')?.textContent).toBe('Содержание')
  })
})
