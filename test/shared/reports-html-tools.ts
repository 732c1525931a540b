import { JSDOM } from 'jsdom'
import { expect } from 'vitest'

/** A URL scheme or a protocol-relative start: anything a browser would fetch or run. */
const EXTERNAL = /^\s*(?:[a-z][a-z0-9+.-]*:|\/\/)/i

/**
 * What a browser would make of report HTML, checked the way an attacker would try it: no script element, no
 * event handler attribute, no attribute (href, src, xlink:href, style url()) pointing outside the file.
 */
export function expectInert(html: string): Document {
  const { document } = new JSDOM(html).window
  expect(
    document.querySelectorAll('script, iframe, object, embed, img, image, foreignObject, link, base, form'),
  ).toHaveLength(0)
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      expect(a.name, `${el.tagName} ${a.name}`).not.toMatch(/^on/i)
      if (/^(href|src|xlink:href|action|formaction|srcset|poster|data)$/i.test(a.name))
        expect(a.value, `${el.tagName} ${a.name}`).not.toMatch(EXTERNAL)
      if (a.name === 'style') expect(a.value).not.toMatch(/url\(/i)
    }
  }
  // The same on the raw text, for a parser more lenient than jsdom's.
  expect(html).not.toMatch(/<[^>]+\s(?:href|src|xlink:href)\s*=\s*["']?\s*(?:[a-z]+:|\/\/)/i)
  for (const style of document.querySelectorAll('style'))
    expect(style.textContent).not.toMatch(/url\(|@import/i)
  return document
}
