/** Russian strings of the evidence area; same keys as evidence.en.ts (plurals: _one/_few/_many/_other). */
export const evidenceRu = {
  title: 'Цитаты и поиск',
}
