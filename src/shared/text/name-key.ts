/**
 * How names of things people type (companies, reasons) are compared: case- and width-insensitive in every
 * script, whitespace collapsed ("ООО  Ромашка" is "ооо ромашка", "Ｃａｆé" is "café"). SQLite's NOCASE
 * folds ASCII only, so such comparisons happen here.
 */
export const nameKey = (name: string): string =>
  name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()
