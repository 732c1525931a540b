/** Russian strings of the highlights area; same keys as highlights.en.ts (plurals: _one/_few/_many/_other). */
export const highlightsRu = {
  title: 'Выделения',
}
