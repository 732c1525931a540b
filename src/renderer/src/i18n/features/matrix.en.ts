/** English strings of the matrix domain, under the 'matrix' key. */
export const matrixEn = {
  matrixRows: 'Rows',
  matrixColumns: 'Columns',
  matrixSameAsRows: 'Same as rows',
  matrixAllOfKind: '{{kind}}: main tags',
  matrixChildrenOf: 'Under {{name}}',
  matrixEmpty: 'No tags in this set yet. Add them in the codebook or pick another set.',
  matrixHelp:
    'Counted per company: two tags meet when the same company has quotes for both; with the same tags as rows and columns the diagonal is the number of companies with the tag.',
  cooccurrenceCaption: 'Companies with both tags',
  crossCaption: 'Companies with the row’s tag and the column’s tag',
  segmentCaption: 'Companies with the tag, by segment',
}
