/**
 * The few SVG pieces the board exports are built from. Every piece of user text goes through esc(), so a card
 * can hold `<script>` or quotes and still only ever be text; attributes carry numbers and fixed colours only.
 */

/** Characters XML 1.0 does not allow at all (a parser refuses the file); they are dropped, not escaped. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

/** User text as XML character data or an attribute value: the five specials escaped, illegal characters out. */
export function esc(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c)
}

/** A coordinate with at most one decimal, so the same board always prints the same numbers. */
export const n = (v: number): string => String(Math.round(v * 10) / 10)

export interface TextStyle {
  size: number
  fill?: string
  weight?: 'bold' | 'normal'
  italic?: boolean
  anchor?: 'start' | 'middle' | 'end'
  lineHeight?: number
}

/** Lines as one <text> with a <tspan> per line, the first baseline at y + size. */
export function textLines(x: number, y: number, lines: readonly string[], s: TextStyle): string {
  if (!lines.length) return ''
  const lh = s.lineHeight ?? Math.round(s.size * 1.3)
  const attrs = [
    `x="${n(x)}"`,
    `y="${n(y + s.size)}"`,
    `font-size="${s.size}"`,
    `fill="${s.fill ?? '#1f2937'}"`,
    s.weight === 'bold' ? 'font-weight="bold"' : '',
    s.italic ? 'font-style="italic"' : '',
    s.anchor && s.anchor !== 'start' ? `text-anchor="${s.anchor}"` : '',
  ].filter(Boolean)
  const spans = lines.map((l, i) => `<tspan x="${n(x)}" dy="${i === 0 ? 0 : lh}">${esc(l)}</tspan>`)
  return `<text ${attrs.join(' ')}>${spans.join('')}</text>`
}

/** Height the lines of textLines() take. */
export const linesHeight = (count: number, s: TextStyle): number =>
  count === 0
    ? 0
    : s.size + (count - 1) * (s.lineHeight ?? Math.round(s.size * 1.3)) + Math.round(s.size * 0.3)

export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

/** The document around the drawing: fixed namespace, size, title; nothing that loads or runs anything. */
export function svgDocument(width: number, height: number, title: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" ` +
    `viewBox="0 0 ${n(width)} ${n(height)}" font-family="${FONT}" role="img">` +
    `<title>${esc(title)}</title>` +
    `<rect x="0" y="0" width="${n(width)}" height="${n(height)}" fill="#ffffff"/>` +
    body +
    '</svg>'
  )
}
