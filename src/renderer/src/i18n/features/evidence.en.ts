/** English strings of the evidence area, under the 'evidence' key. */
export const evidenceEn = {
  title: 'Evidence & search',
}
