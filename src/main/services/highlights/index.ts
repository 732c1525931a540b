export * from './edit'
export * from './list'
export * from './note-sync'
export * from './tag-links'
