export const HIGHLIGHTS_CHANNELS = [
  'highlights:listForInterview',
  'highlights:create',
  'highlights:setTags',
  'highlights:update',
  'highlights:delete',
  'transcripts:import',
  'transcripts:list',
  'transcripts:get',
  'transcripts:delete',
] as const
