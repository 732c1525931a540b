import createDOMPurify from 'dompurify'
import { JSDOM } from 'jsdom'

/**
 * The exported HTML's last gate. reportHtml escapes every user string and draws the SVG itself, so nothing
 * here should ever have to go; DOMPurify runs anyway because an export is mailed to people who never open
 * Fieldnote, and one escaping slip in any writer must not become a script in their mail client.
 *
 * Only <body> is sanitized; the head is ours and rebuilt as written (its CSP meta and <style> are exactly
 * what DOMPurify would strip). Links may only point inside the file (#section-n): the report has no reason
 * to send a reader anywhere, and an offline file must load nothing.
 */
let purifier: ReturnType<typeof createDOMPurify> | undefined

/** Made on the first export, not at start-up: jsdom takes a few hundred milliseconds to load. */
function purify() {
  if (purifier) return purifier
  purifier = createDOMPurify(new JSDOM('').window)
  purifier.addHook('afterSanitizeAttributes', (node) => {
    for (const name of ['href', 'xlink:href'])
      if (node.hasAttribute(name) && !node.getAttribute(name)!.startsWith('#')) node.removeAttribute(name)
  })
  return purifier
}

const CONFIG = {
  USE_PROFILES: { html: true, svg: true },
  FORBID_TAGS: [
    'style',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'iframe',
    'object',
    'embed',
    'foreignObject',
    'img',
    'image',
    'link',
    'base',
    'meta',
  ],
  FORBID_ATTR: ['style', 'srcset', 'action', 'formaction'],
}

export function sanitizeReportHtml(html: string): string {
  const open = html.indexOf('<body>')
  const close = html.lastIndexOf('</body>')
  if (open < 0 || close < open) throw new Error('sanitizeReportHtml: not a report page (no <body>)')
  const body = html.slice(open + '<body>'.length, close)
  return `${html.slice(0, open + '<body>'.length)}${purify().sanitize(body, CONFIG)}${html.slice(close)}`
}
