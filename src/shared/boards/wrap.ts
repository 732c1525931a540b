/**
 * Line breaking for the exports without a font to measure (shared code has no canvas): widths are estimated
 * per character, on the wide side, so text stays inside its box in any renderer. Units are whatever `width`
 * and `size` are in (px for SVG, pt for PPTX).
 */

/** Rough width of a character in em, on the wide side so text stays inside its box; no font is measured. */
function charWidth(c: string): number {
  const code = c.codePointAt(0) ?? 0
  if (code >= 0x2e80) return 1
  if (/[iljtf.,:;'|!() ]/.test(c)) return 0.32
  if (c !== c.toLowerCase()) return 0.7
  return 0.6
}

/** Estimated width of one line of text at `size` px. */
export const textWidth = (text: string, size: number): number =>
  [...text].reduce((a, c) => a + charWidth(c), 0) * size

/**
 * Text broken into lines no wider than `width` px at `size` px, at spaces where it can, mid-word where a word is
 * longer than a line; paragraphs (newlines) are kept. Past maxLines the last line ends with an ellipsis.
 */
export function wrap(text: string, width: number, size: number, maxLines = Infinity): string[] {
  const limit = Math.max(1, width / size)
  const lines: string[] = []
  for (const para of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = ''
    let w = 0
    for (const word of para.split(/[ \t]+/).filter(Boolean)) {
      const ww = [...word].reduce((a, c) => a + charWidth(c), 0)
      if (line && w + 0.28 + ww <= limit) {
        line += ` ${word}`
        w += 0.28 + ww
        continue
      }
      if (line) lines.push(line)
      line = ''
      w = 0
      for (const c of word) {
        if (w + charWidth(c) > limit && line) {
          lines.push(line)
          line = ''
          w = 0
        }
        line += c
        w += charWidth(c)
      }
    }
    lines.push(line)
  }
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  kept[maxLines - 1] = `${(kept[maxLines - 1] ?? '').replace(/\s*\S?$/, '')}…`
  return kept
}
