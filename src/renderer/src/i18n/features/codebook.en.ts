/** English strings of the codebook area, under the 'codebook' key. */
export const codebookEn = {
  title: 'Codebook',
}
