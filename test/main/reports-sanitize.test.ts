import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { sanitizeReportHtml } from '../../src/main/services/reports/formats/sanitize'
import { reportHtml } from '../../src/shared/reports/html'
import { HOSTILE, reportFixture } from '../shared/report-fixture'
import { expectInert } from '../shared/reports-html-tools'

const html = reportHtml(reportFixture())
const count = (page: string, selector: string) =>
  new JSDOM(page).window.document.querySelectorAll(selector).length

describe('the exported HTML after DOMPurify', () => {
  it('keeps everything our writer made: head, text, charts, the board and the in-page links', () => {
    const clean = sanitizeReportHtml(html)
    expect(clean.slice(0, clean.indexOf('<body>'))).toBe(html.slice(0, html.indexOf('<body>')))
    const before = new JSDOM(html).window.document
    const after = expectInert(clean)
    expect(after.body.textContent).toBe(before.body.textContent)
    for (const selector of ['svg', 'svg rect', 'svg text', 'svg title', 'table', 'blockquote', 'h2', 'h3'])
      expect(count(clean, selector), selector).toBe(count(html, selector))
    expect(count(clean, 'a[href^="#section-"]')).toBe(count(html, 'a[href^="#section-"]'))
    for (const t of Object.values(HOSTILE)) expect(after.body.textContent).toContain(t)
    // Every attribute too: a chart without its viewBox, x and width draws nothing (DOMPurify once kept none).
    const attributes = (d: Document) =>
      [...d.body.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes].map((a) => `${el.tagName}[${a.name}=${a.value}]`),
      )
    expect(attributes(after)).toEqual(attributes(before))
    expect(attributes(after).some((a) => a.startsWith('svg[viewBox='))).toBe(true)
  })

  it('strips what a writer slip could let into the body: scripts, handlers, external and script links', () => {
    const slipped = html.replace(
      '<main>',
      '<main><script>alert(1)</script><img src="https://evil.example/p.png" onerror="alert(1)">' +
        '<a href="javascript:alert(1)">x</a><a href="https://evil.example">y</a>' +
        '<svg><a xlink:href="https://evil.example"><text>z</text></a><foreignObject><p>f</p></foreignObject></svg>' +
        '<p style="background:url(https://evil.example)" onclick="alert(1)">kept text</p><form><input></form>',
    )
    expect(() => expectInert(slipped)).toThrow()
    const clean = sanitizeReportHtml(slipped)
    expectInert(clean)
    // The fixture's own hostile strings mention it as escaped text; only those mentions may remain.
    const mentions = (page: string, word: string) => page.split(word).length
    for (const word of ['evil.example', 'onerror', 'onclick', 'javascript:'])
      expect(mentions(clean, word), word).toBe(mentions(html, word))
    expect(clean).not.toMatch(/<script/i)
    expect(clean).toContain('kept text')
  })

  it('refuses a page without a body rather than guessing', () => {
    expect(() => sanitizeReportHtml('<p>no page</p>')).toThrow(/no <body>/)
  })
})
