/** Russian strings of the analysis area; same keys as analysis.en.ts (plurals: _one/_few/_many/_other). */
export const analysisRu = {
  title: 'Анализ',
}
