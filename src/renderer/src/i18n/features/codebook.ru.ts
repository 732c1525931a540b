/** Russian strings of the codebook area; same keys as codebook.en.ts (plurals: _one/_few/_many/_other). */
export const codebookRu = {
  title: 'Кодовая книга',
}
