/** English strings of the analysis area, under the 'analysis' key. */
export const analysisEn = {
  title: 'Analysis',
}
