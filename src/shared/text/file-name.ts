/** A file name (without extension) the common file systems accept: no path separators, reserved characters or trailing dots. */
export function safeFileBase(name: string, fallback: string): string {
  const base = [...name]
    .map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? ' ' : ch))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
    .slice(0, 120)
  return base || fallback
}
