/** Tag changes show wherever tags are shown: highlights, evidence, search and the roll-ups. */
export const TAG_DEPENDENTS = [
  'highlights',
  'transcripts',
  'search',
  'evidence',
  'churn',
  'forces',
  'matrix',
  'jobStories',
  'imports',
  'interviews',
]
