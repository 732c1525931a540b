export const CODEBOOK_CHANNELS = [
  'tags:list',
  'tags:create',
  'tags:update',
  'tags:move',
  'tags:merge',
  'tags:undoMerge',
  'tags:deleteImpact',
  'tags:delete',
  'tags:restore',
  'tags:seedStarter',
  'tags:exportQdc',
  'tags:importQdc',
] as const
