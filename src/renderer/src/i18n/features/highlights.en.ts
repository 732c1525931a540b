/** English strings of the highlights area, under the 'highlights' key. */
export const highlightsEn = {
  title: 'Highlights',
}
