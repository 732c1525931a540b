/** Russian strings of the matrix domain; same keys as matrix.en.ts (plurals: _one/_few/_many/_other). */
export const matrixRu = {
  matrixRows: 'Строки',
  matrixColumns: 'Столбцы',
  matrixSameAsRows: 'Как строки',
  matrixAllOfKind: '{{kind}}: основные метки',
  matrixChildrenOf: 'Внутри {{name}}',
  matrixEmpty: 'В этом наборе пока нет меток. Добавьте их в кодовую книгу или выберите другой набор.',
  matrixHelp:
    'Считаем по компаниям: две метки совпадают, если у одной компании есть цитаты с обеими; если строки и столбцы одинаковы, на диагонали — число компаний с меткой.',
  cooccurrenceCaption: 'Компании с обеими метками',
  crossCaption: 'Компании с меткой строки и меткой столбца',
  segmentCaption: 'Компании с меткой по сегментам',
}
